"""WSP001 (no-break-space)."""
from __future__ import annotations

from newslint.rule import Rule, hit, replace
from newslint.rules.whitespace._common import NBSP, _NBSP_RUN, nbsp_lines


class NoBreakSpace(Rule):
    """No-break space (U+00A0) inside a line of text.

    What: U+00A0 where an ordinary space belongs, a leftover of `&nbsp;` in
    the scraped HTML.

    Why: tokenizers and `split()` in many tools do not treat it as a space,
    so two words become one token ("في\\u00a0بيان"), and exact-match search
    and deduplication miss the text.

    Evidence: the file's characters: runs of U+00A0 on a line that holds
    more than white space. A run at the end of the line is left to WSP005
    (which removes it), a line of nothing but white space to WSP002.

    Tune: no options. Ignore it, or use per-file-ignores for folders that
    keep the no-break space on purpose; the fix is safe.

    Fires: ``"الكرملين:\\u00a0صياغة تعديلات"``.
    Does not fire: ``"الكرملين: صياغة تعديلات"``.

    Fix (safe): replace each no-break space with an ordinary space.
    """

    code = "WSP001"
    name = "no-break-space"
    category = "whitespace"
    needs_chars = NBSP
    fixable = "safe"

    def check(self, doc, options):
        for line in nbsp_lines(doc, only=False):
            tail = len(line.text.rstrip(" \t\u00a0"))  # where the line's trailing white space starts
            for m in _NBSP_RUN.finditer(line.text):
                if m.end() >= tail:
                    continue  # trailing: WSP005 removes it, rather than turning it into a space
                n = m.end() - m.start()
                yield hit(line.number, m.start() + 1, m.end() + 1,
                          f"{n} no-break space{'s' if n > 1 else ''} (U+00A0) instead of a space",
                          replace(line.number, m.start() + 1, line.number, m.end() + 1, " ", "replace with a space"))
