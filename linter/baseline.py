"""Baselines: adopt newslint on an old data repository today.

`newslint baseline PATH... --output FILE` records the fingerprints of the
current findings; `newslint check --baseline FILE` reports only findings
whose fingerprint is not recorded. A fingerprint hashes the rule code, the
path, the flagged line's text (white space folded) and the finding's index
among equal ones, so findings survive lines moving above them; editing the
flagged line makes its finding new again. Run both commands from the same
folder: paths are part of the fingerprint (a baseline that matches nothing
while none of its paths exists from here says so: `unmatched_warning`).
"""
from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import dataclass

from .errors import UsageError

BASELINE_VERSION = 1


@dataclass(frozen=True)
class Recorded:
    """A baseline file's contents: how often each fingerprint was recorded,
    and the paths (as `newslint baseline` was given them) in file order."""
    fingerprints: Counter
    paths: tuple[str, ...]


def load(path: str) -> Recorded:
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except OSError as exc:
        raise UsageError(f"cannot read baseline {path}: {exc.strerror or exc}") from exc
    except ValueError as exc:
        raise UsageError(f"baseline {path} is not JSON: {exc}") from exc
    if not isinstance(data, dict) or data.get("version") != BASELINE_VERSION or \
            not isinstance(data.get("findings"), list):
        raise UsageError(f"baseline {path} is not a newslint baseline (version {BASELINE_VERSION})")
    try:
        fingerprints = Counter(entry["fingerprint"] for entry in data["findings"])
    except (TypeError, KeyError) as exc:
        raise UsageError(f"baseline {path}: an entry has no fingerprint") from exc
    paths = dict.fromkeys(entry["path"] for entry in data["findings"] if isinstance(entry.get("path"), str))
    return Recorded(fingerprints, tuple(paths))


class BaselineFilter:
    """Drops findings recorded in the baseline (each recorded fingerprint
    absorbs as many findings as it was recorded for)."""

    def __init__(self, recorded: Recorded):
        self.recorded = recorded
        self.remaining = Counter(recorded.fingerprints)
        self.suppressed = 0

    def __call__(self, findings: list) -> list:
        kept = []
        for f in findings:
            if self.remaining[f.fingerprint] > 0:
                self.remaining[f.fingerprint] -= 1
                self.suppressed += 1
            else:
                kept.append(f)
        return kept

    def unmatched_warning(self) -> str | None:
        """A warning when the baseline has entries, none matched and none of
        its paths exists from the current folder: it was most likely recorded
        from another folder, and every known finding is reported as new.
        (Matching nothing on files the baseline does not cover, as a
        pre-commit hook on new files does, is no reason to warn.)"""
        total = sum(self.recorded.fingerprints.values())
        if not total or self.suppressed or _any_exists(self.recorded.paths):
            return None
        example = f", e.g. {self.recorded.paths[0]}" if self.recorded.paths else ""
        return (f"none of the {total} baseline entries matched; were they recorded from another folder? "
                f"(paths are relative to the folder `newslint baseline` ran in{example}; "
                f"this run is in {os.getcwd()})")


def _any_exists(paths) -> bool:
    return any(os.path.exists(p) for p in paths)
