"""The command line as users meet it: formats, exit codes, selection."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from conftest import SEEDS, run_cli

CLEAN = "أعلن وزير الخارجية الروسي عن خطة لعقد قمة ثلاثية.\n\nالمصدر: RT Arabic\n"
DIRTY = "أعلن وزير الخارجية الروسي عن خطة لعقد قمة ثلاثية.\n\n310310\n\nالمصدر: RT Arabic\n"


@pytest.fixture
def batch(tmp_path):
    (tmp_path / "clean.txt").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "dirty.txt").write_text(DIRTY, encoding="utf-8")
    (tmp_path / "notes.md").write_text("310310\n", encoding="utf-8")
    return tmp_path


def test_text_format_and_exit_code(batch):
    r = run_cli("check", ".", cwd=batch)
    assert r.code == 1
    assert "dirty.txt:3:1: SID001 [stray-id] warning: line holds only the ID or number \"310310\"" in r.out
    assert "notes.md" not in r.out            # not in the default include
    assert "Found 1 finding (1 warning) in 1 of 2 files;" in r.out


def test_clean_batch_exits_zero(batch):
    r = run_cli("check", "clean.txt", cwd=batch)
    assert (r.code, r.out) == (0, "All clear: 1 file checked.\n")


def test_named_file_is_always_linted(batch):
    r = run_cli("check", "notes.md", cwd=batch)
    assert r.code == 1 and "notes.md:1:1: SID001" in r.out


@pytest.mark.parametrize("args,code", [
    (["--exit-zero"], 0), (["--fail-on", "error"], 0), (["--fail-on", "info"], 1),
    (["--ignore", "SID"], 0), (["--ignore", "id-line"], 0), (["--select", "WSP"], 0),
    (["--select", "stray-id"], 1),
])
def test_exit_codes_follow_fail_on_and_selection(batch, args, code):
    assert run_cli("check", ".", *args, cwd=batch).code == code


def test_unknown_selector_is_usage_error(batch):
    r = run_cli("check", ".", "--select", "NOPE1", cwd=batch)
    assert r.code == 2 and r.err.count("\n") == 1 and "NOPE1" in r.err


def test_json_report_matches_schema(batch, tmp_path):
    jsonschema = pytest.importorskip("jsonschema")
    from importlib import resources

    schema = json.loads(resources.files("newslint.schemas").joinpath("report.schema.json").read_text("utf-8"))
    r = run_cli("check", str(SEEDS), "--format", "json", "--exit-zero")
    report = json.loads(r.out)
    jsonschema.Draft202012Validator(schema).validate(report)
    assert report["version"] == 2 and report["summary"]["files"] == 5
    f = next(f for f in report["findings"] if f["code"] == "SID001")
    assert (f["line"], f["column"], f["end_line"], f["end_column"]) == (19, 1, 19, 7)
    assert f["fix"]["applicability"] == "unsafe"


def test_json_report_lists_unlintable_files(batch):
    (batch / "blob.txt").write_bytes(b"\x00\x01\x02binary\x00" * 100)
    r = run_cli("check", ".", "--format", "json", cwd=batch)
    report = json.loads(r.out)
    assert r.code == 1
    assert report["errors"] == [{"path": "blob.txt", "message": "binary file (NUL bytes), not text",
                                "kind": "lint"}]


def test_jsonl_streams_findings_then_summary(batch):
    r = run_cli("check", ".", "--format", "jsonl", cwd=batch)
    rows = [json.loads(line) for line in r.out.splitlines()]
    assert [row["type"] for row in rows] == ["finding", "summary"]
    assert rows[-1]["files"] == 2


def test_output_file(batch):
    r = run_cli("check", ".", "--format", "json", "--output", "out/report.json", cwd=batch)
    assert r.out == "" and json.loads((batch / "out" / "report.json").read_text("utf-8"))["summary"]["findings"] == 1


def test_statistics(batch):
    r = run_cli("check", ".", "--statistics", cwd=batch)
    assert "1  SID001  id-line  (1 files)" in r.out and "[stray-id]" in r.out


def test_stdin_with_filename(batch):
    r = run_cli("check", "-", "--stdin-filename", "incoming/a.txt", stdin=DIRTY.encode(), cwd=batch)
    assert r.code == 1 and r.out.startswith("incoming/a.txt:3:1: SID001")


def test_rules_and_explain():
    r = run_cli("rules", "--format", "json")
    rows = json.loads(r.out)
    assert {"code", "name", "category", "severity", "fixable", "summary"} <= set(rows[0])
    assert run_cli("explain", "SID001").out.startswith("SID001 id-line [stray-id]")
    assert "Fires:" in run_cli("explain", "no-break-space").out
    assert run_cli("explain", "NOPE").code == 2


def test_docs_rules_md_is_current(registry):
    from pathlib import Path

    from newslint.cli import rules_markdown

    docs = Path(__file__).parent.parent / "docs" / "rules.md"
    assert docs.read_text(encoding="utf-8") == rules_markdown(registry), \
        "regenerate: newslint rules --format markdown > docs/rules.md"


def test_version_and_help():
    with pytest.raises(SystemExit) as exc:
        run_cli("--version")
    assert exc.value.code == 0


def test_console_script_installed():
    exe = shutil.which("newslint") or str(__import__("pathlib").Path(sys.executable).with_name("newslint"))
    out = subprocess.run([exe, "--version"], capture_output=True, text=True)
    assert out.returncode == 0 and out.stdout.startswith("newslint ")
