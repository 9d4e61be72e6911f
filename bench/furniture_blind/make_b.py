#!/usr/bin/env python3
"""Generate a test set of scraped Arabic news pages with site furniture.

Six simulated Arab news websites, 25 files each. Each file is one real article
from /tmp/corpus/jawhara wrapped in that site's page furniture.
Deterministic: random seed 202.

Outputs (all under $FURNITURE_OUT):
  files/<site>/<NN>.txt   the pages
  truth.json              every furniture line per file
  sources.json            source article path of every file (for checking)
"""
import datetime
import glob
import json
import math
import os
import random
import re
import shutil

CORPUS = os.environ["FURNITURE_CORPUS"]  # a folder of the unpacked corpus (bench/furniture_blind.py sets it)
OUT = os.environ["FURNITURE_OUT"]  # where files/ and truth.json go
FILES = os.path.join(OUT, "files")
N_PER_SITE = 25
SOURCE_LINE = "المصدر: Jawhara FM"

random.seed(202)
R = random  # the single seeded generator used everywhere

# ---------------------------------------------------------------- corpus
def load_article(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    lines = text.split("\n")
    while lines and lines[-1] == "":
        lines.pop()
    if len(lines) < 5 or lines[1] != "" or lines[-1] != SOURCE_LINE or lines[-2] != "":
        return None
    head = lines[0]
    body = lines[2:-2]
    if not head.strip() or not body or any(not b.strip() for b in body):
        return None
    if "\r" in text:
        return None
    return {"path": path, "cat": path.split("/")[-2], "headline": head, "body": body,
            "date": parse_date(os.path.basename(path))}


def parse_date(name):
    m = re.search(r"-(\d{8})\.txt$", name)
    if m:
        s = m.group(1)
        for fmt in ("%Y%m%d", "%d%m%Y"):
            try:
                d = datetime.datetime.strptime(s, fmt).date()
                if 2010 <= d.year <= 2018:
                    return d
            except ValueError:
                pass
    return None


ALL = sorted(glob.glob(os.path.join(CORPUS, "*", "*.txt")))
ARTS = [a for a in (load_article(p) for p in ALL) if a is not None]

# ---------------------------------------------------------------- calendars
WEEKDAYS = ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]
MONTHS_STD = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو",
              "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"]
MONTHS_LEV = ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز",
              "آب", "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول"]
MONTHS_MAG = ["جانفي", "فيفري", "مارس", "أفريل", "ماي", "جوان", "جويلية",
              "أوت", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"]
MONTHS_HIJ = ["محرم", "صفر", "ربيع الأول", "ربيع الآخر", "جمادى الأولى", "جمادى الآخرة",
              "رجب", "شعبان", "رمضان", "شوال", "ذو القعدة", "ذو الحجة"]
EASTERN = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def islamic_to_jd(y, m, d):
    return (d + math.ceil(29.5 * (m - 1)) + (y - 1) * 354
            + math.floor((3 + 11 * y) / 30) + 1948439.5 - 1)


def to_hijri(g):
    """Tabular (arithmetical) Islamic calendar."""
    jd = g.toordinal() + 1721424.5
    y = math.floor((30 * (jd - 1948439.5) + 10646) / 10631)
    m = min(12, math.ceil((jd - (29 + islamic_to_jd(y, 1, 1))) / 29.5) + 1)
    d = int(jd - islamic_to_jd(y, m, 1) + 1)
    return y, m, d


def ar_num(x):
    return str(x).translate(EASTERN)


# ---------------------------------------------------------------- helpers
class Page:
    """Accumulates lines of a page and the furniture truth."""

    def __init__(self):
        self.blocks = []  # list of list of (text, kind|None, prefix|None)

    def block(self, items):
        items = [it for it in items if it is not None]
        if items:
            self.blocks.append(items)

    def render(self):
        lines, truth = [], []
        for bi, blk in enumerate(self.blocks):
            if bi:
                lines.append("")
            for text, kind, prefix in blk:
                lines.append(text)
                if kind is not None:
                    ent = {"line": len(lines), "kind": kind,
                           "whole_line": prefix is None}
                    if prefix is not None:
                        ent["prefix"] = prefix
                    truth.append(ent)
        return "\n".join(lines) + "\n", truth


def F(text, kind):
    return (text, kind, None)


def A(text):
    return (text, None, None)


def presence(n, kinds, lo=18, hi=23):
    """For each kind choose exactly k files (70-95% of n) where it appears."""
    pres = {}
    for k in kinds:
        cnt = R.randint(lo, hi)
        pres[k] = set(R.sample(range(n), cnt))
    return pres


def pub_datetime(art):
    d = art["date"]
    if d is None:
        d = datetime.date(2016, 1, 1) + datetime.timedelta(days=R.randint(0, 520))
    d = d + datetime.timedelta(days=R.choice([0, 0, 0, 1]))
    t = datetime.time(R.randint(6, 23), R.randint(0, 59))
    return datetime.datetime.combine(d, t)


SECTION = {
    "culture": "ثقافة وفنون", "diverse": "منوعات", "economy": "اقتصاد",
    "internationalNews": "عربي ودولي", "localNews": "محليات", "politic": "سياسة",
    "society": "مجتمع", "sport": "رياضة", "technology": "تقنية",
}

TAGPOOL = {
    "culture": ["ثقافة", "سينما", "مهرجان", "مسرح", "كتاب", "فنون", "موسيقى", "تراث"],
    "diverse": ["منوعات", "غرائب", "صحة", "مشاهير", "طقس", "سوشيال ميديا", "دراسة"],
    "economy": ["اقتصاد", "أسعار", "البنك المركزي", "تضخم", "استثمار", "موازنة", "تصدير"],
    "internationalNews": ["دولي", "الأمم المتحدة", "أوروبا", "واشنطن", "سوريا", "ليبيا", "لاجئون"],
    "localNews": ["تونس", "أمن", "حوادث", "بلديات", "تعليم", "صحة", "طقس", "وزارة الداخلية"],
    "politic": ["سياسة", "البرلمان", "الحكومة", "انتخابات", "أحزاب", "رئاسة", "دستور"],
    "society": ["مجتمع", "أسرة", "تعليم", "شباب", "المرأة", "صحة", "جمعيات"],
    "sport": ["رياضة", "كرة القدم", "الترجي", "النجم الساحلي", "المنتخب", "دوري أبطال أفريقيا", "كرة اليد"],
    "technology": ["تقنية", "هواتف ذكية", "إنترنت", "تطبيقات", "أمن معلوماتي", "ذكاء اصطناعي", "فيسبوك"],
}

# ---------------------------------------------------------------- article selection
# main articles: 5 general sites draw from all categories, the tech/economy
# portal draws from economy + technology. Related/read-also headlines come from
# further, otherwise unused articles.
pool = list(ARTS)
R.shuffle(pool)
used = set()


def take(n, cats=None):
    out = []
    for a in pool:
        if a["path"] in used:
            continue
        if cats and a["cat"] not in cats:
            continue
        used.add(a["path"])
        out.append(a)
        if len(out) == n:
            break
    assert len(out) == n
    return out


def headline_supply():
    while True:
        a = take(1)[0]
        yield a["headline"]


# ================================================================ site 1
# Saudi daily "الأفق"
def site_saudi(arts, heads):
    kinds = ["masthead", "date_hijri", "section", "byline", "tools", "copyright"]
    pres = presence(len(arts), kinds)
    cities = ["الرياض", "جدة", "الدمام", "مكة المكرمة", "المدينة المنورة", "أبها",
              "تبوك", "القصيم", "الطائف", "الأحساء"]
    names = ["خالد الشهري", "عبدالله الزهراني", "فهد العتيبي", "ناصر الحربي",
             "سعد القحطاني", "محمد الغامدي", "نورة الدوسري", "ريم السبيعي",
             "ماجد المطيري", "تركي العنزي", "واس"]
    issue0 = 16800
    pages = []
    for i, a in enumerate(arts):
        dt = pub_datetime(a)
        p = Page()
        hy, hm, hd = to_hijri(dt.date())
        issue = issue0 + (dt.date() - datetime.date(2015, 1, 1)).days
        p.block([
            F(R.choice(["الأفق - صحيفة يومية سعودية شاملة تصدر عن مؤسسة الأفق للصحافة والنشر",
                        "الأفق | صحيفة يومية سعودية شاملة"]), "masthead") if i in pres["masthead"] else None,
            F("%s %s %s %sهـ - %s %s %sم - العدد %s" % (
                WEEKDAYS[dt.weekday()], ar_num(hd), MONTHS_HIJ[hm - 1], ar_num(hy),
                ar_num(dt.day), MONTHS_STD[dt.month - 1], ar_num(dt.year), ar_num(issue)),
              "date_hijri") if i in pres["date_hijri"] else None,
            F(SECTION[a["cat"]], "section") if i in pres["section"] else None,
        ])
        p.block([A(a["headline"])])
        body = list(a["body"])
        first = A(body[0])
        if i in pres["byline"]:
            city = "تونس" if (a["cat"] in ("localNews", "politic") and R.random() < 0.4) else R.choice(cities)
            pre = "%s - %s: " % (city, R.choice(names))
            first = (pre + body[0], "byline", pre)
        p.block([first] + [A(b) for b in body[1:]])
        p.block([
            F("طباعة | إرسال لصديق | حفظ | التعليقات (%s)" % ar_num(R.choice([0, 0, 1, 2, 3, 5, 8, 12, 27])),
              "tools") if i in pres["tools"] else None,
            F("جميع الحقوق محفوظة © صحيفة الأفق %s" % ar_num(dt.year), "copyright")
            if i in pres["copyright"] else None,
        ])
        pages.append(p)
    return kinds, pages


# ================================================================ site 2
# Lebanese newspaper "المشرق"
def site_lebanon(arts, heads):
    kinds = ["masthead_date", "author", "photo_credit", "disclaimer", "app_promo"]
    pres = presence(len(arts), kinds)
    men = ["ربيع ضاهر", "جورج شاهين", "نبيل هيثم", "علي الموسوي", "طوني عيسى",
           "حسين أيوب", "ميشال نصر", "كمال ذبيان", "وسام إسماعيل"]
    women = ["رلى إبراهيم", "ليا القزي", "هيام القصيفي", "مرلين وهبة", "ندى أيوب", "جويل بو يونس"]
    photogs = ["مروان طحطح", "هيثم الموسوي", "حسن عبدالله", "علي لمع", "بلال جاويش", "داليا خميسي"]
    agencies = ["أ ف ب", "رويترز", "أ ب", "الأناضول", "EPA"]
    apps = [
        "حمّلوا تطبيق «المشرق» على هواتفكم الذكية - متوفر على App Store وGoogle Play",
        "تابعوا «المشرق» على إنستغرام @almashreq.lb وعلى تويتر @AlMashreqLB",
        "لمتابعة آخر الأخبار العاجلة اشتركوا بخدمة «المشرق» على واتساب: 03/%s%s%s" ,
    ]
    pages = []
    for i, a in enumerate(arts):
        dt = pub_datetime(a)
        p = Page()
        issue = 8200 + (dt.date() - datetime.date(2016, 6, 1)).days
        if i in pres["masthead_date"]:
            p.block([F("جريدة المشرق | %s %d %s %d | العدد %d" % (
                WEEKDAYS[dt.weekday()], dt.day, MONTHS_LEV[dt.month - 1], dt.year, issue),
                "masthead_date")])
        hb = [A(a["headline"])]
        if i in pres["author"]:
            if R.random() < 0.35:
                hb.append(F("كتبت %s" % R.choice(women), "author"))
            else:
                hb.append(F("كتب %s" % R.choice(men), "author"))
        p.block(hb)
        bb = []
        if i in pres["photo_credit"]:
            r = R.random()
            if r < 0.45:
                bb.append(F("(تصوير: %s)" % R.choice(photogs), "photo_credit"))
            elif r < 0.75:
                bb.append(F("(%s)" % R.choice(agencies), "photo_credit"))
            else:
                bb.append(F("صورة أرشيفية (%s)" % R.choice(agencies + ["أرشيف المشرق"]), "photo_credit"))
        bb += [A(b) for b in a["body"]]
        p.block(bb)
        fb = []
        if i in pres["disclaimer"]:
            fb.append(F("المقالات والآراء المنشورة تعبّر عن رأي كتّابها ولا تعكس بالضرورة رأي «المشرق»",
                        "disclaimer"))
        if i in pres["app_promo"]:
            t = R.choice(apps)
            if "%s" in t:
                t = t % (R.randint(10, 99), R.randint(10, 99), R.randint(10, 99))
            fb.append(F(t, "app_promo"))
        p.block(fb)
        pages.append(p)
    return kinds, pages


# ================================================================ site 3
# Algerian site "الجزائر الآن"
def site_algeria(arts, heads):
    kinds = ["nav", "published", "views", "byline", "read_more", "related"]
    pres = presence(len(arts), kinds)
    navs = ["الرئيسية | الوطني | الدولي | الرياضة | اقتصاد | ثقافة | مجتمع | فيديو",
            "الرئيسية | الوطني | الدولي | الرياضة | اقتصاد | ثقافة | مجتمع | فيديو | رمضان"]
    cities = ["الجزائر العاصمة", "وهران", "قسنطينة", "عنابة", "سطيف", "تلمسان", "ورقلة",
              "بجاية", "باتنة", "البليدة"]
    initials = ["س", "ك", "م", "ع", "ح", "ن", "ر", "ب", "ل"]
    surnames = ["بلقاسم", "رحماني", "بوعلام", "زروقي", "بن يحيى", "حمادي", "مسعودي", "قاسمي"]
    pages = []
    for i, a in enumerate(arts):
        dt = pub_datetime(a)
        p = Page()
        if i in pres["nav"]:
            p.block([F(R.choice(navs), "nav")])
        hb = [A(a["headline"])]
        if i in pres["published"]:
            hb.append(F("نشر في %d %s %d على الساعة %02d:%02d" % (
                dt.day, MONTHS_MAG[dt.month - 1], dt.year, dt.hour, dt.minute), "published"))
        if i in pres["views"]:
            hb.append(F("عدد القراءات: %d" % R.randint(87, 14500), "views"))
        p.block(hb)
        body = list(a["body"])
        first = A(body[0])
        if i in pres["byline"]:
            pre = "%s: %s. %s - " % (R.choice(cities), R.choice(initials), R.choice(surnames))
            first = (pre + body[0], "byline", pre)
        bb = [first] + [A(b) for b in body[1:]]
        if i in pres["read_more"]:
            bb.append(F("للمزيد اضغط هنا", "read_more"))
        p.block(bb)
        if i in pres["related"]:
            rb = [F("مقالات ذات صلة", "related")]
            for _ in range(R.randint(2, 4)):
                rb.append(F(next(heads), "related"))
            p.block(rb)
        pages.append(p)
    return kinds, pages


# ================================================================ site 4
# Iraqi news agency "وكالة دجلة"
def site_iraq(arts, heads):
    kinds = ["agency_header", "pubdate", "dateline", "editor_sig", "shortlink", "channel"]
    pres = presence(len(arts), kinds)
    cities = ["بغداد", "البصرة", "الموصل", "أربيل", "النجف", "كربلاء", "الأنبار",
              "ذي قار", "بابل", "كركوك", "ديالى", "السليمانية"]
    letters = "ابتجحدرزسشصعغفقكلمنهوي"
    channels = [
        "تابعوا قناة وكالة دجلة على تلغرام: https://t.me/dijlanews",
        "لمتابعة الأخبار العاجلة انضموا إلى قناتنا على تلغرام t.me/dijlanews",
        "تابعونا على قناة واتساب: https://whatsapp.com/channel/0029VaDijla%s" ,
    ]
    pages = []
    for i, a in enumerate(arts):
        dt = pub_datetime(a)
        p = Page()
        hb = []
        if i in pres["agency_header"]:
            hb.append(F("وكالة دجلة الإخبارية | أخبار العراق والعالم على مدار الساعة", "agency_header"))
        if i in pres["pubdate"]:
            h12 = dt.hour % 12 or 12
            hb.append(F("تاريخ النشر: %04d/%02d/%02d - %02d:%02d %s" % (
                dt.year, dt.month, dt.day, h12, dt.minute, "ص" if dt.hour < 12 else "م"), "pubdate"))
        p.block(hb)
        p.block([A(a["headline"])])
        body = list(a["body"])
        first = A(body[0])
        if i in pres["dateline"]:
            city = R.choice(cities)
            pre = "%s/ دجلة - " % city
            first = (pre + body[0], "dateline", pre)
        bb = [first] + [A(b) for b in body[1:]]
        if i in pres["editor_sig"]:
            a1, a2 = R.sample(letters, 2)
            bb.append(F("(%s.%s)" % (a1, a2), "editor_sig"))
        p.block(bb)
        fb = []
        if i in pres["shortlink"]:
            fb.append(F("رابط مختصر: https://dijla.iq/n/%d" % R.randint(31000, 99999), "shortlink"))
        if i in pres["channel"]:
            t = R.choice(channels)
            if "%s" in t:
                t = t % "".join(R.choice("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789") for _ in range(6))
            fb.append(F(t, "channel"))
        p.block(fb)
        pages.append(p)
    return kinds, pages


# ================================================================ site 5
# Palestinian news network "شبكة الميناء"
def site_palestine(arts, heads):
    kinds = ["updated", "dateline", "read_also", "tags", "share", "whatsapp"]
    pres = presence(len(arts), kinds)
    places = ["غزة", "رام الله", "نابلس", "الخليل", "القدس المحتلة", "جنين", "خانيونس",
              "بيت لحم", "طولكرم", "رفح"]
    pages = []
    for i, a in enumerate(arts):
        dt = pub_datetime(a)
        up = dt + datetime.timedelta(minutes=R.randint(3, 600))
        p = Page()
        if i in pres["updated"]:
            p.block([F("آخر تحديث: %02d/%02d/%d | %02d:%02d" % (
                up.day, up.month, up.year, up.hour, up.minute), "updated")])
        p.block([A(a["headline"])])
        body = list(a["body"])
        first = A(body[0])
        if i in pres["dateline"]:
            pl = R.choice(places)
            pre = R.choice(["%s - خاص شبكة الميناء: ", "%s - خاص: ", "%s - الميناء: "]) % pl
            first = (pre + body[0], "dateline", pre)
        bb = [first]
        if i in pres["read_also"]:
            bb.append(F("اقرأ أيضاً: %s" % next(heads), "read_also"))
        bb += [A(b) for b in body[1:]]
        p.block(bb)
        fb = []
        if i in pres["tags"]:
            tg = R.sample(TAGPOOL[a["cat"]], R.randint(2, 4))
            if R.random() < 0.3:
                tg.append(R.choice(["فلسطين", "أخبار عاجلة", "الميناء"]))
            fb.append(F("الوسوم: " + "، ".join(tg), "tags"))
        if i in pres["share"]:
            fb.append(F("شارك الخبر (%d): فيسبوك | تويتر | واتساب | تلغرام | نسخ الرابط" % R.randint(0, 480),
                        "share"))
        if i in pres["whatsapp"]:
            g = R.randint(1, 14)
            fb.append(F("انضم إلى مجموعة الميناء الإخبارية رقم %d على واتساب لتصلك الأخبار أولاً بأول: 0599%06d" % (
                g, R.randint(0, 999999)), "whatsapp"))
        p.block(fb)
        pages.append(p)
    return kinds, pages


# ================================================================ site 6
# Economy / technology portal "بوابة رقمي"
def site_tech(arts, heads):
    kinds = ["ticker", "breadcrumb", "byline", "reading_time", "image_credit", "newsletter"]
    pres = presence(len(arts), kinds)
    sub = {"economy": ["أسواق", "بنوك", "طاقة", "شركات", "اقتصاد عالمي"],
           "technology": ["هواتف", "إنترنت", "تطبيقات", "أمن معلوماتي", "شركات ناشئة"]}
    authors = ["فريق التحرير", "سارة المنصوري", "يوسف بن سالم", "ليلى حداد", "كريم عبد الحميد",
               "دانة الكعبي", "عمر الفاسي"]
    credits = ["Shutterstock", "Getty Images", "رويترز", "أرشيفية", "Unsplash", "AFP"]
    newsletters = [
        "اشترك في النشرة البريدية ليصلك ملخص الأسواق والتقنية كل صباح",
        "اشترك في نشرتنا الأسبوعية: أهم أخبار الاقتصاد والتقنية في بريدك",
    ]
    pages = []
    for i, a in enumerate(arts):
        dt = pub_datetime(a)
        p = Page()
        tb = []
        if i in pres["ticker"]:
            gold = R.uniform(1080, 1360)
            brent = R.uniform(28, 58)
            eur = R.uniform(1.04, 1.16)
            btc = R.uniform(380, 2900)
            arr = lambda: R.choice(["▲", "▼"])
            tb.append(F("الذهب %.2f$ %s | برنت %.2f$ %s | اليورو/دولار %.4f %s | بيتكوين %d$ %s" % (
                gold, arr(), brent, arr(), eur, arr(), btc, arr()), "ticker"))
        if i in pres["breadcrumb"]:
            top = "اقتصاد" if a["cat"] == "economy" else "تقنية"
            tb.append(F("الرئيسية » %s » %s" % (top, R.choice(sub.get(a["cat"], ["أخبار"]))), "breadcrumb"))
        p.block(tb)
        hb = [A(a["headline"])]
        if i in pres["byline"]:
            hb.append(F("بقلم: %s" % R.choice(authors), "byline"))
        if i in pres["reading_time"]:
            words = sum(len(b.split()) for b in a["body"])
            mins = max(1, round(words / 200))
            rt = {1: "دقيقة واحدة", 2: "دقيقتان"}.get(mins, "%d دقائق" % mins)
            hb.append(F("وقت القراءة: " + rt, "reading_time"))
        p.block(hb)
        bb = [A(b) for b in a["body"]]
        if i in pres["image_credit"]:
            bb.append(F("مصدر الصورة: %s" % R.choice(credits), "image_credit"))
        p.block(bb)
        if i in pres["newsletter"]:
            p.block([F(R.choice(newsletters), "newsletter")])
        pages.append(p)
    return kinds, pages


SITES = [
    ("saudi_alofuq", site_saudi, None),
    ("lebanon_almashreq", site_lebanon, None),
    ("algeria_djazair_alan", site_algeria, None),
    ("iraq_dijla_agency", site_iraq, None),
    ("palestine_almina_network", site_palestine, None),
    ("tech_economy_raqmi_portal", site_tech, {"economy", "technology"}),
]


def main():
    if os.path.isdir(FILES):
        shutil.rmtree(FILES)
    # draw the main articles first (portal first, since it is restricted)
    chosen = {}
    for name, fn, cats in sorted(SITES, key=lambda s: s[2] is None):
        chosen[name] = take(N_PER_SITE, cats)
    heads = headline_supply()
    truth, sources, stats = {}, {}, {}
    for name, fn, cats in SITES:
        arts = chosen[name]
        kinds, pages = fn(arts, heads)
        d = os.path.join(FILES, name)
        os.makedirs(d, exist_ok=True)
        stats[name] = {"kinds": kinds, "lines": 0}
        for j, (a, pg) in enumerate(zip(arts, pages), 1):
            rel = "%s/%s_%02d.txt" % (name, name.split("_")[0], j)
            text, tr = pg.render()
            with open(os.path.join(FILES, rel), "w", encoding="utf-8") as f:
                f.write(text)
            truth[rel] = tr
            sources[rel] = a["path"]
            stats[name]["lines"] += len(tr)
    with open(os.path.join(OUT, "truth.json"), "w", encoding="utf-8") as f:
        json.dump(truth, f, ensure_ascii=False, indent=1)
    with open(os.path.join(OUT, "sources.json"), "w", encoding="utf-8") as f:
        json.dump(sources, f, ensure_ascii=False, indent=1)
    tot = 0
    for name in stats:
        print(name, stats[name]["kinds"], stats[name]["lines"])
        tot += stats[name]["lines"]
    print("files", len(truth), "furniture lines", tot)


if __name__ == "__main__":
    main()
