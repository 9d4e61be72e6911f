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
    ("privacy", ("سياسه الخصوصيه", "شروط الاستخدام")),
    ("cookie notice", ("ملفات تعريف الارتباط", "ملفات الكوكيز", "يستخدم الكوكيز", "cookies")),
    ("disclaimer", ("اخلاء مسؤوليه", "اخلاء المسؤوليه")),
    ("comment form", ("لن يتم نشر عنوان بريدك الالكتروني", "الحقول الالزاميه مشار اليها", "احفظ اسمي",
                      "اترك تعليقا", "اضف تعليقا", "الغاء الرد", "يجب ان تكون مسجل الدخول")),
    ("subscribe/follow", ("اشترك في النشره", "اشترك في قناتنا", "انضم الي قناتنا", "تابعونا علي",
                          "تابعوا اخر الاخبار", "حمل تطبيق", "لمتابعه اخر الاخبار", "اشترك الان")),
    ("share", ("شارك علي فيسبوك", "شارك علي تويتر", "شارك هذا المقال", "شارك الخبر", "نسخ الرابط",
               "اضغط هنا", "انقر هنا", "الرابط المختصر", "رابط مختصر")),
    ("audio player", ("استمع الي الخبر", "استمع للخبر", "استمع الي المقال")),
    ("poll", ("صوت الان", "صوتي الان", "صوتوا الان", "شارك في الاستطلاع")),
)
_PLATFORMS = frozenset("""فيسبوك فايسبوك تويتر واتساب تلغرام تليغرام تيليغرام تلجرام يوتيوب انستغرام انستجرام
انستقرام تيكتوك لينكدان سناب سنابشات سبوتيفاي ساوندكلاود
facebook twitter whatsapp telegram youtube instagram tiktok linkedin newsletter""".split())
# "اكس" (X) only among share buttons: in a sentence it is also SpaceX's ("سبيس إكس")
_SHARE_WORDS = _PLATFORMS | {"اكس", "شارك", "طباعه", "ارسال", "مشاركه", "لصديق", "حفظ", "حجم", "الخط", "تكبير", "تصغير",
                             "email", "print", "share"}  # "طباعة | إرسال لصديق | حجم الخط: أ+ أ-"
_SPLIT = re.compile(r"[\s|/•·,،:]+")
_MARKS = re.compile(r"[\W_]+")
MAX_FURNITURE_WORDS = 25  # furniture lines are short; longer lines are text
MAX_FURNITURE_CHARS = 200

_PHRASE_KIND = {p: kind for kind, phrases in _FURNITURE for p in phrases}
# Kinds whose phrases are also a story's subject ("واتساب تؤجل تحديث سياسة الخصوصية",
# "وأوضحت أن تحديث سياسة الخصوصية سيدخل حيز التنفيذ"): furniture only when the line opens
# with them (a link row "سياسة الخصوصية | شروط الاستخدام", a cookie notice).
_HEAD_KINDS = frozenset(("privacy", "disclaimer"))
# A phrase ends where a word ends: "صوت الان" (vote now) is no part of "صوت
# الانفجار" (the sound of the blast); "©2024" still holds "©".
_PHRASES = re.compile("|".join(re.escape(p) + (r"(?!\w)" if p[-1].isalnum() else "")
                               for p in sorted(_PHRASE_KIND, key=len, reverse=True)))


_LEADING_MARKS = re.compile(r"^[\W\d_]+")


def starts_with_furniture(text: str) -> bool:
    """Whether `text` opens (marks aside: "» اشترك ...") with a phrase of
    the furniture list; for rules of other families that must not read an
    invitation or a share line as article text."""
    return _PHRASES.match(_LEADING_MARKS.sub("", fold(text[:_HEAD_CHARS]).lower())) is not None


_HEAD_CHARS = 80  # characters of a line folded to look for a phrase at its start


def could_be_furniture(text: str) -> bool:
    """Short enough to be a furniture line at all (200 characters, 25 words):
    the length this rule judges, which other rules that ask
    `furniture_line` share."""
    return len(text) <= MAX_FURNITURE_CHARS and text.count(" ") <= MAX_FURNITURE_WORDS


def furniture_line(text: str) -> str | None:
    """`furniture_kind` of a line this rule would judge, None for a longer
    one: for rules of other families (NUM001), so that a paragraph that
    mentions "سياسة الخصوصية" keeps its numbers."""
    return furniture_kind(text) if could_be_furniture(text) else None


def furniture_kind(text: str) -> str | None:
    folded = fold(text).lower()
    m = _PHRASES.search(folded)
    if m and (_PHRASE_KIND[m.group()] not in _HEAD_KINDS or not _LEADING_MARKS.sub("", folded[:m.start()]).strip()):
        return _PHRASE_KIND[m.group()]
    label = _LABELLED.match(folded)
    if label:
        return label.lastgroup.replace("_", " ")
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
        word = _without_marks(part)
        if len(word) <= 1:
            continue
        if word not in vocabulary or words == most:
            return False
        words += 1
    return words > 0


def _without_marks(part: str) -> str:
    """A token with its icons and marks taken off ("«نشرتنا»": نشرتنا); a
    token of letters alone, most of them, is kept as it is without a regex."""
    return part if part.isalpha() else _MARKS.sub("", part)


_AD_WORDS = frozenset(("اعلان", "اعلانات", "ممول", "محتوي", "مدعوم", "مدفوع", "ترويجي", "advertisement",
                       "advertising", "sponsored", "ad", "ads", "publicite"))


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
    r"(?P<photo_credit>\(?\s*(?:ال)?(?:صوره|تصوير|عدسه)(?:\s*[:：]|\s+(?:ارشيفيه|توضيحيه|تعبيريه|من الارشيف)\b)"
    r"[^.!?؟]*$|(?:البوم|معرض) الصور\s*[(:：|\-–][^.!?؟]*$)"
    r"|(?P<byline>[^\W\d_]+(?:\s+[^\W\d_]+){0,3}\s*[-–—|]\s*"
    r"(?:محرر|محرره|مراسل|مراسله|صحفي|صحفيه|كاتب|كاتبه|رئيس تحرير|مدير تحرير)\b[^.!?؟]*$)"
    r"|(?P<breaking_news_ticker>(?:عاجل|مباشر)\s*\|)"
    r"|(?P<sponsor_line>(?![وف])[^\s.!?؟«]+(?:\s+[^\s.!?؟«]+){0,2}\s+(?:برعايه|بدعم من|يقدمه لكم)\s*«[^»]{1,40}»\s*$)"
    r"|(?P<media_promo>[^.!?؟]{0,60}(?:فيديو|الفيديو|بودكاست|البودكاست|مقطع|الحلقه|استمع)[^.!?؟]{0,80}"
    r"\(\d{1,2}:\d{2}\)\s*$)"
    r"|(?P<print_edition>نشر(?:ت)? في (?:العدد|النسخه) (?:الورقي|الورقيه|المطبوع|المطبوعه))"
    r"|(?P<section_link>المزيد من اخبار(?:\s+[^\s.!?؟]+){1,3}\s*$)")
# Labels of the page's own data, at the head of any line this rule reads (up
# to 25 words: an author's box runs longer than the shapes' 13): "عن الكاتب:
# ...", "مدة القراءة: 5 دقائق", "رقم الخبر: 34955", a note about the item
# itself ("تنويه: حُدّث هذا الخبر ...") and the page asking about itself.
_LABELLED = re.compile(
    r"(?P<page_label>(?:(?:نبذه )?عن الكاتب|(?:مده|وقت|زمن) القراءه|رقم (?:الخبر|المقال|المقاله))\s*[:：])"
    r"|(?P<correction_note>(?:تنويه|تصحيح)\s*[:：][^.!?؟]*?(?:هذا|هذه) (?:الخبر|المقال|المقاله)\b)"
    # the page asks its reader about itself: "قيّم هذا الخبر: ٤٫٦ من ٥", "لاحظت خطأ في هذا المقال؟ راسل ..."
    r"|(?P<reader_prompt>(?:هل )?(?:لاحظت|لاحظتم|وجدت|وجدتم) (?:خطا|خطاء)\b"
    r"|(?:قيم|قيمي|قيموا) (?:هذا|هذه) (?:الخبر|المقال|المقاله))")
_SHAPE_KINDS = frozenset(name.replace("_", " ") for pattern in (_SHAPES, _LABELLED) for name in pattern.groupindex)


# An invitation is two cues, neither enough alone: the reader addressed and
# one of the page's channels or the site's own. Words are whole tokens of the
# folded line, marks taken off; a channel may carry a clitic ("بنشرة").
# - Words that can only address the reader or speak for the site:
#   imperatives to a woman, "us", "your e-mail", "to reach you"; with them
#   a channel anywhere in the line will do, a newsletter ("نشرة") too:
#   "سجّل بريدك الإلكتروني لتصلك نشرة «الساحل»", "تابعونا على فيسبوك".
# - Verbs that are imperatives as often as past tenses ("اشترك اللاعب في
#   التدريبات", "انضموا إلى الحملة", "تابعوا المباراة"): only with a channel
#   in the three words after them ("اشترك في نشرتنا"); "تابعوا" at the head
#   of the line with a platform anywhere ("تابعوا وكالة المنارة للأنباء على
#   فيسبوك"; "انضم النجم محمد صلاح إلى منصة تيك توك" is news).
_READER = frozenset("""اشتركي انضمي تابعي سجلي تابعونا لمتابعتنا للاشتراك اضغط اضغطوا ادعمونا لتصلك ليصلك
بريدك راسلونا تواصلوامعنا تواصلمعنا""".split())  # "تواصلوا معنا عبر واتساب": the site speaks
_INVITING = frozenset("اشترك اشتركوا انضم انضموا تابعوا ادعم ادعموا استمعوا".split())
_SITE_OWN = frozenset("نشرتنا النشرهالبريديه قناتنا صفحتنا صفحاتنا حساباتنا حسابنا منصاتنا موقعنا تطبيقنا".split())
_NEWSLETTER = frozenset(("نشره", "النشره"))
_TWO_WORD_NAMES = (("فيس بوك", "فيسبوك"), ("تيك توك", "تيكتوك"), ("واتس اب", "واتساب"), ("ساوند كلاود", "ساوندكلاود"),
                   ("النشره البريديه", "النشرهالبريديه"), ("تواصلوا معنا", "تواصلوامعنا"),
                   ("تواصل معنا", "تواصلمعنا"))
_CHANNEL_CLITICS = ("و", "ب", "ل", "ف", "ك", "وب", "ول", "وف")


def _channel(word: str, newsletter: bool, generic: bool = False) -> bool:
    for form in (word, *(word[len(c):] for c in _CHANNEL_CLITICS if word.startswith(c) and len(word) > len(c) + 2)):
        if form in _PLATFORMS or form in _SITE_OWN or (newsletter and form in _NEWSLETTER) or \
                (generic and form in _GENERIC_CHANNELS):
            return True
    return False


# A page, a channel or a group: the site's only when the reader is addressed
# ("تابعونا عبر صفحة «صوت المواطن»") or a plural imperative opens the line and
# a platform is named ("انضموا إلى قناة «لؤلؤة سبورت» على واتساب"; "انضموا
# إلى قناة الجزيرة" is news).
_GENERIC_CHANNELS = frozenset(("صفحه", "قناه", "مجموعه"))


def _invitation(folded: str) -> str | None:
    if folded.count(" ") > MAX_FURNITURE_WORDS:
        return None
    for two, one in _TWO_WORD_NAMES:
        if two in folded:
            folded = folded.replace(two, one)
    words = [w for w in map(_without_marks, folded.split()) if w]
    if any(w in _READER for w in words) and any(_channel(w, True, True) for w in words):
        return "subscribe/follow"
    if any(word in _INVITING and any(_channel(w, True) for w in words[i + 1:i + 4]) for i, word in enumerate(words)):
        return "subscribe/follow"
    if words and _opens_an_invitation(words) and any(_channel(w, False) for w in words):
        return "subscribe/follow"
    return None


def _opens_an_invitation(words: list) -> bool:
    """The line opens with a verb that invites when a platform is named
    anywhere in it: "تابعوا"/"استمعوا" alone, "انضموا"/"اشتركوا" with a
    page, a channel or a group in the three words after it."""
    first = words[0]
    return first in _AT_THE_HEAD or (first in _PLURAL_INVITING and any(_channel(w, False, True) for w in words[1:4]))


# Only a plural imperative that opens the line may name a generic channel ("انضموا إلى قناة «لؤلؤة
# سبورت» على واتساب"); "انضم إلى مجموعة على تلغرام" and "تابعوا صفحة الوزارة" inside a sentence are news.
_PLURAL_INVITING = frozenset(("انضموا", "اشتركوا"))


# Verbs that invite at the head of a line when a platform is named anywhere in it
# ("تابعوا وكالة المنارة للأنباء على فيسبوك", "استمعوا إلى الحلقة ... على سبوتيفاي").
_AT_THE_HEAD = frozenset(("تابعوا", "استمعوا"))


# A page's count of views, reads or comments, alone on its line: "عدد
# المشاهدات: 2306", "1232 مشاهدة", "التعليقات (0)".
_VIEWS = (r"(?:عدد\s+)?(?:ال)?(?:مشاهدات|مشاهده|قراءات|قراءه|زيارات|زياره|مرات القراءه|مرات المشاهده|تعليقات|تعليق)"
          r"(?:\s+(?:ال)?(?:قراء|زوار))?")
_COUNT = r"\(?[0-9\u0660-\u0669]+(?:[,.\u066b\u066c][0-9\u0660-\u0669]+)*\)?"  # a mark only between digits: linear
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
    site prints: a line of share-button words; an invitation (the reader
    addressed, "لتصلك", "بريدك", "تابعونا", with one of the page's channels
    or the site's own "نشرتنا"/"قناتنا" anywhere in the line; a verb that is
    also a past tense, "اشترك", "انضموا", with a channel in the three words
    after it; "تابعوا" at the head with a platform anywhere: "تابعوا وكالة
    المنارة للأنباء على فيسبوك وواتساب"); a view or comment count alone on its line ("عدد المشاهدات:
    2306"); a breadcrumb ("اقتصاد › زراعة"); an advertisement's label ("-
    إعلان -"); a line of hashtags only; and, not on the headline, a photo
    credit ("(صورة أرشيفية)"), a byline naming the writer's role ("سارة
    المحميد - محرر الشؤون الاقتصادية"), a ticker ("عاجل | ..."), a link
    to a section ("المزيد من أخبار اللاذقية"), a sponsor line ending on the
    sponsor's name in quotes ("التغطية الرياضية برعاية «مصرف ...»"), a
    video or podcast promo ending on its duration ("▶ فيديو | أجواء
    المدرجات (5:18)"), a print-edition line ("نُشر في العدد الورقي، الصفحة
    7"), a photo gallery ("ألبوم الصور (٣ صور) - عدسة: ..."). A shape is
    judged on lines of at most 13 words, except, on any line this rule
    reads (up to 25 words and 200 characters), a label of the page's own
    data at its head ("عن الكاتب: ...", "مدة القراءة: 5 دقائق", "رقم
    الخبر: 34955"), a note about the item itself ("تنويه: حُدّث هذا الخبر
    ...") and the page asking about itself ("قيّم هذا الخبر: ...", "لاحظت
    خطأ في هذا المقال؟ ..."). An invitation may also name a page, a channel
    or a group of the site's when the reader is addressed ("تابعونا عبر
    صفحة ...") or when a plural imperative opens the line and a platform is
    named ("انضموا إلى قناة «لؤلؤة سبورت» على واتساب"). (A row of fields
    between bars is BLP005's, at the head of the page.) Lines of the batch's own templates are BLP004's.

    Tune: no options, and the phrase list is in the code; ignore it, or use
    per-file-ignores for folders of whole pages kept on purpose. A site's own
    furniture that the list misses is BLP004's (the batch) or BLP005's (its
    form).

    Fires: "تابعونا على فيسبوك وتويتر لمتابعة آخر الأخبار"; "اشترك في نشرتنا
    الاقتصادية اليومية لتصلك أسعار الصرف والذهب كل صباح"; "تصحيح: عُدّل
    هذا الخبر بعد نشره لتصحيح اسم أحد المصادر."
    Does not fire: "وقال الوزير إن الحكومة ستتابع الملف على كل المستويات";
    "تابعوا المباراة على القناة الأولى" (no channel of the page's);
    "وقال المتحدث إن المزيد من الأخبار ستنشر لاحقا"; "نقلا عن الكاتب
    الفلسطيني محمود شقير" (no label at the head); "افتتح الوزير المعرض
    برعاية «مصرف الراجحي» وسط حضور كبير." (a sentence); "انضموا إلى قناة
    الجزيرة عام 2010" (no platform, no reader addressed); "واعترف المتهم
    بأنه انضم إلى مجموعة على تلغرام" and "كما اشترك المدرب في بودكاست
    رياضي" (news); "ما حقيقة هذا الخبر؟" (a question, no reader
    addressed).

    Fix (unsafe): delete the line.
    """

    code = "BLP003"
    name = "site-furniture"
    category = "boilerplate"
    fixable = "unsafe"

    def check(self, doc, options):
        zones = doc.zones
        for line in doc.lines:
            if not could_be_furniture(line.text):
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
