"""SID003 (id-at-line-edge)."""
from __future__ import annotations

import re

from newslint.rule import Rule, delete, hit
from newslint.rules.stray_id._common import _DIGIT, _DIGITS, _LETTER, in_list_runs

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


def _head_id(text: str):
    """The match of a long ID opening the line (not a four-digit year), or None."""
    m = _HEAD_ID.match(text)
    return m if m and _long_id(m.group(1)) and len(_DIGITS.findall(m.group(1))) != 4 else None


def _head_id_of(line) -> str | None:
    m = _head_id(line.text)
    return m.group(1) if m else None


class IdAtLineEdge(Rule):
    """An ID stuck to the start or the end of a line of text.

    What: a long number (six or more digits) or a letters-and-digits code at
    the very start of a paragraph, or after the closing punctuation of its
    last sentence: "... في المنطقة. 310310".

    Why: like an ID line, it is scraper debris (a counter, a comment or
    widget id); glued to the text it ends up inside the last sentence of
    every extract.

    Evidence: the file's characters, on lines of 4 or more words whose first
    or last character is a Latin letter or a digit (no zones). A token is
    an ID with 6 or more digits, or 3 or more digits, a Latin letter and 5
    or more characters; at the end it must follow ". ! ? ؟ »" or a quote
    and a space, at the start a space and a word (not ": - – — | /"), and
    not hold exactly 4 digits. Context: 3 or more (`LIST_RUN`) consecutive
    lines opening with different IDs are a list: their head IDs are not
    reported (a tail ID still is).

    Tune: no options (`LIST_RUN` is a constant in the code); set its
    severity, ignore it, or use per-file-ignores for folders of numbered
    records.

    Fires: "وأكد أنه لا تراجع عن القرار. 4452187".
    Does not fire: "وبلغت قيمة الصفقة 2500000 دينار." (a number inside the
    sentence) or a phone list line "98728107 : محمد".

    A published list is not debris: when three or more lines in a row start
    with different such numbers ("1203456 محمد أمين الطرابلسي ناجح" on each line of a
    results list; issue 12, other sites) none of their head numbers is
    reported (`LIST_RUN` in `_common.py`).

    Fix (unsafe): delete the ID.
    """

    code = "SID003"
    name = "id-at-line-edge"
    category = "stray-id"
    fixable = "unsafe"

    def check(self, doc, options):
        published = in_list_runs(doc.lines, _head_id_of)
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
                          delete(line.number, start + 1, line.number, len(text) + 1, "delete the ID", "unsafe"))
            m = _head_id(text)
            if m and line.number not in published:
                yield hit(line.number, m.start(1) + 1, m.end(1) + 1,
                          f"ID \"{m.group(1)}\" stuck before the start of the paragraph",
                          delete(line.number, m.start(1) + 1, line.number, m.end() + 1, "delete the ID", "unsafe"))
