"""Hostile input to config, discovery and globs (issue 10, part B): each
case ends in a clear one-line error or a note, never a hang or a traceback."""
from __future__ import annotations

import time

import pytest

from conftest import run_cli
from newslint.globs import compile_globs, matches

ARTICLE = "عنوان الخبر\n\nأعلن الوزير عن خطة جديدة.\n\n310310\n\nالمصدر: وكالات\n"   # SID001: a stray id


# ------------------------------------------------------------ globs (19)

@pytest.mark.parametrize("pattern,path,expected", [
    ("*.txt", "a.txt", True),
    ("*.txt", "deep/down/a.txt", True),          # no slash: any depth
    ("*.txt", "a.txt/inside.md", True),          # a match may be a folder holding the path
    ("drafts", "x/drafts/a.txt", True),
    ("drafts/*.txt", "drafts/a.txt", True),
    ("drafts/*.txt", "x/drafts/a.txt", False),   # a slash anchors at the root
    ("/drafts", "drafts/a.txt", True),
    ("*.txt", "a.md", False),
    ("a?c.txt", "abc.txt", True),
    ("a?c.txt", "a/c.txt", False),               # ? stays in its segment
    ("a*c.txt", "a/c.txt", False),               # so does *
    ("**/*.txt", "a.txt", True),
    ("**/*.txt", "a/b/c.txt", True),
    ("a/**/b.txt", "a/b.txt", True),
    ("a/**/b.txt", "a/x/y/b.txt", True),
    ("a/**", "a/x/y.txt", True),
    ("[ab].txt", "b.txt", True),
    ("[!ab].txt", "b.txt", False),
    ("[!ab].txt", "c.txt", True),
    ("[a-c]x", "bx", True),
    ("[a-c]x", "dx", False),
    ("[]]x", "]x", True),                        # ] first in a class is a member
    ("[x", "[x", True),                          # an unclosed [ is a literal
    ("archive/private", "archive/private/a.txt", True),
    ("archive/private", "archive/privateer/a.txt", False),
    ("**a*b**", "xaybz/q.txt", True),            # runs of stars inside a segment are one star
])
def test_glob_semantics(pattern, path, expected):
    assert matches(compile_globs([pattern]), path) is expected


@pytest.mark.parametrize("pattern", ["*a" * 30 + "*b", "**/" * 30 + "*a" * 30 + "b", "*" * 5000 + "b"])
def test_many_stars_against_a_near_miss_is_fast(pattern):
    globs = compile_globs([pattern])
    name = "/".join(["a" * 200] * 40) + ".txt"     # almost matches, never does
    start = time.perf_counter()
    assert not matches(globs, name)
    assert time.perf_counter() - start < 1.0      # was exponential: minutes for 10 stars


# ------------------------------------------------------------ config files (18, 27)

def _laughs(levels: int = 12, width: int = 10) -> str:
    lines = ["a0: &a0 [lol]"]
    for i in range(1, levels):
        lines.append(f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * width)}]")
    return "\n".join(lines) + "\n"


@pytest.fixture
def repo(tmp_path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("text,expected", [
    ("ignore: &codes [SID]\nselect: *codes\n", ".newslint.yaml:1: YAML anchors and aliases are not allowed"),
    (_laughs(), ".newslint.yaml:1: YAML anchors and aliases are not allowed"),
    ("select: " + "[" * 5000 + "]" * 5000 + "\n", ".newslint.yaml:1: nested more than 32 levels deep"),
    ("rules:\n  near-duplicate:\n    min-words: " + "9" * 4400 + "\n",
     ".newslint.yaml:3: a number with more than 100 digits"),
    ("include: ['*.txt', '[z-a].txt']\n", ".newslint.yaml:1: include[1]: bad character range z-a"),
    ("per-file-ignores:\n  'news/[9-0]*': [SID]\n", ".newslint.yaml:2: per-file-ignores.news/[9-0]*: bad character range"),
    ("thresholds:\n  - select: [ALL]\n    max-files-percent: .nan\n",
     ".newslint.yaml:3: thresholds[0].max-files-percent: not a finite number"),
    ("rules:\n  near-duplicate:\n    threshold: .nan\n",
     ".newslint.yaml:3: rules.near-duplicate.threshold: not a finite number"),
])
def test_hostile_yaml_config_is_one_line_error(repo, text, expected):
    (repo / ".newslint.yaml").write_text(text, encoding="utf-8")
    start = time.perf_counter()
    r = run_cli("check", "articles", "--no-cache", cwd=repo)
    assert time.perf_counter() - start < 10
    assert r.code == 2 and r.out == "" and r.err.count("\n") == 1, r.err
    assert expected in r.err, r.err


@pytest.mark.parametrize("text,expected", [
    ("[tool.newslint]\nthresholds = [{select = ['ALL'], max-files-percent = nan}]\n",
     "[tool.newslint]: thresholds[0].max-files-percent: not a finite number"),
    ("[tool.newslint.rules.near-duplicate]\nmin-words = " + "9" * 4400 + "\n", "not valid TOML"),
    ("[tool.newslint]\nselect = " + "[" * 5000 + "]" * 5000 + "\n", "not valid TOML"),
])
def test_hostile_pyproject_is_one_line_error(repo, text, expected):
    (repo / "pyproject.toml").write_text(text, encoding="utf-8")
    r = run_cli("check", "articles", "--no-cache", "--config", "pyproject.toml", cwd=repo)
    assert r.code == 2 and r.err.count("\n") == 1 and expected in r.err, r.err


# ------------------------------------------------------------ config discovery (25)

@pytest.mark.parametrize("marker", ["folder", "file"])
def test_config_discovery_stops_at_the_repository_root(repo, marker):
    (repo / ".newslint.yaml").write_text("ignore: [ALL]\n", encoding="utf-8")   # a shared parent's config
    project = repo / "project"
    (repo / "articles").rename(project)
    if marker == "folder":
        (project / ".git").mkdir()
    else:
        (project / ".git").write_text("gitdir: /elsewhere/.git/worktrees/project\n", encoding="utf-8")
    r = run_cli("check", ".", "--no-cache", cwd=project)
    assert r.code == 1 and "SID001" in r.out


def test_config_of_the_repository_root_is_found_from_a_subfolder(repo):
    (repo / ".git").mkdir()
    (repo / ".newslint.yaml").write_text("ignore: [ALL]\n", encoding="utf-8")
    assert run_cli("check", ".", "--no-cache", cwd=repo / "articles").code == 0


def test_config_is_discovered_from_the_linted_path_not_the_working_directory(repo):
    (repo / "articles" / ".newslint.yaml").write_text("ignore: [ALL]\n", encoding="utf-8")
    assert run_cli("check", "articles", "--no-cache", cwd=repo).code == 0
    assert run_cli("check", "articles/a.txt", "--no-cache", cwd=repo).code == 0


def test_several_paths_discover_from_their_common_folder(repo):
    (repo / "news" / "x").mkdir(parents=True)
    (repo / "news" / "y").mkdir()
    for name in ("x", "y"):
        (repo / "news" / name / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (repo / "news" / ".newslint.yaml").write_text("ignore: [ALL]\n", encoding="utf-8")
    assert run_cli("check", "news/x", "news/y/a.txt", "--no-cache", cwd=repo).code == 0
