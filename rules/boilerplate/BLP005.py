"""BLP005 (furniture-by-form): page furniture recognised from its form in one file."""
from __future__ import annotations

import re

from newslint.arabic import SENTENCE_END, fold
from newslint.rule import Rule, delete_line, hit
from newslint.rules.boilerplate._common import _line_span, _quote
from newslint.zones import BODY, LIST_ITEM, META, SUBHEADING, TAGS

_JUDGED = (BODY, SUBHEADING, LIST_ITEM)
_PARAGRAPH_WORDS = 8  # a body line this long is the article's first paragraph: the page's head is over
_MAX_WORDS = 25
_WORD = re.compile(r"[^\W\d_]+")
# Words of web-page controls, in the CMS languages Arabic sites are built with
# (folded, lower-cased): a line of nothing else is a control strip.
_CONTROLS = frozenset("""next previous prev share tweet print email e-mail home comments comment reply read more
related tags tag login register subscribe follow like back top menu search close open loading video photo photos
gallery suivant précédent partager imprimer accueil commentaires lire plus retour haut
التالي السابق التاليه السابقه مشاركه شارك طباعه تعليق تعليقات الرئيسيه المزيد اقرا اقرء ذات صله عوده الاعلي
فيسبوك تويتر اكس x واتساب تلغرام لينكدان انستغرام يوتيوب ارسال""".split())
# A call to contact or follow (folded): ending on a short code, a link or a
# handle, the line addresses the reader of the page, not of the news.
_CALL = re.compile(r"(?:^|\s)(?:ل?ل?تواصل|ارسل|اتصل|تابع|تابعوا|تابعونا|تابعه|تابعها|تابعيها|تابعني|اشترك|اشتركوا|"
                   r"ل?لاشتراك|لمتابعه|"
                   r"انضم|انضموا|راسلنا|راسلونا)(?:\s|$)")
_CONTACT_END = re.compile(r"(?:(?<![\d.,])\d{4,6}|https?://\S+|www\.\S+|@\w+|\S+\.com)\W*$")
_YEAR = re.compile(r"(?:19|20)\d\d\W*$")
_LABEL = re.compile(r"[:|]")
_HEADLINE_WORDS = 3   # a headline of fewer words is too short to be recognised inside another line


def _words(text: str) -> list[str]:
    return _WORD.findall(fold(text).lower())


def _repeats_headline(text: str, headline: list[str]) -> bool:
    """The line is a label, a colon (or a bar) and the headline, word for
    word ("رابط الخبر بصحيفة سبق: <headline>", "شارك | <headline>"); a
    sub-heading that contains the headline's words ("أسباب ارتفاع أسعار
    النفط") is no such line."""
    if len(headline) < _HEADLINE_WORDS:
        return False
    mark = _LABEL.search(text)
    if mark is None or not _words(text[:mark.start()]):
        return False
    return _words(text[mark.end():]) == headline


def furniture_form(text: str, headline: list[str]) -> str | None:
    """What the line is by its form, or None."""
    words = _words(text)
    if not words or len(words) > _MAX_WORDS:
        return None
    if all(w in _CONTROLS for w in words):
        return "a strip of page controls"
    if _repeats_headline(text, headline):
        return "the headline repeated under a label (a back-link or share line)"
    folded = fold(text).lower()
    if _CALL.search(folded) and _CONTACT_END.search(text) and not _YEAR.search(text):
        return "a call to contact or follow the site, with a number, link or handle"
    return None


def _is_data_row(text: str) -> bool:
    """A row of three or more short fields between bars, each holding a
    number: a market ticker ("الأورو: 10,97 درهم | الدولار: 9,88 درهم |
    مازي: 14578,53 نقطة"), prayer times or a weather widget. Judged at the
    head of the page only: further down such a row may be the article's own
    results ("حزب النهضة: 52 مقعدا | نداء تونس: 38 مقعدا | ...")."""
    if text.count("|") < 2 or text.rstrip()[-1:] in ".!?؟":
        return False
    fields = text.split("|")
    return all(_DIGIT.search(field) and field.count(" ") <= _FIELD_SPACES for field in fields)


_DIGIT = re.compile(r"[0-9\u0660-\u0669]")
_FIELD_SPACES = 7  # "مواقيت الصلاة (الزاوية): الفجر 05:06 " and its edges


class FurnitureByForm(Rule):
    """A line of the article that is page furniture by its form, in one file.

    What: a short line (at most 25 words) of the article that does not end
    like a sentence and is one of: a strip of page controls ("Next
    Previous", "شارك | طباعة"), the article's own headline after a label
    and a colon or bar ("رابط الخبر بصحيفة الوئام: <the headline>", a
    back-link or share line), or a call to contact or follow the site that
    ends on a short code (4-6 digits, not a year), a link or a handle
    ("للتواصل أرسل كلمة خبر إلى 88888"); or, at the head of the page
    (before the first body line of 8 words or more), a meta line: a byline ("كتب - عمرو
    الجندي", "بقلم: ...") or a line that holds only the page's date ("الأحد،
    29 سبتمبر 2024 06:44 م"; the zones' meta lines); and, anywhere in the
    article, the page's tags line ("الوسوم: ...", "الكلمات المفتاحية:
    ...", "كلمات دلالية: ..."; the zones' tags lines), a list of links to
    other pages that is no article text (MET001 and MET002 still judge its
    tags).

    Why: BLP004 learns a site's furniture from many of its files; a
    pre-commit run or a batch of a few files of a new site has no such
    evidence, and these forms are furniture on any site.

    Evidence: the line's form alone: its words against the vocabulary of
    web-page controls in the languages Arab sites' CMSs use (Arabic,
    English, French); the document's own headline after a label; a call
    verb and a line that ends on a contact (code, URL, @handle). A line ending in sentence punctuation is
    text, not furniture. Confidence 0.9 for the headline and the controls,
    0.8 for a call.

    Tune: select or ignore it; BLP003 holds the phrase list, BLP004 the
    batch.

    Fires: "كتب - عمرو الجندي" between the headline and the first
    paragraph; "الكلمات المفتاحية: كرة السلة، الدوري الممتاز، الميناء";
    "رابط الخبر بصحيفة سبق: ارتفاع أسعار النفط" under the article
    "ارتفاع أسعار النفط"; "Next Previous"; "للتواصل أرسل كلمة خبر إلى
    88888".
    Does not fire: "وأرسل الوزير رسالة إلى نظيره الفرنسي." (a sentence),
    "تابع المنتخب تدريباته أمس" (no contact), or a date heading inside a
    list of fixtures after the first paragraph ("الأحد 26 فيفري 2017").

    Fix (unsafe): delete the line.
    """

    code = "BLP005"
    name = "furniture-by-form"
    category = "boilerplate"
    fixable = "unsafe"

    def check(self, doc, options):
        zones = doc.zones
        headline = _words(doc.line(zones.headline).text) if zones.headline else []
        head = True  # before the first body paragraph of some length: the page's head (breadcrumbs are short)
        for number, kind in enumerate(zones.kinds, 1):
            if not zones.in_article(number):
                continue
            line = doc.line(number).text
            if kind == META and head:
                yield _whole_line(doc, number, "page furniture (a byline, a breadcrumb or the page's date) at the head "
                                               "of the page", 0.8)
                continue
            if kind == TAGS:
                yield _whole_line(doc, number, "page furniture, the page's tags line (MET001/MET002 judge its tags)",
                                  0.9)
                continue
            if head and kind in _JUDGED and _is_data_row(line):
                yield _whole_line(doc, number, "page furniture, a ticker or widget row at the head of the page", 0.8)
                continue
            head = head and not (kind == BODY and len(line.split()) >= _PARAGRAPH_WORDS)
            if kind not in _JUDGED:
                continue
            text = line.strip()
            if not text or text[-1] in SENTENCE_END:
                continue
            what = furniture_form(text, headline)
            if what:
                yield _whole_line(doc, number, f"page furniture, {what}", 0.8 if what.startswith("a call") else 0.9)


def _whole_line(doc, number: int, what: str, confidence: float):
    """The hit for line `number` as furniture: `what`, the line quoted, the fix that deletes it."""
    start, end = _line_span(doc, number)
    return hit(number, start, end, f"{what}: \"{_quote(doc.line(number).text.strip())}\"", delete_line(number),
               confidence=confidence)
