"""Sentence-end statistics: how often a word form ends a sentence, or starts
one, versus standing inside one. Evidence for the truncation rules; no rule
logic and no threshold lives here.

The table (`rules/data/sentence_stats/sentence_stats.tsv.gz`) is built by
`bench/build_sentence_stats.py` from the `tune` half of the corpus; see the
README beside it. It is read on first use, not at import, so runs that never
ask cost nothing.

Scores are log likelihood ratios in natural-log units:

    end_logodds(w)   = log P(w | last word of a sentence) / P(w | a word followed by more of its sentence)
    start_logodds(w) = log P(w | first word of a sentence) / P(w | a word preceded by more of its sentence)

0 is "no evidence" (an average word, or a form the table does not know);
negative means the form rarely ends (starts) a sentence.
"""
from __future__ import annotations

import bisect
import gzip
import json
import math
import re
import zlib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from .arabic import ARABIC_LETTERS, DIACRITICS, TATWEEL
from .errors import UsageError

FORMAT = "newslint-sentence-stats/1"
COLUMNS = ("form", "end", "start", "ends", "not_ends", "starts", "not_starts")
TABLE_NAME = "sentence_stats.tsv.gz"

# What the table calls a word: a run of Arabic letters (with their harakat
# and tatweel), a number (digits with inner separators: "3.5", "1,200"), or
# a run of Latin letters. Everything between two words is their gap.
WORD = re.compile(f"[{ARABIC_LETTERS}{DIACRITICS}{TATWEEL}]+"
                  "|[0-9\u0660-\u0669\u06f0-\u06f9]+(?:[.,\u066b][0-9\u0660-\u0669\u06f0-\u06f9]+)*"
                  "|[A-Za-z\u00c0-\u024f]+")
# A gap holding one of these ends the sentence before it ("..", "..." and
# "…" included: JawharaFM closes complete paragraphs with "..").
SENTENCE_FINAL = ".!?\u061f\u2026"

_MARKS = re.compile(f"[{DIACRITICS}{TATWEEL}\u00ad\u200b-\u200f\u061c\u2066-\u2069\u202a-\u202e\ufeff]")
# Hamza seats on alif fold to bare alif: the corpus writes them either way
# ("الى"/"إلى", "الاذاعة"/"الإذاعة" in one article) and no pair of alif
# spellings differs in whether it can end a sentence. Alif maqsura and ta
# marbuta are NOT folded: "على" (a preposition) and "علي" (a name) must stay
# apart, and so must a final "ه" (often the pronoun) and "ة".
# Digits fold to 0, so "2017" and "1998" pool as one four-digit number.
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
                       **{d: "0" for d in "123456789\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"
                          "\u06f0\u06f1\u06f2\u06f3\u06f4\u06f5\u06f6\u06f7\u06f8\u06f9"}})


_ENDS_WITH_TATWEEL = re.compile(f"{TATWEEL}[{DIACRITICS}]*$")  # harakat may follow it: "بـِ"


class SentenceStatsError(UsageError):
    """The table is missing or broken (one line, names the file)."""


def normalise(word: str) -> str:
    """The table's key for a word: harakat, tatweel and invisible marks
    removed, hamza seats on alif folded, digits to 0, Latin lower-cased.

    One tatweel is kept at the end of a word that ends with it: that is how
    this press writes a proclitic set apart from its word ("بـ 3 ملايين",
    "لـ Jawhara"), which cannot end a sentence, while a bare "ب" is also
    an initial ("د.ب.أ", the group "ب") which can."""
    key = _MARKS.sub("", word).translate(_FOLD).lower()
    return key + TATWEEL if key and _ENDS_WITH_TATWEEL.search(word) else key


def is_sentence_end(gap: str) -> bool:
    """True when the text between two words (or after the last) ends a sentence."""
    return any(ch in SENTENCE_FINAL for ch in gap)


@dataclass(frozen=True)
class FormStats:
    end: float        # end log-odds (quantised)
    start: float      # start log-odds (quantised)
    ends: int         # times last before sentence-final punctuation
    not_ends: int     # times followed by another word of its sentence
    starts: int       # times first after sentence-final punctuation
    not_starts: int   # times preceded by another word of its sentence


class SentenceStats:
    """One loaded table: the header (provenance and totals) and the forms."""

    def __init__(self, header: dict, forms: dict[str, FormStats]):
        self.header = header
        self.forms = forms
        self._sorted: list[str] | None = None  # the forms in order, for `completion`

    def lookup(self, word: str) -> FormStats | None:
        return self.forms.get(normalise(word))

    def end_logodds(self, word: str) -> float:
        stats = self.lookup(word)
        return stats.end if stats else 0.0

    def start_logodds(self, word: str) -> float:
        stats = self.lookup(word)
        return stats.start if stats else 0.0

    def completion(self, word: str, max_extra: int = 3) -> tuple[str, int] | None:
        """The commonest form of the table that is `word` (normalised) with
        1 to `max_extra` more letters at its end, and how often it was seen
        (ends + not_ends); None when `word` is itself in the table or no
        form extends it. Evidence that a word was cut inside: "تعبي" is
        not in the table, "تعبيره" was seen 290 times. The sorted list of
        forms is made on the first call (a few milliseconds)."""
        key = normalise(word)
        if not key or key in self.forms:
            return None
        if self._sorted is None:
            self._sorted = sorted(self.forms)
        best = None
        for index in range(bisect.bisect_right(self._sorted, key), len(self._sorted)):
            form = self._sorted[index]
            if not form.startswith(key):
                break
            if len(form) - len(key) <= max_extra:
                stats = self.forms[form]
                seen = stats.ends + stats.not_ends
                if best is None or seen > best[1]:
                    best = (form, seen)
        return best

    def looks_cut(self, last_word: str, next_first_word: str | None = None) -> tuple[float, str]:
        """Evidence that a paragraph break after `last_word` is a cut.

        Three readings of a break: the sentence ended (E); it did not and
        the next paragraph starts a new one or there is none: a cut (K); it
        did not and the next paragraph continues it (J). With e the end
        log-odds of the last word and s the start log-odds of the next
        paragraph's first word, and the three readings equally likely a
        priori (the rule brings its own prior and threshold):

            log K/E = -e             (the next word is a sentence start under both)
            log K/J = s              (the last word is mid-sentence under both)
            score   = log K/(E + J) = -log(exp(e) + exp(-s))

        With no next paragraph J is impossible and the score is -e.
        Positive: more likely a cut than not. (The same algebra gives the
        break inside a sentence: log J/(E + K) = -s - log(1 + exp(e)).)
        """
        e = self.end_logodds(last_word)
        if next_first_word is None:
            return -e, self._describe("last", last_word, "end") + "; no next paragraph"
        s = self.start_logodds(next_first_word)
        score = -(max(e, -s) + math.log1p(math.exp(-abs(e + s))))  # -log(exp(e) + exp(-s)), stable
        return score, f'{self._describe("last", last_word, "end")}; {self._describe("next", next_first_word, "start")}'

    def _describe(self, place: str, word: str, event: str) -> str:
        stats = self.lookup(word)
        if stats is None:
            return f'{place} word "{word}": not in the table'
        if event == "end":
            value, hits, misses = stats.end, stats.ends, stats.not_ends
        else:
            value, hits, misses = stats.start, stats.starts, stats.not_starts
        return (f'{place} word "{word}": {event} log-odds {value:+.1f} '
                f"({event}ed a sentence {hits} times, stood inside one {misses} times)")


# --------------------------------------------------------------- reading

def decode_table(data: bytes, source: str) -> SentenceStats:
    """Parse the gzip bytes of a table; SentenceStatsError names what is wrong."""
    try:
        lines = gzip.decompress(data).decode("utf-8").split("\n")
    except (OSError, EOFError, zlib.error, UnicodeDecodeError) as exc:
        raise SentenceStatsError(f"sentence statistics table {source} is broken: "
                                 f"not gzip'd UTF-8 text ({exc})") from None
    header = _parse_header(lines[0], source)
    scale = header["scale"]
    forms = {}
    for number, line in enumerate(lines[1:], start=2):
        if line:
            form, stats = _parse_row(line, number, scale, source)
            forms[form] = stats
    return SentenceStats(header, forms)


def _parse_header(line: str, source: str) -> dict:
    try:
        header = json.loads(line)
    except ValueError:
        header = None
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise SentenceStatsError(f"sentence statistics table {source} is broken: "
                                 f"line 1 is not a {FORMAT} JSON header")
    if not isinstance(header.get("scale"), int) or header["scale"] <= 0:
        raise SentenceStatsError(f"sentence statistics table {source} is broken: header has no positive scale")
    return header


def _parse_row(line: str, number: int, scale: int, source: str) -> tuple[str, FormStats]:
    fields = line.split("\t")
    try:
        if len(fields) != len(COLUMNS) or not fields[0]:
            raise ValueError(f"expected {len(COLUMNS)} tab-separated fields, got {len(fields)}")
        end, start, *counts = (int(f) for f in fields[1:])
    except ValueError as exc:
        raise SentenceStatsError(f"sentence statistics table {source} is broken: line {number}: {exc}") from None
    return fields[0], FormStats(end / scale, start / scale, *counts)


def load(path: str | None = None) -> SentenceStats:
    """Read a table file (default: the one shipped in newslint.rules.data)."""
    if path is None:
        resource = resources.files("newslint.rules.data").joinpath("sentence_stats", TABLE_NAME)
        source = f"newslint.rules.data/sentence_stats/{TABLE_NAME}"
    else:
        resource, source = Path(path), str(path)
    try:
        data = resource.read_bytes()
    except OSError as exc:
        raise SentenceStatsError(f"cannot read sentence statistics table {source}: {exc.strerror}") from None
    return decode_table(data, source)


# --------------------------------------------- the shipped table, lazily

_DEFAULT: SentenceStats | None = None


def default() -> SentenceStats:
    """The shipped table, read on the first call."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = load()
    return _DEFAULT


def end_logodds(word: str) -> float:
    return default().end_logodds(word)


def start_logodds(word: str) -> float:
    return default().start_logodds(word)


def looks_cut(last_word: str, next_first_word: str | None = None) -> tuple[float, str]:
    return default().looks_cut(last_word, next_first_word)
