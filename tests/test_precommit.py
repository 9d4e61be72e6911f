"""The pre-commit hook, installed the way pre-commit installs it: from this
repository, with a plain (non-editable) pip install, in a throw-away repo."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import run_cli

REPO = Path(__file__).resolve().parent.parent
DIRTY = "عنوان الخبر\n\nفقرة أولى من الخبر، وأضاف المصدر أن الأشغال ستتواصل خلال الأيام القادمة في الجهة.\n\n310310\n\nفقرة ثانية.\n\nالمصدر: وكالات\n"
CLEAN = "عنوان الخبر\n\nفقرة أولى من الخبر، وأضاف المصدر أن الأشغال ستتواصل خلال الأيام القادمة في الجهة.\n\nفقرة ثانية.\n\nالمصدر: وكالات\n"
# Files a hostile contributor can stage in a data repo: pre-commit passes
# their names to the hook, where they must stay file names.
HOSTILE_NAMES = ("--output=victim.txt", "-ovictim2.txt", "--config=evil.txt")
EVIL_CONFIG = "ignore: [ALL]\n"   # what --config=evil.txt would load: nothing reported, the commit passes


def git(*args, cwd):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_pre_commit_try_repo(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "dirty.txt").write_text(DIRTY, encoding="utf-8")
    (data / "clean.txt").write_text(CLEAN, encoding="utf-8")
    (data / "notes.md").write_text("310310\n", encoding="utf-8")   # not a .txt: the hook skips it
    for name in HOSTILE_NAMES:
        (data / name).write_text(CLEAN, encoding="utf-8")
    (data / "evil.txt").write_text(EVIL_CONFIG, encoding="utf-8")
    (data / "drafts").mkdir()
    (data / "drafts" / "draft.txt").write_text(DIRTY, encoding="utf-8")  # excluded by the config: --force-exclude
    (data / "LOUD.TXT").write_text(DIRTY, encoding="utf-8")              # a .TXT is a text file too
    (data / ".newslint.yaml").write_text("extend-exclude: [drafts]\n", encoding="utf-8")
    git("init", "-q", cwd=data)
    git("add", "--", ".", cwd=data)
    env = dict(os.environ, PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"), GIT_AUTHOR_NAME="t",
               GIT_AUTHOR_EMAIL="t@example.invalid", GIT_COMMITTER_NAME="t",
               GIT_COMMITTER_EMAIL="t@example.invalid", NO_COLOR="1")
    done = subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(REPO), "newslint", "--all-files",
                           "--color", "never"], cwd=data, env=env, capture_output=True, text=True, timeout=900)
    out = done.stdout + done.stderr
    assert done.returncode == 1, out
    assert "newslint" in out and "Failed" in out
    assert "dirty.txt:5:1: SID001 [stray-id]" in out            # evil.txt was not loaded as the config
    assert "clean.txt" not in out.split("Failed", 1)[1].replace("dirty.txt", "")
    assert "notes.md" not in out.split("Failed", 1)[1]
    assert "draft.txt" not in out and "LOUD.TXT:5:1: SID001" in out, out
    assert not (data / "victim.txt").exists() and not (data / "victim2.txt").exists(), out
    assert "--output=victim.txt:1:1: SRC" not in out             # linted as a file: clean, so not reported


@pytest.fixture
def hostile(tmp_path, monkeypatch):
    """A folder with files named like options, and pre-commit's environment."""
    for name in HOSTILE_NAMES:
        (tmp_path / name).write_text(DIRTY, encoding="utf-8")
    (tmp_path / "evil.txt").write_text(EVIL_CONFIG, encoding="utf-8")
    monkeypatch.setenv("PRE_COMMIT", "1")
    return tmp_path


def test_names_after_double_dash_are_files(hostile):
    r = run_cli("check", "--no-cache", "--", *HOSTILE_NAMES, cwd=hostile)
    assert r.code == 1, r.err
    assert not (hostile / "victim.txt").exists() and not (hostile / "victim2.txt").exists()
    for name in HOSTILE_NAMES:
        assert f"{name}:5:1: SID001 [stray-id]" in r.out


def test_baseline_accepts_double_dash(hostile):
    r = run_cli("baseline", "--no-cache", "-o", "base.json", "--", "--output=victim.txt", cwd=hostile)
    assert r.code == 0, r.err
    assert (hostile / "base.json").exists() and not (hostile / "victim.txt").exists()


@pytest.mark.parametrize("command", ["check", "baseline"])
def test_pre_commit_without_double_dash_is_refused(hostile, command):
    r = run_cli(command, "--no-cache", "--output=victim.txt", cwd=hostile)
    assert r.code == 2 and r.err.count("\n") == 1
    assert "--" in r.err and "args" in r.err
    assert not (hostile / "victim.txt").exists()


def test_without_pre_commit_options_still_work(hostile, monkeypatch):
    monkeypatch.delenv("PRE_COMMIT")
    r = run_cli("check", "--no-cache", "--fail-on", "error", "--", "--config=evil.txt", cwd=hostile)
    assert r.code == 0 and "SID001" in r.out      # SID001 is a warning: reported, not failing


def test_the_hook_ends_its_args_with_double_dash():
    from ruamel.yaml import YAML

    hooks = YAML(typ="safe").load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert [hook["args"] for hook in hooks] == [["--force-exclude", "--batch-with-staged", "--"]]
    assert hooks[0]["entry"] == "newslint check"
