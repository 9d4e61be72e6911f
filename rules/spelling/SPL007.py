from __future__ import annotations

from functools import lru_cache

from newslint import lexicon
from newslint.rule import Rule, hit, replace
from newslint.rules.spelling._common import _data_set
from newslint.rules.spelling._orthography import (_WORD, MAX_WORD, Evidence, _best, _looks_like_name, _neighbours,
                                                  _occurrences, frequent_forms, min_code, word_code)

TRANSPOSITION, DOUBLED_LETTER, DROPPED_LETTER = lexicon.TRANSPOSITION, lexicon.DOUBLED_LETTER, lexicon.DROPPED_LETTER


def typo_variants(word: str):
    """(variant, kind) for one typing slip undone: two adjacent letters
    swapped back, a doubled letter written once. Not undone: a letter
    doubled where a prefix meets the stem (`_morpheme_doubling`), a final
    alif swapped (the dual or the accusative: انتقدا, مقابلتا), and a leading
    لا turned into ال (لامصلحة is لا مصلحة with the space lost, not المصلحة)."""
    last = len(word) - 2
    for index in range(len(word) - 1):
        one, two = word[index], word[index + 1]
        if one == two:
            if not _morpheme_doubling(word, index):
                yield word[:index] + word[index + 1:], DOUBLED_LETTER
        elif not (index == last and two == "ا") and not _glued_la(word, index):
            yield word[:index] + two + one + word[index + 2:], TRANSPOSITION


def _morpheme_doubling(word: str, index: int) -> bool:
    """True for two equal letters at the start of the word, or after و/ف,
    where a prefix meets a stem that starts with the same letter (ممضى,
    تتم, للقاء, بباني "with the builder", وولدوا). After the article the
    pair is left to the lexicon: الممباراة is a slip (the stem of المضي
    has no م twice), and the rare الممضي a cost in precision."""
    return word[:index] in ("", "و", "ف")


def _glued_la(word: str, index: int) -> bool:
    """لا at the start (after و/ف), where swapping gives ال."""
    return word[index:index + 2] == "لا" and word[:index] in ("", "و", "ف")


@lru_cache(maxsize=1 << 16)
def typo_evidence(word: str, min_variant_code: int, max_code: int = 0) -> Evidence | None:
    """The most frequent slip-undone variant of a word whose lexicon code is
    at most `max_code` (None for a word the lexicon knows better: a known
    word is a word); an Evidence without variant when only the file can say
    (a dropped letter)."""
    code = word_code(word)
    if code > max_code:
        return None
    found = _best(word, typo_variants(word), frequent_forms(min_variant_code))
    return found or Evidence(word, "", DROPPED_LETTER, code, 0)


def _longer_by_one(words, length: int) -> dict[str, str]:
    """shorter form -> word, for the file's words of `length` + 1 letters
    with one letter dropped: a dropped letter is undone from the file's own
    vocabulary (36 insertions per position against the lexicon cost too much).
    The alif of a leading ال is never taken for dropped: لمنتمين ("for
    members") is the preposition before an indefinite noun, not المنتمين."""
    shorter = {}
    for word in words:
        if len(word) == length + 1:
            for index in range(1 if word.startswith("ال") else 0, len(word)):
                shorter.setdefault(word[:index] + word[index + 1:], word)
    return shorter



# Words before a place name: an unknown word after them is a name (ولاية "ارليس").
_PLACE_TITLES = frozenset("ولاية مدينة منطقة قرية بلدة معتمدية جهة شاطئ ميناء مطار حي بحي بمدينة بولاية بمنطقة".split())


def _names_a_place_or_person(word: str, previous: str) -> bool:
    """An unknown word right after a given name or a title ("عزوز الاصرم"
    is not, "محمد الاصرم" is), or after a word that introduces a place."""
    bare = lexicon.normalise(previous)
    return bare in _PLACE_TITLES or _looks_like_name(word, previous, _data_set("given_names.txt"))


class TypingSlip(Rule):
    """A rare or unknown word one typing slip away from a frequent word.

    What: two adjacent letters swapped ("الودحات" for "الوحدات"), a letter
    typed twice ("الييوم" for "اليوم"), or a letter dropped from a word the
    same file writes whole ("الإفرقي" beside "الإفريقي").

    Why: the slip makes a string no search or model recognises.

    Evidence (lexicon, then the file): by default the word is absent from
    the 582k-form lexicon (`max-word-zipf` 0: a slip common enough on the
    web to be listed, "الييوم" zipf 1.05, is left alone unless it is raised
    to 1.5), at least `min-length` letters long, and the repaired form has
    zipf >= `min-variant-zipf` (swaps and doubled letters) or occurs in the
    same file (dropped letters: consistency). Quiet when the file writes
    the word twice the same way (a slip rarely repeats itself exactly),
    after a given name, a title or a word that introduces a place ("ولاية
    ارليس"), and for what morphology explains: a letter doubled where a
    prefix meets its stem ("بباني", "ممضى", "وولدوا"), a leading لا glued to
    a noun ("لامصلحة": a lost space), ل before an indefinite noun
    ("لمنتمين" beside "المنتمين"), a swapped final alif (the dual "انتقدا").

    Opt-in: names, places and dialect words (Tunisian "الماجل", "قربص") are
    absent from the lexicon too; a fresh corpus sample after the last
    change (seed 8080) has 14 of 20 real, under the 90 % bar
    (docs/orthography.md). Tune with `max-word-zipf` and `min-variant-zipf`.

    Fires: "وتم استرجاع الودحات السكنية" (الوحدات), "ويتضمن مشرووع المدينة".
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
        "max-word-zipf": {"type": "number", "minimum": 0, "default": 0.0,
                          "description": "the highest lexicon zipf a word may have and still be a slip (0: only "
                                         "words absent from the lexicon)"},
    }

    def check(self, doc, options):
        text = doc.text
        threshold = min_code(options["min-variant-zipf"])
        max_code = round(options["max-word-zipf"] * lexicon.ZIPF_SCALE)
        raws = set(_WORD.findall(text))
        shorter_cache: dict[int, dict] = {}
        for raw in raws:
            bare = lexicon.normalise(raw)
            if not options["min-length"] <= len(bare) <= MAX_WORD:
                continue
            evidence = typo_evidence(bare, threshold, max_code)
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
            previous, _ = _neighbours(text, starts[0], starts[0] + len(raw))
            if _names_a_place_or_person(bare, previous):
                continue
            line, column = doc.position(starts[0])
            end = column + len(raw)
            why = (f"\"{raw}\" is rare or unknown (zipf {evidence.zipf:.1f}); \"{evidence.variant}\""
                   f" (zipf {evidence.variant_zipf:.1f}) is one {evidence.kind.replace('_', ' ')} away")
            fix = replace(line, column, line, end, evidence.variant, f"write \"{evidence.variant}\"", "unsafe")
            yield hit(line, column, end, f"{why}; write \"{evidence.variant}\"", fix)
