"""Numerals family (NUM): digit systems, numbers glued to words, English
dates and inconsistent number formats."""
from __future__ import annotations

import re
from collections import Counter

from newslint.arabic import ARABIC_LETTERS, TATWEEL
from newslint.hookspecs import hookimpl
from newslint.rule import Rule, glued_hit, hit

_SYSTEMS = {"western": "0-9", "arabic-indic": "\u0660-\u0669", "persian": "\u06f0-\u06f9"}
_DIGITS = "0-9\u0660-\u0669\u06f0-\u06f9"
_NUMBER = re.compile(f"[{_DIGITS}]+(?:[.,\u066b\u066c][{_DIGITS}]+)*")


_NON_WESTERN = re.compile("[\u0660-\u0669\u06f0-\u06f9]")


def _system(ch: str) -> str:
    if "0" <= ch <= "9":
        return "western"
    return "arabic-indic" if "\u0660" <= ch <= "\u0669" else "persian"


class MixedDigitSystems(Rule):
    """Western, Arabic-Indic and Persian digits mixed in one file.

    What: a number written with digits of two systems ("2٠20"), or a file
    that writes some numbers with 0-9 and others with ٠-٩ or ۰-۹. Each number
    written in the file's minority system is reported.

    Why: search, sorting and number extraction treat "2020" and "٢٠٢٠" as
    different strings; mixed systems are a sign of text pasted from
    different sources.

    Fires: "في عام 2020 ... في عام ٢٠٢١". Does not fire: an article that
    writes every number as 0-9 (or every number as ٠-٩).
    """

    code = "NUM001"
    name = "mixed-digit-systems"
    category = "numerals"

    def check(self, doc, options):
        if _NON_WESTERN.search(doc.text) is None:
            return  # one system only (or no digits at all)
        numbers = []
        for line in doc.lines:
            for m in _NUMBER.finditer(line.text):
                systems = {_system(ch) for ch in m.group() if ch.isdigit()}
                numbers.append((line.number, m, systems))
        totals = Counter(s for _, _, systems in numbers for s in systems)
        if not numbers:
            return
        majority = max(totals, key=lambda s: (totals[s], s == "western"))
        for number, m, systems in numbers:
            if len(systems) > 1:
                yield hit(number, m.start() + 1, m.end() + 1,
                          f"the number \"{m.group()}\" mixes {' and '.join(sorted(systems))} digits")
            elif len(totals) > 1 and majority not in systems:
                (system,) = systems
                yield hit(number, m.start() + 1, m.end() + 1,
                          f"\"{m.group()}\" uses {system} digits while this file mostly uses {majority} "
                          f"({totals[majority]} vs {totals[system]} numbers)")


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
                word_start = start - 1
                while word_start > 0 and _IS_LETTER.match(text, word_start - 1):
                    word_start -= 1
                word = text[word_start:start]
                if len(word) >= 2 and not word.endswith(TATWEEL) and not _CLITICS.match(word):
                    yield glued_hit(doc, word_start, end, start, "word glued to the number after it")


_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December|"
           "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec")
_ENGLISH_DATE = re.compile(
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:{_MONTHS})\.?,?\s+\d{{4}}"
    rf"|(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th),?\s+(?:{_MONTHS})\b)(?:\s+(?:GMT|UTC))?")
_ARABIC_LETTER = re.compile(f"[{ARABIC_LETTERS}]")
_MONTH_HINT = re.compile(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)")
_ARABIC_WORD2 = re.compile(f"[{ARABIC_LETTERS}]{{2,}}")


class EnglishDate(Rule):
    """An English date or ordinal inside Arabic text.

    What: "10th, November 2023", "November 10, 2023" or "3rd March" on a line
    that is written in Arabic.

    Why: the date came from the site's template in another language; date
    extraction for Arabic misses it and the line mixes scripts.

    Fires: "تاريخ النشر: 10th, November 2023 GMT".
    Does not fire: "تاريخ النشر: 10 نوفمبر 2023", or an English line
    quoting a tweet (that is EMB's business).
    """

    code = "NUM003"
    name = "english-date"
    category = "numerals"

    def check(self, doc, options):
        if _MONTH_HINT.search(doc.text) is None:
            return
        for line in doc.lines:
            text = line.text
            if not _ARABIC_LETTER.search(text):
                continue
            if len(_ARABIC_WORD2.findall(text)) < 2:
                continue  # an English line with a stray Arabic word
            for m in _ENGLISH_DATE.finditer(text):
                yield hit(line.number, m.start() + 1, m.end() + 1,
                          f"English date \"{m.group()}\" inside Arabic text")


# A number before "%" is matched from its first digit only: tried from every
# digit of a long number that no "%" follows, it would be quadratic.
_NUMBER_START = f"(?<![{_DIGITS}])(?<![{_DIGITS}][.,\u066b\u066c])"
_PERCENT = re.compile(f"{_NUMBER_START}({_NUMBER.pattern})( ?)([%\u066a])|([%\u066a])( ?)({_NUMBER.pattern})")
_GROUPED = re.compile(f"(?<![{_DIGITS}.,])[{_DIGITS}]{{1,3}}(?:([,.\u066c ])[{_DIGITS}]{{3}})(?:\\1[{_DIGITS}]{{3}})+(?![{_DIGITS}])")
_GROUP_HINT = re.compile(f"[{_DIGITS}][,.\u066c ][{_DIGITS}]{{3}}[,.\u066c ][{_DIGITS}]{{3}}")
_SEP_NAMES = {",": "commas", ".": "periods", "\u066c": "Arabic thousands separators", " ": "spaces"}


class InconsistentNumberFormat(Rule):
    """Percentages or digit grouping written two ways in one file.

    What: "53.93%" and "37.58 %" (or "%" and "٪", or "%20" and "20%") in the
    same article; large numbers grouped with commas in one place and periods
    in another ("1,250,000" vs "71.960.448"). The less common form is
    reported.

    Why: the article was assembled from several sources; number extraction
    and display rules break on the inconsistent form.

    Fires: "على 53.93% من الأصوات، مقابل 37.58 % للائتلاف".
    Does not fire: an article that writes every percentage as "N%".
    """

    code = "NUM004"
    name = "inconsistent-number-format"
    category = "numerals"
    severity = "info"

    def check(self, doc, options):
        has_percent = "%" in doc.text or "\u066a" in doc.text
        if not has_percent and _GROUP_HINT.search(doc.text) is None:
            return
        percents, groups = [], []
        for line in doc.lines:
            for m in _PERCENT.finditer(line.text) if has_percent else ():
                if m.group(1):
                    style = ("N %" if m.group(2) else "N%").replace("%", m.group(3))
                else:
                    style = ("% N" if m.group(5) else "%N").replace("%", m.group(4))
                percents.append((line.number, m, style))
            for m in _GROUPED.finditer(line.text):
                groups.append((line.number, m, m.group(1)))
        yield from self._minority(percents, "percentage written as \"{value}\" ({style}) while this file mostly "
                                            "writes \"{major}\"")
        yield from self._minority(groups, "\"{value}\" groups digits with {style_name} while this file mostly "
                                          "uses {major_name}")

    @staticmethod
    def _minority(items, template):
        counts = Counter(style for _, _, style in items)
        if len(counts) < 2:
            return
        major = max(counts, key=lambda s: (counts[s], s))
        for number, m, style in items:
            if style != major:
                yield hit(number, m.start() + 1, m.end() + 1, template.format(
                    value=m.group().strip(), style=style, major=major,
                    style_name=_SEP_NAMES.get(style, style), major_name=_SEP_NAMES.get(major, major)))


@hookimpl
def newslint_rules():
    return [MixedDigitSystems, NumberGluedToWord, EnglishDate, InconsistentNumberFormat]
