"""The versioned JSON report (schemas/report.schema.json) and its streaming
twin, JSON Lines."""
from __future__ import annotations

import json

from .base import Reporter

REPORT_VERSION = 2


def tool_info(ctx) -> dict:
    return {"name": "newslint", "version": ctx.tool_version,
            "plugins": dict(sorted(getattr(ctx.registry, "plugin_versions", {}).items()))}


def finding_dict(f) -> dict:
    data = f.to_dict()
    if f.fix is not None:
        data["fix"] = {"applicability": f.fix.applicability, "message": f.fix.message,
                       "edits": [e.__dict__ for e in f.fix.edits],
                       **({"transcode": f.fix.transcode} if f.fix.transcode else {})}
    return data


class JsonReporter(Reporter):
    def start(self) -> None:
        self.findings = []

    def file(self, result) -> None:
        self.findings.extend(finding_dict(f) for f in result.findings)

    def finish(self, summary) -> None:
        report = {
            "version": REPORT_VERSION,
            "tool": tool_info(self.ctx),
            "summary": summary.to_dict(),
            "findings": self.findings,
            "errors": [e.to_dict() for e in summary.errors],
        }
        json.dump(report, self.out, ensure_ascii=False, indent=2)
        self.out.write("\n")


class JsonLinesReporter(Reporter):
    """One JSON object per line: {"type": "finding", ...} as files finish,
    {"type": "error", ...} for files that could not be linted, and a last
    {"type": "summary", ...} line."""

    def file(self, result) -> None:
        for f in result.findings:
            self.out.write(json.dumps({"type": "finding", **finding_dict(f)}, ensure_ascii=False) + "\n")
        if result.error is not None:
            self.out.write(json.dumps({"type": "error", **result.error.to_dict()}, ensure_ascii=False) + "\n")
        self.out.flush()

    def finish(self, summary) -> None:
        self.out.write(json.dumps({"type": "summary", "version": REPORT_VERSION, "tool": tool_info(self.ctx),
                                   **summary.to_dict()}, ensure_ascii=False) + "\n")
