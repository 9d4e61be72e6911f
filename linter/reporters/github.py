"""GitHub Actions workflow commands: one annotation per finding."""
from __future__ import annotations

from .base import Reporter
from .columns import convert, finding_lines, line_text as _line_text
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
            article = finding_lines(lines, f)
            col = convert(_line_text(article, f.line), f.column, self.ctx.column_unit)
            end_col = convert(_line_text(article, f.end_line), f.end_column, self.ctx.column_unit)
            self.out.write(f"::{_COMMAND[f.severity]} file={_prop(f.path)},{self._region(f, col, end_col)},"
                           f"title={_prop(f.code + ' ' + f.name)}::{self._prefix(f, col)}{_data(f.message)}\n")
        if result.error is not None:
            self.out.write(f"::error file={_prop(result.path)},title=newslint::{_data(result.error.message)}\n")

    @staticmethod
    def _region(f, col: int, end_col: int) -> str:
        """Where the annotation goes: the finding's place, or for a record of
        a shard the record's line (a JSONL record is a line; GitHub cannot
        point inside a record's article)."""
        if f.record is not None:
            return f"line={f.record}"
        return f"line={f.line},col={col},endLine={f.end_line},endColumn={end_col}"

    @staticmethod
    def _prefix(f, col: int) -> str:
        """A record's finding names its full place in the message: `shard.jsonl:12:5:17: `."""
        return "" if f.record is None else _data(f"{f.place}:{f.line}:{col}: ")

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
