"""Hostile content and hostile environments (issue 10, part C): control
characters, crashing workers, odd encodings, escape sequences in reports."""
from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from conftest import run_cli
from newslint.document import Document

ARTICLE = "عنوان الخبر\n\nفقرة أولى من الخبر.\n\nفقرة ثانية.\n\nالمصدر: وكالات\n"


# ------------------------------------------------------------ case 14: control characters, crashing workers

@pytest.mark.parametrize("separator", ["\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029", "\x0b", "\x0c"])
def test_lines_split_only_on_newline_characters(separator):
    # str.splitlines() would break these lines apart; the file has two lines
    doc = Document("a.txt", f"عنوان{separator}الخبر\nفقرة\n".encode("utf-8"))
    assert [line.text for line in doc.lines] == [f"عنوان{separator}الخبر", "فقرة"]


CRASHING_RUN = textwrap.dedent('''
    import sys
    from newslint import engine
    from newslint.rules import whitespace

    class Unpicklable(Exception):   # two arguments in, one to super: cannot be unpickled
        def __init__(self, what, where):
            super().__init__(f"{what} at {where}")

    def crash(doc):
        if "\\x1c" in doc.text:
            kind = sys.argv[1]
            if kind == "rule":
                raise ValueError("boom")
            if kind == "unpicklable":
                raise Unpicklable("boom", "here")
            raise SystemExit(0)

    real_check, real_read = whitespace.TrailingWhitespace.check, engine.read_document

    def check(self, doc, options):
        if sys.argv[1] != "unpicklable":
            crash(doc)
        return real_check(self, doc, options)

    def read_document(path, data, pm=None):
        doc = real_read(path, data, pm)
        if sys.argv[1] == "unpicklable":
            crash(doc)
        return doc

    whitespace.TrailingWhitespace.check = check
    engine.read_document = read_document
    from newslint.cli import main
    sys.exit(main(sys.argv[2:]))
''')


@pytest.mark.parametrize("kind", ["rule", "unpicklable", "exit"])
def test_crash_in_a_worker_is_one_line_naming_the_file(tmp_path, kind):
    for i in range(70):
        (tmp_path / f"a{i:02}.txt").write_text(ARTICLE, encoding="utf-8")
    # sorts last, so a worker process (not the parent) lints it
    (tmp_path / "zz.txt").write_text("\x1c" + ARTICLE, encoding="utf-8")
    script = tmp_path / "crashing_run.py"
    script.write_text(CRASHING_RUN, encoding="utf-8")
    try:
        done = subprocess.run([sys.executable, str(script), kind, "check", ".", "--jobs", "2", "--no-cache"],
                              cwd=tmp_path, capture_output=True, text=True,
                              encoding="utf-8", timeout=30)
    except subprocess.TimeoutExpired:
        pytest.fail("the run hung: a worker's exception never reached the parent")
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "zz.txt" in lines[0] and "internal error" in lines[0], done.stderr


def test_diff_keeps_a_control_character_inside_its_line(tmp_path):
    (tmp_path / "a.txt").write_text("عنوان\x1cالخبر  \nفقرة\n", encoding="utf-8")
    r = run_cli("check", "a.txt", "--diff", "--no-cache", "--select", "WSP005", cwd=tmp_path)
    assert "@@ -1,2 +1,2 @@" in r.out and "No newline" not in r.out
    assert "-عنوان\x1cالخبر  \n+عنوان\x1cالخبر\n" in r.out
