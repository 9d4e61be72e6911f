"""`newslint baseline` says what it wrote; a baseline that matches nothing
because it was recorded from another folder says so (issue 13, items 8, 9)."""
from __future__ import annotations

from conftest import run_cli

# one NBSP (WSP001) and one stray id (SID001)
ARTICLE = "عنوان الخبر\n\nفقرة أولى من الخبر فيها\u00a0مسافة.\n\n310310\n\nفقرة ثانية.\n\nالمصدر: وكالات\n"
CLEAN = "عنوان الخبر\n\nفقرة أولى من الخبر.\n\nفقرة ثانية.\n\nالمصدر: وكالات\n"


def archive(tmp_path):
    folder = tmp_path / "archive"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "b.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "c.txt").write_text(CLEAN, encoding="utf-8")
    return folder


def test_baseline_says_what_it_wrote(tmp_path):
    archive(tmp_path)
    r = run_cli("baseline", "archive", "--no-cache", "-o", "base.json", cwd=tmp_path)
    assert r.code == 0 and r.out == ""
    assert r.err == "newslint: wrote 4 findings from 2 files (3 checked) to base.json\n"


def test_baseline_message_in_the_singular(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE.replace("\u00a0", " "), encoding="utf-8")
    r = run_cli("baseline", "a.txt", "--no-cache", cwd=tmp_path)
    assert r.err == "newslint: wrote 1 finding from 1 file (1 checked) to newslint-baseline.json\n"


def test_baseline_from_another_folder_warns(tmp_path):
    folder = archive(tmp_path)
    assert run_cli("baseline", "archive", "--no-cache", "-o", "base.json", cwd=tmp_path).code == 0
    r = run_cli("check", ".", "--no-cache", "--baseline", "../base.json", cwd=folder)
    assert r.code == 1 and "WSP001" in r.out
    assert r.err.count("\n") == 1, r.err
    assert r.err.startswith("newslint: warning: none of the 4 baseline entries matched; "
                            "were they recorded from another folder? (paths are relative to the folder "
                            "`newslint baseline` ran in, e.g. archive/a.txt")


def test_baseline_from_the_same_folder_is_quiet(tmp_path):
    archive(tmp_path)
    run_cli("baseline", "archive", "--no-cache", "-o", "base.json", cwd=tmp_path)
    r = run_cli("check", "archive", "--no-cache", "--baseline", "base.json", cwd=tmp_path)
    assert r.code == 0 and r.err == ""


def test_baseline_matching_nothing_on_other_files_of_the_same_folder_is_quiet(tmp_path):
    """The pre-commit case: the hook checks only new staged files, none in
    the baseline; the recorded paths exist from here, so nothing is wrong."""
    archive(tmp_path)
    run_cli("baseline", "archive", "--no-cache", "-o", "base.json", cwd=tmp_path)
    (tmp_path / "new.txt").write_text(ARTICLE, encoding="utf-8")
    r = run_cli("check", "new.txt", "--no-cache", "--baseline", "base.json", cwd=tmp_path)
    assert r.code == 1 and "WSP001" in r.out and r.err == ""
