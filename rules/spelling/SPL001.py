"""SPL001 (duplicated-word)."""
from __future__ import annotations

from operator import eq
import re

from newslint.arabic import DIACRITICS, NAMING_NOUNS, TATWEEL
from newslint.lexicon import zipf
from newslint.rule import Rule, delete, hit
from newslint.rules.spelling._common import A, _Tokens, _bare, _data_set
from newslint.rules.spelling._orthography import _ARTICLE, one_of

_FUNCTION_WORDS = {
    "في", "من", "إلى", "الى", "على", "علي", "عن", "مع", "أن", "ان", "إن", "أنه", "انه", "أنها", "إنه", "التي", "الذي",
    "الذين", "اللذين", "اللتين", "قد", "لقد", "ما", "لم", "لن", "هو", "هي", "هم", "ثم", "أو", "او", "بل", "كما", "حيث",
    "هذا", "هذه", "ذلك", "تلك", "كان", "كانت", "وقد", "وفي", "ومن", "أي", "كل", "بعد", "قبل", "عند", "منذ", "حتى",
    "إذا", "اذا", "لكن", "لأن", "لان", "و", "يوم", "عام", "سنة", "مثل", "بين", "أيضا", "أيضاً", "ايضا",
    "إذ", "اذ", "هل", "لو", "كي", "أم", "ام",  # two-letter particles never said twice
}
# Reduplications that are correct Arabic.
_ALLOWED_PAIRS = {"لا", "بين", "رويدا", "رويداً", "شيئا", "شيئاً", "قليلا", "قليلاً", "يوما", "يوماً", "حرفا",
                  "حرفاً", "خطوة", "قطرة", "فصلا", "فصلاً", "بابا", "باباً", "كلمة", "شبرا", "جنبا", "جنباً",
                  "صفا", "صفاً", "دكا", "دكاً", "فردا", "فرداً", "ألف", "مرة", "طبقا", "جدا",
                  # distributive: one by one ("فأقلب الدفتر صفحة صفحة", "تطريز غرزة غرزة")
                  "صفحة", "ورقة", "غرزة", "قطعة", "سطرا", "سطراً", "بيتا", "بيتاً", "حجرا", "حجراً", "لبنة",
                  "نعم", "كلا", "ارحل", "ديقاج"}  # answers and chants said twice ("نعم نعم،", "ارحل ارحل")
# Nouns that name a work whose title follows (a programme "سينما سينما").
_WORK_NOUNS = frozenset("برنامج حصة مسلسل فيلم كتاب رواية أغنية ألبوم مسرحية مهرجان مجلة صحيفة".split())
# Latin-letter names spelled out ("سي أن أن" = CNN, "بي بي سي" = BBC).
_ACRONYM_LETTERS = {"سي", "بي", "إن", "أن", "آن", "ان", "اي", "آي", "إي", "أي", "إم", "ام", "تي", "دي", "جي", "في",
                    "إف"}
# Nouns of deputyship head a construct whose second term is itself a title:
# "ولي ولي العهد" is the crown prince's deputy, "نائب نائب الرئيس" the
# deputy of the vice-president. A closed grammatical class, not a site's habit.
_DEPUTY_NOUNS = {"ولي", "نائب", "مساعد", "وكيل", "مستشار"}
# Kinship nouns chain the same way: "ابن ابن عمه" is his cousin's son; a
# second term must follow (a name, a noun with its pronoun, a definite
# noun), as in any construct. Not جد/جدة: "جدة" is also the city (Jeddah).
_KIN_NOUNS = {"ابن", "بن", "بنت", "ابنة"}
_WORD_FOLLOWS = re.compile(f"[ \t\u00a0]+[{A}]")
# An indefinite accusative doubled is the classical intensive or distributive
# reduplication ("جدّاً جدّاً", "يوماً يوماً") when the writer marks it as one
# with a written tanween fath. Bare "ا" is not evidence enough: the corpus
# has the slips "الثامنة صباحا صباحا إلى" and "خوفا خوفا من"; the bare forms
# known to reduplicate are in _ALLOWED_PAIRS. Not the pronouns "ها", "نا"
# ("أخوها أخوها" is a slip), and not a noun before its accusative adjective
# ("خطاباً خطاباً سياسياً" is a slip).
_ACCUSATIVE = re.compile(f"^(?!ال)[{A}]{{2,}}(?<!و|ه|ن)(?:اً|ًا)$")
_ACCUSATIVE_END = ("ا", "اً", "ًا")
# Quantity nouns repeated for emphasis before partitive "من".
_QUANTITIES = {"الكثير", "العديد", "القليل"}
_DUPLICATE = re.compile(f"(?<![{A}{DIACRITICS}{TATWEEL}])([{A}{DIACRITICS}{TATWEEL}]+)([ \\t\u00a0]+)\\1"
                        f"(?![{A}{DIACRITICS}{TATWEEL}])")
_QUOTES = "\"«»“”'"
_MARKS = re.compile("[.,:;!?\u060c\u061b\u061f\"«»“”()]")  # punctuation a doubled word may carry


# An adverbial phrase whose last word may also open the next phrase: the
# first copy closes it, the second starts anew ("عن بعد بعد", "من قبل قبل").
_CLOSED_PHRASES = frozenset((("عن", "بعد"), ("من", "بعد"), ("من", "قبل"), ("فيما", "بعد")))


def _is_reduplication(written: str, word: str, after: str) -> bool:
    """Evidence in the words themselves that the doubling is grammar, not a
    slip: a deputy title in a construct chain before a definite noun, an
    indefinite accusative, a quantity noun repeated before partitive
    "من" ("الكثير الكثير من"), or a coordinated word whose second copy starts
    a longer item, its adjective following ("والتعليم والتعليم العالي")."""
    definite_next = after.startswith("ال")
    if word in _DEPUTY_NOUNS and definite_next:
        return True
    if _is_accusative_pair(written, word, after):
        return True
    if word in _QUANTITIES and after == "من":
        return True
    return word.startswith("وال") and definite_next and not after.startswith("وال")


def _is_distributive(word: str, after: str) -> bool:
    """An indefinite singular noun in ة said twice and closing its phrase:
    "one by one" ("تجمع الثمار حبة حبة تحت أشجار", "تفقد نخيله نخلة
    نخلة،", "فأقلب الدفتر صفحة صفحة ولا أجد"). The pair ends the phrase
    (punctuation, a preposition, "ولا", "ثم" follows); a slip's second copy
    goes on as the first would, with a name, an adjective or a genitive
    ("مدينة مدينة سوسة", "دولة دولة عربية"). The noun is listed, has no
    article and no clitic before it."""
    if not word.endswith("ة") or len(word) < 3 or _ARTICLE.match(word) or \
            word in _FUNCTION_WORDS or zipf(word) <= 0:
        return False
    return not after or after[:1] in _PHRASE_END_MARKS or after in _PHRASE_OPENERS


_PHRASE_END_MARKS = tuple(".,:;!?\u060c\u061b\u061f)»”\"")
# Not من, في, عن: a noun's own complement follows with them ("أفراد عائلة
# عائلة من مهاجمة أسد" is a slip on the corpus).
_PHRASE_OPENERS = frozenset("على إلى الى تحت فوق حتى بعد قبل مع دون ولا ثم".split())


def _is_accusative_pair(written: str, word: str, after: str) -> bool:
    """The written tanween is the writer's mark, also on a word the lexicon
    lacks ("كثيبًا كثيبًا", dune by dune: the lexicon was required until
    the tenth session; a slip does not copy a mark)."""
    adjective_next = after.endswith(_ACCUSATIVE_END) and not after.startswith("و")  # "وبئرًا بئرًا": coordinated
    return word not in _FUNCTION_WORDS and bool(_ACCUSATIVE.match(written)) and not adjective_next


class DuplicatedWord(Rule):
    """The same word twice in a row.

    What: "أن أن", "في في", "الأمريكية الأمريكية". Correct reduplications
    ("رويداً رويداً", "شيئاً شيئاً", "بين بين", "لا لا", "فصلا فصلا", and
    nouns said twice for "one by one": "صفحة صفحة", "غرزة غرزة"), spelled-out
    Latin acronyms ("سي أن أن", "سي ان ان", "بي بي سي"), doubled given names
    ("أحمد أحمد") and titles, quoted or after the noun that names them
    ("برنامج سينما سينما"), are accepted. The second word may carry
    punctuation ("الجهة الجهة.", "الحبوب الحبوب،").

    Evidence of grammar rather than a slip (`_is_reduplication`, issue 12:
    seen on other sites): an indefinite accusative doubled with a written
    tanween ("جدّاً جدّاً", the classical intensive; bare "جدا جدا" is listed), a
    deputy title chained before a definite noun ("ولي ولي العهد"), a kinship
    noun chained before its second term ("ابن ابن عمه", his cousin's son), a
    quantity noun repeated before "من" ("الكثير
    الكثير من"), and a coordinated word whose second copy goes on with a
    definite adjective ("التربية والتعليم والتعليم العالي"), and an
    adverbial phrase closed by the first copy ("عن بعد بعد",
    `_CLOSED_PHRASES`), and an indefinite noun in ة said twice at the end of
    its phrase, "one by one" (`_is_distributive`: "حبة حبة تحت أشجار",
    "نخلة نخلة،"; not after a naming noun: "بولاية سوسة سوسة."). (A word doubled between two commas is not accepted
    for that alone: "تونس، ليبيا ليبيا، الجزائر" is a slip in a list.) Tune with `_QUANTITIES`,
    `_DEPUTY_NOUNS` and `_ACCUSATIVE`; an adverb that is not a
    reduplication ("أيضا أيضا") is a function word and still fires.

    Why: a doubled word is a typing or scraping slip that every reader sees
    and every n-gram model learns.

    Tune: no options; the accepted reduplications are lists in the code
    (above). Ignore it, or use per-file-ignores for folders of transcripts
    and poetry, where a repeated word is the text.

    Fires: "وأشار البيان إلى أن أن الطرفين تبادلا أيضا وجهات النظر".
    Does not fire: "ذكرت قناة \\"سي أن أن\\" الأمريكية", "برئاسة أحمد أحمد",
    "واستقبل ولي ولي العهد السعودي".

    Fix (unsafe): delete the second word.
    """

    code = "SPL001"
    name = "duplicated-word"
    category = "spelling"
    fixable = "unsafe"

    def check(self, doc, options):
        names = _data_set("given_names.txt")
        for line in doc.lines:
            text = line.text
            tokens = _MARKS.sub(" ", text).split()
            if not any(map(eq, tokens, tokens[1:])):
                continue  # cheap test first (in C): no two equal words in a row, marks aside ("الجهة الجهة.")
            around = _Tokens(text)
            for m in _DUPLICATE.finditer(text):
                word = _bare(m.group(1))
                if self._accepted(text, m, word, names, around):
                    continue
                yield hit(line.number, m.start() + 1, m.end() + 1, f"duplicated word \"{m.group()}\"",
                          delete(line.number, m.start(2) + 1, line.number, m.end() + 1, f"keep one \"{m.group(1)}\"",
                                 "unsafe"))

    @staticmethod
    def _accepted(text: str, m, word: str, names: set, around: _Tokens) -> bool:
        if word in _ALLOWED_PAIRS or word in names:
            return True
        if len(word) <= 2 and word not in _FUNCTION_WORDS:
            return True
        before, after = around.before(m.start()), around.after(m.end())
        if _is_reduplication(m.group(1), word, _bare(after)):
            return True
        if _is_distributive(word, _bare(after)) and not one_of(_bare(before), NAMING_NOUNS):
            return True  # "حبة حبة تحت": one by one; not a place after its naming noun ("بولاية سوسة سوسة.")
        if (_bare(before), word) in _CLOSED_PHRASES:
            return True  # "التعليم عن بعد بعد انتهاء الجائحة": the first بعد closes "عن بعد" (remotely)
        if word in _KIN_NOUNS and _WORD_FOLLOWS.match(text, m.end()):
            return True  # "ابن ابن عمه": a kinship chain goes on with its second term, no mark between
        neighbours = {_bare(before).strip(_QUOTES), _bare(after).strip(_QUOTES)}
        if word in _ACRONYM_LETTERS and neighbours & (_ACRONYM_LETTERS | {"سي", "بي"}):
            return True
        opens = m.start() > 0 and text[m.start() - 1] in _QUOTES
        if opens and after[:1] in tuple(_QUOTES):
            return True  # a quoted title: "سينما سينما"
        # a title after the noun that names a work: برنامج سينما سينما (not "بولاية سوسة سوسة", "فريق من من")
        return word not in _FUNCTION_WORDS and one_of(_bare(before), _WORK_NOUNS)
