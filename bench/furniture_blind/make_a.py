#!/usr/bin/env python3
"""Generate a test set of scraped Arabic news pages with site furniture.

Six simulated sites, 25 files each.  Every file = one real Jawhara FM article
(headline + body paragraphs, source line dropped) wrapped in the site's page
furniture.  truth.json lists every furniture line.  Deterministic (seed 101).
"""
import datetime
import json
import math
import os
import random
import re
import shutil

SRC = os.environ["FURNITURE_CORPUS"]  # a folder of the unpacked corpus (bench/furniture_blind.py sets it)
OUT = os.environ["FURNITURE_OUT"]  # where files/ and truth.json go
FILES = os.path.join(OUT, "files")
N_PER_SITE = 25
SOURCE_LINE = "المصدر: Jawhara FM"

rng = random.Random(101)

# ---------------------------------------------------------------- corpus ---

def load(path):
    with open(path, encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    while lines and lines[-1] == "":
        lines.pop()
    if len(lines) < 5 or lines[1] != "" or lines[-2] != "" or lines[-1] != SOURCE_LINE:
        return None
    head = lines[0]
    body = lines[2:-2]
    if not head.strip() or not body or any(not b.strip() for b in body):
        return None
    return {"headline": head, "body": body}


def all_articles():
    out = []
    for cat in sorted(os.listdir(SRC)):
        for fn in sorted(os.listdir(os.path.join(SRC, cat))):
            rel = f"{cat}/{fn}"
            art = load(os.path.join(SRC, rel))
            if art is not None:
                art["rel"] = rel
                art["cat"] = cat
                out.append(art)
    return out


def file_date(fn):
    m = re.search(r"-(\d{8})\.txt$", fn)
    if m:
        s = m.group(1)
        for fmt in ("%Y%m%d", "%d%m%Y"):
            try:
                d = datetime.datetime.strptime(s, fmt)
                if 2010 <= d.year <= 2018:
                    return d.date()
            except ValueError:
                pass
    return datetime.date(2016, 1, 1) + datetime.timedelta(days=rng.randint(0, 600))


# ---------------------------------------------------------------- helpers --

WEEKDAYS = ["الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]
MONTHS = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو",
          "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"]
MONTHS_MA = ["يناير", "فبراير", "مارس", "أبريل", "ماي", "يونيو", "يوليوز",
             "غشت", "شتنبر", "أكتوبر", "نونبر", "دجنبر"]
HIJRI_MONTHS = ["محرم", "صفر", "ربيع الأول", "ربيع الآخر", "جمادى الأولى",
                "جمادى الآخرة", "رجب", "شعبان", "رمضان", "شوال", "ذو القعدة", "ذو الحجة"]
AR_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def indic(s):
    return str(s).translate(AR_DIGITS)


def greg_to_jd(y, m, d):
    a = (14 - m) // 12
    y2 = y + 4800 - a
    m2 = m + 12 * a - 3
    return d + (153 * m2 + 2) // 5 + 365 * y2 + y2 // 4 - y2 // 100 + y2 // 400 - 32045


def islamic_to_jd(y, m, d):
    return d + math.ceil(29.5 * (m - 1)) + (y - 1) * 354 + (3 + 11 * y) // 30 + 1948440 - 1


def to_hijri(date):
    jd = greg_to_jd(date.year, date.month, date.day)
    y = (30 * (jd - 1948440) + 10646) // 10631
    m = min(12, math.ceil((jd - (29 + islamic_to_jd(y, 1, 1))) / 29.5) + 1)
    m = max(1, m)
    d = jd - islamic_to_jd(y, m, 1) + 1
    return y, m, d


def ampm(h, m):
    suf = "ص" if h < 12 else "م"
    h12 = h % 12 or 12
    return f"{h12:02d}:{m:02d} {suf}"


def rand_time():
    return rng.randint(6, 23), rng.randint(0, 59)


def short_code(n):
    alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "".join(rng.choice(alphabet) for _ in range(n))


def pick_files(n_files, lo=18, hi=23):
    """Indices of files that get a furniture kind (70-95 % of files)."""
    k = rng.randint(lo, hi)
    return set(rng.sample(range(n_files), k))


TAG_VOCAB = [
    "تونس", "سوسة", "صفاقس", "المنستير", "القيروان", "نابل", "بنزرت", "قابس", "مدنين",
    "قفصة", "جندوبة", "الكاف", "المهدية", "الحماية المدنية", "وزارة الداخلية",
    "وزارة الصحة", "وزارة التربية", "الترجي", "النجم الساحلي", "النادي الإفريقي",
    "النادي الصفاقسي", "المنتخب", "الحكومة", "يوسف الشاهد", "السبسي", "البرلمان",
    "مجلس نواب الشعب", "الإرهاب", "الانتخابات", "البنك المركزي", "الدينار", "السياحة",
    "الفلاحة", "الأمطار", "الطقس", "ليبيا", "الجزائر", "فرنسا", "ترامب", "سوريا",
    "داعش", "اتحاد الشغل", "كرة القدم", "كرة اليد", "الأمن", "الحرس الوطني", "المرور",
    "مهرجان", "السينما", "فيسبوك", "الاقتصاد", "التصدير", "الأسعار", "الصحة",
    "المستشفى", "الجامعة", "الطلبة", "الهجرة", "المغرب", "مصر", "روسيا", "أمريكا",
    "الاتحاد الأوروبي", "النفط", "الحرائق", "التهريب", "المخدرات", "الشباب",
]

CAT_TAG = {
    "culture": "ثقافة", "diverse": "منوعات", "economy": "اقتصاد",
    "internationalNews": "أخبار العالم", "localNews": "أخبار محلية", "politic": "سياسة",
    "society": "مجتمع", "sport": "رياضة", "technology": "تكنولوجيا",
}


def tags_for(art, lo=2, hi=5):
    text = art["headline"] + " " + " ".join(art["body"])
    found = [t for t in TAG_VOCAB if t in text]
    rng.shuffle(found)
    want = rng.randint(lo, hi)
    tags = found[:want]
    if len(tags) < lo:
        for extra in (CAT_TAG[art["cat"]], "تونس", "أخبار"):
            if extra not in tags:
                tags.append(extra)
            if len(tags) >= lo:
                break
    return tags


# --------------------------------------------------------------- sites -----
# Each builder returns a list of (text, furniture) where furniture is None for
# article lines / blank lines, or a dict {kind, whole_line, prefix?}.

def F(kind):
    return {"kind": kind, "whole_line": True}


def P(kind, prefix):
    return {"kind": kind, "whole_line": False, "prefix": prefix}


BLANK = ("", None)


def body_lines(art, prefix=None, kind=None):
    out = []
    for i, para in enumerate(art["body"]):
        if i == 0 and prefix:
            out.append((prefix + para, P(kind, prefix)))
        else:
            out.append((para, None))
    return out


# 1. Gulf daily ------------------------------------------------------------
GULF_SECTION = {
    "culture": "ثقافة وفنون", "diverse": "منوعات", "economy": "اقتصاد",
    "internationalNews": "العالم", "localNews": "عربي ودولي", "politic": "عربي ودولي",
    "society": "عربي ودولي", "sport": "رياضة", "technology": "تقنية",
}
GULF_SUB = {
    "رياضة": ["رياضة عربية", "كرة قدم عالمية"], "اقتصاد": ["أسواق", "اقتصاد عربي"],
    "عربي ودولي": ["المغرب العربي", "أخبار عربية"], "العالم": ["العالم", "أخبار دولية"],
    "ثقافة وفنون": ["ثقافة", "سينما"], "منوعات": ["منوعات"], "تقنية": ["تقنية"],
}
GULF_WRITERS = ["فهد العتيبي", "سلطان الشامسي", "عبدالله المري", "ناصر الكعبي",
                "خالد الدوسري", "مريم البلوشي", "حمد الظاهري", "سعود القحطاني"]
GULF_CITIES = ["تونس", "دبي", "أبوظبي", "الرياض", "الدوحة", "الكويت", "المنامة"]


def site_gulf(art, date, flags, pool):
    out = []
    sec = GULF_SECTION[art["cat"]]
    if "breadcrumb" in flags:
        sub = rng.choice(GULF_SUB[sec])
        out += [(f"الرئيسية / {sec} / {sub}", F("breadcrumb")), BLANK]
    out.append((art["headline"], None))
    if "date_hijri" in flags:
        hy, hm, hd = to_hijri(date + datetime.timedelta(days=1))  # ~Umm al-Qura
        wd = WEEKDAYS[date.weekday()]
        out.append((f"{wd} {indic(hd)} {HIJRI_MONTHS[hm - 1]} {indic(hy)} هـ - "
                    f"{indic(date.day)} {MONTHS[date.month - 1]} {indic(date.year)} م",
                    F("date_hijri")))
    if "byline" in flags:
        r = rng.random()
        if r < 0.4:
            txt = f"تونس - «الواحة»"
        elif r < 0.6:
            txt = f"{rng.choice(['تونس', 'عواصم'])} - وكالات"
        else:
            city = "تونس" if rng.random() < 0.7 else rng.choice(GULF_CITIES)
            txt = f"{city} - {rng.choice(GULF_WRITERS)}"
        out.append((txt, F("byline")))
    out.append(BLANK)
    out += body_lines(art)
    if "read_also" in flags:
        out.append(BLANK)
        out.append(("اقرأ أيضاً:", F("read_also")))
        for h in pool.take(rng.randint(2, 4)):
            out.append((h, F("read_also")))
    if "tags" in flags:
        out.append(BLANK)
        out.append(("الوسوم: " + " | ".join(tags_for(art)), F("tags")))
    return out


# 2. Egyptian portal -------------------------------------------------------
EG_WRITERS_M = ["أحمد سمير", "محمد عبد الرحمن", "محمود الشناوي", "إسلام عبد الفتاح",
                "عمرو صلاح", "مصطفى عبد العزيز", "شريف فؤاد", "هاني السيد"]
EG_WRITERS_F = ["منى عبد الله", "ياسمين حسن", "نورهان محمد", "إيمان عادل", "سارة عبد الحميد"]


def site_egypt(art, date, flags, pool):
    out = [(art["headline"], None)]
    h, m = rand_time()
    if "date" in flags:
        out.append((f"{WEEKDAYS[date.weekday()]}، {date.day:02d} {MONTHS[date.month - 1]} "
                    f"{date.year} - {ampm(h, m)}", F("date")))
    if "views" in flags:
        out.append((f"عدد القراءات: {rng.randint(80, 48000):,}", F("views")))
    out.append(BLANK)
    prefix = None
    if "byline" in flags:
        r = rng.random()
        if r < 0.6:
            prefix = f"كتب - {rng.choice(EG_WRITERS_M)}: "
        elif r < 0.85:
            prefix = f"كتبت - {rng.choice(EG_WRITERS_F)}: "
        else:
            a, b = rng.sample(EG_WRITERS_M, 2)
            prefix = f"كتب - {a} و{b}: "
    body = body_lines(art, prefix, "byline")
    block = []
    if "read_also" in flags:
        block.append(("اقرأ أيضًا:", F("read_also")))
        for hl in pool.take(rng.randint(2, 3)):
            block.append(("- " + hl, F("read_also")))
    # template places the block after the first paragraph
    out += body[:1] + block + body[1:]
    if "app_prompt" in flags:
        out.append(BLANK)
        out.append(("حمّل تطبيق بوابة النيل الآن لمتابعة آخر الأخبار لحظة بلحظة على "
                    "أندرويد وآيفون", F("app_prompt")))
    return out


# 3. Levantine TV site -----------------------------------------------------
LEV_SECTION = {
    "culture": "فن وثقافة", "diverse": "منوعات", "economy": "اقتصاد",
    "internationalNews": "دوليات", "localNews": "عربيات", "politic": "سياسة",
    "society": "مجتمع", "sport": "رياضة", "technology": "تكنولوجيا",
}


def site_levant(art, date, flags, pool):
    out = []
    if "section" in flags:
        out.append((LEV_SECTION[art["cat"]], F("section")))
    out.append((art["headline"], None))
    h, m = rand_time()
    pub = datetime.datetime(date.year, date.month, date.day, h, m)
    if "date" in flags:
        out.append((f"نشر بتاريخ: {pub:%d-%m-%Y} | {pub:%H:%M}", F("date")))
    if "updated" in flags:
        upd = pub + datetime.timedelta(minutes=rng.randint(12, 60 * 30))
        out.append((f"آخر تحديث: {upd:%d-%m-%Y} | {upd:%H:%M}", F("updated")))
    out.append(BLANK)
    out += body_lines(art)
    tail = []
    if "share" in flags:
        tail.append(("شارك الخبر: فيسبوك | تويتر | واتساب | تلغرام", F("share")))
    if "short_link" in flags:
        tail.append((f"رابط مختصر: https://arz.tv/s/{short_code(rng.randint(5, 7))}",
                     F("short_link")))
    if tail:
        out.append(BLANK)
        out += tail
    if "watch_also" in flags:
        out.append(BLANK)
        out.append(("شاهد أيضاً", F("watch_also")))
        for hl in pool.take(rng.randint(2, 4)):
            out.append((hl, F("watch_also")))
    return out


# 4. Moroccan site ---------------------------------------------------------
MA_WRITERS = ["سعيد الإدريسي", "عبد الرحيم العسري", "هشام بنعلي", "يوسف لخضر",
              "فاطمة الزهراء الصديق", "محمد الراجي", "نور الدين اليزيد", "حسن الأشرف"]


def site_morocco(art, date, flags, pool):
    out = [(art["headline"], None)]
    if "author" in flags:
        r = rng.random()
        if r < 0.2:
            who = "متابعة"
        elif r < 0.35:
            who = "وكالات"
        else:
            who = rng.choice(MA_WRITERS)
        out.append((f"أنوال بريس - {who}", F("author")))
    if "date" in flags:
        h, m = rand_time()
        out.append((f"{WEEKDAYS[date.weekday()]} {date.day} {MONTHS_MA[date.month - 1]} "
                    f"{date.year} - {h:02d}:{m:02d}", F("date")))
    out.append(BLANK)
    out += body_lines(art)
    tail = []
    if "comment_count" in flags:
        n = rng.choice([0, 0, 1, 2, 3, 5]) if rng.random() < 0.3 else rng.randint(4, 140)
        tail.append((f"التعليقات ({n})", F("comment_count")))
    if "comment_policy" in flags:
        tail.append(("المرجو من القراء الكرام الالتزام بقواعد النشر، وعدم تضمين تعليقاتهم "
                     "أي عبارات مسيئة أو تحريضية أو قذف في حق الأشخاص والهيئات، ونعتذر عن "
                     "نشر التعليقات المخالفة.", F("comment_policy")))
    if tail:
        out.append(BLANK)
        out += tail
    if "copyright" in flags:
        out.append(BLANK)
        out.append((f"جميع الحقوق محفوظة © أنوال بريس {date.year}", F("copyright")))
    return out


# 5. Pan-Arab agency -------------------------------------------------------
AG_CITIES = ["تونس", "تونس", "تونس", "صفاقس", "سوسة", "القيروان", "المنستير", "نابل",
             "بنزرت", "قابس"]
AG_CITY_INTL = ["باريس", "القاهرة", "الجزائر", "طرابلس", "جنيف", "واشنطن", "موسكو"]
AG_INITIALS = ["ع.م", "س.ك", "م.ب", "ح.ع", "ن.ر", "ط.ج", "أ.ش", "ف.ز", "ي.د", "ر.ح"]


def site_agency(art, date, flags, pool):
    out = []
    if "timestamp" in flags:
        h, m = rand_time()
        out.append((f"تاريخ النشر: {date:%Y-%m-%d} {h:02d}:{m:02d} (ت.غ)", F("timestamp")))
        out.append(BLANK)
    out.append((art["headline"], None))
    out.append(BLANK)
    prefix = None
    if "dateline" in flags:
        city = rng.choice(AG_CITY_INTL if art["cat"] == "internationalNews"
                          and rng.random() < 0.6 else AG_CITIES)
        prefix = f"{city}، {date.day} {MONTHS[date.month - 1]} (شرق) - "
    out += body_lines(art, prefix, "dateline")
    if "end_marker" in flags:
        a, b = rng.sample(AG_INITIALS, 2)
        out.append((f"(انتهى) {a} / {b}", F("end_marker")))
    tail = []
    if "tags" in flags:
        tail.append(("الكلمات المفتاحية: " + "، ".join(tags_for(art, 3, 6)), F("tags")))
    if "newsletter" in flags:
        tail.append(("اشترك في النشرة البريدية لوكالة أنباء الشرق لتصلك أهم الأخبار "
                     "يومياً على بريدك الإلكتروني", F("newsletter")))
    if tail:
        out.append(BLANK)
        out += tail
    return out


# 6. Sports site -----------------------------------------------------------
SP_WRITERS = ["ياسين الطرابلسي", "خالد الشريف", "أنيس الهمامي", "مروان الجلاصي",
              "وليد بن صالح", "أمين الزواري", "هيثم القصوري"]
TN_CLUBS = ["الترجي", "النجم", "الإفريقي", "الافريقي", "الصفاقسي", "الرابطة",
            "البطولة", "المنتخب", "الملعب التونسي", "الاتحاد المنستيري", "الجامعة"]
WORLD = ["ريال", "برشلونة", "مانشستر", "مانشستير", "ليفربول", "تشيلسي", "أرسنال",
         "بايرن", "يوفنتوس", "ميسي", "رونالدو", "روني", "باريس سان جرمان", "الدوري"]


def sp_sub(art):
    text = art["headline"] + " " + art["body"][0]
    if "كرة اليد" in text:
        return "كرة اليد"
    if "تنس" in text:
        return "تنس"
    if any(w in text for w in WORLD):
        return "الكرة العالمية"
    if any(w in text for w in TN_CLUBS):
        return "الكرة التونسية"
    return rng.choice(["رياضات أخرى", "الكرة التونسية", "الكرة العربية"])


def site_sport(art, date, flags, pool):
    out = []
    if "breadcrumb" in flags:
        sub = sp_sub(art)
        top = "كرة القدم" if "الكرة" in sub else "رياضات"
        out.append((f"الرئيسية » {top} » {sub}", F("breadcrumb")))
    out.append((art["headline"], None))
    if "byline_date" in flags:
        h, m = rand_time()
        out.append((f"بواسطة: {rng.choice(SP_WRITERS)} | {date.day} {MONTHS[date.month - 1]} "
                    f"{date.year} - {h:02d}:{m:02d}", F("byline_date")))
    if "reading_time" in flags:
        words = sum(len(p.split()) for p in art["body"]) + len(art["headline"].split())
        n = max(1, round(words / 180))
        txt = {1: "دقيقة واحدة", 2: "دقيقتان"}.get(n, f"{n} دقائق")
        out.append((f"وقت القراءة: {txt}", F("reading_time")))
    if "views" in flags:
        out.append((f"المشاهدات: {rng.randint(300, 95000)}", F("views")))
    out.append(BLANK)
    out += body_lines(art)
    if "follow" in flags:
        out.append(BLANK)
        out.append(("تابعونا على فيسبوك وتويتر وإنستغرام ويوتيوب لمتابعة آخر أخبار الرياضة "
                    "لحظة بلحظة", F("follow")))
    if "related" in flags:
        out.append(BLANK)
        out.append(("أخبار ذات صلة", F("related")))
        for hl in pool.take(rng.randint(2, 4)):
            out.append(("• " + hl, F("related")))
    return out


SITES = [
    ("site-wahagulf", site_gulf, ["breadcrumb", "date_hijri", "byline", "read_also", "tags"], "any"),
    ("site-nilegate", site_egypt, ["date", "views", "byline", "read_also", "app_prompt"], "any"),
    ("site-arztv", site_levant, ["section", "date", "updated", "share", "short_link", "watch_also"], "any"),
    ("site-anwalpress", site_morocco, ["author", "date", "comment_count", "comment_policy", "copyright"], "any"),
    ("site-sharqagency", site_agency, ["timestamp", "dateline", "end_marker", "tags", "newsletter"], "any"),
    ("site-hadafsport", site_sport, ["breadcrumb", "byline_date", "reading_time", "views", "follow", "related"], "sport"),
]


class HeadlinePool:
    """Headlines of other (unused) corpus articles; each used at most once."""

    def __init__(self, arts):
        self.items = [a["headline"].strip() for a in arts
                      if 15 <= len(a["headline"].strip()) <= 140]
        rng.shuffle(self.items)
        self.seen = set()

    def take(self, n):
        out = []
        while len(out) < n:
            h = self.items.pop()
            if h not in self.seen:
                self.seen.add(h)
                out.append(h)
        return out


def main():
    arts = all_articles()
    sport = [a for a in arts if a["cat"] == "sport"]
    main_sport = rng.sample(sport, N_PER_SITE)
    used = {a["rel"] for a in main_sport}
    rest = [a for a in arts if a["rel"] not in used]
    main_other = rng.sample(rest, N_PER_SITE * 5)
    used |= {a["rel"] for a in main_other}
    main_heads = {a["headline"].strip() for a in main_sport + main_other}
    unused = [a for a in arts if a["rel"] not in used and a["headline"].strip() not in main_heads]
    pool_any = HeadlinePool(unused)
    pool_sport = HeadlinePool([a for a in unused if a["cat"] == "sport"])
    pool_any.seen = pool_sport.seen  # shared: a headline is never reused anywhere

    if os.path.isdir(FILES):
        shutil.rmtree(FILES)
    os.makedirs(FILES)

    truth, sources = {}, {}
    other_iter = iter(main_other)
    for site, builder, kinds, which in SITES:
        os.makedirs(os.path.join(FILES, site))
        chosen = main_sport if which == "sport" else [next(other_iter) for _ in range(N_PER_SITE)]
        present = {k: pick_files(N_PER_SITE) for k in kinds}
        pool = pool_sport if which == "sport" else pool_any
        for i, art in enumerate(chosen):
            flags = {k for k in kinds if i in present[k]}
            date = file_date(art["rel"].split("/")[1])
            lines = builder(art, date, flags, pool)
            rel = f"{site}/{i + 1:02d}.txt"
            with open(os.path.join(FILES, rel), "w", encoding="utf-8") as fh:
                fh.write("\n".join(t for t, _ in lines) + "\n")
            entries = []
            for n, (txt, fur) in enumerate(lines, 1):
                if fur is not None:
                    e = {"line": n, "kind": fur["kind"], "whole_line": fur["whole_line"]}
                    if not fur["whole_line"]:
                        e["prefix"] = fur["prefix"]
                    entries.append(e)
            truth[rel] = entries
            sources[rel] = art["rel"]

    with open(os.path.join(OUT, "truth.json"), "w", encoding="utf-8") as fh:
        json.dump(truth, fh, ensure_ascii=False, indent=1)
    with open(os.path.join(OUT, "sources.json"), "w", encoding="utf-8") as fh:
        json.dump(sources, fh, ensure_ascii=False, indent=1)
    print("files:", len(truth), "furniture lines:", sum(len(v) for v in truth.values()))


if __name__ == "__main__":
    main()
