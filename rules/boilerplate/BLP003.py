"""BLP003 (site-furniture)."""
from __future__ import annotations

import re

from newslint.arabic import fold
from newslint.rule import Rule, delete_line, hit
from newslint.zones import INLINE_MARKER, MARKER, ZoneKind, is_breadcrumb
from newslint.rules.boilerplate._common import _line_span, _quote

# Folded phrases (see arabic.fold) of site furniture inside the text.
_FURNITURE = (
    ("copyright", ("جميع الحقوق محفوظه", "حقوق النشر محفوظه", "كل الحقوق محفوظه", "copyright", "©")),
    ("privacy/cookie", ("سياسه الخصوصيه", "شروط الاستخدام", "ملفات تعريف الارتباط", "ملفات الكوكيز",
                        "يستخدم الكوكيز", "cookies")),
    ("disclaimer", ("اخلاء مسؤوليه", "اخلاء المسؤوليه")),
    ("comment form", ("لن يتم نشر عنوان بريدك الالكتروني", "الحقول الالزاميه مشار اليها", "احفظ اسمي",
                      "اترك تعليقا", "اضف تعليقا", "الغاء الرد", "يجب ان تكون مسجل الدخول")),
    ("subscribe/follow", ("اشترك في النشره", "اشترك في قناتنا", "انضم الي قناتنا", "تابعونا علي",
                          "تابعوا اخر الاخبار", "حمل تطبيق", "لمتابعه اخر الاخبار", "اشترك الان")),
    ("share", ("شارك علي فيسبوك", "شارك علي تويتر", "شارك هذا المقال", "شارك الخبر", "نسخ الرابط",
               "اضغط هنا", "انقر هنا")),
)
_SHARE_WORDS = {"شارك", "طباعه", "فيسبوك", "تويتر", "واتساب", "تلغرام", "لينكدان", "ارسال", "مشاركه",
                "facebook", "twitter", "whatsapp", "telegram", "linkedin", "email", "print", "share"}
_SPLIT = re.compile(r"[\s|/•·,،:]+")
_MARKS = re.compile(r"[\W_]+")
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
        return _invitation(folded)
    parts = _SPLIT.split(folded)
    if _only(parts, _SHARE_WORDS, 6):
        return "share"
    if _only(parts, _AD_WORDS, 3):
        return "advertisement label"
    if _is_hashtags(folded):
        return "hashtags"
    shape = _SHAPES.match(folded)
    if shape:
        return shape.lastgroup.replace("_", " ")
    if _VIEW_COUNT.match(folded):
        return "view or comment count"
    if is_breadcrumb(folded):
        return "breadcrumb"
    return _invitation(folded)


def _only(parts: list, vocabulary: frozenset, most: int) -> bool:
    """One to `most` words, all of `vocabulary`, once icons and marks are
    taken off ("🖨 طباعة ✉ إرسال A+ A-": share buttons; "- إعلان -": an
    advertisement's label; "🖨" and "a+" are no words). Stops at the first
    other word: most lines are text."""
    words = 0
    for part in parts:
        word = part if part.isalpha() else _MARKS.sub("", part)
        if len(word) <= 1:
            continue
        if word not in vocabulary or words == most:
            return False
        words += 1
    return words > 0


_AD_WORDS = frozenset(("اعلان", "اعلانات", "ممول", "advertisement", "advertising", "sponsored", "ad", "ads",
                       "publicite"))


def _is_hashtags(folded: str) -> bool:
    """A line of two or more hashtags and nothing else: the page's tags
    or a social post's, not a sentence ("#المصادرة #بالأملاك #فساد")."""
    parts = folded.split()
    return len(parts) >= 2 and all(part.startswith("#") and len(part) > 1 for part in parts)


# Short lines any site prints around an article, by their shape (folded
# text, at most 12 spaces): a photo credit ("(صورة أرشيفية)", "الصورة:
# أرشيفية - أحمد الكندي", "تصوير: ..."); a byline that names the writer's
# role ("سارة المحميد - محرر الشؤون الاقتصادية"); a breaking-news ticker
# ("عاجل | ...").
_SHAPES = re.compile(
    r"(?P<photo_credit>\(?\s*(?:ال)?(?:صوره|تصوير)(?:\s*[:：]|\s+(?:ارشيفيه|توضيحيه|تعبيريه|من الارشيف)\b)"
    r"[^.!?؟]*$)"
    r"|(?P<byline>[^\W\d_]+(?:\s+[^\W\d_]+){0,3}\s*[-–—|]\s*"
    r"(?:محرر|محرره|مراسل|مراسله|صحفي|صحفيه|كاتب|كاتبه|رئيس تحرير|مدير تحرير)\b[^.!?؟]*$)"
    r"|(?P<breaking_news_ticker>عاجل\s*\|)")
_SHAPE_KINDS = frozenset(name.replace("_", " ") for name in _SHAPES.groupindex)


# An invitation is two cues, neither enough alone: the line opens with an
# imperative addressed to the reader (folded: "اشترك", "تابعونا", "انضموا",
# "حمّل"; not "تابع", "he went on") and names one of the page's channels
# or the site's own ("نشرتنا", "قناتنا", "صفحتنا": the first person plural
# is the site speaking). "تابعوا وكالة المنارة للأنباء على فيسبوك",
# "اشترك في نشرتنا الاقتصادية اليومية"; not "تابعوا المباراة على القناة".
_INVITING = frozenset("""اشترك اشتركوا اشتركي تابعونا تابعوا تابعي انضم انضموا انضمي اضغط اضغطوا ادعم ادعموا
للاشتراك لمتابعتنا""".split())  # not "سجل", "حمل", "نزل": past verbs as often as imperatives
_INVITING_HEAD = re.compile(r"[\W\d_]*(?:%s)\s" % "|".join(sorted(_INVITING, key=len, reverse=True)))
_CHANNEL = re.compile(r"فيسبوك|فايسبوك|فيس بوك|تويتر|واتساب|واتس اب|تلغرام|تليغرام|تيليغرام|تلجرام|يوتيوب|"
                      r"انستغرام|انستجرام|انستقرام|تيك توك|تيكتوك|لينكدان|سناب|"
                      r"نشرتنا|نشره|قناتنا|صفحتنا|صفحاتنا|حساباتنا|حسابنا|منصاتنا|موقعنا|تطبيقنا|"
                      r"facebook|twitter|whatsapp|telegram|youtube|instagram|tiktok|newsletter")


def _invitation(folded: str) -> str | None:
    if (_INVITING_HEAD.match(folded) or _READER.search(folded)) and folded.count(" ") <= MAX_FURNITURE_WORDS \
            and _CHANNEL.search(folded):
        return "subscribe/follow"
    return None


# The reader addressed anywhere in the line: "سجّل بريدك الإلكتروني لتصلك
# نشرة «الساحل»", "للاطلاع على أبرز الأخبار اشتركوا بنشرة الأرز".
_READER = re.compile(r"لتصلك|بريدك|اشتركوا|اشتركي|تابعونا|انضموا|سجلي")


# A page's count of views, reads or comments, alone on its line: "عدد
# المشاهدات: 2306", "1232 مشاهدة", "التعليقات (0)".
_VIEWS = r"(?:عدد\s+)?(?:ال)?(?:مشاهدات|مشاهده|قراءات|قراءه|زيارات|زياره|مرات القراءه|مرات المشاهده|تعليقات|تعليق)"
_COUNT = r"\(?[0-9\u0660-\u0669][0-9\u0660-\u0669,.\u066b\u066c]*\)?"
_VIEW_COUNT = re.compile(rf"^\W*(?:{_VIEWS}\s*[:：]?\s*{_COUNT}|{_COUNT}\s*{_VIEWS})\W*$")



_NOT_FURNITURE = (ZoneKind.BLANK, MARKER, INLINE_MARKER, ZoneKind.SOURCE, ZoneKind.TAGS, ZoneKind.META)


class SiteFurniture(Rule):
    """Share, subscribe, cookie, copyright or comment-form lines inside the article.

    What: a line of the article (not of an appended section, which BLP002
    reports whole) that is page furniture: "جميع الحقوق محفوظة", "تابعونا على
    ...", "شارك | فيسبوك | تويتر", "لن يتم نشر عنوان بريدك الإلكتروني" ...

    Why: it is text of the web page, not of the news; repeated across every
    article of a site, it dominates n-gram statistics of a training set.

    Evidence: a phrase prior (the list above, folded), and shapes any
    site prints: a line of share-button words; an invitation (an
    imperative to the reader first, or the reader addressed anywhere,
    "لتصلك", "بريدك", "اشتركوا", with one of the page's channels or the
    site's own "نشرتنا"/"قناتنا": "تابعوا وكالة المنارة للأنباء على فيسبوك
    وواتساب"); a view or comment count alone on its line ("عدد المشاهدات:
    2306"); a breadcrumb ("اقتصاد › زراعة"); an advertisement's label ("-
    إعلان -"); a line of hashtags only; and, not on the headline, a photo
    credit ("(صورة أرشيفية)"), a byline naming the writer's role ("سارة
    المحميد - محرر الشؤون الاقتصادية") and a ticker ("عاجل | ..."). A shape
    is judged on lines of at most 13 words. Lines of the batch's own
    templates are BLP004's.

    Tune: no options, and the phrase list is in the code; ignore it, or use
    per-file-ignores for folders of whole pages kept on purpose. A site's own
    furniture that the list misses is BLP004's (the batch) or BLP005's (its
    form).

    Fires: "تابعونا على فيسبوك وتويتر لمتابعة آخر الأخبار"; "اشترك في نشرتنا
    الاقتصادية اليومية لتصلك أسعار الصرف والذهب كل صباح".
    Does not fire: "وقال الوزير إن الحكومة ستتابع الملف على كل المستويات";
    "تابعوا المباراة على القناة الأولى" (no channel of the page's).

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
            if kind in _SHAPE_KINDS and line.number == zones.headline:
                continue  # a headline may open like a credit: "صورة: ..."
            if kind:
                start, end = _line_span(doc, line.number)
                yield hit(line.number, start, end, f"{kind} line of the web page, not article text: "
                          f"\"{_quote(line.text)}\"",
                          delete_line(line.number))
