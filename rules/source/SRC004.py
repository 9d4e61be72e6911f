"""SRC004 (misplaced-source)."""
from __future__ import annotations

from bisect import bisect_right

from newslint.rule import Rule, hit


class MisplacedSource(Rule):
    """A source line in the middle of the article.

    What: a source line followed by more paragraphs of the same article.

    Why: the credit belongs after the body; a source line inside it usually
    means two articles (or an article and its teaser) were merged.

    Evidence: the structure: the article's source lines and body paragraphs
    as newslint.zones parses them (headline, meta, sub-heading and list
    lines are not paragraphs); one paragraph after a source line is enough.
    A source line after two or more paragraphs ends the article for the
    zones (what follows is appended content), so only a source line near
    the top, after fewer than two paragraphs, is reported.

    Tune: no options; it is info by default: set its severity, ignore it,
    or use per-file-ignores for folders whose sites print the credit first.

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
