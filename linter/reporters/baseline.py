"""Writes a baseline file (used by `newslint baseline`)."""
from __future__ import annotations

import json

from ..baseline import BASELINE_VERSION
from .base import Reporter


class BaselineWriter(Reporter):
    def start(self) -> None:
        self.entries = []

    def file(self, result) -> None:
        self.entries.extend(map(_entry, result.findings))

    def finish(self, summary) -> None:
        json.dump({"version": BASELINE_VERSION, "tool": {"name": "newslint", "version": self.ctx.tool_version},
                   "findings": self.entries}, self.out, ensure_ascii=False, indent=1)
        self.out.write("\n")


def _entry(f) -> dict:
    """A finding as recorded; `record` (a container's) is there to read, the fingerprint is what matches."""
    entry = {"fingerprint": f.fingerprint, "code": f.code, "path": f.path, "line": f.line, "message": f.message}
    if f.record is not None:
        entry["record"] = f.record
    return entry
