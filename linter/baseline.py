"""Baselines: adopt newslint on an old data repository today.

`newslint baseline PATH... --output FILE` records the fingerprints of the
current findings; `newslint check --baseline FILE` reports only findings
whose fingerprint is not recorded. A fingerprint hashes the rule code, the
path, the flagged line's text (white space folded) and the finding's index
among equal ones, so findings survive lines moving above them; editing the
flagged line makes its finding new again. Run both commands from the same
folder: paths are part of the fingerprint.
"""
from __future__ import annotations

import json
from collections import Counter

from .errors import UsageError

BASELINE_VERSION = 1


def load(path: str) -> Counter:
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
        return Counter(entry["fingerprint"] for entry in data["findings"])
    except (TypeError, KeyError) as exc:
        raise UsageError(f"baseline {path}: an entry has no fingerprint") from exc


class BaselineFilter:
    """Drops findings recorded in the baseline (each recorded fingerprint
    absorbs as many findings as it was recorded for)."""

    def __init__(self, known: Counter):
        self.remaining = Counter(known)
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
