"""Counts over a run, built as files finish so memory stays flat."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .models import SEVERITY_RANK, FileResult, Finding


@dataclass
class Summary:
    files: int = 0
    files_with_findings: int = 0
    findings: int = 0
    fixable: int = 0
    fixed: int = 0
    fix_skipped: int = 0
    files_fixed: int = 0
    by_code: Counter = field(default_factory=Counter)
    by_category: Counter = field(default_factory=Counter)
    by_severity: Counter = field(default_factory=Counter)
    files_by_code: Counter = field(default_factory=Counter)
    errors: list = field(default_factory=list)
    names: dict = field(default_factory=dict)  # code -> rule name
    thresholds: list = field(default_factory=list)  # outcomes of the batch thresholds
    baselined: int = 0         # findings left out because the baseline has them
    fixes_by_file: dict = field(default_factory=dict)  # path -> ((code, count), ...) of the fixes applied
    fixable_safe: int = 0      # of `fixable`, those whose fix is safe (what a plain --fix applies)
    first_by_severity: dict = field(default_factory=dict)  # severity -> its first Finding, in report order
    suppressed: int = 0        # findings left out because a .newslint-ignore sidecar lists them

    def add_file(self, result: FileResult) -> None:
        """Count a file's result (once per file)."""
        self.files += 1
        if result.error is not None:
            self.errors.append(result.error)
        if result.findings:
            self.files_with_findings += 1
        self._add_findings(result)

    def add_fixes(self, fixed: int, skipped: int, path: str | None = None, by_code: tuple = ()) -> None:
        """Count one file's fixes: `fixed` applied, `skipped` left out
        because they overlapped another; `by_code`: (code, count) of the
        applied ones, kept per `path` for --show-fixes."""
        if fixed:
            self.fixed += fixed
            self.files_fixed += 1
        if by_code and path is not None:
            self.fixes_by_file[path] = by_code
        self.fix_skipped += skipped

    def add_batch(self, result: FileResult, had_findings: bool) -> None:
        """Count the batch rules' findings on a file already counted by
        add_file (`had_findings`: did that count find any?)."""
        if result.findings and not had_findings:
            self.files_with_findings += 1
        self._add_findings(result)

    def _add_findings(self, result: FileResult) -> None:
        findings = result.findings
        if not findings:
            return
        self.findings += len(findings)
        codes = [f.code for f in findings]
        severities = [f.severity for f in findings]
        self.by_code.update(codes)
        self.by_category.update([f.category for f in findings])
        self.by_severity.update(severities)
        self.names.update(zip(codes, [f.name for f in findings]))
        fixes = [f.hit.fix for f in findings if f.hit.fix is not None]
        if fixes:
            self.fixable += len(fixes)
            self.fixable_safe += [fix.applicability for fix in fixes].count("safe")
        path = result.path
        for severity in set(severities):
            known = self.first_by_severity.get(severity)
            if known is not None and known.path < path:
                continue  # files come in path order: an earlier file's finding stays first
            first = min((f for f in findings if f.severity == severity), key=Finding.sort_key)
            if known is None or first.sort_key() < known.sort_key():  # groups of several configs: any order
                self.first_by_severity[severity] = first
        self.files_by_code.update(set(codes))

    def first_at_or_above(self, severity: str):
        """The first finding (in path order) at or above `severity`, or None."""
        found = [f for s, f in self.first_by_severity.items() if SEVERITY_RANK[s] >= SEVERITY_RANK[severity]]
        return min(found, key=Finding.sort_key, default=None)

    def count_at_or_above(self, severity: str) -> int:
        return sum(n for s, n in self.by_severity.items() if SEVERITY_RANK[s] >= SEVERITY_RANK[severity])

    def to_dict(self) -> dict:
        return {
            "files": self.files,
            "files_with_findings": self.files_with_findings,
            "findings": self.findings,
            "fixable": self.fixable,
            "fixed": self.fixed,
            "errors": len(self.errors),
            "by_code": dict(sorted(self.by_code.items())),
            "by_category": dict(sorted(self.by_category.items())),
            "by_severity": {k: self.by_severity.get(k, 0) for k in ("error", "warning", "info")},
            "baselined": self.baselined,
            "suppressed": self.suppressed,
            "thresholds": self.thresholds,
        }
