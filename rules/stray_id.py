"""Stray-id family (SID): identifiers and lone marks left by the scraper."""
from __future__ import annotations

import re
import unicodedata

from newslint.hookspecs import hookimpl
from newslint.models import Edit, Fix
from newslint.rule import Rule, delete_line, hit

_DIGIT = "0-9\u0660-\u0669\u06f0-\u06f9"
_ID_LINE = re.compile(f"^[#№]?[A-Za-z{_DIGIT}][A-Za-z{_DIGIT}_\\-/.:,]*$")
_DIGITS = re.compile(f"[{_DIGIT}]")
_LETTER = re.compile("[A-Za-z]")


def _is_id(token: str) -> bool:
    """All digits (any length), or a code mixing Latin letters and at least
    three digits in five or more characters ("AB12CD34", not "G20")."""
    if not _ID_LINE.match(token):
        return False
    digits = len(_DIGITS.findall(token))
    if not digits:
        return False
    return not _LETTER.search(token) or (digits >= 3 and len(token) >= 5)


class IdLine(Rule):
    """Line holding only a number or an alphanumeric ID.

    What: a line whose whole content is one number (Western, Arabic-Indic or
    Persian digits) or one code of Latin letters and at least three digits
    ("AB12CD34"): a database key, a counter or a tracking code left in the
    text. Short names such as "G20" or "COP28" are not IDs.

    Why: it is not part of the article; it pollutes language models and
    search snippets and often marks where a widget was scraped.

    Fires: the line ``310310`` between the last paragraph and the comment
    form. Does not fire: ``في 9 نوفمبر 2020`` (a number inside a sentence),
    or numbers listed after a line ending in ":" ("على الرّقمين:" then
    "71.960.448").

    Fix (unsafe): delete the line.
    """

    code = "SID001"
    name = "id-line"
    category = "stray-id"
    fixable = "unsafe"

    def check(self, doc, options):
        in_list = False  # "على الرقمين:" then a list of numbers, one per line
        for line in doc.lines:
            token = line.text.strip()
            if not token:
                continue
            is_id = _is_id(token)
            if in_list and is_id:
                continue
            in_list = token.endswith((":", "："))
            if is_id:
                start = len(line.text) - len(line.text.lstrip()) + 1
                yield hit(line.number, start, start + len(token),
                          f"line holds only the ID or number \"{token}\", not article text",
                          delete_line(line.number))


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
                start = len(line.text) - len(line.text.lstrip()) + 1
                yield hit(line.number, start, start + len(token),
                          f"line holds only the mark(s) \"{token}\", not article text",
                          delete_line(line.number))


# A run of letters and digits; `_long_id` then asks for the digits. (A
# pattern that asks for a digit inside the run, [..]*[0-9][..]*, tries every
# split of a long run of digits: quadratic.)
_CODE = f"[A-Za-z{_DIGIT}]+"
_TAIL_ID = re.compile(f"([.!?\u061f\u00bb\"])\\s+({_CODE})\\s*$")
_HEAD_ID = re.compile(f"^\\s*({_CODE})\\s+(?=[^\\s:\\-–—|/])")


_EDGE_CHAR = re.compile(f"[A-Za-z{_DIGIT}]")


def _long_id(token: str) -> bool:
    digits = len(_DIGITS.findall(token))
    return digits >= 6 or (digits >= 3 and _LETTER.search(token) is not None and len(token) >= 5)


class IdAtLineEdge(Rule):
    """An ID stuck to the start or the end of a line of text.

    What: a long number (six or more digits) or a letters-and-digits code at
    the very start of a paragraph, or after the closing punctuation of its
    last sentence: "... في المنطقة. 310310".

    Why: like an ID line, it is scraper debris (a counter, a comment or
    widget id); glued to the text it ends up inside the last sentence of
    every extract.

    Fires: "وأكد أنه لا تراجع عن القرار. 4452187".
    Does not fire: "وبلغت قيمة الصفقة 2500000 دينار." (a number inside the
    sentence) or a phone list line "98728107 : محمد".

    Fix (unsafe): delete the ID.
    """

    code = "SID003"
    name = "id-at-line-edge"
    category = "stray-id"
    fixable = "unsafe"

    def check(self, doc, options):
        for line in doc.lines:
            text = line.text
            head, tail = text.lstrip()[:1], text.rstrip()[-1:]
            if not (_EDGE_CHAR.match(head) or _EDGE_CHAR.match(tail)) or len(text.split()) < 4:
                continue
            m = _TAIL_ID.search(text)
            if m and _long_id(m.group(2)):
                start = m.end(1)
                yield hit(line.number, m.start(2) + 1, m.end(2) + 1,
                          f"ID \"{m.group(2)}\" stuck after the end of the last sentence",
                          Fix("unsafe", "delete the ID", (Edit(line.number, start + 1, line.number, len(text) + 1, ""),)))
            m = _HEAD_ID.match(text)
            if m and _long_id(m.group(1)) and len(_DIGITS.findall(m.group(1))) != 4:
                yield hit(line.number, m.start(1) + 1, m.end(1) + 1,
                          f"ID \"{m.group(1)}\" stuck before the start of the paragraph",
                          Fix("unsafe", "delete the ID", (Edit(line.number, m.start(1) + 1, line.number, m.end() + 1, ""),)))


@hookimpl
def newslint_rules():
    return [IdLine, PunctuationLine, IdAtLineEdge]
