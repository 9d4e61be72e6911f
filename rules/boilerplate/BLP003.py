"""BLP003 (site-furniture)."""
from __future__ import annotations

import re

from newslint.arabic import fold
from newslint.rule import Rule, delete_line, hit
from newslint.zones import INLINE_MARKER, MARKER, ZoneKind
from newslint.rules.boilerplate._common import _line_span, _quote

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


_LEADING_MARKS = re.compile(r"^[\W\d_]+")


def starts_with_furniture(text: str) -> bool:
    """Whether `text` opens (marks aside: "» اشترك ...") with a phrase of
    the furniture list; for rules of other families that must not read an
    invitation or a share line as article text."""
    return _PHRASES.match(_LEADING_MARKS.sub("", fold(text[:_HEAD_CHARS]).lower())) is not None


_HEAD_CHARS = 80  # characters of a line folded to look for a phrase at its start


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


_NOT_FURNITURE = (ZoneKind.BLANK, MARKER, INLINE_MARKER, ZoneKind.SOURCE, ZoneKind.TAGS, ZoneKind.META)


class SiteFurniture(Rule):
    """Share, subscribe, cookie, copyright or comment-form lines inside the article.

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
            if len(line.text) > 200 or line.text.count(" ") > MAX_FURNITURE_WORDS:
                continue  # a paragraph that mentions "copyright" is not a copyright line
            if not zones.in_article(line.number) or zones.kind(line.number) in _NOT_FURNITURE:
                continue
            kind = furniture_kind(line.text)
            if kind:
                start, end = _line_span(doc, line.number)
                yield hit(line.number, start, end, f"{kind} line of the web page, not article text: "
                          f"\"{_quote(line.text)}\"",
                          delete_line(line.number))
