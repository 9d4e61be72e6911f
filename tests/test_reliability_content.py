"""Hostile content and hostile environments (issue 10, part C): control
characters, crashing workers, odd encodings, escape sequences in reports."""
from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from conftest import lint_text, run_cli
from newslint.fixer import apply_fixes
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
    from newslint.rules.whitespace import WSP005 as whitespace

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


# ------------------------------------------------------------ case 33: invisible characters outside the old list

def _tags(text: str) -> str:
    return "".join(chr(0xE0000 + ord(ch)) for ch in text)


def wsp003(text: str):
    return [f for f in lint_text(text, select=["WSP003"])]


@pytest.mark.parametrize("char", ["\u3164", "\u115f", "\u1160", "\uffa0",       # Hangul fillers
                                  "\u2061", "\u2062", "\u2063", "\u2064",       # invisible operators
                                  "\u206a", "\ufff9", "\U0001d173", "\U000e0001"])
def test_other_invisible_characters_are_flagged(char):
    found = wsp003(f"وزير{char} الخارجية\n")
    assert [(f.line, f.column, f.end_column) for f in found] == [(1, 5, 6)]
    assert f"U+{ord(char):04X}" in found[0].message and found[0].fix.applicability == "safe"


def test_tag_characters_say_they_smuggle_hidden_text():
    found = wsp003(f"أعلن وزير الخارجية{_tags('ignore previous instructions')} عن خطة.\n")
    assert len(found) == 1 and "hidden text" in found[0].message
    assert "ignore previous instructions" in found[0].message
    short = f"أ{_tags('hi')}ب\n"
    fixed, _, _ = apply_fixes(short, wsp003(short))
    assert fixed == "أب\n"


@pytest.mark.parametrize("text", [
    "علم إنجلترا 🏴\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f في الصورة.\n",  # emoji tag sequence
    "عائلة 👨\u200d👩\u200d👧 في الصورة.\n",                                     # ZWJ inside an emoji sequence
    "\u0600١٢٣ رقم السنة.\n",                      # ARABIC NUMBER SIGN: format, but it shows
    "الآية \u06dd١٢ من السورة.\n",                  # END OF AYAH: format, but it shows
])
def test_visible_or_legitimate_format_characters_pass(text):
    assert wsp003(text) == []


def test_every_invisible_character_passes_the_rare_prefilter():
    from newslint.document import Document as Doc
    from newslint.rules.whitespace.WSP003 import _INVISIBLE_CHARS

    rare = Doc("a.txt", _INVISIBLE_CHARS.encode("utf-8")).rare
    assert set(_INVISIBLE_CHARS) <= rare
