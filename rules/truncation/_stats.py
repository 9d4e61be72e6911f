"""Truncation from statistics (shared by TRN004-TRN006): cut sentences, paragraph
breaks inside a sentence, and stub articles.

TRN001 knows a fixed list of words a sentence cannot end on. The rules here
ask the sentence-end statistics instead (`newslint.sentence_stats`, a table
learned from real news by `bench/build_sentence_stats.py`): how often the
paragraph's last word ends a sentence, and how often the next paragraph's
first word starts one. The table is read once per process, on the first
paragraph that needs it (`sentence_stats.default()` caches it).

Only paragraphs of the article are judged (see `newslint.zones`): body
paragraphs and lines the zone parser took for sub-headings (a short cut lede
looks like one), never the headline, source or tags lines, list items, or
anything appended after the article. A paragraph that is not a sentence is
left alone, on evidence in its own text: a tail of one or two words after
its last full stop (a signature, "هاجر النوالي", initials "ع ب م"), a
one-letter abbreviation after a number ("12 ن"), or a table (bullets "*",
scores "3-0", "label : 10 دنانير", mostly numbers). A lone Arabic letter
after a word is kept: it is a word cut after its first letter (TRN004).

This module holds the evidence TRN004-TRN006 share (where a paragraph
ends, what follows it, how to say it); each rule is in its own file.
"""
from __future__ import annotations

import math
import re
import unicodedata

from newslint import sentence_stats
from newslint.arabic import ARABIC_LETTERS, DIACRITICS, SENTENCE_END, TATWEEL
from newslint.rules.boilerplate.BLP003 import furniture_line, starts_with_furniture
from newslint.zones import BLANK, BODY, LIST_ITEM, META, SUBHEADING

# The lines a cut is judged on, and the lines that may continue a sentence.
_JUDGED = (BODY, SUBHEADING)
_CONTINUING = (BODY, SUBHEADING, LIST_ITEM)
# Text after the last of these is the paragraph's open tail.
_FINAL = re.escape(sentence_stats.SENTENCE_FINAL)
_LAST_STOP = re.compile(f"[{_FINAL}](?=[^{_FINAL}]*$)")
# bullets, scores ("3-0"), fixtures and lists ("النادي الإفريقي - النجم / حكم"), "label : value"
_TABLE_MARK = re.compile(r"[*•▪●►:]|\d\s*[-–]\s*\d|\s[-–—/]\s")
_MIN_SENTENCE_WORDS = 3   # a shorter open tail is a signature or initials
_MAX_NUMBER_SHARE = 0.25  # a tail with more numbers than this is a table row
# A word cut inside: Arabic letters only (numbers fold to 0 and Latin words
# are names and addresses), at least 2 letters (one letter alone is judged
# by `lone_letter_after_word`), and 1-3 letters short of a form of the table.
_ARABIC_WORD = re.compile(f"[{ARABIC_LETTERS}]+")
_LATIN = re.compile("[A-Za-z]")
_MIN_CUT_WORD = 2
_LONE_LETTER = re.compile(f"[{ARABIC_LETTERS}{DIACRITICS}{TATWEEL}][،,؛;]?\\s+[{ARABIC_LETTERS}][{DIACRITICS}]*$")
_MAX_MISSING_LETTERS = 3
# Endings that make a whole word of a whole word (feminine, accusative,
# nisba, pronouns, plural and dual): when the commonest completion only adds
# one of them, the last word is a word in its own right ("محدود" /
# "محدودة", "سوري" / "سورية"), not a stump. On the tune half this cut the
# word-cut evidence on real sentence ends from 0.73 % to 0.20 % for 0.06 of
# its recall (docs/truncation.md).
_INFLECTION_ENDINGS = frozenset(("ة", "ا", "ه", "ي", "ية", "ها", "هم", "هما", "ات", "ين", "ون", "ان",
                                 "يه", "يا", "تها"))


# ------------------------------------------------------------- evidence

def article_lines(doc, kinds=_JUDGED):
    """(line number, stripped text, kind) of the article's non-blank lines of
    the given kinds, in order (lazily: a caller may stop early)."""
    zones = doc.zones
    for index, kind in enumerate(zones.kinds):
        number = index + 1
        if kind in kinds and zones.in_article(number):
            text = doc.line(number).text.strip()
            if text:
                yield number, text, kind


def open_tail(text: str) -> str | None:
    """The words after the paragraph's last sentence-final mark when the
    paragraph stops without closing punctuation, else None."""
    if text[-1] in SENTENCE_END:
        return None
    stop = _LAST_STOP.search(text)
    return text[stop.end():] if stop else text


def looks_like_sentence(tail: str) -> bool:
    """False for a tail that is a signature, initials, a table row, or ends
    on a one-letter abbreviation or on a word in Latin letters (a handle,
    a link, a name: "تابعونا على انستغرام AlMashreqLB" is an invitation,
    not a sentence cut short; a number last is still judged), or that
    opens with a phrase of BLP003's list, or that BLP003 reads as an
    invitation ("اشترك في نشرتنا الاقتصادية اليومية لتصلك أسعار الصرف
    والذهب كل صباح", "تابعوا وكالة المنارة للأنباء على فيسبوك وواتساب
    وتلغرام"); a phrase elsewhere in a sentence ("... إن تحديث سياسة
    الخصوصية ... سيدخل حيز التنفيذ بداية") does not make it furniture."""
    words = sentence_stats.WORD.findall(tail)
    if len(words) < _MIN_SENTENCE_WORDS or all(len(w) <= 2 for w in words):
        return False  # a signature or initials
    if _LATIN.search(words[-1]) or starts_with_furniture(tail) or furniture_line(tail) in _READER_FURNITURE:
        return False
    if len(words[-1]) == 1 and not lone_letter_after_word(tail):
        return False  # an abbreviation last ("12 ن": points), or a digit
    numbers = sum(w[0].isdigit() for w in words)
    return numbers <= _MAX_NUMBER_SHARE * len(words) and not _TABLE_MARK.search(tail)


_READER_FURNITURE = ("subscribe/follow",)


def lone_letter_after_word(tail: str) -> bool:
    """True when `tail` ends on one Arabic letter set off by a space from
    an Arabic word of 3+ letters: the first letter of a word cut inside
    ("... كان باللون ا"), or a conjunction or preposition written apart
    ("و", "ب"). Abbreviations of one letter follow numbers ("12 ن",
    "2017 م") or a slash ("كلم/س")."""
    words = sentence_stats.WORD.findall(tail)
    if len(words) < 2 or not _LONE_LETTER.search(tail):
        return False
    before = sentence_stats.normalise(words[-2])
    return len(before) >= 3 and bool(_ARABIC_WORD.fullmatch(before))


def next_first_word(doc, number: int) -> str | None:
    """The first word of the paragraph right after line `number` (blank
    lines skipped), or None when the article ends there (source line,
    appended content, end of file)."""
    zones = doc.zones
    following = _next_content(zones, number)
    if following is None or zones.kind(following) not in _CONTINUING or not zones.in_article(following):
        return None
    words = sentence_stats.WORD.findall(doc.line(following).text)
    return words[0] if words else None


def _next_content(zones, number: int) -> int | None:
    """The number of the first line after line `number` that is not blank, or None."""
    return next((following for following in range(number + 1, len(zones.kinds) + 1)
                 if zones.kind(following) != BLANK), None)


def rate(word: str, event: str) -> str:
    """'"أسفر" ends a sentence 1 time in 400' from the table's raw counts."""
    stats = sentence_stats.default().lookup(word)
    if stats is None:
        return f'"{word}" is not in the sentence statistics'
    hits, total = (stats.ends, stats.ends + stats.not_ends) if event == "end" else \
        (stats.starts, stats.starts + stats.not_starts)
    verb = "ends" if event == "end" else "starts"
    return f'"{word}" {verb} a sentence {hits} time{"s" if hits != 1 else ""} in {total}'


def last_word_span(doc, number: int, word: str) -> tuple[int, int]:
    """1-based columns (start, exclusive end) of `word`, the last word of line `number`."""
    line = doc.line(number).text
    start = line.rfind(word) + 1
    return start, start + len(word)


def open_paragraphs(doc):
    """(line, last word, next paragraph's first word or None) of every judged
    paragraph that stops mid-sentence in shape: no closing punctuation and
    an open tail that reads as a sentence. Not a line right above a meta
    line (the page's date, "كتب:"): that is the head of the page, a
    headline, a byline or a ticker, not a paragraph ("أنس العلمي من فاس"
    above "السبت 24 دجنبر 2016 - 21:37")."""
    for number, text, _kind in article_lines(doc):
        tail = open_tail(text)
        if tail is None or not looks_like_sentence(tail) or page_control(text) or _above_meta(doc.zones, number):
            continue
        last = sentence_stats.WORD.findall(tail)[-1]
        yield number, last, next_first_word(doc, number)


def page_control(text: str) -> bool:
    """A line of the page's controls or promotion, not of the article: it
    opens or closes with a symbol ("↑ العودة إلى الأعلى", "العودة إلى
    الأعلى ↑", "◄ <headline>"), or holds a link or a handle ("تابعونا على
    t.me/karmelnews لمتابعة الأخبار لحظة بلحظة"). Such lines stop without
    a full stop by design."""
    return unicodedata.category(text[0]) in _SYMBOLS or unicodedata.category(text[-1]) in _SYMBOLS or \
        _LINK.search(text) is not None


_SYMBOLS = frozenset(("So", "Sm"))
_LINK = re.compile(r"https?://|www\.|(?<![A-Za-z0-9-])[A-Za-z0-9-]+\.(?:[a-z]{2,6})/|@[A-Za-z0-9_]{3,}")
# (a domain's run is matched from its start only: "\b" restarted at every "-" of a long run, quadratic)


def _above_meta(zones, number: int) -> bool:
    following = _next_content(zones, number)
    return following is not None and zones.kind(following) == META


def word_cut_inside(last: str, min_count: int) -> tuple[str, int] | None:
    """(form, times seen) when `last` looks like a word cut inside: it is
    not in the sentence statistics, while the commonest form of the table
    that is `last` with 1-3 more letters was seen at least `min_count`
    times and adds more than an inflection ending ("تعبي" / "تعبيره" 290,
    "دينا" / "دينار" 543); else None. A scraper that cuts at a character
    limit leaves such stumps; the end statistics cannot see them (an
    unknown word scores 0)."""
    key = sentence_stats.normalise(last)
    if min_count <= 0 or len(key) < _MIN_CUT_WORD or not _ARABIC_WORD.fullmatch(key):
        return None
    found = sentence_stats.default().completion(last, _MAX_MISSING_LETTERS)
    if found is None or found[1] < min_count or found[0][len(key):] in _INFLECTION_ENDINGS:
        return None
    return found


def cut_word_evidence(last: str, min_count: int) -> str | None:
    """Why `last`, the last word of an open paragraph that reads as a
    sentence, looks cut inside, or None: a lone letter (after a word, as
    `open_paragraphs` only yields then) or a stump a frequent form extends."""
    if min_count <= 0:
        return None
    if len(sentence_stats.normalise(last)) == 1:
        return f'it ends on the lone letter "{last}" after a word'
    found = word_cut_inside(last, min_count)
    if found is None:
        return None
    return f'"{last}" is not in the sentence statistics but "{found[0]}" was seen {found[1]} times'


def continues(following: str) -> bool:
    """True when the next paragraph's first word is likelier inside a
    sentence than at its start: log K/J = s < 0 (see `looks_cut`), so the
    break reads as a sentence going on, not as a cut before a new one."""
    return sentence_stats.default().start_logodds(following) < 0


def confidence_of(log_odds: float) -> float:
    """A finding's confidence from the log-odds of its reading: the
    logistic function, rounded to two places (0.5 at even odds)."""
    return round(1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, log_odds)))), 2)


def join_score(last: str, following: str) -> float:
    """log-odds that the break after `last` is inside a sentence (the next
    paragraph continues it) against it ending or being cut there:
    -s - log(1 + exp(e)), see `SentenceStats.looks_cut`."""
    table = sentence_stats.default()
    e, s = table.end_logodds(last), table.start_logodds(following)
    return -s - (max(e, 0.0) + math.log1p(math.exp(-abs(e))))


HABIT_MIN_WORDS = 8  # shorter lines are captions, sub-headings or signatures, not the writer's paragraphs


def closing_habit(doc) -> int:
    """How many body paragraphs of at least 8 words the article closes with
    sentence-final punctuation, or 0 when two or more after the first closed
    one stop open: a writer who closes every other paragraph makes an open
    one unlikely to be a sentence that simply ended. Open lines before the
    first closed paragraph are not counted: on a page whose head the zones
    do not know (a headline under the site's name, "الدفاع المدني ينقذ ١١
    شخصا من حريق ..."), they are its headline and dateline."""
    closed = opened = 0
    for _number, text, _kind in article_lines(doc, (BODY,)):
        if len(text.split()) < HABIT_MIN_WORDS:
            continue
        if text[-1] in SENTENCE_END:
            closed += 1
        elif closed:
            opened += 1
        # an open line before the first closed paragraph is the page's head as often as not (a
        # headline under the site's name, a ticker): it says nothing of the writer's habit
    return closed if opened <= 1 else 0
