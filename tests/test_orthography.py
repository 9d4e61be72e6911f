"""SPL006/SPL007: spelling from lexicon evidence (ratios, context,
consistency). Their pinned cases (rule_cases/SPL006.yaml, SPL007.yaml) are
run by test_rule_cases.py."""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from conftest import SEEDS, lint_text
from newslint.rules.spelling import _orthography as orthography
from newslint.rules.spelling._orthography import Evidence, confidence, orthographic_evidence, restores_omission

CASES = Path(__file__).parent / "rule_cases"
POSITION = ("line", "column", "end_line", "end_column")


def findings(code, text):
    return [f for f in lint_text(text, select=[code]) if f.code == code]


def spl006(text):
    return findings("SPL006", text)



def test_message_states_the_ratio_and_proposes_the_variant():
    (finding,) = spl006("وقال إن اعلان الحكومة جاء متأخرا.\n")
    assert "\"اعلان\" is 4.0x rarer than \"إعلان\"" in finding.message
    assert finding.fix.applicability == "unsafe" and finding.fix.edits[0].content == "إعلان"


def test_consistency_is_named_and_raises_confidence():
    alone = spl006("وقال إن الاحداث تسارعت.\n")[0].message
    both = spl006("وقال إن الاحداث تسارعت، وإن الأحداث المقبلة أخطر.\n")[0].message
    assert "writes \"الأحداث\" elsewhere" in both and "elsewhere" not in alone
    assert "(confidence 0.91)" in both and "(confidence 0.72)" in alone


def test_consistency_does_not_turn_a_frequent_word_into_a_misspelling():
    # أن occurs in the file, but إن is a word of its own (zipf 6.25)
    assert spl006("وقال إن الحكومة أكدت أن القرار نهائي.\n") == []


def test_name_after_a_title_or_given_name_stays_quiet():
    assert spl006("وقال السيد علي الحكومة.\n") == []
    assert spl006("وقال محمد علي العريض.\n") == []
    assert len(spl006("وقال إن علي الحكومة أن تتحرك.\n")) == 1


def test_preposition_context_needs_a_definite_noun():
    assert spl006("وقال علي إنه سيتحرك.\n") == []  # علي the name before a verb
    assert spl006("ويلي ذلك الاجتماع.\n") == []  # يلي is not a form of إلى


def test_ta_marbuta_after_the_article_is_an_omission_without_it_a_choice():
    with_article = orthographic_evidence("الحكومه")
    assert with_article.variant == "الحكومة" and restores_omission(with_article)
    assert not restores_omission(orthographic_evidence("طريقه"))


def test_never_proposes_removing_a_hamza():
    # hamzat wasl written إ is SPL002's; this rule only adds or moves hamzas
    assert orthographic_evidence("إستخدام") is None or orthographic_evidence("إستخدام").variant != "استخدام"


def test_confidence_grows_with_the_evidence():
    weak = Evidence("اعلان", "إعلان", "hamza", 85, 97)
    strong = Evidence("نضام", "نظام", "dad_zah", 44, 110)
    absent = Evidence("الماظي", "الماضي", "dad_zah", 0, 109)
    assert confidence(weak, False) < confidence(weak, True) < confidence(strong, False) <= confidence(absent, False) < 1


def test_min_length_option_is_honoured():
    text = "وقال فى بيانه.\n"
    assert len(spl006(text)) == 1
    found = [f for f in lint_text(text, select=["SPL006"], config_data={"rules": {"SPL006": {"min-length": 3}}})
             if f.code == "SPL006"]
    assert found == []


def test_seed_articles_are_linted_quickly():
    """A generous bound (catches a lost cache or a quadratic scan)."""
    texts = [p.read_bytes() for p in sorted(SEEDS.glob("*.txt"))]
    start = time.perf_counter()
    for _ in range(20):
        for text in texts:
            lint_text(text, select=["SPL006"])
    assert time.perf_counter() - start < 10


def test_quiet_words_are_remembered_and_the_memory_is_bounded():
    leads = orthography._Leads(limit=3)
    found = leads.of({"الحكومة", "الحكومه", "قال"}, 60)
    assert [raw for raw, _ in found] == ["الحكومه"]
    assert leads.quiet[60] == {"الحكومة", "قال"}
    assert [raw for raw, _ in leads.of({"الحكومه", "اليوم"}, 60)] == ["الحكومه"]
    leads.of({"في"}, 60)  # over the limit: forgotten, then relearnt
    assert leads.quiet[60] == {"في"}


def test_a_file_that_writes_the_preposition_right_means_the_name():
    assert spl006("قال علي العريض إن الحركة على حق.\n") == []
    assert len(spl006("وجاء علي العناصر الأمنية التدخل.\n")) == 1


def test_seat_swaps_need_the_file():
    # إحكام (verbal noun) and أحكام (plural) are both words: no ratio decides between two written seats
    assert spl006("وإحكام التنظيم اللوجستي.\n") == []
    assert spl006("يوم الإربعاء الماضي.\n") == []  # 100x, but إشكال (a problem) is 112x rarer than أشكال too
    assert len(spl006("يوم الإربعاء الماضي، وموعد الأربعاء القادم.\n")) == 1  # the file writes الأربعاء


def test_tanween_on_the_alif_is_no_dropped_hamza():
    assert spl006("ويريدان بك شرّاً.\n") == []
    assert len(spl006("وتم شرا المعدات.\n")) == 1  # شراء, the purchase


def test_typing_slip_is_on_by_default_and_names_its_evidence():
    text = "وتم استرجاع الودحات السكنية.\n"
    (finding,) = [f for f in lint_text(text) if f.code == "SPL007"]
    assert "\"الوحدات\" (zipf 4.5) is one transposition away" in finding.message
    assert finding.hit.confidence == 0.7


def test_typing_slip_says_when_the_file_vouches_for_the_repair():
    (finding,) = findings("SPL007", "وتتراوح الأسعار، وتتاروح المدة.\n")
    assert "and the file writes it elsewhere" in finding.message
    assert finding.hit.confidence == 0.9
    (glued,) = findings("SPL007", "لامصلحة من ذلك.\n")
    assert "or a space lost after لا" in glued.message


def test_typing_slip_lets_the_neighbours_choose_among_repairs():
    """"التوسية" is a swapped التسوية (3.8) and a التونسية (4.7) with a
    letter dropped; after "الجامعة" and before "لكرة" the word-pair table
    wants التونسية (corpus, JA-sport)."""
    (finding,) = findings("SPL007", "أكد رئيس الجامعة التوسية لكرة القدم أن المنتخب جاهز.\n")
    assert finding.message.endswith("write \"التونسية\"") and "one dropped letter away" in finding.message


def test_typing_slip_leaves_frequent_words_alone():
    assert findings("SPL007", "قال الوزير إن الحكومة قررت.\n") == []


@pytest.mark.parametrize("code", ["SPL006", "SPL007"])
def test_a_long_run_of_letters_is_not_searched(code):
    # each of n variants is n letters long: a 20k-letter "word" would take seconds
    start = time.perf_counter()
    findings(code, "ال" + "ب" * 20_000 + "ي " + "ا" * 20_000 + "\n")
    assert time.perf_counter() - start < 2
