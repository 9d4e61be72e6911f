"""WSP002 (no-break-space-line)."""
from __future__ import annotations

from newslint.rule import Rule, delete, hit
from newslint.rules.whitespace._common import NBSP, nbsp_lines


class NoBreakSpaceLine(Rule):
    """Line holding nothing but no-break spaces.

    What: a line whose only content is U+00A0 (often with other white space),
    the remains of an empty `<p>&nbsp;</p>` paragraph.

    Why: it looks blank but is not, so paragraph splitters see an extra
    paragraph, blank-line checks miss it, and it doubles the spacing of the
    text in every reuse.

    Evidence: the file's characters: a line with at least one U+00A0 and
    nothing else but white space or the zero-width U+200B and U+FEFF.

    Tune: no options. Ignore it, or use per-file-ignores for folders that
    keep the page's empty paragraphs on purpose; the fix is safe.

    Fires: a line that is exactly ``"\\u00a0"`` between two paragraphs.
    Does not fire: an empty line.

    Fix (safe): empty the line.
    """

    code = "WSP002"
    name = "no-break-space-line"
    category = "whitespace"
    needs_chars = NBSP
    fixable = "safe"

    def check(self, doc, options):
        for line in nbsp_lines(doc, only=True):
            end = len(line.text) + 1
            yield hit(line.number, 1, end, "line holds only no-break spaces (U+00A0); it looks blank but is not",
                      delete(line.number, 1, line.number, end, "empty the line"))
