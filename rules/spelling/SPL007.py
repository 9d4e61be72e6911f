from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from newslint import lexicon, word_context
from newslint.arabic import NAMING_NOUNS
from newslint.rule import Rule, hit, replace
from newslint.rules.spelling._common import (MAX_TABLE_COUNT_OPTION, QuietWords, _data_set, occurrences, on_source_line,
                                             seen_in_news)
from newslint.rules.spelling._orthography import (_BLAKE2B, DEFAULT_VARIANT_ZIPF, HAMZA, MADDA, MAX_WORD, RARE_MARGIN,
                                                  Evidence, _best, _looks_like_name, _neighbours,
                                                  _Spellings, bare_neighbours, clitic_splits, frequent_forms,
                                                  min_code, one_of, orthographic_evidence, word_code)
from newslint.rules.spelling._seat_choice import neighbours_prefer
from newslint.rules.spelling._slips import (DOUBLED_LETTER, DROPPED_LETTER, TRANSPOSITION, _prefix_doublings_undone,
                                            context_variants, dropped_letter_variants, slip_keys, typo_variants)


def _glued_la(word: str, variant: str) -> bool:
    """لا at the start (after و/ف) swapped into ال: the word may also be لا
    with the space after it lost (لامصلحة: لا مصلحة)."""
    start = 1 if word[:1] in "وف" else 0
    return word[start:start + 2] == "لا" and variant[start:start + 2] == "ال"


@lru_cache(maxsize=1 << 17)
def typo_evidence(word: str, min_variant_code: int, max_code: int = 0, dropped: bool = False,
                  listed_code: int = 0) -> Evidence | None:
    """The most frequent slip-undone variant of a word whose lexicon code is
    at most `max_code`, with a dropped letter put back from the lexicon too
    when `dropped`, or a slip inside the stem of an unknown word with
    clitics (`_stem_slip`); an Evidence without variant when only the file
    can say (a dropped letter). A word listed above `max_code` up to
    `listed_code` is judged like an unknown one: the caller then asks for a
    far larger ratio (the web types "مخلتف" too, 3,000x less often than
    "مختلف"). None for a word the lexicon knows better: a known word is a
    word."""
    code = word_code(word)
    if code > max(max_code, listed_code):
        return None
    frequent = frequent_forms(min_variant_code)
    found = _best(word, typo_variants(word), frequent)
    if found is None and code == 0:
        found = _stem_slip(word, frequent) or \
            _best(word, _prefix_doublings_undone(word), frequent_forms(max(min_variant_code, _COMMONEST_CODE))) \
            or _stacked_clitic(word)
    if found is None and dropped:
        found = _best(word, dropped_letter_variants(word), frequent)
    if code > max_code:
        return found
    return found or Evidence(word, "", DROPPED_LETTER, code, 0)


# The conjunctions only: a preposition typed twice cannot be told from one
# before a stem that starts with its letter and whose rest is a word too
# ("ككلفة إضافية": ك + كلفة, لفة; "بباني الدولة": ب + باني, أني), and ل
# before the article is "لل" ("للمنتخبات").
_STACKING_CLITICS = "وف"
_STACKED_REST_CODE = 70    # zipf 3.5: what follows the pair is a frequent word
_STACKED_REPAIR_CODE = 50  # zipf 2.5: and the word with one clitic is listed
_STACKED_PREFIX_GAP_CODE = 10  # zipf 0.5


def _stacked_clitic(word: str) -> Evidence | None:
    """A conjunction typed twice at the head of a word the lexicon does not
    list ("ووسحب", "وواعتبر"): و and ف never take themselves, so when what
    follows the pair is a frequent word (سحب, اعتبر: zipf >= 3.5) and the
    word with one conjunction is listed (وسحب, واعتبر: zipf >= 2.5), the
    pair is a slip, which `_morpheme_doubling` cannot tell from a
    conjunction before a stem that starts with و ("وولدوا": لدوا is no
    word), nor from one before a word of its own whose first letter is a
    root's or a name's: the one-conjunction form must be half a zipf rarer
    than what follows the pair, as a prefixed form is ("ففراس تعافى":
    فراس 3.8 against راس 4.2 is a name, not ف + راس)."""
    if len(word) < 5 or word[0] not in _STACKING_CLITICS or word[1] != word[0]:
        return None
    rest = word_code(word[2:])
    if rest < _STACKED_REST_CODE:
        return None
    repair = word[1:]
    code = word_code(repair)
    # the one-conjunction form must read as conjunction + word: rarer than the word by half a zipf
    # (وسحب 3.75 / سحب 4.65), not a word of its own whose first letter is a root's or a name's
    # (فراس 3.8 / راس 4.2, فيصل 4.75 / يصل 5.05: "ففراس تعافى" is ف + فراس)
    if code < _STACKED_REPAIR_CODE or rest - code < _STACKED_PREFIX_GAP_CODE:
        return None
    return Evidence(word, repair, DOUBLED_LETTER, 0, code)


def _stem_slip(word: str, frequent: dict[int, int]) -> Evidence | None:
    """A slip inside the stem of an unknown word with clitics ("وملبغ": و +
    ملبغ, a swapped مبلغ), when the whole repaired word is too rare to be
    evidence alone (ومبلغ, zipf 2.85): a prefixed form is rarer than its
    stem, so the stem carries the frequencies. The stem must be unknown
    too, and the whole repaired word listed: "بالكمر" is no slip of
    "بالكرم" when كمر is a word."""
    for clitic, stem in clitic_splits(word):
        if word_code(stem):
            return None
        found = _best(stem, typo_variants(stem), frequent)
        if found is None:
            continue
        whole = clitic + found.variant
        if word_code(whole) == 0:
            return None
        return Evidence(word, whole, found.kind, found.code, found.variant_code, len(clitic))
    return None


def _wholes_of(word: str, longer):
    """The words of `longer` (the file's words one letter longer than
    `word`) that are `word` with one letter put back: a dropped letter is
    undone from the file's own vocabulary (36 insertions per position
    against the lexicon cost too much). The alif of a leading ال is never
    taken for dropped: لمنتمين ("for members") is the preposition before an
    indefinite noun, not المنتمين. A dropped letter leaves one end of the
    word as it was, which filters most candidates with two comparisons."""
    for whole in longer:
        if whole[0] != word[0] and whole[-1] != word[-1]:
            continue
        at = 0
        while at < len(word) and word[at] == whole[at]:
            at += 1
        if word[at:] == whole[at + 1:] and not (at == 0 and whole.startswith("ال")):
            yield whole



class _Limits(NamedTuple):
    """The options of the rule as lexicon codes, computed once a document."""
    threshold: int
    in_file: int
    max_code: int
    doubled_code: int
    common_code: int
    dropped: bool
    min_length: int
    rare_log_ratio: float
    common_log_ratio: float
    slip_keys: frozenset | None  # the build-time verdicts that hold under these limits (`_listed_without_slip`)

    @classmethod
    def of(cls, options) -> _Limits:
        threshold = min_code(options["min-variant-zipf"])
        doubled_code = round(options["max-doubled-zipf"] * lexicon.ZIPF_SCALE)
        max_code = round(options["max-word-zipf"] * lexicon.ZIPF_SCALE)
        common_code = max(doubled_code, round(options["max-common-slip-zipf"] * lexicon.ZIPF_SCALE))
        dropped, rare, common = options["lexicon-dropped-letters"], options["rare-log-ratio"], \
            options["common-slip-log-ratio"]
        keys = None if max_code or dropped else \
            slip_keys(threshold, round(min(rare, common) * _SCALE), common_code)
        return cls(threshold, min(threshold, min_code(options["consistent-variant-zipf"])), max_code, doubled_code,
                   common_code, dropped, options["min-length"], rare, common, keys)


def frequency_evidence(bare: str, limits: _Limits) -> Evidence | None:
    """The lexicon's evidence that a word is a slip, decided from the word
    alone (None: quiet by the frequencies; the file, the neighbours and the
    names around it are the caller's): a repair far more frequent, or an
    unknown word that only the file can repair (an Evidence without variant)."""
    evidence = None
    if _listed_without_slip(bare, limits):
        return None
    if _MEDIAL_FINAL.search(bare):  # listed or not, the word cannot be spelled so ("عىل", zipf 1.7)
        evidence = typo_evidence(bare, min(limits.threshold, _MEDIAL_VARIANT_CODE), _ANY_CODE) \
            if len(bare) <= MAX_WORD else None
    elif limits.min_length <= len(bare) <= MAX_WORD:
        evidence = typo_evidence(bare, limits.threshold, limits.max_code, limits.dropped, limits.common_code)
    elif len(bare) == 3 and limits.min_length == 4:  # the band stops at zipf 3: "كلل" (3.1) is a word
        evidence = typo_evidence(bare, _SHORT_VARIANT_CODE, limits.max_code, False,
                                 min(limits.common_code, _SHORT_LISTED_CODE))
    if evidence is None or (evidence.code and evidence.log_ratio < limits.rare_log_ratio) or \
            (evidence.code > limits.doubled_code and evidence.log_ratio < limits.common_log_ratio):
        return None
    if _pronoun_after_alif(bare) or _construct_plural(bare) or _hamza_omitted(bare):
        return None
    return evidence


def _hamza_omitted(word: str) -> bool:
    """The word is another word with its hamza or madda left out, which the
    lexicon lists at zipf >= 2.5 (SPL006's default floor and its rare
    margin: "سبيل اوحد": أوحد, 2.75): SPL006's finding, not a swap into
    واحد. A ى/ي or ة/ه variant does not count: "إللى" is a slip of إلى
    whatever "إللي" is. Asked at SPL006's own code, so that the forms it
    keeps in memory serve both (another floor would build a second table:
    +20 MB)."""
    found = orthographic_evidence(word, ORTHOGRAPHIC_CODE, RARE_MARGIN)
    return found is not None and found.kind in (HAMZA, MADDA)


def _construct_plural(word: str) -> bool:
    """A nisba's sound plural in the construct state, which writes ي twice
    ("مبدعي وحرفيي وصناعيي قصر هلال", "أمنيي النزل": صناعيّي, أمنيّي): no
    article and no preposition before it, and the singular nisba listed.
    "بباقيي", "السياسيي" stay slips."""
    core = word[1:] if word[:1] in "وف" else word
    if not core.endswith("يي") or core.startswith(("ال", "لل")):
        return False
    if core[:1] in "بلك" and word_code(core[1:-1]) >= _DUAL_STEM_CODE:
        return False  # a preposition before the nisba ("بباقيي": ب + باقي), where a construct plural cannot stand
    return word_code(core[:-1]) >= _DUAL_STEM_CODE


def _pronoun_after_alif(word: str) -> bool:
    """A listed form ending in alif with an object pronoun after it: the
    dual verb and its object ("لقاء إعلامي عقداه", the two held it; عقدا is
    zipf 3.9), not a slip of "عقدها"."""
    for pronoun in _OBJECT_PRONOUNS:
        stem = word[:-len(pronoun)]
        if word.endswith(pronoun) and stem.endswith("ا") and len(stem) >= 3:
            return word_code(stem) >= _DUAL_STEM_CODE
    return False


_OBJECT_PRONOUNS = ("هما", "هم", "ها", "ه")  # longest first
_DUAL_STEM_CODE = 50  # zipf 2.5: the stem of a dual verb with its pronoun, or a construct plural's nisba
def _listed_without_slip(bare: str, limits: _Limits) -> bool:
    """A lexicon form that SPL008's build-time verdicts (`_slips.slip_keys`)
    found without any slip variant: quiet after one hash and one look-up.
    A listed word is a slip only with a swapped or doubled repair of at
    least `min-variant-zipf` and `rare-log-ratio` or `common-slip-log-ratio`
    more frequent than itself (a thousand times, at the defaults), when the
    word is at most `max-common-slip-zipf`; the verdicts hold every form with
    such a repair at looser bounds, so a form missing from them has none.
    Not used when the options reach past what the verdicts hold (`slip_keys`
    says None), when listed words may be slips without a repair
    (`max-word-zipf` above 0) or with a dropped letter from the lexicon, and
    not for a word with ى or ة inside, judged against rarer repairs. The
    keys are looked up once a document (`_Limits.slip_keys`)."""
    if limits.slip_keys is None or _MEDIAL_FINAL.search(bare):
        return False
    key = lexicon.word_key(bare, _BLAKE2B)
    return key not in limits.slip_keys and lexicon.table().code_of_key(key) > 0


def _needs_the_files_repair(evidence: Evidence) -> bool:
    """A listed word with two letters swapped is reported only when the file
    writes the repair or the repair is among the commonest words."""
    return bool(evidence.code) and evidence.kind == TRANSPOSITION and \
        evidence.variant_code < LISTED_SWAP_MIN_VARIANT_CODE


@lru_cache(maxsize=1)
def _default_limits() -> _Limits:
    return _Limits.of({name: spec["default"] for name, spec in TypingSlip.options.items()})


def _written_once(doc, raw: str) -> int | None:
    """The offset of the word when the file writes it once and not on the
    source line; None otherwise: the same spelling twice is a name or a
    style, not a slip, and the source line names an outlet its own way."""
    starts = occurrences(doc.text, raw)
    return starts[0] if len(starts) == 1 and not on_source_line(doc, starts[0]) else None


def _named_here(text: str, start: int, raw: str, bare: str, evidence: Evidence) -> bool:
    """The word stands where a name stands (after a given name, a title, a
    noun that introduces a place): a name may be spelled any way, but not
    with ة or ى inside ("قناة التاسعةة"), nor as a slip of one of the
    commonest words ("وكالة الجمهويرة")."""
    previous, _ = _neighbours(text, start, start + len(raw))
    return _names_a_place_or_person(bare, previous) and _MEDIAL_FINAL.search(bare) is None and \
        not (evidence.code == 0 and evidence.variant_code >= _COMMONEST_CODE)


def reports_here(doc, start: int, raw: str, bare: str) -> tuple[bool, str]:
    """(reported, repair) for SPL008, which leaves a word to SPL007 where
    SPL007 reports it from the frequencies at its default options: the word
    written once in the file, not on the source line, not where a name
    stands; `repair` is what SPL007 asks the file to write for a listed swap
    (reported only then)."""
    evidence = frequency_evidence(bare, _default_limits())
    if evidence is None or not evidence.variant:
        return False, ""
    if _written_once(doc, raw) is None or _named_here(doc.text, start, raw, bare, evidence):
        return False, ""
    return (False, evidence.variant) if _needs_the_files_repair(evidence) else (True, "")


def _names_a_place_or_person(word: str, previous: str) -> bool:
    """An unknown word right after a given name or a title ("عزوز الاصرم"
    is not, "محمد الاصرم" is), or after a noun that introduces a place,
    an institution or an outlet, with its clitics (بعمادة, وبمدينة)."""
    bare = lexicon.normalise(previous)
    return one_of(bare, NAMING_NOUNS) or \
        _looks_like_name(word, previous, _data_set("given_names.txt"))


class TypingSlip(Rule):
    """A rare or unknown word one typing slip away from a frequent word.

    What: two adjacent letters swapped ("الودحات" for "الوحدات", "العصامة"
    for "العاصمة"), a letter typed twice ("الححكومة" for "الحكومة"), or a
    letter dropped from a word the same file writes whole ("الإفرقي" beside
    "الإفريقي").

    Why: the slip makes a string no search or model recognises.

    Evidence (lexicon, then the file): the word is absent from the
    582k-form lexicon (`max-word-zipf` 0), or listed under zipf
    `max-doubled-zipf` (2.0: the web types "الييوم" and "مخلتف" too) with
    the repaired form `rare-log-ratio` (3: 1,000x) more frequent, or
    listed up to `max-common-slip-zipf` (3.5) with the repaired form
    `common-slip-log-ratio` (3.5) more frequent ("اليت", zipf 2.2, for
    "التي", 6.7; "إللى" for "إلى"); a listed word with two letters
    swapped only when the file writes the repaired form elsewhere or the
    repair is among the commonest words (zipf >= 5.5): listed swaps were
    names and places ("وطينة", Thyna; "الصانعي") as often as slips; an
    unknown word with clitics may take its stem's repair when the whole
    repaired word is listed but too rare to be evidence alone ("والتنيشط":
    تنيشط is a swapped تنشيط; "بالكمر" stays, كمر is a word); a word
    with ى or ة inside it, which only end words, is judged whatever its
    length and frequency, against any repair the lexicon lists (zipf >= 2:
    "إىل", "عىل" for "إلى", "على"; "إجمالةي" for إجمالية). It is at least
    `min-length` letters long (three when the repair is one of the
    commonest words, zipf >= 5: "قفد" for فقد), and the repaired form has
    zipf >= `min-variant-zipf`, or zipf >= `consistent-variant-zipf` when
    the same file writes the repaired form elsewhere (consistency: the
    file's own vocabulary is the strongest evidence, and the only one for a
    dropped letter). A leading لا taken for a swapped ال may also be لا with
    its space lost ("لامصلحة"): the word is wrong either way, and the
    message says both. Quiet when the file writes the word twice the same
    way (a slip rarely repeats itself exactly), when the writer vowelled it
    (a short vowel or sukun inside: "لم يُبن", the jussive of بنى; a shadda
    is typed out of habit on slips too, "تروّط"), after a given name, a title
    or a word that introduces a place ("ولاية ارليس"; but an unknown word
    whose repair is among the commonest words is a slip there too: "وكالة
    الجمهويرة"), and for what
    morphology explains: a dual verb with its object pronoun ("لقاء إعلامي
    عقداه": عقدا + ه, not a swapped عقدها), a nisba's plural in the construct
    state ("مبدعي وحرفيي وصناعيي قصر هلال"), a word whose hamza or madda
    variant the lexicon lists at zipf >= 2.5 (SPL006's: "سبيل اوحد" is
    أوحد, not واحد), a letter doubled where a prefix meets its stem
    ("بباني", "ممضى", "وولدوا"; unless the word is unknown and its repair
    among the commonest words, zipf >= 5: "فييما", "ننسبة", or the pair is
    a conjunction typed twice before a frequent word, which no stem
    explains: "ووتحويل", "وواعتبر"), ل before an
    indefinite noun ("لمنتمين" beside "المنتمين"), a swapped final alif
    (the dual "انتقدا").
    When the word has several repairs (zipf >= 2.5 each), the word-pair
    table's neighbours choose one over the frequencies' choice when they
    favour it by a log-odds of 4 ("الجامعة التوسية لكرة": التونسية, a
    dropped letter, not the swapped التسوية).
    Confidence: 0.9 when the file writes the repaired form, else from the
    repaired form's frequency (0.6 at zipf 3.5, 0.85 at 6).

    Context (the word-pair table of `newslint.word_context`): an unknown
    word the frequencies alone do not settle (its repair rarer than
    `min-variant-zipf`, or a dropped letter, which the frequencies judge
    only with `lexicon-dropped-letters`) is still a slip when a repair of
    zipf >= 2 (`context-variant-zipf`) is the only one the table has seen
    beside the word's neighbours, `context-pairs` (2) times in all ("منصب
    وزراي" for وزاري, 3.3; "بمتشفى فرحات" for بمستشفى); not for a word the table has seen `max-table-count` (4)
    times, nor for one with a hamza, madda, ة or ى variant (SPL006's).
    After a given name or a naming noun, where a name may be spelled any
    way, only this evidence speaks. Confidence 0.8 (34 of 40 sampled were
    slips with the right repair, docs/precision.md).

    A dropped letter put back from the lexicon alone ("بمتشفى" for
    "بمستشفى", through a deletion index: one look-up a word) is opt-in,
    `lexicon-dropped-letters`: it lifts dropped-letter recall from 0.06 to
    0.27 on the held-out tune half, but only about 35 of 60 new findings
    sampled from the corpus (seed 1) were slips: names and dialect words
    ("تشكيات", "الإبان") are one letter from a frequent word too.

    Precision: names, places and dialect words are absent from the lexicon
    too ("قربص", Tunisian "الماجل"); docs/orthography.md has the sampled
    figure. Tune with `max-word-zipf`, `min-variant-zipf` (raise it for
    fewer, surer findings) and `min-length`, or turn the rule off for a
    site full of unlisted names.

    Fires: "وتم استرجاع الودحات السكنية" (الوحدات), "ويتضمن مشرووع المدينة".
    Does not fire: "وقال مونتي إن" (a name that is no slip of a frequent word),
    "الييوم ثم الييوم" (the same spelling twice: a name or a style).

    Fix (unsafe): write the repaired form.
    """

    code = "SPL007"
    name = "typing-slip"
    category = "spelling"
    fixable = "unsafe"
    options = {
        "min-variant-zipf": {"type": "number", "default": 3.5},
        "consistent-variant-zipf": {"type": "number", "default": 2.5,
                                    "description": "the lowest zipf of a repaired form the same file writes"},
        "min-length": {"type": "integer", "minimum": 2, "default": 4,
                       "description": "the fewest letters a word needs to be judged (shorter unknown words are "
                                      "mostly abbreviations and names)"},
        "max-word-zipf": {"type": "number", "minimum": 0, "default": 0.0,
                          "description": "the highest lexicon zipf a word may have and still be a slip (0: only "
                                         "words absent from the lexicon)"},
        "max-doubled-zipf": {"type": "number", "minimum": 0, "default": 2.0,
                             "description": "the highest lexicon zipf a listed word may have and still be a slip "
                                            "(a letter typed twice or two swapped: the web types الييوم and "
                                            "مخلتف too)"},
        "lexicon-dropped-letters": {
            "type": "boolean", "default": False,
            "description": "also put a dropped letter back from the lexicon (a frequent form of 5+ letters at "
                           "zipf >= 3.5), not only from the file's own words: recall x2.5 on dropped letters, but "
                           "about 60 % precision on a site with dialect words and unlisted names "
                           "(docs/orthography.md)"},
        "max-common-slip-zipf": {"type": "number", "minimum": 0, "default": 3.5,
                                 "description": "a word listed above max-doubled-zipf and up to this is still a "
                                                "slip when the repaired form is common-slip-log-ratio powers of "
                                                "ten more frequent (اليت, zipf 2.2, for التي, 6.7)"},
        "common-slip-log-ratio": {"type": "number", "minimum": 0, "default": 3.5,
                                  "description": "the ratio (log10) a word listed between max-doubled-zipf and "
                                                 "max-common-slip-zipf needs"},
        "context-variant-zipf": {"type": "number", "minimum": 0, "default": 2.0,
                                 "description": "the lowest zipf of a repair the neighbours may vouch for"},
        "context-pairs": {"type": "integer", "minimum": 0, "default": 2,
                          "description": "how often the word-pair table must have seen the repair beside the "
                                         "word's neighbours (0: no context evidence)"},
        "max-table-count": MAX_TABLE_COUNT_OPTION,
        "rare-log-ratio": {"type": "number", "minimum": 0, "default": 3.0,
                           "description": "for a word in the lexicon: how many powers of ten more frequent the "
                                          "repaired form must be"},
    }

    def check(self, doc, options):
        text = doc.text
        limits = _Limits.of(options)
        raws = doc.arabic_words
        quiet = _QUIET.words(options)
        in_file = _FileForms(raws, text)
        context = _ContextRepair(options)
        for raw in raws - quiet:  # most words were judged quiet in an earlier document: one set difference
            if _VOWELLED.search(raw):
                quiet.add(raw)  # "لم يُبن أصلًا": the writer's short vowel inside the word spells it on purpose
                continue
            bare = lexicon.normalise(raw)
            evidence = frequency_evidence(bare, limits)
            if evidence is None:  # an unknown word of 3+ letters always has one (maybe without a variant)
                quiet.add(raw)  # a listed word needs a variant far more frequent: a rare word is often a word
                continue
            consistent = bool(evidence.variant) and evidence.variant in in_file
            if not consistent and _needs_the_files_repair(evidence):
                continue  # a listed word with two letters swapped is most often a name or a word (not
                # remembered as quiet: another file may write the repair)
            if not evidence.variant:
                evidence = in_file.repair(bare, evidence.code, limits.in_file)
                if evidence is None:
                    yield from context.judge(doc, raw, bare)
                    continue
                consistent = True
            start = _written_once(doc, raw)
            if start is None:
                continue
            if _named_here(text, start, raw, bare, evidence):
                yield from context.judge(doc, raw, bare)  # only the neighbours may speak where a name stands
                continue
            if not consistent and context.min_pairs:
                evidence = _repair_the_neighbours_choose(text, start, raw, evidence)
            yield self._hit(doc, start, raw, evidence, consistent)

    @staticmethod
    def _hit(doc, start, raw, evidence, consistent):
        line, column = doc.position(start)
        end = column + len(raw)
        kind = evidence.kind.replace("_", " ")
        if evidence.kind == TRANSPOSITION and _glued_la(evidence.word, evidence.variant):
            kind += " (or a space lost after لا)"
        word, variant = evidence.word[evidence.stem:], evidence.variant[evidence.stem:]
        why = (f"\"{word}\" is rare or unknown (zipf {evidence.zipf:.1f}); \"{variant}\""
               f" (zipf {evidence.variant_zipf:.1f}) is one {kind} away"
               + (", and the file writes it elsewhere" if consistent else ""))
        if evidence.stem:
            why = f"the stem of \"{raw}\": {why}"
        certainty = 0.9 if consistent else round(min(0.85, max(0.5, 0.6 + 0.1 * (evidence.variant_zipf - 3.5))), 2)
        fix = replace(line, column, line, end, evidence.variant, f"write \"{evidence.variant}\"", "unsafe")
        return hit(line, column, end, f"{why}; write \"{evidence.variant}\"", fix, confidence=certainty)


def _repair_the_neighbours_choose(text: str, start: int, raw: str, evidence: Evidence) -> Evidence:
    """The evidence with the repair its neighbours favour, when the word has
    another slip repair (swapped, doubled, dropped letter; zipf >= 2.5) that
    the word-pair table prefers by a log-odds of 4 (`_seat_choice.neighbours_prefer`,
    as for the hamza seat: "الجامعة التوسية لكرة":
    التونسية, a dropped letter, not the swapped التسوية; "اليوم ااثنين":
    الاثنين, not اثنين); else the frequencies' choice. The table is one
    site's text: elsewhere it speaks less often, not differently."""
    word = evidence.word
    others = {variant: kind for variant, kind in (*typo_variants(word), *dropped_letter_variants(word))
              if variant != evidence.variant and word_code(variant) >= _OTHER_REPAIR_CODE}
    best = neighbours_prefer(evidence.variant, others, *bare_neighbours(text, start, raw)) if others else None
    if best is None:
        return evidence
    return Evidence(word, best, others[best], word_code(word), word_code(best))  # of the whole word, as chosen


_OTHER_REPAIR_CODE = 50  # zipf 2.5


class _ContextRepair:
    """The context evidence for a word the lexicon does not list and that the
    frequencies alone do not settle: the repair (at least
    `context-variant-zipf`) is the only one whose neighbours were seen with
    it, at least `context-pairs` times in the word-pair table of news text
    (`newslint.word_context`): "أقرب االآجال" (أقرب الآجال, 16 times), "منصب
    وزراي للسعادة" (منصب وزاري, 3), "إيمانول ماكرون" (إيمانويل ماكرون, 17).
    Not for a word the table itself has seen `max-table-count` times (a
    word of the site: "الممرن", the coach)."""

    def __init__(self, options):
        self.min_code = min_code(options["context-variant-zipf"])
        self.min_pairs = options["context-pairs"]
        self.max_seen = options["max-table-count"]

    def possible(self, bare: str) -> bool:
        """Whether the context could ever decide for this word (from the word
        alone, cached; a False is not "quiet": the file may still repair it)."""
        return self.min_pairs > 0 and _context_possible(bare, self.min_code, self.max_seen)

    def judge(self, doc, raw: str, bare: str):
        if not self.possible(bare):
            return
        start = _written_once(doc, raw)
        if start is None:
            return
        previous, following = bare_neighbours(doc.text, start, raw)
        seen = []
        for variant, kind in context_variants(bare, self.min_code):
            pairs = word_context.neighbour_pairs(previous, variant, following)
            if sum(round(count) for _, count in pairs) >= self.min_pairs:
                seen.append((variant, kind, pairs))
        if len(seen) != 1:
            return  # none, or the neighbours fit two repairs: no evidence for one
        variant, kind, pairs = seen[0]
        evidence = "; ".join(f"\"{phrase}\" seen {count:.0f} times in news text" for phrase, count in pairs if count)
        line, column = doc.position(start)
        end = column + len(raw)
        why = (f"\"{raw}\" is unknown to the lexicon and \"{variant}\" (zipf {word_code(variant) / _SCALE:.1f}) is "
               f"one {kind.replace('_', ' ')} away; its neighbours say so: {evidence}")
        fix = replace(line, column, line, end, variant, f"write \"{variant}\"", "unsafe")
        yield hit(line, column, end, f"{why}; write \"{variant}\"", fix, confidence=_CONTEXT_CONFIDENCE)


@lru_cache(maxsize=1 << 15)
def _context_possible(bare: str, variant_code: int, max_seen: int) -> bool:
    return _CONTEXT_MIN_LENGTH <= len(bare) <= MAX_WORD and word_code(bare) == 0 and \
        bool(context_variants(bare, variant_code)) and not seen_in_news(bare, max_seen) and \
        orthographic_evidence(bare, ORTHOGRAPHIC_CODE, RARE_MARGIN) is None  # a misspelled hamza or ة is SPL006's


_CONTEXT_MIN_LENGTH = 3
ORTHOGRAPHIC_CODE = min_code(DEFAULT_VARIANT_ZIPF)  # whether a word has SPL006's evidence, at its default
_CONTEXT_CONFIDENCE = 0.8  # the 10 findings it added on 1,500 tune articles were all slips
_SCALE = lexicon.ZIPF_SCALE


# ى and ة stand only at the end of a word: inside one ("إىل", "عىل", "إجمالةي")
# the letter was swapped out of its place, however short the word.
_MEDIAL_FINAL = re.compile("[ىة](?=.)")
_MEDIAL_VARIANT_CODE = 40
"""zipf 2: a word with ى or ة inside it cannot be spelled so, so any repair
the web lists at all is a better reading ("إجمالةي": إجمالية, zipf 3.4)."""
LISTED_SWAP_MIN_VARIANT_CODE = 110
"""zipf 5.5: a word the web lists (under `max-doubled-zipf`) with two
letters swapped is judged only when the file writes the repaired form
elsewhere ("جسلة" beside جلسة, "الأدرن" beside الأردن) or the repair is
among the commonest words ("اليت" for التي): otherwise such words were
names and places ("وطينة" for Thyna, "الصانعي", "سيساي") and words the
web does not list enough ("الجنيسة", generic drugs; "يتعقل"): 25 of the
62 corpus findings of this kind were false."""

_COMMONEST_CODE = 100
"""zipf 5: a repair this common outweighs the explanations that keep rarer
repairs quiet (a prefix doubling its stem's first letter)."""
_SHORT_LISTED_CODE = 60  # zipf 3: a listed word of three letters above it is a word ("دون كلل")
_SHORT_VARIANT_CODE = 100
"""zipf 5: a word of three letters (under `min-length`) is judged only when
its repair is one of the language's commonest words ("قفد" for فقد, "ههذ"
for هذه): short unknown words are mostly abbreviations and names."""
_ANY_CODE = 1 << 16


_QUIET = QuietWords()
# A short vowel or sukun written before another letter of the word: the
# writer vowelled the word, as one does a form a reader might misread ("لم
# يُبن", the jussive of بنى), so it is spelled on purpose. Not the shadda,
# which some sites type out of habit on any word, slips included ("تروّط",
# "متقددّمة", "العوميّة" on the corpus), nor the tanween before a final
# alif ("شيئًا").
_VOWELLED = re.compile("[\u064e\u064f\u0650\u0652](?=[\u0621-\u064a])")


class _FileForms(_Spellings):
    """The file's own words, for repairs only the file can vouch for: a swap
    or a doubled letter undone into a word the file writes, a dropped letter
    put back from a word the file writes whole (built lazily: most files have
    no absent word at all)."""

    def __init__(self, raws: set, text: str):
        super().__init__(raws, text)
        self._by_length: dict[int, list] | None = None
        self._complete = False  # every length filled (a file with marks)

    def _of_length(self, length: int) -> list[str]:
        """The file's bare words of `length` letters, picked out on the first
        ask for that length. Most files have no marks, so their words are
        bare already; a file with marks has every word normalised once
        ("الإفريقيّ" is the whole of "الإفرقي" too)."""
        if self._by_length is None:
            self._by_length = {}
            if lexicon.has_marks(self.text):
                for bare in map(lexicon.normalise, self.raws):
                    self._by_length.setdefault(len(bare), []).append(bare)
                self._complete = True
        found = self._by_length.get(length)
        if found is None:
            found = [] if self._complete else [raw for raw in self.raws if len(raw) == length]
            self._by_length[length] = found
        return found

    def repair(self, word: str, code: int, min_variant_code: int) -> Evidence | None:
        """The best repair of `word` into a word of the file with at least
        `min_variant_code`: a slip undone, else a dropped letter put back."""
        best = None
        for variant, kind in typo_variants(word):
            if variant in self:
                variant_code = word_code(variant)
                if variant_code >= min_variant_code and (best is None or variant_code > best.variant_code):
                    best = Evidence(word, variant, kind, code, variant_code)
        if best is not None:
            return best
        for whole in _wholes_of(word, self._of_length(len(word) + 1)):  # bare already
            variant_code = word_code(whole)
            if variant_code >= min_variant_code and (best is None or variant_code > best.variant_code):
                best = Evidence(word, whole, DROPPED_LETTER, code, variant_code)
        return best
