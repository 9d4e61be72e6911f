"""The text format as people and tools read it (issue 13): severity on the
line, which findings fail the run, bidi isolation of quoted Arabic, column
units, source excerpts on long lines, fix wording and marks."""
from __future__ import annotations

import json
import re

import pytest

from conftest import run_cli

SOURCE = "\n\nالمصدر: RT Arabic\n"
CP1256 = "أعلن وزير الخارجية الروسي عن خطة لعقد قمة ثلاثية في موسكو.\n\nالمصدر: RT Arabic\n".encode("cp1256")


def _check(folder, *args, stdin=None):
    return run_cli("check", *args, "--no-cache", cwd=folder, stdin=stdin)


# ------------------------------------------------------------ 1. severity on the line, what failed the run

def test_every_finding_line_says_its_severity(tmp_path):
    (tmp_path / "a.txt").write_bytes(CP1256)
    (tmp_path / "b.txt").write_text("خبر أول.  \n" + SOURCE, encoding="utf-8")
    out = _check(tmp_path, ".", "--color", "never").out
    assert "a.txt:1:1: ENC001 [*] [encoding] error: file is encoded as cp1256" in out
    assert "b.txt:1:9: WSP005 [*] [whitespace] info: 2 trailing white-space characters" in out


def test_a_failing_run_says_which_findings_failed_it(tmp_path):
    (tmp_path / "a.txt").write_text("خبر.  \n" + SOURCE, encoding="utf-8")      # info
    (tmp_path / "b.txt").write_bytes(CP1256)                                      # error
    (tmp_path / "c.txt").write_bytes(CP1256)
    r = _check(tmp_path, ".", "--fail-on", "error")
    assert r.code == 1
    assert r.out.splitlines()[-1] == "Failed: 2 findings at or above error (first: b.txt:1:1 ENC001)"


def test_no_failed_line_when_nothing_fails(tmp_path):
    (tmp_path / "a.txt").write_text("خبر.  \n" + SOURCE, encoding="utf-8")
    assert "Failed" not in _check(tmp_path, ".", "--fail-on", "warning").out
    (tmp_path / "b.txt").write_bytes(CP1256)
    assert "Failed" not in _check(tmp_path, ".", "--exit-zero").out


# ------------------------------------------------------------ 3. bidi isolation

def test_quoted_arabic_is_isolated_in_text_only(tmp_path):
    (tmp_path / "a.txt").write_text("خبر بلا مصدر.\n", encoding="utf-8")
    text = _check(tmp_path, ".", "--select", "SRC001").out
    assert 'no "\u2068المصدر:\u2069" source line' in text
    report = json.loads(_check(tmp_path, ".", "--select", "SRC001", "--output-format", "json").out)
    assert report["findings"][0]["message"].startswith('no "المصدر:" source line')


def test_latin_quotes_and_isolates_from_the_file_are_left_alone(tmp_path):
    from newslint.reporters.escape import for_terminal, isolate_rtl_quotes

    assert isolate_rtl_quotes('shouting: \'BREAKING NEWS\'') == "shouting: 'BREAKING NEWS'"
    # an isolate the file holds is escaped first: only ours reach the terminal, paired
    shown = isolate_rtl_quotes(for_terminal('"\u2068المصدر"'))
    assert shown == '"\u2068\\u2068المصدر\u2069"'


# ------------------------------------------------------------ 4. column units

ASTRAL = "😀 أ\u00a0ب.\n" + SOURCE   # the no-break space: code point 4, UTF-8 byte 8, UTF-16 unit 5


@pytest.mark.parametrize("unit,column,end", [("codepoint", 4, 5), ("utf-8", 8, 10), ("utf-16", 5, 6)])
def test_column_unit_counts_text_and_github_columns(tmp_path, unit, column, end):
    (tmp_path / "a.txt").write_text(ASTRAL, encoding="utf-8")
    text = _check(tmp_path, "a.txt", "--select", "WSP001", "--column-unit", unit).out
    assert text.startswith(f"a.txt:1:{column}: WSP001")
    assert f"(first: a.txt:1:{column} WSP001)" in text
    github = _check(tmp_path, "a.txt", "--select", "WSP001", "--column-unit", unit, "--output-format", "github").out
    assert f"line=1,col={column},endLine=1,endColumn={end}," in github


def test_column_unit_on_standard_input(tmp_path):
    r = _check(tmp_path, "-", "--select", "WSP001", "--column-unit", "utf-8", stdin=ASTRAL.encode())
    assert r.out.startswith("<stdin>:1:8: WSP001")


def test_json_keeps_code_points_whatever_the_unit(tmp_path):
    (tmp_path / "a.txt").write_text(ASTRAL, encoding="utf-8")
    r = _check(tmp_path, "a.txt", "--select", "WSP001", "--column-unit", "utf-8", "--output-format", "json")
    assert json.loads(r.out)["findings"][0]["column"] == 4


@pytest.mark.parametrize("args", [["--column-unit", "bytes"], ["--column-unit", "utf-8", "--diff"],
                                  ["--show-source", "--diff"], ["--output-format", "full", "--diff"],
                                  ["-", "--fix", "--column-unit", "utf-16"]])
def test_bad_column_unit_or_source_with_diff_is_a_usage_error(tmp_path, args):
    (tmp_path / "a.txt").write_text(ASTRAL, encoding="utf-8")
    r = _check(tmp_path, "a.txt", *args)
    assert r.code == 2 and r.err.count("\n") == 1 and "Traceback" not in r.err


# ------------------------------------------------------------ 5. source excerpts on long lines

def test_show_source_quotes_a_window_of_a_long_line(tmp_path):
    words = ("كلمة " * 2000).split()
    head, tail = " ".join(words[:256]), " ".join(words[256:])           # the no-break space at column 1280
    (tmp_path / "a.txt").write_text(f"{head}\u00a0{tail}.\n" + SOURCE, encoding="utf-8")
    out = _check(tmp_path, "a.txt", "--select", "WSP001", "--show-source").out.splitlines()
    assert out[0].startswith("a.txt:1:1280: WSP001")
    quoted, carets = out[1], out[2]
    assert quoted.startswith("1 | \u2068…") and quoted.endswith("…\u2069") and "<U+00A0>" in quoted
    assert len(quoted) < 100                                             # a window, not the 10,000 characters
    assert carets.startswith("  | ") and carets.strip(" |") == "^" * len("<U+00A0>")
    assert carets.index("^") == quoted.index("<U+00A0>") - 1              # under the span (FSI: no cell)
    assert _check(tmp_path, "a.txt", "--select", "WSP001", "--output-format", "full").out.splitlines()[:3] == out[:3]


def test_show_source_on_a_short_line_and_a_file_level_finding(tmp_path):
    (tmp_path / "a.txt").write_text("خبر\n\n310310\n", encoding="utf-8")
    out = _check(tmp_path, "a.txt", "--select", "SID001,SRC001", "--show-source").out.splitlines()
    sid = out.index(next(line for line in out if "SID001" in line))
    assert out[sid + 1:sid + 3] == ["3 | \u2068310310\u2069", "  | ^^^^^^"]
    src = out.index(next(line for line in out if "SRC001" in line))
    assert not out[src + 1].startswith("1 |")                           # (file-level): nothing to point at


# ------------------------------------------------------------ 6. fix wording and marks

NBSP_AND_ID = "أعلن الوزير\u00a0عن خطة.\n\n310310" + SOURCE


def test_diff_says_would_fix(tmp_path):
    (tmp_path / "a.txt").write_text(NBSP_AND_ID, encoding="utf-8")
    r = _check(tmp_path, "a.txt", "--diff")
    assert "Would fix 1 finding in 1 file." in r.err and "Fixed" not in r.err
    (tmp_path / "a.txt").write_text(NBSP_AND_ID.replace("\n\n310310", ""), encoding="utf-8")
    r = _check(tmp_path, "a.txt", "--diff")
    assert r.code == 1 and "Would fix 1 finding in 1 file." in r.err and "All clear" not in r.err


def test_after_fix_only_what_the_next_command_applies_is_counted(tmp_path):
    (tmp_path / "a.txt").write_text(NBSP_AND_ID, encoding="utf-8")
    r = _check(tmp_path, "a.txt", "--fix")
    assert "Fixed 1 finding in 1 file." in r.out
    assert "; none fixable with --fix (1 more with --unsafe-fixes)." in r.out


def test_safe_fixes_are_marked_on_their_line(tmp_path):
    (tmp_path / "a.txt").write_text(NBSP_AND_ID, encoding="utf-8")
    lines = _check(tmp_path, "a.txt").out.splitlines()
    assert lines[0].startswith("a.txt:1:12: WSP001 [*] [whitespace] warning:")
    assert lines[1].startswith("a.txt:3:1: SID001 [stray-id] warning:")      # unsafe: not by --fix
    assert lines[2].endswith("; 1 fixable with --fix (1 more with --unsafe-fixes).")


def test_show_invisible_marks_spaces_a_reader_cannot_tell_apart():
    from newslint.reporters.escape import show_invisible

    assert show_invisible("في\u00a0بيان\u200b.") == "في<U+00A0>بيان<U+200B>."
    assert re.fullmatch(r"[^<]*", show_invisible("في بيان."))


def test_diff_for_a_reader_shows_the_no_break_space(tmp_path):
    (tmp_path / "a.txt").write_text(NBSP_AND_ID, encoding="utf-8")
    shown = _check(tmp_path, "a.txt", "--diff", "--color", "always").out.splitlines()
    assert "-أعلن الوزير<U+00A0>عن خطة." in shown and "+أعلن الوزير عن خطة." in shown


def test_diff_into_a_pipe_stays_an_exact_patch(tmp_path):
    (tmp_path / "a.txt").write_text(NBSP_AND_ID, encoding="utf-8")
    patch = _check(tmp_path, "a.txt", "--diff", "--color", "never").out.splitlines()
    assert "-أعلن الوزير\u00a0عن خطة." in patch and "<U+" not in "\n".join(patch)


def test_readable_diff_escapes_what_the_file_holds(tmp_path):
    (tmp_path / "a.txt").write_text("أعلن\u00a0الوزير \x1b[2J.\n" + SOURCE, encoding="utf-8")
    out = _check(tmp_path, "a.txt", "--diff", "--color", "always").out
    assert "\x1b[2J" not in out and "\\x1b[2J" in out


def test_show_fixes_lists_the_fixes_by_file_and_rule(tmp_path):
    (tmp_path / "a.txt").write_text(NBSP_AND_ID.replace("خطة.", "خطة.\u00a0لعقد قمة."), encoding="utf-8")
    (tmp_path / "b.txt").write_text("خبر.  " + SOURCE, encoding="utf-8")
    r = _check(tmp_path, ".", "--fix", "--show-fixes")
    assert ("Fixed 3 findings in 2 files:\n- a.txt:\n    2 × WSP001 (no-break-space)\n"
            "- b.txt:\n    1 × WSP005 (trailing-whitespace)\n") in r.out
    assert "- a.txt:" not in _check(tmp_path, ".", "--fix").out                # only when asked
