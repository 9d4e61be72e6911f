"""TRN004-TRN006 (rules/truncation/): messages, options, and that the
sentence table is read once per process. Their pinned cases are
rule_cases/TRN00N.yaml, run by test_rule_cases.py."""
from __future__ import annotations

import time
from pathlib import Path

from ruamel.yaml import YAML

from conftest import lint_text

CASES = Path(__file__).parent / "rule_cases"


def test_cut_message_quotes_the_counts():
    [f] = lint_text("العنوان\n\nوقع انفجار في المدينة مما أسفر\n\nالمصدر: وكالة\n", select=["TRN004"])
    assert '"أسفر" ends a sentence 0 times in' in f.message and "the article ends here" in f.message


def test_cut_before_a_new_sentence_names_the_next_word():
    text = (CASES / "TRN004.yaml").read_text(encoding="utf-8")
    case = next(c for c in YAML(typ="safe").load(text)["cases"] if c["name"].startswith("a cut before a new sentence"))
    [f] = lint_text(case["text"], select=["TRN004"])
    assert '"وأضاف" starts a sentence' in f.message


def test_min_score_option_is_the_threshold():
    text = "العنوان\n\nوقع انفجار في المدينة مما أسفر\n\nالمصدر: وكالة\n"  # cut log-odds +1.5
    strict = {"rules": {"TRN004": {"min-score": 2.0}}}
    assert lint_text(text, select=["TRN004"]) and not lint_text(text, select=["TRN004"], config_data=strict)


def test_min_body_words_option():
    text = "عنوان\n\nثلاث كلمات فقط.\n\nالمصدر: Jawhara FM\n"
    assert [f.code for f in lint_text(text, select=["TRN006"])] == ["TRN006"]
    loose = {"rules": {"TRN006": {"min-body-words": 3}}}
    assert not lint_text(text, select=["TRN006"], config_data=loose)


def test_headline_and_source_lines_are_never_judged():
    # the headline stops on "في", the source line on "وكالة": neither is a body paragraph
    text = "وزير يتحدث في\n\nقال الوزير إن الحكومة ستواصل الإصلاحات في كل القطاعات خلال السنة المقبلة.\n\nالمصدر: وكالة\n"
    assert not lint_text(text, select=["TRN004", "TRN005"])


def test_table_is_loaded_once_lazily(monkeypatch):
    from newslint import sentence_stats

    loads = []
    real = sentence_stats.load
    monkeypatch.setattr(sentence_stats, "_DEFAULT", None)
    monkeypatch.setattr(sentence_stats, "load", lambda *a: loads.append(1) or real(*a))
    closed = "عنوان\n\nفقرة كاملة تنتهي بنقطة في آخرها كما ينبغي أن تكون.\n\nالمصدر: وكالة\n"
    lint_text(closed, select=["TRN004", "TRN005"])
    assert loads == []  # nothing open to judge: the table is not read
    cut = "العنوان\n\nوقع انفجار في المدينة مما أسفر\n\nالمصدر: وكالة\n"
    for _ in range(3):
        lint_text(cut, select=["TRN004", "TRN005"])
    assert loads == [1]


def test_many_open_paragraphs_stay_linear():
    paragraph = "وقال المتحدث إن الحكومة قررت مواصلة الإصلاحات في كل القطاعات مما أسفر\n"
    text = "عنوان\n\n" + paragraph * 4000 + "\nالمصدر: وكالة\n"
    start = time.perf_counter()
    found = lint_text(text, select=["TRN004", "TRN005", "TRN006"])
    assert len(found) == 4000  # the last word alone is evidence; only the last paragraph ends the article
    assert time.perf_counter() - start < 20


def test_the_cut_confidence_comes_from_its_log_odds():
    [f] = lint_text("العنوان\n\nوقع انفجار في المدينة مما أسفر\n\nالمصدر: وكالة\n", select=["TRN004"])
    assert 0.5 < f.confidence < 1.0 and "cut log-odds +1.5" in f.message and f.confidence == 0.82


WORD_CUT = "العنوان\n\nوأكد أن هذه السيارات أصبحت تعمد إلى التنظم في أرتال على حد تعبي\n\nالمصدر: وكالة\n"


def test_word_cut_inside_names_the_completed_form():
    [f] = lint_text(WORD_CUT, select=["TRN004"])
    assert 'stops inside a word: "تعبي" is not in the sentence statistics but "تعبيره" was seen' in f.message
    assert f.confidence == 0.8 and "log-odds" not in f.message


def test_min_completion_count_option():
    off = {"rules": {"TRN004": {"min-completion-count": 0}}}
    strict = {"rules": {"TRN004": {"min-completion-count": 100000}}}
    assert lint_text(WORD_CUT, select=["TRN004"])
    assert not lint_text(WORD_CUT, select=["TRN004"], config_data=off)
    assert not lint_text(WORD_CUT, select=["TRN004"], config_data=strict)


def test_completion_of_a_known_or_foreign_word_is_none():
    from newslint import sentence_stats
    from newslint.rules.truncation._stats import word_cut_inside

    table = sentence_stats.default()
    assert table.completion("تعبي") == ("تعبيره", table.lookup("تعبيره").ends + table.lookup("تعبيره").not_ends)
    assert table.completion("مدينة") is None  # in the table: a whole word
    assert table.completion("سقانص") is None  # nothing extends it
    assert table.completion("سوري")[0] == "سوريا" and word_cut_inside("سوري", 10) is None  # only an ending
    assert word_cut_inside("faceboo", 1) is None and word_cut_inside("10", 1) is None  # Arabic letters only
    assert word_cut_inside("بـ", 1) is None  # a proclitic set apart keeps its tatweel


def test_a_lone_letter_after_a_word_is_a_word_cut():
    from newslint.rules.truncation._stats import lone_letter_after_word

    [f] = lint_text("العنوان\n\nوتبين الصورة الأصلية أن حجاب الفتاة كان باللون ا\n\nالمصدر: وكالة\n", select=["TRN004"])
    assert 'stops inside a word: it ends on the lone letter "ا" after a word' in f.message
    assert lone_letter_after_word("رئيس حزب الاتحاد الوطني الحر، ا") and lone_letter_after_word("قال الوزير و")
    assert not lone_letter_after_word("وفاز الفريق بالمرتبة 12 ن")  # points after a number
    assert not lone_letter_after_word("وأضاف الوزير أن ا")  # a two-letter word before: initials or particles
    assert not lone_letter_after_word("بسرعة 50 كلم/س")  # a unit after a slash
    assert not lone_letter_after_word("بسرعة تبلغ الحر 5")  # a digit


def test_word_cuts_bench_cuts_inside_a_word():
    import sys
    from random import Random

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    from heldout.articles import Article
    from word_cuts import cut_inside_word, findings_on

    from newslint.rules.truncation.TRN004 import CutSentence

    text = ("عنوان الخبر\n\nأعلنت وزارة الصحة اليوم عن انطلاق حملة وطنية للتلقيح ضد الحمى في كامل الولايات.\n"
            "وأكد المدير الجهوي للصحة أن الحملة ستتواصل طيلة شهر كامل بمشاركة الإطارات الطبية.\n\n"
            "المصدر: وكالة\n")
    article = Article("a.txt", text)
    for seed in range(20):
        copy, line = cut_inside_word(article, Random(seed), last=True)
        body = copy.split("\n")[line - 1]
        stump = body.split()[-1]
        assert line == 4 and "المصدر" not in copy  # the last paragraph, nothing after it
        assert any(w.startswith(stump) and w != stump for w in text.split())  # a word cut inside
    options = {"min-score": 1.0, "min-completion-count": 10}
    assert findings_on(CutSentence(), text, options) == set()  # the article itself is clean
