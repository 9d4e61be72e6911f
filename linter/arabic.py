"""Arabic text helpers shared by the zone parser and the rules."""
from __future__ import annotations

import re

# Letters of the Arabic block proper (hamza .. yeh) plus the extended letters
# scrapes pick up; diacritics (harakat) and tatweel are separate.
ARABIC_LETTERS = "\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06fc\u06ff"
DIACRITICS = "\u064b-\u065f\u0670\u06d6-\u06ed"
TATWEEL = "\u0640"
# Digits of the three systems Arabic text uses: Western, Arabic-Indic, Persian.
DIGITS = "0-9\u0660-\u0669\u06f0-\u06f9"
PERSIAN_DIGITS = "\u06f0-\u06f9"
# English month names (longest first inside an alternation is not needed:
# every use is followed by a non-letter), for dates in site templates.
ENGLISH_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
# Nouns that introduce a named place, institution, outlet or work across the
# Arab world's administrative and press vocabularies: the next word, without
# the article, is its name (وكالة وفا, بمدينة سلا, بعمادة سلتة, برنامج قوول).
NAMING_NOUNS = frozenset("""ولاية محافظة مدينة منطقة قرية بلدة بلدية معتمدية عمادة جهة إقليم اقليم مقاطعة ناحية
قضاء مديرية دائرة حي شارع نهج طريق ساحة سوق شاطئ ميناء مطار ملعب مدرسة معهد جامعة كلية مستشفى مصحة جبل واد وادي
جزيرة بحيرة سد دوار مخيم عاصمة وكالة صحيفة جريدة قناة إذاعة مجلة موقع شركة حزب جمعية مؤسسة منظمة مجموعة فرقة نادي
فريق مهرجان حركة برنامج حصة مسلسل فيلم كتاب رواية أغنية ألبوم مسرحية""".split())
ARABIC_WORD = re.compile(f"[{ARABIC_LETTERS}{DIACRITICS}{TATWEEL}]+")

_STRIP = re.compile(f"[{DIACRITICS}{TATWEEL}\u200b-\u200f\u061c\u2066-\u2069\u202a-\u202e\ufeff]")
_SPACES = re.compile(r"[\s\u00a0\u202f\u2007\u2000-\u200a]+")
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه",
                       "ی": "ي", "ک": "ك", "ۀ": "ه", "ہ": "ه", "ھ": "ه"})

SENTENCE_END = ".!?؟…:\"'»”)]}*،؛"
"""Characters after which a line may stop without looking cut off."""


# The same mapping as pairs: str.translate looks every character up in a
# dict, ten times slower on short lines than a few C-level replaces (no
# target is also a source, so the order does not matter).
_FOLD_PAIRS = tuple((chr(key), value) for key, value in _FOLD.items())


def fold(text: str) -> str:
    """Normalise for phrase matching: hamza seats, alif maqsura, ta marbuta,
    Persian look-alikes, diacritics, tatweel, invisible marks, and spaces."""
    text = _STRIP.sub("", text)
    for old, new in _FOLD_PAIRS:
        if old in text:
            text = text.replace(old, new)
    return _SPACES.sub(" ", text).strip()


_BLANK_CHARS = ("\t\n\x0b\x0c\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
                "\u2009\u200a\u2028\u2029\u202f\u205f\u3000\u0640\u200b\u200c\u200d\u200e\u200f"
                "\u061c\u2066\u2067\u2068\u2069\u202a\u202b\u202c\u202d\u202e\ufeff")


def is_blank(text: str) -> bool:
    """True for a line holding nothing but (any kind of) white space or
    invisible marks."""
    return not text.strip(_BLANK_CHARS)


def scan_back(text: str, pos: int, char) -> int:
    """The start of the run of characters matching the compiled pattern
    `char` (one character) that ends at `pos`: a backward scan, so a long
    word is read once, not retried from each of its letters."""
    while pos > 0 and char.match(text, pos - 1):
        pos -= 1
    return pos


def indent(text: str) -> int:
    """How many white-space characters `text` starts with."""
    return len(text) - len(text.lstrip())


def word_count(text: str) -> int:
    return len(text.split())
