"""SID002 (punctuation-line)."""
from __future__ import annotations

import re
import unicodedata

from newslint.arabic import indent
from newslint.rule import Rule, delete_line, hit


# A separator drawn with one decoration character, at least twice, spaced or
# not: "**", "* *", "- - -", "=====", "ـــ". Writers on every site draw
# section breaks this way; a single "-" or "*" alone is still a stray mark.
_SEPARATOR = re.compile(r"([*\-_=~•ـ])(?:\s*\1)+")


def _is_separator(token: str) -> bool:
    return bool(_SEPARATOR.fullmatch(token))


def _is_mark(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "PS" and not _is_emoji(ch)


def _is_emoji(ch: str) -> bool:
    return ord(ch) >= 0x1F000 or 0x2600 <= ord(ch) <= 0x27BF


class PunctuationLine(Rule):
    """Line holding only punctuation or symbols.

    What: a line made of nothing but marks such as ``.``, ``-``, ``|``, ``»``
    or ``،``. Separator lines are decoration and accepted: one of
    ``* - _ = ~ • ـ`` repeated (``**``, ``* *``, ``- - -``; issue 12, other
    sites), and any line listed in `allow` (tune it there).

    Why: the mark belonged to an element the scraper dropped (a link, an
    image caption); alone it becomes a one-character "paragraph" that breaks
    paragraph and sentence statistics.

    Evidence: the file's characters, line by line (no zones): every
    non-space character of the line is Unicode punctuation or a symbol
    (categories P and S), emoji (U+2600..U+27BF, U+1F000 and above) not
    counted as marks. Separators (one of "* - _ = ~ • ـ" at least twice)
    and the lines listed in `allow` are accepted.

    Tune: `allow` (default ["***", "* * *", "*****"]), whole lines compared
    after stripping; a shorter list is stricter, a longer one accepts more
    decorations. Those three defaults are separators anyway.

    Fires: the line ``.`` after a stray ID, a lone ``-``. Does not fire:
    ``***`` or ``* *`` used as a section separator.

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
            if not token or token in allow or _is_separator(token):
                continue
            if all(_is_mark(ch) or ch.isspace() for ch in token):
                start = indent(line.text) + 1
                yield hit(line.number, start, start + len(token),
                          f"line holds only the mark(s) \"{token}\", not article text",
                          delete_line(line.number))
