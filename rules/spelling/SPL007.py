from __future__ import annotations

from functools import lru_cache

from newslint import lexicon
from newslint.rule import Rule, hit, replace
from newslint.rules.spelling._orthography import (_WORD, MAX_WORD, Evidence, _best, _occurrences, frequent_forms,
                                                  min_code, word_code)

TRANSPOSITION, DOUBLED_LETTER, DROPPED_LETTER = lexicon.TRANSPOSITION, lexicon.DOUBLED_LETTER, lexicon.DROPPED_LETTER


def typo_variants(word: str):
    """(variant, kind) for one typing slip undone: two adjacent letters
    swapped back, a doubled letter written once. Not undone: وو at the start
    (the conjunction before و: وولدوا) and a final alif swapped (the dual
    or the accusative: انتقدا, مقابلتا)."""
    last = len(word) - 2
    for index in range(len(word) - 1):
        one, two = word[index], word[index + 1]
        if one == two:
            if not (index == 0 and one in "وف"):
                yield word[:index] + word[index + 1:], DOUBLED_LETTER
        elif not (index == last and two == "ا"):
            yield word[:index] + two + one + word[index + 2:], TRANSPOSITION


RARE_CODE = 30
"""zipf 1.5: below it a form is a slip or a name more often than a word
(الييوم 1.05, قببل 1.3); SPL007 looks only at such forms."""


@lru_cache(maxsize=1 << 16)
def typo_evidence(word: str, min_variant_code: int) -> Evidence | None:
    """The most frequent slip-undone variant of a word rarer than RARE_CODE
    (None for a word the lexicon knows well: a frequent word is a word); an
    Evidence without variant when only the file can say (a dropped letter)."""
    code = word_code(word)
    if code >= RARE_CODE:
        return None
    found = _best(word, typo_variants(word), frequent_forms(min_variant_code))
    return found or Evidence(word, "", DROPPED_LETTER, code, 0)


def _longer_by_one(words, length: int) -> dict[str, str]:
    """shorter form -> word, for the file's words of `length` + 1 letters
    with one letter dropped: a dropped letter is undone from the file's own
    vocabulary (36 insertions per position against the lexicon cost too much)."""
    shorter = {}
    for word in words:
        if len(word) == length + 1:
            for index in range(len(word)):
                shorter.setdefault(word[:index] + word[index + 1:], word)
    return shorter



class TypingSlip(Rule):
    """A rare or unknown word one typing slip away from a frequent word.

    What: two adjacent letters swapped ("الودحات" for "الوحدات"), a letter
    typed twice ("الييوم" for "اليوم"), or a letter dropped from a word the
    same file writes whole ("الإفرقي" beside "الإفريقي").

    Why: the slip makes a string no search or model recognises.

    Evidence: the word is absent from the lexicon or rarer than zipf 1.5
    (`RARE_CODE`), at least `min-length`
    letters long, and the repaired form has zipf >= `min-variant-zipf`
    (swaps and doubled letters) or occurs in the same file (dropped
    letters: consistency). A word the file writes twice or more the same way
    is taken for a name (a slip rarely repeats itself exactly).

    Opt-in: names and loanwords are absent from the lexicon too, and this
    rule has not been through a precision sample yet (docs/orthography.md).

    Fires: "وتم استرجاع الودحات السكنية" (الوحدات).
    Does not fire: "وقال مونتي إن" (a name that is no slip of a frequent word),
    "الييوم ثم الييوم" (the same spelling twice: a name or a style).

    Fix (unsafe): write the repaired form.
    """

    code = "SPL007"
    name = "typing-slip"
    category = "spelling"
    fixable = "unsafe"
    opt_in = True
    options = {
        "min-variant-zipf": {"type": "number", "default": 3.5},
        "min-length": {"type": "integer", "minimum": 2, "default": 4},
    }

    def check(self, doc, options):
        text = doc.text
        threshold = min_code(options["min-variant-zipf"])
        raws = set(_WORD.findall(text))
        shorter_cache: dict[int, dict] = {}
        for raw in raws:
            bare = lexicon.normalise(raw)
            if not options["min-length"] <= len(bare) <= MAX_WORD:
                continue
            evidence = typo_evidence(bare, threshold)
            if evidence is None:
                continue
            if not evidence.variant:
                if len(bare) not in shorter_cache:
                    shorter_cache[len(bare)] = _longer_by_one(raws, len(bare))
                whole = shorter_cache[len(bare)].get(bare)
                if whole is None or word_code(lexicon.normalise(whole)) < threshold:
                    continue
                evidence = Evidence(bare, whole, DROPPED_LETTER, evidence.code, word_code(lexicon.normalise(whole)))
            starts = _occurrences(text, raw)
            if len(starts) != 1:
                continue  # the same spelling twice: a name, not a slip
            line, column = doc.position(starts[0])
            end = column + len(raw)
            why = (f"\"{raw}\" is rare or unknown (zipf {evidence.zipf:.1f}); \"{evidence.variant}\""
                   f" (zipf {evidence.variant_zipf:.1f}) is one {evidence.kind.replace('_', ' ')} away")
            fix = replace(line, column, line, end, evidence.variant, f"write \"{evidence.variant}\"", "unsafe")
            yield hit(line, column, end, f"{why}; write \"{evidence.variant}\"", fix)
