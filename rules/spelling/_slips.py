"""The typing slips a word may hide, for SPL007 and SPL008: two adjacent
letters swapped, a letter typed twice, a letter dropped. Kept apart from the
rules because SPL008's build-time verdicts (`_verdicts.slip_fingerprint`)
depend on this code: a change here means rebuilding them
(bench/build_spelling_verdicts.py), an edit to a rule's docstring does not."""
from __future__ import annotations

from functools import cache, lru_cache

from newslint import dropped_letters, lexicon
from newslint.lexicon import word_key
from newslint.rules.spelling._orthography import _BLAKE2B, _BisectedForms, frequent_forms, word_code

TRANSPOSITION, DOUBLED_LETTER, DROPPED_LETTER = lexicon.TRANSPOSITION, lexicon.DOUBLED_LETTER, lexicon.DROPPED_LETTER


def typo_variants(word: str):
    """(variant, kind) for one typing slip undone: two adjacent letters
    swapped back, a doubled letter written once. Not undone: a letter
    doubled where a prefix meets the stem (`_morpheme_doubling`) and a final
    alif swapped (the dual or the accusative: انتقدا, مقابلتا). A leading لا
    is turned into ال: "لاسيارة" is a swapped السيارة, and when it is لا
    with its space lost ("لامصلحة") the word is wrong all the same (the
    message says both, `_glued_la`)."""
    last = len(word) - 2
    for index in range(len(word) - 1):
        one, two = word[index], word[index + 1]
        if one == two:
            if not _morpheme_doubling(word, index):
                yield word[:index] + word[index + 1:], DOUBLED_LETTER
        elif not (index == last and two == "ا"):
            yield word[:index] + two + one + word[index + 2:], TRANSPOSITION


# Letters that can be a prefix of their own before a stem starting with the
# same letter: conjunctions, prepositions, the imperfect's persons, the
# participle's م and the question's أ.
_PREFIX_LETTERS = frozenset("وفبلكتنيمأس")


def _morpheme_doubling(word: str, index: int) -> bool:
    """True for two equal prefix letters at the start of the word, or after
    و/ف, where a prefix meets a stem that starts with the same letter
    (ممضى, تتم, للقاء, بباني "with the builder", وولدوا). No prefix is
    ا, ق, ر, ع...: "االيوم", "ققضايا" are slips. After the article the
    pair is left to the lexicon: الممباراة is a slip (the stem of المضي
    has no م twice), and the rare الممضي a cost in precision."""
    return word[:index] in ("", "و", "ف") and word[index] in _PREFIX_LETTERS


def _prefix_doublings_undone(word: str):
    """(variant, kind) for a doubled letter at the start that
    `_morpheme_doubling` lets stand, written once: asked only of a word the
    lexicon does not list, against the commonest words, where no prefix can
    explain the pair ("فييما" is no ف + ي + يما, "ممنه" no م + منه)."""
    for index in range(min(len(word) - 1, 2)):
        if word[index] == word[index + 1] and _morpheme_doubling(word, index):
            yield word[:index] + word[index + 1:], DOUBLED_LETTER


def dropped_letter_variants(word: str):
    """(variant, kind) for a letter put back into a word, from the lexicon's
    deletion index (one look-up; forms of three letters and more at zipf
    >= 3.5)."""
    for variant in dropped_letters.restorations(word):
        if not _article_after_la(word, variant):
            yield variant, DROPPED_LETTER


def _article_after_la(word: str, variant: str) -> bool:
    """The alif of an article put back after ل ("لمنتمين", "ولشركات": for
    members, and for companies): ل before an indefinite noun is grammar,
    not a slip."""
    start = 1 if word[:1] in "وف" else 0
    return word[start:start + 1] == "ل" and variant[start:start + 2] == "ال"


_BRUTE_FORCE_BELOW = 4


def _short_word_restorations(word: str):
    """(variant, kind) for a letter put back anywhere into a word of 1-3
    letters, whatever the repair's frequency (the deletion index holds
    forms at zipf >= 3.5 only): 36 insertions a position, for the few
    unknown short words SPL007's context evidence judges."""
    if len(word) >= _BRUTE_FORCE_BELOW:
        return
    variants = dict.fromkeys(word[:at] + letter + word[at:] for at in range(len(word) + 1)
                             for letter in lexicon.LETTERS)  # "تسب" + ب gives تسبب twice: once each
    for variant in variants:
        if not _article_after_la(word, variant):
            yield variant, DROPPED_LETTER


@lru_cache(maxsize=1 << 16)
def slip_variants(word: str, min_variant_code: int, min_gap_code: int,
                  max_word_code: int) -> tuple[tuple[str, str], ...]:
    """(variant, kind) for the listed words one typing slip from a listed
    `word` (two letters swapped back, a doubled letter written once, a
    dropped letter put back from the deletion index) that are at least `min_variant_code` and
    `min_gap_code` more frequent than the word. Empty for an unlisted word
    (SPL007's), for a word above `max_word_code` (a form the web writes
    that often is a word or an accepted spelling: "الأميركي" beside
    "الأمريكي") and, above all, for most words: nothing far more frequent
    is one slip away. Not a conjunction put back at the start ("التي" /
    "والتي"): a sentence reads on without it; nor a plural verb for a dual
    one ("لم يتمكنا" / "يتمكنوا"): agreement with a subject further off,
    which no pair of neighbours shows."""
    code = word_code(word)
    if code == 0 or code > max_word_code:
        return ()
    floor = max(min_variant_code, code + min_gap_code)
    frequent = frequent_forms(min_variant_code)  # a dict: one hash a variant, no bisection
    found = []
    for variant, kind in (*typo_variants(word), *dropped_letter_variants(word)):
        if frequent.get(word_key(variant, _BLAKE2B), 0) >= floor and not (
                kind == DROPPED_LETTER and (variant[1:] == word and variant[0] in "وف" or
                                            _dual_for_plural(word, variant))):
            found.append((variant, kind))
    return tuple(found)


def _dual_for_plural(word: str, variant: str) -> bool:
    """"يتمكنا" -> "يتمكنوا", "زالا" -> "زالوا": و put back before a final alif."""
    return word.endswith("ا") and variant == word[:-1] + "وا"


# The loosest options SPL008's build-time verdicts hold for: the forms stored
# are those with a slip variant at zipf >= 3.5, half a power of ten above
# them, for words up to zipf 4.5 (the defaults are 4.0, 1.0 and 4.0). Under
# options at least this strict, a word not stored has no slip variant.
VERDICT_VARIANT_CODE, VERDICT_GAP_CODE, VERDICT_MAX_WORD_CODE = 70, 10, 90


@cache
def _slip_keys() -> frozenset | None:
    from newslint.rules.spelling import _verdicts

    verdicts = _verdicts.read(_verdicts.SLIP_RESOURCE, _verdicts.slip_fingerprint)
    return verdicts.lead_keys if verdicts is not None and verdicts.min_code == VERDICT_VARIANT_CODE else None


def slip_keys(min_variant_code: int, min_gap_code: int, max_word_code: int) -> frozenset | None:
    """The keys of the forms that may have a slip variant under these
    options, or None when the stored verdicts cannot say (missing, stale, or
    options looser than they hold for): then every word is judged."""
    if min_variant_code < VERDICT_VARIANT_CODE or min_gap_code < VERDICT_GAP_CODE or \
            max_word_code > VERDICT_MAX_WORD_CODE:
        return None
    return _slip_keys()


@lru_cache(maxsize=1 << 16)
def context_variants(word: str, min_variant_code: int) -> tuple[tuple[str, str], ...]:
    """(variant, kind) for the forms at least `min_variant_code` one slip
    from a word (swapped, doubled, dropped, as `slip_variants`) without the
    ratio `slip_variants` asks: for a word the lexicon does not list, whose
    repair is too rare to be evidence alone, so that its neighbours decide
    (SPL007's context evidence). Looked up by bisection: the words that get
    here are few, and a dict of every form above zipf 2 would cost ~0.3 s and
    tens of MB a process."""
    frequent = _BisectedForms(min_variant_code)
    found = {}  # a variant once, whichever way it came: the index and brute force both put letters back
    for variant, kind in (*typo_variants(word), *dropped_letter_variants(word), *_short_word_restorations(word)):
        if variant not in found and frequent.get(word_key(variant, _BLAKE2B), 0):
            found[variant] = kind
    return tuple(found.items())
