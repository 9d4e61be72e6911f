from __future__ import annotations

from newslint import sentence_stats
from newslint.rule import Rule, hit
from newslint.rules.truncation._stats import (confidence_of, continues, last_word_span, open_paragraphs,
                                               rate)


class CutSentence(Rule):
    """A body paragraph cut in the middle of a sentence (sentence statistics).

    What: a paragraph of the article that stops without closing punctuation
    where the sentence-end statistics say the sentence was cut: its last
    word rarely ends a sentence, and the article ends there or the next
    paragraph starts a new sentence. The score is `looks_cut(last, next)`
    of `newslint.sentence_stats`: the log-odds of "cut" against "the
    sentence ended" and "the next paragraph continues it".

    Why: a scraper that stops early, or a CMS that clips a paragraph, leaves
    half sentences ("... مما أسفر", "... بعد مغادرة") that TRN001's fixed
    word list cannot see: most cuts end on a noun or a verb.

    Evidence: the table's counts for the last word (and for the next
    paragraph's first word), quoted in the message; the zones (body
    paragraphs only); the paragraph's own text (signatures, initials and
    table rows are not sentences and are left alone). A break whose next
    paragraph continues the sentence is TRN005's, not this rule's. The
    finding's confidence is the logistic of the cut log-odds (+1.5: 0.82).

    Tune: `min-score` (log-odds; higher is stricter). The default was chosen
    on the tune half of the held-out set (docs/truncation.md).

    Fires: "... وقع انفجار في المدينة مما أسفر" as the last paragraph
    ("أسفر" ends a sentence 0 times in 101: cut log-odds +1.5).
    Does not fire: "... في مختلف المجالات." or "... تجهيزات هذه المدرسة.
    هاجر النوالي" (a signature after the full stop).
    """

    code = "TRN004"
    name = "cut-sentence"
    category = "truncation"
    options = {"min-score": {"type": "number", "default": 1.0,
                             "description": "log-odds of a cut (looks_cut) a paragraph needs to be reported"}}

    def check(self, doc, options):
        for number, last, following in open_paragraphs(doc):
            if following is not None and continues(following):
                continue  # the next paragraph goes on with the sentence: TRN005's
            score, _ = sentence_stats.looks_cut(last, following)
            if score < options["min-score"]:
                continue
            start, end = last_word_span(doc, number, last)
            after = "the article ends here" if following is None else \
                f"the next paragraph starts a new sentence ({rate(following, 'start')})"
            yield hit(number, start, end,
                      f"paragraph stops mid-sentence: {rate(last, 'end')}, and {after} "
                      f"(cut log-odds {score:+.1f})", confidence=confidence_of(score))
