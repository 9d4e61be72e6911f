"""SPL008 (word-out-of-context)."""
from __future__ import annotations

from newslint import lexicon, word_context
from newslint.rule import Rule, hit, replace
from newslint.lexicon import word_key
from newslint.rules.spelling._common import (MAX_TABLE_COUNT_OPTION, QuietWords, occurrences, on_source_line,
                                             seen_in_news)
from newslint.rules.spelling._orthography import (_BLAKE2B, RARE_MARGIN, bare_neighbours, min_code,
                                                  orthographic_evidence, word_code)
from newslint.rules.spelling._slips import slip_keys, slip_variants
from newslint.rules.spelling.SPL007 import ORTHOGRAPHIC_CODE, reports_here

_ORTHOGRAPHIC_MARGIN = 3.0
_EVERYWHERE_CODE = 120
"""zipf 6: a variant this common (التي, إلى, اليوم) is in nearly every
file, so the file writing it is no evidence."""
_MAX_OCCURRENCES = 20  # a word written more often than this in one file is the file's word, not a slip


class WordOutOfContext(Rule):
    """A real word where its neighbours call for another one, a slip away.

    What: a word the lexicon lists, so no check by frequency alone can
    question it, written where a far more frequent word one typing slip
    away fits the words around it and it does not: two letters swapped
    ("وأكدت وزراة الداخلية" for "وزارة"), a letter typed twice ("وأضاف أنه
    محل تتتبع" for "تتبع"), a letter dropped ("بمناسبة شهر مضان" for
    "رمضان"). The web writes all three often enough for the lexicon to list
    them, so SPL007, which judges by frequency, leaves them alone.

    Why: a slip that lands on a listed form passes every dictionary and
    every frequency check, and a search for "وزارة الداخلية" never finds
    the article.

    Evidence (context, lexicon, the file): for each variant at least
    `min-variant-zipf` (4.0) and `min-zipf-gap` (1.0: ten times) more
    frequent than the word, the log-odds of "previous variant next"
    against "previous word next" under a word-pair model of news text
    (`newslint.word_context`: pair counts from the tune half of the
    JawharaFM corpus, smoothed towards wordfreq's language-wide
    frequencies). Where the table has seen neither pair on a side, that
    side adds the frequency ratio (left) or takes most of it back (right);
    a pair seen with the variant and never with the word is what lifts a
    score past the threshold. Reported at `min-log-odds` (15: the pairs
    are ~3 million times likelier with the variant), or at
    `consistent-log-odds` (12) when the file writes the variant elsewhere
    (the file's own spelling, as for SPL007; not for a variant under zipf
    6, such as التي or إلى, which nearly every file writes). A neighbour is
    a word next to it with only spaces between: punctuation, digits and
    line ends break the pairs.

    Not judged: unlisted words (SPL007's), an occurrence SPL007 reports
    from the frequencies at its default options ("اليت", "بسنبة": one slip,
    one report; with SPL007 off such words go unreported), a word whose
    hamza, madda, ة or ى variant (SPL006's) fits its neighbours within 3 of
    the slip ("على افة البطالة" is آفة, not حافة; where the slip fits far
    better, "حملة أمنة واسعة", both rules report it), words above `max-word-zipf` (4.0: "الأميركي" is an
    accepted spelling beside "الأمريكي"), words the table has seen
    `max-table-count` (4) times or more (a slip rarely repeats itself
    across articles: "صابة", harvest, "جلمة", a town, are the site's
    words), the source line, a word the file writes more than 20 times.
    Not proposed: a conjunction put back at the start ("التي" / "والتي"),
    a plural verb for a dual one ("ما زالا" / "زالوا"). Confidence 0.6 at
    log-odds 12, rising 0.02 a unit, +0.1 when the file writes the
    variant, at most 0.95.

    The pair counts come from one Tunisian site: phrases of other regions
    are mostly unseen pairs, so on their text the rule fires less, not
    wrongly (0 findings on the 120 clean articles of other regions;
    docs/orthography.md). Its false alarms on the corpus are words the web
    lists rarely and the table has seen under four times ("الرجة", a
    tremor; "والية", a woman governor). Tune with `min-log-odds` (higher:
    fewer, surer findings), `consistent-log-odds`, `min-zipf-gap`,
    `min-variant-zipf` and `max-table-count`.

    Fires: "وأكدت وزراة الداخلية في بلاغ لها" ("وأكدت وزارة" seen 25 times
    in the table, "وأكدت وزراة" never), "بمناسبة شهر مضان نشرت وزارة الصحة".
    Does not fire: "وطالب النقابة بتطبيق بنود الاتفاق الممضى بينها" (no
    far more frequent word is a slip away), "ضربة للرئيس الأميركي الذي" (a
    common spelling), "ما زالا غير معلومين" (a dual verb).

    Fix (unsafe): write the variant.
    """

    code = "SPL008"
    name = "word-out-of-context"
    category = "spelling"
    fixable = "unsafe"
    options = {
        "min-log-odds": {"type": "number", "default": 15.0,
                         "description": "how much likelier (natural log) the neighbours make the variant than the "
                                        "word"},
        "consistent-log-odds": {"type": "number", "default": 12.0,
                                "description": "the log-odds that suffice when the file writes the variant elsewhere"},
        "min-variant-zipf": {"type": "number", "minimum": 0, "default": 4.0,
                             "description": "the lowest zipf of a variant worth proposing"},
        "min-zipf-gap": {"type": "number", "minimum": 0, "default": 1.0,
                         "description": "how many powers of ten more frequent than the word the variant must be"},
        "max-table-count": MAX_TABLE_COUNT_OPTION,
        "max-word-zipf": {"type": "number", "minimum": 0, "default": 4.0,
                          "description": "the highest zipf of a word that may be a slip (a commoner form is a word "
                                         "or an accepted spelling of its own)"},
    }

    def check(self, doc, options):
        text = doc.text
        low = min(options["min-log-odds"], options["consistent-log-odds"])
        written = None
        variant_code = min_code(options["min-variant-zipf"])
        gap_code = round(options["min-zipf-gap"] * lexicon.ZIPF_SCALE)
        max_word_code = round(options["max-word-zipf"] * lexicon.ZIPF_SCALE)
        quiet = _QUIET.words(options)
        stored = slip_keys(variant_code, gap_code, max_word_code)
        for raw in doc.arabic_words - quiet:  # most words were found to have no variant in an earlier document
            word = lexicon.normalise(raw)
            if stored is not None and word_key(word, _BLAKE2B) not in stored:
                quiet.add(raw)  # the build-time verdicts: no slip variant (one hash, not a dozen)
                continue
            variants = slip_variants(word, variant_code, gap_code, max_word_code)
            if not variants or seen_in_news(word, options["max-table-count"]):
                quiet.add(raw)  # decided from the word alone, whatever the file
                continue
            starts = occurrences(text, raw)
            if len(starts) > _MAX_OCCURRENCES:
                continue
            for start in starts:
                if on_source_line(doc, start):
                    continue
                previous, following = bare_neighbours(text, start, raw)
                if previous is None and following is None:
                    continue  # a word alone between gaps has no context to judge by
                score, variant, kind = max((word_context.log_odds(previous, word, variant, following), variant, kind)
                                           for variant, kind in variants)
                if score < low:
                    continue
                if _orthography_fits(word, previous, following, score):
                    continue  # SPL006's word: its hamza, madda, ة or ى variant reads about as well
                reported, file_repair = reports_here(doc, start, raw, word)  # asked only here: few words get here
                if written is None:
                    written = {lexicon.normalise(other) for other in doc.arabic_words}
                if reported or (file_repair and file_repair in written):
                    continue  # SPL007 reports this occurrence from the frequencies: one slip, one report
                consistent = variant in written and word_code(variant) < _EVERYWHERE_CODE
                if score >= (options["consistent-log-odds"] if consistent else options["min-log-odds"]):
                    yield self._hit(doc, start, raw, word, variant, kind, previous, following, score, consistent)

    @staticmethod
    def _hit(doc, start, raw, word, variant, kind, previous, following, score, consistent):
        line, column = doc.position(start)
        end = column + len(raw)
        # per side: '"وأكدت وزارة" seen 25 times in news text, "وأكدت وزراة" 0'
        seen = [f"\"{phrase}\" seen {count:.0f} times in news text, \"{as_written}\" {written_count:.0f}"
                for (phrase, count), (as_written, written_count) in
                zip(word_context.neighbour_pairs(previous, variant, following),
                    word_context.neighbour_pairs(previous, word, following))]
        if consistent:
            seen.append(f"the file writes \"{variant}\" elsewhere")
        why = (f"\"{raw}\" reads as a slip of \"{variant}\" (one {kind.replace('_', ' ')} away) here: "
               f"{'; '.join(seen)} (context log-odds {score:+.1f})")
        confidence = round(min(0.95, 0.6 + 0.02 * (score - 12) + (0.1 if consistent else 0.0)), 2)
        fix = replace(line, column, line, end, variant, f"write \"{variant}\"", "unsafe")
        return hit(line, column, end, f"{why}; write \"{variant}\"", fix, confidence=confidence)


_QUIET = QuietWords()


def _orthography_fits(word: str, previous: str | None, following: str | None, score: float) -> bool:
    """True when the word's more frequent hamza, madda, ة or ى variant
    (SPL006's evidence) fits the neighbours within `_ORTHOGRAPHIC_MARGIN` of
    the slip: the word is that variant misspelled ("على افة البطالة" is آفة
    without its madda, +13.5, not حافة, +14.4), and SPL006 judges it. When
    the slip fits far better ("حملة أمنة واسعة": أمنية +19.8, آمنة +2.5)
    both rules report the word, each with its reading."""
    evidence = orthographic_evidence(word, ORTHOGRAPHIC_CODE, RARE_MARGIN)
    return evidence is not None and \
        word_context.log_odds(previous, word, evidence.variant, following) >= score - _ORTHOGRAPHIC_MARGIN
