"""The lines of the linted files, for a report that quotes them (the HTML
report shows each finding in its line).

Findings carry positions, not text, and reporters never read files: the CLI
hands a reporter a `SourceLines` when the files on disk hold the text that
was linted. They do not for standard input (its bytes are gone, and a file
named like `--stdin-filename` is another text), nor with `--diff` (the
findings left are those of the fixed text, which was not written). With
`--fix` the fixed text is written before the reporter sees the file, so the
lines read are the ones the findings left point into.
"""
from __future__ import annotations

from .decoding import NotText
from .discovery import STDIN
from .engine import read_document
from .models import FileError
from .reading import read_bytes


class SourceLines:
    """`source(path)`: a linted file's lines read again, the way the lint
    stage read them (the same read stage, the same decoding, a plugin's
    parser first)."""

    def __init__(self, parse=None, unavailable: frozenset = frozenset()):
        self.parse = parse
        self.unavailable = unavailable  # paths whose text on disk is not what was linted

    def __call__(self, path: str) -> list[str] | None:
        """The file's lines without their terminators, or None when they
        cannot be had (standard input, a file gone or no longer text)."""
        if path in self.unavailable:
            return None
        data = read_bytes(path)
        if isinstance(data, FileError):
            return None
        try:
            doc = read_document(path, data, self.parse)
        except NotText:
            return None
        return [line.text for line in doc.lines]


def for_run(settings, registry) -> SourceLines | None:
    """The SourceLines of a check run, or None when no file on disk holds
    the text its findings point into (`--diff`)."""
    if settings.fix is not None and settings.fix.diff:
        return None
    unavailable = frozenset({settings.stdin_name}) if STDIN in settings.paths else frozenset()
    return SourceLines(registry.parse_document, unavailable)
