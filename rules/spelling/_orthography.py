"""Spelling from evidence: what SPL006 and SPL007 share (the lexicon variants,
their evidence, the document's own spellings).

A word is flagged when it is rare and one of its confusion-set variants
(hamza seats, ة/ه, ى/ي, ض/ظ, د/ذ, madda) is much more frequent in the
frequency lexicon (`newslint.lexicon`, derived from wordfreq). The ratio of
the two frequencies is the evidence; the document's own spellings make it
stronger (it writes the variant elsewhere) and, for علي, weaker (a file that
writes على right has علي the name). No list of misspellings is used.

Speed: the verdict on a word depends on the word alone, so it is computed
once per distinct word and process (`lru_cache`, and `_Leads` for the words
found quiet): a news batch reuses most of its vocabulary. The variant
generators here are narrower than
`lexicon.variants` (bare letter -> hamza seat, never the reverse, which is
SPL002's business; the letters that can change only), so a word costs a few
table lookups. The table itself is opened on the first lookup (memory-mapped,
about 2 ms), never at import.
"""
from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import NamedTuple

from newslint import lexicon
from newslint.arabic import ARABIC_LETTERS, ARABIC_WORD, DIACRITICS, TATWEEL
from newslint.rules.spelling import _context, _verdicts

_WORD = ARABIC_WORD
_WORD_CHAR = re.compile(f"[{ARABIC_LETTERS}{DIACRITICS}{TATWEEL}]")
_SCALE = lexicon.ZIPF_SCALE


class Evidence(NamedTuple):
    """Why a word looks misspelled: its variant, the kind of change, and the
    lexicon codes (zipf x 20, 0 = absent) of both."""

    word: str
    variant: str
    kind: str
    code: int
    variant_code: int
    stem: int = 0
    """When the evidence is the stem's (`stem_evidence`): how many letters of
    clitics stand before it; `code` and `variant_code` are then the stem's
    and its variant's."""

    @property
    def zipf(self) -> float:
        return self.code / _SCALE

    @property
    def variant_zipf(self) -> float:
        return self.variant_code / _SCALE

    @property
    def log_ratio(self) -> float:
        """log10 of how much more frequent the variant is (inf when the word is absent)."""
        return math.inf if self.code == 0 else (self.variant_code - self.code) / _SCALE

    def ratio_text(self) -> str:
        word, variant = self.word[self.stem:], self.variant[self.stem:]
        if self.code == 0:
            said = f"\"{word}\" is not in the lexicon and \"{variant}\" is common (zipf {self.variant_zipf:.1f})"
        else:
            ratio = 10 ** self.log_ratio
            times = f"{ratio:,.0f}" if ratio >= 10 else f"{ratio:.1f}"
            said = f"\"{word}\" is {times}x rarer than \"{variant}\""
        return f"\"{self.word}\" is rarer than \"{self.variant}\" and its stem {said}" if self.stem else said


# ------------------------------------------------------------ variants

HAMZA, MADDA, TA_MARBUTA, ALIF_MAQSURA = lexicon.HAMZA, lexicon.MADDA, lexicon.TA_MARBUTA, lexicon.ALIF_MAQSURA
DAD_ZAH, DAL_DHAL = lexicon.DAD_ZAH, lexicon.DAL_DHAL

# Letter -> what it may have been written for, anywhere in the word. Only the
# direction of the everyday error: a bare carrier for a hamza seat (never a
# seat for a bare alif: hamzat wasl written إ is SPL002), one seat for another.
_SWAPS = {
    "ا": (("أ", HAMZA), ("إ", HAMZA), ("آ", MADDA)),
    "أ": (("إ", HAMZA), ("آ", MADDA)),
    "إ": (("أ", HAMZA),),
    "ي": (("ئ", HAMZA),),
    "و": (("ؤ", HAMZA),),
    "ئ": (("ؤ", HAMZA),),
    "ؤ": (("ئ", HAMZA),),
    "ض": (("ظ", DAD_ZAH),), "ظ": (("ض", DAD_ZAH),),
    "د": (("ذ", DAL_DHAL),), "ذ": (("د", DAL_DHAL),),
}
# Only in last place: the final forms that look alike, a hamza on ى for one
# on the line (شيئ, بطئ, جزئ: ء after a sukun or a long vowel stands alone),
# and a hamza on the line dropped after a long vowel (الثلاثا, شي, ضو).
_FINAL = {
    "ه": (("ة", TA_MARBUTA),),
    "ي": (("ى", ALIF_MAQSURA),),
    "ى": (("ي", ALIF_MAQSURA),),
    "ئ": (("ء", HAMZA),),
}
_DROPPED_HAMZA_AFTER = "ايو"

# What may stand before a word-initial hamza: و ف, then ب ل ك, then ال (or لل).
_PREFIXES = frozenset(conj + prep + art for conj in ("", "و", "ف") for prep in ("", "ب", "ل", "ك")
                      for art in ("", "ال")) | {"لل", "ولل", "فلل"}
def _worth_trying(word: str, index: int, other: str) -> bool:
    """False for changes that (almost) no Arabic word makes. A madda or a
    hamza on و inside a stem is tried after any letter (منشآت قرآن, مكافآت
    لآلئ; مؤكد شؤون, بؤرة فؤاد التنبؤ): only the letters one corpus showed
    were tried before, to save look-ups, which the build-time verdicts now
    pay for every listed form."""
    if other == "إ":
        return word[:index] in _PREFIXES
    if other == "ئ":  # ي for ئ anywhere but first (قايمة, رييس, الاستيناف, شاطي); ؤ for ئ next to an alif
        return index > 0 and (word[index] == "ي" or "ا" in word[index - 1:index + 2])
    if other == "ؤ":
        return index > 0
    return True


def orthographic_variants(word: str):
    """(variant, kind) for one letter-for-letter change of `word` (or one ء
    added at its end); a variant may repeat. Changes that no Arabic word
    makes are not tried (see `_worth_trying`)."""
    last = len(word) - 1
    for index, letter in enumerate(word):
        swaps = _SWAPS.get(letter, ())
        if index == last:
            swaps = swaps + _FINAL.get(letter, ())
        for other, kind in swaps:
            if _worth_trying(word, index, other):
                yield word[:index] + other + word[index + 1:], kind
    if len(word) > 1 and word[-1] in _DROPPED_HAMZA_AFTER:
        yield word + "ء", HAMZA
    at = word.find("اا", 1)
    if at > 0:  # a hamza on the line dropped between two alifs: الإجراات, اعتداات (plurals in -اءات)
        yield word[:at + 1] + "ء" + word[at + 1:], HAMZA


class _BisectedForms:
    """The forms with at least `min_code`, looked up in the table itself
    (a bisection a key): what `frequent_forms` gives until enough words
    were judged to pay for the dict."""

    def __init__(self, min_code: int):
        self.min_code = min_code

    def get(self, key: int, default=None):
        code = lexicon.table().code_of_key(key)
        return code if code >= self.min_code else default


_FREQUENT: dict[int, dict[int, int]] = {}
_JUDGED: dict[int, int] = {}
DICT_AFTER = 1000
"""Words judged before the dict of frequent forms is built (58k forms for
zipf 3.0, ~40 ms): a one-file run (pre-commit, an editor) judges a few
hundred and never pays for it; a batch pays once."""


def frequent_forms(min_code: int):
    """key -> code of the forms with at least `min_code` (`.get` only): a
    variant below it can never be the evidence. A dict once `DICT_AFTER`
    words were judged (a look-up is half the cost of the table's
    bisection), the table before."""
    found = _FREQUENT.get(min_code)
    if found is not None:
        return found
    judged = _JUDGED[min_code] = _JUDGED.get(min_code, 0) + 1
    if judged <= DICT_AFTER:
        return _BisectedForms(min_code)
    found = _FREQUENT[min_code] = lexicon.table().frequent(min_code)
    return found


_BLAKE2B = lexicon.blake2b_function()


def _best(word: str, candidates, frequent: dict[int, int], keyed: list | None = None) -> Evidence | None:
    """The most frequent candidate (the first on a tie) if more frequent than
    the word; the word's own code is looked up only when a candidate is
    frequent at all (most words have none). `keyed`, when given, receives
    (variant, kind, key) of every candidate: hashing is most of the cost,
    and `_absent_word_variant` needs the same keys."""
    key = lexicon.word_key
    best, best_code = None, 0
    for variant, kind in candidates:
        variant_key = key(variant, _BLAKE2B)
        if keyed is not None:
            keyed.append((variant, kind, variant_key))
        variant_code = frequent.get(variant_key, 0)
        if variant_code > best_code:
            best, best_code = (variant, kind), variant_code
    if best is None:
        return None
    word_key = key(word, _BLAKE2B)
    code = frequent.get(word_key) or lexicon.table().code_of_key(word_key)
    return Evidence(word, best[0], best[1], code, best_code) if best_code > code else None


def word_code(word: str) -> int:
    """The lexicon code of a bare word."""
    return lexicon.table().code(word)


def min_code(zipf: float) -> int:
    return max(1, round(zipf * _SCALE))


@lru_cache(maxsize=1 << 17)
def orthographic_evidence(word: str, min_variant_code: int = 60, rare_margin: int = 0) -> Evidence | None:
    """The most frequent letter-for-letter variant of a bare word with at
    least `min_variant_code`, if it is more frequent than the word itself
    (cached per word: a batch reuses most of its words); failing that and
    the stem's evidence, with `rare_margin`, a variant down to
    `min_variant_code - rare_margin` (`_rare_variant`)."""
    keyed: list = []
    found = _best(word, orthographic_variants(word), frequent_forms(min_variant_code), keyed)
    if found is None and len(word) > 3:
        found = _absent_word_variant(word, keyed) or _rare_dotless_ya(word, keyed)
    found = found or stem_evidence(word, min_variant_code)
    if found is None and rare_margin:
        found = _rare_variant(word, keyed, min_variant_code - rare_margin) or \
            stem_evidence(word, min_variant_code - rare_margin, rare=True)
    return found


RARE_MARGIN = 10
"""Half a zipf: SPL006 also takes a variant this much rarer than its
`min-variant-zipf` (2.5 at the default 3.0) when neither a frequent variant
nor the word's stem gives evidence and the variant restores a hamza or a
madda ("انصارها", 1.45, for "أنصارها", 2.85; "اضرام" for "إضرام"); the ratio
margins still apply. On the clean sentences of other regions: +9 of 3,116
errors found, no false alarm more; on the corpus +309 findings, a sample
of 20 all real (docs/orthography.md)."""


def _rare_variant(word: str, keyed: list, floor: int) -> Evidence | None:
    """The most frequent of the word's variants (`keyed`: variant, kind,
    key) with at least `floor`, when it is more frequent than the word and
    restores a hamza or madda the writer left out (`restores_omission`); a
    choice between two written letters, ة after the article included
    (الحاقه: إلحاقه with its pronoun, no الحاقة), needs the frequent
    variant, and so does a word whose most frequent variant is such a
    choice (امثله: امثلة)."""
    code_of_key = lexicon.table().code_of_key
    best = None
    for variant, kind, key in keyed:
        variant_code = code_of_key(key)
        if variant_code >= floor and (best is None or variant_code > best[2]):
            best = (variant, kind, variant_code)
    if best is None or best[1] not in (HAMZA, MADDA):
        return None
    evidence = Evidence(word, best[0], best[1], word_code(word), best[2])
    return evidence if evidence.variant_code > evidence.code and restores_omission(evidence) else None


DOTLESS_MIN_CODE = 40
"""zipf 2.0: the least frequent ي form that makes a rare definite word in ى
its dotless spelling (النصرى, zipf 1.3, for النصري, 2.3): nisba adjectives
and family names in -ي are many and each is rare."""


def _rare_dotless_ya(word: str, keyed: list) -> Evidence | None:
    """The ي form of a definite word ending in ى when the lexicon knows it at
    zipf >= 2 and better than the word (the margin is the caller's:
    `dotless-ya-log-ratio`). `keyed`: the word's variants with their keys,
    the ي form among them."""
    if not word.endswith("ى") or _ARTICLE.match(word) is None:
        return None
    variant = word[:-1] + "ي"
    code_of_key = lexicon.table().code_of_key
    code = word_code(word)
    variant_code = next((code_of_key(key) for form, _, key in keyed if form == variant), 0)
    if variant_code >= DOTLESS_MIN_CODE and variant_code > code:
        return Evidence(word, variant, ALIF_MAQSURA, code, variant_code)
    return None


# Clitics before a stem, longest first: the conjunction, a preposition, the article.
_CLITICS = sorted(_PREFIXES - {""}, key=len, reverse=True)
_CLITICS_BY_FIRST = {first: [c for c in _CLITICS if c[0] == first] for first in {c[0] for c in _CLITICS}}


def clitic_splits(word: str):
    """(clitic, stem) for each clitic `word` starts with, longest first,
    that leaves a stem of three letters or more (و ف, ب ل ك, ال: وبأسلوب
    -> وب + أسلوب, و + بأسلوب)."""
    for clitic in _CLITICS_BY_FIRST.get(word[:1], ()):
        if word.startswith(clitic) and len(word) - len(clitic) >= 3:
            yield clitic, word[len(clitic):]


def stem_evidence(word: str, min_variant_code: int, rare: bool = False) -> Evidence | None:
    """The stem's evidence for a word with clitics ("وباسلوب": و ب + اسلوب,
    10x rarer than أسلوب) when the whole word's variant is too rare to be
    evidence alone (وبأسلوب, zipf 2.95): a prefixed form is rarer than its
    stem, so the stem carries the frequencies. The whole variant must still
    be in the lexicon and more frequent than the word, so a stem that only
    looks prefixed (بارز: ب + ارز, أرز) stays quiet; and the change must
    restore an omission (a hamza on a bare alif, a madda, ة after the
    article): a choice between two written letters is the whole word's to
    make ("للأجراء", for the wage earners, is no "للإجراء")."""
    for clitic, stem in clitic_splits(word):
        found = _best(stem, orthographic_variants(stem), frequent_forms(min_variant_code))
        if found is None:
            continue
        whole = clitic + found.variant
        evidence = Evidence(word, whole, found.kind, found.code, found.variant_code, len(clitic))
        if word_code(whole) > word_code(word) and restores_omission(evidence) and \
                (not rare or found.kind in (HAMZA, MADDA)):
            return evidence
        return None
    return None


ABSENT_MIN_CODE = 40
"""zipf 2.0: enough evidence when the word as written is in no list at all
(582k forms) and its variant is (لمراسله, القابسى, متظررة for متضررة,
لإخظاعها for لإخضاعها): a rare word misspelled is still a word misspelled."""


def _absent_word_variant(word: str, keyed: list) -> Evidence | None:
    """The most frequent variant, of at least zipf 2, of a word that is
    absent from the lexicon (`keyed`: its variants with their keys)."""
    if word_code(word):
        return None
    best, code_of_key = None, lexicon.table().code_of_key
    for variant, kind, key in keyed:
        code = code_of_key(key)
        if code >= ABSENT_MIN_CODE and (best is None or code > best.variant_code):
            best = Evidence(word, variant, kind, 0, code)
    return best


# Changes that restore a mark the writer left out (a hamza on a bare carrier,
# a madda, the dots of final ي, a dropped ء): the bare form is common on the
# web because people type it so, so its own frequency is no proof that it is
# a word. The other changes choose between two written letters (أ/إ, ض/ظ,
# د/ذ, ه/ة, ي/ى): there a frequent form is a word (إن and أن, بذل and بدل,
# طريقه "his way" and طريقة).
_BARE = {"ا", "ي", "و", ""}


def changed_letters(evidence: Evidence) -> tuple[str, str]:
    """(letter of the word, letter of the variant) at the one place they
    differ; ("", "ء") for a hamza added (at the end, or between two alifs)."""
    word, variant = evidence.word, evidence.variant
    if len(variant) > len(word):
        return "", "ء"
    at = next(i for i, (a, b) in enumerate(zip(word, variant)) if a != b)
    return word[at], variant[at]


def swaps_seats(evidence: Evidence) -> bool:
    """أ for إ or the reverse: both are hamzas written on purpose, and the
    patterns أفعال (plural) and إفعال (verbal noun) make pairs of real words
    (أحكام/إحكام, أشكال/إشكال, أحداث/إحداث), so only a strong ratio counts."""
    return set(changed_letters(evidence)) == {"أ", "إ"}


def restores_omission(evidence: Evidence) -> bool:
    """True when the variant only adds what a careless writer leaves out."""
    was, now = changed_letters(evidence)
    if was == "":
        return True  # ء added
    word = evidence.word
    if evidence.kind in (HAMZA, MADDA):
        # ي for ئ is also how names are written (زايد, فايز, قايد السبسي): a choice
        return was in _BARE and now in "أإآؤ" or was in "او" and now == "ئ"
    # after the article a final ه cannot be the pronoun: الحكومه is الحكومة
    return evidence.kind == TA_MARBUTA and _ARTICLE.match(word) is not None


_ARTICLE = re.compile("^[وف]?[بكل]?ال|^[وف]?لل")


_IMPERFECT_HE = re.compile("^[وف]?[يت]")


def dotless_final_ya(evidence: Evidence) -> str:
    """"definite" or "verb" for a word ending in ى whose variant ends in ي,
    when it is a definite word or an imperfect verb of the third person
    (يحتوى, يعنى): the final ي written without its dots (the house style of
    many Egyptian sites: المصرى, بالتالى, يجرى); "" otherwise. Words with a
    real final ى exist (المستوى, السفلى, الغنى; يسعى, يبقى, and يمنى, the
    right hand), so this is a choice with its own margins
    (`dotless-ya-log-ratio`, `dotless-ya-verb-log-ratio`), not an omission.
    Forms V and VI in the past start with ت and end in ى (تفادى, تعاطى,
    توخى): those are left alone."""
    if evidence.kind != ALIF_MAQSURA or not evidence.word.endswith("ى") or not evidence.variant.endswith("ي"):
        return ""
    if _ARTICLE.match(evidence.word) is not None:
        return "definite"
    return "verb" if _IMPERFECT_HE.match(evidence.word) and len(evidence.word) >= 4 else ""


# Words after which a capitalised-in-English word comes: a name follows.
_TITLES = frozenset("""السيد السيدة الرئيس الشيخ الأستاذ الدكتور المدرب اللاعب الفنان الفنانة النائب النائبة الوزير
الوزيرة العقيد العميد اللواء الجنرال المخرج الكاتب الشاعر المطرب المطربة الممثل الممثلة النجم الأمير الملك السفير
الناطق القاضي المحامي الإعلامي الإعلامية ابن بن بنت أبو أبي أم سيدي مولاي بئر""".split())


def _looks_like_name(word: str, previous: str, names: frozenset) -> bool:
    """A given name before the word ("محمد علي"), or a title before a word
    without the article ("السيد علي"; "الناطق الرسمى" is an adjective)."""
    bare = lexicon.normalise(previous)
    if bare in names:
        return True
    title = bare in _TITLES or (bare[:1] in "وف" and bare[1:] in _TITLES)
    return title and _ARTICLE.match(word) is None


# Roles and professions written before a person's name ("الشابة سما", "الروائية إليف").
_ROLES = frozenset("""الشاب الشابة الروائي الروائية الكاتبة الصحفي الصحفية المذيع المذيعة المغني المغنية الباحث
الباحثة الطبيب الطبيبة المهندس النجمة اللاعبة المدربة الرسام الرسامة المصور المصورة الناشط الناشطة""".split())
_LATIN_IN_BRACKETS = re.compile(r"\s*[(\[]\s*[A-Za-z]")


def without_clitics(word: str) -> str:
    """A bare word without a leading و/ف and then ب/ل (بعمادة, وبمدينة)."""
    word = word[1:] if word[:1] in "وف" and len(word) > 3 else word
    return word[1:] if word[:1] in "بل" and len(word) > 3 else word


def one_of(word: str, nouns: frozenset) -> bool:
    """The bare word is one of `nouns`, as written or without its clitics
    (ولاية is one as written: without_clitics would take its و for "and")."""
    return word in nouns or without_clitics(word) in nouns


def after_role(word: str, previous: str) -> bool:
    """True when a word without the article stands where a person's name
    stands after a role ("الشابة سما", "الروائية إليف"). `previous` is bare."""
    return _ARTICLE.match(word) is None and one_of(previous, _ROLES)


def before_latin_spelling(word: str, text: str, end: int) -> bool:
    """True when a word without the article is followed by its Latin
    spelling in brackets, a name's ("إليف شافاق (Elif Shafak)" is two words
    on; the next word is enough: "Wi-Fi" counts too)."""
    if _ARTICLE.match(word):
        return False
    after = _NEXT_WORD.match(text, end)
    at = after.end() if after else end
    return _LATIN_IN_BRACKETS.match(text, at) is not None or _LATIN_IN_BRACKETS.match(text, end) is not None


READING_CODE = 70
"""zipf 3.5: a stem this frequent makes the word as written a word of its own
(سجنا, the accusative of سجن; منسوبه, "its level")."""


# After these a noun is genitive: an alif there cannot be the accusative's ("عن سجنا" is سجناء).
_PREPOSITIONS = frozenset("من في على إلى الى عن مع عند لدى حول ضد عبر خلال منذ نحو بين".split())


def needs_the_file(evidence: Evidence, previous: str, following: str) -> bool:
    """True for changes where the word as written is also a word in its own
    right, so that only the file's own spelling of the variant elsewhere is
    evidence enough (`following` is the next word, bare):
    - a seat chosen for another on a word the lexicon knows (إشكال/أشكال,
      الأجراء/الإجراء, وإنا/وأنا: both seats make words; read on the
      corpus, about a third of such findings were slips, الإربعاء most);
    - ء after a word of two letters (شي is Xi);
    - ء after a final alif, or a hamza on it, when the word (or its stem)
      without it is a frequent word: the alif is then the accusative's ("5
      سنوات سجنا", "خطا ساخنا", a hotline; "يوان ويسا"), unless
      a definite noun follows, which only a noun in construct takes ("شرا
      المعدات"), or a preposition comes before ("عن سجنا"); a word with
      the article takes no tanween ("الثلاثا" is الثلاثاء).
    Words are bare. (ة for a final ه without the article, "منسوبه" (its
    level), was measured too: tune recall of ة written ه fell from 0.84 to
    0.72, so the ratio margins alone decide there.)"""
    word = evidence.word
    if swaps_seats(evidence):
        return evidence.code > 0  # a word absent from the lexicon is no word of its own
    if evidence.variant == word + "ء" and len(word) <= 2:
        return True
    stem = word[evidence.stem:]
    if stem.endswith("ا") and evidence.variant in (word + "ء", word[:-1] + "أ"):
        accusative = _ARTICLE.match(word) is None and word_code(stem[:-1]) >= READING_CODE
        return accusative and not following.startswith("ال") and previous not in _PREPOSITIONS
    return False


def _tanween_alif(raw: str, evidence: Evidence) -> bool:
    """"شرًّا" / "شراً": the tanween shows the alif carries it, so no ء was
    dropped after it (شراء)."""
    return evidence.variant == evidence.word + "ء" and "\u064b" in raw[-2:]


# "ما" before a noun with the pronoun ه: "ما مجموعه 8 ملايين", "بما قيمته", "ما نسبته".
_RELATIVE_MA = frozenset("ما بما مما فيما".split())


def _masculine_nisba(word: str) -> bool:
    """A definite adjective of relation in the masculine ("الإنجليزي",
    "الموسيقي"): the article, three letters or more, a final ي not after a
    second ي ("الثانية" and "المصرية" end in ة; "الحي" is too short)."""
    bare = word[1:] if word[:1] in "وف" else word
    return bare.startswith("ال") and len(bare) >= 6 and bare.endswith("ي") and not bare.endswith("يي")


def _possessed(word: str) -> bool:
    """A noun made definite by a pronoun ("لطرحها", "برنامجهم"), not a
    feminine noun in ت before it ("طرحتها")."""
    for suffix in ("ها", "هم", "هما"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2 and word[-len(suffix) - 1] != "ت":
            return True
    return False


def right_in_context(evidence: Evidence, previous: str, following: str) -> str:
    """Why the word as written is right where it stands, from the words
    around it (bare), or "":
    - a final ه read as the pronoun "his/its" when "ما" comes before ("ما
      مجموعه", "بما قيمته": a relative clause) or a masculine adjective of
      relation follows ("مهاجمه الإنجليزي", "جوقه الموسيقي"): the noun in
      ة is feminine and would take "الإنجليزية";
    - a definite word ending in ي that the lexicon knows well (zipf >= 3.5)
      after a definite noun that is not feminine: an adjective of relation
      agreeing with it ("التعليم الأولي", "الطرح العام الأولي"), not
      "الأولى", which would follow a feminine noun ("المرة الأولى"); a noun
      with a pronoun is definite too ("لطرحها الأولي")."""
    word = evidence.word
    if evidence.kind == TA_MARBUTA and word.endswith("ه") and _ARTICLE.match(word) is None:
        if previous in _RELATIVE_MA:
            return "the pronoun after ما"
        if _masculine_nisba(following):
            return "the pronoun: a masculine adjective follows"
    if evidence.kind == ALIF_MAQSURA and word.endswith("ي") and evidence.variant.endswith("ى") \
            and _ARTICLE.match(word) is not None and evidence.code >= READING_CODE \
            and evidence.log_ratio < NISBA_MAX_LOG_RATIO and not _BROKEN_PLURAL.match(previous) \
            and ((_ARTICLE.match(previous) is not None and not previous.endswith(("ة", "ه", "ات")))
                 or _possessed(previous)):
        return "an adjective of relation after a masculine noun"
    return ""


NISBA_MAX_LOG_RATIO = 1.5
"""An adjective of relation in ي is a word of its own (الأولي, 22x rarer than
الأولى); "الأخري" (56x rarer than الأخرى) is the slip, whatever noun comes
before it."""
# Broken plurals of things take a feminine adjective ("الأيام الأولى", "المراكز
# الأولى", "الأطراف الأخرى"): the patterns أفعال, مفاعل/مفاعيل and فعائل.
_BROKEN_PLURAL = re.compile("^[وف]?(?:ال)?(?:أ..ا.|م.ا..|م.ا.ي.|..ائ.)$")


_DUTCH_PARTICLES = frozenset("دير دي دن".split())


def in_foreign_name(evidence: Evidence, text: str, start: int) -> bool:
    """"فان" (van) inside a foreign name: a first name without the article
    right before it, and before that a title or an adjective of nationality
    ("الهولندي فيرجيل فان دايك", "الدكتور بيتر فان دام", "المخرج الأمريكي
    تود فان ألين"). فإن opens a clause after a comma or a phrase ("حسب
    المعطيات الأولية فان": the word before has the article), never after a
    bare name that follows a title. Or "فان" before the particle of a Dutch
    name ("يان فان دير مير", "فان دن بيرغ"), whatever stands before it."""
    if evidence.kind != HAMZA or evidence.variant != "فإن":
        return False
    after = _SPACED_NEXT.match(text, start + len(evidence.word), start + len(evidence.word) + 24)
    if after is not None and lexicon.normalise(after.group(1)) in _DUTCH_PARTICLES:
        return True  # "فان دير مير", "فان دن بيرغ": the particles of a Dutch name follow
    before = _PREVIOUS_WORD.search(text, max(0, start - 40), start)
    if before is None or _ARTICLE.match(before.group(1)) or text[before.end(1):start].strip():
        return False  # no bare first name right before (a comma or a mark stands between)
    two = _PREVIOUS_WORD.search(text, max(0, before.start(1) - 40), before.start(1))
    if two is None or text[two.end(1):before.start(1)].strip():
        return False
    word = lexicon.normalise(two.group(1))
    return word in _TITLES or (word.startswith("ال") and word.endswith(("ي", "ية")) and len(word) >= 6)


def _spelled_letters(word: str, previous: str, following: str) -> bool:
    """A run of short words is Latin letters spelled out ("اف ام" for FM,
    "بي بي سي"): ام there is no misspelled أم."""
    return len(word) <= 2 and (0 < len(previous) <= 2 or 0 < len(following) <= 2)


def confidence(evidence: Evidence, in_document: bool) -> float:
    """0-1 from the evidence: the log-ratio of frequencies (an absent word
    counts as 3, i.e. 1000x), +1 when the document writes the variant
    elsewhere; 1 - 10^-(score/2), so 10x -> 0.68, 100x -> 0.9, 1000x -> 0.97."""
    score = min(evidence.log_ratio, 3.0) + (1.0 if in_document else 0.0)
    return round(1 - 10 ** (-score / 2), 2)


_NOT_LETTER = f"[^{ARABIC_LETTERS}{DIACRITICS}{TATWEEL}]"
_PREVIOUS_WORD = re.compile(f"([{ARABIC_LETTERS}{DIACRITICS}{TATWEEL}]+){_NOT_LETTER}*$")
_NEXT_WORD = re.compile(f"{_NOT_LETTER}*([{ARABIC_LETTERS}{DIACRITICS}{TATWEEL}]+)")
# Prepositions spelled with ى that are also other words when written with ي
# (علي the name, إلي "to me", لدي "I have"): before a definite noun only the
# preposition fits.
_MAQSURA_PREPOSITIONS = frozenset({"على", "إلى", "لدى"})


def _occurrences(text: str, word: str):
    """Start offsets of `word` standing alone in `text`."""
    found, at = [], text.find(word)
    while at != -1:
        end = at + len(word)
        if (at == 0 or not _WORD_CHAR.match(text, at - 1)) and not _WORD_CHAR.match(text, end):
            found.append(at)
        at = text.find(word, end)
    return found


def _neighbours(text: str, start: int, end: int) -> tuple[str, str]:
    """The words just before and after text[start:end] ("" at a line edge)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    before = _PREVIOUS_WORD.search(text, max(line_start, start - 40), start)
    after = _NEXT_WORD.match(text, end, line_end if line_end != -1 else len(text))
    return (before.group(1) if before else ""), (after.group(1) if after else "")


_LETTER_RUN = f"[{ARABIC_LETTERS}{DIACRITICS}{TATWEEL}]+"
_SPACED_PREVIOUS = re.compile(f"({_LETTER_RUN})[ \t\u00a0]+$")
_SPACED_NEXT = re.compile(f"[ \t\u00a0]+({_LETTER_RUN})")
_SPACED_NUMBER = re.compile("[ \t\u00a0]+[0-9\u0660-\u0669]")


def phrase_neighbours(text: str, start: int, end: int) -> tuple[str, str, str]:
    """The word just before text[start:end], the one after it and the one
    after that, when only spaces stand between ("" otherwise: a comma, a
    quote or a line break ends the phrase); NUMBER for a number right
    after it."""
    before = _SPACED_PREVIOUS.search(text, max(0, start - 40), start)
    after = _SPACED_NEXT.match(text, end)
    then = _SPACED_NEXT.match(text, after.end()) if after else None
    words = tuple(m.group(1) if m else "" for m in (before, after, then))
    return words if after or not _SPACED_NUMBER.match(text, end) else (words[0], NUMBER, "")


def lookalike_of(word: str) -> tuple[str, str] | None:
    """(conjunction, look-alike) for علي/إلي/الي/لدي, and وعلي, else None
    (والي is the governor, ولدي "my son", فعلي "actual": no conjunction
    there)."""
    if word in _context.LOOKALIKES:
        return "", word
    if word == "وعلي":
        return "و", "علي"
    return None


# Words starting with أ that are no verb in the first person ("على أن أي ...").
_NOT_FIRST_PERSON = frozenset("أي أية أيضا أكثر أحد إحدى أول أولى أمام أجل أهم أبرز".split())
# After these the look-alike is a name: the following word must not be a
# given name either ("علي حسن").
_NAME_AFTER = frozenset({"بن", "ابن", "بنت"})
CONTEXT_MIN_COUNT = 5
CONTEXT_RATIO = 5


NUMBER = "#"
"""What `phrase_neighbours` gives for a number after the look-alike."""

DEFAULT_VARIANT_ZIPF = 3.0
"""SPL006's default `min-variant-zipf`; SPL007 and SPL008 ask whether a word
has SPL006's evidence at it."""


def bare_neighbours(text: str, start: int, raw: str) -> tuple[str | None, str | None]:
    """The bare words next to text[start:start + len(raw)] with only spaces
    between, as the word-pair table counts them (None at a gap: punctuation,
    a number, a line end): the context of SPL007's and SPL008's pairs."""
    before, after, _ = phrase_neighbours(text, start, start + len(raw))
    return lexicon.normalise(before) or None, (lexicon.normalise(after) or None) if after != NUMBER else None


def preposition_by_collocation(word: str, previous: str, following: str, then: str, names: frozenset,
                               min_count: int = CONTEXT_MIN_COUNT, ratio: float = CONTEXT_RATIO):
    """(preposition, why, confidence) when the word after a look-alike is
    one the preposition takes in real news and the look-alike does not
    ("علي متن": على متن 40 times, علي متن never), else None. When the
    corpus has also seen the look-alike before that word (a name: "وقال
    فرج علي أن"), the word before must take the preposition too ("أكد
    علي أن": أكد على 30 times). No verb in the first person may come next
    ("يجب علي أن أعمل": عليّ, on me). Quiet before a given name or بن ("علي
    حسن", "علي بن سالم": a full name). Words are bare; "" when a mark
    other than a space stands between (a comma ends the phrase), NUMBER
    for a number (then only the word before can decide: "القبض علي 518").
    The word before counts with and without a leading و/ف ("وقادرا علي":
    قادرا على and وقادرا على)."""
    found = lookalike_of(word)
    if found is None or not following or following in names or following in _NAME_AFTER:
        return None
    following = "" if following == NUMBER else following  # "القبض علي 518 شخصا": only the word before can say
    conjunction, lookalike = found
    previous, aside = (previous if not conjunction else ""), ""
    counts = _context.evidence(lookalike, previous, following)
    if previous[:1] in ("و", "ف") and len(previous) > 3:  # "وقادرا علي": as after قادرا too
        bare = _context.evidence(lookalike, previous[1:], following)
        counts = counts._replace(before_preposition=counts.before_preposition + bare.before_preposition,
                                 before_lookalike=counts.before_lookalike + bare.before_lookalike)
        previous, aside = previous[1:], f" (with or without {previous[0]})"
    by_previous = counts.before_preposition >= max(min_count, ratio * (counts.before_lookalike + 1))
    by_following = counts.after_preposition >= max(min_count, ratio * (counts.after_lookalike + 1))
    if by_following:
        if counts.after_lookalike and not by_previous:
            return None
        seen, written, lookalike_written = (f"{{}} {following}", counts.after_preposition, counts.after_lookalike)
        aside = ""
    elif by_previous and counts.after_lookalike == 0 and not (lookalike == "علي" and _may_be_family_name(following)):
        # "القبض علي المتورطين": القبض على 404 times; but "كان علي لاريجاني" is a name
        seen, written, lookalike_written = (f"{previous} {{}}", counts.before_preposition, counts.before_lookalike)
    else:
        return None  # neither word takes the preposition (or the next one follows the name too)
    if counts.after_lookalike and then[:1] == "أ" and then not in _NOT_FIRST_PERSON:
        return None  # "يجب علي أن أعمل": عليّ, "on me", before a verb in the first person
    times = "never" if lookalike_written == 0 else f"{lookalike_written} times"
    why = (f"the news corpus writes \"{seen.format(counts.preposition)}\" {written} times and "
           f"\"{seen.format(lookalike)}\" {times}{aside}")
    certainty = round(min(0.95, 1 - (lookalike_written + 1) / (written + 2)), 2)
    return conjunction + counts.preposition, why, certainty


def _may_be_family_name(word: str) -> bool:
    """A word after علي that may be a family name, so that the word before
    cannot decide alone: a rare or unknown word ("لاريجاني", "المغيفري"),
    one in ي (a nisba), or the particle that joins a name to the father's
    ("علي بن سالم", the Mauritanian "علي ولد محمد")."""
    return bool(word) and word != NUMBER and (nisba_like(word) or word_code(word) < FAMILY_NAME_CODE
                                              or word in _NAME_LINKS)


_NAME_LINKS = frozenset("بن ابن بنت ولد".split())


def nisba_like(word: str) -> bool:
    """A word in ي that is not a word in ى written with dots ("الحسيني",
    not "مستوي": مستوى is the more frequent)."""
    return word.endswith("ي") and word_code(word[:-1] + "ى") <= word_code(word)


FAMILY_NAME_CODE = 60
"""zipf 3: rarer words after علي are most often family names."""


COMMON_NOUN_CODE = 70
"""zipf 3.5: a definite word this frequent after علي, not a nisba in ي, seen
after the preposition in the news corpus and never after the name, is a
common noun the preposition governs ("علي الوضع"), not a family name ("علي
العريض" is in the corpus table after the name, "علي الهمامي" ends in ي,
"علي الحاج" and "علي الطاهر" were never seen after the preposition)."""


def common_noun_after(word: str, following: str) -> bool:
    """For علي/الي before a definite word: the word is a common noun, so
    the look-alike is the preposition even in a file that writes it right
    elsewhere (where علي is otherwise taken for the name). Words are bare."""
    found = lookalike_of(word)
    if found is None or not following.startswith("ال") or nisba_like(following) or \
            word_code(following) < COMMON_NOUN_CODE:
        return False
    counts = _context.evidence(found[1], "", following)
    return counts.after_lookalike == 0 and counts.after_preposition > 0  # the table holds pairs seen 3+ times


def preposition_in_context(word: str, following: str) -> str | None:
    """على/إلى/لدى for علي/الي/إلي/لدي (وعلى for وعلي) before a definite
    noun, else None; for علي not before a definite word in ي, the nisba of
    a family name ("علي الحسيني"; an adjective in ي does not follow the
    preposition, its noun does; الي and إلي are never names)."""
    if not following.startswith("ال") or word[-1:] != "ي" or (word in ("علي", "وعلي") and nisba_like(following)):
        return None
    if word == "وعلي":
        return "وعلى"
    candidates = (word[:-1] + "ى", "إ" + word[1:-1] + "ى") if word[0] in "اإ" else (word[:-1] + "ى",)
    for candidate in candidates:
        if candidate in _MAQSURA_PREPOSITIONS:
            return candidate
    return None


MAX_WORD = 24
"""Longer runs of letters are no word (the longest Arabic words with their
clitics have about 15 letters); each costs as many variants as letters, each
as long as the run, so they are skipped to keep a file linear."""


def _lead(raw: str, min_variant_code: int):
    """(bare form, evidence or None, may be a preposition) for a word worth a
    closer look in its document, None for the rest (most words)."""
    bare = lexicon.normalise(raw)
    if len(bare) > MAX_WORD or _known_quiet(bare, min_variant_code):
        return None
    evidence = orthographic_evidence(bare, min_variant_code, RARE_MARGIN)
    preposition = lookalike_of(bare) is not None
    if evidence is None:
        return (bare, None, preposition, None) if preposition else None
    return bare, evidence, preposition, _Change(restores_omission(evidence), swaps_seats(evidence),
                                                dotless_final_ya(evidence))


def _known_quiet(bare: str, min_variant_code: int) -> bool:
    """A lexicon form that the build-time verdicts found quiet (`_verdicts`)."""
    lead_keys = _verdicts.lead_keys(min_variant_code)
    if lead_keys is None:
        return False
    key = lexicon.word_key(bare, _BLAKE2B)
    return key not in lead_keys and lexicon.table().code_of_key(key) > 0


class _Change(NamedTuple):
    """What the change of an evidence is, computed once per word."""

    omission: bool
    seat_swap: bool
    dotless_ya: str


class _Leads:
    """The words of a document worth a closer look, with a memory across
    documents (the verdict depends on the word alone): the words known to be
    quiet are removed with one set difference, in C, so a document costs
    little more than finding its words. Bounded: forgotten past `limit`."""

    def __init__(self, limit: int = 1 << 19):
        self.limit = limit
        self.quiet: dict[int, set] = {}
        self.found: dict[int, dict] = {}

    def of(self, raws: set, min_variant_code: int) -> list:
        quiet = self.quiet.setdefault(min_variant_code, set())
        found = self.found.setdefault(min_variant_code, {})
        if len(quiet) + len(found) > self.limit:
            quiet.clear()
            found.clear()
        leads = []
        for raw in raws - quiet:
            lead = found.get(raw) or _lead(raw, min_variant_code)
            if lead is None:
                quiet.add(raw)
            else:
                found[raw] = lead
                leads.append((raw, lead))
        return leads


_LEADS = _Leads()


class _Spellings:
    """The file's own spellings, for consistency: its words as written, and
    without harakat and tatweel (two scans in C, only when the file has marks
    and a form was not found as written)."""

    def __init__(self, raws: set, text: str):
        self.raws, self.text, self._bare = raws, text, None

    def __contains__(self, form: str) -> bool:
        if form in self.raws:
            return True
        if self._bare is None:
            marked = _MARKS.search(self.text) is not None
            self._bare = set(_WORD.findall(_MARKS.sub("", self.text))) if marked else set()
        return form in self._bare
_MARKS = re.compile(f"[{DIACRITICS}{TATWEEL}]")
