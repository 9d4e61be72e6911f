"""Offsets in a document's text <-> LSP positions.

An LSP position is a 0-based line and a column counted in the code units
the client and server agreed on at `initialize` (UTF-16 unless the client
offers another): an emoji or any character above U+FFFF is two UTF-16 units
but one Python character. Lines end at \\n, \\r\\n or \\r only, as the LSP
says and as `Document` splits them (str.splitlines would also split on
U+2028, U+0085, form feeds..., which scraped Arabic text does contain).

Scraped articles can be one long line with thousands of findings, so no
conversion rescans a line: the characters wider than one unit are found
once per text (by a regex, in C), and a position is a bisection.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cached_property
from itertools import accumulate
from typing import NamedTuple

_TERMINATOR = re.compile(r"\r\n|\n|\r")


class Units(NamedTuple):
    """A position encoding: which characters take more than one code unit,
    and how many more."""

    wide: re.Pattern | None
    extra: object  # character -> its code units minus one


UTF16 = Units(re.compile("[\U00010000-\U0010ffff]"), lambda ch: 1)
UTF8 = Units(re.compile("[^\x00-\x7f]"), lambda ch: len(ch.encode("utf-8", "surrogatepass")) - 1)
UTF32 = Units(None, lambda ch: 0)
UNITS = {"utf-16": UTF16, "utf-8": UTF8, "utf-32": UTF32}


class LineIndex:
    """Where each line of `text` starts and ends, to convert code-point
    offsets to (line, column in `units`) and back."""

    def __init__(self, text: str, units: Units = UTF16):
        self.text = text
        self.units = units
        self.starts = [0]   # offset of each line's first character
        self.ends = []      # offset of each line's terminator (or of the text's end)
        for m in _TERMINATOR.finditer(text):
            self.ends.append(m.start())
            self.starts.append(m.end())
        self.ends.append(len(text))

    @cached_property
    def _wide(self) -> tuple[list[int], list[int]]:
        """Offsets of the characters wider than one unit, and the extra
        units of all of them up to and including each."""
        if self.units.wide is None:
            return [], []
        found = [(m.start(), self.units.extra(m.group())) for m in self.units.wide.finditer(self.text)]
        return [at for at, _ in found], list(accumulate(extra for _, extra in found))

    def _units_before(self, offset: int) -> int:
        """Code units of text[:offset]."""
        at, extras = self._wide
        i = bisect_left(at, offset)
        return offset + (extras[i - 1] if i else 0)

    def position(self, offset: int) -> tuple[int, int]:
        """(line, column) of a code-point offset, both 0-based."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect_right(self.starts, offset) - 1
        start = self.starts[line]
        return line, self._units_before(min(offset, self.ends[line])) - self._units_before(start)

    def offset(self, line: int, column: int) -> int:
        """The code-point offset of a (line, column) position; a column past
        the line's end is its end, a line past the last is the text's end,
        a column between the two halves of a wide character is after it."""
        if line >= len(self.starts):
            return len(self.text)
        start, end = self.starts[line], self.ends[line]
        wanted = self._units_before(start) + column
        lo, hi = start, end  # the first offset whose units reach `wanted`
        while lo < hi:
            mid = (lo + hi) // 2
            if self._units_before(mid) < wanted:
                lo = mid + 1
            else:
                hi = mid
        return lo

    def end(self) -> tuple[int, int]:
        return self.position(len(self.text))
