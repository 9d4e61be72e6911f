"""Reading the corpus, the tune/report split and the parts of an article.

The ground truth must not depend on the linter it measures, so the parts of
an article (headline, body paragraphs, source line) are found here with the
corpus's own simple layout, not with `newslint.zones`:

    headline
    (blank)
    body paragraph, one per line
    ...
    (blank)
    المصدر: Jawhara FM
"""
from __future__ import annotations

import hashlib
import re
import tarfile
from dataclasses import dataclass
from functools import cached_property

HALVES = ("tune", "report")

# Arabic letters proper: hamza to yeh, without tatweel (U+0640).
LETTERS = "\u0621-\u063a\u0641-\u064a"
# What may not touch a word on either side for it to count as a plain word:
# other word characters, tatweel, harakat and the superscript alif.
_NOT_BESIDE = "\\w\u0640\u064b-\u065f\u0670"
WORD = re.compile(f"(?<![{_NOT_BESIDE}])[{LETTERS}]{{3,}}(?![{_NOT_BESIDE}])")
SOURCE_LINE = re.compile(r"^\s*المصدر\s*:")


def _hash(text: str) -> int:
    return int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:8], "big")


def half_of(name: str) -> str:
    """`tune` or `report`, from the file name alone: the split never moves
    with the seed, so nothing tuned on one half ever sees the other."""
    return HALVES[_hash("half:" + name) % 2]


def site_of(name: str, sites: int) -> int:
    """The pseudo-site (1..sites) of a file, from its name (salted apart
    from the half, so each site takes files of both halves)."""
    return _hash("site:" + name) % sites + 1


@dataclass(frozen=True)
class Word:
    start: int   # offset in the article text
    end: int
    text: str


@dataclass(frozen=True)
class Line:
    index: int   # 0-based
    start: int   # offset of its first character
    text: str    # without the line break

    @property
    def end(self) -> int:
        return self.start + len(self.text)


class Article:
    """One corpus file: its name (the base name, unique in the corpus) and text."""

    def __init__(self, name: str, text: str):
        self.name = name
        self.text = text

    @cached_property
    def lines(self) -> list[Line]:
        out, offset = [], 0
        parts = self.text.split("\n")
        if parts and parts[-1] == "":
            parts.pop()  # the final line break ends the last line, it opens none
        for index, text in enumerate(parts):
            out.append(Line(index, offset, text))
            offset += len(text) + 1
        return out

    @cached_property
    def title(self) -> Line | None:
        return next((line for line in self.lines if line.text.strip()), None)

    @cached_property
    def source(self) -> Line | None:
        """The first source line after the headline."""
        if self.title is None:
            return None
        return next((line for line in self.lines[self.title.index + 1:] if SOURCE_LINE.match(line.text)), None)

    @cached_property
    def paragraphs(self) -> list[Line]:
        """The body: non-empty lines between the headline and the source line."""
        if self.title is None:
            return []
        stop = self.source.index if self.source else len(self.lines)
        return [line for line in self.lines[self.title.index + 1:stop] if line.text.strip()]

    @cached_property
    def headline_words(self) -> frozenset:
        return frozenset(m.group() for m in WORD.finditer(self.title.text)) if self.title else frozenset()

    def words(self, paragraph: Line) -> list[Word]:
        """The plain Arabic words (letters only, at least three) of a paragraph
        that do not occur in the headline."""
        return [Word(paragraph.start + m.start(), paragraph.start + m.end(), m.group())
                for m in WORD.finditer(paragraph.text) if m.group() not in self.headline_words]

    @property
    def body_end(self) -> int:
        """Offset just after the text of the last body paragraph."""
        return self.paragraphs[-1].end


def read_corpus(tarball: str) -> list[Article]:
    """Every .txt member of the tarball, sorted by name."""
    articles = []
    with tarfile.open(tarball) as tar:
        for member in tar:
            if member.isfile() and member.name.endswith(".txt"):
                data = tar.extractfile(member).read()
                articles.append(Article(member.name.rsplit("/", 1)[-1], data.decode("utf-8", errors="replace")))
    articles.sort(key=lambda a: a.name)
    return articles
