"""SPL008's evidence: the word-pair table (newslint.word_context), the slip
variants it weighs (rules/spelling/_slips.py) and their build-time verdicts."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from newslint import lexicon, word_context
from newslint.rules.spelling import _orthography, _slips, _verdicts

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "tests" / "fixtures" / "seeds"
DEFAULTS = (_orthography.min_code(4.0), 20, 80)  # SPL008's min-variant-zipf, min-zipf-gap, max-word-zipf as codes


def test_a_gap_breaks_the_pairs():
    assert [word for _, _, word in word_context.tokens("قال: إن 12 وزارةً")] == ["قال", None, "إن", None, "وزارة"]


def test_the_table_counts_words_and_pairs_of_news_text():
    counts = word_context.counts()
    assert counts.pair("شهر", "رمضان") > 20
    assert counts.pair("شهر", "مضان") == 0
    assert counts.word("وزارة") > counts.pair("وزارة", "الداخلية") > 0


def test_the_neighbours_prefer_the_word_they_were_seen_with():
    assert word_context.log_odds("شهر", "مضان", "رمضان", "نشرت") > 14
    assert word_context.log_odds("وأكدت", "وزراة", "وزارة", "الداخلية") > 14
    assert word_context.log_odds(None, "مضان", "رمضان", None) == 0


def test_a_pair_the_table_never_saw_weighs_little():
    # two rare neighbours never seen with either form: the evidence is the
    # language-wide frequencies alone, far under the rule's threshold
    assert abs(word_context.log_odds("قربص", "الهئية", "الهيئة", "سقانص")) < 10


@pytest.mark.parametrize("word, variant", [("مضان", "رمضان"), ("وزراة", "وزارة"), ("المؤسسسات", "المؤسسات")])
def test_slip_variants_undo_one_slip(word, variant):
    assert variant in [found for found, _ in _slips.slip_variants(word, *DEFAULTS)]


@pytest.mark.parametrize("word, not_a_variant", [
    ("التي", "والتي"),      # a conjunction put back: the sentence reads on without it
    ("زالا", "زالوا"),      # a dual verb for a plural one: agreement, not a slip
])
def test_grammar_is_not_a_slip(word, not_a_variant):
    assert not_a_variant not in [found for found, _ in _slips.slip_variants(word, 0, 0, 255)]


def test_a_common_form_is_not_judged():
    assert lexicon.zipf("الأميركي") > 4.0
    assert _slips.slip_variants("الأميركي", *DEFAULTS) == ()


def test_the_packaged_slip_verdicts_are_current():
    verdicts = _verdicts.read(_verdicts.SLIP_RESOURCE, _verdicts.slip_fingerprint)
    assert verdicts is not None, ("rules/data/lexicon/ar-slip-verdicts.bin is missing or stale: "
                                  "pip install -e '.[lexicon]' && python bench/build_spelling_verdicts.py")
    assert verdicts.min_code == _slips.VERDICT_VARIANT_CODE
    assert 1000 < len(verdicts.lead_keys) < 200_000


def test_a_word_the_verdicts_pass_over_has_no_slip_variant():
    words = set()
    for path in SEEDS.rglob("*.txt"):
        words |= {lexicon.normalise(w) for w in _orthography._WORD.findall(path.read_text(encoding="utf-8",
                                                                                           errors="replace"))}
    words |= {"مضان", "وزراة", "المؤسسسات", "الهئية"}
    stored = _slips.slip_keys(*DEFAULTS)
    assert stored is not None
    passed_over = [w for w in words if lexicon.word_key(w) not in stored]
    assert len(passed_over) > 0.5 * len(words)
    assert [w for w in passed_over if _slips.slip_variants(w, *DEFAULTS)] == []


def test_looser_options_than_the_verdicts_hold_for_judge_every_word():
    assert _slips.slip_keys(_slips.VERDICT_VARIANT_CODE - 1, 20, 80) is None
    assert _slips.slip_keys(80, 20, _slips.VERDICT_MAX_WORD_CODE + 1) is None


def _build_module():
    spec = importlib.util.spec_from_file_location("build_context_table", ROOT / "bench" / "build_context_table.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_build_keeps_what_it_saw_twice(tmp_path):
    build = _build_module()
    texts = ["قال الوزير إن الحكومة قررت.\nقال الوزير كلمة.", "قال الوزير، إن"]
    data, stats = build.build(texts, min_count=2)
    counts = word_context.Counts(lexicon.Table(data))
    assert counts.pair("قال", "الوزير") == pytest.approx(3, rel=0.05)
    assert counts.word("إن") == pytest.approx(2, rel=0.05)
    assert counts.pair("الوزير", "إن") == 0  # seen once ("الوزير، إن" has a comma between)
    assert counts.word("كلمة") == 0
    assert stats["pairs"] == 1 and stats["min_count"] == 2
    assert build.build(reversed(texts), min_count=2)[0] == data  # the same corpus, the same bytes
