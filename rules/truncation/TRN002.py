"""TRN002 (cut-marker)."""
from __future__ import annotations

import re

from newslint.arabic import indent
from newslint.rule import Rule, hit
from newslint.rules.spelling._common import ellipses_are_punctuation
from newslint.rules.truncation._common import DANGLING, body_paragraphs

_ELLIPSIS_CLOSERS = "\"»”)]"  # and white space: what may follow the final ellipsis
# what a CMS or feed puts where it clipped the text
_CLIP_MARK = re.compile(r"(?:…|\[\s*(?:\.{3}|…)\s*\]|\(\s*(?:\.{3}|…)\s*\))\s*$")
_CLOSERS = " \t\"»”)]"



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


class CutMarker(Rule):
    """A body paragraph cut off with an ellipsis.

    What: a paragraph that ends in an ellipsis ("..", "...", "…") right
    after a word a sentence cannot end on ("لكن..", "في..."), or a last
    paragraph that ends in the clip mark of a CMS or feed: the single
    character "…", "[...]" or "(...)".

    Why: teaser pages and RSS extracts clip the text and mark the cut; the
    rest of the article is missing from the file.

    Evidence: the article's structure (the zones' body paragraphs) and their
    characters: a final ellipsis (closing quotes and brackets may follow it)
    right after a word of `DANGLING`, the fixed list of words a sentence
    cannot end on (a phrase prior shared with TRN001), or, on the last body
    paragraph only, a final clip mark. The body's own count of ellipses (3 or
    more, `STYLE_ELLIPSES`) silences the rule for the file, as below.

    Tune: no options. Ignore it, or use per-file-ignores for folders of RSS
    extracts or teasers, where clipped text is expected.

    Fires: "الترفيع في سن التقاعد قد يكون جزءا من الحل لكن..".
    Does not fire: "... وغيرها من التجاوزات الاخرى..." or "موطن العشق ومفتاح
    الحواس.." (many sites end complete paragraphs with "..": on the corpus
    such endings were style, not cuts), "بشكل مفتعل... انطلاقا" (a pause).

    The document's own punctuation is evidence: when its body holds three or
    more ellipses (`STYLE_ELLIPSES` in spelling/_common.py), the writer uses them as punctuation
    (columns: "زمن الوعود.. وعود لا تنتهي.. ربما.. لكن..") and nothing is
    reported (issue 12, other sites). A lone "لكن.." still fires.
    """

    code = "TRN002"
    name = "cut-marker"
    category = "truncation"

    def check(self, doc, options):
        if ".." not in doc.text and "…" not in doc.text:
            return  # no ellipsis anywhere: nothing can end on one
        paragraphs = list(body_paragraphs(doc))
        last_number = paragraphs[-1][0] if paragraphs else None
        if ellipses_are_punctuation("\n".join(text for _, text in paragraphs)):
            return
        for number, text in paragraphs:
            span = ellipsis_at_end(text) if text.rstrip(_CLOSERS).endswith(("..", "…")) else None
            if span is None:
                continue
            start, end = span
            before = text[:start].split()
            dangling = bool(before) and before[-1] in DANGLING
            mark = _CLIP_MARK.search(text) if number == last_number else None
            clipped = mark is not None
            if not dangling and not clipped:
                continue
            if clipped:
                start = min(start, mark.start())  # "[...]" and "(...)" from their opening bracket
            line_text = doc.line(number).text
            offset = indent(line_text)
            why = f"after \"{before[-1]}\", a word a sentence cannot end on" if dangling else "at the end of the text"
            yield hit(number, offset + start + 1, offset + end + 1,
                      f"paragraph ends with the cut marker \"{text[start:end].strip()}\" {why}: the rest is missing "
                      f"(\"…{text[-40:]}\")")
