"""GitHub Actions workflow commands: one annotation per finding."""
from __future__ import annotations

from .base import Reporter
from .columns import convert, line_text as _line_text
from .escape import for_terminal

_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def _data(text: str) -> str:
    # the runner's log is shown in a terminal-like viewer: no escape sequences
    return for_terminal(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


class GithubReporter(Reporter):
    def file(self, result) -> None:
        lines = self._source_lines(result)
        for f in result.findings:
            col = convert(_line_text(lines, f.line), f.column, self.ctx.column_unit)
            end_col = convert(_line_text(lines, f.end_line), f.end_column, self.ctx.column_unit)
            self.out.write(
                f"::{_COMMAND[f.severity]} file={_prop(f.path)},line={f.line},col={col},"
                f"endLine={f.end_line},endColumn={end_col},title={_prop(f.code + ' ' + f.name)}"
                f"::{_data(f.message)}\n")
        if result.error is not None:
            self.out.write(f"::error file={_prop(result.path)},title=newslint::{_data(result.error.message)}\n")

    def _source_lines(self, result) -> list | None:
        if self.ctx.column_unit == "codepoint" or not result.findings or self.ctx.source is None:
            return None
        return self.ctx.source(result.path)

    def finish(self, summary) -> None:
        for t in summary.thresholds:
            if t["exceeded"]:
                self.out.write(f"::error title=newslint threshold::{_data(t['name'] + ': ' + t['message'])}\n")
        if not self.ctx.quiet:
            self.out.write(f"newslint: {summary.findings} findings in {summary.files_with_findings} of "
                           f"{summary.files} files\n")
