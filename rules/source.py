"""Source family (SRC): the "المصدر:" line that credits the article."""
from __future__ import annotations

import re
from bisect import bisect_right

from newslint.hookspecs import hookimpl
from newslint.rule import Rule, delete_line, hit
from newslint.zones import SOURCE_LINE

_AFTER_LABEL = re.compile(r"^\s*\S+(?:\s+\S+)?\s*[:：/\-–]\s*")


class MissingSource(Rule):
    """The article has no source line.

    What: no line of the article starts with "المصدر:" (or "المصادر:",
    "مصدر الخبر:"). Reported once per file, at line 1.

    Why: the source line is how a data team attributes, filters and
    deduplicates scraped news; an article without it cannot be traced.

    Fires: an article that ends with its last paragraph and a comment form.
    Does not fire: an article with "المصدر: البوابة نيوز" after its body.
    """

    code = "SRC001"
    name = "missing-source"
    category = "source"

    def check(self, doc, options):
        zones = doc.zones
        if zones.source_lines or not zones.paragraphs:
            return
        yield hit(1, 1, 1, "no \"المصدر:\" source line in the article (file-level)")


class DuplicateSource(Rule):
    """More than one source line in the article.

    What: a second (third, ...) "المصدر:" line in the article itself (lines
    of appended articles are not counted).

    Why: two credits for one text means two templates were scraped, or two
    articles merged; at least one attribution is wrong.

    Fires: "المصدر: نوفوستي" followed two lines later by "المصدر: RT Arabic".
    Does not fire: a single "المصدر: البوابة نيوز".

    Fix (unsafe): delete the later source line.
    """

    code = "SRC002"
    name = "duplicate-source"
    category = "source"
    fixable = "unsafe"

    def check(self, doc, options):
        lines = doc.zones.source_lines
        if len(lines) < 2:
            return
        first = doc.line(lines[0]).text.strip()
        for number in lines[1:]:
            text = doc.line(number).text
            yield hit(number, 1, len(text) + 1,
                      f"second source line \"{text.strip()}\" (the first, line {lines[0]}, says \"{first}\")",
                      delete_line(number, "delete this source line"))


class EmptySource(Rule):
    """A source line that names no source.

    What: "المصدر:" with nothing (or only punctuation) after the label.

    Why: the template was scraped but its value was not; the article is as
    untraceable as one without a source line, and looks attributed.

    Fires: "المصدر:". Does not fire: "المصدر: RT Arabic".
    """

    code = "SRC003"
    name = "empty-source"
    category = "source"

    def check(self, doc, options):
        for number in doc.zones.source_lines:
            text = doc.line(number).text
            rest = _AFTER_LABEL.sub("", text, count=1) if SOURCE_LINE.match(text) else text
            if not any(ch.isalnum() for ch in rest):
                yield hit(number, 1, len(text) + 1, f"source line \"{text.strip()}\" names no source")


class MisplacedSource(Rule):
    """A source line in the middle of the article.

    What: a source line followed by more paragraphs of the same article.

    Why: the credit belongs after the body; a source line inside it usually
    means two articles (or an article and its teaser) were merged.

    Fires: "المصدر: وكالات" as the third line, with the body after it.
    Does not fire: a source line after the last paragraph.
    """

    code = "SRC004"
    name = "misplaced-source"
    category = "source"
    severity = "info"

    def check(self, doc, options):
        zones = doc.zones
        paragraphs = zones.paragraphs  # in line order: the ones after a line are found by bisection
        for number in zones.source_lines:
            first_after = bisect_right(paragraphs, number)
            after = len(paragraphs) - first_after
            if after >= 1:
                text = doc.line(number).text
                yield hit(number, 1, len(text) + 1,
                          f"source line \"{text.strip()}\" is followed by {after} more paragraph"
                          f"{'s' if after != 1 else ''} of the article (line {paragraphs[first_after]})")


@hookimpl
def newslint_rules():
    return [MissingSource, DuplicateSource, EmptySource, MisplacedSource]
