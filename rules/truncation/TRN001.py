"""TRN001 (dangling-end)."""
from __future__ import annotations

import re

from newslint.arabic import SENTENCE_END, TATWEEL
from newslint.rule import Rule, hit
from newslint.rules.truncation._common import DANGLING, body_paragraphs

_SHORT = re.compile(r"^\S{1,2}$")


def _last_words(text: str) -> list[str]:
    return text.split()[-2:]

_TATWEEL_CLITICS = {"ب", "ل", "ال", "وب", "ول"}  # "بـ": a clitic waiting for its word

class DanglingEnd(Rule):
    """A body paragraph that ends on a preposition, conjunction or particle.

    What: the last word of a paragraph is one a sentence cannot end on:
    "في", "على", "من", "و", "أن", "التي", "بـ", ... with no closing
    punctuation after it. Initials of a journalist ("س ب", "ع ب م"), the
    Hijri "هـ" and quoted endings are left alone.

    Why: the scraper or the source cut the text; a half sentence in a
    training set or a summary is worse than none.

    Fires: "... موضحا أنه سيتم أن" / "... مطلع الشهر الجاري. و".
    Does not fire: "... في مختلف المجالات." or "وقال في هذا الصدد:".
    """

    code = "TRN001"
    name = "dangling-end"
    category = "truncation"

    def check(self, doc, options):
        for number, text in body_paragraphs(doc):
            if text[-1] in SENTENCE_END:
                continue
            words = _last_words(text)
            last = words[-1]
            if last not in DANGLING and not (last.endswith(TATWEEL) and last.rstrip(TATWEEL) in _TATWEEL_CLITICS):
                continue
            if len(words) == 2 and _SHORT.match(words[0]) and len(last) <= 2 and not last.endswith(TATWEEL):
                continue  # initials such as "س ب"
            column = len(doc.line(number).text.rstrip()) - len(last) + 1
            yield hit(number, column, column + len(last),
                      f"paragraph ends on \"{last}\", a word a sentence cannot end on: the text looks cut "
                      f"(\"…{text[-40:]}\")")
