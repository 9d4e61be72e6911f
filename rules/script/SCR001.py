"""SCR001 (persian-letter)."""
from __future__ import annotations

import re

from newslint.lexicon import zipf
from newslint.rule import Rule, hit, replace
from newslint.rules.script._common import A

# Persian / Urdu letters that stand for an Arabic letter: (Arabic letter, Unicode name)
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


def _final_yeh(stem: str) -> str:
    """ي or ى for a word-final Persian ی: Persian writes both Arabic letters
    with one (the dotless final ی), so "علی" is "على" and "فی" is "في". The
    lexicon picks the form Arabic text uses more; ي when it knows neither."""
    return "ى" if zipf(stem + "ى") > zipf(stem + "ي") else "ي"


def _persian_fix(word: str) -> tuple[str, bool]:
    """(Arabic spelling, safe?). Final ی may be ي or ى, and ۀ may be ة or
    هٔ: those replacements are unsafe."""
    safe = True
    out = []
    for i, ch in enumerate(word):
        if ch == "\u06cc" and i == len(word) - 1:
            safe = False
            out.append(_final_yeh("".join(out)))
        elif ch in _PERSIAN:
            safe = safe and ch != "\u06c0"
            out.append(_PERSIAN[ch][0])
        else:
            out.append(ch)
    return "".join(out), safe


def _neighbours_arabic(text: str, start: int, end: int) -> bool:
    around = text[max(0, start - 20):start] + text[end:end + 20]
    return bool(re.search(f"[{A}]", around))


class PersianLetter(Rule):
    """Persian or Urdu letters inside Arabic words.

    What: ی (U+06CC), ک (U+06A9), ھ (U+06BE), ہ (U+06C1), ە (U+06D5) or ۀ
    (U+06C0) in a word that is otherwise Arabic: "إقلیم" typed on a Persian
    keyboard for "إقليم". (پ چ ژ گ ڤ, used for foreign names, are left alone.)

    Why: the words look identical but are different strings: "إقلیم" is
    never found by a search for "إقليم", and tokenizers split or misspell it.

    Evidence: the file's characters: a run of Arabic letters holding one of
    the six letters; a one-letter run counts only with an Arabic letter
    within 20 characters on either side (context). The lexicon (wordfreq
    zipf) is used only by the fix, to choose ى or ي for a final ی: the
    spelling with the higher zipf, ي on a tie.

    Tune: no options; set its severity, ignore it, or use per-file-ignores
    for folders of Persian or Urdu text, where these letters are right.

    Fires: "كلمات دلالية: الكرملين ناجورنو كاراباخ روسيا إقلیم ناجورنو کاراباخ".
    Does not fire: "إقليم ناجورنو كاراباخ".

    Fix: replacing ک, ھ, ہ, ە and a non-final ی is safe; a final ی and ۀ
    are unsafe. A final ی is Arabic ى or ي (Persian draws both alike): the
    one the lexicon knows better is proposed ("علی" -> "على", "فی" -> "في",
    "مصطفی" -> "مصطفى"), not always ي ("علي", a name; issue 12). Fires on
    "وصل الوفد الی تونس" (proposes "الى"); does not fire on "وصل الوفد إلى
    تونس".
    """

    code = "SCR001"
    name = "persian-letter"
    category = "script"
    needs_chars = _PERSIAN_CLASS
    fixable = "unsafe"  # a final ی and ۀ are unsafe; the other letters are safe

    def check(self, doc, options):
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
                          replace(line.number, m.start() + 1, line.number, m.end() + 1, fixed, f"write \"{fixed}\"",
                                  "safe" if safe else "unsafe"))
