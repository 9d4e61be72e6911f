"""Helpers shared by several rules of the metadata family."""
from __future__ import annotations

import re

from newslint.arabic import fold

_LABEL = re.compile(r"^\s*[^:：]{1,30}[:：]\s*")
# one separator character; the white space around it is stripped in Python
# (a "\s*[،,]\s*" search retries at every character of a long run of spaces)
_SEPARATOR = re.compile(r"[،,|;؛#/]")


def _norm(word: str) -> str:
    return fold(word).strip(".،,:\"'«»()")


def tags_of(text: str) -> tuple[str, list[tuple[int, int, str]]]:
    """(separator style, [(start, end, tag text)]) of a tags line. Without
    separators, tags are space-separated words: each word is one item."""
    label = _LABEL.match(text)
    start = label.end() if label else 0
    if _SEPARATOR.search(text, start):
        return "separated", _separated_items(text, start)
    body = text[start:]
    return "spaces", [(start + m.start(), start + m.end(), m.group()) for m in re.finditer(r"\S+", body)]


def _separated_items(text: str, start: int) -> list[tuple[int, int, str]]:
    """(start, end, tag) of the items between the separators of
    text[start:]; white space next to a separator belongs to no item."""
    items, pos, first = [], start, True
    for sep in [*_SEPARATOR.finditer(text, start), None]:
        end = sep.start() if sep else len(text)
        part = text[pos:end]
        left = part if first else part.lstrip()  # without the white space after a separator
        piece = left.rstrip() if sep else left   # and before the next one
        if piece.strip():
            at = pos + len(part) - len(left)
            items.append((at, at + len(piece), piece.strip()))
        pos, first = (sep.end() if sep else end), False
    return items
