"""NUM002 (number-glued-to-word)."""
from __future__ import annotations

import re

from newslint.arabic import ARABIC_LETTERS, NAMING_NOUNS, TATWEEL, scan_back
from newslint.rule import Rule, glued_hit
from newslint.rules.numerals._common import _DIGITS

# Unit and abbreviation letters that legitimately follow a number.
_UNITS = {"م", "ه", "هـ", "ق", "ث", "د", "س", "كم", "كلم", "كغ", "كج", "مم", "سم", "مل", "هك", "غ", "ن", "ك", "ل",
          "مغ", "كيلو", "مليم", "ر", "و", "ت"}
_DIGIT_RUN = re.compile(f"[{_DIGITS}]+(?:[.,][{_DIGITS}]+)*")
_ARABIC_RUN = re.compile(f"[{ARABIC_LETTERS}]+")
_IS_LETTER = re.compile(f"[{ARABIC_LETTERS}{TATWEEL}]")
# Latin letters spelled in Arabic script (not the ones that are also common
# words, "في" V / "in", "أو" O / "or": "في23" and "أو9" are slips): glued to digits they are a model
# code ("أس6" = S6, "إتش5إن6" = H5N6), the way Arabic writes product names.
_LETTER_NAMES = {"أس", "اس", "إس", "إتش", "اتش", "إن", "ان", "إكس", "اكس", "إم", "ام", "إف", "اف", "إل", "بي",
                 "سي", "دي", "تي", "جي", "كيو", "آر", "ار", "واي", "زد", "كي", "يو", "إي", "اي"}
_ARABIC_WORD = re.compile(f"(?<![{ARABIC_LETTERS}{_DIGITS}])[{ARABIC_LETTERS}]+(?![{ARABIC_LETTERS}{_DIGITS}])")
_LATIN_BEFORE_DIGITS = re.compile(f"[A-Za-z]+[ -]?([{_DIGITS}]+)")
# Clitics that attach to a number in normal typography: و20، ب3، ل800، وب4، ال6
_CLITICS = re.compile("^[وف]?(?:[بلك]?|[بك]?ال|لل)$")


# Nouns that introduce a product's name rather than a place's or an outlet's
# (those are NAMING_NOUNS): "هاتف آيفون15", "طائرة إف16".
_PRODUCT_NOUNS = frozenset("هاتف جهاز طائرة طائرات سيارة منصة شبكة تطبيق لعبة طراز صاروخ دبابة".split())
_NAMING_CLITICS = re.compile("^[وف]?[بلك]?")


def _after_naming_noun(text: str, word_start: int) -> bool:
    """The glued word is the name a noun introduces ("قناة فرانس24", "بطائرة
    إف16"): the word before it, without و/ف and ب/ل/ك, is such a noun."""
    before = text[max(0, word_start - 24):word_start].rstrip(" \t\u00a0")
    previous = _ARABIC_RUN.findall(before[-16:])
    if not previous or not before.endswith(previous[-1]):
        return False
    bare = previous[-1]
    return any(form in NAMING_NOUNS or form in _PRODUCT_NOUNS
               for form in {bare, _NAMING_CLITICS.sub("", bare, count=1)})


def _latin_numbers(text: str) -> set:
    """Digits that the document also writes after a Latin word ("Note 7",
    "S6", "France24"): the Latin original of an Arabic-script name."""
    return {m.group(1) for m in _LATIN_BEFORE_DIGITS.finditer(text)} if re.search("[A-Za-z]", text) else set()


def _names_glued(glued: list[tuple[str, str]], standalone: set) -> set:
    """The (word, digits) pairs that are names: the word is a spelled Latin
    letter, or the pair recurs in the document (with or without a clitic:
    "فرانس24" and "لفرانس24") while the word never stands alone in it. A
    brand is one unit, word and digits; a word the text also uses on its own
    ("في23" twice, "الوطنية1" twice) is a repeated slip."""
    names = {pair for pair in glued if pair[0] in _LETTER_NAMES}
    for i, (word, digits) in enumerate(glued):
        if any(w in standalone for w in (word, word[1:])):
            continue
        if any(d == digits and (word.endswith(w) or w.endswith(word))
               for j, (w, d) in enumerate(glued) if j != i):
            names.add((word, digits))
    return names


class NumberGluedToWord(Rule):
    """A number written without a space against an Arabic word.

    What: digits directly followed by an Arabic word ("2020على", "12عاما"),
    or a word other than a clitic directly followed by digits ("نحو54",
    "مارس2015"). Normal typography is accepted: clitics before a number
    ("و20", "بـ3", "الـ24", "لـ11", "ب4"), unit abbreviations after it
    ("2020م", "90كلم", "5د"), and the Tunisian decimal "3ر6".

    A product or brand name is written this way on purpose and is not
    reported (issue 12, other sites): a spelled Latin letter glued to digits
    ("جالكسي أس6", "إتش5إن6"), a word right after a noun that introduces a
    name ("قناة فرانس24", "هاتف آيفون15"), a word glued to the same digits more than once
    in the document while the word never stands alone in it ("فرانس24" ...
    "لفرانس24"), or digits the document also
    writes after a Latin word ("نوت7 (Galaxy Note 7)"), or an outlet's name on
    the source line ("المصدر: مدار21"). Tune with
    `_LETTER_NAMES`. A single "بنسبة20" with no such sign still fires.

    Why: tokenizers keep "2020على" as one token, so neither the year nor the
    preposition is found by search or counted by statistics; it usually means
    the scraper dropped a space or a line break.

    Evidence: the file's characters around each run of digits: an Arabic
    word of 2 or more letters right after it, or one of 2 or more letters
    right before it that is not a clitic form and does not end in tatweel.
    Phrase priors, fixed lists in the code: the unit abbreviations
    (`_UNITS`), the spelled Latin letters (`_LETTER_NAMES`) and the nouns
    that introduce a name (`NAMING_NOUNS`, `_PRODUCT_NOUNS`). Context from
    the whole document (the same pair elsewhere, the word standing alone,
    the digits after a Latin word) and the structure (the zones' source
    lines) only excuse a word glued before a number.

    Tune: no options (`_LETTER_NAMES` is a list in the code, not a
    setting); set its severity, ignore it, or use per-file-ignores for
    folders of product pages that glue model numbers to names.

    Fires: "زعماء روسيا وأذربيجان وأرمينيا في 9 نوفمبر 2020على بيان مشترك".
    Does not fire: "خلال الـ24 ساعة الماضية", "وفي الـ 20 من سبتمبر",
    "هاتفها الجديد جالكسي أس6".

    Fix (safe): insert a space between the number and the word.
    """

    code = "NUM002"
    name = "number-glued-to-word"
    category = "numerals"
    fixable = "safe"

    def check(self, doc, options):
        text = doc.text
        before = []  # (word start, number span, word) of every word glued before a number
        # find the numbers (rare) and look at their neighbours, instead of
        # matching every word of the text
        for m in _DIGIT_RUN.finditer(text):
            start, end = m.span()
            after = _ARABIC_RUN.match(text, end)
            if after and len(after.group()) >= 2 and after.group() not in _UNITS:
                yield glued_hit(doc, start, after.end(), end, "number glued to the word after it")
            if start and _IS_LETTER.match(text, start - 1):
                word_start = scan_back(text, start, _IS_LETTER)
                word = text[word_start:start]
                if len(word) >= 2 and not word.endswith(TATWEEL) and not _CLITICS.match(word):
                    before.append((word_start, m, word))
        if not before:
            return
        names = _names_glued([(word, m.group()) for _, m, word in before], set(_ARABIC_WORD.findall(text)))
        latin = _latin_numbers(text)
        source = set(doc.zones.source_lines)
        for word_start, m, word in before:
            if source and doc.position(word_start)[0] in source:
                continue  # "المصدر: مدار21": the outlet's own name
            if (word, m.group()) not in names and m.group() not in latin and not _after_naming_noun(text, word_start):
                yield glued_hit(doc, word_start, m.end(), m.start(), "word glued to the number after it")
