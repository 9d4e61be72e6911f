"""When the form of its neighbours says that علي, الي or إلي is the
preposition على or إلى (SPL006), in a file that may also write the
preposition right elsewhere and with neighbours the collocation table has
never seen.

The name علي (Ali) stands in a name: a given name, a title, a role or بن
before it ("محمد علي", "بن علي"), a family name after it ("علي العريض",
"علي معلول"). A family name is not a number, a noun with a possessive
ending, a plural in ات or a verbal noun, and a name does not open a
clause with "أن"; so these say "preposition" on any site:

- a number after it: "وتستحوذ السعودية علي 52% من حجم السوق";
- a noun with a possessive ending whose stem the lexicon knows: "فوزا
  مثيرا علي غريمه", "واطلع علي جاهزيتها";
- a number word, a plural in ات or the verbal noun of a derived verb:
  "علي ثلاث مراحل", "علي منشآت", "علي ارتفاع";
- "أن" right after a comma and the look-alike: "، علي أن يبدأ العمل"
  (على أن, "provided that").

Not the word before it, though the word-pair table knows which words take
على ("تحتوي علي أوراق"): verbs of saying take both ("وأكد على أن", "وأكد
علي ماهر أن"), and a family name after علي is as often a common word
(ماهر, رضا, ثابت, الأمين) as not, so that cue raised 4 false alarms on
120 sentences naming an Ali for 3 more errors found in 557.

The word before must not look like part of a name (a given name, a title, a
role, بن/أبو, a naming noun such as معهد, or a rare word: family names are
rare in the lexicon), except for the comma case, where no word stands
before it; and the file must not write the same pair twice (a full name
repeats). لدي is left out: it is also لديّ, "I have", before any noun or
number ("لدي 5 أطفال").

Measured (docs/orthography.md): on the corpus (10,138 Tunisian articles
whose 566 علي are nearly all the name) SPL006 gains 7 findings, all the
preposition; on the report set of other regions' sentences, alif-maqsura
recall 0.796 -> 0.859 (with SPL006's other changes of the session), false
alarms per sentence 0.048 -> 0.045; on 120 sentences naming an Ali, one a
file, the cues raise 3 false alarms ("علي بركات", a family name in ات,
twice; "سجل علي ثلاث نقاط").
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from newslint import lexicon
from newslint.arabic import NAMING_NOUNS
from newslint.rules.spelling._context import LOOKALIKES
from newslint.rules.spelling._orthography import (FAMILY_NAME_CODE, NUMBER, _ROLES, _TITLES,
                                                  lookalike_of, one_of, phrase_neighbours, word_code)

PREPOSITION_OF = {lookalike: preposition for lookalike, preposition in LOOKALIKES.items() if lookalike != "لدي"}
# Words that join a given name to the rest of a name and that `_TITLES`
# (ابن بن بنت أبو أبي) lacks: "ابو علي", "آل علي".
NAME_PARTICLES = frozenset("ابو ابي بو آل".split())
_PRONOUN_ENDING = re.compile("(?:هما|هم|هن|ها|ه)$")
_CLAUSE_MARKS = "،,؛;"
STEM_CODE = 60
"""zipf 3: the stem of a word with a possessive ending must be a known word
(غريم, جاهزية), so that the ending is one."""
_NAME_STEMS = frozenset({"عبد"})
_NUMBER_WORDS = frozenset("""ثلاث ثلاثة أربع أربعة خمس خمسة ست ستة سبع سبعة ثماني ثمانية تسع تسعة عشر عشرة
عشرات مئات آلاف الاف ملايين مليون مليار ألف الف مئة مائة اثنين اثنتين""".split())
# An age after a name and a number: "الطفل علي 12 عاما".
_AGE = re.compile("[ \t\u00a0]*[0-9\u0660-\u0669]+[ \t\u00a0]+(?:عاما|عام|سنة|سنوات|ربيعا)")
# The shapes of the verbal nouns of derived verbs: انفعال (انسحاب), افتعال
# (ارتفاع, امتداد), استفعال (استقلال); and أفعال/إفعال, a broken plural or
# a verbal noun (أسعار, إعلان). With or without the article.
_VERBAL_NOUN = re.compile("^(?:ال)?(?!ال)(?:ان..ا.|ا.ت.ا.|است..ا.)$")
_AFAAL = re.compile("^(?:ال)?(?!ال)[اأإ]..ا.$")
VERBAL_NOUN_CODE = 75
"""zipf 3.75: a verbal noun this frequent is a common word (ارتفاع 4.95,
اتصال 4.75); "اسلام" (3.55), a given name of that shape without its hamza,
stays out."""


def preposition_by_form(text: str, start: int, raw: str, bare: str, names: frozenset):
    """(preposition, why, confidence) when the neighbours of the look-alike
    `bare` (علي/وعلي/الي/إلي, written `raw` at `start`) show it is the
    preposition; None otherwise."""
    conjunction, lookalike = lookalike_of(bare) or ("", "")
    preposition = PREPOSITION_OF.get(lookalike)
    if preposition is None:
        return None
    previous, following, _then = phrase_neighbours(text, start, start + len(raw))
    previous = lexicon.normalise(previous)
    following = following if following == NUMBER else lexicon.normalise(following)
    if following in ("أن", "ان") and not previous and not conjunction and _after_clause_mark(text, start):
        why = f"after a comma, \"{raw} {following}\" opens a clause as \"{preposition} أن\" does; a name does not"
        return preposition, why, 0.85
    if not previous or _part_of_name(previous, names):
        return None  # after a mark or a name's part, a list of names ("(إماراتي) وعلي لفته (عراقي)")
    if following == NUMBER:
        if _AGE.match(text, start + len(raw)):
            return None  # "الطفل علي 12 عاما": an age after a name
        why = "a number follows it, as it follows the preposition and no name"
    elif _pair_count(text, lookalike, following) > 1:
        return None  # "وعلي لفته" twice in a file: a full name, repeated (لفته is a family name)
    elif _possessive(following, names):
        why = f"\"{following}\" carries a possessive ending, which no family name after a given name does"
    else:
        shape = _never_a_name(following, names)
        if not shape:
            return None
        why = f"\"{following}\" is {shape}, which no family name is"
    return conjunction + preposition, why, 0.85


_LETTERS = "\u0621-\u064a"
_LOOKALIKE_PAIR = re.compile(f"(?<![{_LETTERS}])و?(علي|الي|إلي)[ \t\u00a0]+([{_LETTERS}]+)(?![{_LETTERS}])")


@lru_cache(maxsize=1)
def _pairs(text: str) -> Counter:
    """(look-alike, bare next word) -> how often the file writes them, in one
    pass over the file (the last file's, cached: its look-alikes ask in turn)."""
    return Counter((m.group(1), lexicon.normalise(m.group(2))) for m in _LOOKALIKE_PAIR.finditer(text))


def _pair_count(text: str, lookalike: str, following: str) -> int:
    """How often the file writes the look-alike before this word (a slip
    rarely repeats itself; a full name often does)."""
    return _pairs(text)[lookalike, following]


def _after_clause_mark(text: str, start: int) -> bool:
    before = text[max(0, start - 4):start].rstrip(" \t\u00a0")
    return before[-1:] in _CLAUSE_MARKS


def _part_of_name(previous: str, names: frozenset) -> bool:
    """The word before may belong to the name: a given name, a particle,
    a title or role, a noun that introduces a name (معهد علي بورقيبة), or a
    rare word (a family name: "منذر بلحاج علي")."""
    if previous.startswith("لل"):
        previous = "ال" + previous[2:]  # "للنائب علي": ل + النائب
    return (one_of(previous, names) or one_of(previous, NAME_PARTICLES)
            or one_of(previous, _TITLES) or one_of(previous, _ROLES) or one_of(previous, NAMING_NOUNS)
            or word_code(previous) < FAMILY_NAME_CODE)


def _possessive(word: str, names: frozenset) -> bool:
    """A noun with a possessive ending on a known stem ("غريمه": غريم;
    "جاهزيتها": جاهزية); not a given name ("عبده"), nor a word in ه whose
    form in ة is the more frequent (a name or noun in ة written with ه:
    "جمعه", "سلامه")."""
    ending = _PRONOUN_ENDING.search(word)
    if ending is None or word in names or len(word) < 4:
        return False
    stem = word[:ending.start()]
    if stem in _NAME_STEMS:
        return False  # "علي عبده": Abduh, a name that only looks like عبد + ه
    if ending.group() == "ه" and word_code(stem + "ة") > word_code(word):
        return False
    stems = (stem, stem[:-1] + "ة") if stem.endswith("ت") else (stem,)
    return len(stem) >= 3 and max(word_code(form) for form in stems) >= STEM_CODE


def _never_a_name(word: str, names: frozenset) -> str:
    """What a word is when it has a form that names do not take ("" when
    not): a number word ("علي ثلاث مراحل"), a sound feminine plural ("علي
    منشآت", "علي السيارات"; not "الذات"), the verbal noun of a derived verb
    ("علي ارتفاع", "علي استقلال", "علي اتصال"), or a word of the shape
    أفعال/إفعال ("علي أسعار", "علي إعلان")."""
    if word in names or word_code(word) < FAMILY_NAME_CODE:
        return ""
    if word in _NUMBER_WORDS:
        return "a number word"
    stem = word[2:] if word.startswith("ال") else word
    if len(stem) >= 5 and stem.endswith(("ات", "آت")):
        return "a plural in ات"
    if word_code(word) < VERBAL_NOUN_CODE:
        return ""
    if _VERBAL_NOUN.match(word):
        return "the verbal noun of a derived verb"
    if _AFAAL.match(word):
        return "a plural or a verbal noun of the shape أفعال/إفعال"
    return ""
