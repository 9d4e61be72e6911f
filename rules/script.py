"""Script family (SCR): letters and digits of other scripts inside Arabic
words."""
from __future__ import annotations

import re
import unicodedata

from newslint.arabic import ARABIC_LETTERS
from newslint.hookspecs import hookimpl
from newslint.models import Edit, Fix
from newslint.rule import Rule, glued_hit, hit

A = ARABIC_LETTERS
# Persian / Urdu letters that stand for an Arabic letter: (Arabic, safe?)
_PERSIAN = {
    "\u06cc": ("ي", "FARSI YEH"),          # ی
    "\u06a9": ("ك", "KEHEH"),              # ک
    "\u06be": ("ه", "HEH DOACHASHMEE"),    # ھ
    "\u06c1": ("ه", "HEH GOAL"),           # ہ
    "\u06d5": ("ه", "AE"),                 # ە
    "\u06c0": ("ة", "HEH WITH YEH ABOVE"),  # ۀ
}
_PERSIAN_CLASS = "".join(_PERSIAN)
_PERSIAN_ANY = re.compile(f"[{_PERSIAN_CLASS}]")
# from the start of a word only: tried at every letter of a long word
# without a Persian letter, it would rescan the rest of the word each time
_WORD_WITH_PERSIAN = re.compile(f"(?<![{A}])[{A}]*[{_PERSIAN_CLASS}][{A}]*")
_PERSIAN_DIGITS = re.compile("[\u06f0-\u06f9]+")
_TO_ARABIC_INDIC = {ord("\u06f0") + i: chr(0x0660 + i) for i in range(10)}


def _persian_fix(word: str) -> tuple[str, bool]:
    """(Arabic spelling, safe?). Final ی may be ي or ى, and ۀ may be ة or
    هٔ: those replacements are unsafe."""
    safe = True
    out = []
    for i, ch in enumerate(word):
        if ch in _PERSIAN:
            if (ch == "\u06cc" and i == len(word) - 1) or ch == "\u06c0":
                safe = False
            out.append(_PERSIAN[ch][0])
        else:
            out.append(ch)
    return "".join(out), safe


class PersianLetter(Rule):
    """Persian or Urdu letters inside Arabic words.

    What: ی (U+06CC), ک (U+06A9), ھ (U+06BE), ہ (U+06C1), ە (U+06D5) or ۀ
    (U+06C0) in a word that is otherwise Arabic: "إقلیم" typed on a Persian
    keyboard for "إقليم". (پ چ ژ گ ڤ, used for foreign names, are left alone.)

    Why: the words look identical but are different strings: "إقلیم" is
    never found by a search for "إقليم", and tokenizers split or misspell it.

    Fires: "كلمات دلالية: الكرملين ناجورنو كاراباخ روسيا إقلیم ناجورنو کاراباخ".
    Does not fire: "إقليم ناجورنو كاراباخ".

    Fix: replacing ک, ھ, ہ, ە and a non-final ی is safe; a final ی (ي or
    ى?) and ۀ are unsafe.
    """

    code = "SCR001"
    name = "persian-letter"
    category = "script"
    fixable = "safe"

    def check(self, doc, options):
        if not doc.has_rare(_PERSIAN_CLASS):
            return
        for line in doc.lines_matching(_PERSIAN_ANY):
            text = line.text
            for m in _WORD_WITH_PERSIAN.finditer(text):
                word = m.group()
                if len(word) < 2 and not _neighbours_arabic(text, m.start(), m.end()):
                    continue
                fixed, safe = _persian_fix(word)
                letters = ", ".join(dict.fromkeys(f"{ch} (U+{ord(ch):04X})" for ch in word if ch in _PERSIAN))
                yield hit(line.number, m.start() + 1, m.end() + 1,
                          f"Persian letter(s) {letters} in \"{word}\"; Arabic spelling \"{fixed}\"",
                          Fix("safe" if safe else "unsafe", f"write \"{fixed}\"",
                              (Edit(line.number, m.start() + 1, line.number, m.end() + 1, fixed),)))


def _neighbours_arabic(text: str, start: int, end: int) -> bool:
    around = text[max(0, start - 20):start] + text[end:end + 20]
    return bool(re.search(f"[{A}]", around))


class PersianDigit(Rule):
    """Persian digits (۰-۹) in Arabic text.

    What: U+06F0..U+06F9, the digits of Persian and Urdu, which differ from
    the Arabic-Indic digits ٠-٩ in code point (and in the shapes of 4, 5, 6).

    Why: number extraction, sorting and search treat "۲۰۲۰" and "٢٠٢٠" as
    different; they come from text typed on a Persian keyboard.

    Fires: "في عام ۲۰۲۰". Does not fire: "في عام ٢٠٢٠" or "في عام 2020".

    Fix (safe): write the Arabic-Indic digits.
    """

    code = "SCR002"
    name = "persian-digit"
    category = "script"
    fixable = "safe"

    def check(self, doc, options):
        if not doc.has_rare("۰۱۲۳۴۵۶۷۸۹"):
            return
        for line in doc.lines_matching(_PERSIAN_DIGITS):
            for m in _PERSIAN_DIGITS.finditer(line.text):
                fixed = m.group().translate(_TO_ARABIC_INDIC)
                yield hit(line.number, m.start() + 1, m.end() + 1,
                          f"Persian digits \"{m.group()}\"; Arabic-Indic \"{fixed}\"",
                          Fix("safe", f"write \"{fixed}\"",
                              (Edit(line.number, m.start() + 1, line.number, m.end() + 1, fixed),)))


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
                word_start = start - 1
                while word_start > 0 and _ARABIC_CHAR.match(text, word_start - 1):
                    word_start -= 1
                word = text[word_start:start]
                if not (_CLITIC.match(word) or word == "ال"):
                    yield glued_hit(doc, word_start, end, start, _GLUED)
            after = _ARABIC_RUN.match(text, end)
            if after:
                yield glued_hit(doc, start, after.end(), end, _GLUED)


_PRESENTATION = re.compile("[\ufb50-\ufdff\ufe70-\ufefc]+")


class PresentationForm(Rule):
    """Arabic presentation forms instead of letters.

    What: characters of the Arabic Presentation Forms blocks (U+FB50..U+FDFF,
    U+FE70..U+FEFC): ligatures and positional glyphs such as "ﻹ" (lam-alef
    with hamza below) that PDF extraction and old software produce.

    Why: they render like ordinary letters but are different characters:
    "اﻹعلام" is not "الإعلام" to search, tokenizers or models.

    Fires: "قطاع اﻹعلام". Does not fire: "قطاع الإعلام".

    Fix (safe): NFKC-normalise the characters to ordinary letters.
    """

    code = "SCR004"
    name = "presentation-form"
    category = "script"
    fixable = "safe"

    def check(self, doc, options):
        if not any("\ufb50" <= ch <= "\ufdff" or "\ufe70" <= ch <= "\ufefc" for ch in doc.rare):
            return
        for line in doc.lines_matching(_PRESENTATION):
            for m in _PRESENTATION.finditer(line.text):
                fixed = unicodedata.normalize("NFKC", m.group())
                yield hit(line.number, m.start() + 1, m.end() + 1,
                          f"presentation-form character(s) \"{m.group()}\" instead of the letters \"{fixed}\"",
                          Fix("safe", f"write \"{fixed}\"",
                              (Edit(line.number, m.start() + 1, line.number, m.end() + 1, fixed),)))


@hookimpl
def newslint_rules():
    return [PersianLetter, PersianDigit, MixedScriptWord, PresentationForm]
