"""SPL004 (known-misspelling)."""
from __future__ import annotations

from functools import lru_cache
import re

from newslint.arabic import DIACRITICS, TATWEEL
from newslint.rule import Rule, hit, replace
from newslint.rules.spelling._common import A, _data_lines


@lru_cache(maxsize=None)
def _misspellings() -> tuple[re.Pattern, dict]:
    table = {}
    for row in _data_lines("misspellings.tsv"):
        wrong, right, *_ = row.split("\t")
        table[wrong] = right
    alternatives = "|".join(sorted((re.escape(w).replace("\\ ", "\\s+") for w in table), key=len, reverse=True))
    # The word ends where no letter follows, harakat and tanween skipped: "هذةً"
    # is one word, and a listed form followed by marks and a letter is not it.
    pattern = re.compile(f"(?<![{A}])([وفبلك]?)({alternatives})(?![{DIACRITICS}{TATWEEL}]*[{A}])")
    return pattern, table


class KnownMisspelling(Rule):
    """A frequent misspelling from the curated list.

    What: words from `rules/data/misspellings.tsv` ("هذة" for "هذه",
    "لاكن" for "لكن", "إنشاء الله" for "إن شاء الله", "مسؤل" for "مسؤول"),
    also with a و/ف/ب/ل/ك prefix.

    Why: these are frequent in scraped news and always wrong; each has one
    correct spelling that search and models should see.

    A listed form must be the whole word: harakat and tanween do not end a
    word (issue 12, seen on other sites: "شيئًا", tanween written before the
    alif, is the correct "شيئا"). The list is a prior: what the lexicon
    shows (شيئ for شيء, SPL006 since the sixth pass) is left to the
    lexicon's rule, so no word is reported twice.

    Evidence: a phrase prior only, no lexicon and no context: the fixed list
    of wrong forms in `rules/data/misspellings.tsv`, each with its one
    correct form. A form must be the whole word, with at most one و/ف/ب/ل/ك
    before it; a two-word form ("إنشاء الله") is found on one line, and only
    when the file holds it with one plain space somewhere (a substring test
    runs first).

    Tune: no options. Ignore it, or use per-file-ignores for folders whose
    text must stay verbatim (quoted posts, readers' comments); add or drop a
    form in `rules/data/misspellings.tsv`.

    Fires: "وقال إن هذة الخطوة ستساعد", "أعلنت الحكومة خطة جديدة لاكن
    المعارضة رفضتها". Does not fire: "وقال إن هذه الخطوة ستساعد", "إنشاء
    الطريق" (construction, a real word), "لم تقدم شيئًا ملموسًا".

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
                start, end = m.start(2) + 1, m.end(2) + 1
                yield hit(line.number, start, end, f"\"{m.group(2)}\" is misspelled; write \"{right}\"",
                          replace(line.number, start, line.number, end, right, f"write \"{right}\"", "unsafe"))
