"""SID002 (punctuation-line)."""
from __future__ import annotations

import unicodedata

from newslint.arabic import indent
from newslint.rule import Rule, delete_line, hit


def _is_mark(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "PS" and not _is_emoji(ch)


def _is_emoji(ch: str) -> bool:
    return ord(ch) >= 0x1F000 or 0x2600 <= ord(ch) <= 0x27BF


class PunctuationLine(Rule):
    """Line holding only punctuation or symbols.

    What: a line made of nothing but marks such as ``.``, ``-``, ``|``, ``»``
    or ``،`` (separator lines listed in `allow` are accepted).

    Why: the mark belonged to an element the scraper dropped (a link, an
    image caption); alone it becomes a one-character "paragraph" that breaks
    paragraph and sentence statistics.

    Fires: the line ``.`` after a stray ID. Does not fire: ``***`` used as a
    section separator (in `allow` by default).

    Fix (unsafe): delete the line.
    """

    code = "SID002"
    name = "punctuation-line"
    category = "stray-id"
    fixable = "unsafe"
    options = {"allow": {"type": "array", "items": {"type": "string"},
                         "default": ["***", "* * *", "*****"],
                         "description": "separator lines that are accepted"}}

    def check(self, doc, options):
        allow = set(options["allow"])
        for line in doc.lines:
            token = line.text.strip()
            if not token or token in allow:
                continue
            if all(_is_mark(ch) or ch.isspace() for ch in token):
                start = indent(line.text) + 1
                yield hit(line.number, start, start + len(token),
                          f"line holds only the mark(s) \"{token}\", not article text",
                          delete_line(line.number))
