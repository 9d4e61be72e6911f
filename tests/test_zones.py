"""The article-structure parser on the real seed files."""
from __future__ import annotations

from conftest import SEEDS
from newslint.document import Document
from newslint.zones import parse_zones
import pytest


def zones(name):
    path = next(SEEDS.glob(name + "*.txt"))
    return Document(str(path), path.read_bytes()).zones


def test_seed_000_source_tags_and_appended_sections():
    z = zones("000")
    assert z.headline is None               # line 1 is a full opening sentence
    assert z.kind(1) == "body"
    assert z.kind(9) == "inline-marker"     # "إقرأ المزيد ..." inside the article
    assert z.source_lines == [17, 19]
    assert z.tags_lines == [21]
    assert z.appended_start == 23           # "إقرأ أيضاً:"
    assert z.kind(23) == "marker" and z.kind(25) == "appended"
    assert z.kind(119) == "marker"          # "مقالات مشابهة"
    assert z.sections == [(23, 113), (119, 130)]   # lines of only U+00A0 count as blank
    assert z.appended_end == 130
    assert not z.in_article(67) and z.in_article(13)


def test_seed_001_headline_meta_and_appended():
    z = zones("001")
    assert z.headline == 1
    assert z.kind(2) == "meta"              # "تاريخ النشر: ..."
    assert z.source_lines == [8] and z.tags_lines == [9]
    assert z.appended_start == 10
    assert z.paragraphs == [3, 4, 5, 6, 7]


def test_seed_003_list_items_inside_appended_section():
    z = zones("003")
    assert z.source_lines == [10] and z.tags_lines == [12]
    assert z.appended_start == 14
    assert z.kind(30) == "marker" and z.kind(32) == "appended"


def test_seed_004_no_source_comment_form_starts_appended():
    z = zones("004")
    assert z.headline == 1
    assert z.source_lines == []
    assert z.appended_start == 23           # "اترك تعليقاً"
    assert z.kind(19) == "body" and z.kind(21) == "body"   # stray ID and "." stay in the article
    assert z.sections == [(23, 25)]


def test_source_at_top_is_not_a_trailing_block():
    from newslint.zones import parse_zones

    lines = ["عنوان الخبر", "", "المصدر: وكالات", "", "فقرة أولى من الخبر.", "", "فقرة ثانية من الخبر.", "",
             "فقرة ثالثة من الخبر."]
    z = parse_zones(lines)
    assert z.appended_start is None
    assert z.source_lines == [3]


def test_content_after_trailing_source_without_marker_is_appended():
    from newslint.zones import parse_zones

    lines = ["فقرة أولى من الخبر.", "فقرة ثانية من الخبر.", "المصدر: وكالات", "خبر آخر لا علاقة له بالمقال."]
    z = parse_zones(lines)
    assert z.appended_start == 4 and z.kind(4) == "appended"


def parse(text):
    return Document("a.txt", text.encode("utf-8")).zones


def test_subheading_needs_a_paragraph_after_it_past_blank_lines():
    body = "وقال الوزير إن الحكومة ستواصل العمل في كل المجالات المتاحة لها هذا العام."
    z = parse(f"{body}\n\nالخطة الجديدة\n\n\n{body}\n\nسطر قصير أخير\n")
    assert z.kind(3) == "subheading"     # the next non-blank line is a paragraph
    assert z.kind(8) == "body"           # nothing after it


def test_marker_words_separated_by_spaces_and_invisible_marks():
    body = "وقال الوزير إن الحكومة ستواصل العمل في كل المجالات المتاحة لها هذا العام."
    z = parse(f"{body}\n\n{body}\n\nاقرأ \u200b\u200f أيضاً:\n\nخبر آخر\n")
    assert z.kind(5) == "marker" and z.appended_start == 5


def test_lines_of_white_space_that_is_not_blank_are_no_headline_or_subheading():
    """U+001C..U+001F and U+0085 are white space to str.strip() but not
    blank to the zone parser (found by tests/fuzz_decode.py)."""
    for odd in "\x1c\x1d\x1e\x1f\x85":
        z = parse(f"{odd}\n\nوقال الوزير إن الحكومة ستواصل.\n\n{odd}\n\nوقال الوزير إن الحكومة ستواصل.\n")
        assert z.headline is None and z.kind(1) == "body" and z.kind(5) == "body"
        assert parse(odd).kinds == ["body"]


@pytest.mark.parametrize("line, is_date", [
    ("الجمعة ٦ جمادى الآخرة ١٤٣٦هـ - ٢٧ مارس ٢٠١٥ | ١١:١٧ ص", True),   # blind set E, a Kuwaiti daily's header
    ("القسم: تعليم | تاريخ النشر: الأحد ٢٣ حزيران ٢٠٢٤ - ١١:٢٠", True),  # blind set 10: a date after its label
    ("تاريخ النشر: غير معروف", False),                                  # a label and no date
    ("الأحد 9 رمضان 1438 هـ - 4 يونيو 2017 م", True),                   # blind set F
    ("السبت 24 دجنبر 2016 - 21:37", True),                              # blind set D, a Moroccan site
    ("الأربعاء، ٣ فبراير ٢٠١٦ - ٠٨:٥٩ م", True),
    ("الثلاثاء 14 فيفري 2017 الساعة 20:45 باريس سان جرمان الفرنسي - برشلونة الإسباني", False),  # a fixture
    ("محليات | 03-12-2024 | 23:58 | 1232 مشاهدة", True),                # blind set 7, an Iraqi agency's bar
    ("الخميس 20 نيسان 2017 | العدد 8523", True),
    ("طباعة | إرسال لصديق | حفظ", False),                               # a bar without a date: BLP003's
    ("النتيجة | 2-1 | للفريق", False),
    ("Friday, May 5, 2020", True),                                      # English names, any case
    ("2015 //", False),                                                 # slashes name no month
    ("السبت دجنبر", False),                                             # no number
    ("مارس", False),
    ("2017", False),
])
def test_a_line_that_is_only_a_date(line, is_date):
    from newslint.dates import is_date_line
    assert is_date_line(line) is is_date


def test_the_page_date_line_is_meta_not_a_paragraph():
    text = "عنوان الخبر\n\nالسبت 24 دجنبر 2016 - 21:37\n\nاستنكرت مؤسسة التلفزة التونسية الاعتداء الذي حصل اليوم.\n"
    zones = parse_zones(text.split("\n"))
    assert zones.kind(3) == "meta"
    assert zones.paragraphs == [5]


def test_a_read_also_line_ending_in_a_colon_introduces_a_list():
    """Blind set 7 (sudanghad): "اقرأ أيضاً في سودان الغد:" and three
    headlines between the article and the source line."""
    text = ("عنوان الخبر\n\nعزز فريق النيل الأزرق صدارته لترتيب الدوري السوداني الممتاز.\n"
            "اقرأ أيضاً في سودان الغد:\nمشروع الجزيرة يستهدف زراعة 200 ألف فدان من القطن\n"
            "السيول تجرف ٣٢٠ منزلا في محلية بربر بولاية نهر النيل\nالمصدر: سودان الغد\n")
    zones = parse_zones(text.split("\n"))
    assert zones.kind(4) == "inline-marker" and zones.kind(5) == "appended" and zones.kind(6) == "appended"
    assert (4, 6) in zones.sections and zones.paragraphs == [3]


def test_a_line_that_ends_in_a_colon_but_links_no_other_story_keeps_its_list():
    """"للمزيد من المعلومات حول شروط التسجيل:" introduces the article's own
    list, not other stories (a review's case)."""
    text = ("عنوان الخبر\n\nأعلنت الوزارة فتح باب التسجيل في المنحة الجديدة.\n"
            "للمزيد من المعلومات حول شروط التسجيل:\nشهادة الثانوية العامة بمعدل لا يقل عن 90\n"
            "جواز سفر ساري المفعول\n\nالمصدر: الوزارة\n")
    zones = parse_zones(text.split("\n"))
    assert zones.kind(5) != "appended" and zones.kind(6) != "appended" and not zones.sections


def test_a_dash_byline_alone_is_meta_but_not_a_paragraph_it_heads():
    """"كتب - عمرو الجندي" alone is a byline; "كتب - وليد منصور: يستهل
    الترجي ..." is the first paragraph with its byline at its head."""
    alone = parse_zones("عنوان\n\nكتب - عمرو الجندي\nيبدأ منتخب مصر للشباب معسكرا مغلقا في القاهرة اليوم.\n".split("\n"))
    assert alone.kind(3) == "meta"
    head = parse_zones("عنوان\n\nكتب - وليد منصور: يستهل الترجي الرياضي التونسي اليوم مشاركته في البطولة.\n".split("\n"))
    assert head.kind(3) == "body"


def test_a_byline_above_the_headline_is_meta_and_the_headline_follows():
    """"بقلم: جنى العلي" as the page's first line is no headline."""
    page = parse_zones("بقلم: جنى العلي\n\nإحاطة نفسية لفائدة تلاميذ الباكالوريا\n\n"
                       "انطلقت اليوم حملة إحاطة نفسية لفائدة تلاميذ الباكالوريا في كامل المعاهد.\n".split("\n"))
    assert (page.kind(1), page.kind(3), page.headline) == ("meta", "headline", 3)
    label = parse_zones("بقلم: جنى العلي وفريق التحرير في مكتب العاصمة الثقافي\n\nعنوان\n\nنص الخبر.\n".split("\n"))
    assert label.kind(1) == "headline"  # a long first line is the headline, whatever it opens with


def test_a_breadcrumb_above_the_headline_is_meta():
    """"الرئيسية / محليات" over the headline is the page's navigation."""
    page = parse_zones("الرئيسية / محليات\nحريق في مستودع بالمدينة الصناعية الثانية بالدمام\n"
                       "اندلع حريق كبير فجر الجمعة في مستودع لتخزين قطع غيار السيارات بالمدينة الصناعية.\n".split("\n"))
    assert (page.kind(1), page.kind(2), page.headline) == ("meta", "headline", 2)
    quote = parse_zones("قال «نعم» / لا\nعنوان\n\nنص الخبر في سطر طويل بما يكفي ليكون فقرة.\n".split("\n"))
    assert quote.kind(1) == "headline"  # a guillemet: a quotation, not a breadcrumb
    sides = parse_zones("ترامب / بايدن\n\nنص الخبر في سطر طويل بما يكفي ليكون فقرة من فقرات الخبر.\n".split("\n"))
    assert sides.kind(1) == "headline"  # "/" alone, two parts, no root: a headline's two sides


def test_a_source_line_under_the_page_footer_is_the_articles():
    """Tags, then a copyright line, then "المصدر:" (blind set 11, aures_daily):
    the last line is the article's source line, not appended content."""
    lines = ("حذرت مصالح الديوان الوطني للأرصاد الجوية من تساقط الثلوج على المرتفعات.\n\n"
             "ودعت الحماية المدنية المواطنين إلى الحذر أثناء السياقة وتفادي التنقل.\n\n"
             "الوسوم: #الثلوج #نشرية_خاصة #الأوراس\n\n"
             "© 2024 يومية الأوراس - جميع الحقوق محفوظة\n\n"
             "المصدر: يومية الأوراس\n").split("\n")
    page = parse_zones(lines)
    assert page.source_lines == [9] and page.kind(9) == "source"
    assert page.kind(7) == "appended" and page.appended_start == 7 and page.appended_end == 7
    # with a source line above, a second one at the end belongs to what was appended after it
    twice = parse_zones(lines[:4] + ["المصدر: الأوراس", ""] + lines[4:])
    assert twice.source_lines == [5] and twice.kind(11) == "appended"


def test_blocks_the_readers_rank_and_a_sections_date_line():
    """"الأكثر تداولا" and "اختيارات المحرر" open a block of other stories;
    "البيئة • الأحد ٤ أغسطس ٢٠٢٤" is the page's date under its section
    (blind set 12)."""
    page = parse_zones(["عنوان الخبر في سطر واحد قصير", "", "البيئة • الأحد ٤ أغسطس ٢٠٢٤", "",
                        "وصل وفد الوزارة إلى المدينة صباح اليوم لتفقد سير العمل في المشروع الجديد.",
                        "وقال الوزير إن المشروع سيكتمل قبل نهاية العام الجاري بحسب الخطة.", "",
                        "الأكثر تداولا",
                        "— مبيعات الإسمنت ترتفع بـ8,3 في المائة مع متم أكتوبر",
                        "— التضخم يتراجع إلى 0,7 في المائة في أكتوبر", "",
                        "المصدر: مرسى إيكو", ""])
    assert page.kind(3) == "meta"
    assert page.kind(8) == "marker" and page.sections == [(8, 10)]


def test_a_rounds_heading_before_its_date_is_no_page_date():
    """Only one or two words and a bullet make a section before the page's
    date: "الدور ثمن النهائي • الأحد 4 أغسطس 2024" is the article's heading
    (a review of the ninth session)."""
    from newslint.dates import is_date_line
    assert is_date_line("البيئة • الأحد ٤ أغسطس ٢٠٢٤")
    assert is_date_line("الخدمات الحكومية • الجمعة ٢ فبراير ٢٠٢٤")
    assert not is_date_line("الدور ثمن النهائي • الأحد 4 أغسطس 2024")
