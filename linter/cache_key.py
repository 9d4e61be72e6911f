"""Every cache key, built here and nowhere else, from everything the cached
results depend on.

- the run key: newslint's version, the plan (rules, options, severities,
  config data and folder), plugin versions and the code fingerprint (size
  and mtime of every newslint and plugin module and rule data file, so an
  edited rule or word list never serves stale results);
- a file's key: the run key, the file's path as given, its path relative
  to the config folder, the codes its per-file ignores switch off, and the
  sha256 of its bytes;
- the batch key: the run key and the key of every file of the batch, in
  order (the batch rules see nothing else);
- the snapshot key: the run key and the stat (size, mtime, ctime, inode,
  device) of every file, like git's index.
"""
from __future__ import annotations

import hashlib
import json
import os

from .config import relative_to_root
from .plan import RunPlan

FORMAT = 5  # bump when what is stored under a key changes shape


def run_key(plan: RunPlan, version: str, plugin_versions: dict, code_fingerprint: str) -> str:
    code = sorted({**plugin_versions, "code": code_fingerprint}.items())
    return _sha256(json.dumps([FORMAT, version, _plan_digest(plan), code]))


def _plan_digest(plan: RunPlan) -> str:
    data = {"rules": sorted(plan.codes), "options": plan.options, "severities": plan.severities,
            "config": plan.config.data, "root": str(plan.config.root)}
    return _sha256(json.dumps(data, sort_keys=True, default=str))


def file_key(run: str, plan: RunPlan, path: str, data: bytes) -> str:
    """The same bytes at the same relative name can be linted from other
    folders, or under other per-file ignores: both are part of the key."""
    ignored = ",".join(sorted(plan.ignored_codes(path)))
    context = f"{relative_to_root(path, plan.config.root)}\0{ignored}"
    return _sha256(f"{run}\0{path}\0{context}\0{hashlib.sha256(data).hexdigest()}")


class BatchKey:
    """The batch rules' key, fed with each file's key in path order. A file
    without a key (standard input, a fix run) leaves the batch without one."""

    def __init__(self, run: str):
        self._digest = hashlib.sha256(run.encode())
        self.complete = True

    def add(self, file_key: str | None) -> None:
        if file_key is None:
            self.complete = False
        elif self.complete:
            self._digest.update(file_key.encode())

    def value(self) -> str | None:
        return "batch:" + self._digest.hexdigest() if self.complete else None


def snapshot_key(run: str, paths: list[str]) -> str | None:
    """None when a file cannot be stat'ed: the run takes the ordinary path."""
    digest = hashlib.sha256(f"{FORMAT}\0{run}".encode())
    try:
        for path in paths:
            st = os.stat(path)
            digest.update(f"{path}\0{st.st_size}\0{st.st_mtime_ns}\0{st.st_ctime_ns}\0{st.st_ino}\0"
                          f"{st.st_dev}\n".encode("utf-8", "surrogatepass"))
    except OSError:
        return None
    return "run:" + digest.hexdigest()


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
