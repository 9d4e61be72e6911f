from __future__ import annotations

from newslint import sentence_stats
from newslint.rule import Rule, hit
from newslint.rules.truncation._stats import (confidence_of, continues, join_score, last_word_span,
                                               open_paragraphs, rate)


class BrokenParagraph(Rule):
    """A paragraph break inside a sentence: the next paragraph continues it.

    What: a paragraph of the article that stops without closing punctuation
    where the statistics say the next paragraph carries on the same
    sentence: its last word rarely ends a sentence and the next paragraph's
    first word rarely starts one ("... على أن" / "الحكومة ستواصل ...").
    Informational: nothing is missing, the line break is in the wrong place.

    Why: a break inside a sentence splits it for every tool that reads
    paragraphs (sentence splitters, summaries, training pairs); it is also
    what TRN001 mostly reported as a cut on other sites.

    Evidence: the table's end counts for the last word and start counts for
    the next paragraph's first word, quoted in the message. Both must agree:
    the last word's end log-odds e is at most `max-end-logodds` (it rarely
    ends a sentence), and the next word's start log-odds s is below 0 (it is
    likelier inside a sentence than at its start, log K/J = s). The start
    score alone is weak at a paragraph start: lists and tables open
    paragraphs with nouns ("يوم الأحد ...", "النهائي سيدور ...") after
    sentences that did end, so a last word that can end a sentence is not
    enough. The message also gives -s - log(1 + exp(e)), the log-odds of
    "continues" against "ended" and "cut" (see `SentenceStats.looks_cut`);
    the finding's confidence is its logistic.

    Tune: `max-end-logodds` (lower is stricter).

    Fires (corpus, JA-localNews-2914): "... القبض على أربعة أشخاص منهم مواطن
    ليبي من أجل" followed by the paragraph "السّطو على بضاعة محجوزة ...".
    Does not fire: the same paragraph followed by "وأضاف الوزير ..."
    (a sentence opener: that is a cut, TRN004).
    """

    code = "TRN005"
    name = "broken-paragraph"
    category = "truncation"
    severity = "info"
    options = {"max-end-logodds": {"type": "number", "default": -1.0,
                                   "description": "end log-odds the paragraph's last word must stay at or under"}}

    def check(self, doc, options):
        for number, last, following in open_paragraphs(doc):
            if following is None or not continues(following) \
                    or sentence_stats.end_logodds(last) > options["max-end-logodds"]:
                continue
            start, end = last_word_span(doc, number, last)
            joined = join_score(last, following)
            yield hit(number, start, end,
                      f"paragraph break inside a sentence: {rate(last, 'end')} and the next paragraph goes on "
                      f"({rate(following, 'start')}; continuation log-odds {joined:+.1f})",
                      confidence=confidence_of(joined))
