"""Boilerplate family (BLP): site furniture and other articles scraped along
with the article: read-more links, appended sections, share and legal lines.

Structure comes from the zone parser (`newslint.zones`); this module only
decides what to report."""
from __future__ import annotations

import re

from newslint.arabic import fold
from newslint.hookspecs import hookimpl
from newslint.models import Edit, Fix
from newslint.rule import Rule, delete_line, hit
from newslint.zones import INLINE_MARKER, MARKER


def _line_span(doc, number: int) -> tuple[int, int]:
    text = doc.line(number).text
    start = len(text) - len(text.lstrip()) + 1
    return start, len(text.rstrip()) + 1


def _quote(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


class ReadMoreLink(Rule):
    """A "read more" / "read also" link inside the article.

    What: a line of the article that is a link to another article: it
    starts with "إقرأ المزيد", "اقرأ أيضاً", "شاهد أيضاً", "للمزيد" ... and
    carries the other article's headline, or is such a marker standing alone
    before the article goes on.

    Why: the linked headline is a different story; left in, it becomes a
    sentence of this article for every reader, index and model.

    Fires: "إقرأ المزيد لافروف: روسيا مستعدة للمساعدة في التفاوض على اتفاق
    سلام بين أذربيجان وأرمينيا". Does not fire: "وقال لافروف إن روسيا مستعدة
    للمساعدة" (the article's own sentence).

    Fix (unsafe): delete the line.
    """

    code = "BLP001"
    name = "read-more-link"
    category = "boilerplate"
    fixable = "unsafe"

    def check(self, doc, options):
        zones = doc.zones
        for number in zones.lines_of(INLINE_MARKER, MARKER):
            if not zones.in_article(number):
                continue
            text = doc.line(number).text
            start, end = _line_span(doc, number)
            yield hit(number, start, end, f"read-more link inside the article: \"{_quote(text)}\"",
                      delete_line(number))


class AppendedSection(Rule):
    """Content appended after the article: other articles, related lists,
    comment forms.

    What: a section that starts at a marker line ("إقرأ أيضاً:", "مقالات
    مشابهة", "اترك تعليقاً", ...) with no source line of the article after
    it, or any content after the article's source and tags lines. Each
    section is reported once, from its first to its last line.

    Why: the scraper took the page, not the article. Appended articles double
    the text of unrelated stories across the batch, skew topic models and
    make near-duplicate detection fail.

    Fires: "إقرأ أيضاً:" after "كلمات دلالية: ..." followed by another story;
    "مقالات مشابهة" followed by a list of headlines.
    Does not fire: the article's own paragraphs, source and tags lines.

    Fix (unsafe): delete the section.
    """

    code = "BLP002"
    name = "appended-section"
    category = "boilerplate"
    severity = "error"
    fixable = "unsafe"

    def check(self, doc, options):
        zones = doc.zones
        for start, end in zones.sections:
            head = doc.line(start).text
            if zones.kind(start) == MARKER:
                what = f"section \"{_quote(head, 40)}\""
            else:
                what = f"content after the source/tags lines (\"{_quote(head, 40)}\")"
            lines = end - start + 1
            yield hit(start, 1, len(doc.line(end).text) + 1,
                      f"appended {what}: {lines} line{'s' if lines != 1 else ''} that are not part of the article",
                      Fix("unsafe", "delete the appended section", (Edit(start, 1, end + 1, 1, ""),)),
                      end_line=end)


# Folded phrases (see arabic.fold) of site furniture inside the text.
_FURNITURE = (
    ("copyright", ("جميع الحقوق محفوظه", "حقوق النشر محفوظه", "كل الحقوق محفوظه", "copyright", "©")),
    ("privacy/cookie", ("سياسه الخصوصيه", "شروط الاستخدام", "ملفات تعريف الارتباط", "ملفات الكوكيز")),
    ("comment form", ("لن يتم نشر عنوان بريدك الالكتروني", "الحقول الالزاميه مشار اليها", "احفظ اسمي",
                      "اترك تعليقا", "اضف تعليقا", "الغاء الرد", "يجب انت تكون مسجل الدخول")),
    ("subscribe/follow", ("اشترك في النشره", "اشترك في قناتنا", "انضم الي قناتنا", "تابعونا علي",
                          "تابعوا اخر الاخبار", "حمل تطبيق", "لمتابعه اخر الاخبار", "اشترك الان")),
    ("share", ("شارك علي فيسبوك", "شارك علي تويتر", "شارك هذا المقال", "شارك الخبر", "نسخ الرابط",
               "اضغط هنا", "انقر هنا")),
)
_SHARE_WORDS = {"شارك", "طباعه", "فيسبوك", "تويتر", "واتساب", "تلغرام", "لينكدان", "ارسال", "مشاركه",
                "facebook", "twitter", "whatsapp", "telegram", "linkedin", "email", "print", "share"}
_SPLIT = re.compile(r"[\s|/•·,،:]+")
MAX_FURNITURE_WORDS = 25  # furniture lines are short; longer lines are text


_PHRASE_KIND = {p: kind for kind, phrases in _FURNITURE for p in phrases}
_PHRASES = re.compile("|".join(re.escape(p) for p in sorted(_PHRASE_KIND, key=len, reverse=True)))


def furniture_kind(text: str) -> str | None:
    folded = fold(text).lower()
    m = _PHRASES.search(folded)
    if m:
        return _PHRASE_KIND[m.group()]
    if folded.count(" ") > 12:
        return None
    words = [w for w in _SPLIT.split(folded) if w]
    if words and len(words) <= 6 and all(w in _SHARE_WORDS for w in words):
        return "share"
    return None


_NOT_FURNITURE = ("blank", MARKER, INLINE_MARKER, "source", "tags", "meta")


class SiteFurniture(Rule):
    """Share, subscribe, cookie, copyright or comment-form lines inside the
    article.

    What: a line of the article (not of an appended section, which BLP002
    reports whole) that is page furniture: "جميع الحقوق محفوظة", "تابعونا على
    ...", "شارك | فيسبوك | تويتر", "لن يتم نشر عنوان بريدك الإلكتروني" ...

    Why: it is text of the web page, not of the news; repeated across every
    article of a site, it dominates n-gram statistics of a training set.

    Fires: "تابعونا على فيسبوك وتويتر لمتابعة آخر الأخبار".
    Does not fire: "وقال الوزير إن الحكومة ستتابع الملف على كل المستويات".

    Fix (unsafe): delete the line.
    """

    code = "BLP003"
    name = "site-furniture"
    category = "boilerplate"
    fixable = "unsafe"

    def check(self, doc, options):
        zones = doc.zones
        for line in doc.lines:
            if not zones.in_article(line.number) or zones.kind(line.number) in _NOT_FURNITURE:
                continue
            if len(line.text) > 200 or line.text.count(" ") > MAX_FURNITURE_WORDS:
                continue  # a paragraph that mentions "copyright" is not a copyright line
            kind = furniture_kind(line.text)
            if kind:
                start, end = _line_span(doc, line.number)
                yield hit(line.number, start, end, f"{kind} line of the web page, not article text: "
                          f"\"{_quote(line.text)}\"",
                          delete_line(line.number))


@hookimpl
def newslint_rules():
    return [ReadMoreLink, AppendedSection, SiteFurniture]
