"""Hostile input to config, discovery and globs (issue 10, part B): each
case ends in a clear one-line error or a note, never a hang or a traceback."""
from __future__ import annotations

import json
import os
import time

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from conftest import run_cli
from newslint.globs import compile_globs, glob_problem, matches

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


def _reference_match(pattern: str, path: str) -> bool:
    """The glob rules, by brute force: fnmatch per segment, `**` tried at
    every split (exponential, fine for tiny inputs)."""
    import fnmatch

    parts = pattern.split("/")
    parts = (["**"] if len(parts) == 1 else []) + parts[:-1] + (["*", "**"] if parts[-1] == "**" else [parts[-1]])

    def match(pats, segs):
        if not pats:
            return not segs
        if pats[0] == "**":
            return any(match(pats[1:], segs[i:]) for i in range(len(segs) + 1))
        return bool(segs) and fnmatch.fnmatchcase(segs[0], pats[0]) and match(pats[1:], segs[1:])

    return match(parts, path.split("/"))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["a", "b", "*", "**", "a*", "?b", "[ab]", "*a*"]), min_size=1, max_size=4),
       st.lists(st.sampled_from(["a", "b", "ab", "ba", "aa"]), min_size=1, max_size=5))
def test_globs_agree_with_a_brute_force_matcher(pattern_parts, path_parts):
    pattern, path = "/".join(pattern_parts), "/".join(path_parts)
    assert matches(compile_globs([pattern]), path, within=False) is _reference_match(pattern, path)


@settings(max_examples=300, deadline=None)
@given(st.text("ab*?[]!-", min_size=1, max_size=8), st.text("ab-]![", min_size=1, max_size=8))
def test_a_segment_glob_agrees_with_fnmatch(pattern, name):
    import fnmatch

    assume(pattern.strip() and glob_problem(pattern) is None)
    assert matches(compile_globs([pattern]), name, within=False) is fnmatch.fnmatchcase(name, pattern)


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


# ------------------------------------------------------------ walking folders (15, 20, 26, 28)

def report(r):
    import json

    assert "Traceback" not in r.err and "internal error" not in r.err, r.err
    return json.loads(r.out)


def test_a_fifo_and_a_symlink_to_a_device_are_skipped_with_a_note(tmp_path):
    import os

    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")                       # reading it would block for ever
    (tmp_path / "zero.txt").symlink_to("/dev/zero")        # reading it would never end
    (tmp_path / "pipe.md").symlink_to(tmp_path / "pipe.txt")   # not included: no note
    r = run_cli("check", ".", "--format", "json", "--no-cache", cwd=tmp_path)
    rep = report(r)
    assert rep["summary"]["files"] == 1 and rep["errors"] == [] and r.code == 1
    notes = sorted(line for line in r.err.splitlines())
    assert notes == ["newslint: note: skipped pipe.txt: a FIFO, not a regular file",
                     "newslint: note: skipped zero.txt: a character device, not a regular file"], r.err


@pytest.mark.parametrize("name,kind", [("pipe.txt", "a FIFO"), ("zero.txt", "a character device")])
def test_a_special_file_named_on_the_command_line_is_a_file_error(tmp_path, name, kind):
    import os

    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    r = run_cli("check", name, "--format", "json", "--no-cache", cwd=tmp_path)
    assert r.code == 1 and report(r)["errors"] == [{"path": name, "message": f"{kind}, not a regular file",
                                                           "kind": "lint"}]


def test_a_very_deep_tree_is_walked(tmp_path):
    import os

    folders = [os.path.join(tmp_path, *["d"] * depth) for depth in range(1, 1501)]
    for folder in folders:           # os.makedirs and shutil.rmtree recurse too
        os.mkdir(folder)
    article = os.path.join(folders[-1], "a.txt")
    with open(article, "w", encoding="utf-8") as fh:
        fh.write(ARTICLE)
    try:
        rep = report(run_cli("check", ".", "--format", "json", "--no-cache", cwd=tmp_path))
        assert rep["summary"]["files"] == 1
    finally:
        os.remove(article)
        for folder in reversed(folders):
            os.rmdir(folder)


def test_a_folder_that_cannot_be_listed_is_a_file_error(tmp_path, monkeypatch):
    import os

    (tmp_path / "ok").mkdir()
    (tmp_path / "ok" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "b.txt").write_text(ARTICLE, encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path="."):  # root can list anything: refuse like the OS would for others
        if os.fspath(path).rstrip("/").endswith("locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    r = run_cli("check", ".", "--format", "json", "--no-cache", "--select", "WSP", cwd=tmp_path)
    rep = report(r)
    assert rep["errors"] == [{"path": "locked", "message": "cannot list folder: Permission denied",
                              "kind": "lint"}]
    assert rep["summary"]["files"] == 2 and r.code == 1


def test_excludes_are_relative_to_the_config_folder(tmp_path):
    (tmp_path / ".newslint.yaml").write_text("extend-exclude: [archive/private]\n", encoding="utf-8")
    for folder in ("archive/private", "archive/public"):
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "a.txt").write_text(ARTICLE.replace("\n\n310310", "\u00a0\n\n310310"), encoding="utf-8")
    before = (tmp_path / "archive/private/a.txt").read_bytes()
    run_cli("check", "archive", "--fix", cwd=tmp_path)
    assert (tmp_path / "archive/private/a.txt").read_bytes() == before         # excluded: left alone
    assert (tmp_path / "archive/public/a.txt").read_bytes() != before          # linted and fixed
    rep = report(run_cli("check", ".", "--format", "json", "--no-cache", cwd=tmp_path / "archive"))
    assert {f["path"] for f in rep["findings"]} == {"public/a.txt"}


def test_the_walked_folder_itself_is_never_excluded(tmp_path):
    (tmp_path / "venv" / "news").mkdir(parents=True)           # `venv` is a default exclude
    (tmp_path / "venv" / "news" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    rep = report(run_cli("check", "venv/news", "--format", "json", "--no-cache", cwd=tmp_path))
    assert rep["summary"]["files"] == 1


def test_include_is_relative_to_the_config_folder(tmp_path):
    (tmp_path / ".newslint.yaml").write_text("include: ['news/**/*.txt']\n", encoding="utf-8")
    (tmp_path / "news" / "2024").mkdir(parents=True)
    (tmp_path / "news" / "2024" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    rep = report(run_cli("check", "news/2024", "--format", "json", "--no-cache", cwd=tmp_path))
    assert rep["summary"]["files"] == 1


@pytest.mark.parametrize("fmt", ["json", "jsonl", "sarif", "junit", "github", "text"])
def test_a_file_name_that_is_not_utf8_reaches_every_report_file(tmp_path, fmt):
    """A lone surrogate in a path used to end the JSON reports with an
    internal error; it is written as an escape instead."""
    (tmp_path / os.fsdecode(b"bad\xffname.txt")).write_bytes("قال الوزير  اليوم.\n".encode())
    r = run_cli("check", ".", "--no-cache", "--format", fmt, "-o", "out", cwd=tmp_path)
    assert r.code == 1, r.err
    text = (tmp_path / "out").read_text(encoding="utf-8")
    assert "name.txt" in text
    if fmt == "json":
        assert json.loads(text)["findings"][0]["path"].endswith("name.txt")
