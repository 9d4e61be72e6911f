"""Helpers shared by several rules of the whitespace family."""
from __future__ import annotations

import re


NBSP = "\u00a0"
_NBSP_RUN = re.compile(NBSP + "+")
_ONLY_SPACES = re.compile(r"^[\s\u00a0\u202f\u2007\u2000-\u200a\u200b\ufeff]+$")


def _nbsp_only(text: str) -> bool:
    return NBSP in text and bool(_ONLY_SPACES.match(text))


def nbsp_lines(doc, only: bool):
    """The lines with a no-break space that hold nothing else but white
    space (`only`), or the other ones: WSP002 reports the first kind, WSP001
    the second."""
    if NBSP not in doc.rare:
        return
    for line in doc.lines_matching(_NBSP_RUN):
        if _nbsp_only(line.text) == only:
            yield line
