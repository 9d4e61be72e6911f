"""The article-structure parser: which line is headline, body, source, tags,
and where content that does not belong to the article is appended.

A scraped news file usually looks like::

    headline                       (optional; no sentence-final punctuation)
    dateline / byline              (optional meta lines)
    body paragraphs, sub-headings, list items
    المصدر: ...                    (source line(s))
    كلمات دلالية: ...              (tags line)
    إقرأ أيضاً: / مقالات مشابهة    (appended sections: other articles, lists,
    ...                             comment forms)

Rules ask `Zones.kind(line)` instead of guessing the structure themselves.
"""
from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass, field
from enum import Enum

from .arabic import SENTENCE_END, fold, is_blank, word_count
from .dates import is_date_line



class ZoneKind(str, Enum):
    """The kind of a line. Members are strings equal to their values, so
    code (and configs, reports) that compare with "body" keep working."""

    BLANK = "blank"
    HEADLINE = "headline"
    META = "meta"
    BODY = "body"
    SUBHEADING = "subheading"
    LIST_ITEM = "list-item"
    SOURCE = "source"
    TAGS = "tags"
    MARKER = "marker"
    INLINE_MARKER = "inline-marker"
    APPENDED = "appended"

    # hash and print as the plain string: a member must find "body" in a
    # set or dict of strings (Enum hashes its name, "BODY", by default)
    __hash__ = str.__hash__

    def __str__(self) -> str:
        return self.value


BLANK, HEADLINE, META, BODY, SUBHEADING, LIST_ITEM = (ZoneKind.BLANK, ZoneKind.HEADLINE, ZoneKind.META, ZoneKind.BODY,
                                                      ZoneKind.SUBHEADING, ZoneKind.LIST_ITEM)
SOURCE, TAGS, MARKER, INLINE_MARKER, APPENDED = (ZoneKind.SOURCE, ZoneKind.TAGS, ZoneKind.MARKER,
                                                 ZoneKind.INLINE_MARKER, ZoneKind.APPENDED)
# The lines of the article's own text (what duplicates are compared on).
ARTICLE_TEXT_KINDS = frozenset({HEADLINE, BODY, SUBHEADING, LIST_ITEM})

SOURCE_LINE = re.compile(r"^\s*(?:المصدر|المصادر|مصدر الخبر)\s*[:：/\-–]")
_TAGS_LINE = re.compile(r"^(?:كلمات دلاليه|الكلمات الدلاليه|كلمات مفتاحيه|الكلمات المفتاحيه|الوسوم|وسوم|الاوسمه"
                        r"|الموضوعات المتعلقه|المواضيع المتعلقه|tags)\s*:", re.I)
_META_LINE = re.compile(r"^(?:تاريخ النشر|تاريخ الخبر|نشر في|نشر بتاريخ|اخر تحديث|اخر تعديل|بتاريخ|بقلم|كتب"
                        r"|كتبت|متابعه|اعداد|تحرير)\s*[:：]")
# The Egyptian byline "كتب - عمرو الجندي", a line of its own: a dash after the verb, and a name, not
# a paragraph ("كتب - وليد منصور: يستهل الترجي ..." heads the first paragraph: BLP004's dateline).
_BYLINE_DASH = re.compile(r"^(?:كتب|كتبت|بقلم)\s*[\-–—]")
_BYLINE_WORDS = 6


# A breadcrumb: two to five short parts (one to three words, no digits)
# between "›", "»", ">" or "/" with a space on each side ("اقتصاد › زراعة",
# "الرئيسية » تقنية » إنترنت", "الرئيسية / محليات"); "»" closes a quotation
# too, so a line holding "«" is not one. "/" also joins the two sides of a
# headline ("ترامب / بايدن", "فيديو / لحظة انهيار مبنى"): with "/" alone a
# breadcrumb needs three parts or the site's root first ("الرئيسية").
_CRUMB_MARK = re.compile(r"\s[›»>/]\s")
_CRUMB_ROOTS = frozenset(("الرئيسية", "الرئيسيه", "الصفحة الرئيسية", "home", "Home", "accueil", "Accueil"))


def is_breadcrumb(text: str) -> bool:
    """The line is a breadcrumb (see above): a page's navigation, never the
    headline (zones) nor article text (BLP003)."""
    if "«" in text or not _CRUMB_MARK.search(text):
        return False
    pieces = _CRUMB_MARK.split(text.strip())
    if len(pieces) < 3 and not any(mark in text for mark in "›»>") and pieces[0].strip() not in _CRUMB_ROOTS:
        return False  # "ترامب / بايدن": a headline's two sides
    parts = [part.split() for part in pieces]
    return 2 <= len(parts) <= 5 and all(1 <= len(words) <= 3 and not any(ch.isdigit() for w in words for ch in w)
                                        and not words[-1].endswith((".", "؟", "?", "!")) for words in parts)


def _is_byline(text: str, folded: str, short: bool = False) -> bool:
    """A meta line ("بقلم: ...", "تاريخ النشر: ...") or a byline with a dash
    ("كتب - عمرو الجندي"); `short`: of a byline's few words only (the first
    line of the page, which is else the headline)."""
    if _META_LINE.match(folded):
        return not short or len(text.split()) <= _BYLINE_WORDS
    return bool(_BYLINE_DASH.match(folded)) and len(text.split()) <= _BYLINE_WORDS

# Folded (see arabic.fold) phrases that, standing alone on a line, open a
# section that is not part of the article.
SECTION_MARKERS = (
    "اقرا ايضا", "اقرا كذلك", "شاهد ايضا", "طالع ايضا", "اقرا المزيد", "مقالات مشابهه",
    "مقالات ذات صله", "اخبار ذات صله", "مواضيع ذات صله", "موضوعات ذات صله", "اخبار متعلقه",
    "مقالات متعلقه", "قد يهمك", "قد يعجبك", "قد يهمك ايضا", "اخترنا لك", "الاكثر قراءه",
    "الاكثر مشاهده", "اخر الاخبار", "اترك تعليقا", "اترك تعليق", "اضف تعليق", "اضف تعليقا",
    "التعليقات", "تعليقات", "شارك", "شارك الخبر", "شارك المقال", "تابعونا", "تابعونا على",
    "مواضيع مشابهه", "اخبار مشابهه", "المزيد من الاخبار", "اقرا ايضا علي", "اقرا ايضا في",
    # blocks of other stories ranked by the readers or chosen by the desk: "الأكثر تداولاً", "اختيارات المحرر"
    "الاكثر تداولا", "الاكثر تعليقا", "الاكثر مشاركه", "الاكثر تفاعلا", "الاكثر قراءه اليوم", "اختيارات المحرر",
    "مختارات المحرر", "اختيارات التحرير",
)
# Folded phrases that start a one-line link or notice inside the article.
INLINE_MARKERS = (
    "اقرا المزيد", "اقرا ايضا", "اقرا كذلك", "شاهد ايضا", "طالع ايضا", "للمزيد",
    "لمزيد من", "شاهد ايضا", "اقرا",
)
_TAGS_PHRASES = ("كلمات دلاليه", "الكلمات الدلاليه", "كلمات مفتاحيه", "الكلمات المفتاحيه", "الوسوم", "وسوم",
                 "الاوسمه", "الموضوعات المتعلقه", "المواضيع المتعلقه", "tags")
_META_PHRASES = ("تاريخ النشر", "تاريخ الخبر", "نشر في", "نشر بتاريخ", "اخر تحديث", "اخر تعديل", "بتاريخ",
                 "بقلم", "كتب", "كتبت", "متابعه", "اعداد", "تحرير")
_FOLDED_CLASS = {"ا": "[اأإآٱ]", "ي": "[يىی]", "ه": "[هةۀہھ]", "ك": "[كک]"}


def _hint(phrase: str) -> str:
    """A pattern matching `phrase` (folded) in unfolded text without its
    marks (a few more strings too: it is only a hint)."""
    return "[\\s\u00a0]+".join("".join(_FOLDED_CLASS.get(ch, re.escape(ch)) for ch in word)
                                for word in phrase.split(" "))


# A line can only be a tags, meta or marker line if it starts with one of the
# phrases: one anchored match on the line's head, its marks and invisible
# characters taken out first, rules out almost every line before anything is
# folded. (Marks inside the pattern instead made it five times longer and
# cost 0.1 s to compile in every run; a phrase whose words only invisible
# characters separate is no phrase to `fold` either.)
_HINT_STRIP = re.compile("[\u064b-\u065f\u0670\u0640\u200b-\u200f\ufeff]")
_HINT_HEAD = 80  # raw characters: twice _MARKER_MAX_CHARS, enough for any phrase fold(t[:40]) can hold
_HINT_PHRASES = sorted(set(SECTION_MARKERS + INLINE_MARKERS + _TAGS_PHRASES + _META_PHRASES), key=len, reverse=True)
# The phrases by their first word: a line's first word, folded, picks the few
# phrases worth a pattern (one pattern of all of them cost 14 ms to compile in
# every run, a fifth of the compiling a one-file run does).
_BY_FIRST_WORD: dict[str, list[str]] = {}
for _phrase in _HINT_PHRASES:
    _BY_FIRST_WORD.setdefault(_phrase.split(" ")[0], []).append(_phrase)
_FIRST_WORD_MAX = max(map(len, _BY_FIRST_WORD))
_HINT_FOLD = str.maketrans({letter: folded for folded, group in _FOLDED_CLASS.items() for letter in group[1:-1]})


@lru_cache(maxsize=None)
def _hint_for(first_word: str) -> re.Pattern:
    """The anchored hint of the phrases starting with `first_word`."""
    return re.compile("^[\\s\u00a0]*(?:" + "|".join(map(_hint, _BY_FIRST_WORD[first_word])) + ")", re.I)


def starts_like_a_phrase(text: str) -> bool:
    """Whether the line's head (marks and invisible characters out) matches
    one of the phrases' hints: its first word, folded, must start with a
    phrase's first word before that phrase's pattern is tried."""
    head = _HINT_STRIP.sub("", text[:_HINT_HEAD])
    word = head.lstrip()[:_FIRST_WORD_MAX].translate(_HINT_FOLD).casefold()  # as re.I folds: "TAGſ"
    for end in range(1, len(word) + 1):
        first = word[:end]
        if first in _BY_FIRST_WORD and _hint_for(first).match(head) is not None:
            return True
    return False
_MARKER_TAIL = re.compile(r"[\s:：.…\-–—|/»«\"]*$")
_BULLET = re.compile(r"^\s*(?:[•·▪●◦\-–—*►✓]|\d{1,2}\s*[-.)]|[٠-٩]{1,2}\s*[-.)])\s*\S")

HEADLINE_MAX_WORDS = 25
SUBHEADING_MAX_WORDS = 8
TRAILING_SOURCE_MIN_PARAGRAPHS = 2


@dataclass
class Zones:
    kinds: list = field(default_factory=list)     # ZoneKind of each line, index 0 = line 1
    headline: int | None = None
    source_lines: list = field(default_factory=list)
    tags_lines: list = field(default_factory=list)
    appended_start: int | None = None
    appended_end: int | None = None
    sections: list = field(default_factory=list)  # (start, end) of appended sections and of headline lists
    listed: frozenset = frozenset()  # lines of the headline lists inside the article, their marker line included

    def kind(self, line: int) -> ZoneKind:
        return self.kinds[line - 1]

    def lines_of(self, *kinds: ZoneKind) -> list[int]:
        return [i + 1 for i, k in enumerate(self.kinds) if k in kinds]

    def in_article(self, line: int) -> bool:
        """True for lines of the article itself (not appended content, nor
        a list of other headlines under a marker inside it)."""
        return (self.appended_start is None or line < self.appended_start) and line not in self.listed

    @property
    def paragraphs(self) -> list[int]:
        return self.lines_of(BODY)


_MARKER_MAX_CHARS = 40  # longest marker line worth folding
_DATE_LINE_CHARS = 120  # longest line worth asking whether it is only a date


def marker_phrase(text: str, folded: str | None = None) -> str | None:
    """The section-marker phrase when `text` is nothing but one (`folded`:
    its fold, when the caller has it)."""
    if len(text) > _MARKER_MAX_CHARS:
        return None
    bare = _MARKER_TAIL.sub("", (fold(text) if folded is None else folded).lower())
    return bare if bare in SECTION_MARKERS else None


def inline_marker(text: str, folded: str | None = None) -> str | None:
    folded = fold(text[:_MARKER_MAX_CHARS]) if folded is None else folded
    for phrase in INLINE_MARKERS:
        if folded.startswith(phrase) and len(folded) > len(phrase) + 2:
            rest = folded[len(phrase):]
            if phrase == "اقرا" and not re.match(r"\s*(ايضا|المزيد|كذلك|:)", rest):
                continue
            return phrase
    return None


def parse_zones(lines: list[str]) -> Zones:
    n = len(lines)
    kinds = [BLANK if is_blank(t) else BODY for t in lines]
    # only the start of a line decides tags, meta and marker lines: fold just
    # that, and only where a phrase may start
    folded = [fold(t[:_MARKER_MAX_CHARS]) if k != BLANK and starts_like_a_phrase(t) else ""
              for t, k in zip(lines, kinds)]
    for i, text in enumerate(lines):
        if kinds[i] == BLANK:
            continue
        if SOURCE_LINE.match(text):
            kinds[i] = SOURCE
        elif not folded[i]:
            continue  # no known phrase starts this line
        elif _TAGS_LINE.match(folded[i]):
            kinds[i] = TAGS
        elif marker_phrase(text, folded[i]):  # a marker line is short: folded[i] is all of it
            kinds[i] = MARKER
        elif inline_marker(text, folded[i]):
            kinds[i] = INLINE_MARKER

    zones = Zones(kinds=kinds)
    content = [i for i in range(n) if kinds[i] != BLANK]
    if not content:
        return zones

    head = 0
    while head < 2 and len(content) > head + 2 and kinds[content[head]] == BODY and (
            _is_byline(lines[content[head]], folded[content[head]], True) or is_breadcrumb(lines[content[head]])):
        kinds[content[head]] = META  # "بقلم: جنى العلي", "الرئيسية » صحة" above the headline
        head += 1
    first = content[head]
    if kinds[first] == BODY and _looks_like_headline(lines[first]) and len(content) > head + 1:
        kinds[first] = HEADLINE
        zones.headline = first + 1
    for i in content[head + 1:head + 4]:
        if kinds[i] == BODY and _is_byline(lines[i], folded[i]):
            kinds[i] = META

    zones.appended_start = _appended_start(kinds, content)
    closing_source = None
    if zones.appended_start is not None:
        start = zones.appended_start - 1
        closing_source = _closing_source(kinds, content, start)
        for i in range(start, n):
            if kinds[i] not in (BLANK, MARKER) and i != closing_source:
                kinds[i] = APPENDED
        kinds[start] = MARKER if marker_phrase(lines[start]) else APPENDED
        zones.appended_end = max(i for i in content if i != closing_source) + 1
        zones.sections = _sections(kinds, start, zones.appended_end)

    listed = _listed_sections(kinds, lines, content, zones.appended_start)
    if listed:
        for start, end in listed:
            for i in range(start + 1, end + 1):
                kinds[i] = APPENDED
            zones.sections.append((start + 1, end + 1))
        zones.sections.sort()
        zones.listed = frozenset(n for start, end in listed for n in range(start + 1, end + 2))

    article = range(zones.appended_start - 1 if zones.appended_start else n)
    for pos, i in enumerate(content):
        if i not in article:
            break
        if kinds[i] == BODY:
            if len(lines[i]) <= _DATE_LINE_CHARS and is_date_line(lines[i]):
                kinds[i] = META  # "الجمعة ٦ جمادى الآخرة ١٤٣٦هـ - ٢٧ مارس ٢٠١٥ | ١١:١٧ ص": the page's date
            elif _BULLET.match(lines[i]):
                kinds[i] = LIST_ITEM
            elif _looks_like_subheading(lines[i], _next_kind(kinds, content, pos)):
                kinds[i] = SUBHEADING
    zones.source_lines = [i + 1 for i in article if kinds[i] == SOURCE]
    if closing_source is not None:
        zones.source_lines.append(closing_source + 1)
    zones.tags_lines = [i + 1 for i in article if kinds[i] == TAGS]
    return zones


def _looks_like_headline(text: str) -> bool:
    """Short, and not closed like a sentence (a headline may end in "؟",
    "!", or a teaser's ".." / "...")."""
    stripped = text.strip()
    if not stripped or word_count(stripped) > HEADLINE_MAX_WORDS:
        return False  # empty: white space (U+001C..U+001F) that is_blank does not count as blank
    if stripped.endswith(("..", "…")):
        return True
    return stripped[-1] not in ".:،؛,;"


def _next_kind(kinds: list[str], content: list[int], pos: int) -> str | None:
    """The kind of the non-blank line after content[pos] (None at the end):
    an index into `content`, not a scan, so many short lines stay linear."""
    return kinds[content[pos + 1]] if pos + 1 < len(content) else None


def _looks_like_subheading(text: str, next_kind: str | None) -> bool:
    """A short line with no closing punctuation between two paragraphs
    (`next_kind`: the kind of the next non-blank line)."""
    stripped = text.strip()
    if not stripped or word_count(stripped) > SUBHEADING_MAX_WORDS or stripped[-1] in SENTENCE_END:
        return False
    if not any(ch.isalpha() for ch in stripped):
        return False
    return next_kind in (BODY, LIST_ITEM, SUBHEADING)


def _closing_source(kinds: list[str], content: list[int], start: int) -> int | None:
    """The page's last line, when it is a source line below appended content
    and the article above has none (0-based): the article's own source line,
    printed under the page's footer ("الوسوم: ...", "© 2024 ... جميع الحقوق
    محفوظة", "المصدر: يومية الأوراس"). None when the article has its
    source line already: a second one at the end belongs to what was
    appended after it."""
    last = content[-1]
    if last <= start or kinds[last] != SOURCE or any(kinds[i] == SOURCE for i in content if i < start):
        return None
    return last


def _appended_start(kinds: list[str], content: list[int]) -> int | None:
    """1-based line where appended content starts, or None.

    With a trailing source/tags block (the first source or tags line that
    follows at least two paragraphs, and the source/tags lines right after
    it), appended content is whatever comes after that block. Without one, it
    starts at the first line that is nothing but a section marker.
    """
    block_end = None
    paragraphs = 0
    for n, i in enumerate(content):
        if kinds[i] in (SOURCE, TAGS) and paragraphs >= TRAILING_SOURCE_MIN_PARAGRAPHS:
            block_end = i
            for k in content[n + 1:]:
                if kinds[k] not in (SOURCE, TAGS):
                    break
                block_end = k
            break
        if kinds[i] in (BODY, INLINE_MARKER):
            paragraphs += 1
    if block_end is not None:
        after = [i for i in content if i > block_end]
        return after[0] + 1 if after else None
    markers = [i for i in content if kinds[i] == MARKER]
    return markers[0] + 1 if markers else None


def _listed_sections(kinds: list[str], lines: list[str], content: list[int],
                     appended_start: int | None) -> list[tuple[int, int]]:
    """(marker, last line) 0-based of each list of headlines that a marker
    line introduces inside the article ("اقرأ أيضاً:" then other stories'
    headlines, then a blank line, the tags or the source): the lines right
    after the marker, without a blank line between, each short like a
    headline and not closed by a full stop. The tail after the source and
    tags lines is `_appended_start`'s; a marker followed by a paragraph
    stays a marker line alone. A read-also line with more words that ends
    with a colon introduces a list too (`_introduces`)."""
    out = []
    stop = appended_start - 1 if appended_start else len(kinds)
    for i in content:
        if i >= stop:
            break
        if kinds[i] != MARKER and not (kinds[i] == INLINE_MARKER and _introduces(lines[i])):
            continue
        end = i
        while end + 1 < stop and kinds[end + 1] == BODY and _lists_a_headline(lines[end + 1]):
            end += 1
        after = kinds[end + 1] if end + 1 < len(kinds) else BLANK
        if end > i and (end + 1 >= stop or after in (BLANK, SOURCE, TAGS, MARKER)):
            out.append((i, end))  # a list ends where the block does: text right after it is the article's
    return out


def _introduces(text: str) -> bool:
    """A read-also line that names where and ends with a colon ("اقرأ أيضاً
    في سودان الغد:"): it introduces the lines after it, as a bare marker
    does, rather than linking one story itself."""
    text = text.strip()
    return text.endswith((":", "：")) and len(text) <= _INTRODUCER_MAX_CHARS and \
        inline_marker(text) in _READ_ALSO


_INTRODUCER_MAX_CHARS = 60
# the inline phrases that name other stories; "للمزيد من المعلومات حول شروط التسجيل:" introduces the
# article's own list
_READ_ALSO = frozenset(("اقرا ايضا", "اقرا كذلك", "شاهد ايضا", "طالع ايضا", "اقرا المزيد"))


def _lists_a_headline(text: str) -> bool:
    """A headline's line (`_looks_like_headline`: short, not closed by a full
    stop; a teaser's ".." is) that holds letters ("***" and "2017" list none)."""
    return any(ch.isalpha() for ch in text) and _looks_like_headline(text)


def _sections(kinds: list[str], start: int, end: int) -> list[tuple[int, int]]:
    """Split the appended part at marker lines into (start, end) line ranges."""
    heads = [start] + [i for i in range(start + 1, end) if kinds[i] == MARKER]
    out = []
    for n, head in enumerate(heads):
        stop = heads[n + 1] - 1 if n + 1 < len(heads) else end - 1
        while stop > head and kinds[stop] == BLANK:
            stop -= 1
        out.append((head + 1, stop + 1))
    return out
