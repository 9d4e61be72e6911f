"""SCR004 (presentation-form)."""
from __future__ import annotations

import re
import unicodedata

from newslint.rule import Rule, hit, replace

_PRESENTATION_CHARS = "".join(map(chr, [*range(0xFB50, 0xFE00), *range(0xFE70, 0xFEFD)]))
_PRESENTATION = re.compile("[\ufb50-\ufdff\ufe70-\ufefc]+")


class PresentationForm(Rule):
    """Arabic presentation forms instead of letters.

    What: characters of the Arabic Presentation Forms blocks (U+FB50..U+FDFF,
    U+FE70..U+FEFC): ligatures and positional glyphs such as "ﻹ" (lam-alef
    with hamza below) that PDF extraction and old software produce.

    Why: they render like ordinary letters but are different characters:
    "اﻹعلام" is not "الإعلام" to search, tokenizers or models.

    Evidence: the file's characters alone: any run of characters in
    U+FB50..U+FDFF or U+FE70..U+FEFC, on any line (no zones, context or
    lexicon), that NFKC turns into other characters: the ornate brackets
    "﴾ ﴿" of that block have no other form and are left alone.

    Tune: no options; set its severity, ignore it, or use per-file-ignores
    for folders of text extracted from PDFs that will be normalised later.

    Fires: "قطاع اﻹعلام". Does not fire: "قطاع الإعلام".

    Fix (safe): NFKC-normalise the characters to ordinary letters.
    """

    code = "SCR004"
    name = "presentation-form"
    category = "script"
    needs_chars = _PRESENTATION_CHARS
    fixable = "safe"

    def check(self, doc, options):
        for line in doc.lines_matching(_PRESENTATION):
            for m in _PRESENTATION.finditer(line.text):
                fixed = unicodedata.normalize("NFKC", m.group())
                if fixed == m.group():
                    continue  # "﴾ ﴿": ornate brackets, no letters in another form
                yield hit(line.number, m.start() + 1, m.end() + 1,
                          f"presentation-form character(s) \"{m.group()}\" instead of the letters \"{fixed}\"",
                          replace(line.number, m.start() + 1, line.number, m.end() + 1, fixed, f"write \"{fixed}\""))
