"""Truncation family (TRN): body paragraphs that stop mid-sentence.

Only body paragraphs of the article are examined (see `newslint.zones`):
headlines, sub-headings, list items, source and tags lines and everything
appended after the article never are."""
from __future__ import annotations

import re

from newslint.arabic import SENTENCE_END, TATWEEL
from newslint.hookspecs import hookimpl
from newslint.rule import Rule, hit

# Words a sentence cannot end on: prepositions, conjunctions, particles that
# need a clause after them, relative pronouns.
DANGLING = {
    "في", "على", "من", "إلى", "الى", "عن", "مع", "لدى", "حول", "ضد", "عبر", "خلال", "منذ", "تجاه", "نحو",
    "و", "ف", "ثم", "أو", "او", "بل", "لكن", "ولكن", "لكنّ", "أن", "ان", "أنّ", "إن", "إنّ", "بأن", "بان", "لأن",
    "لان", "كأن", "قد", "لقد", "لم", "لن", "لا", "كي", "لكي", "التي", "الذي", "الذين", "اللذين", "اللتين", "اللواتي",
    "بين", "عند", "إذ", "إذا", "اذا", "كما", "حيث", "بسبب", "وفي", "وعلى", "ومن", "وإلى", "وعن", "ومع", "وأن",
    "بـ", "لـ", "الـ", "وبـ", "ولـ",
}
_ELLIPSIS_CLOSERS = "\"»”)]"  # and white space: what may follow the final ellipsis
# what a CMS or feed puts where it clipped the text
_CLIP_MARK = re.compile(r"(?:…|\[\s*(?:\.{3}|…)\s*\]|\(\s*(?:\.{3}|…)\s*\))\s*$")
_CLOSERS = " \t\"»”)]"
_SHORT = re.compile(r"^\S{1,2}$")


def _last_words(text: str) -> list[str]:
    return text.split()[-2:]


def ellipsis_at_end(text: str) -> tuple[int, int] | None:
    """(start, end) of the ellipsis ("..", "...", "…") that ends `text`,
    with the white space and closing quotes or brackets after it, or None.
    A backward scan: a regex search (dots, closers, end of text) would
    retry at every dot of a long run of dots that is not at the end."""
    end = len(text)
    while end and (text[end - 1].isspace() or text[end - 1] in _ELLIPSIS_CLOSERS):
        end -= 1
    if text[end - 1:end] == "…":
        return end - 1, len(text)
    start = end
    while start and text[start - 1] == ".":
        start -= 1
    return (start, len(text)) if end - start >= 2 else None


def body_paragraphs(doc):
    """(line number, stripped text) of the article's body paragraphs."""
    zones = doc.zones
    for number in zones.paragraphs:
        if zones.in_article(number):
            text = doc.line(number).text.strip()
            if text:
                yield number, text


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
            if last not in DANGLING and not (last.endswith(TATWEEL) and last.rstrip(TATWEEL) in {"ب", "ل", "ال", "وب", "ول"}):
                continue
            if len(words) == 2 and _SHORT.match(words[0]) and len(last) <= 2 and not last.endswith(TATWEEL):
                continue  # initials such as "س ب"
            column = len(doc.line(number).text.rstrip()) - len(last) + 1
            yield hit(number, column, column + len(last),
                      f"paragraph ends on \"{last}\", a word a sentence cannot end on: the text looks cut "
                      f"(\"…{text[-40:]}\")")


class CutMarker(Rule):
    """A body paragraph cut off with an ellipsis.

    What: a paragraph that ends in an ellipsis ("..", "...", "…") right
    after a word a sentence cannot end on ("لكن..", "في..."), or a last
    paragraph that ends in the clip mark of a CMS or feed: the single
    character "…", "[...]" or "(...)".

    Why: teaser pages and RSS extracts clip the text and mark the cut; the
    rest of the article is missing from the file.

    Fires: "الترفيع في سن التقاعد قد يكون جزءا من الحل لكن..".
    Does not fire: "... وغيرها من التجاوزات الاخرى..." or "موطن العشق ومفتاح
    الحواس.." (many sites end complete paragraphs with "..": on the corpus
    such endings were style, not cuts), "بشكل مفتعل... انطلاقا" (a pause).
    """

    code = "TRN002"
    name = "cut-marker"
    category = "truncation"

    def check(self, doc, options):
        paragraphs = list(body_paragraphs(doc))
        last_number = paragraphs[-1][0] if paragraphs else None
        for number, text in paragraphs:
            span = ellipsis_at_end(text) if text.rstrip(_CLOSERS).endswith(("..", "…")) else None
            if span is None:
                continue
            start, end = span
            before = text[:start].split()
            dangling = bool(before) and before[-1] in DANGLING
            clipped = number == last_number and _CLIP_MARK.search(text) is not None
            if not dangling and not clipped:
                continue
            line_text = doc.line(number).text
            offset = len(line_text) - len(line_text.lstrip())
            why = f"after \"{before[-1]}\", a word a sentence cannot end on" if dangling else "at the end of the text"
            yield hit(number, offset + start + 1, offset + end + 1,
                      f"paragraph ends with the cut marker \"{text[start:end].strip()}\" {why}: the rest is missing "
                      f"(\"…{text[-40:]}\")")


class MissingFinalPunctuation(Rule):
    """The last body paragraph stops without closing punctuation while the
    article's other paragraphs have it.

    What: the last paragraph of the article body has at least `min-words`
    words and no sentence-final punctuation, while every other paragraph
    (at least two) ends with it. Lines that look like bylines or results
    ("الجوهرة أف أم - وات", "1 - 0") are left alone.

    Why: in an article whose writer closes every paragraph, an open last
    paragraph is most often where the scrape was cut.

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


@hookimpl
def newslint_rules():
    return [DanglingEnd, CutMarker, MissingFinalPunctuation]
