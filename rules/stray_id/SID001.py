"""SID001 (id-line)."""
from __future__ import annotations

import re

from newslint.arabic import indent
from newslint.rule import Rule, delete_line, hit
from newslint.rules.stray_id._common import _DIGIT, _DIGITS, _LETTER, in_list_runs

_ID_LINE = re.compile(f"^[#№]?[A-Za-z{_DIGIT}][A-Za-z{_DIGIT}_\\-/.:,]*$")


def _is_id(token: str) -> bool:
    """All digits (any length), or a code mixing Latin letters and at least
    three digits in five or more characters ("AB12CD34", not "G20")."""
    if not _ID_LINE.match(token):
        return False
    digits = len(_DIGITS.findall(token))
    if not digits:
        return False
    return not _LETTER.search(token) or (digits >= 3 and len(token) >= 5)


def _id_of(line) -> str | None:
    token = line.text.strip()
    return token if _is_id(token) else None


class IdLine(Rule):
    """Line holding only a number or an alphanumeric ID.

    What: a line whose whole content is one number (Western, Arabic-Indic or
    Persian digits) or one code of Latin letters and at least three digits
    ("AB12CD34"): a database key, a counter or a tracking code left in the
    text. Short names such as "G20" or "COP28" are not IDs.

    Why: it is not part of the article; it pollutes language models and
    search snippets and often marks where a widget was scraped.

    Evidence: the file's characters, line by line: the stripped line is one
    token of digits (any of the three systems) and ". , : / - _", with an
    optional leading "#" or "№", or a code of Latin letters with at least 3
    digits in 5 or more characters. Context: the ID lines right after a
    line ending in ":", and a run of consecutive lines holding at least 3
    (`LIST_RUN`) different IDs, are lists and not reported. No zones.

    Tune: no options (`LIST_RUN` is a constant in the code); set its
    severity, ignore it, or use per-file-ignores for folders of results or
    tables published one number a line.

    Fires: the line ``310310`` between the last paragraph and the comment
    form. Does not fire: ``في 9 نوفمبر 2020`` (a number inside a sentence),
    or numbers listed after a line ending in ":" ("على الرّقمين:" then
    "71.960.448"), or a published list: three or more different number lines in a row
    (blank lines between them allowed; `LIST_RUN` in `_common.py`), such as
    admission numbers "530214", "530227", "530231" one a line (issue 12,
    other sites). A stray ID comes alone; a list is evidence of content.

    Fix (unsafe): delete the line.
    """

    code = "SID001"
    name = "id-line"
    category = "stray-id"
    fixable = "unsafe"

    def check(self, doc, options):
        in_list = False  # "على الرقمين:" then a list of numbers, one per line
        published = in_list_runs(doc.lines, _id_of)
        for line in doc.lines:
            token = line.text.strip()
            if not token:
                continue
            is_id = _is_id(token)
            if (in_list or line.number in published) and is_id:
                continue
            in_list = token.endswith((":", "："))
            if is_id:
                start = indent(line.text) + 1
                yield hit(line.number, start, start + len(token),
                          f"line holds only the ID or number \"{token}\", not article text",
                          delete_line(line.number))
