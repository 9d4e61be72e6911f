"""Spelling family (SPL): high-precision checks, not a dictionary dump.

Each check relies on a pattern or a context that is wrong in itself
(a duplicated function word, hamzat qat on a derived-form verbal noun, a
truncated dual before two coordinated adjectives), never on "this word is
not in our list"."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cached_property, lru_cache
from operator import eq
from importlib import resources

from newslint.arabic import ARABIC_LETTERS, DIACRITICS, TATWEEL
from newslint.hookspecs import hookimpl
from newslint.models import Edit, Fix
from newslint.rule import Rule, hit

A = ARABIC_LETTERS
_WORD = re.compile(f"[{A}{DIACRITICS}{TATWEEL}]+")
_WORD_CHAR = re.compile(f"[{A}{DIACRITICS}{TATWEEL}]")
_STRIP_MARKS = re.compile(f"[{DIACRITICS}{TATWEEL}]")


@lru_cache(maxsize=None)
def _data_lines(name: str) -> tuple[str, ...]:
    text = resources.files("newslint.rules.data").joinpath(name).read_text(encoding="utf-8")
    return tuple(line for line in (l.strip() for l in text.splitlines()) if line and not line.startswith("#"))


@lru_cache(maxsize=None)
def _data_set(name: str) -> frozenset:
    return frozenset(_data_lines(name))


def _bare(word: str) -> str:
    return _STRIP_MARKS.sub("", word)


_NON_SPACE = re.compile(r"\S+")


class _Tokens:
    """The white-space separated tokens of one line, found once (on first
    use), for the words around a match: `text[:pos].split()` at every match
    would make a line with many matches quadratic."""

    def __init__(self, text: str):
        self.text = text

    @cached_property
    def _spans(self) -> tuple[list[int], list[int]]:
        spans = [m.span() for m in _NON_SPACE.finditer(self.text)]
        return [s for s, _ in spans], [e for _, e in spans]

    def before(self, pos: int) -> str:
        """The last token of text[:pos] ("" if none), as
        `text[:pos].split()[-1]` would give."""
        starts, ends = self._spans
        i = bisect_left(starts, pos) - 1  # the last token starting before pos
        return self.text[starts[i]:min(ends[i], pos)] if i >= 0 else ""

    def after(self, pos: int) -> str:
        """The first token of text[pos:] ("" if none)."""
        starts, ends = self._spans
        i = bisect_right(ends, pos)  # the first token ending after pos
        return self.text[max(starts[i], pos):ends[i]] if i < len(ends) else ""


# ----------------------------------------------------------------- SPL001

_FUNCTION_WORDS = {
    "في", "من", "إلى", "الى", "على", "علي", "عن", "مع", "أن", "ان", "إن", "أنه", "انه", "أنها", "إنه", "التي", "الذي",
    "الذين", "اللذين", "اللتين", "قد", "لقد", "ما", "لم", "لن", "هو", "هي", "هم", "ثم", "أو", "او", "بل", "كما", "حيث",
    "هذا", "هذه", "ذلك", "تلك", "كان", "كانت", "وقد", "وفي", "ومن", "أي", "كل", "بعد", "قبل", "عند", "منذ", "حتى",
    "إذا", "اذا", "لكن", "لأن", "لان", "و", "يوم", "عام", "سنة", "مثل", "بين",
}
# Reduplications that are correct Arabic.
_ALLOWED_PAIRS = {"لا", "بين", "رويدا", "رويداً", "شيئا", "شيئاً", "قليلا", "قليلاً", "يوما", "يوماً", "حرفا",
                  "حرفاً", "خطوة", "قطرة", "فصلا", "فصلاً", "بابا", "باباً", "كلمة", "شبرا", "جنبا", "جنباً",
                  "صفا", "صفاً", "دكا", "دكاً", "فردا", "فرداً", "ألف", "مرة", "طبقا"}
# Latin-letter names spelled out ("سي أن أن" = CNN, "بي بي سي" = BBC).
_ACRONYM_LETTERS = {"سي", "بي", "إن", "أن", "آن", "اي", "آي", "إي", "أي", "إم", "ام", "تي", "دي", "جي", "في", "إف"}
_DUPLICATE = re.compile(f"(?<![{A}{DIACRITICS}{TATWEEL}])([{A}{DIACRITICS}{TATWEEL}]+)([ \\t\u00a0]+)\\1"
                        f"(?![{A}{DIACRITICS}{TATWEEL}])")
_QUOTES = "\"«»“”'"
_TOKEN = re.compile(f"[{A}{DIACRITICS}{TATWEEL}]+")


class DuplicatedWord(Rule):
    """The same word twice in a row.

    What: "أن أن", "في في", "الأمريكية الأمريكية". Correct reduplications
    ("رويداً رويداً", "شيئاً شيئاً", "بين بين", "لا لا", "فصلا فصلا"), spelled-out
    Latin acronyms ("سي أن أن", "بي بي سي"), doubled given names ("أحمد
    أحمد") and quoted titles ("سينما سينما") are accepted.

    Why: a doubled word is a typing or scraping slip that every reader sees
    and every n-gram model learns.

    Fires: "وأشار البيان إلى أن أن الطرفين تبادلا أيضا وجهات النظر".
    Does not fire: "ذكرت قناة \\"سي أن أن\\" الأمريكية", "برئاسة أحمد أحمد".

    Fix (unsafe): delete the second word.
    """

    code = "SPL001"
    name = "duplicated-word"
    category = "spelling"
    fixable = "unsafe"

    def check(self, doc, options):
        names = _data_set("given_names.txt")
        for line in doc.lines:
            text = line.text
            tokens = text.split()
            if not any(map(eq, tokens, tokens[1:])):
                continue  # cheap test first (in C): no two equal words in a row
            around = _Tokens(text)
            for m in _DUPLICATE.finditer(text):
                word = _bare(m.group(1))
                if self._accepted(text, m, word, names, around):
                    continue
                yield hit(line.number, m.start() + 1, m.end() + 1, f"duplicated word \"{m.group()}\"",
                          Fix("unsafe", f"keep one \"{m.group(1)}\"",
                              (Edit(line.number, m.start(2) + 1, line.number, m.end() + 1, ""),)))

    @staticmethod
    def _accepted(text: str, m, word: str, names: set, around: _Tokens) -> bool:
        if word in _ALLOWED_PAIRS or word in names:
            return True
        if len(word) <= 2 and word not in _FUNCTION_WORDS:
            return True
        before, after = around.before(m.start()), around.after(m.end())
        neighbours = {_bare(before).strip(_QUOTES), _bare(after).strip(_QUOTES)}
        if word in _ACRONYM_LETTERS and neighbours & (_ACRONYM_LETTERS | {"سي", "بي"}):
            return True
        opens = m.start() > 0 and text[m.start() - 1] in _QUOTES
        return opens and after[:1] in tuple(_QUOTES)  # a quoted title: "سينما سينما"


# ----------------------------------------------------------------- SPL002

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
    """(corrected word, reason) when `word` writes hamzat wasl as إ."""
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
            return prefix + "ا" + stem[1:], f"the {form} pattern starts with hamzat wasl"
    return None


class HamzatWasl(Rule):
    """Hamzat wasl written as hamza under alif (إ).

    What: imperatives of form I ("إقرأ" for "اقرأ"), words that always
    start with hamzat wasl ("إسم", "إبن", "إثنين", "إتفاق"), and the verbal
    nouns and verbs of derived forms VII, VIII and X ("إستخدام", "إجتماع",
    "إنتخابات", "إجتمع"), with or without و/ف/ب/ل/ك and ال.

    Why: the standard spelling is with a plain alif; search for "استخدام"
    misses "إستخدام", and a model trained on the mix learns both.

    Fires: "إقرأ المزيد", "الإجتماع", "بإستقالة". Does not fire: form IV
    verbal nouns that really take hamza ("إعلان", "إنتاج", "إنشاء",
    "الإفتاء"), or alif-lam plus hamzat qat ("الأرميني", "والأذربيجاني").

    Fix (unsafe): write the alif without hamza.
    """

    code = "SPL002"
    name = "hamzat-wasl"
    category = "spelling"
    fixable = "unsafe"

    def check(self, doc, options):
        text = doc.text
        at = text.find("إ")
        while at != -1:
            start = at
            while start > 0 and _WORD_CHAR.match(text, start - 1):
                start -= 1
            m = _WORD.match(text, start)
            at = text.find("إ", m.end())
            found = wasl_correction(m.group())
            if found:
                right, why = found
                line, column = doc.position(m.start())
                end = column + len(m.group())
                yield hit(line, column, end, f"\"{m.group()}\" should be written \"{right}\": {why}",
                          Fix("unsafe", f"write \"{right}\"", (Edit(line, column, line, end, right),)))


# ----------------------------------------------------------------- SPL003

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
                          Fix("unsafe", f"write \"{word}ن\"", (Edit(line.number, end + 1, line.number, end + 1, "ن"),)))


# ----------------------------------------------------------------- SPL004

@lru_cache(maxsize=None)
def _misspellings() -> tuple[re.Pattern, dict]:
    table = {}
    for row in _data_lines("misspellings.tsv"):
        wrong, right, *_ = row.split("\t")
        table[wrong] = right
    alternatives = "|".join(sorted((re.escape(w).replace("\\ ", "\\s+") for w in table), key=len, reverse=True))
    pattern = re.compile(f"(?<![{A}])([وفبلك]?)({alternatives})(?![{A}])")
    return pattern, table


class KnownMisspelling(Rule):
    """A frequent misspelling from the curated list.

    What: words from `rules/data/misspellings.tsv` ("هذة" for "هذه",
    "لاكن" for "لكن", "إنشاء الله" for "إن شاء الله", "مسؤل" for "مسؤول"),
    also with a و/ف/ب/ل/ك prefix.

    Why: these are frequent in scraped news and always wrong; each has one
    correct spelling that search and models should see.

    Fires: "وقال إن هذة الخطوة ستساعد". Does not fire: "وقال إن هذه الخطوة
    ستساعد", "إنشاء الطريق" (construction, a real word).

    Fix (unsafe): write the correct form.
    """

    code = "SPL004"
    name = "known-misspelling"
    category = "spelling"
    fixable = "unsafe"

    def check(self, doc, options):
        pattern, table = _misspellings()
        if not any(wrong in doc.text for wrong in _misspellings()[1]):
            return  # substring tests in C; the full pattern runs only on the rare file with a hit
        for line in doc.lines:
            for m in pattern.finditer(line.text):
                wrong = " ".join(m.group(2).split())
                right = table.get(wrong)
                if right is None:
                    continue
                yield hit(line.number, m.start(2) + 1, m.end(2) + 1, f"\"{m.group(2)}\" is misspelled; write \"{right}\"",
                          Fix("unsafe", f"write \"{right}\"",
                              (Edit(line.number, m.start(2) + 1, line.number, m.end(2) + 1, right),)))


# ----------------------------------------------------------------- SPL005

# ".." ending a paragraph (mid-line "X.. Y" is a common headline style)
_DOUBLE_PERIOD = re.compile(r"(?<![.…])\.\.(?=[\s\"»”)]*$)")
_GLUED_HINT = re.compile(f"[\u060c\u061b][{A}]")
_GLUED_AFTER = re.compile(f"(?<=[{A} \t\u00a0])([\u060c\u061b])([{A}]+)")
_SPACE_HINT = re.compile("[ \t\u00a0][\u060c\u061b\u061f]")
_SPACE_BEFORE = re.compile(f"(?<=[{A}0-9\\)\"»”])([ \\t\u00a0]+)([\u060c\u061b\u061f])")


class PunctuationSpacing(Rule):
    """Doubled period, or a space before an Arabic comma, semicolon or
    question mark.

    What: ".." ending a paragraph (not an ellipsis; ".." between two parts
    of a headline is a common style and is left alone), " ،" / " ؛" / " ؟"
    (the mark belongs right after the word, with the space after it), and
    "،" or "؛" glued to the next word ("اليوم،السبت"; between digits the
    comma is a decimal mark and is left alone).

    Why: the space lets the mark wrap to the start of the next line in
    right-to-left layout, and tokenizers produce a stray "،" token; ".." is a
    typo of "." or of "...".

    Fires: "في المنطقة..", "نقلت وكالة أنباء ريانوفستي نيوز ، قوله",
    "الانتخابات التشريعية والرئاسية القادمة،وفق ما أكده".
    Does not fire: "انطلاقا من الاعتبارات..." (an ellipsis), "نيوز، قوله",
    "74،0 بالمائة".

    Fix (safe): remove the space before, add the space after; replace ".."
    with ".".
    """

    code = "SPL005"
    name = "punctuation-spacing"
    category = "spelling"
    severity = "info"
    fixable = "safe"

    def check(self, doc, options):
        text = doc.text
        doubled = ".." in text
        spaced = _SPACE_HINT.search(text) is not None
        glued = _GLUED_HINT.search(text) is not None
        if not doubled and not spaced and not glued:
            return
        headline = doc.zones.headline if doubled else None
        for line in doc.lines:
            text = line.text
            around = _Tokens(text)
            if ".." in text and line.number != headline:  # a headline may end in a teaser's ".."
                for m in _DOUBLE_PERIOD.finditer(text):
                    yield hit(line.number, m.start() + 1, m.end() + 1, "doubled period \"..\" (not an ellipsis)",
                              Fix("safe", "write one period",
                                  (Edit(line.number, m.start() + 1, line.number, m.end() + 1, "."),)))
            for m in _SPACE_BEFORE.finditer(text) if spaced else ():
                word = around.before(m.start(1))
                yield hit(line.number, m.start(1) + 1, m.end(2) + 1,
                          f"space before \"{m.group(2)}\" in \"{word}{m.group(1)}{m.group(2)}\"",
                          Fix("safe", "remove the space",
                              (Edit(line.number, m.start(1) + 1, line.number, m.end(1) + 1, ""),)))
            for m in _GLUED_AFTER.finditer(text) if glued else ():
                at = m.end(1) + 1
                word = around.before(m.start(1))
                yield hit(line.number, m.start(1) + 1, at,
                          f"no space after \"{m.group(1)}\" in \"{word}{m.group()}\"",
                          Fix("safe", "add a space", (Edit(line.number, at, line.number, at, " "),)))


@hookimpl
def newslint_rules():
    return [DuplicatedWord, HamzatWasl, TruncatedDual, KnownMisspelling, PunctuationSpacing]
