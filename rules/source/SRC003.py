"""SRC003 (empty-source)."""
from __future__ import annotations

from newslint.rule import Rule, hit
from newslint.zones import SOURCE_LINE


class EmptySource(Rule):
    """A source line that names no source.

    What: "المصدر:" with nothing (or only punctuation) after the label.

    Why: the template was scraped but its value was not; the article is as
    untraceable as one without a source line, and looks attributed.

    Evidence: the structure and the line's characters: each source line of
    the article as newslint.zones finds it, with its label ("المصدر",
    "المصادر" or "مصدر الخبر" and the separator after it: ":", "/", "-" or
    "–") taken off. It fires when what remains holds no letter or digit
    ("المصدر: وكالات -" names its source).

    Tune: no options; set its severity, ignore it, or use per-file-ignores
    for folders whose template always prints an empty source label.

    Fires: "المصدر:". Does not fire: "المصدر: RT Arabic".
    """

    code = "SRC003"
    name = "empty-source"
    category = "source"

    def check(self, doc, options):
        for number in doc.zones.source_lines:
            text = doc.line(number).text
            label = SOURCE_LINE.match(text)
            rest = text[label.end():] if label else text
            if not any(ch.isalnum() for ch in rest):
                yield hit(number, 1, len(text) + 1, f"source line \"{text.strip()}\" names no source")
