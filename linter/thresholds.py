"""Batch thresholds: gate a scrape batch by rates, not single findings.

    thresholds:
      - select: [encoding]          # codes, prefixes, names or categories
        severity: error             # only findings at or above (default: info)
        max-files-percent: 1        # fail when more than 1 % of files have one
      - select: [SPL002]
        max-findings: 500
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .config import matches
from .models import SEVERITY_RANK

LIMITS = ("max-files-percent", "max-files", "max-findings")


@dataclass
class Threshold:
    select: list
    severity: str = "info"
    limits: dict = field(default_factory=dict)
    name: str = ""
    files: int = 0
    findings: int = 0

    @classmethod
    def from_config(cls, entry: dict) -> "Threshold":
        limits = {key: entry[key] for key in LIMITS if key in entry}
        name = entry.get("name") or ", ".join(entry["select"])
        return cls(list(entry["select"]), entry.get("severity", "info"), limits, name)

    def observe(self, findings) -> None:
        hits = [f for f in findings if SEVERITY_RANK[f.severity] >= SEVERITY_RANK[self.severity]
                and any(matches(s, f) for s in self.select)]
        if hits:
            self.files += 1
            self.findings += len(hits)

    def outcome(self, total_files: int) -> dict:
        actual = {"max-files": self.files, "max-findings": self.findings,
                  "max-files-percent": round(100 * self.files / total_files, 3) if total_files else 0.0}
        exceeded = [key for key, limit in self.limits.items() if actual[key] > limit]
        return {"name": self.name, "select": self.select, "severity": self.severity, "files": self.files,
                "findings": self.findings, "files_percent": actual["max-files-percent"],
                "limits": self.limits, "exceeded": bool(exceeded),
                "message": "; ".join(f"{key} {actual[key]} > {self.limits[key]}" for key in exceeded)}


def from_config(config) -> list[Threshold]:
    return [Threshold.from_config(entry) for entry in config.get("thresholds") or []]
