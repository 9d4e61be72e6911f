"""What every output format implements. Reporters never read files: they get
findings and counts, in path order, as the run produces them."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TextIO

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
    fail_on: str | None = "warning"  # the run's --fail-on, for a report that states the verdict (None: nothing fails)
    # path -> the lines of that file as linted, or None (source_lines.SourceLines); None: not on disk
    source: object = None


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
