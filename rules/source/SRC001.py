"""SRC001 (missing-source)."""
from __future__ import annotations

from newslint.rule import Rule, hit


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
