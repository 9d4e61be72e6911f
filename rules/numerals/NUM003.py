"""NUM003 (english-date)."""
from __future__ import annotations

import re

from newslint.arabic import ARABIC_LETTERS, ENGLISH_MONTHS
from newslint.rule import Rule, hit

_MONTHS = (ENGLISH_MONTHS + "|"
           "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec")
# Without a year, only the full month names ("February 21", "21 February"),
# and not right after a Latin word ("Windows 10 October Update" is a name):
# "May" is also an English verb, and abbreviations are too short to be sure.
_FULL_MONTHS = "|".join(month for month in ENGLISH_MONTHS.split("|") if month != "May")
_ENGLISH_DATE = re.compile(
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:{_MONTHS})\.?,?\s+\d{{4}}"
    rf"|(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th),?\s+(?:{_MONTHS})\b"
    rf"|(?<![A-Za-z]\s)(?:{_FULL_MONTHS})\s+\d{{1,2}}(?:st|nd|rd|th)?(?![\d:])"
    rf"|(?<![A-Za-z]\s)\d{{1,2}}\s+(?:{_FULL_MONTHS})\b)(?:\s+(?:GMT|UTC))?")
_ARABIC_LETTER = re.compile(f"[{ARABIC_LETTERS}]")
_MONTH_HINT = re.compile(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)")
_ARABIC_WORD2 = re.compile(f"[{ARABIC_LETTERS}]{{2,}}")


class EnglishDate(Rule):
    """An English date or ordinal inside Arabic text.

    What: "10th, November 2023", "November 10, 2023", "3rd March", or a
    full month name and a day without the year ("February 21", "21
    February"; not "May": it is also an English verb), on a line that is
    written in Arabic.

    Why: the date came from the site's template in another language; date
    extraction for Arabic misses it and the line mixes scripts.

    Evidence: the file's characters, line by line: a day and a year around
    an English month name or abbreviation (a fixed list in the code, a
    prior), optionally followed by GMT or UTC. Without a year only an
    ordinal day ("3rd March") counts, or a full month name other than May
    that does not follow a Latin word ("Windows 10 October Update"). A line
    is Arabic when it holds at least 2 words of 2 or more Arabic letters;
    no zones, lexicon or batch.

    Tune: no options; set its severity, ignore it, or use per-file-ignores
    for folders of bilingual pages or sites with an English date template.

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
