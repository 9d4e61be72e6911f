from __future__ import annotations

from newslint import sentence_stats
from newslint.rule import Rule, hit
from newslint.rules.truncation._stats import (HABIT_MIN_WORDS, closing_habit, confidence_of, continues,
                                               cut_word_evidence, last_word_span, open_paragraphs, rate)

# The confidence of a word cut inside (no log-odds to take it from): the 4
# such findings on the corpus were all real cuts (docs/truncation.md).
_WORD_CUT_CONFIDENCE = 0.8


class CutSentence(Rule):
    """A body paragraph cut in the middle of a sentence (sentence statistics).

    What: a paragraph of the article that stops without closing punctuation
    where the sentence-end statistics say the sentence was cut, and the
    article ends there or the next paragraph starts a new sentence. Two
    kinds of evidence, either is enough:
    - the last word rarely ends a sentence: the score is `looks_cut(last,
      next)` of `newslint.sentence_stats`, the log-odds of "cut" against
      "the sentence ended" and "the next paragraph continues it";
    - the last word was cut inside: it is not in the table, but the table
      has a form seen at least `min-completion-count` times that is the
      same word with 1-3 more letters ("تعبي" / "تعبيره"; when the
      commonest such form only adds an inflection ending, "سوري" /
      "سوريا", the word is whole and left alone), or it is a lone
      Arabic letter after a word of 3+ letters ("... كان باللون ا"; after
      a number a letter is an abbreviation, "12 ن", and is left alone).

    Why: a scraper that stops early, or a CMS that clips a paragraph, leaves
    half sentences ("... مما أسفر", "... بعد مغادرة") that TRN001's fixed
    word list cannot see: most cuts end on a noun or a verb. A cut at a
    character limit leaves half a word ("... على حد تعبي"), which the end
    statistics cannot score (an unknown word is 0, "no evidence").

    Evidence: the table's counts for the last word (and for the next
    paragraph's first word), or for the completed form, quoted in the
    message; the zones (body paragraphs only); the paragraph's own text
    (signatures, initials and table rows are not sentences and are left
    alone). A break whose next paragraph continues the sentence is TRN005's,
    not this rule's. The confidence of a statistics finding is the logistic
    of the cut log-odds (+1.5: 0.82); of a word cut inside, 0.8 (the 4 on
    the corpus were all real, docs/truncation.md; the corpus has no lone
    letter after a word at the end of a paragraph).

    The writer's habit: when the article closes at least `habit-paragraphs`
    (3) other paragraphs of 8 words or more with sentence-final punctuation
    and leaves no other open, an open paragraph of 8 words or more gets
    `habit-log-odds` (1.0) more: on sites that close every paragraph a
    paragraph that stops open is the exception (captions and sub-headings,
    under 8 words, never get it). Chosen on the tune half of a set of clean
    articles in other sites' styles (docs/truncation.md, fourth pass): the
    corpus's own findings stay 8 of 8 real at 1.0, 8 of 10 at 1.5. Each
    closed paragraph beyond `habit-paragraphs` adds `habit-step` (0.25), up
    to `habit-max-log-odds` (2.0) in all (a larger `habit-log-odds` is used
    as it is, without steps): the longer the record of closed
    paragraphs, the rarer an open one that simply ended (eighth session:
    other regions' harness mid 0.50 -> 0.58, corpus findings unchanged).

    Tune: `min-score` (log-odds; higher is stricter),
    `min-completion-count` (higher is stricter; 0 turns the word-cut
    evidence, stump and lone letter, off), and the habit's `habit-paragraphs`
    (higher is stricter), `habit-log-odds`, `habit-step` and
    `habit-max-log-odds` (lower is stricter; 0 turns the habit off). Both defaults were chosen on
    the tune half (bench/heldout.py, bench/word_cuts.py; docs/truncation.md).

    Fires: "... وقع انفجار في المدينة مما أسفر" as the last paragraph
    ("أسفر" ends a sentence 0 times in 101: cut log-odds +1.5), and
    "... من أجل إرهاب الدوريات الأمنية على حد تعبي" ("تعبيره" seen 290 times).
    Does not fire: "... في مختلف المجالات." or "... تجهيزات هذه المدرسة.
    هاجر النوالي" (a signature after the full stop), nor "... في الفسحة
    الشاطئية سقانص" (a place name not in the table that no frequent form
    extends).
    """

    code = "TRN004"
    name = "cut-sentence"
    category = "truncation"
    options = {"min-score": {"type": "number", "default": 1.0,
                             "description": "log-odds of a cut (looks_cut) a paragraph needs to be reported"},
               "habit-paragraphs": {"type": "integer", "minimum": 1, "default": 3,
                                    "description": "closed paragraphs of at least 8 words, and no other open one, "
                                                   "that make the writer's habit of closing paragraphs evidence"},
               "habit-log-odds": {"type": "number", "default": 1.0,
                                  "description": "log-odds the writer's closing habit adds to a cut (0: none)"},
               "habit-step": {"type": "number", "minimum": 0, "default": 0.25,
                              "description": "log-odds each closed paragraph beyond habit-paragraphs adds"},
               "habit-max-log-odds": {"type": "number", "minimum": 0, "default": 2.0,
                                      "description": "the most log-odds habit-log-odds and its steps may add "
                                                     "together (the steps stop there)"},
               "min-completion-count": {"type": "integer", "minimum": 0, "default": 10,
                                        "description": "times the completed form of a last word missing from the "
                                                       "table must be seen to report a word cut inside (0: off)"}}

    def check(self, doc, options):
        habit = None
        for number, last, following in open_paragraphs(doc):
            if following is not None and continues(following):
                continue  # the next paragraph goes on with the sentence: TRN005's
            score, _ = sentence_stats.looks_cut(last, following)
            habitual = ""
            if len(doc.line(number).text.split()) >= HABIT_MIN_WORDS:  # a paragraph, not a caption or sub-heading
                if habit is None:
                    habit = closing_habit(doc)
                if habit >= options["habit-paragraphs"] and options["habit-log-odds"]:
                    step = options["habit-step"] * (habit - options["habit-paragraphs"])
                    room = max(0.0, options["habit-max-log-odds"] - options["habit-log-odds"])
                    score += options["habit-log-odds"] + min(step, room)  # the cap bounds the steps only
                    habitual = f"; the article closes its other {habit} paragraphs"
            if score >= options["min-score"]:
                why, odds, confidence = (f"paragraph stops mid-sentence: {rate(last, 'end')}{habitual}",
                                         f" (cut log-odds {score:+.1f})", confidence_of(score))
            else:
                evidence = cut_word_evidence(last, options["min-completion-count"])
                if evidence is None:
                    continue
                why, odds, confidence = f"paragraph stops inside a word: {evidence}", "", _WORD_CUT_CONFIDENCE
            after = "the article ends here" if following is None else \
                f"the next paragraph starts a new sentence ({rate(following, 'start')})"
            start, end = last_word_span(doc, number, last)
            yield hit(number, start, end, f"{why}, and {after}{odds}", confidence=confidence)
