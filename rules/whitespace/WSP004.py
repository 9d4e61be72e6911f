"""WSP004 (unusual-space)."""
from __future__ import annotations

import re

from newslint.rule import Rule, hit, replace
from newslint.rules.whitespace.WSP005 import TRAILING_CHARS

_UNUSUAL_CHARS = "\u202f\u2007\u2028\u2029\u205f\u3000\u1680" + "".join(chr(c) for c in range(0x2000, 0x200b))
_UNUSUAL_SPACE = re.compile("[\u202f\u2007\u2000-\u200a\u2028\u2029\u205f\u3000\u1680]+")


class UnusualSpace(Rule):
    """Typographic or line-separator spaces other than the no-break space.

    What: U+2000..U+200A, U+202F (narrow no-break space), U+2007, U+205F,
    U+3000, U+1680, and the Unicode line/paragraph separators U+2028/U+2029.

    Why: like U+00A0 they are not spaces to most tokenizers; U+2028 breaks a
    line in some programs and not in others.

    Evidence: the file's characters: runs of the code points above anywhere
    in a line, but not at its end: trailing white space is WSP005's, which
    deletes it (one finding, not two, for a trailing U+202F).

    Tune: no options. Ignore it, or use per-file-ignores for folders that
    keep typographic spacing on purpose (U+202F in French text).

    Fires: ``"قال\\u2009الوزير"``. Does not fire: ``"قال الوزير"``.

    Fix (safe): replace with an ordinary space.
    """

    code = "WSP004"
    name = "unusual-space"
    category = "whitespace"
    needs_chars = _UNUSUAL_CHARS
    fixable = "safe"

    def check(self, doc, options):
        for line in doc.lines_matching(_UNUSUAL_SPACE):
            content_end = len(line.text.rstrip(TRAILING_CHARS))  # once a line: per match it was quadratic
            for m in _UNUSUAL_SPACE.finditer(line.text):
                if m.start() >= content_end:
                    continue  # trailing: WSP005 deletes it
                end = min(m.end(), content_end)  # "\u2028\u2009" at the end: the U+2009 is WSP005's
                codes = ", ".join(dict.fromkeys(f"U+{ord(c):04X}" for c in line.text[m.start():end]))
                yield hit(line.number, m.start() + 1, end + 1, f"unusual space character(s) {codes}",
                          replace(line.number, m.start() + 1, line.number, end + 1, " ", "replace with a space"))
