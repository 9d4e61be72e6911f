"""WSP005 (trailing-whitespace)."""
from __future__ import annotations

from newslint.arabic import is_blank
from newslint.rule import Rule, delete, hit
from newslint.rules.whitespace._common import NBSP, _nbsp_only

# white space WSP005 removes from line ends (found with rstrip: a `[...]+$`
# search retries at every character of a long run inside the line)
TRAILING_CHARS = " \t\u00a0\u202f\u2007\u3000" + "".join(chr(c) for c in range(0x2000, 0x200b))


class TrailingWhitespace(Rule):
    """White space at the end of a line.

    What: spaces, tabs or no-break spaces after the last visible character.

    Why: invisible noise that makes identical paragraphs compare unequal and
    bloats diffs of data repositories.

    Evidence: the file's characters: the run at a line's end of spaces,
    tabs, U+00A0, U+202F, U+2007, U+3000 and U+2000..U+200A. A line that is
    otherwise blank (white space, tatweel and invisible marks only) counts
    only with `include-blank-lines`, and never when it is WSP002's (U+00A0
    and white space only).

    Tune: `include-blank-lines` (true): false leaves lines of white space
    alone (WSP006 still counts those of spaces and tabs); true is stricter.
    Its severity is info.

    Fires: ``"المصدر: Jawhara FM  "``. Does not fire: ``"المصدر: Jawhara FM"``.
    Lines that hold only no-break spaces are reported by WSP002 instead.

    Fix (safe): remove it.
    """

    code = "WSP005"
    name = "trailing-whitespace"
    category = "whitespace"
    severity = "info"
    fixable = "safe"

    def check(self, doc, options):
        for line in doc.lines:  # a last-character test per line beats a scan of the text
            text = line.text
            if not text or text[-1] not in TRAILING_CHARS:
                continue
            if is_blank(text) and (not options["include-blank-lines"] or _nbsp_only(text)):
                continue
            start, end = len(text.rstrip(TRAILING_CHARS)), len(text)
            kind = "no-break spaces and other white space" if NBSP in text[start:] else "white-space characters"
            yield hit(line.number, start + 1, end + 1, f"{end - start} trailing {kind}",
                      delete(line.number, start + 1, line.number, end + 1, "remove trailing white space"))

    options = {"include-blank-lines": {"type": "boolean", "default": True,
                                       "description": "also report lines that hold only spaces or tabs"}}
