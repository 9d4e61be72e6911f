"""The flagged part of a line, quoted under a finding (`--show-source`,
format `full`): a window of CONTEXT characters each side of the span, so a
finding at column 1283 of a 9,683-character line shows what it is about,
and a caret line under the span."""
from __future__ import annotations

import unicodedata
from typing import NamedTuple

from .escape import for_terminal, show_invisible

CONTEXT = 40        # characters shown each side of the span
MAX_SPAN = 80       # a longer span is cut here
ELLIPSIS = "…"


class Excerpt(NamedTuple):
    text: str       # the window, safe for a terminal
    indent: int     # display cells before the span
    width: int      # display cells of the span (at least 1)


def excerpt(line_text: str, column: int, end_column: int | None) -> Excerpt:
    """The window of `line_text` around the code points [column, end_column)
    (end_column None: to the end of the line, as for a finding that goes on
    to the next lines)."""
    start = min(max(column - 1, 0), len(line_text))
    end = len(line_text) if end_column is None else min(max(end_column - 1, start), len(line_text))
    end = min(end, start + MAX_SPAN)
    before = _shown(line_text[max(start - CONTEXT, 0):start])
    span = _shown(line_text[start:end])
    after = _shown(line_text[end:end + CONTEXT])
    if start > CONTEXT:
        before = ELLIPSIS + before
    if end + CONTEXT < len(line_text):
        after += ELLIPSIS
    return Excerpt(before + span + after, display_width(before), max(display_width(span), 1))


def _shown(text: str) -> str:
    return show_invisible(for_terminal(text))


def display_width(text: str) -> int:
    """Terminal cells `text` takes: marks and format characters none,
    wide East Asian characters two, the rest one."""
    return sum(_cells(ch) for ch in text)


def _cells(ch: str) -> int:
    if unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
