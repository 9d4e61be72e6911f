"""What every output format implements. Reporters never read files: they get
findings and counts, in path order, as the run produces them."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional, TextIO

from ..models import FileResult
from ..summary import Summary


@dataclass
class ReportContext:
    stream: TextIO
    registry: object          # plugins.Registry, for rule metadata
    color: bool = False
    quiet: bool = False
    statistics: bool = False
    tool_version: str = ""
    fail_on: str | None = None   # the lowest severity that fails the run (None: nothing fails, --exit-zero)
    fix: object = None           # the run's writer.FixMode (None: no --fix / --diff)
    column_unit: str = "codepoint"  # how text and github count columns: codepoint, utf-8, utf-16
    show_source: bool = False    # text: quote the flagged part of the line under each finding
    show_fixes: bool = False     # text: list the fixes applied, by file and code
    # path -> the decoded lines of that file as linted (None: not available); only
    # given when column_unit or show_source needs them
    source: Optional[Callable[[str], Optional[list]]] = None


class Reporter:
    """Subclass and override `file` and/or `finish`."""

    def __init__(self, ctx: ReportContext):
        self.ctx = ctx
        self.out = ctx.stream

    def start(self) -> None:
        """Called once before the first file."""

    def file(self, result: FileResult) -> None:
        """Called once per file, in path order, as soon as it is linted."""

    def finish(self, summary: Summary) -> None:
        """Called once at the end with the run's counts."""
