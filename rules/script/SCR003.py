"""SCR003 (mixed-script-word)."""
from __future__ import annotations

import re

from newslint.arabic import scan_back
from newslint.rule import Rule, glued_hit
from newslint.rules.script._common import A

_GLUED = "Arabic and Latin letters glued together"
_ARABIC_RUN = re.compile(f"[{A}]+")
_ARABIC_CHAR = re.compile(f"[{A}]")
_CLITIC = re.compile("^[وفبلك]{1,2}$")


class MixedScriptWord(Rule):
    """Arabic and Latin letters glued into one word.

    What: a token whose letters switch between Arabic and Latin script with
    no space, hyphen or tatweel: "الفولتارينVoltaren", "جرثومةColibacille". A clitic
    (و ب ل ف ك) before a Latin name ("وNokia") and tatweel ("بـOoredoo")
    are normal typography and accepted.

    Why: two words became one token; neither the Arabic word nor the Latin
    name is found by search, and language identification of the line fails.

    Evidence: the file's characters: each run of Latin letters (A-Z, a-z)
    and the characters right before and after it. Any Arabic letter right
    after the run fires; before it, the whole run of Arabic letters fires
    unless it is one or two of و ف ب ل ك or the article ال (a fixed list, a
    prior). Tatweel, digits, hyphens and spaces are not letters and so
    separate the scripts.

    Tune: no options; set its severity, ignore it, or use per-file-ignores
    for folders where brand names are written glued on purpose.

    Fires: "دواء الفولتارينVoltaren ، أو كاتافلام".
    Does not fire: "التسويق بـOoredoo", "تطبيقات Blackberry وNokia".

    Fix (safe): insert a space between the two scripts.
    """

    code = "SCR003"
    name = "mixed-script-word"
    category = "script"
    fixable = "safe"

    def check(self, doc, options):
        text = doc.text
        # Latin runs are rare in Arabic text: find them, then look around
        for start, end in doc.latin_runs:
            if start and _ARABIC_CHAR.match(text, start - 1):
                word_start = scan_back(text, start, _ARABIC_CHAR)
                word = text[word_start:start]
                if not (_CLITIC.match(word) or word == "ال"):
                    yield glued_hit(doc, word_start, end, start, _GLUED)
            after = _ARABIC_RUN.match(text, end)
            if after:
                yield glued_hit(doc, start, after.end(), end, _GLUED)
