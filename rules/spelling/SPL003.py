"""SPL003 (truncated-dual)."""
from __future__ import annotations

import re

from newslint import lexicon
from newslint.arabic import DIACRITICS
from newslint.rule import Rule, hit, insert
from newslint.rules.spelling._common import A, _data_set

_NISBA = f"(?:[وف]?)ال[{A}]{{2,}}ي"
_TRUNCATED_DUAL = re.compile(
    f"(?<![{A}])(ال[{A}]{{2,}}ي)\\s+({_NISBA})\\s+(و{_NISBA})(?![{A}{DIACRITICS}])")
_BETWEEN = re.compile(f"(?<![{A}])بين\\s+(ال[{A}]{{2,}}ي)(?![{A}{DIACRITICS}])")


class TruncatedDual(Rule):
    """A dual noun that lost its final ن: "الجانبي" for "الجانبين".

    What: a dual (or sound plural) noun written without its final ن, where
    the context demands it: it is followed by two coordinated nisba
    adjectives ("الأرميني والأذربيجاني") or preceded by "بين".

    Evidence: the context (two coordinated adjectives, or بين before it),
    then either the prior list of duals (`rules/data/duals.txt`: الجانبين،
    الطرفين، البلدين ...) or the lexicon: the form with ن has zipf >=
    `min-dual-zipf` and is `min-log-ratio` (log10) more frequent than the
    word as written ("بين المواطني": المواطنين 1,000x). Tune with those two
    options; a word the list names is trusted whatever the lexicon says.

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
    options = {"min-dual-zipf": {"type": "number", "default": 3.5,
                                 "description": "lexicon zipf the form with ن needs, for a word not in duals.txt"},
               "min-log-ratio": {"type": "number", "default": 0.5,
                                 "description": "how much more frequent (log10) the form with ن must be"}}

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
                evidence = _dual_evidence(word, duals, options)
                if evidence is None:
                    continue
                meant = "the dual " if not evidence else ""
                yield hit(line.number, start + 1, end + 1,
                          f"\"{word}\" should be {meant}\"{word}ن\": {why}{evidence}",
                          insert(line.number, end + 1, "ن", f"write \"{word}ن\"", "unsafe"))


def _dual_evidence(word: str, duals: frozenset, options) -> str | None:
    """Why `word` + ن is meant: "" for a dual of the list (the prior), the
    lexicon ratio for any other word whose ن form is frequent and clearly
    more frequent than the word itself ("بين المواطني": المواطنين), None
    when neither holds ("بين النادي": الناديين, not النادين)."""
    if word + "ن" in duals:
        return ""
    dual, single = lexicon.zipf(word + "ن"), lexicon.zipf(word)
    if dual < options["min-dual-zipf"] or dual - single < options["min-log-ratio"]:
        return None
    return f" (the ن of a dual or plural; \"{word}ن\" is {10 ** (dual - single):,.0f}x more frequent in the lexicon)"
