"""Offsets in a document's text <-> LSP positions.

An LSP position is a 0-based line and a column counted in the code units
the client and server agreed on at `initialize` (UTF-16 unless the client
offers another): an emoji or any character above U+FFFF is two UTF-16 units
but one Python character. Lines end at \\n, \\r\\n or \\r only, as the LSP
says and as `Document` splits them (str.splitlines would also split on
U+2028, U+0085, form feeds..., which scraped Arabic text does contain).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from typing import Callable

_TERMINATOR = re.compile(r"\r\n|\n|\r")


def utf16_units(text: str) -> int:
    """UTF-16 code units of `text` (characters above U+FFFF take two)."""
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def utf8_units(text: str) -> int:
    return len(text.encode("utf-8", "surrogatepass"))


def utf32_units(text: str) -> int:
    return len(text)


UNITS = {"utf-16": utf16_units, "utf-8": utf8_units, "utf-32": utf32_units}


class LineIndex:
    """Where each line of `text` starts and ends, to convert code-point
    offsets to (line, column in `units`) and back."""

    def __init__(self, text: str, units: Callable[[str], int] = utf16_units):
        self.text = text
        self.units = units
        self.starts = [0]   # offset of each line's first character
        self.ends = []      # offset of each line's terminator (or of the text's end)
        for m in _TERMINATOR.finditer(text):
            self.ends.append(m.start())
            self.starts.append(m.end())
        self.ends.append(len(text))

    def position(self, offset: int) -> tuple[int, int]:
        """(line, column) of a code-point offset, both 0-based."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect_right(self.starts, offset) - 1
        start = self.starts[line]
        return line, self.units(self.text[start:min(offset, self.ends[line])])

    def offset(self, line: int, column: int) -> int:
        """The code-point offset of a (line, column) position; a column past
        the line's end is its end, a line past the last is the text's end."""
        if line >= len(self.starts):
            return len(self.text)
        start, end = self.starts[line], self.ends[line]
        used = 0
        for at in range(start, end):
            if used >= column:
                return at
            used += self.units(self.text[at])
        return end

    def end(self) -> tuple[int, int]:
        return self.position(len(self.text))
