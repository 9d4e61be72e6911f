"""The README's pre-commit snippet works as pasted (issue 13, items 1, 8):
a data repository gets it as its .pre-commit-config.yaml, with only the
repo: URL replaced by a plain `git clone` of this repository, and `git
commit` runs the hook; and the hook sees a commit's files in one run.

One hook environment (a pip install of the pinned commit) serves the whole
module: every test uses the same PRE_COMMIT_HOME, repo and rev."""
from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from ruamel.yaml import YAML

from conftest import SEEDS

REPO = Path(__file__).resolve().parent.parent
DEFECTIVE = "004_5d3c243a0b753bd8.txt"   # stray id "310310" on line 19, "2020على" on line 17
LONG = "000_c6303f9c9bdd6777.txt"        # long enough for the duplicate rules
CLEAN = "عنوان الخبر\n\nفقرة أولى من الخبر.\n\nفقرة ثانية عن الأشغال الجديدة بالجهة.\n\nالمصدر: وكالات\n"
# the variables of a git hook that runs this suite would point the data repo's git at this one
GIT_LEAKS = ("GIT_DIR", "GIT_INDEX_FILE", "GIT_WORK_TREE", "GIT_OBJECT_DIRECTORY", "GIT_PREFIX")

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def load_pin_tool():
    spec = importlib.util.spec_from_file_location("pin_precommit_rev", REPO / "tools" / "pin_precommit_rev.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


pin = load_pin_tool()


def _pinned_commit_is_missing_from_a_shallow_clone() -> bool:
    """A shallow checkout (CI's depth-1 clones) may lack the pinned commit:
    nothing to check against then, which is no stale pin."""
    rev = pin.pinned_rev((REPO / "README.md").read_text(encoding="utf-8"))
    shallow = pin.git("rev-parse", "--is-shallow-repository").stdout.strip() == "true"
    return shallow and pin.git("cat-file", "-e", f"{rev}^{{commit}}").returncode != 0


if _pinned_commit_is_missing_from_a_shallow_clone():
    pytest.skip("a shallow clone without the pinned commit", allow_module_level=True)


def run(*args, cwd, env=None, check=True) -> subprocess.CompletedProcess:
    done = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    if check and done.returncode != 0:
        raise AssertionError(f"{args} failed ({done.returncode}):\n{done.stdout}{done.stderr}")
    return done


@pytest.fixture(scope="module")
def data_repo(tmp_path_factory):
    """A fresh data repository whose .pre-commit-config.yaml is the README's
    snippet pointed at a plain clone of this repository, hook installed."""
    tmp = tmp_path_factory.mktemp("precommit")
    clone = tmp / "newslint"
    run("git", "clone", "--quiet", REPO, clone, cwd=tmp)
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    config = pin.snippet(pin.with_url(readme, str(clone)))
    data = tmp / "data"
    data.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in GIT_LEAKS}
    # pre-commit's repos and envs, pip's and newslint's caches, virtualenv's app data: all in tmp
    env.update(PRE_COMMIT_HOME=str(tmp / "pre-commit-home"), XDG_CACHE_HOME=str(tmp / "cache"),
               XDG_DATA_HOME=str(tmp / "data-home"), NO_COLOR="1",
               PRE_COMMIT_COLOR="never")
    for args in (("init", "--quiet"), ("config", "user.name", "t"), ("config", "user.email", "t@example.invalid")):
        run("git", *args, cwd=data, env=env)
    (data / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    run(sys.executable, "-m", "pre_commit", "install", cwd=data, env=env)
    return SimpleNamespace(path=data, env=env, clone=clone, rev=pin.pinned_rev(readme))


def commit(repo, *files) -> subprocess.CompletedProcess:
    run("git", "add", "--", *files, cwd=repo.path, env=repo.env)
    return run("git", "commit", "--quiet", "-m", "articles", cwd=repo.path, env=repo.env, check=False)


def test_the_readme_pins_a_commit_of_this_history():
    """A full SHA (no tag to lose), an ancestor of HEAD, whose hook
    definition is today's: `tools/pin_precommit_rev.py COMMIT` re-pins."""
    rev = pin.pinned_rev((REPO / "README.md").read_text(encoding="utf-8"))
    assert pin.pin_problem(rev) is None


def test_the_readme_snippet_refuses_a_defective_commit_then_takes_a_clean_one(data_repo):
    shutil.copy(SEEDS / DEFECTIVE, data_repo.path / DEFECTIVE)
    refused = commit(data_repo, ".pre-commit-config.yaml", DEFECTIVE)
    out = refused.stdout + refused.stderr
    assert refused.returncode != 0, out
    assert "newslint" in out and "Failed" in out
    assert f"{DEFECTIVE}:19:1: SID001" in out, out
    assert "mutable reference" not in out      # pre-commit takes the hex rev as it is
    assert run("git", "rev-list", "--all", cwd=data_repo.path, env=data_repo.env).stdout == ""   # nothing committed

    run("git", "rm", "--quiet", "--cached", "--", DEFECTIVE, cwd=data_repo.path, env=data_repo.env)
    (data_repo.path / "clean.txt").write_text(CLEAN, encoding="utf-8")
    taken = commit(data_repo, ".pre-commit-config.yaml", "clean.txt")
    assert taken.returncode == 0, taken.stdout + taken.stderr
    committed = run("git", "ls-files", cwd=data_repo.path, env=data_repo.env).stdout.split()
    assert committed == [".pre-commit-config.yaml", "clean.txt"]


def test_the_hook_definition_asks_for_one_run():
    hooks = YAML(typ="safe").load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hooks[0]["require_serial"] is True


def test_the_hook_lints_a_commit_in_one_run(data_repo):
    """Without require_serial, pre-commit splits the files into one run per
    CPU (more than 4 files): each run prints its own summary and the batch
    rules compare only the files of their run, so duplicates in different
    runs are missed. (On a one-CPU machine there is no split to see.)"""
    names = [f"article_{i}.txt" for i in range(7)] + ["copy_a.txt", "copy_b.txt"]
    for i, name in enumerate(names[:7]):
        (data_repo.path / name).write_text(CLEAN.replace("الخبر.", f"الخبر {i}."), encoding="utf-8")
    for name in names[7:]:
        shutil.copy(SEEDS / LONG, data_repo.path / name)
    config = {"repos": [{"repo": str(data_repo.clone), "rev": data_repo.rev,
                         "hooks": [{"id": "newslint", "args": ["--format", "jsonl", "--"]}]}]}
    with open(data_repo.path / "jsonl-hook.yaml", "w", encoding="utf-8") as fh:
        YAML(typ="safe").dump(config, fh)
    done = run(sys.executable, "-m", "pre_commit", "run", "--config", "jsonl-hook.yaml", "--files", *names,
               cwd=data_repo.path, env=data_repo.env, check=False)
    records = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    summaries = [r for r in records if r["type"] == "summary"]
    assert len(summaries) == 1 and summaries[0]["files"] == len(names), done.stdout
    duplicates = [r["path"] for r in records if r["type"] == "finding" and r["code"] == "DUP001"]
    assert duplicates == ["copy_b.txt"], done.stdout


def test_a_commit_too_long_for_one_run_is_compared_whole(data_repo):
    """Even with require_serial, pre-commit splits a list of names longer
    than 128 KiB (about 3,000 files) into several runs of the hook; with
    --batch-with-staged (in the hook's args) each run compares its files
    with every staged one, so a duplicate pair across two runs is found,
    once, in the run that holds its second file."""
    folder = data_repo.path / "split"
    folder.mkdir()
    names = [f"split/{'x' * 170}_{i:03d}.txt" for i in range(800)]
    for i, name in enumerate(names):
        (data_repo.path / name).write_text(CLEAN.replace("الخبر.", f"الخبر {i}."), encoding="utf-8")
    shutil.copy(SEEDS / LONG, folder / "a_copy.txt")          # sorted first: in the first run
    shutil.copy(SEEDS / LONG, folder / f"{'z' * 170}_copy.txt")  # sorted last: in the second
    hook = {"id": "newslint", "args": ["--force-exclude", "--batch-with-staged", "--format", "jsonl", "--"]}
    config = {"repos": [{"repo": str(data_repo.clone), "rev": data_repo.rev, "hooks": [hook]}]}
    with open(data_repo.path / "split-hook.yaml", "w", encoding="utf-8") as fh:
        YAML(typ="safe").dump(config, fh)
    run("git", "add", "--", "split", cwd=data_repo.path, env=data_repo.env)
    done = run(sys.executable, "-m", "pre_commit", "run", "--config", "split-hook.yaml",
               cwd=data_repo.path, env=data_repo.env, check=False)
    records = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    summaries = [r for r in records if r["type"] == "summary"]
    assert len(summaries) >= 2 and sum(s["files"] for s in summaries) == len(names) + 2, done.stdout[-2000:]
    found = [r["path"] for r in records if r["type"] == "finding" and r["code"] == "DUP001"]
    assert found == [f"split/{'z' * 170}_copy.txt"], done.stdout[-2000:]
    run("git", "rm", "-r", "--quiet", "--cached", "--", "split", cwd=data_repo.path, env=data_repo.env)
