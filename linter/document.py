"""The Document: one file, decoded once, split once, shared by every rule."""
from __future__ import annotations

import re
from functools import cached_property, lru_cache
from typing import NamedTuple

from .arabic import ARABIC_WORD
from .decoding import Decoded, decode
from .zones import ARTICLE_TEXT_KINDS, Zones, parse_zones

_LINE = re.compile(r"([^\r\n]*)(\r\n|\n|\r|$)")
# Characters most files never contain: one scan finds which of them a file
# has, and the rules looking for them skip files without (see `rare`).
RARE_CHARS = ("\u00a0\u00ad\u034f\u061c\u06a9\u06be\u06c0\u06c1\u06cc\u06d5\u06f0-\u06f9"
              "\u115f\u1160\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\u3164"
              "\ufb50-\ufdff\ufe70-\ufeff\uffa0\ufff9-\ufffb\U00013430-\U00013438\U0001bca0-\U0001bca3"
              "\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f@")
_RARE = re.compile(f"[{RARE_CHARS}]")


@lru_cache(maxsize=256)
def _outside_rare(chars: str) -> str:
    """The characters of `chars` that the rare-character scan does not see."""
    return "".join(ch for ch in chars if not _RARE.match(ch))
_LATIN_RUN = re.compile("[A-Za-z]+")
# The white space str.split() splits on and bytes.split() does not (which
# splits on space, \t, \n, \v, \f and \r only): str.isspace() of every
# code point, less those six (tests/test_document.py checks the list).
NON_ASCII_SPACE = "\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_NON_ASCII_SPACE = re.compile(f"[{NON_ASCII_SPACE}]")


class Line(NamedTuple):
    number: int     # 1-based
    text: str       # without its terminator
    offset: int     # code-point offset of the line's first character in the text
    ending: str     # "\n", "\r\n", "\r" or "" for a last line without one


class Document:
    """A decoded article and the facts every rule needs about it.

    Attributes: `path`, `size` (bytes), `encoding`, `confidence`,
    `encoding_doubt`, `bom`,
    `bad_bytes`, `text`, `lines`, `newline` (the most common terminator),
    `newline_counts`, `final_newline`, and `zones` (article structure).
    """

    def __init__(self, path: str, data: bytes, decoded: Decoded | None = None):
        decoded = decoded or decode(data)
        self.path = path
        self.size = len(data)
        self.encoding = decoded.encoding
        self.confidence = decoded.confidence
        self.encoding_doubt = decoded.doubt  # why `encoding` may be a wrong guess ("" if certain)
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

    @cached_property
    def zones(self) -> Zones:
        return parse_zones([line.text for line in self.lines])

    @cached_property
    def article_words(self) -> list[str]:
        """The words of the article's own text (headline, body, sub-headings,
        list items; appended sections left out), split on white space of any
        kind: what the duplicate rules compare."""
        return self._article_text().split()

    @cached_property
    def article_utf8_words(self) -> list[bytes]:
        """`article_words`, each encoded in UTF-8 (surrogatepass): what the
        duplicate rules hash, computed once for both. Split from the encoded
        text in one call, not encoded word by word (half of the
        near-duplicate sketch's cost): with the white space bytes.split()
        does not know (no-break spaces...) made plain spaces first, it splits
        exactly where str.split() does, as UTF-8 puts no ASCII byte inside
        another character."""
        text = _NON_ASCII_SPACE.sub(" ", self._article_text())
        return text.encode("utf-8", "surrogatepass").split()

    def _article_text(self) -> str:
        """The lines of the article's own text, joined by line breaks."""
        zones = self.zones
        return "\n".join(self.lines[n - 1].text for n, kind in enumerate(zones.kinds, 1)
                         if kind in ARTICLE_TEXT_KINDS and zones.in_article(n))

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

    @cached_property
    def latin_runs(self) -> list[tuple[int, int]]:
        """(start, end) offsets of the runs of Latin letters: rare in Arabic
        text, found once, shared by the rules that care."""
        return [m.span() for m in _LATIN_RUN.finditer(self.text)]

    @cached_property
    def arabic_words(self) -> frozenset:
        """The distinct runs of Arabic letters (harakat and tatweel inside
        them), as written: one scan shared by the spelling rules."""
        return frozenset(ARABIC_WORD.findall(self.text))

    @cached_property
    def rare(self) -> frozenset:
        """Which of RARE_CHARS occur in the text."""
        return frozenset(_RARE.findall(self.text))

    def has_rare(self, chars: str) -> bool:
        """True if any character of `chars` occurs. Those of RARE_CHARS are
        answered from the one scan (`rare`); any other is looked for in the
        text, so a character missing from RARE_CHARS costs time, never a
        wrong answer."""
        common = _outside_rare(chars)
        rare = self.rare
        if rare and any(ch in chars for ch in rare):
            return True
        return any(ch in self.text for ch in common)

    def lines_matching(self, pattern) -> list[Line]:
        """The lines on which `pattern` (which must not span lines) matches,
        found with one scan of the whole text: most rules look for
        characters that most files do not have, and skip the rest."""
        out: list[Line] = []
        text, lines = self.text, self.lines
        m = pattern.search(text)
        while m is not None:
            line = lines[self.position(m.start())[0] - 1]
            out.append(line)
            m = pattern.search(text, line.offset + len(line.text) + 1)
        return out

    def offset(self, line: int, column: int) -> int:
        if line > len(self.lines):
            return len(self.text)
        return self.lines[line - 1].offset + column - 1


def split_keepends(text: str) -> list[str]:
    """The lines of `text` with their terminators, split on \\n, \\r\\n and
    \\r only: str.splitlines() also splits on \\x1c-\\x1e, \\x85, \\v, \\f,
    U+2028 and U+2029, which are characters inside a line to every other
    tool (and to the line numbers newslint reports)."""
    return [m.group() for m in _LINE.finditer(text) if m.group()]


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
