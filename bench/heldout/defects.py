"""The defect classes injected into single articles.

Each injector takes an article and a seeded `random.Random` and returns the
corrupted copy with the record(s) of its one defect, or None when the
article offers nothing to corrupt that way (no hamza word, no source line,
...). The word a defect lands on is always drawn at random from the article
itself: a random body paragraph, then a random plain Arabic word of it (three
letters or more, not a word of the headline) that the class can corrupt.
"""
from __future__ import annotations

import re
from random import Random

from .articles import LETTERS, Article, Line, Word
from .edits import Defect, insert_lines, replace

Injected = tuple[str, list[Defect]]

WESTERN, ARABIC_INDIC = "0123456789", "٠١٢٣٤٥٦٧٨٩"
NUMBER = re.compile("(?<![0-9٠-٩])[0-9٠-٩]+(?:[.,][0-9٠-٩]+)*(?![0-9٠-٩])")
# Unit abbreviations of three letters or more: a number written against
# them ("90كلم") is normal typography, not a defect.
UNITS = frozenset({"كلم", "كلغ", "كيلو", "مليم"})
GLUED_NUMBER = re.compile(f"(?<![\\w.,])([0-9٠-٩]+) ([{LETTERS}]{{3,}})(?![\\w\u0640\u064b-\u065f\u0670])")
SENTENCE_END = tuple(".!?؟…")
CLOSERS = "\"'»”’)]}"
# Characters that scrapers leave invisible inside words.
INVISIBLE = ("\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u2060", "\ufeff", "\u00ad")
NBSP = "\u00a0"
BETWEEN_WORDS = re.compile(f"(?<=[{LETTERS}]) (?=[{LETTERS}])")


# ------------------------------------------------------------- spelling

class LetterSwap:
    """Write one letter of a word as another (`mapping`); with `final`, only
    the last letter of the word."""

    def __init__(self, mapping: dict, final: bool = False):
        self.mapping, self.final = mapping, final

    def sites(self, word: str) -> list[int]:
        if self.final:
            return [len(word) - 1] if word[-1] in self.mapping else []
        return [i for i, ch in enumerate(word) if ch in self.mapping]

    def apply(self, word: str, i: int) -> str:
        return word[:i] + self.mapping[word[i]] + word[i + 1:]


class Transpose:
    """Swap two adjacent different letters."""

    def sites(self, word: str) -> list[int]:
        return [i for i in range(len(word) - 1) if word[i] != word[i + 1]]

    def apply(self, word: str, i: int) -> str:
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]


class DropLetter:
    def sites(self, word: str) -> list[int]:
        return list(range(len(word)))

    def apply(self, word: str, i: int) -> str:
        return word[:i] + word[i + 1:]


class DoubleLetter:
    def sites(self, word: str) -> list[int]:
        return list(range(len(word)))

    def apply(self, word: str, i: int) -> str:
        return word[:i + 1] + word[i:]


SPELLING = {
    # a hamza seat written bare, or the hamza on the line dropped
    "spelling-hamza": LetterSwap({"أ": "ا", "إ": "ا", "آ": "ا", "ؤ": "و", "ئ": "ي", "ء": ""}),
    "spelling-ta-marbuta": LetterSwap({"ة": "ه"}, final=True),
    "spelling-alif-maqsura": LetterSwap({"ى": "ي", "ي": "ى"}, final=True),
    "spelling-dad-zah": LetterSwap({"ض": "ظ", "ظ": "ض"}),
    "spelling-dal-dhal": LetterSwap({"د": "ذ", "ذ": "د"}),
    "spelling-madda": LetterSwap({"آ": "ا"}),
    "spelling-transposition": Transpose(),
    "spelling-dropped-letter": DropLetter(),
    "spelling-doubled-letter": DoubleLetter(),
}


def pick_word(article: Article, rng: Random, wanted=lambda word: True) -> Word | None:
    """A random `wanted` body word of a random body paragraph (paragraphs
    without one are passed over)."""
    paragraphs = list(article.paragraphs)
    rng.shuffle(paragraphs)
    for paragraph in paragraphs:
        candidates = [w for w in article.words(paragraph) if wanted(w.text)]
        if candidates:
            return rng.choice(candidates)
    return None


def misspell(cls: str):
    """The injector of spelling class `cls`."""
    corruption = SPELLING[cls]

    def inject(article: Article, rng: Random) -> Injected | None:
        word = pick_word(article, rng, lambda w: bool(corruption.sites(w)))
        if word is None:
            return None
        new = corruption.apply(word.text, rng.choice(corruption.sites(word.text)))
        copy, defect = replace(article.text, word.start, word.end, new, cls, f"{word.text} -> {new}")
        return copy, [defect]

    return inject


# ------------------------------------------------------------- words and numbers

def double_word(article: Article, rng: Random) -> Injected | None:
    word = pick_word(article, rng)
    if word is None:
        return None
    copy, defect = replace(article.text, word.start, word.end, f"{word.text} {word.text}", "doubled-word")
    return copy, [defect]


def _body_matches(article: Article, pattern) -> list[tuple[Line, re.Match]]:
    return [(p, m) for p in article.paragraphs for m in pattern.finditer(p.text)]


def _random_number(rng: Random) -> str:
    return str(rng.choice((rng.randint(1990, 2024), rng.randint(2, 99), rng.randint(100, 9999))))


def glue_number(article: Article, rng: Random) -> Injected | None:
    """A number of the article glued to the word after it ("2020 على" ->
    "2020على"); an article without one gets a random number glued before a
    random word."""
    found = [(p, m) for p, m in _body_matches(article, GLUED_NUMBER)
             if m.group(2) not in UNITS and m.group(2) not in article.headline_words]
    if found:
        paragraph, m = rng.choice(found)
        start, end = paragraph.start + m.start(), paragraph.start + m.end()
        glued = m.group(1) + m.group(2)
        copy, defect = replace(article.text, start, end, glued, "numeral-glued", "the article's number")
        return copy, [defect]
    word = pick_word(article, rng, lambda w: w not in UNITS)
    if word is None:
        return None
    number = _random_number(rng)
    copy, defect = replace(article.text, word.start, word.end, number + word.text, "numeral-glued", "random number")
    return copy, [defect]


def _system(number: str) -> str:
    return "western" if any(ch in WESTERN for ch in number) else "arabic-indic"


def switch_digits(article: Article, rng: Random) -> Injected | None:
    """One body number written in the other digit system, in an article
    whose numbers (three or more) are all in one system, so that the
    switched one is clearly the odd one out."""
    numbers = [m.group() for m in NUMBER.finditer(article.text)]
    systems = {_system(n) for n in numbers}
    body = _body_matches(article, NUMBER)
    if len(numbers) < 3 or len(systems) != 1 or not body:
        return None
    paragraph, m = rng.choice(body)
    source, target = (WESTERN, ARABIC_INDIC) if systems == {"western"} else (ARABIC_INDIC, WESTERN)
    new = m.group().translate(str.maketrans(source, target))
    start = paragraph.start + m.start()
    copy, defect = replace(article.text, start, start + len(m.group()), new, "mixed-numerals", f"{m.group()} -> {new}")
    return copy, [defect]


# ------------------------------------------------------------- lines

def _paragraph_gaps(article: Article) -> list[int]:
    """Offsets of the line starts between body paragraphs, and after the last."""
    gaps = [p.start for p in article.paragraphs[1:]]
    after_last = article.body_end + 1
    if after_last <= len(article.text):
        gaps.append(after_last)
    return gaps


def stray_id(article: Article, rng: Random) -> Injected | None:
    """A line holding a random 5-9 digit number between two paragraphs."""
    gaps = _paragraph_gaps(article) if article.paragraphs else []
    if not gaps:
        return None
    digits = rng.randint(5, 9)
    number = str(rng.randint(10 ** (digits - 1), 10 ** digits - 1))
    return insert_lines(article.text, rng.choice(gaps), [number], "stray-id")


def mid_sentence_cuts(paragraph: Line) -> list[int]:
    """Offsets (in the article) just after a word where a cut leaves a
    sentence unfinished: the word has Arabic letters and no closing
    punctuation, at least two words of its sentence come before it and at
    least two more follow before the sentence ends."""
    tokens = list(re.finditer(r"\S+", paragraph.text))
    ends = [t.group().rstrip(CLOSERS).endswith(SENTENCE_END) for t in tokens]
    # following[i]: words after token i up to and with the end of its sentence
    following = [0] * len(tokens)
    for i in range(len(tokens) - 2, -1, -1):
        following[i] = 1 if ends[i + 1] else 1 + following[i + 1]
    cuts, since_start = [], 0
    for i, token in enumerate(tokens):
        since_start = 0 if ends[i] else since_start + 1
        plain = token.group()[-1] not in CLOSERS + ":،؛,;" and re.search(f"[{LETTERS}]", token.group())
        if plain and not ends[i] and since_start >= 3 and following[i] >= 2:
            cuts.append(paragraph.start + token.end())
    return cuts


def truncate_mid(article: Article, rng: Random) -> Injected | None:
    """A paragraph other than the last cut mid-sentence; the rest kept."""
    candidates = [p for p in article.paragraphs[:-1] if mid_sentence_cuts(p)]
    if not candidates:
        return None
    paragraph = rng.choice(candidates)
    cut = rng.choice(mid_sentence_cuts(paragraph))
    copy, defect = replace(article.text, cut, paragraph.end, "", "truncation-mid")
    return copy, [defect]


def truncate_end(article: Article, rng: Random) -> Injected | None:
    """The last paragraph cut mid-sentence, and nothing after it."""
    if not article.paragraphs:
        return None
    cuts = mid_sentence_cuts(article.paragraphs[-1])
    if not cuts:
        return None
    cut = rng.choice(cuts)
    copy, defect = replace(article.text, cut, len(article.text), "\n", "truncation-end")
    return copy, [defect]


def stub(article: Article, rng: Random) -> Injected | None:
    """Only the headline, or the headline and the first 3-14 words of the
    body; the source line, if any, kept."""
    if not article.paragraphs:
        return None
    if rng.random() < 0.5:
        cut, note = article.title.end, "headline only"
    else:
        keep = rng.randint(3, 14)
        tokens = list(re.finditer(r"\S+", article.paragraphs[0].text))
        if len(tokens) <= keep:
            return None
        cut, note = article.paragraphs[0].start + tokens[keep - 1].end(), f"headline and {keep} words"
    copy, defect = replace(article.text, cut, article.body_end, "", "stub", note)
    return copy, [defect]


def drop_source(article: Article, rng: Random) -> Injected | None:
    """The source line (and the blank line before it) removed."""
    if article.source is None or not article.paragraphs:
        return None
    copy, defect = replace(article.text, article.body_end, article.source.end, "", "source-missing")
    return copy, [defect]


def double_source(article: Article, rng: Random) -> Injected | None:
    """The source line written twice."""
    if article.source is None or article.source.end >= len(article.text):
        return None
    return insert_lines(article.text, article.source.end + 1, [article.source.text], "source-doubled")


# ------------------------------------------------------------- hygiene

def invisible_char(article: Article, rng: Random) -> Injected | None:
    """A zero-width or bidirectional control character inside a word."""
    word = pick_word(article, rng)
    if word is None:
        return None
    char = rng.choice(INVISIBLE)
    at = word.start + rng.randint(1, len(word.text) - 1)
    copy, defect = replace(article.text, at, at, char, "invisible-char", f"U+{ord(char):04X} in {word.text}")
    return copy, [defect]


def nbsp(article: Article, rng: Random) -> Injected | None:
    """A space between two words of the body written as U+00A0."""
    spaces = _body_matches(article, BETWEEN_WORDS)
    if not spaces:
        return None
    paragraph, m = rng.choice(spaces)
    at = paragraph.start + m.start()
    copy, defect = replace(article.text, at, at + 1, NBSP, "nbsp")
    return copy, [defect]


INJECTORS = {
    **{cls: misspell(cls) for cls in SPELLING},
    "doubled-word": double_word,
    "numeral-glued": glue_number,
    "mixed-numerals": switch_digits,
    "stray-id": stray_id,
    "truncation-mid": truncate_mid,
    "truncation-end": truncate_end,
    "stub": stub,
    "source-missing": drop_source,
    "source-doubled": double_source,
    "invisible-char": invisible_char,
    "nbsp": nbsp,
}
