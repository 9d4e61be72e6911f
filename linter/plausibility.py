"""Does a decoded text read as Arabic? Used to tell a right legacy decoding
of a file from a wrong one: a cp1256 headline decoded as cp1251 is Cyrillic
letters, decoded as ISO-8859-6 it is Arabic letters in unlikely orders.

The text is reduced to character classes (each Arabic letter is its own
class; digits, Latin letters, other letters, spaces and punctuation are one
class each) and scored with the bigram log-probabilities of Arabic news
(linter/arabic_model.py, trained by tools/make_arabic_model.py).
"""
from __future__ import annotations

from dataclasses import dataclass

from .arabic_model import BIGRAMS, UNSEEN

# Scored prefix: enough evidence, bounded cost on a long file.
SAMPLE = 4096
# Below this share of letters in the Arabic block the text is not Arabic.
MIN_ARABIC_SHARE = 0.5
# Mean log-probability per character below which Arabic letters are in
# orders Arabic does not use (the corpus' headlines, rightly decoded, all
# score above -3.65; garbled readings mostly far below).
MIN_MEAN_LOG_P = -3.8
# A decoding is certain when it beats every other reading by this many nats
# (on the corpus' headlines the right one always won by more than 5).
MIN_MARGIN = 5.0


_PUNCTUATION = set(".,:;!?\"'()-،؛؟«»“”‘’…/")


def char_class(ch: str) -> str:
    """The class of one character."""
    if "\u0621" <= ch <= "\u063a" or "\u0641" <= ch <= "\u064a":
        return ch
    if "\u064b" <= ch <= "\u065f" or ch in "\u0640\u0670":
        return "\u064b"  # harakat and tatweel: one class (a wrong code page scatters them)
    if ch.isspace():
        return " "
    if ch.isdigit():
        return "0"
    if ch.isascii() and ch.isalpha():
        return "a"
    if "\u0671" <= ch <= "\u06ff" and ch.isalpha():
        return "\u06a9"  # extended (Persian, Urdu) letters: one class
    if ch.isalpha():
        return "x"       # a letter of another script
    return "." if ch in _PUNCTUATION else "#"   # "#": symbols ([, ^, _, ...) that news text rarely has


@dataclass(frozen=True)
class Reading:
    log_p: float          # total log-probability of the scored prefix
    mean_log_p: float     # per character transition
    arabic_share: float   # letters in the Arabic block / all letters

    @property
    def plausible(self) -> bool:
        return self.arabic_share >= MIN_ARABIC_SHARE and self.mean_log_p >= MIN_MEAN_LOG_P


def read(text: str) -> Reading:
    sample = text[:SAMPLE]
    classes = [" ", *map(char_class, sample), " "]
    log_p = sum(BIGRAMS.get(a + b, UNSEEN) for a, b in zip(classes, classes[1:]))
    letters = [c for c in classes if c not in " 0.#\u064b"]
    arabic = sum(1 for c in letters if "\u0621" <= c <= "\u064a" or c == "\u06a9")
    return Reading(log_p, log_p / (len(classes) - 1), arabic / len(letters) if letters else 0.0)
