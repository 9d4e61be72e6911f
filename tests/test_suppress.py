"""Per-line suppression for data files, which cannot carry comments: a
`.newslint-ignore` sidecar (issue 13, item 4; docs/integrations.md,
"Suppressing findings")."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import run_cli

# NBSPs (WSP001) on lines 3 and 7, a stray id (SID001) on line 5
ARTICLE = ("عنوان الخبر\n\nفقرة أولى من الخبر فيها\u00a0مسافة.\n\n310310\n\nفقرة ثانية فيها\u00a0مسافة.\n\n"
           "المصدر: وكالات\n")


def found(r) -> list[tuple[str, int, str]]:
    """(path, line, code) of a JSON report's findings."""
    return [(f["path"], f["line"], f["code"]) for f in json.loads(r.out)["findings"]]


@pytest.fixture
def data(tmp_path):
    folder = tmp_path / "data" / "sub"
    folder.mkdir(parents=True)
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "b.txt").write_text(ARTICLE, encoding="utf-8")
    return tmp_path


def check(cwd, *paths):
    return run_cli("check", "--no-cache", "--format", "json", "--", *paths, cwd=cwd)


def sidecar(folder, *lines):
    (folder / ".newslint-ignore").write_text("".join(line + "\n" for line in lines), encoding="utf-8")


def test_without_a_sidecar_everything_is_reported(data):
    assert found(check(data, "data/sub/a.txt")) == [("data/sub/a.txt", 3, "WSP001"), ("data/sub/a.txt", 5, "SID001"),
                                                    ("data/sub/a.txt", 7, "WSP001")]


def test_path_line_code_suppresses_one_finding(data):
    sidecar(data / "data", "sub/a.txt:3:WSP001")
    r = check(data, "data/sub")
    assert ("data/sub/a.txt", 3, "WSP001") not in found(r)
    assert ("data/sub/a.txt", 7, "WSP001") in found(r) and ("data/sub/b.txt", 3, "WSP001") in found(r)
    assert json.loads(r.out)["summary"]["suppressed"] == 1


def test_path_code_suppresses_the_code_in_the_file(data):
    sidecar(data / "data", "sub/a.txt:WSP001")
    assert [f for f in found(check(data, "data/sub/a.txt"))] == [("data/sub/a.txt", 5, "SID001")]


def test_path_star_suppresses_the_file(data):
    sidecar(data / "data", "sub/a.txt:*")
    r = check(data, "data/sub")
    assert {path for path, _, _ in found(r)} == {"data/sub/b.txt"}
    assert json.loads(r.out)["summary"]["suppressed"] == 3


def test_line_star_and_several_codes(data):
    sidecar(data / "data" / "sub", "a.txt:5:*", "b.txt:3:SID001,WSP001")
    assert found(check(data, "data/sub")) == [("data/sub/a.txt", 3, "WSP001"), ("data/sub/a.txt", 7, "WSP001"),
                                              ("data/sub/b.txt", 5, "SID001"), ("data/sub/b.txt", 7, "WSP001")]


def test_paths_are_relative_to_the_sidecar_whatever_the_current_folder(data):
    sidecar(data / "data", "# reviewed: the NBSP is in the source", "", "sub/a.txt:3:WSP001  # kept on purpose")
    assert ("a.txt", 3, "WSP001") not in found(check(data / "data" / "sub", "a.txt"))
    assert ("sub/a.txt", 3, "WSP001") not in found(check(data / "data", "sub/a.txt"))
    assert (str(data / "data/sub/a.txt"), 3, "WSP001") not in found(check(data, data / "data/sub/a.txt"))


def test_every_sidecar_up_to_the_project_root_applies(data):
    sidecar(data / "data", "sub/a.txt:WSP001")
    sidecar(data / "data" / "sub", "a.txt:SID001")
    (data / ".newslint.yaml").write_text("{}\n", encoding="utf-8")
    assert found(check(data, "data/sub/a.txt")) == []


def test_a_sidecar_above_the_project_root_is_not_read(data):
    (data / "data" / ".newslint.yaml").write_text("{}\n", encoding="utf-8")
    sidecar(data, "data/sub/a.txt:*")
    assert len(found(check(data / "data", "sub/a.txt"))) == 3


def test_text_summary_counts_the_suppressed(data):
    sidecar(data / "data", "sub/a.txt:WSP001")
    r = run_cli("check", "--no-cache", "data/sub/a.txt", cwd=data)
    assert r.code == 1 and "2 suppressed" in r.out


def test_suppressed_findings_do_not_fail_the_run(data):
    sidecar(data / "data", "sub/a.txt:*")
    assert run_cli("check", "--no-cache", "data/sub/a.txt", cwd=data).code == 0


def test_suppressed_findings_are_not_recorded_in_a_baseline(data):
    sidecar(data / "data", "sub/a.txt:WSP001")
    run_cli("baseline", "--no-cache", "-o", "base.json", "data/sub/a.txt", cwd=data)
    recorded = json.loads((data / "base.json").read_text(encoding="utf-8"))["findings"]
    assert [e["code"] for e in recorded] == ["SID001"]


@pytest.mark.parametrize("entry, message", [
    ("sub/a.txt", "expected path:line:CODE, path:CODE or path:*"),
    ("sub/a.txt:", "expected path:line:CODE, path:CODE or path:*"),
    (":WSP001", "expected path:line:CODE, path:CODE or path:*"),
    ("sub/a.txt:0:WSP001", "line numbers start at 1"),
    ("sub/a.txt:3:XYZ999", "unknown rule code XYZ999"),
    ("sub/a.txt:3:WSP001,", "unknown rule code ''"),
    ("/etc/a.txt:*", "paths are relative to the sidecar's folder"),
    ("../a.txt:*", "paths are relative to the sidecar's folder"),
])
def test_a_malformed_entry_is_a_one_line_error(data, entry, message):
    sidecar(data / "data", "# fine", entry)
    r = check(data, "data/sub/a.txt")
    assert r.code == 2 and r.out == "" and r.err.count("\n") == 1, r.err
    assert r.err.startswith("newslint: error: data/.newslint-ignore:2: ") and message in r.err, r.err


def test_an_unreadable_sidecar_is_a_one_line_error(data):
    (data / "data" / ".newslint-ignore").write_bytes(b"sub/a.txt:\xff\n")
    r = check(data, "data/sub/a.txt")
    assert r.code == 2 and r.err.count("\n") == 1 and ".newslint-ignore" in r.err, r.err


def test_the_documented_example_parses(registry):
    from newslint.suppress import parse

    docs = (Path(__file__).resolve().parent.parent / "docs" / "integrations.md").read_text(encoding="utf-8")
    example = docs.split("## Suppressing findings", 1)[1].split("```text\n", 1)[1].split("```", 1)[0]
    entries = parse(example, "integrations.md", registry.by_code)
    assert sum(len(e) for e in entries.values()) == 4


def test_a_sidecar_above_the_git_work_tree_is_not_read(data):
    (data / "data" / ".git").mkdir()
    sidecar(data, "data/sub/a.txt:*")
    assert len(found(check(data, "data/sub/a.txt"))) == 3


def test_a_byte_order_mark_is_no_part_of_the_first_entry(data):
    (data / "data" / ".newslint-ignore").write_text("\ufeffsub/a.txt:*\n", encoding="utf-8")
    assert found(check(data, "data/sub/a.txt")) == []


def test_the_same_sidecars_apply_whatever_paths_a_run_names(tmp_path):
    """In a repository the chain goes up to its root, past nested configs:
    naming sub/a.txt alone (whose closest config is sub's) or running from
    sub/ reads the root's sidecar too."""
    (tmp_path / ".git").mkdir()
    (tmp_path / ".newslint.yaml").write_text("{}\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / ".newslint.yaml").write_text("{}\n", encoding="utf-8")
    (tmp_path / "sub" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    sidecar(tmp_path, "sub/a.txt:*")
    assert found(check(tmp_path, ".")) == []
    assert found(check(tmp_path, "sub/a.txt")) == []
    assert found(check(tmp_path / "sub", "a.txt")) == []


def test_a_sidecar_above_the_project_root_stays_out_through_a_link(tmp_path):
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / ".newslint.yaml").write_text("{}\n", encoding="utf-8")
    (tmp_path / "real" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "link").symlink_to("real")
    sidecar(tmp_path, "link/a.txt:*", "real/a.txt:*")
    assert found(check(tmp_path, "real/a.txt")) != []
    assert found(check(tmp_path, "link/a.txt")) != []
