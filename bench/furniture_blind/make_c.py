#!/usr/bin/env python3
"""Build a blind test set of scraped Arabic news pages with site furniture.

Articles come from /tmp/corpus/jawhara (random, seed 303, each used once).
Eight fictional Arab news sites, 20 files each, under files/<site>/.
truth.json lists every furniture line (1-based) with its kind.
sources.json records which corpus article each file wraps (for verification).
"""
import glob
import json
import math
import os
import random
import re
import shutil
from datetime import date, datetime, timedelta

SEED = 303
CORPUS = os.environ["FURNITURE_CORPUS"]  # a folder of the unpacked corpus (bench/furniture_blind.py sets it)
OUT = os.environ["FURNITURE_OUT"]  # where files/ and truth.json go
FILES = os.path.join(OUT, "files")
SOURCE_LINE = "المصدر: Jawhara FM"
N_PER_SITE = 20

rng = random.Random(SEED)

# --------------------------------------------------------------------------
# corpus
# --------------------------------------------------------------------------

def load_article(path):
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines = lines[:-1]
    # expected: headline, "", body..., "", source
    if len(lines) < 5 or lines[1] != "" or lines[-1] != SOURCE_LINE or lines[-2] != "":
        return None
    head = lines[0]
    body = lines[2:-2]
    if not head.strip() or not body:
        return None
    if any(not l.strip() for l in body):
        return None
    return {"headline": head, "body": body}


def parse_date(path):
    m = re.search(r"-(\d{8})\.txt$", path)
    s = m.group(1) if m else "00000000"
    for fmt in ("%Y%m%d", "%d%m%Y"):
        try:
            d = datetime.strptime(s, fmt).date()
            if date(2013, 1, 1) <= d <= date(2017, 12, 31):
                return d
        except ValueError:
            pass
    return None


all_paths = sorted(glob.glob(os.path.join(CORPUS, "*", "*.txt")))
order = all_paths[:]
rng.shuffle(order)

SITES = ["alfanar-kw", "albalqa-news-jo", "sudan-alghad", "yana-agency-ye",
         "alfurat-alhur-sy", "alwaha-portal-ly", "mal-aswaq-ae", "lulua-sports-qa"]

main_arts = []      # (path, article)
pool = []           # leftovers for "related" headlines
for p in order:
    a = load_article(p)
    if a is None:
        continue
    if len(main_arts) < N_PER_SITE * len(SITES):
        main_arts.append((p, a))
    else:
        pool.append((p, a))

used_related = set()
used_heads = {a["headline"].strip() for _, a in main_arts}


def related_headlines(k, category):
    """k real headlines of other (unused) corpus articles, same category when possible."""
    out = []
    for want_same in (True, False):
        for p, a in pool:
            if len(out) == k:
                return out
            if p in used_related:
                continue
            cat = os.path.basename(os.path.dirname(p))
            if want_same and cat != category:
                continue
            h = a["headline"].strip().replace("\xa0", " ").strip()
            if len(h) < 15 or len(h) > 140 or h in used_heads:
                continue
            used_related.add(p)
            used_heads.add(h)
            out.append(h)
    return out

# --------------------------------------------------------------------------
# helpers: dates, numbers, places
# --------------------------------------------------------------------------

MONTHS = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو",
          "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"]
LEVANT = ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز",
          "آب", "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول"]
DAYS = ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]
HIJRI = ["محرم", "صفر", "ربيع الأول", "ربيع الآخر", "جمادى الأولى", "جمادى الآخرة",
         "رجب", "شعبان", "رمضان", "شوال", "ذو القعدة", "ذو الحجة"]
AR_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def islamic_to_jd(y, m, d):
    return (d + math.ceil(29.5 * (m - 1)) + (y - 1) * 354
            + math.floor((3 + 11 * y) / 30) + 1948439.5 - 1)


def to_hijri(g):
    jd = g.toordinal() + 1721424.5
    jd = math.floor(jd) + 0.5
    y = math.floor((30 * (jd - 1948439.5) + 10646) / 10631)
    m = min(12, math.ceil((jd - (29 + islamic_to_jd(y, 1, 1))) / 29.5) + 1)
    d = int(jd - islamic_to_jd(y, m, 1) + 1)
    return d, m, y


def ampm(h):
    return "ص" if h < 12 else "م"


def h12(h):
    h = h % 12
    return 12 if h == 0 else h


def group3(n):
    return f"{n:,}"


CITIES_TN = ["صفاقس", "سوسة", "المنستير", "المهدية", "القيروان", "نابل", "بنزرت",
             "قابس", "مدنين", "قفصة", "سيدي بوزيد", "القصرين", "الكاف", "باجة",
             "جندوبة", "توزر", "قبلي", "تطاوين", "زغوان", "سليانة", "أريانة",
             "بن عروس", "منوبة", "جربة", "الحمامات"]
CITIES_WORLD = ["واشنطن", "باريس", "موسكو", "القاهرة", "طرابلس", "الرباط", "دمشق",
                "بغداد", "بيروت", "لندن", "برلين", "أنقرة", "إسطنبول", "الرياض",
                "الدوحة", "جنيف", "بروكسل", "نيويورك", "طهران", "مدريد", "روما",
                "بكين", "الجزائر"]


def guess_city(art):
    for text in (art["headline"], art["body"][0]):
        best = None
        for c in CITIES_TN + CITIES_WORLD:
            i = text.find(c)
            if i >= 0 and (best is None or i < best[0]):
                best = (i, c)
        if best:
            return best[1]
    return "تونس"


SECTION_GENERIC = {
    "culture": "ثقافة وفنون", "diverse": "منوعات", "economy": "اقتصاد",
    "internationalNews": "عربي ودولي", "localNews": "محليات",
    "politic": "سياسة", "society": "مجتمع", "sport": "رياضة",
    "technology": "تكنولوجيا",
}


def pick_present(n_files, lo, hi, eligible=None):
    """indices of files where a kind appears: between lo and hi out of 20."""
    cand = list(range(n_files)) if eligible is None else list(eligible)
    k = rng.randint(lo, hi)
    k = min(k, len(cand))
    return set(rng.sample(cand, k))


def token_id(n, alphabet="ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789"):
    return "".join(rng.choice(alphabet) for _ in range(n))

# --------------------------------------------------------------------------
# line model: ("art", text) | ("blank",) | ("furn", kind, text) | ("pref", kind, prefix, text)
# --------------------------------------------------------------------------

def F(kind, text):
    return ("furn", kind, text)


B = ("blank",)


def art_lines(art):
    return [("art", art["headline"])], [("art", l) for l in art["body"]]


def assemble(items):
    """drop leading/trailing blanks, collapse runs of blanks; return text, truth."""
    cleaned = []
    for it in items:
        if it[0] == "blank":
            if not cleaned or cleaned[-1][0] == "blank":
                continue
        cleaned.append(it)
    while cleaned and cleaned[-1][0] == "blank":
        cleaned.pop()
    out, truth = [], []
    for i, it in enumerate(cleaned, start=1):
        if it[0] == "blank":
            out.append("")
        elif it[0] == "art":
            out.append(it[1])
        elif it[0] == "furn":
            assert it[2].strip() and "\n" not in it[2]
            out.append(it[2])
            truth.append({"line": i, "kind": it[1], "whole_line": True})
        elif it[0] == "pref":
            out.append(it[2] + it[3])
            truth.append({"line": i, "kind": it[1], "whole_line": False, "prefix": it[2]})
    return "\n".join(out) + "\n", truth

# --------------------------------------------------------------------------
# name pools
# --------------------------------------------------------------------------

KW_REPORTERS_M = ["فهد الشمري", "عبدالله العتيبي", "أحمد الكندري", "خالد الحربي", "ناصر المطيري",
                  "بدر العنزي", "محمد الدوسري", "يوسف الصالح", "حمد العجمي", "سامي عبداللطيف"]
KW_REPORTERS_F = ["نورة المطيري", "دانة الرشيدي", "مريم بندق", "ريم الفضلي", "هبة حماد", "شيخة العازمي"]
KW_DESKS = ["محرر الشؤون المحلية", "محرر الشؤون الدولية", "محرر الشؤون الاقتصادية", "المحرر الرياضي"]
KW_PHOTOGRAPHERS = ["أسعد عبدالله", "زين علام", "قاسم باشا", "محمد خلف", "سعود سالم", "هاني الشمري"]

SD_AUTHORS = ["أسامة عبدالماجد", "عثمان الطيب", "هبة محمود", "الطاهر إبراهيم", "منى عبدالرحيم",
              "محمد عبدالعزيز", "إشراقة الحاج", "صلاح الدين مصطفى"]

LY_REPORTERS = ["سالم الورفلي", "عبدالرحمن الزنتاني", "هدى المصراتي", "فرج الترهوني", "أسماء الككلي",
                "محمود الفيتوري", "نوري المقريف", "عائشة البرعصي"]

AE_REPORTERS = ["سارة الحمادي", "خالد المزروعي", "مريم الكعبي", "راشد النعيمي", "حسام عبدالنبي",
                "محمد ياسين", "عبير أبو شمالة", "أحمد عبدالعظيم", "مي الشامسي"]
AE_CITIES = ["دبي", "أبوظبي", "الشارقة"]

YE_INITIALS = "أبتجحخدرزسشصطعفقكلمنهوي"

# --------------------------------------------------------------------------
# site builders.  Each returns (kinds, builder(idx, art, meta) -> items)
# --------------------------------------------------------------------------

def site_kuwait(arts):
    # Kuwaiti daily: masthead + date/issue + section above headline,
    # byline and photo credit under headline, copyright at bottom.
    n = len(arts)
    pres = {
        "masthead": pick_present(n, 16, 19),
        "date": pick_present(n, 14, 18),
        "section": pick_present(n, 12, 16),
        "byline": pick_present(n, 15, 19),
        "photo_credit": pick_present(n, 12, 14),
        "copyright": pick_present(n, 13, 17),
    }
    sections = {"localNews": "محليات", "internationalNews": "دوليات", "economy": "اقتصاد",
                "sport": "رياضة", "politic": "عربيات", "society": "محليات", "culture": "فنون وثقافة",
                "diverse": "منوعات", "technology": "تكنولوجيا"}
    items_all = []
    for i, (p, a, cat, d) in enumerate(arts):
        d2 = d + timedelta(days=rng.choice([0, 1, 1]))
        hd, hm, hy = to_hijri(d2)
        issue = 7380 + (d2 - date(2017, 1, 1)).days
        head, body = art_lines(a)
        it = []
        if i in pres["masthead"]:
            it.append(F("masthead", rng.choice([
                "جريدة الفنار - يومية كويتية سياسية مستقلة",
                "جريدة الفنار - يومية كويتية سياسية مستقلة",
                "الفنار | يومية كويتية سياسية مستقلة"])))
        if i in pres["date"]:
            it.append(F("date", f"{DAYS[d2.weekday()]} {d2.day} {MONTHS[d2.month-1]} {d2.year} - "
                               f"{hd} {HIJRI[hm-1]} {hy} هـ - العدد {issue}"))
        if i in pres["section"]:
            it.append(F("section", sections.get(cat, "محليات")))
        it.append(B)
        it += head
        if i in pres["byline"]:
            if cat == "sport" and rng.random() < 0.5:
                by = "كتب: المحرر الرياضي"
            elif rng.random() < 0.3:
                by = "كتبت: " + rng.choice(KW_REPORTERS_F)
            elif rng.random() < 0.15:
                by = "كتب " + rng.choice(KW_DESKS)
            else:
                by = "كتب: " + rng.choice(KW_REPORTERS_M)
            it.append(F("byline", by))
        if i in pres["photo_credit"]:
            it.append(F("photo_credit", rng.choice([
                "(تصوير: {})", "تصوير: {}", "(أرشيفية)", "(تصوير: {})", "(صورة أرشيفية)"]).format(
                rng.choice(KW_PHOTOGRAPHERS))))
        it.append(B)
        it += body
        it.append(B)
        if i in pres["copyright"]:
            it.append(F("copyright", f"جميع الحقوق محفوظة © جريدة الفنار {d2.year}"))
        items_all.append(it)
    return items_all


def site_jordan(arts):
    # Jordanian news site: multi-line nav menu, publication stamp under headline,
    # share row with counters, "read also" block, short link at the end.
    n = len(arts)
    pres = {
        "nav": pick_present(n, 13, 17),
        "pubdate": pick_present(n, 16, 19),
        "share": pick_present(n, 12, 15),
        "read_also": pick_present(n, 14, 18),
        "short_link": pick_present(n, 12, 17),
    }
    nav = ["الرئيسية", "محليات", "أخبار الأردن", "عربي ودولي", "اقتصاد", "رياضة",
           "فن ومشاهير", "مقالات", "كاريكاتير"]
    pid = 151900
    items_all = []
    for i, (p, a, cat, d) in enumerate(arts):
        pid += rng.randint(40, 900)
        head, body = art_lines(a)
        it = []
        if i in pres["nav"]:
            for x in nav:
                it.append(F("nav", x))
            it.append(B)
        it += head
        if i in pres["pubdate"]:
            h, mi = rng.randint(7, 23), rng.randint(0, 59)
            s = f"تاريخ النشر : {d.year}-{d.month:02d}-{d.day:02d} {h12(h):02d}:{mi:02d} {ampm(h)}"
            if rng.random() < 0.35:
                h2 = min(23, h + rng.randint(0, 3))
                mi2 = rng.randint(0, 59)
                s += f" | آخر تحديث : {d.year}-{d.month:02d}-{d.day:02d} {h12(h2):02d}:{mi2:02d} {ampm(h2)}"
            it.append(F("pubdate", s))
        it.append(B)
        it += body
        it.append(B)
        if i in pres["share"]:
            fb, tw, wa = rng.randint(0, 2400), rng.randint(0, 180), rng.randint(0, 600)
            it.append(F("share", f"شارك: فيسبوك ({fb}) | تويتر ({tw}) | واتساب ({wa}) | طباعة"))
            it.append(B)
        if i in pres["read_also"]:
            hs = related_headlines(rng.randint(2, 4), cat)
            it.append(F("read_also", "اقرأ أيضاً"))
            for h in hs:
                it.append(F("read_also", "» " + h))
            it.append(B)
        if i in pres["short_link"]:
            it.append(F("short_link", f"رابط مختصر: https://albalqanews.jo/?p={pid}"))
        items_all.append(it)
    return items_all


def site_sudan(arts):
    # Sudanese site (WordPress look): site name + slogan lines, post meta row
    # under headline, dateline as prefix of first paragraph, WhatsApp/Telegram invite.
    n = len(arts)
    pres = {
        "site_name": pick_present(n, 15, 18),
        "slogan": pick_present(n, 12, 15),
        "post_meta": pick_present(n, 16, 19),
        "dateline": pick_present(n, 13, 17),
        "social": pick_present(n, 14, 18),
    }
    items_all = []
    for i, (p, a, cat, d) in enumerate(arts):
        head, body = art_lines(a)
        it = []
        if i in pres["site_name"]:
            it.append(F("site_name", "سودان الغد"))
        if i in pres["slogan"]:
            it.append(F("slogan", "صحيفة إلكترونية سودانية شاملة"))
        it.append(B)
        it += head
        if i in pres["post_meta"]:
            ncom = rng.choice([0, 0, 1, 2, 3, 5, 7, 12])
            com = "لا توجد تعليقات" if ncom == 0 else ("تعليق واحد" if ncom == 1 else
                                                        ("تعليقان" if ncom == 2 else
                                                        (f"{ncom} تعليقات" if ncom <= 10 else f"{ncom} تعليقاً")))
            it.append(F("post_meta", f"{MONTHS[d.month-1]} {d.day}, {d.year} | بواسطة: "
                                     f"{rng.choice(SD_AUTHORS)} | {com}"))
        it.append(B)
        if i in pres["dateline"]:
            city = guess_city(a)
            pre = rng.choice([f"{city}: سودان الغد - ", f"{city} – «سودان الغد» – ",
                              f"{city}: سودان الغد - "])
            it.append(("pref", "dateline", pre, body[0][1]))
            it += body[1:]
        else:
            it += body
        it.append(B)
        if i in pres["social"]:
            it.append(F("social", rng.choice([
                f"لمتابعة أخبار سودان الغد عبر واتساب انضم لمجموعتنا: https://chat.whatsapp.com/{token_id(22)}",
                "تابعونا على تيليجرام: t.me/sudanalghad",
                f"لمتابعة أخبار سودان الغد عبر واتساب انضم لمجموعتنا: https://chat.whatsapp.com/{token_id(22)}",
                "انضم لقناة سودان الغد على تيليجرام وكن أول من يعرف: t.me/sudanalghad"])))
        items_all.append(it)
    return items_all


def site_yemen(arts):
    # Yemeni news agency: agency header, bracketed timestamp, wire dateline prefix,
    # editor initials at the end, print/send row.
    n = len(arts)
    pres = {
        "agency_header": pick_present(n, 14, 17),
        "timestamp": pick_present(n, 16, 19),
        "wire_dateline": pick_present(n, 15, 19),
        "editor_sig": pick_present(n, 12, 16),
        "print_row": pick_present(n, 12, 15),
    }
    items_all = []
    for i, (p, a, cat, d) in enumerate(arts):
        head, body = art_lines(a)
        it = []
        if i in pres["agency_header"]:
            it.append(F("agency_header", "وكالة الأنباء اليمنية المستقلة - يانا"))
        if i in pres["timestamp"]:
            h, mi, s = rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59)
            it.append(F("timestamp", f"[{d.day:02d}/{MONTHS[d.month-1]}/{d.year}] الساعة {h:02d}:{mi:02d}:{s:02d}"))
        it += head
        it.append(B)
        if i in pres["wire_dateline"]:
            city = guess_city(a)
            pre = f"{city}، {d.day} {MONTHS[d.month-1]} (يانا) - "
            it.append(("pref", "wire_dateline", pre, body[0][1]))
            it += body[1:]
        else:
            it += body
        if i in pres["editor_sig"]:
            a1, a2 = rng.sample(YE_INITIALS, 2)
            it.append(F("editor_sig", rng.choice([f"{a1}.{a2}", f"يانا | {a1}.{a2}", f"{a1}.{a2}/{rng.choice(YE_INITIALS)}"])))
        it.append(B)
        if i in pres["print_row"]:
            it.append(F("print_row", "طباعة | إرسال لصديق | حفظ"))
        items_all.append(it)
    return items_all


def site_syria(arts):
    # Syrian opposition site: Levantine date line on top, photo caption under
    # headline, inline "read also" after first paragraph, disclaimer, social invite.
    n = len(arts)
    multi = [i for i, (_, a, _, _) in enumerate(arts) if len(a["body"]) >= 2]
    pres = {
        "date": pick_present(n, 15, 19),
        "photo_caption": pick_present(n, 13, 17),
        "read_also": pick_present(n, 12, 15, eligible=multi),
        "disclaimer": pick_present(n, 12, 16),
        "social": pick_present(n, 15, 18),
    }
    captions = ["(صورة أرشيفية - إنترنت)", "صورة تعبيرية (إنترنت)", "(صورة أرشيفية)",
                "صورة تعبيرية - أرشيف", "(إنترنت)"]
    items_all = []
    for i, (p, a, cat, d) in enumerate(arts):
        head, body = art_lines(a)
        it = []
        if i in pres["date"]:
            it.append(F("date", f"{DAYS[d.weekday()]} {d.day} {LEVANT[d.month-1]}/{MONTHS[d.month-1]} {d.year}"))
            it.append(B)
        it += head
        if i in pres["photo_caption"]:
            it.append(F("photo_caption", rng.choice(captions)))
        it.append(B)
        it.append(body[0])
        if i in pres["read_also"]:
            hs = related_headlines(rng.randint(2, 3), cat)
            it.append(F("read_also", "اقرأ أيضاً:"))
            for h in hs:
                it.append(F("read_also", h))
        it += body[1:]
        it.append(B)
        if i in pres["disclaimer"]:
            it.append(F("disclaimer", "جميع المقالات والأخبار المنشورة تعبّر عن رأي كتّابها ومصادرها "
                                      "ولا تعبّر بالضرورة عن رأي شبكة الفرات الحر"))
        if i in pres["social"]:
            it.append(F("social", rng.choice([
                "تابعونا على تلغرام: t.me/alfurat_alhur",
                "تابعونا على تويتر: @AlfuratAlhur",
                "لمتابعة آخر الأخبار تابعوا صفحتنا على فيسبوك: facebook.com/AlfuratAlhurNet",
                "تابعونا على تلغرام: t.me/alfurat_alhur"])))
        items_all.append(it)
    return items_all


def site_libya(arts):
    # Libyan portal: breadcrumb, reporter line + read counter under headline,
    # "related topics" block and copyright at the bottom.
    n = len(arts)
    pres = {
        "breadcrumb": pick_present(n, 15, 19),
        "byline": pick_present(n, 12, 16),
        "views": pick_present(n, 13, 18),
        "related": pick_present(n, 14, 17),
        "copyright": pick_present(n, 16, 19),
    }
    sections = {"localNews": "تونس", "internationalNews": "دولي", "economy": "اقتصاد",
                "sport": "رياضة", "politic": "سياسة", "society": "مجتمع", "culture": "ثقافة",
                "diverse": "منوعات", "technology": "علوم وتقنية"}
    items_all = []
    for i, (p, a, cat, d) in enumerate(arts):
        head, body = art_lines(a)
        it = []
        if i in pres["breadcrumb"]:
            it.append(F("breadcrumb", f"الرئيسية › أخبار › {sections.get(cat, 'أخبار')}"))
            it.append(B)
        it += head
        if i in pres["byline"]:
            it.append(F("byline", rng.choice(["تقرير: {}", "متابعة: {}", "بوابة الواحة - {}"]).format(
                rng.choice(LY_REPORTERS))))
        if i in pres["views"]:
            h, mi = rng.randint(6, 23), rng.randint(0, 59)
            it.append(F("views", f"{d.year}/{d.month:02d}/{d.day:02d} - {h:02d}:{mi:02d} | "
                                 f"عدد القراءات: {group3(rng.randint(35, 14800))}"))
        it.append(B)
        it += body
        it.append(B)
        if i in pres["related"]:
            hs = related_headlines(rng.randint(2, 4), cat)
            it.append(F("related", "مواضيع ذات صلة"))
            for h in hs:
                it.append(F("related", h))
            it.append(B)
        if i in pres["copyright"]:
            it.append(F("copyright", f"© {d.year} بوابة الواحة الليبية. جميع الحقوق محفوظة."))
        items_all.append(it)
    return items_all


def site_uae(arts):
    # Emirati business site: market ticker on top, byline + Arabic-Indic pub date
    # under headline, disclaimer, newsletter and app invitations at the bottom.
    n = len(arts)
    pres = {
        "ticker": pick_present(n, 13, 18),
        "byline": pick_present(n, 14, 18),
        "pubdate": pick_present(n, 16, 19),
        "disclaimer": pick_present(n, 12, 15),
        "newsletter": pick_present(n, 13, 17),
        "app": pick_present(n, 12, 16),
    }
    dfm, adx, brent = 3560.0, 4480.0, 54.5
    items_all = []
    for i, (p, a, cat, d) in enumerate(arts):
        head, body = art_lines(a)
        it = []
        if i in pres["ticker"]:
            c1, c2, c3 = (rng.uniform(-1.6, 1.6) for _ in range(3))
            dfm *= 1 + c1 / 100
            adx *= 1 + c2 / 100
            brent *= 1 + c3 / 100
            arrow = lambda c: "▲" if c >= 0 else "▼"
            it.append(F("ticker", f"سوق دبي المالي {dfm:,.2f} {arrow(c1)} {abs(c1):.2f}% | "
                                  f"سوق أبوظبي {adx:,.2f} {arrow(c2)} {abs(c2):.2f}% | "
                                  f"برنت {brent:.2f} دولار {arrow(c3)}"))
            it.append(B)
        it += head
        if i in pres["byline"]:
            it.append(F("byline", f"{rng.choice(AE_CITIES)}: {rng.choice(AE_REPORTERS)}"))
        if i in pres["pubdate"]:
            h, mi = rng.randint(6, 23), rng.randint(0, 59)
            s = f"تاريخ النشر: {d.day} {MONTHS[d.month-1]} {d.year} - {h12(h):02d}:{mi:02d} {ampm(h)}"
            it.append(F("pubdate", s.translate(AR_DIGITS)))
        it.append(B)
        it += body
        it.append(B)
        if i in pres["disclaimer"]:
            it.append(F("disclaimer", "إخلاء مسؤولية: المعلومات الواردة في هذا الخبر لأغراض إعلامية فقط "
                                      "ولا تُعد توصية بالشراء أو البيع."))
            it.append(B)
        if i in pres["newsletter"]:
            it.append(F("newsletter", rng.choice([
                "اشترك في النشرة الاقتصادية اليومية لتصلك أهم أخبار الأسواق إلى بريدك: malaswaq.ae/newsletter",
                "سجّل بريدك الإلكتروني للحصول على ملخص الأسواق صباح كل يوم: malaswaq.ae/newsletter"])))
        if i in pres["app"]:
            it.append(F("app", "حمّل تطبيق «مال وأسواق» على App Store وGoogle Play"))
        items_all.append(it)
    return items_all


TEAMS = {"الترجي": "#الترجي_الرياضي", "النجم الساحلي": "#النجم_الساحلي", "الإفريقي": "#النادي_الإفريقي",
         "الافريقي": "#النادي_الإفريقي", "الصفاقسي": "#النادي_الصفاقسي", "المنتخب": "#المنتخب_التونسي",
         "نسور قرطاج": "#نسور_قرطاج", "الملعب التونسي": "#الملعب_التونسي", "برشلونة": "#برشلونة",
         "ريال مدريد": "#ريال_مدريد", "كرة اليد": "#كرة_اليد", "الكان": "#كأس_أمم_إفريقيا",
         "رابطة الأبطال": "#دوري_أبطال_إفريقيا", "كأس الكاف": "#كأس_الكونفدرالية"}


def site_qatar(arts):
    # Qatari sports channel: section label, publish/update stamp, video teaser,
    # reaction counters and hashtags.
    n = len(arts)
    pres = {
        "section": pick_present(n, 16, 19),
        "update_time": pick_present(n, 13, 17),
        "video": pick_present(n, 12, 14),
        "share": pick_present(n, 14, 18),
        "hashtags": pick_present(n, 12, 17),
    }
    labels = {"sport": ["كرة القدم التونسية", "الكرة العربية", "رياضات أخرى", "كرة القدم التونسية"],
              "internationalNews": ["أخبار"], "localNews": ["أخبار"], "politic": ["أخبار"],
              "economy": ["أخبار"], "society": ["منوعات"], "culture": ["منوعات"],
              "diverse": ["منوعات"], "technology": ["تقنية"]}
    items_all = []
    for i, (p, a, cat, d) in enumerate(arts):
        head, body = art_lines(a)
        it = []
        if i in pres["section"]:
            it.append(F("section", rng.choice(labels.get(cat, ["أخبار"]))))
        it += head
        if i in pres["update_time"]:
            h, mi = rng.randint(8, 21), rng.randint(0, 59)
            dt = datetime(d.year, d.month, d.day, h, mi)
            up = dt + timedelta(minutes=rng.randint(10, 240))
            it.append(F("update_time", f"نشر: {dt:%d/%m/%Y %H:%M} | آخر تحديث: {up:%d/%m/%Y %H:%M} (بتوقيت الدوحة)"))
        it.append(B)
        if i in pres["video"]:
            mm, ss = rng.randint(0, 6), rng.randint(5, 59)
            it.append(F("video", rng.choice(["▶ شاهد الفيديو ({:02d}:{:02d})", "▶ فيديو | تقرير اللؤلؤة ({:02d}:{:02d})"]).format(mm, ss)))
        it += body
        it.append(B)
        if i in pres["share"]:
            it.append(F("share", f"إعجاب {rng.randint(3, 3200)} | تعليق {rng.randint(0, 240)} | مشاركة {rng.randint(0, 900)}"))
        if i in pres["hashtags"]:
            tags = []
            txt = a["headline"] + " " + a["body"][0]
            for k, v in TEAMS.items():
                if k in txt and v not in tags:
                    tags.append(v)
            if cat == "sport" and not tags:
                tags.append("#الرابطة_المحترفة_الأولى")
            if cat == "internationalNews":
                tags.append("#العالم")
            elif cat != "sport":
                tags.append("#تونس")
            tags = tags[:3] + ["#اللؤلؤة_الرياضية"]
            it.append(F("hashtags", " ".join(tags)))
        items_all.append(it)
    return items_all


BUILDERS = {
    "alfanar-kw": site_kuwait,
    "albalqa-news-jo": site_jordan,
    "sudan-alghad": site_sudan,
    "yana-agency-ye": site_yemen,
    "alfurat-alhur-sy": site_syria,
    "alwaha-portal-ly": site_libya,
    "mal-aswaq-ae": site_uae,
    "lulua-sports-qa": site_qatar,
}

FILE_NAMING = {
    "alfanar-kw": lambda i, d: f"alfanar_{d:%Y%m%d}_{i+1:02d}.txt",
    "albalqa-news-jo": lambda i, d: f"news-{i+1:03d}.txt",
    "sudan-alghad": lambda i, d: f"post_{i+1:02d}.txt",
    "yana-agency-ye": lambda i, d: f"yana-{d:%Y-%m-%d}-{i+1:02d}.txt",
    "alfurat-alhur-sy": lambda i, d: f"article{i+1:02d}.txt",
    "alwaha-portal-ly": lambda i, d: f"alwaha-{i+1:02d}.txt",
    "mal-aswaq-ae": lambda i, d: f"markets_{i+1:02d}.txt",
    "lulua-sports-qa": lambda i, d: f"lulua-{i+1:02d}.txt",
}


def main():
    if os.path.isdir(FILES):
        shutil.rmtree(FILES)
    truth, sources = {}, {}
    for s_idx, site in enumerate(SITES):
        chunk = main_arts[s_idx * N_PER_SITE:(s_idx + 1) * N_PER_SITE]
        arts = []
        for p, a in chunk:
            d = parse_date(p)
            if d is None:
                d = date(2017, 1, 1) + timedelta(days=rng.randint(0, 150))
            arts.append((p, a, os.path.basename(os.path.dirname(p)), d))
        # chronological order inside a site, like a crawl of its archive
        arts.sort(key=lambda x: (x[3], x[0]))
        items_all = BUILDERS[site](arts)
        os.makedirs(os.path.join(FILES, site), exist_ok=True)
        for i, ((p, a, cat, d), items) in enumerate(zip(arts, items_all)):
            rel = f"{site}/{FILE_NAMING[site](i, d)}"
            text, tr = assemble(items)
            with open(os.path.join(FILES, rel), "w", encoding="utf-8") as fh:
                fh.write(text)
            truth[rel] = tr
            sources[rel] = os.path.relpath(p, CORPUS)
    with open(os.path.join(OUT, "truth.json"), "w", encoding="utf-8") as fh:
        json.dump(truth, fh, ensure_ascii=False, indent=1)
    with open(os.path.join(OUT, "sources.json"), "w", encoding="utf-8") as fh:
        json.dump(sources, fh, ensure_ascii=False, indent=1)
    nlines = sum(len(v) for v in truth.values())
    print(f"files: {len(truth)}  furniture lines: {nlines}")


if __name__ == "__main__":
    main()
