"""The Document: one file, decoded once, split once, shared by every rule."""
from __future__ import annotations

import re
from functools import cached_property
from typing import NamedTuple

from .decoding import Decoded, decode
from .zones import Zones, parse_zones

_LINE = re.compile(r"([^\r\n]*)(\r\n|\n|\r|$)")


class Line(NamedTuple):
    number: int     # 1-based
    text: str       # without its terminator
    offset: int     # code-point offset of the line's first character in the text
    ending: str     # "\n", "\r\n", "\r" or "" for a last line without one


class Document:
    """A decoded article and the facts every rule needs about it.

    Attributes: `path`, `size` (bytes), `encoding`, `confidence`, `bom`,
    `bad_bytes`, `text`, `lines`, `newline` (the most common terminator),
    `newline_counts`, `final_newline`, and `zones` (article structure).
    """

    def __init__(self, path: str, data: bytes, decoded: Decoded | None = None):
        decoded = decoded or decode(data)
        self.path = path
        self.size = len(data)
        self.encoding = decoded.encoding
        self.confidence = decoded.confidence
        self.bom = decoded.bom
        self.bad_bytes = decoded.bad_bytes
        self.text = decoded.text
        # what a fixer edits: equal to `text` but keeps undecodable bytes
        self.source_text = decoded.raw_text or decoded.text
        self.lines = _split_lines(self.text)
        counts = {"\n": 0, "\r\n": 0, "\r": 0}
        for line in self.lines:
            if line.ending:
                counts[line.ending] += 1
        self.newline_counts = counts
        self.newline = max(counts, key=lambda k: (counts[k], k == "\n")) if any(counts.values()) else "\n"
        self.final_newline = bool(self.lines) and self.lines[-1].ending != "" or self.text == ""
        # derived data that several rules share (computed by the first that needs it)
        self.memo: dict = {}

    @cached_property
    def zones(self) -> Zones:
        return parse_zones([line.text for line in self.lines])

    def line(self, number: int) -> Line:
        return self.lines[number - 1]

    def position(self, offset: int) -> tuple[int, int]:
        """(line, column), both 1-based, of a code-point offset in `text`."""
        lo, hi = 0, len(self.lines) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.lines[mid].offset <= offset:
                lo = mid
            else:
                hi = mid - 1
        line = self.lines[lo]
        return line.number, offset - line.offset + 1

    def offset(self, line: int, column: int) -> int:
        if line > len(self.lines):
            return len(self.text)
        return self.lines[line - 1].offset + column - 1


def _split_lines(text: str) -> list[Line]:
    if text == "":
        return []
    if "\r" not in text:  # the common case: split in C
        lines, offset = [], 0
        parts = text.split("\n")
        last = len(parts) - 1
        for number, body in enumerate(parts, 1):
            if number - 1 == last:
                if body:
                    lines.append(Line(number, body, offset, ""))
                break
            lines.append(Line(number, body, offset, "\n"))
            offset += len(body) + 1
        return lines
    lines = []
    number = 0
    for match in _LINE.finditer(text):
        body, ending = match.group(1), match.group(2)
        if not body and not ending:
            if match.start() == len(text):
                break
            continue
        number += 1
        lines.append(Line(number, body, match.start(), ending))
    return lines
