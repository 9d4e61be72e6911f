"""WSP007 (missing-final-newline)."""
from __future__ import annotations

from newslint.rule import Rule, hit, insert


class MissingFinalNewline(Rule):
    """The file does not end with a line break.

    What: the last line has no terminator.

    Why: concatenating files (`cat a b`) glues the last line of one article
    to the first of the next, and line-based tools miss the last line.

    Evidence: the file's last characters: whether its last line ends in a
    line break (LF, CRLF or CR). A file of zero bytes is WSP008's. The fix
    adds the break the file uses most (LF when tied).

    Tune: no options. Set its severity (info by default), ignore it, or use
    per-file-ignores for folders whose files are never concatenated.

    Fires: a file whose last bytes are "...على جرائمه" with no "\\n".
    Does not fire: a file ending in "\\n".

    Fix (safe): add the file's usual line break.
    """

    code = "WSP007"
    name = "missing-final-newline"
    category = "whitespace"
    severity = "info"
    fixable = "safe"

    def check(self, doc, options):
        if doc.lines and not doc.final_newline:
            last = doc.lines[-1]
            col = len(last.text) + 1
            yield hit(last.number, col, col, "no line break at the end of the file",
                      insert(last.number, col, doc.newline, "add a final line break"))
