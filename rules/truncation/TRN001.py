"""TRN001 (dangling-end)."""
from __future__ import annotations

import re

from newslint.arabic import SENTENCE_END, TATWEEL
from newslint.rule import Rule, hit
from newslint.rules.truncation._common import DANGLING, body_paragraphs
from newslint.rules.truncation._stats import continues, next_first_word

_INITIAL = re.compile(r"^\w\.?$")  # one letter, maybe with its dot: "س", "م."


def _last_words(text: str) -> list[str]:
    return text.split()[-2:]

# A call to send a text message ends on "إلى" / "على" because the short code
# after it was a link or an image the scraper dropped: a footer, not a cut
# sentence. The message itself is the evidence (SMS in either script, or a
# paragraph opening with "للاشتراك", to subscribe; "أرسل" alone is also the
# past "he sent" and stays a cut: "وأرسل الوزير رسالة إلى").
_SMS_FOOTER = re.compile(r"\bSMS\b|إس ?إم ?إس|رسالة قصيرة|الرسائل القصيرة|رسالة نصية|الرسائل النصية|^للاشتراك",
                         re.IGNORECASE)
_TATWEEL_CLITICS = {"ب", "ل", "ال", "وب", "ول"}  # "بـ": a clitic waiting for its word

class DanglingEnd(Rule):
    """A body paragraph that ends on a preposition, conjunction or particle.

    What: the last word of a paragraph is one a sentence cannot end on:
    "في", "على", "من", "و", "أن", "التي", "بـ", ... with no closing
    punctuation after it. Initials of a journalist ("س ب", "ع ب م"), the
    Hijri "هـ" and quoted endings are left alone.

    Why: the scraper or the source cut the text; a half sentence in a
    training set or a summary is worse than none.

    A paragraph whose next paragraph goes on with the sentence (its first
    word is likelier inside a sentence than at its start: "... وذلك في" /
    "إطار ...") is a paragraph broken in two, TRN005's, not a cut: on other
    sites most of this rule's alarms were such breaks.

    Evidence: the article's structure (the zones' body paragraphs, before
    any appended section) and a phrase prior: the fixed list `DANGLING`
    (truncation/_common.py) of prepositions, conjunctions, particles and
    relative pronouns, plus a one- or two-letter clitic with tatweel ("بـ").
    The paragraph must not end in a character of `SENTENCE_END`, nor match
    `_SMS_FOOTER` (a fixed list); a last word of one or two letters after a
    single letter (with or without its dot) reads as initials ("س ب") and is
    skipped; after a word it is a cut ("وقال الوزير إنه ما تم في").
    Context: a next paragraph whose first word has a start log-odds below 0
    in the sentence-statistics table makes the break TRN005's.

    Tune: no options. Ignore it, or use per-file-ignores for folders of
    teasers or captions that stop mid-sentence on purpose.

    Fires: "... موضحا أنه سيتم أن" / "... مطلع الشهر الجاري. و".
    Does not fire: "... في مختلف المجالات." or "وقال في هذا الصدد:", or an
    SMS footer "أرسل كلمة أخبار في رسالة قصيرة إلى" (its short code was a
    link the scraper dropped; `_SMS_FOOTER`, issue 12, other sites).
    """

    code = "TRN001"
    name = "dangling-end"
    category = "truncation"

    def check(self, doc, options):
        for number, text in body_paragraphs(doc):
            if text[-1] in SENTENCE_END or _SMS_FOOTER.search(text):
                continue
            words = _last_words(text)
            last = words[-1]
            if last not in DANGLING and not (last.endswith(TATWEEL) and last.rstrip(TATWEEL) in _TATWEEL_CLITICS):
                continue
            if len(words) == 2 and _INITIAL.match(words[0]) and len(last) <= 2 and not last.endswith(TATWEEL):
                continue  # initials such as "س ب"
            following = next_first_word(doc, number)
            if following is not None and continues(following):
                continue  # the next paragraph goes on with the sentence: a broken paragraph (TRN005), not a cut
            column = len(doc.line(number).text.rstrip()) - len(last) + 1
            yield hit(number, column, column + len(last),
                      f"paragraph ends on \"{last}\", a word a sentence cannot end on: the text looks cut "
                      f"(\"…{text[-40:]}\")")
