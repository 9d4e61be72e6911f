"""The cache folder keeps out of version control and out of backups by
itself, like ruff's and pytest's: a `.gitignore` of `*` and a CACHEDIR.TAG."""
from __future__ import annotations

import shutil
import subprocess

import pytest

from conftest import run_cli

CLEAN = "عنوان الخبر\n\nفقرة أولى من الخبر.\n\nفقرة ثانية.\n\nالمصدر: وكالات\n"


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_cache_folder_stays_out_of_git_status(tmp_path):
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    (tmp_path / ".newslint.yaml").write_text("{}\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(CLEAN, encoding="utf-8")
    subprocess.run(["git", "add", "."], cwd=tmp_path, check=True)
    r = run_cli("check", "a.txt", cwd=tmp_path)
    assert r.code == 0, r.out + r.err
    assert (tmp_path / ".newslint_cache" / "cache.sqlite3").exists()      # the cache was written there
    status = subprocess.run(["git", "status", "--porcelain", "--untracked-files=all"], cwd=tmp_path,
                            check=True, capture_output=True, text=True).stdout
    assert "??" not in status and ".newslint_cache" not in status, status   # only the staged files show


def test_cache_folder_carries_the_cachedir_tag(tmp_path):
    (tmp_path / "a.txt").write_text(CLEAN, encoding="utf-8")
    run_cli("check", "--cache-dir", tmp_path / "c", "a.txt", cwd=tmp_path)
    folder = tmp_path / "c"
    assert (folder / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    tag = (folder / "CACHEDIR.TAG").read_bytes()
    assert tag.startswith(b"Signature: 8a477f597d28d172789f06886806bc55")   # https://bford.info/cachedir/


def test_existing_marker_files_are_left_alone(tmp_path):
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / ".gitignore").write_text("# mine\n*\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(CLEAN, encoding="utf-8")
    run_cli("check", "--cache-dir", folder, "a.txt", cwd=tmp_path)
    assert (folder / ".gitignore").read_text(encoding="utf-8") == "# mine\n*\n"
    assert (folder / "CACHEDIR.TAG").exists()
