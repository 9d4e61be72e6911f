"""Month, weekday and time words, and the lines that hold nothing but a date.

Shared by the zone parser (a line that is only a date, "الجمعة ٦ جمادى
الآخرة ١٤٣٦هـ - ٢٧ مارس ٢٠١٥ | ١١:١٧ ص", is page furniture, not a
paragraph) and by BLP004, which masks these words in its templates so that
a date line is one template whatever the day."""
from __future__ import annotations

import re

from .arabic import DIGITS

# The months of the Gregorian calendar as the Arab world writes them (Egypt
# and the Gulf, the Maghreb, Morocco, the Levant and Iraq), the Hijri
# months, the weekdays, and the morning and evening marks after a time.
MONTHS = frozenset("""يناير فبراير مارس أبريل ابريل إبريل مايو يونيو يونيه يوليو يوليه أغسطس اغسطس سبتمبر أكتوبر
اكتوبر نوفمبر ديسمبر جانفي فيفري أفريل افريل ماي جوان جويلية أوت اوت يوليوز غشت شتنبر نونبر دجنبر كانون شباط
آذار اذار نيسان أيار ايار حزيران تموز آب أيلول ايلول تشرين محرم صفر ربيع جمادى جمادي رجب شعبان رمضان شوال
january february march april may june july august september october november december""".split())
# first words of a month only with their second word: ذو القعدة, ذي الحجة ("ذي قار" is a province)
MONTH_FIRSTS = frozenset("ذو ذي".split())
WEEKDAYS = frozenset("""الأحد الاحد الاثنين الإثنين الثلاثاء الأربعاء الاربعاء الخميس الجمعة السبت اثنين
إثنين ثلاثاء أربعاء اربعاء خميس جمعة سبت monday tuesday wednesday thursday friday saturday sunday""".split())
# the second word of a two-word month: كانون الثاني, ربيع الأول, جمادى الآخرة, ذو القعدة
MONTH_SECONDS = frozenset("الأول الاول الثاني الآخر الاخر الآخرة الاخرة الأولى الاولى القعدة الحجة".split())
HIJRI_SECONDS = frozenset("القعدة الحجة".split())
TIME_MARKS = frozenset("ص م صباحا صباحاً مساء مساءً مساءا ظهرا ظهراً".split())
DATE_WORDS = MONTHS | WEEKDAYS | TIME_MARKS | MONTH_FIRSTS
WORD_EDGES = "،,.:;؛()«»\"'"


def is_double_month(bare: str) -> bool:
    """A month written in two calendars, "تموز/يوليو" (the Levant's and
    Egypt's names side by side)."""
    parts = [part for part in bare.split("/") if part]
    return "/" in bare and bool(parts) and all(part in MONTHS for part in parts)  # "//" names no month


def has_date_word(parts: list[str]) -> bool:
    return any(part.strip(WORD_EDGES) in DATE_WORDS or is_double_month(part.strip(WORD_EDGES)) for part in parts)


# What else a date line may hold: numbers with their separators (14/02/2017,
# 20:45, ١٤٣٦هـ), the era marks, "الساعة" and "الموافق", and separators.
_NUMBER_PART = re.compile(f"^[{DIGITS}]+(?:[/:.\\-][{DIGITS}]+)*(?:هـ|ه|م)?$")
_FILLERS = frozenset("هـ ه م الساعة الموافق | - – — / ، , :".split())
_MAX_DATE_WORDS = 16


def is_date_line(text: str) -> bool:
    """A line that holds a date and nothing else: at least one number and one
    month or weekday name, every other word a number, a date word, the second
    word of a month, an era mark or a separator ("الثلاثاء 14 فيفري 2017
    الساعة 20:45"; not "الثلاثاء 14 فيفري 2017 وقع انفجار"); or a page's
    dated bar, short fields between "|" of which one is a date or a time
    ("محليات | 03-12-2024 | 23:58 | 1232 مشاهدة")."""
    if "|" in text:
        return _dated_bar(text)
    return _only_a_date(text)


_BAR_FIELD_WORDS = 4
_NUMERIC_DATE = re.compile(f"^[{DIGITS}]{{1,4}}[-/.][{DIGITS}]{{1,2}}[-/.][{DIGITS}]{{2,4}}$"  # 03-12-2024
                           f"|^[{DIGITS}]{{1,2}}:[{DIGITS}]{{2}}$")  # 23:58


def _dated_bar(text: str) -> bool:
    fields = [field.strip() for field in text.split("|")]
    dated = [bool(_NUMERIC_DATE.match(field) or _only_a_date(field)) for field in fields]
    return len(fields) >= 2 and any(dated) and \
        all(is_date or len(field.split()) <= _BAR_FIELD_WORDS for field, is_date in zip(fields, dated))


# A date's label before it: "تاريخ النشر: الأحد ٢٣ حزيران ٢٠٢٤ - ١١:٢٠".
# Or the page's section, one or two words, before a bullet: "البيئة • الأحد ٤ أغسطس ٢٠٢٤" (not a
# fixture's round, "الدور ثمن النهائي • الأحد 4 أغسطس 2024", a heading of the article's).
_DATE_LABEL = re.compile(r"^\s*(?:(?:تاريخ النشر|تاريخ الخبر|نشر في|نشر بتاريخ|[آأا]خر تحديث|بتاريخ|التاريخ)\s*[:：]?"
                         r"|(?:[^\W\d_]+\s+)?[^\W\d_]+\s*[•·])\s*")


def _only_a_date(text: str) -> bool:
    parts = _DATE_LABEL.sub("", text, count=1).split()
    if not parts or len(parts) > _MAX_DATE_WORDS:
        return False
    number = named = False
    for part in parts:
        bare = part.strip(WORD_EDGES).lower()  # the English names are kept in lower case
        if not bare or bare in _FILLERS or bare in MONTH_SECONDS:
            continue
        if _NUMBER_PART.match(bare):
            number = True
        elif bare in MONTHS or bare in WEEKDAYS or is_double_month(bare):
            named = True
        elif bare not in DATE_WORDS:
            return False
    return number and named
