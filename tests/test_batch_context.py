"""--batch-with-staged: pre-commit hands a long commit to the hook in parts;
each part's batch rules must compare its files with the whole commit and
report only its own files."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import run_cli

SEEDS = Path(__file__).parent / "fixtures" / "seeds"
LONG = SEEDS / "000_c6303f9c9bdd6777.txt"       # long enough for the duplicate rules
SHORT = "عنوان الخبر\n\nفقرة أولى من الخبر.\n\nفقرة ثانية عن الأشغال الجديدة بالجهة {}.\n\nالمصدر: وكالات\n"

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


@pytest.fixture
def commit(tmp_path):
    """A repository whose index holds five articles, two of them the same."""
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    for i in range(3):
        (tmp_path / f"b{i}.txt").write_text(SHORT.format(i), encoding="utf-8")
    shutil.copy(LONG, tmp_path / "a_copy.txt")
    shutil.copy(LONG, tmp_path / "z_copy.txt")
    subprocess.run(["git", "add", "."], cwd=tmp_path, check=True)
    return tmp_path


def duplicates(result) -> list:
    records = [json.loads(line) for line in result.out.splitlines()]
    return [(r["path"], r["code"]) for r in records if r["type"] == "finding" and r["code"].startswith("DUP")]


def test_each_part_of_a_split_commit_compares_with_the_whole_commit(commit):
    first = run_cli("check", "--no-cache", "--format", "jsonl", "--batch-with-staged", "--", "a_copy.txt",
                    "b0.txt", cwd=commit)
    second = run_cli("check", "--no-cache", "--format", "jsonl", "--batch-with-staged", "--", "b1.txt",
                     "b2.txt", "z_copy.txt", cwd=commit)
    assert duplicates(first) == []                             # a_copy.txt is the first of the pair
    assert duplicates(second) == [("z_copy.txt", "DUP001")]    # compared with a_copy.txt of the other part


def test_without_the_flag_a_part_sees_only_its_own_files(commit):
    second = run_cli("check", "--no-cache", "--format", "jsonl", "--", "b1.txt", "b2.txt", "z_copy.txt", cwd=commit)
    assert duplicates(second) == []


def test_the_staged_files_are_only_compared_never_reported(commit):
    (commit / "b0.txt").write_text("310310\n" + SHORT.format(0), encoding="utf-8")   # a stray id, staged below
    subprocess.run(["git", "add", "b0.txt"], cwd=commit, check=True)
    r = run_cli("check", "--no-cache", "--format", "jsonl", "--batch-with-staged", "--", "z_copy.txt", cwd=commit)
    paths = {json.loads(line).get("path") for line in r.out.splitlines()} - {None}
    assert paths == {"z_copy.txt"}
    assert json.loads(r.out.splitlines()[-1])["files"] == 1


def test_outside_a_repository_the_flag_changes_nothing(tmp_path):
    shutil.copy(LONG, tmp_path / "a.txt")
    shutil.copy(LONG, tmp_path / "b.txt")
    r = run_cli("check", "--no-cache", "--format", "jsonl", "--batch-with-staged", "--", "a.txt", "b.txt",
                cwd=tmp_path)
    assert duplicates(r) == [("b.txt", "DUP001")]


def test_a_named_path_spelled_otherwise_than_git_spells_it(commit):
    second = run_cli("check", "--no-cache", "--format", "jsonl", "--batch-with-staged", "--",
                     str(commit / "z_copy.txt"), cwd=commit)
    assert duplicates(second) == [(str(commit / "z_copy.txt"), "DUP001")]
