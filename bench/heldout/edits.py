"""One change to an article and the exact record of where it landed.

Every defect is a replacement of `text[start:end]` by `new`. Its record
(`Defect`) names the region the new text occupies in the COPY, as 1-based
line and column positions with an exclusive end, like newslint's findings,
and keeps the text it replaced: putting `original` back into that region
gives the article again (`restore`), which is how the builder and the tests
prove the ground truth is exact.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, replace as _copy_with


@dataclass(frozen=True)
class Defect:
    cls: str
    path: str            # the copy's path inside the set, filled in by the builder
    line: int
    column: int
    end_line: int
    end_column: int
    original: str        # what the region replaced ("" for an insertion)
    new: str             # what the region holds in the copy ("" for a deletion)
    note: str = ""       # what was done, for reading the ground truth

    @property
    def lines(self) -> tuple[int, int]:
        """First and last line the defect touches (a region ending at the start
        of a line does not touch that line)."""
        last = self.end_line - 1 if self.end_column == 1 and self.end_line > self.line else self.end_line
        return self.line, last

    def undone(self) -> "Defect":
        """The same record seen from the original article: the region there
        starts at the same place (the text before it is the same) and holds
        `original`."""
        if "\n" in self.original:
            end = (self.line + self.original.count("\n"), len(self.original) - self.original.rfind("\n"))
        else:
            end = (self.line, self.column + len(self.original))
        return _copy_with(self, end_line=end[0], end_column=end[1], original=self.new, new=self.original)

    def to_json(self) -> dict:
        return asdict(self)


def position(text: str, offset: int) -> tuple[int, int]:
    """1-based (line, column) of a code-point offset."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def offset_of(text: str, line: int, column: int) -> int:
    start = 0
    for _ in range(line - 1):
        start = text.index("\n", start) + 1
    return start + column - 1


def replace(text: str, start: int, end: int, new: str, cls: str, note: str = "") -> tuple[str, Defect]:
    """The copy with text[start:end] replaced by `new`, and its record."""
    copy = text[:start] + new + text[end:]
    line, column = position(copy, start)
    end_line, end_column = position(copy, start + len(new))
    return copy, Defect(cls, "", line, column, end_line, end_column, text[start:end], new, note)


def restore(copy: str, defects: list[Defect]) -> str:
    """Put back what each defect replaced, last region first (so the
    positions of the earlier ones still hold)."""
    for d in sorted(defects, key=lambda d: (d.line, d.column), reverse=True):
        start = offset_of(copy, d.line, d.column)
        end = offset_of(copy, d.end_line, d.end_column)
        if copy[start:end] != d.new:
            raise ValueError(f"{d.cls}: the recorded region holds {copy[start:end]!r}, not {d.new!r}")
        copy = copy[:start] + d.original + copy[end:]
    return copy


def insert_lines(text: str, offset: int, lines: list[str], cls: str, note: str = "") -> tuple[str, list[Defect]]:
    """The copy with whole `lines` inserted at `offset` (a line start), and
    one record per inserted line."""
    if offset and text[offset - 1] != "\n":
        raise ValueError("lines can only be inserted at the start of a line")
    copy = text[:offset] + "".join(line + "\n" for line in lines) + text[offset:]
    first, _ = position(copy, offset)
    return copy, [Defect(cls, "", first + i, 1, first + i + 1, 1, "", line + "\n", note)
                  for i, line in enumerate(lines)]
