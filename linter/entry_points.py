"""The entry points of one group, read from the installed distributions'
metadata folders without importing `importlib.metadata`.

`importlib.metadata` imports the `email` package at import time (to parse
METADATA files as mail headers): 25-50 ms on this project's machine, a
fifth of what a one-file run (a pre-commit hook, an editor) costs in all,
spent before the first rule runs. What newslint needs from it is small:
every `*.dist-info` / `*.egg-info` folder on `sys.path` with an
`entry_points.txt` that has a `[newslint]` section, the first distribution
of a name winning, as `importlib.metadata.entry_points()` does. That is
read here with `os.scandir` and a few string operations.

Where this reading could differ from the standard library's, it does not
guess: a `sys.path` entry that is a file (a zip archive or an egg) makes
`entry_points` return None, and the caller asks `importlib.metadata`.
"""
from __future__ import annotations

import importlib
import os
import re
import sys
from typing import NamedTuple

_METADATA_SUFFIXES = (".dist-info", ".egg-info")
_NORMAL = re.compile(r"[-_.]+")


class Distribution(NamedTuple):
    name: str
    version: str


class EntryPoint(NamedTuple):
    """What `importlib.metadata.EntryPoint` offers that newslint uses."""

    name: str
    value: str
    group: str
    dist: Distribution | None

    def load(self):
        """The object named by `value`, "module" or "module:attr.attr"."""
        module, _, attribute = self.value.partition(":")
        found = importlib.import_module(module.strip())
        for part in filter(None, attribute.strip().split(".")):
            found = getattr(found, part)
        return found


def entry_points(group: str, path: list[str] | None = None) -> list[EntryPoint] | None:
    """The entry points of `group`, in the order of `path` (default
    `sys.path`), one distribution per normalised name (the first found);
    None when a path entry is an archive this reader leaves to the
    standard library."""
    found: list[EntryPoint] = []
    try:
        for _key, info in _metadata_folders(path):
            section = _section(os.path.join(info, "entry_points.txt"), group) if os.path.isdir(info) else []
            if section:
                dist = _distribution(info)
                found.extend(EntryPoint(ep_name, value, group, dist) for ep_name, value in section)
    except _Archive:
        return None
    return found


def distribution_version(name: str, path: list[str] | None = None) -> str | None:
    """The version of the first installed distribution called `name`, or
    None (not installed, or on a path entry left to the standard library)."""
    key = _NORMAL.sub("_", name).lower()
    try:
        for found, info in _metadata_folders(path):
            if found == key:
                dist = _distribution(info)
                return dist.version if dist else None
    except _Archive:
        return None
    return None


class _Archive(Exception):
    """A path entry is a file (a zip or an egg): importlib.metadata reads those."""


def _metadata_folders(path: list[str] | None):
    """(normalised name, path) of each distribution's metadata on `path`
    (default `sys.path`), in order, the first of a name only: a later copy
    is hidden, as in importlib.metadata. A legacy *.egg-info *file* is a
    distribution too, without entry points, and hides a later copy as well.
    Raises _Archive at a path entry that is a file."""
    seen: set[str] = set()
    for entry in sys.path if path is None else path:
        folder = entry or "."
        if os.path.isfile(folder):
            raise _Archive(folder)
        try:
            names = sorted(item.name for item in os.scandir(folder) if item.name.endswith(_METADATA_SUFFIXES))
        except OSError:
            continue  # a missing or unreadable folder holds no distribution
        for name in names:
            key = _normalised(name)
            if key not in seen:
                seen.add(key)
                yield key, os.path.join(folder, name)


def _normalised(folder_name: str) -> str:
    """The distribution's name from its metadata folder's name
    ("foo_bar-1.0.dist-info", "foo.egg-info"), normalised as PEP 503 does."""
    stem = folder_name.rsplit(".", 1)[0]
    return _NORMAL.sub("_", stem.split("-", 1)[0]).lower()


def _section(path: str, group: str) -> list[tuple[str, str]]:
    """(name, value) of the `[group]` section of an entry_points.txt (an
    INI file; an extra in brackets after the value is dropped)."""
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except (OSError, UnicodeDecodeError):
        return []
    inside, pairs = False, []
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line[0] in "#;":
            continue
        if line.startswith("[") and line.endswith("]"):
            inside = line[1:-1].strip() == group
        elif inside and "=" in line:
            name, _, value = line.partition("=")
            pairs.append((name.strip(), value.split("[", 1)[0].strip()))
    return pairs


def _distribution(info: str) -> Distribution | None:
    """Name and version from the METADATA (PKG-INFO) headers of a metadata folder."""
    for file in ("METADATA", "PKG-INFO"):
        try:
            with open(os.path.join(info, file), encoding="utf-8") as handle:
                name = version = None
                for line in handle:
                    if not line.strip():
                        break  # the headers end at the first blank line
                    if line.startswith("Name:"):
                        name = line[5:].strip()
                    elif line.startswith("Version:"):
                        version = line[8:].strip()
                if name and version:
                    return Distribution(name, version)
        except (OSError, UnicodeDecodeError):
            continue
    return None
