"""BLP002 (appended-section)."""
from __future__ import annotations

from newslint.rule import Rule, delete, hit
from newslint.zones import INLINE_MARKER, MARKER
from newslint.rules.boilerplate._common import _quote


class AppendedSection(Rule):
    """Content appended after the article: other articles, related lists, comment forms.

    What: a section that starts at a marker line ("إقرأ أيضاً:", "مقالات
    مشابهة", "اترك تعليقاً", ...) with no source line of the article after
    it, or any content after the article's source and tags lines, or a
    list of headlines that a marker line introduces inside the article
    (the lines right after it, short like headlines and not closed by a
    full stop, up to a blank line). Each section is reported once, from
    its first to its last line.

    Why: the scraper took the page, not the article. Appended articles double
    the text of unrelated stories across the batch, skew topic models and
    make near-duplicate detection fail.

    Evidence: the article's structure, as newslint.zones parses it, and a
    phrase prior (the zone parser's fixed list of section-marker phrases,
    matched folded on a line of at most 40 characters that holds nothing else:
    "مقالات مشابهة", "اترك تعليقاً" ...). The appended part starts at the first
    line after the source/tags block when that block follows at least two
    paragraphs (body or read-more lines), else at the first marker line, and is
    split at each marker line after it. A headline list is the lines right
    after a marker (or after a read-also line of at most 60 characters ending
    in a colon), each of at most 25 words and not ending in ".", ":", "،", "؛",
    "," or ";", that a blank, source, tags or marker line or the appended part
    closes. The sections' own words are not read.

    Tune: no options; an error by default: lower its severity, ignore it, or
    use per-file-ignores for folders of whole pages kept on purpose.

    Fires: "إقرأ أيضاً:" after "كلمات دلالية: ..." followed by another story;
    "مقالات مشابهة" followed by a list of headlines.
    Does not fire: the article's own paragraphs, source and tags lines.

    Fix (unsafe): delete the section.
    """

    code = "BLP002"
    name = "appended-section"
    category = "boilerplate"
    severity = "error"
    fixable = "unsafe"

    def check(self, doc, options):
        zones = doc.zones
        for start, end in zones.sections:
            head = doc.line(start).text
            if zones.kind(start) in (MARKER, INLINE_MARKER):
                what = f"section \"{_quote(head, 40)}\""
            else:
                what = f"content after the source/tags lines (\"{_quote(head, 40)}\")"
            lines = end - start + 1
            yield hit(start, 1, len(doc.line(end).text) + 1,
                      f"appended {what}: {lines} line{'s' if lines != 1 else ''} that are not part of the article",
                      delete(start, 1, end + 1, 1, "delete the appended section", "unsafe"),
                      end_line=end)
