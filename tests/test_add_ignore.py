"""`newslint check --add-ignore`: today's findings written to a
.newslint-ignore sidecar, so that the next run reports only new ones
(ruff's --add-noqa, for files that cannot carry comments)."""
from __future__ import annotations

from conftest import run_cli

# NBSPs (WSP001) on lines 3 and 7, a stray id (SID001) on line 5
ARTICLE = ("عنوان الخبر\n\nفقرة أولى من الخبر فيها\u00a0مسافة.\n\n310310\n\nفقرة ثانية فيها\u00a0مسافة.\n\n"
           "المصدر: وكالات\n")


def articles(folder, *names):
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / name).write_text(ARTICLE, encoding="utf-8")


def test_add_ignore_lists_the_findings_and_the_next_run_is_clean(tmp_path):
    articles(tmp_path / "data", "a.txt", "b.txt")
    (tmp_path / ".newslint.yaml").write_text("{}\n", encoding="utf-8")
    added = run_cli("check", "--no-cache", "--add-ignore", "data", cwd=tmp_path)
    assert added.code == 0 and added.out == ""
    assert added.err == "newslint: added 6 entries (6 findings) to .newslint-ignore\n"
    sidecar = (tmp_path / ".newslint-ignore").read_text(encoding="utf-8").splitlines()
    assert sidecar[1:] == ["data/a.txt:3:WSP001", "data/a.txt:5:SID001", "data/a.txt:7:WSP001",
                           "data/b.txt:3:WSP001", "data/b.txt:5:SID001", "data/b.txt:7:WSP001"]
    assert sidecar[0].startswith("# ")
    again = run_cli("check", "--no-cache", ".", cwd=tmp_path / "data")   # from anywhere below the root
    assert again.code == 0 and "6 suppressed" in again.out, again.out


def test_add_ignore_keeps_what_the_sidecar_had(tmp_path):
    articles(tmp_path, "a.txt")
    (tmp_path / ".newslint-ignore").write_text("# mine\na.txt:SID001", encoding="utf-8")   # no final newline
    r = run_cli("check", "--no-cache", "--add-ignore", "a.txt", cwd=tmp_path)
    assert r.code == 0, r.err
    text = (tmp_path / ".newslint-ignore").read_text(encoding="utf-8")
    assert text.startswith("# mine\na.txt:SID001\n#")
    assert text.endswith("a.txt:3:WSP001\na.txt:7:WSP001\n")
    assert run_cli("check", "--no-cache", "a.txt", cwd=tmp_path).code == 0


def test_a_file_outside_the_project_gets_a_sidecar_in_its_folder(tmp_path):
    articles(tmp_path / "elsewhere", "a.txt")
    (tmp_path / "project").mkdir()
    r = run_cli("check", "--no-cache", "--add-ignore", tmp_path / "elsewhere" / "a.txt", cwd=tmp_path / "project")
    assert r.code == 0, r.err
    assert (tmp_path / "elsewhere" / ".newslint-ignore").read_text(encoding="utf-8").splitlines()[1:] == [
        "a.txt:3:WSP001", "a.txt:5:SID001", "a.txt:7:WSP001"]
    assert not (tmp_path / "project" / ".newslint-ignore").exists()


def test_codes_of_one_line_share_an_entry(tmp_path):
    (tmp_path / "a.txt").write_text("عنوان\u00a0الخبر\u00a0310310\n", encoding="utf-8")   # SRC001, 2 x WSP001
    r = run_cli("check", "--no-cache", "--add-ignore", "a.txt", cwd=tmp_path)
    assert r.err == "newslint: added 1 entry (3 findings) to .newslint-ignore\n"
    assert (tmp_path / ".newslint-ignore").read_text(encoding="utf-8").splitlines()[1:] == ["a.txt:1:SRC001,WSP001"]
    assert run_cli("check", "--no-cache", "a.txt", cwd=tmp_path).code == 0


def test_a_name_the_sidecar_cannot_hold_is_left_out_with_a_warning(tmp_path):
    articles(tmp_path, "a #1.txt", "b.txt")
    r = run_cli("check", "--no-cache", "--add-ignore", "--", "a #1.txt", "b.txt", cwd=tmp_path)
    assert r.code == 0
    assert "newslint: warning: 3 findings not added: the names of 1 file cannot be written in a " \
           ".newslint-ignore (e.g. 'a #1.txt':" in r.err
    assert run_cli("check", "--no-cache", "--", "b.txt", cwd=tmp_path).code == 0


def test_add_ignore_does_not_combine_with_fixes_or_stdin(tmp_path):
    articles(tmp_path, "a.txt")
    for extra, why in ((["--fix", "a.txt"], "does not combine with --fix"), (["--diff", "a.txt"], "--diff"),
                       (["-"], "standard input")):
        r = run_cli("check", "--no-cache", "--add-ignore", *extra, cwd=tmp_path, stdin=b"")
        assert r.code == 2 and r.err.count("\n") == 1 and why in r.err and "--add-ignore" in r.err, (extra, r.err)
    assert not (tmp_path / ".newslint-ignore").exists()


def test_a_nested_repository_gets_the_sidecar_its_runs_read(tmp_path):
    import subprocess

    articles(tmp_path / "repo", "a.txt")
    subprocess.run(["git", "init", "-q"], cwd=tmp_path / "repo", check=True)
    assert run_cli("check", "--no-cache", "--add-ignore", "repo", cwd=tmp_path).code == 0
    assert (tmp_path / "repo" / ".newslint-ignore").exists() and not (tmp_path / ".newslint-ignore").exists()
    again = run_cli("check", "--no-cache", "repo", cwd=tmp_path)
    assert again.code == 0 and "3 suppressed" in again.out, again.out


def test_a_name_that_is_not_utf8_is_left_out_with_a_warning(tmp_path):
    import os

    with open(os.path.join(os.fsencode(tmp_path), b"b\xff.txt"), "wb") as fh:
        fh.write(ARTICLE.encode("utf-8"))
    r = run_cli("check", "--no-cache", "--add-ignore", ".", cwd=tmp_path)
    assert r.code == 0 and "cannot be written in a .newslint-ignore" in r.err, r.err
    assert not (tmp_path / ".newslint-ignore").exists()
