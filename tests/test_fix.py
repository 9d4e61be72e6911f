"""--fix, --unsafe-fixes, --diff: atomic, idempotent, byte-preserving."""
from __future__ import annotations

import os
import stat

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import lint_text, run_cli
from newslint.fixer import apply_fixes

DIRTY = "أعلن وزير\u00a0الخارجية الروسي.\r\n\u00a0\r\n\r\n\r\n310310\r\nوقال لافروف.  \r\nالمصدر: RT\r\n"


def test_fix_writes_safe_fixes_keeps_crlf_and_mode(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes(DIRTY.encode())
    p.chmod(0o640)
    r = run_cli("check", "a.txt", "--fix", cwd=tmp_path)
    assert r.code == 1                              # the stray ID needs --unsafe-fixes
    assert p.read_bytes() == "أعلن وزير الخارجية الروسي.\r\n\r\n310310\r\nوقال لافروف.\r\nالمصدر: RT\r\n".encode()
    assert stat.S_IMODE(os.stat(p).st_mode) == 0o640
    assert "Fixed" in r.out and "SID001" in r.out
    assert [f.name for f in tmp_path.iterdir()] == ["a.txt"]       # no temp file left behind
    again = run_cli("check", "a.txt", "--fix", cwd=tmp_path)
    assert "Fixed" not in again.out


def test_unsafe_fixes_remove_the_id_line(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes(DIRTY.encode())
    r = run_cli("check", "a.txt", "--unsafe-fixes", cwd=tmp_path)
    assert r.code == 0
    assert p.read_bytes() == "أعلن وزير الخارجية الروسي.\r\n\r\nوقال لافروف.\r\nالمصدر: RT\r\n".encode()


def test_diff_writes_nothing(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes(DIRTY.encode())
    r = run_cli("check", "a.txt", "--diff", cwd=tmp_path)
    assert p.read_bytes() == DIRTY.encode()
    assert r.code == 1 and r.out.startswith("--- a/a.txt\n+++ b/a.txt\n")


def test_cp1256_is_transcoded(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes("أعلن وزير الخارجية الروسي عن خطة لعقد قمة ثلاثية لزعماء روسيا وأرمينيا.\n".encode("cp1256"))
    run_cli("check", "a.txt", "--fix", cwd=tmp_path)
    assert p.read_bytes().decode("utf-8") == "أعلن وزير الخارجية الروسي عن خطة لعقد قمة ثلاثية لزعماء روسيا وأرمينيا.\n"


def test_damaged_bytes_survive_other_fixes(tmp_path):
    p = tmp_path / "a.txt"
    data = "أعلن وزير\u00a0الخارجية الروسي عن خطة لعقد قمة ثلاثية لزعماء روسيا.\nم".encode() + b"\xd8\n"
    p.write_bytes(data)
    run_cli("check", "a.txt", "--fix", cwd=tmp_path)
    assert p.read_bytes() == data.replace("\u00a0".encode(), b" ")


def test_stdin_fix_prints_the_fixed_text(tmp_path):
    import subprocess
    import sys

    r = subprocess.run([sys.executable, "-m", "newslint", "check", "-", "--fix", "--stdin-filename", "a.txt"],
                       input=DIRTY.encode(), capture_output=True, cwd=tmp_path)
    assert r.stdout == "أعلن وزير الخارجية الروسي.\r\n\r\n310310\r\nوقال لافروف.\r\nالمصدر: RT\r\n".encode()
    assert b"a.txt:3:1: SID001" in r.stderr      # the report moved to stderr


LINE = st.text(alphabet=st.sampled_from(list("أبت ثجح خد ذر.،0123\u00a0\u200b\t ")), max_size=30)
ENDING = st.sampled_from(["\n", "\r\n"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(LINE, ENDING), max_size=12), st.booleans())
def test_fixing_is_idempotent_and_local(lines, unsafe):
    text = "".join(t + e for t, e in lines)
    findings = lint_text(text)
    fixed, applied, _ = apply_fixes(text, findings, unsafe=unsafe) if findings else (text, [], [])
    # every character outside the edited lines is untouched: compare the
    # lines nobody's fix touched
    touched = {n for f in applied for e in f.fix.edits for n in range(e.line, e.end_line + 1)}
    kept_before = [ln for i, ln in enumerate(text.splitlines(keepends=True), 1) if i not in touched]
    assert all(ln in fixed.splitlines(keepends=True) for ln in kept_before)
    # fixing until stable converges, and then a pass changes nothing
    for _ in range(10):
        more = [f for f in lint_text(fixed) if f.fix and (unsafe or f.fix.applicability == "safe")]
        if not more:
            break
        fixed, _, _ = apply_fixes(fixed, more, unsafe=unsafe)
    assert not [f for f in lint_text(fixed) if f.fix and (unsafe or f.fix.applicability == "safe")]


def test_overlapping_fixes_are_skipped_not_half_applied():
    from newslint.fixer import plan_fixes
    from newslint.document import Document
    from newslint.models import Edit, Finding, Fix, Hit

    doc = Document("a.txt", "كلمة كلمة أخرى\n".encode())

    def finding(code, col, end, content):
        return Finding(code, "x", "spelling", "warning", "a.txt",
                       Hit(1, col, 1, end, "m", Fix("safe", "m", (Edit(1, col, 1, end, content),))))

    first, clash = finding("A001", 1, 10, "كلمة"), finding("B001", 6, 15, "")
    outcome = plan_fixes(doc, [first, clash])
    assert outcome.applied == [first] and outcome.skipped == [clash]
    assert outcome.text == "كلمة أخرى\n"
