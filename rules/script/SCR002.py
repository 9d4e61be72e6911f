"""SCR002 (persian-digit)."""
from __future__ import annotations

import re

from newslint.arabic import PERSIAN_DIGITS
from newslint.rule import Rule, hit, replace

_PERSIAN_DIGITS = re.compile(f"[{PERSIAN_DIGITS}]+")
_TO_ARABIC_INDIC = {ord("\u06f0") + i: chr(0x0660 + i) for i in range(10)}


class PersianDigit(Rule):
    """Persian digits (۰-۹) in Arabic text.

    What: U+06F0..U+06F9, the digits of Persian and Urdu, which differ from
    the Arabic-Indic digits ٠-٩ in code point (and in the shapes of 4, 5, 6).

    Why: number extraction, sorting and search treat "۲۰۲۰" and "٢٠٢٠" as
    different; they come from text typed on a Persian keyboard.

    Evidence: the file's characters alone: any run of U+06F0..U+06F9 on any
    line, whatever the words around it (no zones, context or lexicon).

    Tune: no options; set its severity, ignore it, or use per-file-ignores
    for folders of Persian or Urdu text, where these digits are right.

    Fires: "في عام ۲۰۲۰". Does not fire: "في عام ٢٠٢٠" or "في عام 2020".

    Fix (safe): write the Arabic-Indic digits.
    """

    code = "SCR002"
    name = "persian-digit"
    category = "script"
    needs_chars = "۰۱۲۳۴۵۶۷۸۹"
    fixable = "safe"

    def check(self, doc, options):
        for line in doc.lines_matching(_PERSIAN_DIGITS):
            for m in _PERSIAN_DIGITS.finditer(line.text):
                fixed = m.group().translate(_TO_ARABIC_INDIC)
                yield hit(line.number, m.start() + 1, m.end() + 1,
                          f"Persian digits \"{m.group()}\"; Arabic-Indic \"{fixed}\"",
                          replace(line.number, m.start() + 1, line.number, m.end() + 1, fixed, f"write \"{fixed}\""))
