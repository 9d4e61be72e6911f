"""The pre-commit hook, installed the way pre-commit installs it: from this
repository, with a plain (non-editable) pip install, in a throw-away repo."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
DIRTY = "عنوان الخبر\n\nفقرة أولى من الخبر.\n\n310310\n\nفقرة ثانية.\n\nالمصدر: وكالات\n"
CLEAN = "عنوان الخبر\n\nفقرة أولى من الخبر.\n\nفقرة ثانية.\n\nالمصدر: وكالات\n"


def git(*args, cwd):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_pre_commit_try_repo(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "dirty.txt").write_text(DIRTY, encoding="utf-8")
    (data / "clean.txt").write_text(CLEAN, encoding="utf-8")
    (data / "notes.md").write_text("310310\n", encoding="utf-8")   # not a .txt: the hook skips it
    git("init", "-q", cwd=data)
    git("add", ".", cwd=data)
    env = dict(os.environ, PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"), GIT_AUTHOR_NAME="t",
               GIT_AUTHOR_EMAIL="t@example.invalid", GIT_COMMITTER_NAME="t",
               GIT_COMMITTER_EMAIL="t@example.invalid", NO_COLOR="1")
    done = subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(REPO), "newslint", "--all-files",
                           "--color", "never"], cwd=data, env=env, capture_output=True, text=True, timeout=900)
    out = done.stdout + done.stderr
    assert done.returncode == 1, out
    assert "newslint" in out and "Failed" in out
    assert "dirty.txt:5:1: SID001 [stray-id]" in out
    assert "clean.txt" not in out.split("Failed", 1)[1].replace("dirty.txt", "")
    assert "notes.md" not in out.split("Failed", 1)[1]
