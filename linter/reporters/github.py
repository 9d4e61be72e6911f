"""GitHub Actions workflow commands: one annotation per finding."""
from __future__ import annotations

from .base import Reporter
from .escape import for_terminal

_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def _data(text: str) -> str:
    # the runner's log is shown in a terminal-like viewer: no escape sequences
    return for_terminal(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


class GithubReporter(Reporter):
    def file(self, result) -> None:
        for f in result.findings:
            self.out.write(
                f"::{_COMMAND[f.severity]} file={_prop(f.path)},line={f.line},col={f.column},"
                f"endLine={f.end_line},endColumn={f.end_column},title={_prop(f.code + ' ' + f.name)}"
                f"::{_data(f.message)}\n")
        if result.error is not None:
            self.out.write(f"::error file={_prop(result.path)},title=newslint::{_data(result.error.message)}\n")

    def finish(self, summary) -> None:
        for t in summary.thresholds:
            if t["exceeded"]:
                self.out.write(f"::error title=newslint threshold::{_data(t['name'] + ': ' + t['message'])}\n")
        if not self.ctx.quiet:
            self.out.write(f"newslint: {summary.findings} findings in {summary.files_with_findings} of "
                           f"{summary.files} files\n")
