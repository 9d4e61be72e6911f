"""Columns in the unit a consumer counts in. newslint counts code points
of the decoded text; vim's quickfix (`vim -q`) counts bytes (UTF-8), LSP
and VS Code count UTF-16 code units. They differ as soon as a line holds
Arabic (2 UTF-8 bytes a letter) or an emoji (4 bytes, 2 UTF-16 units)."""
from __future__ import annotations

UNITS = ("codepoint", "utf-8", "utf-16")


def convert(line_text: str | None, column: int, unit: str) -> int:
    """The 1-based code-point `column` of `line_text` in `unit`. A column
    past the end of the line (on its terminator) keeps its overhang; without
    the line's text the column stays in code points."""
    if unit == "codepoint" or line_text is None or column <= 1:
        return column
    head = line_text[:column - 1]
    overhang = column - 1 - len(head)
    if unit == "utf-8":
        return len(head.encode("utf-8", "surrogatepass")) + overhang + 1
    return len(head.encode("utf-16-le", "surrogatepass")) // 2 + overhang + 1


def finding_lines(lines, finding) -> list | None:
    """The lines a finding's line number counts in: the file's, or for a
    finding in a container's record, that record's article's (`lines` is
    then a dict record -> lines, see cli/source.py)."""
    if isinstance(lines, dict):
        return lines.get(finding.record)
    return lines if finding.record is None else None


def line_text(lines: list | None, number: int) -> str | None:
    """Line `number` (1-based) of `lines`, or None when it is not there."""
    if lines is None or not 1 <= number <= len(lines):
        return None
    return lines[number - 1]
