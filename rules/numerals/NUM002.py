"""NUM002 (number-glued-to-word)."""
from __future__ import annotations

import re

from newslint.arabic import ARABIC_LETTERS, TATWEEL, scan_back
from newslint.rule import Rule, glued_hit
from newslint.rules.numerals._common import _DIGITS

# Unit and abbreviation letters that legitimately follow a number.
_UNITS = {"م", "ه", "هـ", "ق", "ث", "د", "س", "كم", "كلم", "كغ", "كج", "مم", "سم", "مل", "هك", "غ", "ن", "ك", "ل",
          "مغ", "كيلو", "مليم", "ر", "و", "ت"}
_DIGIT_RUN = re.compile(f"[{_DIGITS}]+(?:[.,][{_DIGITS}]+)*")
_ARABIC_RUN = re.compile(f"[{ARABIC_LETTERS}]+")
_IS_LETTER = re.compile(f"[{ARABIC_LETTERS}{TATWEEL}]")
# Clitics that attach to a number in normal typography: و20، ب3، ل800، وب4، ال6
_CLITICS = re.compile("^[وف]?(?:[بلك]?|[بك]?ال|لل)$")


class NumberGluedToWord(Rule):
    """A number written without a space against an Arabic word.

    What: digits directly followed by an Arabic word ("2020على", "12عاما"),
    or a word other than a clitic directly followed by digits ("نحو54",
    "مارس2015"). Normal typography is accepted: clitics before a number
    ("و20", "بـ3", "الـ24", "لـ11", "ب4"), unit abbreviations after it
    ("2020م", "90كلم", "5د"), and the Tunisian decimal "3ر6".

    Why: tokenizers keep "2020على" as one token, so neither the year nor the
    preposition is found by search or counted by statistics; it usually means
    the scraper dropped a space or a line break.

    Fires: "زعماء روسيا وأذربيجان وأرمينيا في 9 نوفمبر 2020على بيان مشترك".
    Does not fire: "خلال الـ24 ساعة الماضية", "وفي الـ 20 من سبتمبر".

    Fix (safe): insert a space between the number and the word.
    """

    code = "NUM002"
    name = "number-glued-to-word"
    category = "numerals"
    fixable = "safe"

    def check(self, doc, options):
        text = doc.text
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
                    yield glued_hit(doc, word_start, end, start, "word glued to the number after it")
