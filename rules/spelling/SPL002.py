"""SPL002 (hamzat-wasl)."""
from __future__ import annotations

import re

from newslint.arabic import DIACRITICS, TATWEEL, scan_back
from newslint.rule import Rule, hit, replace
from newslint.rules.spelling._common import A, _bare
from newslint.rules.spelling._orthography import _SCALE, min_code, word_code

_WORD = re.compile(f"[{A}{DIACRITICS}{TATWEEL}]+")
_WORD_CHAR = re.compile(f"[{A}{DIACRITICS}{TATWEEL}]")

_PREFIX = "(?:[وف]?[بلك]?(?:ال)?|لل)"
_C = f"(?!ا)[{A}]"                      # a radical: any letter but alif
_NOUN_END = "(?:ات|ة|ي|ية|يات|يين|يون|يت|ت)?(?:ه|ها|هم|هما|هن|ك|كم|نا)?"
_VERB_END = "(?:ت|وا|ا|تا|ن|نا)?(?:ه|ها|هم|هما|هن|ك|كم|نا)?"
# form VIII: the infixed ت becomes ط after an emphatic and د after ز/د/ذ
_VIII = f"إ(?:{_C}ت|[صضطظ]ط|[زدذ]د)"
_WASL_PATTERNS = (
    (re.compile(f"^{_PREFIX}(إست{_C}{_C}ا{_C}{_NOUN_END})$"), "form X verbal noun (استفعال)"),
    (re.compile(f"^{_PREFIX}(إست{_C}ا{_C}(?:ة|ات)?{_NOUN_END})$"), "form X verbal noun (استفالة)"),
    (re.compile(f"^[وف]?(إست{_C}{_C}{_C}?{_VERB_END})$"), "form X verb (استفعل)"),
    (re.compile(f"^{_PREFIX}({_VIII}{_C}ا{_C}{_NOUN_END})$"), "form VIII verbal noun (افتعال)"),
    (re.compile(f"^{_PREFIX}(إن{_C}{_C}ا{_C}{_NOUN_END})$"), "form VII verbal noun (انفعال)"),
    (re.compile(f"^[وف]?({_VIII}{_C}{_C}{_VERB_END})$"), "form VIII verb (افتعل)"),
)
# Words that always start with hamzat wasl (written ا, never إ).
_WASL_WORDS = {
    "إقرأ": "اقرأ", "إكتب": "اكتب", "إنظر": "انظر", "إسمع": "اسمع", "إذهب": "اذهب", "إعلم": "اعلم",
    "إعرف": "اعرف", "إجلس": "اجلس", "إشرب": "اشرب", "إسم": "اسم", "إسمه": "اسمه", "إسمها": "اسمها",
    "إبن": "ابن", "إبنة": "ابنة", "إبنه": "ابنه", "إبنها": "ابنها", "إمرأة": "امرأة", "إمرأه": "امرأة",
    "إثنان": "اثنان", "إثنين": "اثنين", "إثنتين": "اثنتين", "إثنتان": "اثنتان", "إتفاق": "اتفاق",
    "إتفاقية": "اتفاقية", "إتفاقيات": "اتفاقيات", "إتحاد": "اتحاد", "إتجاه": "اتجاه", "إتصال": "اتصال",
    "إتصالات": "اتصالات", "إتهام": "اتهام", "إتهامات": "اتهامات", "إتخاذ": "اتخاذ", "إتساع": "اتساع",
}
# Real words that the patterns would catch: form IV nouns and loanwords.
_NOT_WASL = {"إستونيا", "إستوديو", "إستاد", "إنديان", "إنديانا", "إسترليني", "إسترلينية", "إستر", "إستيفان",
             "إنجلترا", "إنترنت", "إنتر", "إنفلونزا", "إنفلوانزا", "إندونيسيا", "إنستغرام", "إنستجرام", "إنكلترا"}
_ARTICLE_PREFIX = re.compile("^([وف]?[بلك]?ال|[وف]?[بلك]?|لل)")


def wasl_correction(word: str) -> tuple[str, str] | None:
    """(corrected word, reason) when `word` writes hamzat wasl as إ (by the
    rule of the spelling; `accepted_in_use` asks the lexicon about usage)."""
    bare = _bare(word)
    prefix = _ARTICLE_PREFIX.match(bare).group()
    stem = bare[len(prefix):]
    if stem in _NOT_WASL or not stem.startswith("إ"):
        return None
    if stem in _WASL_WORDS:
        return prefix + _WASL_WORDS[stem], "this word starts with hamzat wasl"
    for pattern, form in _WASL_PATTERNS:
        m = pattern.match(bare)
        if m and m.group(1) == stem:
            if word_code(stem) > word_code("ا" + stem[1:]):
                return None  # the web writes it with hamza more often: a name or a loanword (إنزكان, إيتيان)
            return prefix + "ا" + stem[1:], f"the {form} pattern starts with hamzat wasl"
    return None


def accepted_in_use(written: str, right: str, max_log_ratio: float, min_zipf: float) -> bool:
    """Whether news text writes the hamza spelling of the whole word nearly
    as often as the standard one: listed at zipf >= `min_zipf` and less than
    `max_log_ratio` powers of ten rarer ("الإثنين", the weekday, 4.55
    against "الاثنين" 4.8; not "إقرأ", 4.05 against 4.6)."""
    if max_log_ratio <= 0:
        return False
    code = word_code(written)
    return code >= min_code(min_zipf) and word_code(right) - code < max_log_ratio * _SCALE


class HamzatWasl(Rule):
    """Hamzat wasl written as hamza under alif (إ).

    What: imperatives of form I ("إقرأ" for "اقرأ"), words that always
    start with hamzat wasl ("إسم", "إبن", "إثنين", "إتفاق"), and the verbal
    nouns and verbs of derived forms VII, VIII and X ("إستخدام", "إجتماع",
    "إنتخابات", "إجتمع"), with or without و/ف/ب/ل/ك and ال.

    Why: the standard spelling is with a plain alif; search for "استخدام"
    misses "إستخدام", and a model trained on the mix learns both.

    Evidence: the patterns of the derived forms, then the lexicon: a word
    that fits a pattern but that the web writes with its hamza more often
    than without is a name or a loanword whose first letter only looks like
    a prefix (the Moroccan town "إنزكان", the name "إيتيان"), and is left
    alone; the words of the fixed list are always hamzat wasl. Then usage:
    a whole word (clitics included) whose hamza spelling the lexicon lists
    at zipf >= `accepted-min-zipf` (3.0) and less than `accepted-log-ratio`
    (0.3: half as often) powers of ten under the standard spelling is a
    spelling news text has accepted, and is left alone: the weekday
    "الإثنين" (4.55 against "الاثنين" 4.8; written so by many sites to
    tell it from the number, and by every writer of the other regions'
    clean articles, docs/precision.md), not "إقرأ" (4.05 against 4.6) nor
    "الإتصال" (4.75 against 5.1).

    Tune: `accepted-log-ratio` (0 reports every hamzat wasl written إ, as
    the strict rule of the spelling wants) and `accepted-min-zipf`. Ignore
    the rule, or use per-file-ignores, for a source whose house style writes
    إ on purpose; a name or loanword that fits a pattern and that the
    lexicon does not rescue belongs in `_NOT_WASL`, the fixed list of
    exceptions.

    Fires: "إقرأ المزيد", "الإجتماع", "بإستقالة". Does not fire: form IV
    verbal nouns that really take hamza ("إعلان", "إنتاج", "إنشاء",
    "الإفتاء"), alif-lam plus hamzat qat ("الأرميني", "والأذربيجاني"),
    "بأحياء الدشيرة وإنزكان", or "يوم الإثنين".

    Fix (unsafe): write the alif without hamza.
    """

    code = "SPL002"
    name = "hamzat-wasl"
    category = "spelling"
    fixable = "unsafe"
    options = {
        "accepted-log-ratio": {"type": "number", "minimum": 0, "default": 0.3,
                               "description": "a hamza spelling less than this many powers of ten rarer than the "
                                              "standard one in the lexicon is accepted usage (0: report every one)"},
        "accepted-min-zipf": {"type": "number", "minimum": 0, "default": 3.0,
                              "description": "the lowest zipf of a hamza spelling that can count as accepted usage"},
    }

    def check(self, doc, options):
        max_log_ratio, min_zipf = options["accepted-log-ratio"], options["accepted-min-zipf"]
        text = doc.text
        at = text.find("إ")
        while at != -1:
            start = scan_back(text, at, _WORD_CHAR)
            m = _WORD.match(text, start)
            at = text.find("إ", m.end())
            found = wasl_correction(m.group())
            if found and not accepted_in_use(_bare(m.group()), found[0], max_log_ratio, min_zipf):
                right, why = found
                line, column = doc.position(m.start())
                end = column + len(m.group())
                yield hit(line, column, end, f"\"{m.group()}\" should be written \"{right}\": {why}",
                          replace(line, column, line, end, right, f"write \"{right}\"", "unsafe"))
