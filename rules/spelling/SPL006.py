from __future__ import annotations

import re
from collections import defaultdict

from newslint import lexicon
from newslint.arabic import NAMING_NOUNS
from newslint.rule import Rule, hit, replace
from newslint.rules.spelling._common import _data_set, occurrences, on_source_line
from newslint.rules.spelling._lookalike_form import preposition_by_form
from newslint.rules.spelling._seat_choice import other_seat
from newslint.rules.spelling._orthography import (_ARTICLE, NUMBER, DAD_ZAH, DAL_DHAL, DEFAULT_VARIANT_ZIPF,
                                                  RARE_MARGIN, _LEADS, _MARKS,
                                                  Evidence, _Change, bare_neighbours,
                                                  _looks_like_name, word_code,
                                                  TA_MARBUTA, after_role, before_latin_spelling, lookalike_of,
                                                  needs_the_file, swaps_seats,
                                                  _neighbours, _spelled_letters, _Spellings,
                                                  _tanween_alif, confidence, min_code,
                                                  phrase_neighbours, preposition_by_collocation,
                                                  preposition_in_context, right_in_context, common_noun_after,
                                                  in_foreign_name, one_of)


_FORM_IV_WITH_PRONOUN = re.compile("^[وف]?أ.{2,4}ت(?:ها|ه|هم|هما|هن|كم|نا|ني)$")


def _form_iv_verb(evidence: Evidence) -> bool:
    """أ for إ on a word that reads as a Form IV verb with an object pronoun
    ("التي أزالتها طهران", "أدارتها الإعلامية"): the verbal noun with a
    pronoun (إزالتها, إدارتها) is spelled alike but for the seat, so the
    word is right as a verb whatever the lexicon prefers."""
    return swaps_seats(evidence) and _FORM_IV_WITH_PRONOUN.match(evidence.word) is not None


def _verb_of_seeming(evidence: Evidence, text: str, start: int, end: int, names: frozenset) -> bool:
    """"بدا" (seemed, appeared: zipf 4.6) is a verb of its own, not بدأ
    (began) without its hamza: "وبدا الحيوان مختلفا", "وبدا عليها
    الاستياء", "بدا كل شيء رسميا". بدأ is read only in its "began to"
    construction, an imperfect verb in ي among the next two words ("الوضع
    بدا اليوم ينفرج"); an indefinite accusative in ي ("بدا يائسا") is the
    other verb's complement, and a given name in ي its subject ("وبدا
    يوسف الشاهد مرتاحا", "وبدا ياسين واثقا"): a verb in ي has its form in
    ت listed (zipf >= 2: ينفرج / تنفرج 2.45; ياسين / تاسين, none); left:
    names whose ت-form is a word ("يونس": تونس; "يحيى", "يسرى"). 7 of the corpus's 8 findings on it were the
    verb of seeming, and 3 of blind set 12's 14 false alarms."""
    if evidence.kind != lexicon.HAMZA or evidence.word.removeprefix("و").removeprefix("ف") != "بدا":
        return False
    for word in phrase_neighbours(text, start, end)[1:]:  # the two words after it, only spaces between
        bare = lexicon.normalise(word)
        if len(bare) >= 4 and bare.startswith("ي") and not bare.endswith("ا") and bare not in names and \
                word_code("ت" + bare[1:]) >= _IMPERFECT_SIBLING_CODE:
            return False
    return True


def _after_ould(bare: str, previous: str) -> bool:
    """A word without the article after "ولد" (son of) is the family name
    of a Mauritanian or Sudanese name ("أحمدو ولد اباه", "محمد ولد عبد
    العزيز"), spelled its own way; after the verb "وُلد" (was born) a
    definite word follows ("ولد الامير سلمان في الرياض" is still judged)."""
    return previous == "ولد" and _ARTICLE.match(bare) is None


def _no_noun_after_ayy(evidence: Evidence, text: str, start: int, end: int) -> bool:
    """A variant in "أي" (أي, بأي, لأي: "which, any") where no word follows:
    أي always takes the noun it asks about ("بأي شكل"), so a word in اي
    before a quote, a mark or the line's end is a name or a loanword
    ("«سداد باي»", "نزل \"قنطاوي باي\"", "بايرون باي.", "سان-إي-مارن")."""
    return evidence.kind == lexicon.HAMZA and evidence.variant.endswith("أي") and \
        phrase_neighbours(text, start, end)[1] in ("", NUMBER)


_IMPERFECT_SIBLING_CODE = 40  # zipf 2


# A final letter and the one whose form looks alike (ة/ه, ى/ي): a file that
# writes both spellings of one word mostly slipped on the rarer one.
_FINAL_LOOKALIKE = {letter: twin for letter, (twin, _) in lexicon.FINAL_SWAPS.items()}
MINORITY_MAX_CODE = 50
"""zipf 2.5: above it a word with ه, ى or ي is a word in its own right
(وحده "alone" beside وحدة "unit"), whatever the file's majority."""


AFTER_GIVEN_NAME_MIN_VARIANT_CODE = 110
"""zipf 5.5: after a given name the next word is most often the family name
or a title ("أحمد باي", the Bey; بأي is zipf 5.0): it is judged only when
its variant is a given name ("محمد ابراهيم": إبراهيم) or among the very
commonest words ("قال محمد ان": أن, zipf 7)."""

NAME_SLOT_MAX_VARIANT_CODE = 100
"""zipf 5: a word one change away from a variant this frequent, after a
title, a role or a given name, is judged like any other word: the variant
is a word of the grammar (كذلك, أن) or a common name spelled with its hamza
(إبراهيم, أحمد), so "وأكد الوزير كدلك" is a slip, not the minister's name.
Not for a word that is a given name itself ("السيد علي": على is zipf 7);
a name before its Latin spelling in brackets stays quiet whatever its
variant."""


def _letter_of_a_name(evidence: Evidence, previous: str) -> bool:
    """ض/ظ or د/ذ in the name a noun introduces ("طريق ضهر البيدر", the
    Lebanese pass; "مدينة دهب", Dahab): a place keeps its own letters where
    the common word has the other one. Only for a word the web writes
    itself (zipf >= 2.5, as names are: ضهر 3.2, دهب 3.15): after a naming
    noun a common word follows too, and a slip of one is rarely written
    ("برنامج خفظ التكاليف", "فرقة تظم", "شركة لتوضيف": 1.7, 2.3, 0), nor
    against one of the very commonest words (zipf >= 5.5: "ولاية مند",
    "برنامج هده" are منذ and هذه). The hamza, ة and ى of a name are still
    judged ("مدينة الحله")."""
    return evidence.kind in (DAD_ZAH, DAL_DHAL) and evidence.code >= NAME_LETTER_CODE and \
        evidence.variant_code < AFTER_GIVEN_NAME_MIN_VARIANT_CODE and one_of(previous, NAMING_NOUNS)


NAME_LETTER_CODE = 50


def _quoted_name(text: str, start: int, previous: str) -> bool:
    """The word opens a quoted name after a noun that introduces one (شركة
    "سما الجزيرة", وكالة «وفا»): the quotation marks say proper name, which
    is spelled its own way ("سما" is no سماء without its hamza)."""
    before = text[max(0, start - 3):start].rstrip(" \t\u00a0")
    return bool(before) and before[-1] in _OPENING_QUOTES and one_of(previous, NAMING_NOUNS)


_OPENING_QUOTES = "\"«“'"


def _kind_of_final(word: str) -> str:
    return lexicon.FINAL_SWAPS[word[-1]][1].replace("_", " ")


def minority_spellings(text: str, raws, reported):
    """(start, word, variant, times written, times the variant is written)
    for each occurrence of a word whose final ة/ه or ى/ي the same file
    writes the other way more often, clitics set aside ("بسليانه" once
    beside "سليانة" and "بسليانة"; "الجهيناوى" once, "الجهيناوي" twice),
    when the word is rare (zipf <= 2.5: a name or a slip) and the lexicon
    knows the variant at least as well. Words already `reported` on other
    evidence are left out. The counts are of the words as written.

    Cost: the file's words are stripped of their clitics in one regex pass
    and grouped by stem in sets; only a stem written both ways is looked at
    word by word (a few files in a hundred)."""
    finals = [raw for raw in raws if raw[-1] in _FINAL_LOOKALIKE]
    if not finals:
        return []
    stems = _CLITICS_OFF.sub("", "\n".join(finals)).split("\n")
    ends = defaultdict(set)  # final letter -> the stems (without it) that end with it
    for stem in stems:
        ends[stem[-1]].add(stem[:-1])
    both = (ends["ه"] & ends["ة"]) | (ends["ى"] & ends["ي"])
    if not both:
        return []
    families = defaultdict(list)  # (stem without its final, final) -> the file's words
    for raw, stem in zip(finals, stems):
        if stem[:-1] in both:
            families[stem[:-1], stem[-1]].append(raw)
    out = []
    for (body, final), words in families.items():
        twins = families.get((body, _FINAL_LOOKALIKE[final]))
        if not twins:
            continue
        written = sum(len(occurrences(text, word)) for word in words)
        twins_written = sum(len(occurrences(text, word)) for word in twins)
        if twins_written <= written:
            continue
        for raw in words:
            variant = raw[:-1] + _FINAL_LOOKALIKE[final]
            code = word_code(raw)
            if raw not in reported and code <= MINORITY_MAX_CODE and word_code(variant) >= code:
                out.extend((start, raw, variant, written, twins_written) for start in occurrences(text, raw))
    return sorted(out)


# The clitics before a stem (conjunction, preposition, article), kept when
# fewer than three letters would be left.
_CLITICS_OFF = re.compile(r"(?m)^(?:[وف]?(?:[بلك]?ال|لل|[بلك])|[وف])(?=[^\n]{3})")


def _pronoun_possible(evidence: Evidence) -> bool:
    """A ta-marbuta finding on a whole word in ه, without the article, whose
    ة form is less than `PRONOUN_LOG_RATIO` more frequent: the ه may be the
    pronoun, if its neighbours allow (`_may_be_a_pronoun`,
    `_before_its_masculine_adjective`)."""
    word = evidence.word
    return evidence.kind == TA_MARBUTA and word.endswith("ه") and not evidence.stem and \
        evidence.log_ratio < PRONOUN_LOG_RATIO and not word.startswith(("ال", "وال", "بال", "لل"))


def _may_be_a_pronoun(evidence: Evidence, previous: str, following: str) -> bool:
    """A word in ه whose stem is itself a common noun or verb (zipf >= 3.5),
    not after a feminine word it could agree with: the ه may be the pronoun
    ("صوّرت مشاهده", its scenes; "مهاجمه أيوب", its striker; "تابعه
    كشافوه", followed him: 16-25x rarer than the ة form on the web, as
    often as real omissions of that band), so the ة form must be
    `PRONOUN_LOG_RATIO` more frequent, or the file must write it. (The stem
    floor was zipf 4 until the ninth session; at 3.5 it quiets "ارتفاع
    منسوبه", "في بلاغه", "مدرجه" and 6 more corpus findings, 9 of them the
    pronoun or a verb with it and one a slip, "هجره معظم سكانها".) Judged as
    before where the neighbours rule a pronoun out: after a word in ة or ات
    the ه word is most often its adjective ("صفحة جديده", "بتعويضات
    مناسبه"); before a definite word it heads a construct, which a noun
    with a pronoun cannot ("نسبه السيدات", "ثقه المستثمرين"; but a title
    after it stands in apposition: "مساعده الكابتن وليد"); before a word
    in ة it takes that feminine adjective ("بطوله استثنائية"). A nisba in ي
    takes no pronoun ("رياضيه"), nor a word with the article."""
    word = evidence.word
    if not _pronoun_possible(evidence):
        return False
    definite_next = following.startswith(("ال", "بال", "لل", "وال")) and following not in _APPOSITION_TITLES
    if previous.endswith(("ة", "ات")) or definite_next or following.endswith("ة"):
        return False
    stem = word[:-1]
    return not stem.endswith("ي") and word_code(stem) >= PRONOUN_STEM_CODE


def _before_its_masculine_adjective(evidence: Evidence, following: str) -> bool:
    """A final ه before a definite masculine adjective whose feminine form
    is as common ("أمينه العام", "سنه الصغير", "ممثله الوحيد", "مركبه
    الأخير"): the ه is the pronoun, which makes the noun definite; the noun
    in ة would take the feminine "العامة", "الصغيرة". An adjective is told
    by its forms: the word and the word with ة both listed at zipf >= 3.5
    and within 0.4 of each other (العام 5.9, العامة 5.6; الأخير 5.15,
    الأخيرة 5.35). A noun whose ة form is another noun is mostly much
    rarer in it (العمل 5.85 / العملة 4.3, الحكم / الحكمة, الطفل / الطفلة,
    الوزير / الوزيرة), so "خطه العمل", "مده الحكم" are still reported; a
    review found them lost when both forms only had to be listed. Not for
    a word with the article, which takes no pronoun ("الحكومه الحبيب
    الصيد"), nor when the ة form is `PRONOUN_LOG_RATIO` more frequent
    ("كافه المحاكم": كافة, a quantifier before its definite noun). Left:
    "خطه الطريق" (الطريقة 5.15 is as common as الطريق)."""
    if not _pronoun_possible(evidence) or not following.startswith("ال") or \
            following.endswith(("ة", "ه", "ات")) or len(following) < 5:
        return False
    masculine, feminine = word_code(following), word_code(following + "ة")
    return min(masculine, feminine) >= _ADJECTIVE_CODE and abs(masculine - feminine) <= _TWIN_GAP_CODE


_ADJECTIVE_CODE = 70  # zipf 3.5
_TWIN_GAP_CODE = 8    # zipf 0.4: العام 5.9 / العامة 5.6; not العمل 5.85 / العملة 4.3, a noun and another noun


# Titles that stand in apposition before a name: "مساعده الكابتن وليد عزت" is
# his assistant, captain Walid, not a construct.
_APPOSITION_TITLES = frozenset("""الكابتن المدرب الدكتور المهندس السيد السيدة الأستاذ الشيخ اللاعب النجم الفنان
الفنانة الحارس المهاجم المدافع""".split())
PRONOUN_STEM_CODE = 70  # zipf 3.5
PRONOUN_LOG_RATIO = 1.5  # 32x


def _may_be_counted(evidence: Evidence, options) -> bool:
    """A word in ه whose ة form is `omission-log-ratio` more frequent: after
    a number it is a counted noun, which takes no pronoun (`_counted`)."""
    return evidence.kind == TA_MARBUTA and evidence.word.endswith("ه") and evidence.code > 0 and \
        evidence.log_ratio >= options["omission-log-ratio"]


_NUMBER_BEFORE = re.compile("(?<![0-9\u0660-\u0669:.,\u066b])[0-9\u0660-\u0669]+(?:[.,\u066b][0-9\u0660-\u0669]+)?"
                            "[ \t\u00a0]+$")


_YEAR = re.compile("(?:19|20)[0-9]{2}[ \t\u00a0]")


def _counted(text: str, start: int, evidence: Evidence):
    """(variant, message, confidence) for a word in ه right after a number
    ("ومدته 94 دقيقه", "96 حاله إسهال"): a counted noun takes no pronoun, so
    its ه is a ة, as after the article; None elsewhere (a time, "21:00
    منافسه", and a year, "عام 2023 وحده", are no counts)."""
    number = _NUMBER_BEFORE.search(text, max(0, start - 24), start)
    if number is None or _YEAR.match(number.group()):
        return None  # "في عام 2023 وحده": a year is no count (وحده, alone)
    why = f"{evidence.ratio_text()}, and after a number a counted noun takes no pronoun ({evidence.kind})"
    return evidence.variant, why, confidence(evidence, False)


def _name_in_alif(evidence: Evidence, text: str, previous: str) -> bool:
    """A definite word in alif whose only change is a final ء, less than
    `FINAL_HAMZA_LOG_RATIO` rarer than the form in ء, where a name stands:
    after a noun that introduces one ("شارع الحمرا", "إقليم البترا"), or
    written twice or more alike in the file, which never writes the form
    in ء ("منير الفرا" in an obituary). A slip of this kind is written once
    ("تحسين جودة الهوا", "الشفا العاجل"), and keeps being reported; so does
    a word without the article (its alif may be the accusative's:
    `needs_the_file`), a word absent from the lexicon ("الاعضا") and a word
    whose variant the file writes."""
    word = evidence.word
    if evidence.variant != word + "ء" or not word.endswith("ا") or evidence.code == 0 or \
            evidence.log_ratio >= FINAL_HAMZA_LOG_RATIO or _ARTICLE.match(word) is None:
        return False
    return one_of(previous, NAMING_NOUNS) or len(occurrences(text, word)) >= 2


FINAL_HAMZA_LOG_RATIO = 1.5
"""32x: the names with the article in alif that the corpus and the blind
sets gave a final ء were 0.55-1.4 log10 rarer than the form in ء (الفرا,
بالما, البنا, الحمرا, البترا); so are real slips (الهوا 1.45, الشفا 1.3,
الوفا 1.15: a review found them silenced by a first version that took
every such word for a name), so the margin only applies where a name
stands. Slips far rarer than their variant ("الوزرا" 3.35, "الصحرا" 2.75)
are reported anywhere."""


class OrthographicVariant(Rule):
    """A rare spelling whose hamza, madda, ة/ه, ى/ي, ض/ظ or د/ذ variant is much more frequent.

    What: "الاحداث" for "الأحداث", "الحكومه" for "الحكومة", "التونسى" for
    "التونسي", "نضام" for "نظام", "كدلك" for "كذلك", "الان" for "الآن";
    and علي/الي/لدي before a definite noun ("علي الحكومة" for "على").

    Why: each is a different string for search, deduplication and language
    models; an article that spells one word two ways is visibly careless.

    Evidence (lexicon): the frequency lexicon (`newslint.lexicon`,
    wordfreq). The variant (one letter changed, or ء added after a final
    ا/ي/و) must have zipf >= `min-variant-zipf`, or half a zipf less when
    it restores a hamza or a madda and neither a more frequent variant nor the
    word's stem speaks ("انصارها" for "أنصارها", 2.85; for a stem too:
    "والاعلاف", الأعلاف 2.95). When the change restores
    a mark people leave out (hamza on a bare alif or و, the ة after the
    article, where ه cannot be a pronoun) it must be `omission-log-ratio`
    (log10, 0.4: 2.5x; "امس" is 2.8x rarer than "أمس" on the web, which
    omits the hamza too) more frequent; when it chooses between two written letters
    (ض/ظ, د/ذ, ه/ة, ي/ى, ي/ئ as in names like قايد) the word must also be
    rarer than `valid-zipf` ("a frequent word is a word": بذل/بدل,
    طريقه/طريقة), with `choice-log-ratio`, or any word with
    `strong-log-ratio` (التى, الذى, فى). أ/إ swaps need the strong ratio
    (أحكام/إحكام are both words). A word absent from the lexicon is
    flagged when a variant has zipf >= 2 ("لماساة": لمأساة; "متظررة":
    متضررة), unless, with only such a rare variant as evidence, the file
    writes the word twice alike and never the variant (a name: "سلاح
    شطاير", the Steyr rifle).
    A word with clitics (و ف ب ل ك, ال) whose variant is in the lexicon but
    too rare to be evidence alone takes its stem's evidence when the change
    restores an omission ("وارساء": ارساء is 22x rarer than إرساء).
    A definite word ending in ى whose ي form is `dotless-ya-log-ratio` more
    frequent is a final ي written without its dots (المصرى, بالتالى: the
    house style of many sites; المستوى, السفلى keep their ى), also when
    its ي form is rare (zipf >= 2: "الديوانى", "البراهمى") and after a
    given name (a family name in the same style); so is an imperfect verb
    with ي or ت at `dotless-ya-verb-log-ratio` (يحتوى, تحتوى, يعنى; يمنى,
    the right hand, is 0.98 and stays).
    Consistency: when the file writes the variant elsewhere the margins drop
    to `consistent-log-ratio`; and a file that writes على right elsewhere
    has علي the name before a definite noun ("علي العريض").
    Consistency (the file's majority): a rare word (zipf <= 2.5) whose
    final ة/ه or ى/ي the same file writes the other way more often, clitics
    set aside, when the lexicon knows the variant at least as well
    ("الجهيناوى" once beside "الجهيناوي" three times; "بسليانه" beside
    "سليانة" and "بسليانة"): names have no lexicon evidence, but the file
    spells them its own way (confidence 0.85).
    Context (corpus collocations, `rules/data/preposition_context.tsv`):
    علي/وعلي/الي/إلي/لدي are the preposition when the word after them
    follows على/إلى/لدى in real news at least 5 times, and 5 times more
    often than it follows the look-alike ("علي متن", "إلي جانب", "علي
    عين المكان": 78 to 0), only spaces between; where the corpus has also
    seen the look-alike before that word (a name: "فرج علي أن"), the word
    before must take the preposition as strongly ("أكد علي أن"). The word
    before decides alone, as strongly, when the corpus never writes the
    word after the look-alike ("القبض علي نفر": القبض على 404 times,
    القبض علي twice; the word before counts with and without a leading
    و/ف), and so it does before a number ("القبض علي 518 شخصا"). Without
    that evidence, the form of the neighbours may say it (`_lookalike_form`,
    علي/الي/إلي only, on any site): a number after them ("سجل القضاء علي
    10 إرهابيين"), a noun with a possessive ending ("فوزا مثيرا علي
    غريمه"), a number word, a plural in ات or a derived verbal noun ("علي
    ثلاث مراحل", "علي منشآت", "علي ارتفاع"), or "أن" after a comma ("، علي
    أن يبدأ العمل"); never after a given name, a title, a role, بن/أبو, a
    naming noun or a rare word, nor when the file writes the same pair
    twice (a full name). Otherwise they are flagged only before a word
    with ال not ending in ي (a definite nisba after علي is a family name:
    "علي الحسيني") in a file that never writes the preposition, or before a
    common noun (a definite
    word of zipf >= 3.5, not a nisba in ي, never seen after the name in the
    news corpus: "الخناق علي العناصر", where "علي العريض" and "علي
    الهمامي" stay names). Names and verbs stay quiet: a word
    after a role ("الشابة سما") or before its Latin spelling in brackets
    ("إليف شافاق (Elif Shafak)"); a word of two letters that only lacks
    a final ء ("شي" is Xi), unless the file writes the variant; a Form IV verb with a pronoun ("التي أزالتها
    طهران" is no إزالتها); a verb ending in alif with the pronoun ه ("رعاه
    الله") needs the strong ratio; "بدا" (seemed) is بدأ only in "began
    to", before an imperfect verb in ي ("الوضع بدا اليوم ينفرج"; not "وبدا
    الحيوان مختلفا"); a word with the article whose only change is a
    final ء after its alif must be 32x rarer than the form in ء where a
    name stands, after a naming noun or written twice alike ("شارع
    الحمرا", "منير الفرا"; a slip: "جودة الهوا", "الوزرا"); a word in اي
    given أي, بأي or لأي with no word after it is a name or a loanword ("«سداد
    باي»": أي takes the noun it asks about); a word without the article
    after "ولد" is a family name ("أحمدو ولد اباه"). Also a word after a given name
    ("محمد علي") or after a title when it has no article ("السيد علي"), a
    short word next to other short words (spelled-out Latin: "اف ام"), and
    an alif carrying tanween ("شرّاً" is no "شراء"). After a role, a title
    or a given name the word is judged all the same when its variant is one
    of the commonest words (zipf >= 5) and the word is no given name itself:
    "وأكد الوزير كدلك" (كذلك), "قال الوزير ان" (أن), and also a common name
    without its hamza, "محمد ابراهيم" (إبراهيم); the given-name list is
    short, so "السيد علي" stays quiet only because علي is on it. Right after a
    given name the word is judged only against a given name or one of the
    very commonest words (zipf >= 5.5): "أحمد باي" is the Bey, not بأي.
    Agreement and syntax: after a number a final ه whose ة form is
    `omission-log-ratio` more frequent is the slip, as after the article (a
    counted noun takes no pronoun: "ومدته 94 دقيقه"; not after a year or a
    time: "عام 2023 وحده", "21:00 منافسه"); a final ه is the pronoun after
    "ما" ("ما مجموعه
    526") and before a masculine adjective of relation ("مديره التنفيذي":
    the noun in ة would take التنفيذية) or any definite masculine adjective
    whose feminine form is as common ("أمينه العام", "سنه الصغير": العامة
    and الصغيرة both listed at zipf >= 3.5; `_before_its_masculine_adjective`); a definite word in ي that the
    lexicon knows well after a masculine definite noun is an adjective of
    relation ("التحقيق الأولي"), while "المرة الأولي" is reported; "فان"
    after a bare first name that follows a title or a nationality is the
    Dutch particle of a name ("الهولندي رود فان نيستلروي"), not فإن. A ض/ظ
    or د/ذ choice in the name that a naming noun introduces is the name's
    own letter when the web writes the name (zipf >= 2.5: "طريق ضهر
    البيدر", "مدينة دهب"; not "برنامج خفظ التكاليف"); its hamza, ة and ى
    are still judged ("مدينة الحله"). The first word of a quoted name after
    such a noun is the name's (شركة "سما الجزيرة": no سماء). Hamzat wasl written إ
    is left to SPL002: this rule never removes a hamza.
    Where a hamza restored on an alif could sit on either seat and both
    make words, the word-pair table's neighbours choose ("على اثر": إثر,
    not the more frequent أثر; `_seat_choice`).
    The message states the ratio and a confidence 0-1 (`confidence()`).

    Tune: raising an option asks for more evidence (fewer, surer findings),
    but for `valid-zipf`, which does so when lowered. `min-variant-zipf`
    (3.0): the zipf the variant needs. The margins, log10 of how much more
    frequent the variant is: `omission-log-ratio` (0.4: a restored hamza,
    madda or ة, also a ه after a number), `choice-log-ratio` (1.0: one of two
    written letters, only for a word under `valid-zipf`, 3.5),
    `strong-log-ratio` (1.3: any change but an omission, أ/إ swaps
    included), `dotless-ya-log-ratio` (0.75: a definite word in ى) and
    `dotless-ya-verb-log-ratio` (1.0: a verb in ى); `consistent-log-ratio`
    (0.3) replaces the omission, choice and ى margins when the file writes
    the variant elsewhere (0 counts as unset). `min-length` (2): shorter
    words are skipped. The file's-majority check (confidence 0.85) takes no
    option; the confidence in the message ranks the findings.

    Fires: "وقال إن اعلان الحكومة جاء متأخرا" (اعلان is 4x rarer than
    إعلان), "وصادقت الحكومه على المشروع".
    Does not fire: "وقال إن الحكومة" (إن and أن are both words), "رأيت
    طريقه" (a frequent word), "قال محمد علي الشابي" (a name).

    Fix (unsafe): write the variant.
    """

    code = "SPL006"
    name = "orthographic-variant"
    category = "spelling"
    fixable = "unsafe"
    options = {
        "min-variant-zipf": {"type": "number", "default": DEFAULT_VARIANT_ZIPF},
        "omission-log-ratio": {"type": "number", "default": 0.4},
        "choice-log-ratio": {"type": "number", "default": 1.0},
        "valid-zipf": {"type": "number", "default": 3.5},
        "strong-log-ratio": {"type": "number", "default": 1.3},
        "dotless-ya-log-ratio": {"type": "number", "default": 0.75},
        "dotless-ya-verb-log-ratio": {"type": "number", "default": 1.0},
        "consistent-log-ratio": {"type": "number", "default": 0.3},
        "min-length": {"type": "integer", "minimum": 1, "default": 2},
    }

    def check(self, doc, options):
        text = doc.text
        raws = doc.arabic_words
        reported = set()
        for found in self._from_the_lexicon(doc, raws, options):
            reported.add(found[1])
            yield self._hit(doc, *found)
        for start, raw, variant, written, variant_written in minority_spellings(text, raws, reported):
            if not on_source_line(doc, start):
                yield self._hit(doc, start, raw, variant,
                                f"the file spells this word \"{variant}\" {variant_written} times and \"{raw}\" "
                                f"{'once' if written == 1 else f'{written} times'} (clitics aside), and the lexicon "
                                f"does not prefer \"{raw}\" ({_kind_of_final(raw)})", 0.85)

    def _from_the_lexicon(self, doc, raws, options):
        """(start, raw, variant, message, confidence) of the words the
        lexicon, the collocations and the file's context find."""
        text = doc.text
        leads = _LEADS.of(raws, min_code(options["min-variant-zipf"]))
        if not leads:
            return
        forms = _Spellings(raws, text)
        names = _data_set("given_names.txt")
        for raw, (bare, evidence, preposition, change) in leads:
            if len(bare) < options["min-length"]:
                continue
            context_only = evidence is None or not self.strong_enough(evidence, change, evidence.variant in forms,
                                                                      options)
            counted = context_only and not preposition and _may_be_counted(evidence, options)
            if context_only and not preposition and not counted:
                continue
            starts = occurrences(text, raw)
            if len(starts) > 1 and self.rare_absent(evidence, options) and evidence.variant not in forms:
                continue  # an unknown word written twice alike is a name ("سلاح شطاير", Steyr), not a slip
            for start in starts:
                if on_source_line(doc, start):
                    continue  # "المصدر: وكالة وفا": the outlet's own name
                found = _counted(text, start, evidence) if counted else \
                    self._judge(text, start, raw, bare, evidence, change, context_only, forms, names)
                if found:
                    yield (start, raw, *found)

    @staticmethod
    def rare_absent(evidence: Evidence | None, options) -> bool:
        """A word absent from the lexicon whose variant is rare too: the
        variant is the only evidence, so the file must not contradict it."""
        return evidence is not None and evidence.code == 0 and evidence.variant_zipf < options["min-variant-zipf"]

    @staticmethod
    def strong_enough(evidence: Evidence, change: _Change, in_document: bool, options) -> bool:
        if evidence.code == 0:
            return True  # absent, and the variant is common enough (see ABSENT_MIN_CODE)
        floor = min_code(options["min-variant-zipf"])
        if evidence.variant_code < floor and change.dotless_ya != "definite" and \
                not (change.omission and evidence.variant_code >= floor - RARE_MARGIN):
            return False  # a rare definite word in ى has its own floor (_orthography.DOTLESS_MIN_CODE); a
            # hamza, madda or final ء restored may take a variant half a zipf rarer (_orthography.RARE_MARGIN)
        needed = options["consistent-log-ratio"] if in_document else None
        if change.omission:
            return evidence.log_ratio >= (needed or options["omission-log-ratio"])
        if evidence.log_ratio >= options["strong-log-ratio"]:
            return True  # التى, الذى, فى: frequent only because people type them so
        if change.dotless_ya:
            margin = options["dotless-ya-log-ratio" if change.dotless_ya == "definite" else "dotless-ya-verb-log-ratio"]
            return evidence.log_ratio >= (needed or margin)
        if change.seat_swap or (evidence.kind == TA_MARBUTA and evidence.word.endswith("اه")):
            return False  # a verb ending in alif with the pronoun ه: رعاه (الله), دعاه
        return evidence.zipf < options["valid-zipf"] and evidence.log_ratio >= (needed or options["choice-log-ratio"])

    @staticmethod
    def _judge(text, start, raw, bare, evidence, change, context_only, forms, names):
        """(variant, message) for one occurrence, or None when its context
        says it is a name or the word is right here."""
        previous, following = _neighbours(text, start, start + len(raw))
        bare_previous = lexicon.normalise(previous)
        dotless_definite = change is not None and change.dotless_ya == "definite"
        grammar_word = evidence is not None and evidence.variant_code >= NAME_SLOT_MAX_VARIANT_CODE and \
            bare not in names and (bare_previous not in names or evidence.variant in names
                                   or evidence.variant_code >= AFTER_GIVEN_NAME_MIN_VARIANT_CODE
                                   or lookalike_of(bare_previous) is not None)  # علي: often على
        if (_looks_like_name(bare, previous, names) and not dotless_definite and not grammar_word) or \
                _spelled_letters(bare, previous, following) or _after_ould(bare, bare_previous):
            return None  # "محمد علي" is a name; "فتحي الخميرى" a name in the site's dotless style
        following = lexicon.normalise(following)
        collocation = None
        if lookalike_of(bare) is not None and not _MARKS.search(raw):  # "عليَّ" with its marks: the pronoun form
            collocation = preposition_by_collocation(
                bare, *map(lexicon.normalise, phrase_neighbours(text, start, start + len(raw))), names=names) or \
                preposition_by_form(text, start, raw, bare, names)
        if collocation is not None:
            preposition, why, certainty = collocation
            return preposition, f"\"{raw}\" before \"{following}\" should be \"{preposition}\": {why}", certainty
        preposition = preposition_in_context(bare, following)
        # a file that writes the preposition right elsewhere means علي the name here (علي العريض),
        # unless a common noun follows ("علي السواحل")
        if preposition and (preposition.removeprefix("و") not in forms or common_noun_after(bare, following)):
            return preposition, f"\"{raw}\" before \"{following}\" should be the preposition \"{preposition}\"", 0.9
        in_document = evidence.variant in forms
        if context_only or _tanween_alif(raw, evidence) or _form_iv_verb(evidence) or \
                right_in_context(evidence, bare_previous, following) or \
                _verb_of_seeming(evidence, text, start, start + len(raw), names) or \
                _no_noun_after_ayy(evidence, text, start, start + len(raw)) or \
                (not in_document and _name_in_alif(evidence, text, bare_previous)) or \
                _before_its_masculine_adjective(evidence, following) or \
                in_foreign_name(evidence, text, start) or \
                (not in_document and needs_the_file(evidence, bare_previous, following)) or \
                (not grammar_word and after_role(bare, bare_previous)) or \
                _letter_of_a_name(evidence, bare_previous) or _quoted_name(text, start, bare_previous) or \
                (not in_document and _may_be_a_pronoun(evidence, bare_previous, following)) or \
                before_latin_spelling(bare, text, start + len(raw)):
            return None
        why = evidence.ratio_text() + (f", and the file writes \"{evidence.variant}\" elsewhere" if in_document else "")
        seat = None if in_document else other_seat(evidence, lambda: bare_neighbours(text, start, raw))
        if seat:
            return seat, f"{why} ({evidence.kind}); here its neighbours call for \"{seat}\"", \
                confidence(evidence, in_document)
        return evidence.variant, f"{why} ({evidence.kind})", confidence(evidence, in_document)

    @staticmethod
    def _hit(doc, start, raw, variant, message, certainty):
        line, column = doc.position(start)
        end = column + len(raw)
        return hit(line, column, end, f"{message}; write \"{variant}\" (confidence {certainty:.2f})",
                   replace(line, column, line, end, variant, f"write \"{variant}\"", "unsafe"),
                   confidence=certainty)
