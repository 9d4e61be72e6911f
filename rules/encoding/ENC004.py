"""ENC004 (mixed-line-endings)."""
from __future__ import annotations

from newslint.models import Edit, Fix
from newslint.rule import Rule, hit


class MixedLineEndings(Rule):
    """Lines end in more than one style (LF, CRLF, CR) in one file.

    What: some lines end with CRLF and others with LF (or a lone CR).

    Why: a batch with mixed endings splits differently in different tools;
    a lone CR hides a line break from most Unix tools, gluing two paragraphs.

    Evidence: the file's characters: each line's terminator, lines split on LF,
    CRLF and a lone CR only; a last line without one does not count. The
    majority is the commonest style (LF on a tie); one finding a file, at the
    first line that ends otherwise, whose fix rewrites every such line.

    Tune: no options; ignore it, or use per-file-ignores for folders whose line
    endings are normalised later anyway.

    Fires: a file whose first paragraph ends with ``\\r\\n`` and the rest with
    ``\\n``. Does not fire: a file that uses CRLF (or LF) throughout.

    Fix (safe): rewrite the minority endings in the file's majority style.
    """

    code = "ENC004"
    name = "mixed-line-endings"
    category = "encoding"
    severity = "warning"
    fixable = "safe"

    _NAMES = {"\n": "LF", "\r\n": "CRLF", "\r": "CR"}

    def check(self, doc, options):
        used = {k: v for k, v in doc.newline_counts.items() if v}
        if len(used) < 2:
            return
        majority = doc.newline
        odd = [line for line in doc.lines if line.ending and line.ending != majority]
        edits = tuple(Edit(line.number, len(line.text) + 1, line.number + 1, 1, majority) for line in odd)
        counts = ", ".join(f"{v} {self._NAMES[k]}" for k, v in sorted(used.items(), key=lambda kv: -kv[1]))
        first = odd[0]
        yield hit(first.number, len(first.text) + 1, len(first.text) + 1,
                  f"mixed line endings ({counts}); this line ends with {self._NAMES[first.ending]}",
                  Fix("safe", f"end every line with {self._NAMES[majority]}", edits))
