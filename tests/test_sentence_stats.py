"""The sentence-end statistics: the table builder (bench/build_sentence_stats.py)
and its loader and scores (newslint.sentence_stats)."""
from __future__ import annotations

import gzip
import io
import json
import math
import subprocess
import sys
import tarfile
from contextlib import redirect_stderr
from pathlib import Path

import pytest

from newslint import sentence_stats
from newslint.sentence_stats import SentenceStatsError, decode_table, load, normalise

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

import build_sentence_stats as build  # noqa: E402
from heldout.articles import Article, half_of  # noqa: E402

ARTICLE_A = ["ذهب الوزير إلى تونس. وقال إن الوضع في الجهة جيد", "وأضاف أن الزيارة مهمة."]
ARTICLE_B = ["وصل الوفد إلى المدينة. وقال المسؤول إن الوفد سيزور الجهة.", "وأضاف أن البرنامج طويل."]
CORPUS = {"name": "fake"}
LAYOUT = "عنوان\n\n{}\n\nالمصدر: Jawhara FM\n"  # the corpus's article layout


def test_counting_takes_only_explicit_punctuation_as_evidence():
    counts = build.count_articles([ARTICLE_A])
    assert counts.ends["تونس"] == 1 and counts.starts["وقال"] == 1
    assert counts.not_ends["الى"] == 1 and counts.not_starts["الى"] == 1  # hamza seat folded
    # the first paragraph stops without punctuation: its last word is neither
    # an end nor a non-end, and the next paragraph's first word is no start
    assert counts.ends["جيد"] == counts.not_ends["جيد"] == 0
    assert counts.starts["واضاف"] == counts.not_starts["واضاف"] == 0
    assert counts.ends["مهمه"] == 0 and counts.ends["مهمة"] == 1  # ta marbuta is not folded


def test_a_paragraph_after_a_finished_one_starts_a_sentence():
    counts = build.count_articles([ARTICLE_B])
    assert counts.starts["واضاف"] == 1


def test_abbreviation_dots_do_not_end_sentences_but_glued_sentences_do():
    words = build.words_of("قالت شبكة سي.إن.إن اليوم إن تونس.وأوضح الموقع www.example.tn غدا.")
    ends = {w.form for w in words if w.ends}
    assert ends == {"تونس", "غدا"}


def test_normalise_keeps_a_final_tatweel_as_the_mark_of_a_detached_proclitic():
    assert normalise("بـ") == normalise("بــ") == normalise("بـِ") == "بـ"
    assert normalise("ب") == "ب"
    assert normalise("جمـيل") == "جميل"
    assert normalise("إلى") == normalise("أَلى") == "الى"
    assert normalise("على") != normalise("علي")  # alif maqsura kept: a preposition is not a name
    assert normalise("2017") == normalise("1998") == "0000"


def test_the_table_writer_is_deterministic_and_ignores_article_order():
    first = build.build_table([ARTICLE_A, ARTICLE_B], 1, CORPUS)
    again = build.build_table([ARTICLE_A, ARTICLE_B], 1, CORPUS)
    reordered = build.build_table([ARTICLE_B, ARTICLE_A], 1, CORPUS)
    assert first == again == reordered
    table = decode_table(first, "fake")
    assert table.header["articles"] == 2 and table.header["corpus"] == CORPUS
    assert table.lookup("إلى").not_ends == 2
    assert table.end_logodds("إلى") < 0 < table.end_logodds("تونس")


def test_min_count_drops_rare_forms():
    table = decode_table(build.build_table([ARTICLE_A, ARTICLE_B], 2, CORPUS), "fake")
    assert table.lookup("الى") is not None and table.lookup("تونس") is None
    assert table.end_logodds("تونس") == 0.0  # unknown: no evidence either way


def test_smoothed_logodds_is_zero_at_the_base_rate_and_shrinks_rare_forms():
    assert build.smoothed_logodds(1, 99, 0.01) == pytest.approx(0.0)
    assert build.smoothed_logodds(0, 5, 0.03) > build.smoothed_logodds(0, 5000, 0.03)
    assert build.quantise(20.0) == build.LIMIT and build.quantise(-0.04) == 0


def _tarball(path: Path, articles: dict[str, str]) -> Path:
    with tarfile.open(path, "w:gz") as tar:
        for name, text in articles.items():
            data = text.encode("utf-8")
            info = tarfile.TarInfo(f"jawhara/culture/{name}")
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return path


def _named(half: str) -> str:
    return next(f"JA-{i}.txt" for i in range(1000) if half_of(f"JA-{i}.txt") == half)


def test_the_build_reads_only_the_tune_half(tmp_path):
    tarball = _tarball(tmp_path / "c.tar.gz", {
        _named("tune"): LAYOUT.format("زار الوزير الجهة. وقال إن الوضع جيد."),
        _named("report"): LAYOUT.format("كلمة سرية لا تظهر."),
    })
    out = tmp_path / "t.tsv.gz"
    assert build.main(["--tarball", str(tarball), "--out", str(out), "--min-count", "1"]) == 0
    table = load(str(out))
    assert table.header["half"] == "tune" and table.header["articles"] == 1
    assert table.lookup("الوزير") is not None and table.lookup("سرية") is None


def test_the_diagnostic_refuses_a_report_half_without_cuts_in_one_line(tmp_path, capsys):
    tarball = _tarball(tmp_path / "c.tar.gz", {_named("tune"): LAYOUT.format("زار الوزير الجهة. وقال إن الوضع جيد."),
                                               _named("report"): LAYOUT.format("قصير.")})
    out = tmp_path / "t.tsv.gz"
    code = build.main(["--tarball", str(tarball), "--out", str(out), "--min-count", "1", "--diagnose"])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "too little text to diagnose" in err


def test_the_build_refuses_a_missing_tarball_in_one_line(tmp_path):
    err = io.StringIO()
    with redirect_stderr(err):
        code = build.main(["--tarball", str(tmp_path / "none.tar.gz"), "--out", str(tmp_path / "t.tsv.gz")])
    assert code == 2
    assert err.getvalue().count("\n") == 1 and "none.tar.gz" in err.getvalue()


def _table(rows: list[str], header: dict | None = None) -> bytes:
    header = header or {"format": sentence_stats.FORMAT, "scale": 10}
    return gzip.compress(("\n".join([json.dumps(header)] + rows) + "\n").encode("utf-8"))


@pytest.mark.parametrize("data, says", [
    (b"not gzip", "not gzip"),
    (gzip.compress(b"{}\n"), "line 1"),
    (_table(["في\t-50\t-20\t0\t900"]), "line 2"),
    (_table(["في\t-50\tx\t0\t900\t1\t1"]), "line 2"),
])
def test_a_broken_table_is_a_one_line_error_naming_file_and_place(tmp_path, data, says):
    path = tmp_path / "broken.tsv.gz"
    path.write_bytes(data)
    with pytest.raises(SentenceStatsError) as info:
        load(str(path))
    message = str(info.value)
    assert "\n" not in message and "broken.tsv.gz" in message and says in message


def test_a_missing_table_is_a_one_line_error(tmp_path):
    with pytest.raises(SentenceStatsError, match="cannot read sentence statistics table .*none"):
        load(str(tmp_path / "none"))


TINY = decode_table(_table(["في\t-50\t-20\t0\t900\t5\t895", "الماضي\t18\t-22\t60\t270\t0\t330",
                            "واضاف\t-34\t63\t0\t858\t835\t20"]), "tiny")


def test_looks_cut_combines_end_and_start_as_documented():
    e, s = -5.0, 6.3
    score, evidence = TINY.looks_cut("في", "وأضاف")
    assert score == pytest.approx(-math.log(math.exp(e) + math.exp(-s)))
    assert '"في"' in evidence and '"وأضاف"' in evidence
    assert "ended a sentence 0 times, stood inside one 900 times" in evidence
    assert TINY.looks_cut("في")[0] == pytest.approx(5.0)  # article ends: a cut unless the word ends sentences
    # a word that ends sentences, then one that starts them: not a cut
    assert TINY.looks_cut("الماضي", "وأضاف")[0] < 0
    # the sentence goes on in the next paragraph: "في" then a word that never starts one
    assert TINY.looks_cut("في", "الماضي")[0] < TINY.looks_cut("في", "وأضاف")[0]
    assert "not in the table" in TINY.looks_cut("كلمة", "أخرى")[1]


def test_the_shipped_table_is_read_on_first_use_not_at_import():
    code = ("import newslint.sentence_stats as s; assert s._DEFAULT is None; "
            "s.end_logodds('في'); assert s._DEFAULT is not None")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_the_shipped_table_is_read_once(monkeypatch):
    calls = []
    monkeypatch.setattr(sentence_stats, "_DEFAULT", None)
    monkeypatch.setattr(sentence_stats, "load", lambda: calls.append(1) or TINY)
    assert sentence_stats.end_logodds("في") == sentence_stats.end_logodds("في") == -5.0
    assert calls == [1]


@pytest.mark.parametrize("word", ["في", "من", "إلى", "على", "عن", "و", "التي", "بـ"])
def test_the_shipped_table_scores_function_words_as_non_final(word):
    assert sentence_stats.end_logodds(word) < -2


def test_the_shipped_table_knows_sentence_final_and_initial_words():
    assert sentence_stats.end_logodds("الماضي") > 1 and sentence_stats.end_logodds("2017") > 1
    assert sentence_stats.start_logodds("وأضاف") > 3 and sentence_stats.start_logodds("إلى") < -2
    assert sentence_stats.end_logodds("إلى") == sentence_stats.end_logodds("الى")
    header = sentence_stats.default().header
    assert header["half"] == "tune" and header["corpus"]["licence"] == "Apache-2.0"


def test_auc_counts_ties_half():
    assert build.auc([2, 3], [1, 0]) == 1.0
    assert build.auc([1], [1]) == 0.5


def test_the_diagnostic_runs_on_a_small_half():
    body = "زار الوزير الجهة اليوم وقال إن الوضع جيد جدا في كل المناطق.\nوأضاف أن الزيارة مهمة جدا للجميع هنا."
    articles = [Article(f"a{i}.txt", LAYOUT.format(body)) for i in range(3)]
    lines = build.diagnose(TINY, articles, seed=1, n=3)
    assert any(line.strip().startswith("AUC (real end") for line in lines)
