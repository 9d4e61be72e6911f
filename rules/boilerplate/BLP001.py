"""BLP001 (read-more-link)."""
from __future__ import annotations

from newslint.rule import Rule, delete_line, hit
from newslint.zones import INLINE_MARKER, MARKER
from newslint.rules.boilerplate._common import _line_span, _quote


class ReadMoreLink(Rule):
    """A "read more" / "read also" link inside the article.

    What: a line of the article that is a link to another article: it
    starts with "إقرأ المزيد", "اقرأ أيضاً", "شاهد أيضاً", "للمزيد" ... and
    carries the other article's headline, or is such a marker standing alone
    before the article goes on.

    Why: the linked headline is a different story; left in, it becomes a
    sentence of this article for every reader, index and model.

    Evidence: the article's structure and a phrase prior (fixed lists of
    phrases in newslint.zones, matched folded): the zone parser's inline-marker
    lines, whose first 40 characters open with a read-more phrase ("إقرأ
    المزيد", "اقرأ أيضاً", "شاهد أيضاً", "للمزيد" ...) with more than two
    characters after it, and its marker lines, of at most 40 characters and
    nothing but a section-marker phrase. Only lines of the article count, not
    those of an appended section or of a headline list under a marker
    (BLP002's); a bare marker line is in the article only when a source or tags
    block after two paragraphs or more comes later. What follows the phrase is
    not read: a line opening with "للمزيد" is reported whatever it says.

    Tune: no options; ignore it, or use per-file-ignores for folders whose
    sites open lines of the article's own text with "للمزيد".

    Fires: "إقرأ المزيد لافروف: روسيا مستعدة للمساعدة في التفاوض على اتفاق
    سلام بين أذربيجان وأرمينيا". Does not fire: "وقال لافروف إن روسيا مستعدة
    للمساعدة" (the article's own sentence).

    Fix (unsafe): delete the line.
    """

    code = "BLP001"
    name = "read-more-link"
    category = "boilerplate"
    fixable = "unsafe"

    def check(self, doc, options):
        zones = doc.zones
        for number in zones.lines_of(INLINE_MARKER, MARKER):
            if not zones.in_article(number):
                continue
            text = doc.line(number).text
            start, end = _line_span(doc, number)
            yield hit(number, start, end, f"read-more link inside the article: \"{_quote(text)}\"",
                      delete_line(number))
