"""SRC002 (duplicate-source)."""
from __future__ import annotations

from newslint.rule import Rule, delete_line, hit


class DuplicateSource(Rule):
    """More than one source line in the article.

    What: a second (third, ...) "المصدر:" line in the article itself (lines
    of appended articles are not counted).

    Why: two credits for one text means two templates were scraped, or two
    articles merged; at least one attribution is wrong.

    Evidence: the structure: the source lines newslint.zones finds in the
    article, before any appended content (a line that starts with "المصدر",
    "المصادر" or "مصدر الخبر" and a separator; a fixed list, a prior). A
    source line after two or more paragraphs ends the article (with the
    source and tags lines right after it), so a second credit counts only
    inside that block or when the first stands before the second
    paragraph; two source lines are enough.

    Tune: no options; set its severity, ignore it, or use per-file-ignores
    for folders whose template credits both an agency and the site.

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
