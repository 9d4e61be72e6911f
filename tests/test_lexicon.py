"""The Arabic frequency lexicon: lookups in the committed table, confusion
variants, lazy loading, and the build script (without wordfreq)."""
from __future__ import annotations

import hashlib
import importlib.util
import json
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newslint import lexicon
from newslint.errors import UsageError
from newslint.lexicon import (ALIF_MAQSURA, DAD_ZAH, DAL_DHAL, DOUBLED_LETTER, DROPPED_LETTER, EXTRA_LETTER,
                              HAMZA, KINDS, MADDA, TA_MARBUTA, TRANSPOSITION, LexiconError, Suggestion)

ROOT = Path(__file__).resolve().parent.parent
LEXICON_DIR = ROOT / "rules" / "data" / "lexicon"


def _build_script():
    spec = importlib.util.spec_from_file_location("build_lexicon", ROOT / "bench" / "build_lexicon.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# ------------------------------------------------------------ lookups

@pytest.mark.parametrize("word, expected", [
    ("الأحداث", 5.0), ("الاحداث", 3.9), ("نظام", 5.5), ("نضام", 2.2), ("في", 7.55),
])
def test_known_words_have_their_wordfreq_zipf(word, expected):
    # wordfreq 3.1.1: الأحداث 5.01, الاحداث 3.89, نظام 5.51, نضام 2.18, في 7.54 (0.05 steps here)
    assert lexicon.zipf(word) == pytest.approx(expected)


@pytest.mark.parametrize("word", ["ظظظظظ", "hello", "2024", "", "الأحداثززز"])
def test_absent_words_have_zipf_zero(word):
    assert lexicon.zipf(word) == 0.0


@pytest.mark.parametrize("written", ["الْأَحْدَاثُ", "الأحـــداث", "\ufe8d\ufedf\ufe83\ufea3\ufeaa\ufe8d\ufe9b"])
def test_lookup_ignores_harakat_tatweel_and_presentation_forms(written):
    # wordfreq stored its forms without marks or tatweel, NFKC-folded
    assert lexicon.zipf(written) == lexicon.zipf("الأحداث") == 5.0


def test_a_decomposed_madda_is_composed_before_the_marks_go():
    # alif + combining madda (U+0653) is آ: wordfreq composes (NFKC) first
    assert lexicon.normalise("ا\u0653لان") == "آلان"
    assert lexicon.zipf("ال\u0627\u0653ن") == lexicon.zipf("الآن") == 5.95


# ------------------------------------------------------------ variants

KIND_CASES = [
    ("اعلان", "إعلان", HAMZA),          # initial seat
    ("والاحداث", "والأحداث", HAMZA),    # initial seat after و + ال
    ("مسئول", "مسؤول", HAMZA),          # inside
    ("مسوول", "مسؤول", HAMZA),          # bare carrier
    ("الان", "الآن", MADDA),
    ("الحكومه", "الحكومة", TA_MARBUTA),
    ("هذة", "هذه", TA_MARBUTA),
    ("علي", "على", ALIF_MAQSURA),
    ("نضام", "نظام", DAD_ZAH),
    ("كدلك", "كذلك", DAL_DHAL),
    ("الحككومة", "الحكومة", DOUBLED_LETTER),
    ("الحكوةم", "الحكومة", TRANSPOSITION),
    ("الحكومية", "الحكومة", EXTRA_LETTER),
    ("الجانبي", "الجانبين", DROPPED_LETTER),
]


@pytest.mark.parametrize("word, variant, kind", KIND_CASES)
def test_variants_produce_each_kind(word, variant, kind):
    assert (variant, kind) in list(lexicon.variants(word))


def test_the_cases_above_cover_every_kind():
    assert {kind for *_, kind in KIND_CASES} == set(KINDS)


def test_final_swaps_only_at_the_end():
    produced = dict(lexicon.variants("هذه"))
    assert produced.get("هذة") == TA_MARBUTA
    assert "ةذه" not in produced  # ه is not a ta marbuta at the start


def test_variants_of_chosen_kinds_only():
    produced = list(lexicon.variants("الاحداث", kinds=[HAMZA, TRANSPOSITION]))
    assert {kind for _, kind in produced} == {HAMZA, TRANSPOSITION}
    assert ("الأحداث", HAMZA) in produced


def test_variants_are_distinct_and_never_the_word_itself():
    word = "الأحداث"
    produced = [variant for variant, _ in lexicon.variants(word)]
    assert len(produced) == len(set(produced))
    assert word not in produced


def test_variants_of_a_vowelled_word_are_bare():
    assert ("إعلان", HAMZA) in list(lexicon.variants("اِعْلَان"))


def test_variant_count_is_linear_in_the_word_length():
    counts = [sum(1 for _ in lexicon.variants("وأسئلة" * n)) for n in (5, 10, 20)]
    assert counts[2] / counts[0] < 4.5  # 4x the letters, not 16x the variants


# ------------------------------------------------------------ best variant

def test_best_variant_finds_the_hamza_spelling():
    suggestion = lexicon.best_variant("الاحداث")
    assert suggestion.variant == "الأحداث" and suggestion.kind == HAMZA
    assert suggestion.ratio == pytest.approx(10 ** (5.0 - 3.9))


def test_best_variant_ignores_stray_letters_unless_asked():
    # dropping a letter reaches shorter, more frequent words (اعلان -> الان,
    # والتي -> التي), so extra_letter is opt-in
    assert lexicon.best_variant("اعلان") == (pytest.approx(("إعلان", 10 ** 0.6, HAMZA)))
    assert lexicon.best_variant("اعلان", kinds=KINDS).variant == "الان"


def test_best_variant_respects_min_ratio_and_kinds():
    assert lexicon.best_variant("الاحداث", min_ratio=1000) is None
    assert lexicon.best_variant("نضام", kinds=[HAMZA, TA_MARBUTA]) is None
    assert lexicon.best_variant("نضام", kinds=[DAD_ZAH]).variant == "نظام"


def test_best_variant_of_a_word_absent_from_the_list_has_infinite_ratio():
    suggestion = lexicon.best_variant("الحكوةم")
    assert suggestion == Suggestion("الحكومة", float("inf"), TRANSPOSITION)


def test_best_variant_is_none_for_the_most_frequent_spelling():
    assert lexicon.best_variant("الحكومة") is None


def test_lookups_are_fast():
    words = [variant for variant, _ in lexicon.variants("الحكومة")][:2000]
    start = time.perf_counter()
    for word in words * 10:
        lexicon.zipf(word)
    assert time.perf_counter() - start < 2.0  # ~20,000 lookups; ~0.05 s measured


# ------------------------------------------------------------ loading

_MAPPED = ("import sys; import newslint.lexicon as L\n"
           "def mapped(): return 'lexicon/ar.bin' in open('/proc/self/maps').read()\n"
           "list(L.variants('الاحداث'))\n"
           "before = mapped(); L.zipf('الأحداث'); print(before, mapped())\n")


@pytest.mark.skipif(not Path("/proc/self/maps").exists(), reason="needs /proc/self/maps")
def test_importing_the_module_does_not_open_the_table():
    out = subprocess.run([sys.executable, "-c", _MAPPED], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "True"]


def test_committed_table_matches_its_sidecar():
    sidecar = json.loads((LEXICON_DIR / "ar.json").read_text(encoding="utf-8"))
    data = (LEXICON_DIR / sidecar["table"]).read_bytes()
    assert hashlib.sha256(data).hexdigest() == sidecar["sha256"]
    assert len(lexicon.table()) == sidecar["forms"] > 500_000
    assert sidecar["source"]["name"] == "wordfreq" and sidecar["source"]["version"]


@pytest.mark.parametrize("content, message", [
    (b"", "cannot open"), (b"not a table at all", "bad header"), (lexicon.MAGIC + (5).to_bytes(8, "little"), "truncated"),
])
def test_a_broken_table_is_a_one_line_error(tmp_path, content, message):
    path = tmp_path / "ar.bin"
    path.write_bytes(content)
    with pytest.raises(LexiconError, match=message) as error:
        lexicon.open_table(path)
    assert "\n" not in str(error.value)
    assert isinstance(error.value, UsageError)  # the CLI prints it as one line, exit 2


# ------------------------------------------------------------ build script

FAKE_LIST = [("الأحداث", 5.01), ("الاحداث", 3.89), ("نظام", 5.51), ("news", 6.2), ("كتاب٣", 3.0),
             ("ٱلله", 2.5), ("نادر", 0.8), ("في", 7.54)]
SOURCE = {"name": "fake", "version": "0"}


def test_build_is_deterministic_whatever_the_input_order(tmp_path):
    build = _build_script()
    shuffled = FAKE_LIST[:]
    random.Random(1).shuffle(shuffled)
    first = build.write_lexicon(FAKE_LIST, tmp_path / "a", SOURCE)
    second = build.write_lexicon(shuffled, tmp_path / "b", SOURCE)
    assert first == second
    for name in ("ar.bin", "ar.json"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_built_table_keeps_arabic_forms_above_the_floor(tmp_path):
    sidecar = _build_script().write_lexicon(FAKE_LIST, tmp_path, SOURCE, floor=1.0)
    table = lexicon.open_table(tmp_path / "ar.bin")
    assert sidecar["forms"] == len(table) == 5  # not "news", "كتاب٣" (a digit), "نادر" (below the floor)
    assert [table.zipf(word) for word in ("الأحداث", "الاحداث", "ٱلله", "news", "نادر")] == [5.0, 3.9, 2.5, 0, 0]


def test_build_refuses_a_repeated_form():
    with pytest.raises(LexiconError, match="share the key"):
        lexicon.encode_table([("نظام", 5.5), ("نظام", 2.0)])


def test_a_missing_packaged_table_is_a_one_line_error(monkeypatch):
    # what an install without the lexicon package-data would do
    monkeypatch.setattr(lexicon, "_TABLE", None)
    monkeypatch.setattr(lexicon, "TABLE_RESOURCE", ("newslint.rules.data", "lexicon/missing.bin"))
    with pytest.raises(LexiconError, match="cannot open lexicon table .*missing.bin"):
        lexicon.zipf("نظام")


def test_frequent_forms_are_those_at_or_above_the_code():
    from newslint import lexicon

    table = lexicon.table()
    frequent = table.frequent(lexicon.zipf_code(5.0))
    assert frequent[lexicon.word_key("الحكومة")] == table.code("الحكومة")
    assert lexicon.word_key("الحكومه") not in frequent and all(code >= lexicon.zipf_code(5.0)
                                                             for code in frequent.values())


# ------------------------------------------------------------ the dropped-letter index

def test_dropped_letter_index_round_trip():
    from newslint import dropped_letters

    data = dropped_letters.encode(["الإفريقي", "مستشفى", "قال", "في"], lexicon.zipf_code(3.5))
    index = dropped_letters.DeletionIndex(data)
    assert index.restorations("الإفرقي") == ["الإفريقي"]
    assert index.restorations("مستفى") == ["مستشفى"]
    assert index.restorations("قل") == ["قال"]  # forms of three letters are indexed
    assert index.restorations("ف") == []  # forms under three letters are not
    assert index.restorations("كتاب") == []


def test_the_packaged_dropped_letter_index_restores_frequent_forms():
    from newslint import dropped_letters

    assert "بمستشفى" in dropped_letters.restorations("بمتشفى")
    assert all(lexicon.zipf(form) >= 3.5 for form in dropped_letters.restorations("الثائي"))


def test_a_damaged_dropped_letter_index_is_one_line_error():
    from newslint import dropped_letters

    data = dropped_letters.encode(["مستشفى"], 70)
    for bad in (b"", b"NOTANIDX" + data[8:], data[:-1]):
        with pytest.raises(lexicon.LexiconError, match="not a newslint deletion index"):
            dropped_letters.DeletionIndex(bad)
