"""ENC005 (nul-character)."""
from __future__ import annotations

import re

from newslint.rule import Rule, delete, hit


class NulCharacter(Rule):
    """NUL character (U+0000) in the text.

    What: a NUL byte among the text of an otherwise ordinary file, anywhere
    in it. (Data with more than four NULs that are also more than 1 % of
    its bytes is not text: it is reported as a binary file and not linted.
    UTF-16 without a byte-order mark is recognised, not called binary.)

    Why: C-based tools stop reading at a NUL, databases refuse it in text
    columns, and `file` calls the article binary: the rest of the article
    is lost, or the whole file is dropped.

    Evidence: the decoded text's characters: each run of U+0000 is one finding.
    The decoder refuses as binary, before any rule runs, a file with more NUL
    bytes than four and than 1 % of its bytes, unless its high bytes say UTF-16
    without a byte-order mark; a file that starts with a byte-order mark is not
    put to that test.

    Tune: no options (an error by default); lower its severity, ignore it, or
    use per-file-ignores for folders whose NULs a later step removes.

    Fires: ``"فقرة\\x00 أولى"``. Does not fire: ``"فقرة أولى"``.

    Fix (unsafe): remove the NUL (it may have stood for a space).
    """

    code = "ENC005"
    name = "nul-character"
    category = "encoding"
    severity = "error"
    fixable = "unsafe"

    _NULS = re.compile("\x00+")

    def check(self, doc, options):
        if "\x00" not in doc.text:
            return
        for line in doc.lines_matching(self._NULS):
            for m in self._NULS.finditer(line.text):
                n = m.end() - m.start()
                yield hit(line.number, m.start() + 1, m.end() + 1,
                          f"{n} NUL character{'s' if n > 1 else ''} (U+0000) in the text",
                          delete(line.number, m.start() + 1, line.number, m.end() + 1,
                                 "remove the NUL character(s)", "unsafe"))
