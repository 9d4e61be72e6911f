"""How often words and word pairs occur in news text, for spelling checks
that ask a word's neighbours whether it was meant (SPL008, and SPL007 for
unlisted words).

    counts().pair("وزارة", "الداخلية")              -> 186.1 (times seen, to ~3.5 %)
    log_odds("وأكدت", "وزراة", "وزارة", "الداخلية") -> 21.6  (the variant reads far better here)

The table (`rules/data/context/ar-pairs.bin`, built by
`bench/build_context_table.py` from the `tune` half of the JawharaFM corpus,
Apache-2.0) holds the words and the pairs of adjacent words seen at least
twice. It is a lexicon table (format: `newslint.lexicon`): a word is stored
under `word_key(word)`, a pair under `word_key("first second")` (a form
never holds a space, so the two never meet), and the one-byte code is
round(20 * log2(count + 1)), capped at 255 (~6,900): counts to ~3.5 %. It
is memory-mapped on the first look-up, never at import.

The counts come from one site, so P(b | a) is smoothed towards the
language-wide frequency of b (wordfreq, `newslint.lexicon.zipf`): where the
table has seen neither pair, the left neighbour's term of `log_odds` is the
plain frequency ratio ln(P(variant) / P(word)) (up to ~11 for a rare word
beside a common variant), and the right neighbour's term is ln((count(word)
+ 20) / (count(variant) + 20)), which takes most of that back when the
variant is a word the table knows. A pair seen with the variant and never
with the word is what lifts the score past the rules' thresholds.
"""
from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import Iterator

from newslint import lexicon
from newslint.arabic import ARABIC_LETTERS, DIACRITICS, TATWEEL

RESOURCE = ("newslint.rules.data", "context/ar-pairs.bin")
CODE_SCALE = 20  # codes per doubling of a count
SMOOTHING = 20.0
"""The weight of the language-wide frequency against the table's counts
(additive smoothing towards wordfreq: P(b | a) = (count(a b) + 20 P(b)) /
(count(a) + 20)). Chosen on the tune half with each file's own counts left
out (docs/orthography.md)."""
_UNLISTED = 1e-9  # the probability of a word wordfreq does not list

_WORD_CHARS = f"{ARABIC_LETTERS}{DIACRITICS}{TATWEEL}"
TOKEN = re.compile(f"[{_WORD_CHARS}]+|[^\\s{_WORD_CHARS}]+")
"""A run of Arabic letters (with its marks) is a word; any other run of
non-space characters (punctuation, digits, Latin) is a gap that no pair
crosses."""
_ARABIC = re.compile(f"[{ARABIC_LETTERS}]")


def tokens(line: str) -> Iterator[tuple[int, int, str | None]]:
    """(start, end, bare word or None for a gap) of every token of a line."""
    for m in TOKEN.finditer(line):
        text = m.group()
        yield m.start(), m.end(), (lexicon.normalise(text) or None) if _ARABIC.search(text) else None


def pair_key(first: str, second: str) -> str:
    return f"{first} {second}"


def encode_count(count: int) -> float:
    """The value `lexicon.encode_table` quantises (x20) for a count."""
    return math.log2(count + 1)


class Counts:
    """The counts of the table: `word(a)`, `pair(a, b)` (0.0 when unseen)."""

    def __init__(self, table: lexicon.Table):
        self._table = table
        self.word = lru_cache(maxsize=1 << 14)(self._word)  # the neighbours of a batch repeat

    def _word(self, word: str) -> float:
        return self._decode(self._table.code(word))

    def pair(self, first: str, second: str) -> float:
        return self._decode(self._table.code(pair_key(first, second)))

    @staticmethod
    def _decode(code: int) -> float:
        return 2.0 ** (code / CODE_SCALE) - 1.0 if code else 0.0


_COUNTS: Counts | None = None


def counts() -> Counts:
    """The packaged table, opened on first use."""
    global _COUNTS
    if _COUNTS is None:
        _COUNTS = Counts(lexicon.Table(*lexicon.map_resource(RESOURCE, "word-pair table")))
    return _COUNTS


@lru_cache(maxsize=1 << 14)
def _probability(word: str) -> float:
    value = lexicon.zipf(word)
    return 10.0 ** (value - 9.0) if value > 0 else _UNLISTED


def _follows(table: Counts, first: str, second: str) -> float:
    """P(second | first), smoothed towards the language-wide frequency."""
    return (table.pair(first, second) + SMOOTHING * _probability(second)) / (table.word(first) + SMOOTHING)


def neighbour_pairs(previous: str | None, middle: str, following: str | None) -> list[tuple[str, float]]:
    """("previous middle", count), ("middle following", count) for the
    neighbours there are (None: a gap on that side): the evidence a rule
    quotes."""
    table = counts()
    pairs = []
    if previous:
        pairs.append((pair_key(previous, middle), table.pair(previous, middle)))
    if following:
        pairs.append((pair_key(middle, following), table.pair(middle, following)))
    return pairs


def log_odds(previous: str | None, word: str, variant: str, following: str | None) -> float:
    """ln P(previous variant following) - ln P(previous word following) under
    a smoothed bigram model: how much better `variant` fits between the
    neighbours than `word` (None: no neighbour on that side, a gap)."""
    table = counts()
    score = 0.0
    if previous:
        score += math.log(_follows(table, previous, variant)) - math.log(_follows(table, previous, word))
    if following:
        score += math.log(_follows(table, variant, following)) - math.log(_follows(table, word, following))
    return score
