"""BLP006 (off-topic-paragraph): a last paragraph from another story."""
from __future__ import annotations

import re

from newslint import lexicon
from newslint.arabic import SENTENCE_END, fold
from newslint.rule import Rule, hit
from newslint.rules.boilerplate._common import _line_span, _quote
from newslint.zones import BODY

# Letters with their harakat and tatweel (folded away after): "حصّة" is one word.
_WORD = re.compile("[\u0621-\u063a\u0640-\u065f\u0670]+")
# Clitics before the stem (conjunction, preposition, article) and endings
# after it (pronouns, plural and dual, feminine): "وبالمحكمة" and "المحكمة"
# share a stem, so do "الحكومات" and "حكومة", and "لمواجهة" and "مواجهة" (a
# single proclitic only before four letters or more). Folded text: ة is ه.
_PREFIX = re.compile("^(?:[وف]?(?:[بلك]?ال|لل)|[وف]?[بلك](?=[\u0621-\u064a]{4})|[وف](?=[\u0621-\u064a]{4}))")
_SUFFIX = re.compile("(?:هما|كما|هم|هن|كم|ها|نا|ات|ون|ين|ان|ه|ي)$")
_MIN_LETTERS = 3
_COMMON_ZIPF = 6.0   # a word this frequent (في, من, التي) says nothing about the topic
_UNKNOWN_WEIGHT = 6.0  # a word the lexicon does not know: a name, the strongest topic word
# Words that open a paragraph continuing the one before (folded): "كما",
# "يذكر أن", "من جهته", "هذا وقد". A paragraph of another story opens like
# the lede it was: "أعلنت وزارة الصحة ...".
_CONNECTIVES = frozenset("""كما فيما بينما يذكر يشار يضاف هذا هذه ذلك تلك هؤلاء هولاء كذلك ايضا حيث لكن لكنه لكنها
الا غير اما ثم بدوره بدورها بدورهم هو هي هم اذ لذلك لذا عليه بالاضافه اضافه علاوه فضلا وفق وفقا حسب بحسب""".split())
_CONNECTIVE_PAIRS = frozenset({("من", "جهته"), ("من", "جهتها"), ("من", "جهتهم"), ("من", "جانبه"),
                               ("من", "جانبها"), ("من", "جانبهم"), ("من", "ناحيته"), ("من", "ناحيتها"),
                               ("من", "ناحيه"), ("من", "جهه"), ("في", "المقابل"), ("في", "الاثناء"), ("في", "سياق"),
                               ("في", "هذا"), ("في", "حين"), ("في", "الوقت"), ("في", "ذلك"), ("على", "صعيد"),
                               ("الى", "ذلك"), ("مع", "ذلك")})
# "وأضاف" (zipf 4.7) is و + أضاف (4.2); "وزارة" (5.5) is no و + "زارة" (2.9):
# the word without its و may be up to 10 ** 0.8 (about six) times rarer.
_CONJUNCTION_MARGIN = 0.8
_CLOSERS = " \"'»”)]"
_QUOTES = "\"'«»“”()"
_SEPARATOR = re.compile(r"\s[-–—|/]\s")


def _stem(folded: str) -> str:
    stem = _PREFIX.sub("", folded)
    if len(stem) > _MIN_LETTERS:
        shorter = _SUFFIX.sub("", stem)
        if len(shorter) >= _MIN_LETTERS:
            stem = shorter
    return stem


def topic_words(text: str) -> dict[str, float]:
    """The stems of the text's words of three or more letters, each weighted
    by how rare the word is in the lexicon (6 - zipf; a word the lexicon does
    not know weighs 6, the commonest words nothing)."""
    table, out = lexicon.table(), {}
    for raw in _WORD.findall(text):
        folded = fold(raw)
        if len(folded) < _MIN_LETTERS:
            continue
        zipf = table.zipf(lexicon.normalise(raw))
        weight = _COMMON_ZIPF - zipf if zipf else _UNKNOWN_WEIGHT
        if weight > 0:
            stem = _stem(folded)
            if weight > out.get(stem, 0.0):
                out[stem] = weight
    return out


def shared_share(paragraph: dict[str, float], context: dict[str, float]) -> float:
    """The weighted share of the paragraph's topic words that the context has."""
    total = sum(paragraph.values())
    return sum(w for stem, w in paragraph.items() if stem in context) / total if total else 1.0


def continues(text: str) -> bool:
    """Whether the paragraph opens like a continuation: a connective ("كما",
    "من جهته"), و/ف written apart ("و قد"), or a first word with a leading و/ف that is
    a word without it, at most six times rarer ("وأضاف": أضاف; not "وزارة")."""
    raws = [word.strip(_QUOTES) for word in text.split()[:2]]
    words = [fold(word) for word in raws]
    if not words or not words[0]:
        return True
    if words[0] in _CONNECTIVES or words[0] in ("و", "ف") or tuple(words) in _CONNECTIVE_PAIRS:
        return True
    first = lexicon.normalise(raws[0])
    if first[:1] in ("و", "ف") and len(first) > 2:
        table = lexicon.table()
        return table.zipf(first[1:]) >= table.zipf(first) - _CONJUNCTION_MARGIN
    return False


def reads_as_prose(text: str) -> bool:
    """Closed like a sentence, and not a row of fields ("a - b - c") nor a
    list of labels ("حراسة المرمى: ... خط الدفاع: ...")."""
    return (text.rstrip(_CLOSERS)[-1:] in SENTENCE_END and len(_SEPARATOR.findall(text)) < 2
            and text.count(":") < 2)


class OffTopicParagraph(Rule):
    """The article's last paragraph belongs to another story.

    What: the last body paragraph of an article (at least `min-words` words,
    after at least one other body paragraph) that shares almost none of its
    topic words with the headline and the paragraphs before it (at most
    `max-shared` of their weight) and opens like a lede, not like a
    continuation.

    Why: a scraper that takes one paragraph too many picks up the teaser of
    the next story on the page, with no marker to say so; a search index
    then finds the article under the other story's names, and a summary or
    a training example mixes two events.

    Evidence: the article itself and the lexicon. Topic words are stems
    (clitics and endings stripped, hamza, ة and ى folded) weighted by rarity
    in the lexicon (6 - zipf; unknown words, mostly names, weigh 6; the
    commonest words nothing), so sharing a name counts and sharing "قال"
    does not. A paragraph that opens with a connective ("كما", "من جهته",
    "يذكر أن", "و قد") or a و/ف before a word ("وأضاف") continues the text
    before it and is left alone, as is one after a paragraph ending in ":"
    (a list it announces) and one that does not close like a sentence, is a
    row of " - " fields or a list of "label:" entries. Tuned on the tune
    half of the held-out corpus (bench/heldout.py): of 4,864 real last
    paragraphs 4 were reported (0.08 %), of 5,086 random paragraphs of other
    articles put after the last one 27 %; most paragraphs open with a
    connective, and those are never judged.

    Opt-in: the corpus has no article with another story's paragraph, so
    its 8 findings (of 10,138 files) are all false (weather bulletins whose
    wind paragraph shares nothing with the temperatures, a verb-first
    sentence about the man of the headline, an obituary's closing prayer):
    precision on the corpus cannot reach issue 12's 90 %. Select it where
    scrapes are known to take the next story along.

    Tune: `max-shared` (0.02) higher finds more and errs more (0.05: 20
    real paragraphs of 4,864 and 38 % of the foreign ones); `min-words`.

    Fires: after "تمكنت فرقة الحرس الوطني بالقصرين، أمس الخميس، وبعد كمين
    محكم من القبض على مروج مخدرات مصنف خطير." and its second paragraph,
    the last paragraph "يواجه الترجي الرياضي عشية اليوم السبت بداية من
    الساعة 18:00 في ملعب رادس حوريا كوناكري الغيني ...".
    Does not fire: "ندوة صحفية سبقت البارحة حصّة التمارين كانت بحضور مدرّب
    الأحمر و الأصفر فوزي البنزرتي ..." after an article on the training of
    الترجي (it shares حصّة and the club), nor "وقال مصدر أمني لمراسل
    الجوهرة أف أم بالجهة إنه تمت الإطاحة بهذا العنصر ..." (a continuation).
    """

    code = "BLP006"
    name = "off-topic-paragraph"
    category = "boilerplate"
    opt_in = True
    options = {"min-words": {"type": "integer", "minimum": 1, "default": 15,
                             "description": "words the last paragraph needs to be judged"},
               "max-shared": {"type": "number", "minimum": 0, "maximum": 1, "default": 0.02,
                              "description": "weighted share of topic words shared with the article, at most"}}

    def check(self, doc, options):
        zones = doc.zones
        body = [n for n in zones.lines_of(BODY) if zones.in_article(n) and doc.line(n).text.strip()]
        if len(body) < 2:
            return
        last = body[-1]
        text = doc.line(last).text.strip()
        if (len(text.split()) < options["min-words"] or not reads_as_prose(text)
                or doc.line(body[-2]).text.rstrip().endswith((":", "：")) or continues(text)):
            return
        context_lines = [zones.headline] if zones.headline else []
        context = topic_words("\n".join(doc.line(n).text for n in context_lines + body[:-1]))
        paragraph = topic_words(text)
        share = shared_share(paragraph, context)
        if share > options["max-shared"]:
            return
        start, end = _line_span(doc, last)
        yield hit(last, start, end,
                  f"the last paragraph shares {share:.0%} of its topic words with the headline and the "
                  f"paragraphs before it, and opens like a lede: another story's text? \"{_quote(text)}\"",
                  confidence=round(0.75 - 5 * share, 2))
