"""BLP004 (site-furniture): furniture learned from the batch and the profile."""
from __future__ import annotations

from array import array
from collections import defaultdict
import re
import zlib

from newslint.arabic import fold
from newslint.dates import (HIJRI_SECONDS, MONTH_FIRSTS, MONTH_SECONDS, MONTHS, TIME_MARKS, WEEKDAYS, WORD_EDGES,
                            has_date_word, is_double_month)
from newslint.folders import folder_of, shown_parent
from newslint.rule import BatchRule, hit
from newslint.sorted_groups import HashPairs, groups_of_equal
from newslint.zones import BLANK, BODY, HEADLINE, SOURCE, SUBHEADING, TAGS
from newslint.rules.boilerplate.BLP003 import _PHRASES

START, INLINE, END = "start", "inline", "end"
_CLASSES = (START, INLINE, END)
_START, _INLINE, _END = range(3)  # indexes in _CLASSES, as a sketch row holds them
_DIGITS = re.compile(r"[0-9\u0660-\u0669\u06f0-\u06f9]+")
_LETTER = re.compile(r"[^\W\d_]")
# Given names masked in templates, so a byline "محمد علي- سبق- القاهرة:" and
# "أحمد علي- سبق- القاهرة:" share one. A short list (the spelling family's):
# a name outside it keeps its template apart, which costs recall, never precision.
_NAMES = frozenset(("محمد", "أحمد", "احمد", "علي", "حسن", "حسين", "محمود", "مصطفى", "مصطفي", "عبد", "خالد",
                    "عمر", "سعيد", "إبراهيم", "ابراهيم", "يوسف", "عبدالله", "فاطمة", "مريم", "سارة", "نور",
                    "سامي", "كريم"))
_MASKED_TAIL = "…"


def template(text: str, words: int, tail_words: int, mask_tail: bool = True) -> tuple[str, int | None]:
    """The line's template and, when only its head is furniture, the
    column after that head (else None).

    The first `words` words, Latin lower-cased, digits masked to 0, given
    names to N, in a line with digits month and weekday names to M and D
    (`_mask_dates`), and a coarse length of the rest; a line of initials
    ("(غ.ح)") is its marks with every letter x (so a long paragraph does
    not share a template with a short furniture line that starts alike).
    After a label's colon among those words the rest is masked (the
    headline of a back-link line, the article after a dateline), but not in
    a headline. When the masked tail is a paragraph of its own (more than
    `tail-words` words), only the head is furniture. The head is not folded
    (arabic.fold): a site's template prints its furniture letter for letter,
    only digits and names change, and folding every line of every file was
    half of the rule's cost."""
    if len(text) <= _INITIALS_CHARS and _INITIALS.match(text):
        return _LETTER_RUN.sub("x", text.strip()), None  # an editor's initials, "(غ.ح)", "ع.م/س.ك"
    colon = _label_colon(text, words) if mask_tail else -1
    if colon >= 0:
        long_tail = text.count(" ", colon) > tail_words
        return _shape(text[:colon]) + ":" + _MASKED_TAIL, colon + 2 if long_tail else None
    parts = text.split(None, words)
    if len(parts) > words:
        rest = f" +{len(parts.pop()).bit_length()}"
    else:
        rest = ""
    joined = " ".join(parts)
    shaped = _DIGITS.sub("0", joined.lower())
    if "0" in shaped and _DIGITS.search(joined) and has_date_word(shaped.split()):
        # a date (digits and a month or weekday name): masked over the whole
        # line, since a month of two words ("كانون الثاني") is one
        masked = _shape(text).split()
        kept, left = masked[:words], masked[words:]
        return " ".join(kept) + (f" +{len(' '.join(left)).bit_length()}" if left else ""), None
    if not _NAMES.isdisjoint(parts):
        # lower() and the digit mask keep words apart and leave Arabic
        # names as they are: only a head holding a name is split again
        shaped = " ".join(_mask_names(shaped.split()))
    return shaped + rest, None


# A line of initials: letters in runs of one or two, between marks.
_INITIALS = re.compile(r"^[^\w\u064b-\u065f\u0670]*[^\W\d_]{1,2}(?:[^\w\u064b-\u065f\u0670]+[^\W\d_]{1,2})+"
                       r"[^\w\u064b-\u065f\u0670]*$")  # harakat belong to letters: "كَتَبَ" is a word
_INITIALS_CHARS = 24
_LETTER_RUN = re.compile(r"[^\W\d_]+")
SHORT_LINE_WORDS = 8
"""A line of at most this many words, not closed like a sentence, also gets
a template of its first word alone and one of its skeleton: a byline ("كتب
ربيع ضاهر", "أبوظبي - حمد الظاهري"), a credit ("(تصوير: حسن عبدالله)") or
a breadcrumb whose other words change. (5 before the furniture set A was
looked at: 0.898 of its lines there, 0.908 at 8; the corpus and the
other-site articles have no BLP004 finding at either.)"""
_SENTENCE_CLOSE = (".", "!", "?", "\u061f", "\u2026")
_SHORT_LINE_CHARS = 200  # longer than any line of eight words and their marks
_WORDLIKE = re.compile(r"[^\W_]")
_INNER_MARK = re.compile(r"\*[^*]*[^\s*][^*]*\*")  # a mark between two runs of words: "* - *", not "«*»"


def short_line_heads(text: str) -> list[tuple[str, int]]:
    """("∗ first-word *…", end column) for a line of two to
    `SHORT_LINE_WORDS` words (tokens with a letter or a digit; marks between
    them are no words) that does not end like a sentence and whose first
    token holds a letter (not a list item's "-", "•" or "1-"), and its
    skeleton (`_skeleton`: "أبوظبي - حمد الظاهري" is "* - *") when a mark
    stands between two of its words ("«*»" has none); none for other
    lines. Which of these recur is the batch's to say (`wildcard-share`)."""
    if len(text) > _SHORT_LINE_CHARS:
        return []  # a paragraph: most lines, and not split for nothing
    stripped = text.strip()
    parts = stripped.split()
    if stripped.endswith(_SENTENCE_CLOSE) or len(parts) < 2 or not _LETTER.search(parts[0]):
        return []  # a sentence, one word, or a list item's bullet ("-", "•", "1-") first
    words = sum(1 for part in parts if _WORDLIKE.search(part))
    if not 2 <= words <= SHORT_LINE_WORDS:
        return []  # marks between words ("»", "|", "-") are no words
    end = len(text.rstrip()) + 1
    out = [("\u2217 " + _shape(parts[0]) + " *" + _MASKED_TAIL, end)]
    skeleton = _skeleton(stripped)
    if _INNER_MARK.search(skeleton) and not _kicker(stripped, skeleton):
        out.append(("\u2217\u2217\u2217 " + skeleton, end))
    return out


LABEL_VALUE_WORDS = 3
"""A "label: value" line whose value is longer is a headline with its kicker
("كأس الكاف: النادي الصفاقسي يتحول اليوم"), not a byline ("بقلم: جنى العلي")."""


def _kicker(text: str, skeleton: str) -> bool:
    """A line shaped "*: *" whose part after the colon has more than
    `LABEL_VALUE_WORDS` words: its shape is that of every headline with a
    kicker, no evidence of furniture (its first word still is)."""
    return skeleton.replace(" ", "") == "*:*" and len(text.split(":", 1)[1].split()) > LABEL_VALUE_WORDS


_LABEL_COLON = re.compile(r"(?<![0-9\u0660-\u0669]):|:(?![0-9\u0660-\u0669])")


def _label_colon(text: str, words: int) -> int:
    """The offset of the colon that ends a label of 2 to `words` words
    ("رابط الخبر بصحيفة …:", "أحمد علي- سبق- القاهرة:"), or -1. The colon of
    a time (16:00) is not one, and one word before a colon ("البرنامج :",
    the kicker "سوسة :") labels the article's own text."""
    first = text.find(":", 0, 400)
    if first < 0:
        return -1  # most lines: no regex search
    m = _LABEL_COLON.search(text, first, 400)
    return m.start() if m is not None and 2 <= len(text[:m.start()].split(None, words)) <= words else -1


_HEAD_WORD = re.compile(r"[^\s\-\u2013\u2014|/\u060c,]+")
_DASHES = re.compile(r"[\-\u2013\u2014|/]")
WILDCARD_EDGE = 2
"""Words a wildcard head may mask at either end of a label: a place, or a
writer's two names, before or after the site's own words."""


def wildcard_heads(text: str, words: int, lede: bool = False, tail_words: int = 0) -> list[tuple[str, int]]:
    """The templates of a label's head ("بغداد - شفق نيوز", "أحمد علي- سبق-
    القاهرة") with up to `WILDCARD_EDGE` words masked at its start and at
    its end, at least one kept: "* - شفق نيوز:…", "* *- سبق- *:…"; each
    with the column after the head. The places and writers that change from
    file to file drop out, the site's own words stay; which of them recur
    is the batch's to say (`wildcard-share`). At the head of the first
    paragraph (`lede`) a dateline may also end in a dash before the
    article ("القاهرة (رويترز) - ", "بغداد - "): up to `DASH_HEAD_WORDS`
    words, followed by more than `tail_words` words; a head of one or two
    words (a place) may then be masked whole ("* -…"): only the batch's
    share says it is a convention. At a lede, a head of up to
    `DASH_HEAD_WORDS` words with marks inside it also yields its skeleton
    ("∗∗ * - *:…", `_skeleton`), first in the list."""
    colon = _label_colon(text, words)
    end_mark = ":"
    if colon < 0:
        if not lede:
            return []
        dash = _DASH_HEAD.match(text)
        if dash is None or text.count(" ", dash.end()) <= tail_words:
            return []
        colon, end_mark = dash.end() - 1, " /" if text[dash.end() - 1] == "/" else " -"
    head = text[:colon]
    spans = [(m.start(), m.end()) for m in _HEAD_WORD.finditer(head)]
    count = len(spans)
    whole = end_mark != ":" and 1 <= count <= 2
    skeleton = _skeleton(head) if lede and count <= DASH_HEAD_WORDS else ""
    out = [("\u2217\u2217 " + skeleton + end_mark + _MASKED_TAIL, colon + 2)] if skeleton else []
    if count < 2 and not whole:
        return out
    tokens = _shape(" ".join(head[a:b] for a, b in spans)).split()
    seps = [" - " if _DASHES.search(head[b:c]) else " " for (_, b), (c, _) in zip(spans, spans[1:])]
    shapes = []
    for masked_start in range(min(WILDCARD_EDGE, count - (0 if whole else 1)) + 1):
        for masked_end in range(min(WILDCARD_EDGE, count - masked_start - (0 if whole else 1)) + 1):
            if masked_start == masked_end == 0:
                continue
            kept = ["*"] * masked_start + tokens[masked_start:count - masked_end] + ["*"] * masked_end
            shape = "\u2217 " + "".join(word + sep for word, sep in zip(kept, seps + [""])) + end_mark + _MASKED_TAIL
            if shape not in shapes:
                shapes.append(shape)
    return out + [(shape, colon + 2) for shape in shapes]


# A run of the words of a head (letters, digits, initials "ب."), and runs of
# them with only spaces between.
_HEAD_RUN = re.compile(r"[^\s\-\u2013\u2014|/\u060c,:()\[\]«»\"]+")
_MASKED_RUNS = re.compile(r"\*(?:\s+\*)+")
_SPACES = re.compile(r"\s+")


def _skeleton(head: str) -> str:
    """The head with every run of words masked to one "*", only its marks
    kept: "المدينة المنورة - فهد العتيبي" and "جدة - سعد القحطاني" are
    "* - *", "تلمسان: ب. قاسمي" is "*: *", "بغداد/ دجلة" is "*/ *"; ""
    for a head of words only ("وقال الوزير"), which names no structure."""
    masked = _MASKED_RUNS.sub("*", _HEAD_RUN.sub("*", _SPACES.sub(" ", head.strip())))
    return masked if masked != "*" else ""


DASH_HEAD_WORDS = 6
# A dateline ended by a dash: up to DASH_HEAD_WORDS words without sentence
# punctuation, then a dash with white space after it.
# A word may be initials of single letters ("ب.", "ع.م.", "أ.ف.ب"; "به." ends a
# sentence, so no head runs past it), and the first word may end in a colon
# or a comma ("تلمسان: ب. قاسمي - ", the wire's "القاهرة، 5 يناير (رويترز) - ").
_DASH_WORD = (r"(?:(?:[^\W\d_]\.)+[^\W\d_]?|[0-9\u0660-\u0669]{1,4}(?:[\-/.][0-9\u0660-\u0669]{1,4}){2}"
              r"|[^\s\-\u2013\u2014.!?\u061f\u060c:]+)")
_DASH_HEAD = re.compile(r"%s[:\u060c,]?(?:\s+%s){0,%d}\s*[\-\u2013\u2014/](?=\s)"
                        % (_DASH_WORD, _DASH_WORD, DASH_HEAD_WORDS - 1))


def _shape(head: str) -> str:
    """Lower-cased, digits to 0, given names to N, and in a head with a
    digit month and weekday names to M and D (without one, "مارس" is a
    verb and "صفر" a zero)."""
    shaped = _DIGITS.sub("0", head.lower())
    words = _mask_names(shaped.split())
    return " ".join(_mask_dates(words) if shaped != head.lower() else words)


# Month and weekday names (`newslint.dates`) are masked in templates like
# digits: a date line ("نشر في 17 فيفري 2017", "الخميس 20 نيسان 2017 |
# العدد 8523") is one template whatever the day.


def _mask_dates(words: list[str]) -> list[str]:
    """Month names to M (one M for a month of two words or two calendars:
    "كانون الثاني/يناير", "تموز/يوليو"), weekdays to D and a time's ص/م to
    T, their punctuation kept."""
    out, after_month = [], False
    for index, word in enumerate(words):
        bare = word.strip(WORD_EDGES)
        second = bare.split("/", 1)
        if after_month and second[0] in MONTH_SECONDS and (len(second) == 1 or is_double_month("/" + second[1])):
            out[-1] = out[-1] + word.replace(bare, "")  # "كانون الثاني،", "كانون الثاني/يناير": one M
            after_month = False
            continue
        if bare in MONTH_FIRSTS and index + 1 < len(words) and words[index + 1].strip(WORD_EDGES) in HIJRI_SECONDS:
            out.append(word.replace(bare, "M"))
            after_month = True
            continue
        if bare in MONTHS or is_double_month(bare):
            out.append(word.replace(bare, "M"))
            after_month = bare in MONTHS or bare.split("/")[-1] in MONTHS
            continue
        after_month = False
        if bare in WEEKDAYS:
            word = word.replace(bare, "D")
        elif bare in TIME_MARKS:
            word = word.replace(bare, "T")
        out.append(word)
    return out


def _mask_names(words: list[str]) -> list[str]:
    return ["N" if w in _NAMES else w for w in words]


def template_hash(text: str, position: str) -> int:
    """A 63-bit key for (template, position class): unique enough for the
    thousands of templates of one folder, small in a sketch and a profile."""
    data = f"{position}\0{text}".encode("utf-8", "surrogatepass")
    return (zlib.crc32(data) << 31) ^ zlib.adler32(data)  # two C calls: a digest object costs more


def position_classes(doc) -> list[tuple[int, str, bool, bool]]:
    """(line, start|inline|end, is the headline, is appended) of every
    candidate line: not blank, holding letters, not the article's own source
    or tags line. Lines of appended sections count for learning (the same
    footer is appended content in long articles, a passing body line in a
    short one) but BLP002 reports them. Before the
    first body paragraph is the start; after the last, or after the source
    line (a short article's furniture may pass for body text), the end."""
    return [(n, _CLASSES[position], headline, appended)
            for n, position, headline, appended, _ in _candidates(doc)]


def _candidates(doc):
    """position_classes' rows, with the class as its index in _CLASSES and
    the line's text: what line_sketch needs, without a list in between."""
    zones = doc.zones
    kinds = zones.kinds
    if BODY in kinds:  # the first and last body paragraph, without a list of them all
        first, last = kinds.index(BODY) + 1, len(kinds) - kinds[::-1].index(BODY)
    else:
        first = last = 0
    if zones.source_lines:
        last = min(last, zones.source_lines[0])
    appended = {n for start, end in zones.sections for n in range(start, end + 1)} if zones.sections else ()
    search = _LETTER.search
    for n, (kind, line) in enumerate(zip(kinds, doc.lines), 1):
        if kind in (SOURCE, TAGS) or not search(line.text):
            continue
        yield n, _START if n < first else _END if n > last else _INLINE, kind == HEADLINE, n in appended, line.text


def templates_of(doc, options) -> dict:
    """template hash -> template text of the document's candidate lines
    (for the profile, which shows the text next to each hash)."""
    return {template_hash(shape, _CLASSES[c]): shape for _, c, shape, _, _ in _line_templates(doc, options)}


def _ledes(doc, tail_words: int) -> tuple[int, ...]:
    """The line numbers that may be the article's first paragraph: the
    first body paragraph, and the first one longer than `tail_words` words
    when only short lines not closed like a sentence come before it (a page
    whose header lines came first: the zone parser then takes the site's
    name for the headline, and the headline and a section label for
    paragraphs). A paragraph closed like a sentence ends the search. Empty
    when there is no body paragraph."""
    kinds, lines = doc.zones.kinds, doc.lines
    first = 0
    for n, kind in enumerate(kinds, 1):
        if kind != BODY:
            continue
        text = lines[n - 1].text
        if text.count(" ") > tail_words:
            return (first, n) if first else (n,)
        first = first or n
        if text.rstrip().endswith(_SENTENCE_CLOSE):
            break  # a paragraph of the article's own: what follows is no lede
    return (first,) if first else ()


def _headed(doc, headline: int, ledes: tuple) -> bool:
    """Whether the zone parser's headline (line `headline`) may be a page's
    header line: the next line that is not blank is a sub-heading or a
    short body line before the first paragraph (`_ledes` found two), where
    an article's own headline is followed by its first paragraph."""
    kinds = doc.zones.kinds
    for kind in kinds[headline:]:
        if kind != BLANK:
            return kind == SUBHEADING or (kind == BODY and len(ledes) == 2)
    return False


ONE_WORD_HEADER_CHARS = 30  # a one-word header line longer than this is no section label

# a word: a letter first, then letters, digits and harakat
_WORD_RUN = re.compile(r"[^\W\d_](?:[^\W_]|[\u064b-\u065f\u0670])*")


def header_headline_heads(text: str, words: int, tail_words: int) -> list[tuple[str, int]]:
    """The wildcard templates of a "headline" that may be a page's header
    line: the zone parser takes a file's first line for the headline, and
    when a short line stands between it and the first long paragraph
    (`_headed`), that first line may be a section label ("أطلس
    أنفو | سياسة"), a breadcrumb ("الرئيسية › سياسة › آخر الأخبار"), a
    ticker ("عاجل | ...", "نتائج مباشرة: الشباب 4-0 الهلال | ...") and the
    real headline the short line after it. Its first word alone, marks
    around it aside (so "🔴 عاجل |" and "عاجل:" are one), for a line of any
    number of words up to its 200 characters (a ticker is long; not the
    skeleton: "* : *" is the shape of many real headlines) and a label's masked tail; like every
    wildcard, furniture only at `wildcard-share` of the folder's files, and
    real headlines do not share a first word that often (at most 9 % in
    any folder of the corpus)."""
    runs = _WORD_RUN.findall(text, 0, _SHORT_LINE_CHARS)
    if len(runs) == 1 and len(text) <= ONE_WORD_HEADER_CHARS:
        # a section label of one word that changes ("» ثقافة", "رياضة"): its shape
        return [("\u2217\u00b9 " + _HEAD_RUN.sub("*", text.strip()), len(text.rstrip()) + 1)]
    if len(text) > _SHORT_LINE_CHARS or len(runs) < 2:
        return []
    # its first word, marks aside: "🔴 عاجل | ...", "عاجل | ..." and "عاجل: ..." are one ticker
    out = [("\u2217 " + _shape(runs[0]) + " *" + _MASKED_TAIL, len(text.rstrip()) + 1)]
    if _label_colon(text, words) >= 0:
        shape, head_end = template(text, words, tail_words)
        out.append(("\u2217 " + shape, head_end or len(text.rstrip()) + 1))
    return out


def _may_be_dated(position: int, n: int, headline: bool, ledes: tuple) -> bool:
    """A line that may carry a dateline or a byline: one before the first
    body paragraph, or a lede (`_ledes`)."""
    return not headline and (position == _START or n in ledes)


PRIOR, APPENDED, WILDCARD, LISTED, HEADER, OPENING = 1, 2, 4, 8, 16, 32  # flags of a sketch row
# OPENING: the template is the first words of a longer line inside the article
HEADER_SHARE = 0.4
"""The share of a folder's files a header headline's template needs (its
first word, a label, a one-word shape): a folder on one topic may start a
third of its headlines with the same word ("كورونا ..."), a site's header
line stands in most of its pages."""
_BULLET_SHIFT = 8  # a LISTED row holds its bullet's code point above the flags
_BULLET = re.compile(r"\s*(?:([^\w\s\"'«»()\[\]\u061f.,:;!?])|[0-9\u0660-\u0669]{1,2}([.)\-]))\s+\w")
# a mark or a number and its mark, a space, a word: "◄ عنوان", "• عنوان", "١. عنوان", "2) عنوان"
LIST_MIN_WORDS = 3


def _bullet_flags(text: str) -> int:
    """LISTED and the bullet, for a list item of at least `LIST_MIN_WORDS`
    words that opens with a mark and a space ("◄ <headline>") or with a
    number and its mark ("١. <headline>"); else 0."""
    m = _BULLET.match(text)
    if m is None or text.count(" ", m.end()) < LIST_MIN_WORDS - 1:
        return 0
    bullet = m.group(1) or "#" + m.group(2)  # numbered items share their mark, not their number
    return LISTED | (sum(ord(c) << (8 * i) for i, c in enumerate(bullet)) << _BULLET_SHIFT)


def _has_phrase(text: str, words: int) -> bool:
    """A short line (at most `words` words) with a phrase of BLP003's
    furniture list, which is folded: only short lines are folded for it."""
    return text.count(" ") < words and _PHRASES.search(fold(text).lower()) is not None


def line_sketch(doc, options) -> bytes:
    """(line, class index, template hash, end column, characters, flags) of
    each candidate line: what `compare` needs, and nothing of the text;
    packed (48 bytes a line, a third of them as tuples: a batch keeps every
    file's sketch until the comparison)."""
    out = array("q")
    for n, c, shape, end, flags in _line_templates(doc, options):
        out.extend((n, c, template_hash(shape, _CLASSES[c]), end, end - 1, flags))
    return out.tobytes()


def _line_templates(doc, options):
    """(line, class index, template, end column, flags) of every template of
    every candidate line: the whole line's, and the wildcard heads."""
    longest, words, tail_words = options["max-chars"], options["words"], options["tail-words"]
    ledes = _ledes(doc, tail_words)
    header = range(ledes[0], ledes[1]) if len(ledes) == 2 else range(0)
    for n, position, headline, appended, text in _candidates(doc):
        flags = (APPENDED if appended else 0) | (_bullet_flags(text) if not headline else 0)
        labelled = ":" in text[:longest]
        lede = n in ledes
        # a header line the parser put inside the article (its real headline
        # was read as a paragraph) is counted at the start as well
        classes = (position, _START) if position == _INLINE and n in header else (position,)
        heads = wildcard_heads(text, words, lede, tail_words) \
            if (labelled or lede) and _may_be_dated(position, n, headline, ledes) else ()
        if len(text) <= longest or labelled:  # else a paragraph, not furniture (and most of the cost)
            shape, head_end = template(text, words, tail_words, not headline)
            end = head_end or len(text.rstrip()) + 1
            if not headline and _has_phrase(text, words):
                flags |= PRIOR
            opening = OPENING if position == _INLINE and head_end is None and \
                not shape.endswith(_MASKED_TAIL) and len(text.split(None, words)) > words else 0
            for c in classes:
                yield n, c, shape, end, flags | opening
        if not headline:
            heads = [*heads, *short_line_heads(text)]
        elif _headed(doc, n, ledes):
            heads = header_headline_heads(text, words, tail_words)
            flags |= HEADER
        for shape, end in heads:
            for c in classes:
                yield n, c, shape, end, flags | WILDCARD


def sketch_rows(lines: bytes) -> list[tuple]:
    """The rows line_sketch packed."""
    values = memoryview(lines).cast("q")
    return [tuple(values[i:i + _ROW]) for i in range(0, len(values), _ROW)]


_ROW = 6  # values a row of line_sketch


def story_hash(doc) -> int:
    """A 63-bit key for the article a file prints: its headline and its two
    longest body paragraphs (else its two longest lines). Copies of one
    story share it; two stories do not, even when a site prints a long
    fixed paragraph in every page (the headline and the next paragraph
    differ)."""
    kinds = doc.zones.kinds
    texts = [line.text for kind, line in zip(kinds, doc.lines) if kind == BODY] or \
        [line.text for line in doc.lines]
    headline = doc.line(doc.zones.headline).text if doc.zones.headline else ""
    return template_hash("\n".join([headline, *sorted(texts, key=len)[-2:]]), "story")


def _copied_stories(sketches, base: str | None) -> set:
    """The (folder, story) keys that more than one file of a folder prints:
    an 8-byte key a file, sorted once (`groups_of_equal`)."""
    keys = array("q", (_story_key(path, story, base) for path, (_, _, story) in sketches))
    return {keys[members[0]] for members in groups_of_equal(len(keys), keys.__getitem__, 2)}


def _story_key(path: str, story: int, base: str | None) -> int:
    return story ^ template_hash(folder_of(path, base), "folder")


class _Copies:
    """The rows of files that print the same story as another file of their
    folder, as (template, value, story) in three arrays (20 bytes a row,
    only for those files), to count how many extra files the copies add to
    each (template, value): a story counts once."""

    def __init__(self) -> None:
        self.hashes, self.values, self.stories = array("q"), array("I"), array("q")

    def add(self, h: int, value: int, story: int) -> None:
        self.hashes.append(h)
        self.values.append(value)
        self.stories.append(story)

    PARTS = 16

    def extra(self) -> dict:
        """(template, value) -> files beyond the first of each story. Sorted
        a sixteenth at a time (by the template's low bits), as `HashPairs`
        does, so the sort's keys never hold every row at once."""
        out = {}
        hashes, values, stories = self.hashes, self.values, self.stories
        parts = [array("I") for _ in range(self.PARTS)]
        for i, h in enumerate(hashes):
            parts[h % self.PARTS].append(i)
        for part in parts:
            def pair(j: int, part=part) -> tuple[int, int]:
                return hashes[part[j]], values[part[j]]
            for members in groups_of_equal(len(part), pair, 2):
                extra = len(members) - len({stories[part[j]] for j in members})
                if extra:
                    out[pair(members[0])] = extra
        return out


def learn(sketches, options, base: str | None = None) -> dict:
    """folder -> {template hash: (files with it, position class)}, for the
    templates that are furniture there, and folder -> files seen:
    (furniture, totals). Linear in the number of lines. The pairs are
    counted by sorting arrays (`HashPairs`: 12 bytes a line), not in a
    Counter a folder: most templates are seen once, and a dict entry for
    each cost ~100 bytes a line at 100,000 files.

    Copies of one story count as one file when the thresholds are applied
    (`story_hash`): three copies of a story are no evidence that their
    headline is the site's. The counts reported stay the files'. (Which
    copy comes first does not matter: the copies' rows are counted apart,
    `_Copies`.) The value of a pair holds the folder, the position class
    and whether the template is the opening of a longer line (OPENING),
    which its hash decides, so no set of such hashes is kept."""
    copied = _copied_stories(sketches, base)
    copies = _Copies()
    folders: dict = {}                  # folder -> its number
    totals: dict = defaultdict(int)
    priors: set = set()
    wildcards: set = set()
    headers: set = set()
    pairs = HashPairs()                 # (template hash, (folder number * 4 + position class) * 2 + opening)
    for path, (_, packed, story) in sketches:
        lines = sketch_rows(packed)
        folder = folder_of(path, base)
        number = folders.setdefault(folder, len(folders))
        totals[folder] += 1
        key = _story_key(path, story, base)
        for h, value in {(row[2], (number * 4 + row[1]) * 2 + bool(row[5] & OPENING)) for row in lines}:
            pairs.add(h, value)  # a template counts once a file
            if key in copied:
                copies.add(h, value, key)
        priors.update(row[2] for row in lines if row[5] & PRIOR)
        wildcards.update(row[2] for row in lines if row[5] & WILDCARD)
        headers.update(row[2] for row in lines if row[5] & HEADER)
    extra = copies.extra()
    names = list(folders)
    furniture = {folder: {} for folder in folders}
    for h, places in pairs.groups(by_value=True, smallest=1):
        value = places[0]
        folder = names[value // 8]
        stories = len(places) - extra.get((h, value), 0)
        if _is_furniture(stories, totals[folder], h in priors, options, h in wildcards, h in headers, value & 1):
            furniture[folder][h] = (len(places), _CLASSES[(value // 2) % 4])
    return furniture, dict(totals)


def _is_furniture(files: int, total: int, prior: bool, options, wildcard: bool = False, header: bool = False,
                  opening: bool = False) -> bool:
    """Enough files (copies of one story counted once) and a large enough
    share of the folder's; a line that
    starts with a known furniture phrase (the phrase list, BLP003's) needs
    half the share: the list is a prior, the batch is the evidence. A head
    with words masked needs `wildcard-share`: "وقال *:" heads some
    paragraphs of any site, a dateline most of one site's. The first words
    of a longer line inside the article need one file more than
    `min-files`: a day's stories on one person open alike ("قال القيادي
    المؤسس لحركة نداء تونس، لزهر العكرمي إن ..." in 3 of 20 files)."""
    share = options["wildcard-share"] if wildcard else options["min-share"] / (2 if prior else 1)
    if header:
        share = max(share, HEADER_SHARE)
    return files >= options["min-files"] + (1 if opening else 0) and files >= share * total


class SiteFurniture(BatchRule):
    """A line (or the head of one) that recurs across the files of one source folder: the site's furniture.

    What: lines whose template (Latin lower-cased, digits masked to
    0, common given names masked, in a date the month and weekday names
    masked, the rest after an early colon masked, the first `words` words
    kept) stands at the same place (start: before the
    first body paragraph; inline; end: after the last) in at least
    `min-share` of the files of one folder and in at least `min-files`
    files. A folder is the file's parent folder: one site a folder. Each
    occurrence is reported where it stands, with the evidence: "this line
    ends 2,090 of 2,090 files under site-a/". When the masked tail after
    the colon is long (more than `tail-words` words: a dateline followed by
    the article), only the head up to the colon is reported. A dateline or
    byline whose place or writer changes from file to file ("بغداد - شفق
    نيوز:", "أحمد علي- سبق- القاهرة:"), before the first body paragraph or
    at its head, is also templated with up to two words masked at either
    end of the label ("* - شفق نيوز:"); such a head is furniture when it
    stands in at least `wildcard-share` (0.3) of the folder's files: the
    site's own words recur in most of its pages, a "وقال * *:" lede in few.
    At the head of the first paragraph a dateline may also end in a dash
    before the article ("أنقرة (رويترز) - ", "بغداد - ", "تلمسان: ب.
    قاسمي - ") or a slash ("كربلاء/ دجلة برس/ "): up to six words, and a place of one or two words may be
    masked whole ("* -"), so that only the share of the folder says it is
    the site's convention. A head of up to six words with marks inside it
    also gets its shape, every run of words masked ("جدة - سعد القحطاني:"
    and "المدينة المنورة - فهد العتيبي:" are "* - *:", "بغداد/ دجلة - " is
    "*/ * -"): a site whose place and writer both change has nothing else in
    common from file to file; "وقال الوزير:" has no shape. The first
    paragraph is the first body paragraph, and also the first one of more
    than `tail-words` words when header lines came before the headline (the
    zone parser then reads the site's name as the headline and the headline
    as a paragraph). A short line (two to eight words, not closed like a
    sentence, not the headline) also gets a template of its first word
    alone and one of its skeleton, at `wildcard-share`: a byline "كتب
    ربيع ضاهر" or "أبوظبي - حمد الظاهري" ("* - *"; not "*: *" with more
    than three words after the colon, a headline's kicker), a credit "(تصوير:
    حسن عبدالله)", a breadcrumb "الرئيسية » تقنية » إنترنت"; and a line of
    initials ("(غ.ح)", "ع.م/س.ك") has its letters masked. A first line
    the parser took for the headline, when a sub-heading or a short line
    comes before the first paragraph, may be the page's header ("أطلس أنفو
    | سياسة", "عاجل | ..."): it gets its first word alone and a label's
    masked tail, at `wildcard-share` (a one-word label, "» ثقافة",
    its shape). The list right under a furniture
    line, in its block (two or more lines opening with the same bullet or
    numbering mark: "مواضيع قد تهمك" and "◄ <headline>" or "١. <headline>"
    lines), is reported with it: the
    label is learned, the headlines change in every page. A dash-ended
    dateline may be the wire's "القاهرة، 5 يناير (رويترز) - " too.

    Evidence: the batch itself, when the run covers enough files of the
    folder, files that print the same story (the same headline and two
    longest body paragraphs: copies) counting as one file for the
    thresholds; else the profile, a file that `newslint profile` writes
    from a large run (`.newslint-profile.json` next to the config, the config's
    `profile` key or `--profile`), so a pre-commit run on three files flags
    the furniture the profile knows. A line starting with a phrase of
    BLP003's list needs half the share (the list is a prior, not the
    detector).

    Not furniture: the article's own source and tags lines (SRC and MET
    rules judge those; every file of a site ends with the same source line,
    which is attribution, not page furniture), lines inside appended
    sections (BLP002 reports them whole), and the lines of a copy: when a
    file's furniture would be more than half of its text, the lines seen in
    the fewest files are left out until it is not (a short article printed
    by three files of the folder under a header that every page prints: the
    header is reported, the copies are DUP's business), and nothing is
    reported when no such split leaves anything. The first words of a
    longer line inside the article need `min-files` + 1 files: a day's
    stories on one person may open a paragraph alike.

    Why: every site has its own furniture, repeated in hundreds of its
    files, that no hand list of phrases finds; left in, it is a sentence of
    thousands of articles for every model trained on them.

    Tune: `min-share` (0.02), `wildcard-share` (0.3) and `min-files` (3) trade recall for precision
    (the share is low so that a folder holding several sites, or a site
    whose furniture stands in a tenth of its pages, still shows it: on the
    10,138-file corpus 0.01 finds nothing that is not furniture);
    `words` (8) is how much of a line makes its template, `tail-words` (20)
    when a masked tail is the article, `max-chars` (250) the longest line
    that can be furniture without a label. A profile remembers `words`,
    `tail-words` and `max-chars`: change them, and run `newslint profile`
    again. See docs/furniture.md.

    Fires: "رابط الخبر بصحيفة الوئام: <the headline>" at the end of 2,090 of
    2,090 files under site-a/. Does not fire: "وقال المتحدث باسم الوزارة"
    opening paragraphs of a few files of the folder, or on the line
    "المصدر: Jawhara FM" that ends every file (the source line).
    """

    code = "BLP004"
    name = "site-furniture"
    category = "boilerplate"
    options = {"min-share": {"type": "number", "exclusiveMinimum": 0, "maximum": 1, "default": 0.02,
                             "description": "share of a folder's files a template must occur in"},
               "wildcard-share": {"type": "number", "exclusiveMinimum": 0, "maximum": 1, "default": 0.3,
                                  "description": "share of a folder's files a dateline or byline head must "
                                                 "occur in, its changing words masked"},
               "min-files": {"type": "integer", "minimum": 2, "default": 3,
                             "description": "fewest files a template must occur in"},
               "words": {"type": "integer", "minimum": 1, "maximum": 30, "default": 8,
                         "description": "first words of a line kept in its template"},
               "tail-words": {"type": "integer", "minimum": 1, "default": 20,
                              "description": "a masked tail longer than this is the article, not furniture"},
               "max-chars": {"type": "integer", "minimum": 1, "default": 250,
                             "description": "a longer line is a paragraph, unless a colon comes first"}}

    def compares_one(self, options) -> bool:
        """With a profile, one file is enough (a pre-commit run)."""
        return bool(options.get("profile"))

    def sketch(self, doc, options):
        lines = line_sketch(doc, options)
        return (len(doc.text), lines, story_hash(doc)) if lines else None

    def compare(self, sketches, options):
        from newslint.profile import known_furniture

        learned, totals = learn(sketches, options)
        known = known_furniture(options)
        for path, (chars, lines, _) in sketches:  # in the run's order: the findings are sorted by path later
            rows = sketch_rows(lines)
            found = _not_a_copy(_evidence_rows(path, rows, learned.get(folder_of(path), {}), totals, known), chars)
            for row, evidence, _ in found + _lists_under(found, rows):
                yield path, hit(row[0], 1, row[3], f"site furniture: this line{evidence}")


def _not_a_copy(found: list, chars: int) -> list:
    """The furniture rows of a file, less what makes it a copy. When they
    would be more than half of its text, the file shares its article with
    a few others (a copy: DUP's business), unless the rows seen in the
    fewest files are the copy's lines and the rest, seen in more files, is
    the page's furniture: a short article on a page with a header, a cookie
    notice and share buttons ("this line starts 9 of 20 files" beside its
    headline, which 3 copies print)."""
    while found and sum(row[4] for row, _, _ in found) * 2 > chars:
        fewest = min(files for _, _, files in found)
        rest = [entry for entry in found if entry[2] > fewest]
        if not rest:
            return []
        found = rest
    return found


def _evidence_rows(path, lines, learned: dict, totals: dict, known) -> list:
    """The rows of `lines` that are furniture, each with its evidence and
    the number of files that print it."""
    out, seen = [], set()
    for row in lines:
        if row[5] & APPENDED or row[0] in seen:
            continue  # BLP002 reports the appended section whole; a line is reported once
        where = _CLASSES[row[1]]
        if row[2] in learned:
            files = learned[row[2]][0]
            evidence = _says(where, files, totals[folder_of(path)], shown_parent(path))
        else:
            entry = known.lookup(folder_of(path, known.base), row[2]) if known is not None else None
            if entry is None:
                continue
            files = entry.files
            evidence = _says(where, entry.files, entry.total, entry.folder) + " (profile)"
        head = ", its changing words masked," if row[5] & WILDCARD else ""
        out.append((row, f"{head} {evidence}", files))
        seen.add(row[0])
    return out


def _lists_under(found: list, lines) -> list:
    """The list right under a furniture line, in its block: two or more
    lines in a row, each opening with the same bullet ("◄ <headline>"), the
    first on the next line. A related-news block is a label the site prints
    in every page ("مواضيع قد تهمك") and headlines that change in every
    page: the label is learned, its list is not, and follows it. (Not
    counted in the half of a file that makes it a copy: the list's
    headlines are the page's, not another file's.)"""
    seen = {row[0] for row, _, _ in found}
    rows = {}
    for row in lines:
        rows.setdefault(row[0], row)
    out = []
    for label, _, files in found:
        if label[5] & WILDCARD:
            continue  # a label is a line the site prints as it is ("مواضيع قد تهمك"), not a masked head
        items, n = [], label[0] + 1
        while n in rows and rows[n][5] & LISTED and n not in seen:
            if items and rows[n][5] >> _BULLET_SHIFT != items[0][5] >> _BULLET_SHIFT:
                break
            items.append(rows[n])
            n += 1
        if len(items) >= 2 and not any(row[5] & APPENDED for row in items):
            seen.update(row[0] for row in items)
            out.extend((row, f" is an item of the list under line {label[0]}, site furniture", files) for row in items)
    return out




def _says(where: str, files: int, total: int, folder: str) -> str:
    verb = {START: "starts", INLINE: "stands inside", END: "ends"}[where]
    return f"{verb} {files:,} of {total:,} files under {folder.rstrip('/')}/"
