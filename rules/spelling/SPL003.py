"""SPL003 (truncated-dual)."""
from __future__ import annotations

import re

from newslint.arabic import DIACRITICS
from newslint.rule import Rule, hit, insert
from newslint.rules.spelling._common import A, _data_set

_NISBA = f"(?:[وف]?)ال[{A}]{{2,}}ي"
_TRUNCATED_DUAL = re.compile(
    f"(?<![{A}])(ال[{A}]{{2,}}ي)\\s+({_NISBA})\\s+(و{_NISBA})(?![{A}{DIACRITICS}])")
_BETWEEN = re.compile(f"(?<![{A}])بين\\s+(ال[{A}]{{2,}}ي)(?![{A}{DIACRITICS}])")


class TruncatedDual(Rule):
    """A dual noun that lost its final ن: "الجانبي" for "الجانبين".

    What: a word from the list of dual nouns (`rules/data/duals.txt`:
    الجانبين، الطرفين، البلدين ...) written without its final ن, where the
    context demands the dual: it is followed by two coordinated nisba
    adjectives ("الأرميني والأذربيجاني") or preceded by "بين".

    Why: the sentence now speaks of "the side" (singular adjective "lateral")
    instead of "the two sides"; it reads as a typo and breaks agreement.

    Fires: "ونفهم اهتمام الجانبي الأرميني والأذربيجاني بالوسطاء الآخرين".
    Does not fire: "اهتمام الجانبين الأرميني والأذربيجاني", or "المجلس البلدي"
    (a real word in a context that does not ask for a dual).

    Fix (unsafe): add the final ن.
    """

    code = "SPL003"
    name = "truncated-dual"
    category = "spelling"
    fixable = "unsafe"

    def check(self, doc, options):
        if "ي وال" not in doc.text and "بين ال" not in doc.text:
            return
        duals = _data_set("duals.txt")
        for line in doc.lines:
            text = line.text
            if "ي " not in text:
                continue
            spots = [(m.start(1), m.end(1), m.group(1), "two coordinated adjectives follow it")
                     for m in _TRUNCATED_DUAL.finditer(text)]
            spots += [(m.start(1), m.end(1), m.group(1), "it follows \"بين\"") for m in _BETWEEN.finditer(text)]
            for start, end, word, why in spots:
                if word + "ن" not in duals:
                    continue
                yield hit(line.number, start + 1, end + 1,
                          f"\"{word}\" should be the dual \"{word}ن\": {why}",
                          insert(line.number, end + 1, "ن", f"write \"{word}ن\"", "unsafe"))
