"""Unit tests of the held-out harness (bench/heldout/): the split, every
defect class, the pseudo-site furniture, the controls and the scoring.

Nothing here reads the corpus or runs newslint over it (bench/heldout.py
does that); the article below is written in the corpus's layout.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path
from random import Random

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from heldout import cli  # noqa: E402
from heldout.articles import Article, half_of, site_of  # noqa: E402
from heldout import build as build_module  # noqa: E402
from heldout.build import FILES, OFF_TOPIC, build, write  # noqa: E402
from heldout.defects import ARABIC_INDIC, INJECTORS, INVISIBLE, SPELLING, WESTERN, mid_sentence_cuts  # noqa: E402
from heldout.edits import Defect, insert_lines, restore  # noqa: E402
from heldout.furniture import Site, furnish  # noqa: E402
from heldout.scoring import DETECTED_BY, controls_summary, recall, wilson  # noqa: E402

TITLE = "وزير الفلاحة يفتتح معرض التمور في توزر"
P1 = ("افتتح وزير الفلاحة صباح الأربعاء 15 نوفمبر 2017 الدورة الجديدة لمعرض التمور بمدينة توزر بحضور آلاف "
      "الزوار من مختلف الجهات. وأكد الوزير في كلمة ألقاها بالمناسبة أن الحكومة تولي أهمية كبرى لقطاع النخيل "
      "الذي يشغل أكثر من 50 ألف عائلة في الجنوب.")
P2 = ("وأضاف أن الوزارة ستضع برنامجا خاصا لدعم صغار الفلاحين إلى جانب تحسين مسالك التوزيع والتصدير نحو "
      "الأسواق الخارجية. كما دعا المنظمين إلى الحفاظ على هذا الموعد السنوي الذي أصبح تقليدا راسخا في المنطقة "
      "منذ سنوات عديدة، مشيرا إلى أن الإنتاج بلغ هذا الموسم نحو 300 ألف طن.")
SOURCE = "المصدر: Jawhara FM"
TEXT = f"{TITLE}\n\n{P1}\n{P2}\n\n{SOURCE}\n"
SEEDS = range(25)


def article(text=TEXT, name="JA-test-1.txt"):
    return Article(name, text)


def inject(cls, seed=0, art=None):
    result = INJECTORS[cls](art or article(), Random(seed))
    assert result is not None, f"{cls} found nothing to corrupt"
    return result


def region(copy: str, d: Defect) -> str:
    """The text of the copy at the recorded position, found from the lines
    (independently of edits.offset_of)."""
    lines = copy.split("\n")
    if d.line == d.end_line:
        return lines[d.line - 1][d.column - 1:d.end_column - 1]
    middle = lines[d.line:d.end_line - 1]
    return "\n".join([lines[d.line - 1][d.column - 1:], *middle, lines[d.end_line - 1][:d.end_column - 1]])


# ------------------------------------------------------------- the split

def test_split_is_a_function_of_the_file_name_only():
    names = [f"JA-localNews-{i}-20170101.txt" for i in range(400)]
    halves = [half_of(n) for n in names]
    assert halves == [half_of(n) for n in names]
    assert set(halves) == {"tune", "report"}
    assert 150 < halves.count("report") < 250  # about half and half


def test_pseudo_sites_cut_across_both_halves():
    names = [f"JA-sport-{i}-20170101.txt" for i in range(400)]
    sites = {n: site_of(n, 8) for n in names}
    assert set(sites.values()) == set(range(1, 9))
    for k in range(1, 9):
        assert {half_of(n) for n in names if sites[n] == k} == {"tune", "report"}


# ------------------------------------------------------------- the records

@pytest.mark.parametrize("cls", sorted(INJECTORS))
def test_every_class_records_exactly_where_its_defect_is(cls):
    for seed in SEEDS:
        copy, defects = inject(cls, seed)
        assert copy != TEXT
        assert len(defects) == 1 and defects[0].cls == cls
        (d,) = defects
        assert region(copy, d) == d.new
        assert restore(copy, defects) == TEXT


def test_undone_is_the_region_in_the_original():
    for cls in sorted(INJECTORS):
        copy, (d,) = inject(cls, 3)
        assert region(TEXT, d.undone()) == d.original, cls


def test_restore_refuses_a_record_that_does_not_match():
    copy, (d,) = inject("nbsp")
    with pytest.raises(ValueError):
        restore(copy.replace("\u00a0", " "), [d])


def test_insert_lines_only_at_a_line_start():
    with pytest.raises(ValueError):
        insert_lines(TEXT, 3, ["x"], "stray-id")


# ------------------------------------------------------------- the spelling classes

def body_word_at(d: Defect) -> str:
    """The original word under the record, checked to be a whole body word."""
    line = TEXT.split("\n")[d.line - 1]
    assert line in (P1, P2)
    before, after = line[:d.column - 1], line[d.column - 1 + len(d.original):]
    assert before == "" or not re.match(r"[\w\u064b-\u0652]", before[-1])
    assert after == "" or not re.match(r"[\w\u064b-\u0652]", after[0])
    return d.original


@pytest.mark.parametrize("cls", sorted(SPELLING))
def test_spelling_classes_corrupt_one_body_word_not_of_the_headline(cls):
    headline = set(TITLE.split())
    for seed in SEEDS:
        _, (d,) = inject(cls, seed)
        word = body_word_at(d)
        assert len(word) >= 3 and word not in headline
        assert re.fullmatch("[\u0621-\u063a\u0641-\u064a]+", word)


def differing(a: str, b: str) -> list[int]:
    return [i for i in range(len(a)) if a[i] != b[i]]


@pytest.mark.parametrize("cls, pairs", [
    ("spelling-dad-zah", {("ض", "ظ"), ("ظ", "ض")}),
    ("spelling-dal-dhal", {("د", "ذ"), ("ذ", "د")}),
    ("spelling-madda", {("آ", "ا")}),
])
def test_letter_swaps_change_one_letter_into_its_pair(cls, pairs):
    for seed in SEEDS:
        _, (d,) = inject(cls, seed)
        (i,) = differing(d.original, d.new)
        assert (d.original[i], d.new[i]) in pairs


def test_hamza_seat_written_bare_or_dropped():
    bare = {"أ": "ا", "إ": "ا", "آ": "ا", "ؤ": "و", "ئ": "ي"}
    for seed in SEEDS:
        _, (d,) = inject("spelling-hamza", seed)
        if len(d.new) == len(d.original):
            (i,) = differing(d.original, d.new)
            assert bare[d.original[i]] == d.new[i]
        else:
            assert d.original.replace("ء", "", 1) == d.new


def test_hamza_on_the_line_is_dropped():
    text = TEXT.replace("صغار", "أبناء")
    art = article(text)
    drops = [d for seed in range(200) for d in inject("spelling-hamza", seed, art)[1] if d.original == "أبناء"]
    assert "أبنا" in {d.new for d in drops}


def test_final_letters():
    for seed in SEEDS:
        _, (d,) = inject("spelling-ta-marbuta", seed)
        assert d.original.endswith("ة") and d.new == d.original[:-1] + "ه"
        _, (d,) = inject("spelling-alif-maqsura", seed)
        assert d.original[:-1] == d.new[:-1] and {d.original[-1], d.new[-1]} == {"ى", "ي"}


def test_transposition_dropped_and_doubled_letter():
    for seed in SEEDS:
        _, (d,) = inject("spelling-transposition", seed)
        i, j = differing(d.original, d.new)
        assert j == i + 1 and d.new[i:j + 1] == d.original[i:j + 1][::-1]
        _, (d,) = inject("spelling-dropped-letter", seed)
        assert len(d.new) == len(d.original) - 1
        assert any(d.original[:k] + d.original[k + 1:] == d.new for k in range(len(d.original)))
        _, (d,) = inject("spelling-doubled-letter", seed)
        assert any(d.original[:k + 1] + d.original[k:] == d.new for k in range(len(d.original)))


def test_a_class_with_nothing_to_corrupt_skips_the_article():
    no_madda = article(TEXT.replace("آلاف", "ملايين"))
    assert INJECTORS["spelling-madda"](no_madda, Random(0)) is None
    no_source = article(TEXT.replace(f"\n{SOURCE}\n", ""))
    assert INJECTORS["source-missing"](no_source, Random(0)) is None
    assert INJECTORS["source-doubled"](no_source, Random(0)) is None


def test_words_come_from_a_random_paragraph():
    lines = {inject("spelling-doubled-letter", seed)[1][0].line for seed in SEEDS}
    assert lines == {3, 4}


# ------------------------------------------------------------- words and numbers

def test_doubled_word():
    for seed in SEEDS:
        _, (d,) = inject("doubled-word", seed)
        assert d.new == f"{body_word_at(d)} {d.original}"


def test_numeral_glued_uses_the_articles_number():
    for seed in SEEDS:
        _, (d,) = inject("numeral-glued", seed)
        assert re.fullmatch(r"\d+ [^\d\s]+", d.original) and d.new == d.original.replace(" ", "")


def test_numeral_glued_without_a_number_glues_a_random_one():
    no_number_before_word = re.sub(r"(\d+) ", r"\1، ", TEXT)
    for seed in SEEDS:
        _, (d,) = inject("numeral-glued", seed, article(no_number_before_word))
        assert re.fullmatch(r"\d+[\u0621-\u064a]{3,}", d.new) and d.new.endswith(d.original)


def test_mixed_numerals_writes_one_number_in_the_other_system():
    for seed in SEEDS:
        _, (d,) = inject("mixed-numerals", seed)
        assert d.original in {"15", "2017", "50", "300"}
        assert d.new == d.original.translate(str.maketrans(WESTERN, ARABIC_INDIC))


def test_mixed_numerals_needs_three_numbers():
    two = article(TEXT.replace("50", "خمسين").replace("300", "ثلاثمائة"))
    assert INJECTORS["mixed-numerals"](two, Random(0)) is None


# ------------------------------------------------------------- lines

def test_stray_id_is_a_line_of_5_to_9_digits_between_paragraphs():
    for seed in SEEDS:
        copy, (d,) = inject("stray-id", seed)
        assert re.fullmatch(r"\d{5,9}\n", d.new) and d.column == 1 and (d.end_line, d.end_column) == (d.line + 1, 1)
        lines = copy.split("\n")
        assert lines[d.line - 2] in (P1, P2)  # after a paragraph
        assert lines[d.line] in (P2, "")      # before the next one, or the blank before the source


def test_cuts_fall_mid_sentence():
    paragraph = article().paragraphs[0]
    cuts = mid_sentence_cuts(paragraph)
    assert cuts
    for cut in cuts:
        before, after = TEXT[paragraph.start:cut], TEXT[cut:paragraph.end]
        assert not before.endswith((".", "،", "!", "؟"))
        sentence_rest = re.split(r"[.!؟]", after)[0].split()
        assert len(sentence_rest) >= 2
        sentence_start = re.split(r"[.!؟]", before)[-1].split()
        assert len(sentence_start) >= 3


def test_truncation_mid_keeps_the_rest_of_the_article():
    for seed in SEEDS:
        copy, (d,) = inject("truncation-mid", seed)
        lines = copy.split("\n")
        assert d.line == 3 and P1.startswith(lines[2]) and len(lines[2]) < len(P1)
        assert d.original == P1[len(lines[2]):] and lines[3] == P2 and lines[-2] == SOURCE


def test_truncation_end_leaves_nothing_after_the_cut():
    for seed in SEEDS:
        copy, (d,) = inject("truncation-end", seed)
        assert d.line == 4 and copy.endswith("\n") and SOURCE not in copy
        assert P2.startswith(copy.split("\n")[3]) and copy.split("\n")[4:] == [""]


def test_stub_has_the_headline_and_under_15_words():
    variants = set()
    for seed in SEEDS:
        copy, (d,) = inject("stub", seed)
        lines = [line for line in copy.split("\n") if line.strip()]
        assert lines[0] == TITLE and lines[-1] == SOURCE
        body = lines[1:-1]
        assert sum(len(line.split()) for line in body) < 15
        variants.add(len(body))
    assert variants == {0, 1}


def test_source_missing_and_doubled():
    copy, _ = inject("source-missing")
    assert copy == f"{TITLE}\n\n{P1}\n{P2}\n"
    copy, (d,) = inject("source-doubled")
    assert copy.split("\n").count(SOURCE) == 2 and d.new == SOURCE + "\n"


# ------------------------------------------------------------- hygiene

def test_invisible_char_lands_inside_a_word():
    for seed in SEEDS:
        copy, (d,) = inject("invisible-char", seed)
        assert d.new in INVISIBLE and d.original == ""
        line = copy.split("\n")[d.line - 1]
        assert line[d.column - 2].isalpha() and line[d.column].isalpha()


def test_nbsp_replaces_one_space_between_words():
    for seed in SEEDS:
        copy, (d,) = inject("nbsp", seed)
        assert (d.original, d.new) == (" ", "\u00a0") and copy.replace("\u00a0", " ") == TEXT


# ------------------------------------------------------------- furniture

@pytest.mark.parametrize("place, paragraph, first_line", [("start", 0, 1), ("end", 0, 7), ("after-paragraph", 1, 4),
                                                          ("after-paragraph", 5, 5)])
def test_furniture_goes_where_the_site_puts_it(place, paragraph, first_line):
    site = Site(1, ("تابعونا على ## صفحة", "نشر يوم #/#"), place, paragraph)
    placed = 0
    for seed in range(40):
        copy, defects = furnish(article(), site, Random(seed))
        if not defects:
            assert copy == TEXT
            continue
        placed += 1
        assert [d.line for d in defects] == [first_line, first_line + 1]
        assert all(d.cls == "furniture" and "#" not in d.new for d in defects)
        assert re.fullmatch(r"تابعونا على \d\d صفحة\n", defects[0].new)
        assert restore(copy, defects) == TEXT
    assert 30 <= placed < 40  # about 90 % of the files


# ------------------------------------------------------------- the whole set

def corpus(n=120):
    """n distinct articles in the corpus layout."""
    return [article(TEXT.replace("توزر", f"توزر {i}"), f"JA-test-{i}-20170101.txt") for i in range(n)]


def test_build_is_deterministic_and_uses_each_article_once():
    a = build(corpus(), "report", seed=1, per_class=1, controls=3, sites=2, per_site=2)
    b = build(corpus(), "report", seed=1, per_class=1, controls=3, sites=2, per_site=2)
    assert a.files == b.files and a.defects == b.defects
    names = [p.rsplit("/", 1)[1] for p in a.files]
    # sites, classes, controls, dateline sites, off-topic paragraphs
    assert len(names) == len(set(names)) == 2 * 2 + len(INJECTORS) + 3 + 2 * 2 + 1
    off_topic = [d for d in a.defects if d.cls == OFF_TOPIC]
    assert len(off_topic) == 1 and off_topic[0].original == "" and off_topic[0].note.startswith("from JA-test-")
    assert off_topic[0].note != "from " + off_topic[0].path.rsplit("/", 1)[1]  # another article's paragraph
    datelines = [d for d in a.defects if d.cls == "dateline"]
    assert datelines and all(d.path.startswith("dateline-") and d.original == "" and d.new.endswith(": ")
                             for d in datelines)
    assert all(half_of(n) == "report" for n in names)
    c = build(corpus(), "report", seed=2, per_class=1, controls=3, sites=2, per_site=2)
    assert c.defects != a.defects


def test_an_off_topic_paragraph_follows_the_last_one_and_moves_nothing_else(monkeypatch):
    articles = corpus()
    a = build(articles, "report", seed=1, per_class=2, controls=3, sites=2, per_site=2)
    assert sum(d.cls == OFF_TOPIC for d in a.defects) == 2
    for d in (d for d in a.defects if d.cls == OFF_TOPIC):
        name = d.path.rsplit("/", 1)[1]
        original = next(x for x in articles if x.name == name)
        assert d.line == original.paragraphs[-1].index + 2  # 1-based: the line after the last paragraph
        assert d.new.rstrip("\n") not in original.text  # another article's text
        lines = a.files[d.path].split("\n")
        assert lines[d.line - 2] == original.paragraphs[-1].text and lines[d.line - 1] == d.new.rstrip("\n")
    monkeypatch.setattr(build_module, "add_off_topic", lambda *args: None)
    without = build(articles, "report", seed=1, per_class=2, controls=3, sites=2, per_site=2)
    assert {p: t for p, t in a.files.items() if OFF_TOPIC not in p} == without.files
    assert [d for d in a.defects if d.cls != OFF_TOPIC] == without.defects


def test_control_copies_are_byte_identical(tmp_path):
    articles = {a.name: a.text for a in corpus()}
    heldout = build(corpus(), "tune", seed=1, per_class=0, controls=5, sites=1, per_site=0)
    assert len(heldout.controls) == 5
    write(heldout, tmp_path)
    for path in heldout.controls:
        assert (tmp_path / FILES / path).read_bytes() == articles[path.rsplit("/", 1)[1]].encode("utf-8")
    assert (tmp_path / "truth.json").is_file()


# ------------------------------------------------------------- scoring

def finding(code, category, line, column, end_line, end_column, path="defects/x/a.txt"):
    return {"code": code, "category": category, "line": line, "column": column, "end_line": end_line,
            "end_column": end_column, "path": path}


def defect(cls, line=3, column=10, end_line=3, end_column=15, original="كلمة", new="كلمه"):
    return Defect(cls, "defects/x/a.txt", line, column, end_line, end_column, original, new)


def found(d, findings, original_findings=()):
    (row,) = recall([d], list(findings), list(original_findings))
    return row["found"]


def test_span_classes_need_an_overlapping_finding_of_their_category():
    d = defect("spelling-ta-marbuta")
    assert found(d, [finding("SPL004", "spelling", 3, 12, 3, 13)]) == 1
    assert found(d, [finding("SPL004", "spelling", 3, 15, 3, 20)]) == 0  # starts where the word ends
    assert found(d, [finding("NUM002", "numerals", 3, 10, 3, 15)]) == 0  # wrong category
    assert found(d, [finding("SPL004", "spelling", 4, 10, 4, 15)]) == 0  # another line


def test_line_and_file_classes():
    stray = defect("stray-id", 5, 1, 6, 1, "", "123456\n")
    assert found(stray, [finding("SID001", "stray-id", 5, 1, 5, 7)]) == 1
    assert found(stray, [finding("SID001", "stray-id", 6, 1, 6, 7)]) == 0
    missing = defect("source-missing", 4, 20, 4, 20, "\n\nالمصدر: x", "")
    assert found(missing, [finding("SRC001", "source", 1, 1, 1, 2)]) == 1
    assert found(missing, [finding("SRC004", "source", 1, 1, 1, 2)]) == 0  # only SRC001 counts


def test_a_finding_the_original_already_had_does_not_count():
    d = defect("spelling-ta-marbuta")
    hit = finding("SPL002", "spelling", 3, 10, 3, 15)
    row = recall([d], [hit], [finding("SPL002", "spelling", 3, 10, 3, 15)])[0]
    assert (row["found"], row["already_there"]) == (0, 1)
    assert found(d, [hit], [finding("SPL002", "spelling", 9, 1, 9, 5)]) == 1  # elsewhere in the original


def test_recall_interval():
    low, high = wilson(30, 60)
    assert low < 0.5 < high and 0.1 < high - low < 0.3
    assert wilson(0, 60)[0] == pytest.approx(0.0, abs=1e-12) and wilson(60, 60)[1] == pytest.approx(1.0)


def test_every_class_has_a_detection_rule():
    assert set(DETECTED_BY) == set(INJECTORS) | {"furniture", "dateline", OFF_TOPIC}


def test_controls_count_mission_findings_only():
    paths = ["controls/a.txt", "controls/b.txt"]
    findings = [finding("TRN001", "truncation", 3, 1, 3, 5, paths[0]),
                finding("WSP001", "whitespace", 3, 1, 3, 2, paths[1]),
                finding("DUP001", "duplicate", 1, 1, 1, 2, paths[1]),
                finding("SPL002", "spelling", 3, 1, 3, 2, "x.txt")]  # not a control
    summary = controls_summary(paths, findings)
    assert (summary["mission_findings"], summary["files_with_any"]) == (1, 1)
    assert summary["top_codes"] == [{"code": "TRN001", "findings": 1, "files": 1}]


# ------------------------------------------------------------- bad input

def test_missing_corpus_is_one_line_and_exit_2(tmp_path, capsys):
    assert cli.main(["--tarball", str(tmp_path / "none.tar.gz")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "corpus not found" in err


def test_keep_refuses_a_folder_with_files(tmp_path, capsys):
    (tmp_path / "old.txt").write_text("x")
    tarball = tmp_path / "c.tar.gz"
    tarball.write_bytes(b"")
    assert cli.main(["--tarball", str(tarball), "--keep", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not an empty folder" in err


@pytest.mark.parametrize("args", [["--per-class", "-1"], ["--sites", "0"], ["--controls", "many"]])
def test_bad_sizes_are_refused(args, capsys):
    with pytest.raises(SystemExit) as exit_:
        cli.parse_args(args)
    assert exit_.value.code == 2 and "error: argument" in capsys.readouterr().err


def test_a_profile_is_copied_to_the_top_of_each_linted_folder_and_named(tmp_path):
    profile = tmp_path / "p.json"
    profile.write_text('{"version": 1}', encoding="utf-8")
    folders = [tmp_path / "files", tmp_path / "originals"]
    for folder in folders:
        folder.mkdir()
    assert cli.place_profile(str(profile), folders) == [f"--profile={cli.PROFILE_COPY}"]
    assert all((f / cli.PROFILE_COPY).read_text(encoding="utf-8") == '{"version": 1}' for f in folders)
    assert cli.place_profile(None, folders) == []


def test_a_missing_profile_is_a_harness_error(tmp_path):
    with pytest.raises(cli.HarnessError, match="cannot read the profile"):
        cli.place_profile(str(tmp_path / "none.json"), [tmp_path])
