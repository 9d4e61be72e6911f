"""TRN003 (missing-final-punctuation)."""
from __future__ import annotations

import re

from newslint.arabic import SENTENCE_END
from newslint.rule import Rule, hit
from newslint.rules.truncation._common import body_paragraphs


class MissingFinalPunctuation(Rule):
    """The last body paragraph stops without closing punctuation while the article's other paragraphs have it.

    What: the last paragraph of the article body has at least `min-words`
    words and no sentence-final punctuation, while every other paragraph
    (at least two) ends with it. Lines that look like bylines or results
    ("الجوهرة أف أم - وات", "1 - 0") are left alone.

    Why: in an article whose writer closes every paragraph, an open last
    paragraph is most often where the scrape was cut.

    Evidence: the article's structure (the zones' body paragraphs, at least
    three) and their last characters: closing punctuation is any character
    of `SENTENCE_END`, which counts ":", "،" and closing quotes too. A dash
    between spaces or between digits in the last 40 characters marks a
    byline or a result. Words are counted white-space separated; no
    statistics, no lexicon.

    Tune: `min-words` (12): higher leaves more short last paragraphs alone
    (stricter, fewer findings). The rule is opt-in: select TRN003 or
    missing-final-punctuation to run it; its severity is info.

    Fires: the last paragraph "... بحسب ما جاء بالأمر الحكومي وأكد الوزير أن
    الإجراءات ستشمل" after paragraphs ending in ".".
    Does not fire: the same article whose last paragraph ends in ".".

    Opt-in: on the corpus about half of its hits were complete sentences that
    only lack the period, so it runs only when selected by code or name.
    """

    code = "TRN003"
    name = "missing-final-punctuation"
    category = "truncation"
    severity = "info"
    opt_in = True
    options = {"min-words": {"type": "integer", "minimum": 1, "default": 12,
                             "description": "words the paragraph needs before it counts"}}

    def check(self, doc, options):
        paragraphs = list(body_paragraphs(doc))
        if len(paragraphs) < 3:
            return
        *others, (number, text) = paragraphs
        if text[-1] in SENTENCE_END or len(text.split()) < options["min-words"]:
            return
        if not all(t[-1] in SENTENCE_END for _, t in others):
            return
        if re.search(r"\s[-–—]\s|\d\s*[-–]\s*\d", text[-40:]):
            return
        line_text = doc.line(number).text.rstrip()
        yield hit(number, len(line_text), len(line_text) + 1,
                  f"the last paragraph has no closing punctuation while the {len(others)} others do: "
                  f"it may be cut (\"…{text[-40:]}\")")
