"""Helpers shared by several rules of the spelling family."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import cached_property, lru_cache
from importlib import resources
import re

from newslint.arabic import ARABIC_LETTERS, DIACRITICS, TATWEEL
from newslint.rules.spelling._orthography import _WORD_CHAR, _occurrences
from newslint.zones import SOURCE

A = ARABIC_LETTERS

_STRIP_MARKS = re.compile(f"[{DIACRITICS}{TATWEEL}]")


@lru_cache(maxsize=None)
def _data_lines(name: str) -> tuple[str, ...]:
    text = resources.files("newslint.rules.data").joinpath(name).read_text(encoding="utf-8")
    return tuple(line for line in (raw.strip() for raw in text.splitlines()) if line and not line.startswith("#"))


@lru_cache(maxsize=None)
def _data_set(name: str) -> frozenset:
    return frozenset(_data_lines(name))


def _bare(word: str) -> str:
    return _STRIP_MARKS.sub("", word)


_NON_SPACE = re.compile(r"\S+")


class _Tokens:
    """The white-space separated tokens of one line, found once (on first
    use), for the words around a match: `text[:pos].split()` at every match
    would make a line with many matches quadratic."""

    def __init__(self, text: str):
        self.text = text

    @cached_property
    def _spans(self) -> tuple[list[int], list[int]]:
        spans = [m.span() for m in _NON_SPACE.finditer(self.text)]
        return [s for s, _ in spans], [e for _, e in spans]

    def before(self, pos: int) -> str:
        """The last token of text[:pos] ("" if none), as
        `text[:pos].split()[-1]` would give."""
        starts, ends = self._spans
        i = bisect_left(starts, pos) - 1  # the last token starting before pos
        return self.text[starts[i]:min(ends[i], pos)] if i >= 0 else ""

    def after(self, pos: int) -> str:
        """The first token of text[pos:] ("" if none)."""
        starts, ends = self._spans
        i = bisect_right(ends, pos)  # the first token ending after pos
        return self.text[max(starts[i], pos):ends[i]] if i < len(ends) else ""


_TOKEN = re.compile(f"[{A}{DIACRITICS}{TATWEEL}]+")


# A writer who uses ".." or "…" three times or more in a text uses them as
# punctuation (columns, suspense: "زمن الوعود.. وعود لا تنتهي.. ربما.."):
# evidence from the document itself that a ".." is deliberate, not a typo
# or a cut (SPL005, TRN002).
_ELLIPSIS = re.compile(r"\.{2,}|…")
STYLE_ELLIPSES = 3


def ellipses_are_punctuation(text: str) -> bool:
    return len(_ELLIPSIS.findall(text)) >= STYLE_ELLIPSES


def on_source_line(doc, offset: int) -> bool:
    """True when text offset `offset` is on a source line ("المصدر: وكالة
    وفا"): the outlet's name there is its own spelling, not a slip."""
    return doc.zones.kind(doc.position(offset)[0]) == SOURCE


class QuietWords:
    """Words a rule found quiet whatever the document (decided from the word
    alone: in the lexicon, too short, no variant at all), per set of
    options, kept across the documents of a process; bounded: forgotten past
    `limit`. Never a decision that depends on the file (its other words,
    the neighbours): findings would then depend on the order of the files."""

    def __init__(self, limit: int = 1 << 19):
        self.limit = limit
        self._sets: dict[tuple, set] = {}

    def words(self, options) -> set:
        key = tuple(sorted(options.items()))
        quiet = self._sets.setdefault(key, set())
        if len(quiet) > self.limit:
            quiet.clear()
        return quiet


MAX_TABLE_COUNT_OPTION = {
    "type": "integer", "minimum": 0, "default": 4,
    "description": "a word the word-pair table has seen this many times is a word of news text, not a slip "
                   "(0: no such limit)"}


def seen_in_news(bare: str, max_count: int) -> bool:
    """The word-pair table has seen the word `max_count` times or more: a slip
    rarely repeats itself across articles, so it is the site's word ("صابة",
    harvest; "جلمة", a town). SPL007's context evidence and SPL008."""
    from newslint import word_context

    return 0 < max_count <= round(word_context.counts().word(bare))


# Invisible characters a scrape leaves inside words ("الخ\u00adدمة"): a run
# of letters that stops at one goes on after it, so its fragments ("دمة")
# are no words to judge; WSP003 reports the character.
_INSIDE_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"


def occurrences(text: str, word: str) -> list[int]:
    """Start offsets of `word` standing alone in `text` (`_orthography._occurrences`),
    less those an invisible character joins to more letters. (The filter
    stays out of `_orthography`, whose source the build-time verdicts are
    keyed on: it decides where a word stands, not whether it is one.)"""
    return [at for at in _occurrences(text, word) if not _split_by_invisible(text, at, at + len(word))]


def _split_by_invisible(text: str, start: int, end: int) -> bool:
    """An invisible character joins text[start:end] to letters before or after it."""
    return (start >= 2 and text[start - 1] in _INSIDE_INVISIBLE and _WORD_CHAR.match(text, start - 2) is not None) \
        or (end + 1 < len(text) and text[end] in _INSIDE_INVISIBLE and _WORD_CHAR.match(text, end + 1) is not None)
