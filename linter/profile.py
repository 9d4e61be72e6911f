"""The learned furniture profile (BLP004): read, validate, write.

`newslint profile PATH... -o .newslint-profile.json` learns each source
folder's furniture templates from a large run and writes them here; later
runs read the file, so a pre-commit run on three files flags the furniture
the profile knows. Format (schemas/profile.schema.json), version 1:

    {"version": 1, "rule": "BLP004",
     "template": {"words": 8, "tail-words": 20, "max-chars": 250, "scheme": 2},
     "folders": {"site-a": {"files": 2090, "templates": [
         {"key": "1f3a…", "position": "end", "files": 2090, "example": "رابط الخبر بصحيفه …:…"}]}}}

Folder names are relative to the profile's own folder (like a baseline, it
travels with the repository); `key` is the template hash in hex; `example`
is the template's text, for the reader. A profile is checked against the
schema on load: a broken one is a one-line error, never a silently empty
profile. The run's cache key covers the profile's SHA-256 (it is put into
the rule's options), so editing the profile re-runs the batch rules.
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .errors import UsageError

PROFILE_VERSION = 1
PROFILE_NAME = ".newslint-profile.json"
RULE = "BLP004"
TEMPLATE_OPTIONS = ("words", "tail-words", "max-chars")  # options the template hashes depend on
TEMPLATE_SCHEME = 3
"""How templates are made, besides the options. 2 (the sixth pass of issue
12): month and weekday names masked in date lines, initials lines masked,
lines with a single letter in a row are candidates, short lines and lede
heads get first-word and skeleton templates. 1 (a profile without the key)
had none of these: its hashes for such lines differ."""


@dataclass(frozen=True)
class Known:
    """One furniture template of the profile, as the rule reports it."""

    folder: str
    files: int
    total: int


class Profile:
    """folder -> {template key: Known}; folders relative to `base`."""

    def __init__(self, base: str, folders: dict):
        self.base = base
        self.folders = folders

    def lookup(self, folder: str, key: int) -> Known | None:
        """The template `key` of `folder` (relative to `base`), if known."""
        return self.folders.get(folder, {}).get(key)


def schema() -> dict:
    text = resources.files("newslint.schemas").joinpath("profile.schema.json").read_text(encoding="utf-8")
    return json.loads(text)


def read_data(path: str) -> tuple[dict, str]:
    """The profile's JSON, schema-checked, and its SHA-256 (one-line errors)."""
    try:
        with open(path, "rb") as fh:
            raw = fh.read()
    except OSError as exc:
        raise UsageError(f"cannot read profile {path}: {exc.strerror or exc}") from exc
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise UsageError(f"profile {path} is not JSON: {exc}") from exc
    _validate(data, path)
    return data, hashlib.sha256(raw).hexdigest()


def _validate(data, path: str) -> None:
    import jsonschema

    error = jsonschema.exceptions.best_match(jsonschema.Draft202012Validator(schema()).iter_errors(data))
    if error is not None:
        where = "/".join(str(p) for p in error.absolute_path) or "top level"
        raise UsageError(f"profile {path} is not a newslint profile (version {PROFILE_VERSION}): "
                         f"at {where}: {error.message[:200]}")


def check_template_options(data: dict, path: str, options: dict) -> None:
    """A profile learned with other template options has other hashes:
    matching it would find nothing, silently."""
    for key in TEMPLATE_OPTIONS:
        if data["template"].get(key) != options.get(key):
            raise UsageError(f"profile {path} was learned with {key}={data['template'].get(key)}, the run uses "
                             f"{key}={options.get(key)}: run `newslint profile` again")
    scheme = data["template"].get("scheme", 1)
    if scheme != TEMPLATE_SCHEME:
        raise UsageError(f"profile {path} was learned with template scheme {scheme}, this newslint uses "
                         f"{TEMPLATE_SCHEME}: run `newslint profile` again")


def from_data(data: dict, base: str) -> Profile:
    folders = {}
    for folder, entry in data["folders"].items():
        total = entry["files"]
        folders[folder] = {int(t["key"], 16): Known(folder, t["files"], total) for t in entry["templates"]}
    return Profile(os.path.abspath(base), folders)


def resolve(explicit: str | None, configured: str | None, config_folder: str | None) -> str | None:
    """Which profile a run reads: `--profile`, else the config's `profile`
    key (relative to the config file), else `.newslint-profile.json` next to
    the config file, if there is one. A named profile must exist."""
    if explicit:
        return explicit
    if configured:
        return os.path.join(config_folder or ".", configured)
    if config_folder is not None:
        found = os.path.join(config_folder, PROFILE_NAME)
        return found if os.path.isfile(found) else None
    return None


def rule_options(path: str, options: dict) -> dict:
    """What a run passes BLP004: the profile's path and SHA-256 (the hash
    makes the cache key cover the profile's content). Checks it now, so a
    broken profile stops the run before any file is linted."""
    data, digest = read_data(path)
    check_template_options(data, path, options)
    return {"profile": os.path.abspath(path), "profile-sha256": digest}


@lru_cache(maxsize=4)
def _load(path: str, digest: str) -> Profile:
    data, _ = read_data(path)
    return from_data(data, os.path.dirname(path))


def known_furniture(options: dict) -> Profile | None:
    """The profile named in BLP004's options, or None."""
    path = options.get("profile")
    return _load(path, options.get("profile-sha256", "")) if path else None


def profile_data(learned: dict, totals: dict, examples: dict, options: dict) -> dict:
    """The profile JSON for `learned` (folder -> {key: (files, position)}),
    `totals` (folder -> files) and `examples` ((folder, key) -> template text)."""
    folders = {}
    for folder in sorted(learned):
        templates = [{"key": f"{key:016x}", "position": position, "files": files,
                      "example": examples.get((folder, key), "")}
                     for key, (files, position) in sorted(learned[folder].items(), key=lambda kv: (-kv[1][0], kv[0]))]
        if templates:
            folders[folder] = {"files": totals[folder], "templates": templates}
    return {"version": PROFILE_VERSION, "rule": RULE,
            "template": {**{key: options[key] for key in TEMPLATE_OPTIONS}, "scheme": TEMPLATE_SCHEME},
            "folders": folders}


def write(path: str, data: dict) -> None:
    from .safe_write import AtomicOutput

    try:
        out = AtomicOutput(path)
    except OSError as exc:
        raise UsageError(f"cannot write profile {path}: {exc.strerror or exc}") from exc
    try:
        json.dump(data, out.stream, ensure_ascii=False, indent=1, sort_keys=True)
        out.stream.write("\n")
        out.commit()
    except BaseException:
        out.discard()
        raise
