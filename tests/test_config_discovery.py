"""Configuration found from the linted files, and excludes that hold
(issue 13, items 2 and 3): hierarchical configs, config file formats,
--force-exclude, excludes below a path argument, .gitignore, default
excludes, files that are not found."""
from __future__ import annotations

import json
import shutil
import subprocess
import time

import pytest

from conftest import run_cli

ARTICLE = "عنوان الخبر\n\nأعلن الوزير عن خطة جديدة لدعم المؤسسات الصغرى في الجهات.\n\n310310\n\nالمصدر: وكالات\n"   # SID001: a stray id


def write(path, text=ARTICLE):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def linted(r) -> set:
    """The paths a JSON report has findings for (every ARTICLE has one)."""
    assert "Traceback" not in r.err and "internal error" not in r.err, r.err
    return {f["path"] for f in json.loads(r.out)["findings"]}


def check_json(cwd, *args):
    return run_cli("check", "--format", "json", "--no-cache", *args, cwd=cwd)


@pytest.fixture
def repo(tmp_path):
    (tmp_path / ".git").mkdir()
    write(tmp_path / "articles" / "a.txt")
    return tmp_path


# ------------------------------------------------------------ config file formats (2, 3)

def test_a_pyproject_that_is_not_toml_is_a_one_line_error_naming_its_line(repo):
    write(repo / "pyproject.toml", '[project]\nname = "x"\n[tool.newslint\nignore = ["ALL"]\n')
    r = run_cli("check", "articles", "--no-cache", cwd=repo)
    assert r.code == 2 and r.out == "" and r.err.count("\n") == 1, r.err
    assert "pyproject.toml:3: not valid TOML" in r.err, r.err


def test_a_toml_config_named_on_the_command_line_is_read_as_toml(repo):
    write(repo / "newslint.toml", 'select = ["stray-id"]\n[severity]\nSID001 = "info"\n')
    r = run_cli("check", "articles", "--no-cache", "--config", "newslint.toml", cwd=repo)
    assert r.code == 0 and "SID001" in r.out and "info" in r.out, r.out + r.err


def test_a_toml_config_with_a_tool_table_is_read_like_a_pyproject(repo):
    write(repo / "project.toml", '[project]\nname = "x"\n[tool.newslint]\nignore = ["ALL"]\n')
    r = run_cli("check", "articles", "--no-cache", "--config", "project.toml", cwd=repo)
    assert r.code == 0 and "SID001" not in r.out, r.out + r.err


def test_a_toml_config_with_an_unknown_key_names_it(repo):
    write(repo / "newslint.toml", 'frobnicate = 1\n')
    r = run_cli("check", "articles", "--no-cache", "--config", "newslint.toml", cwd=repo)
    assert r.code == 2 and r.err.count("\n") == 1 and "unknown key 'frobnicate'" in r.err, r.err


@pytest.mark.parametrize("name", ["config.yml", "config.YAML"])
def test_a_yaml_config_named_on_the_command_line_is_read_as_yaml(repo, name):
    write(repo / name, "ignore: [ALL]\n")
    assert run_cli("check", "articles", "--no-cache", "--config", name, cwd=repo).code == 0


@pytest.mark.parametrize("name", ["newslint.cfg", "newslint"])
def test_a_config_of_an_unknown_format_is_a_one_line_error(repo, name):
    write(repo / name, "ignore: [ALL]\n")
    r = run_cli("check", "articles", "--no-cache", "--config", name, cwd=repo)
    assert r.code == 2 and r.err.count("\n") == 1, r.err
    assert f"{name}: unknown configuration format" in r.err and ".toml" in r.err, r.err


# ------------------------------------------------------------ default excludes (7)

def test_build_outputs_and_tool_folders_are_skipped_when_walking(repo):
    for rel in ("x.egg-info/SOURCES.txt", "build/a.txt", "dist/a.txt", "node_modules/p/a.txt",
                "__pycache__/a.txt", ".newslint_cache/a.txt", "src/.venv/a.txt"):
        write(repo / rel)
    assert linted(check_json(repo, ".")) == {"articles/a.txt"}


def test_an_explicit_exclude_replaces_the_default_list(repo):
    write(repo / "build" / "a.txt")
    write(repo / ".newslint.yaml", "exclude: [articles]\n")
    assert linted(check_json(repo, ".")) == {"build/a.txt"}


# ------------------------------------------------------------ suffixes (8)

@pytest.mark.parametrize("name", ["A.TXT", "b.Txt"])
def test_a_text_suffix_in_capitals_is_a_text_file(tmp_path, name):
    write(tmp_path / "up" / name)
    assert linted(check_json(tmp_path, "up")) == {f"up/{name}"}


# ------------------------------------------------------------ hierarchical configuration (1)

WSP = ARTICLE.replace("الوزير", "الوزير\u00a0")    # WSP001 too: a no-break space


@pytest.fixture
def two_desks(repo):
    """news/a ignores SID, news/b makes SID001 an error and runs only it;
    the root config (news/c has none of its own) ignores WSP."""
    write(repo / ".newslint.yaml", "ignore: [WSP]\n")
    write(repo / "news" / "a" / ".newslint.yaml", "ignore: [SID]\n")
    write(repo / "news" / "b" / ".newslint.yaml", "select: [SID]\nseverity:\n  SID001: error\n")
    for desk in "abc":
        write(repo / "news" / desk / "x.txt", WSP)
    return repo


def findings_by_path(r) -> dict:
    assert "Traceback" not in r.err and "internal error" not in r.err, r.err
    out = {}
    for f in json.loads(r.out)["findings"]:
        out.setdefault(f["path"], set()).add((f["code"], f["severity"]))
    return out


DESKS = {"news/a/x.txt": {("WSP001", "warning")},
         "news/b/x.txt": {("SID001", "error")},
         "news/c/x.txt": {("SID001", "warning")}}


def test_each_file_uses_the_closest_config(two_desks):
    assert findings_by_path(check_json(two_desks, ".")) == {**DESKS, "articles/a.txt": {("SID001", "warning")}}
    assert findings_by_path(check_json(two_desks, "news/a/x.txt", "news/b", "news/c")) == DESKS


def test_each_file_uses_the_closest_config_through_the_cache(two_desks):
    for _ in range(2):  # cold, then warm
        assert findings_by_path(run_cli("check", "news", "--format", "json", cwd=two_desks)) == DESKS
    write(two_desks / "news" / "a" / ".newslint.yaml", "ignore: [WSP]\n")     # the config changed: no stale hit
    third = findings_by_path(run_cli("check", "news", "--format", "json", cwd=two_desks))
    assert third == {**DESKS, "news/a/x.txt": {("SID001", "warning")}}


def test_the_closest_config_is_found_from_the_parent_folder(repo):
    write(repo / "excl" / ".newslint.yaml", "ignore: [ALL]\n")
    write(repo / "excl" / "x.txt")
    assert linted(check_json(repo, "excl")) == set()
    assert linted(check_json(repo, ".")) == {"articles/a.txt"}


def test_an_explicit_config_is_used_for_every_file(two_desks):
    write(two_desks / "only-sid.yaml", "select: [SID]\n")
    found = findings_by_path(check_json(two_desks, ".", "--config", "only-sid.yaml"))
    assert found == {f"news/{d}/x.txt": {("SID001", "warning")} for d in "abc"} | {
        "articles/a.txt": {("SID001", "warning")}}


def test_per_file_ignores_of_a_nested_config_are_relative_to_its_folder(repo):
    write(repo / "news" / ".newslint.yaml", "per-file-ignores:\n  'old/*.txt': [SID]\n")
    write(repo / "news" / "old" / "x.txt")
    write(repo / "news" / "new" / "x.txt")
    assert linted(check_json(repo, ".")) == {"articles/a.txt", "news/new/x.txt"}


# ------------------------------------------------------------ excludes below a path argument (5)

@pytest.mark.parametrize("glob", ["archive/drafts", "./archive/drafts", "/archive/drafts", "archive/drafts/"])
def test_an_exclude_holds_below_a_path_argument(repo, glob):
    write(repo / ".newslint.yaml", f"extend-exclude: [{glob!r}]\n")
    write(repo / "archive" / "drafts" / "d.txt")
    write(repo / "archive" / "a.txt")
    assert linted(check_json(repo, "archive")) == {"archive/a.txt"}
    assert linted(check_json(repo / "archive", ".")) == {"a.txt"}
    assert linted(check_json(repo, ".")) == {"archive/a.txt", "articles/a.txt"}


def test_a_nested_config_excludes_relative_to_its_folder_when_walked_from_above(repo):
    write(repo / "archive" / ".newslint.yaml", "extend-exclude: [drafts]\n")
    write(repo / "archive" / "drafts" / "d.txt")
    write(repo / "drafts" / "d.txt")                  # the root config does not exclude this one
    assert linted(check_json(repo, ".")) == {"articles/a.txt", "drafts/d.txt"}


# ------------------------------------------------------------ --force-exclude (4)

@pytest.fixture
def excluded(repo):
    write(repo / ".newslint.yaml", "extend-exclude: [archive/drafts]\n")
    write(repo / "archive" / "drafts" / "d.txt")
    write(repo / "build" / "b.txt")                  # a default exclude
    return repo


NAMED = ("archive/drafts/d.txt", "build/b.txt", "articles/a.txt")


def test_named_files_are_linted_even_when_excluded(excluded):
    assert linted(check_json(excluded, *NAMED)) == set(NAMED)


def test_force_exclude_matches_named_files_against_the_excludes(excluded):
    assert linted(check_json(excluded, "--force-exclude", "--", *NAMED)) == {"articles/a.txt"}
    assert linted(check_json(excluded, "--force-exclude", "archive/drafts", "articles")) == {"articles/a.txt"}


def test_force_exclude_from_the_config(excluded):
    write(excluded / ".newslint.yaml", "extend-exclude: [archive/drafts]\nforce-exclude: true\n")
    assert linted(check_json(excluded, *NAMED)) == {"articles/a.txt"}


def test_force_exclude_uses_the_excludes_of_each_files_config(excluded):
    write(excluded / "archive" / ".newslint.yaml", "extend-exclude: [old.txt]\n")
    write(excluded / "archive" / "old.txt")
    write(excluded / "archive" / "drafts" / "d.txt")  # the root's exclude no longer holds below archive/
    found = linted(check_json(excluded, "--force-exclude", "archive/old.txt", "archive/drafts/d.txt"))
    assert found == {"archive/drafts/d.txt"}


# ------------------------------------------------------------ .gitignore (6)

@pytest.fixture
def ignoring(repo):
    """A repository whose .gitignore files and info/exclude hide some articles."""
    write(repo / ".gitignore", "tmp/\n*.bak.txt\n")
    write(repo / "sub" / ".gitignore", "local.txt\n!keep.bak.txt\n")
    write(repo / ".git" / "info" / "exclude", "# private notes\n/private/\n")
    for rel in ("tmp/a.txt", "x.bak.txt", "sub/local.txt", "sub/keep.bak.txt", "local.txt", "private/p.txt",
                "sub/private/p.txt", "sub/deeper/y.bak.txt"):
        write(repo / rel)
    return repo


def test_gitignore_files_and_info_exclude_are_respected(ignoring):
    assert linted(check_json(ignoring, ".")) == {"articles/a.txt", "local.txt", "sub/keep.bak.txt",
                                                "sub/private/p.txt"}


def test_gitignore_files_above_the_walked_folder_apply(ignoring):
    assert linted(check_json(ignoring / "sub", ".")) == {"keep.bak.txt", "private/p.txt"}
    assert linted(check_json(ignoring, "sub")) == {"sub/keep.bak.txt", "sub/private/p.txt"}


def test_no_respect_gitignore_walks_everything(ignoring):
    every = {"articles/a.txt", "tmp/a.txt", "x.bak.txt", "sub/local.txt", "sub/keep.bak.txt", "local.txt",
             "private/p.txt", "sub/private/p.txt", "sub/deeper/y.bak.txt"}
    assert linted(check_json(ignoring, "--no-respect-gitignore", ".")) == every
    write(ignoring / ".newslint.yaml", "respect-gitignore: false\n")
    assert linted(check_json(ignoring, ".")) == every


def test_named_ignored_files_are_linted_unless_force_exclude(ignoring):
    named = ("tmp/a.txt", "sub/local.txt", "articles/a.txt")
    assert linted(check_json(ignoring, *named)) == set(named)
    assert linted(check_json(ignoring, "--force-exclude", *named)) == {"articles/a.txt"}


def test_gitignore_outside_a_repository_is_not_read(tmp_path):
    write(tmp_path / ".gitignore", "*.txt\n")
    write(tmp_path / "a.txt")
    assert linted(check_json(tmp_path, ".")) == {"a.txt"}


def test_a_nested_repository_does_not_inherit_the_outer_gitignore(ignoring):
    (ignoring / "vendor" / ".git").mkdir(parents=True)
    write(ignoring / "vendor" / "z.bak.txt")
    assert "vendor/z.bak.txt" in linted(check_json(ignoring, "."))


def test_a_folder_of_near_suffixes_warns_how_to_include_them(tmp_path):
    write(tmp_path / "up" / "b.text")
    write(tmp_path / "up" / "notes.md")
    r = run_cli("check", "up", "--no-cache", cwd=tmp_path)
    assert r.code == 0 and "0 files" in r.out, r.out + r.err
    warnings = [line for line in r.err.splitlines() if line.startswith("newslint: warning:")]
    assert len(warnings) == 2, r.err
    assert "up/b.text" in warnings[0] and 'extend-include: ["*.text"]' in warnings[0], r.err
    assert "no files found" in warnings[1], r.err


def test_extend_include_adds_suffixes(tmp_path):
    write(tmp_path / "up" / "b.text")
    write(tmp_path / "up" / "c.txt")
    write(tmp_path / ".newslint.yaml", "extend-include: ['*.text']\n")
    r = check_json(tmp_path, "up")
    assert linted(r) == {"up/b.text", "up/c.txt"} and "warning" not in r.err


def test_no_files_at_all_is_a_warning_and_exit_0(tmp_path):
    (tmp_path / "empty").mkdir()
    r = run_cli("check", "empty", "--no-cache", cwd=tmp_path)
    assert r.code == 0 and r.err == "newslint: warning: no files found under the given paths\n", r.err


def test_files_found_elsewhere_give_no_warning(tmp_path):
    write(tmp_path / "up" / "b.text")
    write(tmp_path / "news" / "a.txt")
    r = run_cli("check", "up", "news", "--no-cache", cwd=tmp_path)
    assert r.code == 1 and "up/b.text" in r.err and "no files found" not in r.err, r.err


def test_a_named_ignored_folder_is_walked_unless_force_exclude(ignoring):
    write(ignoring / "tmp" / "deep" / "b.txt")
    assert linted(check_json(ignoring, "tmp")) == {"tmp/a.txt", "tmp/deep/b.txt"}
    assert linted(check_json(ignoring, "--force-exclude", "tmp", "articles")) == {"articles/a.txt"}
    assert linted(check_json(ignoring, "--force-exclude", "tmp/deep/b.txt", "articles")) == {"articles/a.txt"}


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_the_files_walked_are_the_files_git_does_not_ignore(tmp_path):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    write(tmp_path / ".gitignore", "*.log.txt\n!important.log.txt\n/top.txt\nout/\n**/cache/**\nd?.txt\n"
                                   "a/**/z.txt\n\\#hash.txt\n[ab]x.txt\n\\!bang.txt\nsp.txt   \nlit\\*.txt\n"
                                   "**/deep2/**\ne/**\n!e/keep.txt\n[!q]q.txt\nmid/*/n.txt\nb[.txt\n*[.txt\n")
    write(tmp_path / "a" / ".gitignore", "/local.txt\n*.txt\n!keep*.txt\n")
    write(tmp_path / "a" / "b" / ".gitignore", "!*.txt\nnot-here.txt\n")
    names = ["top.txt", "sub/top.txt", "x.log.txt", "important.log.txt", "sub/important.log.txt", "out/o.txt",
             "sub/out/o.txt", "q/cache/c.txt", "d1.txt", "d12.txt", "a/z.txt", "a/m/z.txt", "#hash.txt",
             "ax.txt", "cx.txt", "a/local.txt", "a/keep1.txt", "a/other.txt", "a/b/other.txt",
             "a/b/not-here.txt", "a/b/c/deep.txt", "plain.txt", "!bang.txt", "sp.txt", "lit*.txt", "litx.txt",
             "f/deep2/g.txt", "deep2/h.txt", "e/h.txt", "e/keep.txt", "qq.txt", "xq.txt", "mid/k/n.txt",
             "mid/k/l/n.txt", "mid/n.txt", "b[.txt", "cc[.txt"]
    for name in names:
        write(tmp_path / name)
    listed = subprocess.run(["git", "ls-files", "--others", "--exclude-standard"], cwd=tmp_path, check=True,
                            capture_output=True, text=True).stdout.split()
    assert linted(check_json(tmp_path, ".")) == {n for n in listed if n.endswith(".txt")}


def test_files_of_several_configs_are_reported_in_path_order(repo):
    write(repo / "m" / ".newslint.yaml", "severity:\n  SID001: error\n")
    for rel in ("a.txt", "m/x.txt", "z.txt"):
        write(repo / rel)
    r = run_cli("check", ".", "--no-cache", cwd=repo)
    reported = [line.split(":")[0] for line in r.out.splitlines() if "SID001 [stray-id]" in line]
    assert reported == ["a.txt", "articles/a.txt", "m/x.txt", "z.txt"], r.out
    paths = [f["path"] for f in json.loads(check_json(repo, ".").out)["findings"] if f["code"] == "SID001"]
    assert paths == reported


def test_a_broken_config_met_while_walking_is_a_one_line_error(repo):
    write(repo / "news" / "desk" / ".newslint.yaml", "select: [ALL\n")
    write(repo / "news" / "desk" / "x.txt")
    r = run_cli("check", ".", "--no-cache", cwd=repo)
    assert r.code == 2 and r.out == "" and r.err.count("\n") == 1, r.err
    assert "desk/.newslint.yaml:2: not valid YAML" in r.err, r.err


def test_a_pyproject_without_a_newslint_table_is_passed_over_while_walking(repo):
    write(repo / ".newslint.yaml", "ignore: [ALL]\n")
    write(repo / "pkg" / "pyproject.toml", '[project]\nname = "pkg"\n')
    write(repo / "pkg" / "x.txt")
    assert linted(check_json(repo, ".")) == set()
    assert linted(check_json(repo, "pkg")) == set()


@pytest.mark.parametrize("text", ['tool = 3\n', 'tool = "newslint"\n'])
def test_a_pyproject_whose_tool_is_not_a_table_is_passed_over(repo, text):
    write(repo / "pyproject.toml", text)
    r = run_cli("check", "articles", "--no-cache", cwd=repo)
    assert r.code == 1 and "SID001" in r.out, r.err
    r = run_cli("check", "articles", "--no-cache", "--config", "pyproject.toml", cwd=repo)
    assert r.code == 1 and "SID001" in r.out, r.err


def test_lines_of_a_gitignore_that_mean_nothing_are_skipped_as_git_does(repo):
    write(repo / ".gitignore", "\\\\\n!\n[z-a].txt\na\\\\\nskipped.txt\n", )
    write(repo / "skipped.txt")
    write(repo / "z.txt")
    r = check_json(repo, ".")
    assert linted(r) == {"articles/a.txt", "z.txt"}, r.err


def test_a_hostile_gitignore_pattern_against_a_near_miss_is_fast(repo):
    """gitignore patterns are untrusted like config globs: a pattern with
    many stars against a long near miss must not backtrack (a regex
    translation takes minutes here)."""
    write(repo / ".gitignore", "*".join(["a"] * 9) + "*b\n")
    write(repo / ("a" * 64 + ".txt"))
    start = time.perf_counter()
    r = check_json(repo, ".")
    assert time.perf_counter() - start < 5
    assert linted(r) == {"articles/a.txt", "a" * 64 + ".txt"}


def test_a_gitignore_with_a_byte_order_mark_is_read_as_git_reads_it(repo):
    write(repo / ".gitignore", "\ufeffarticles/a.txt\n")
    write(repo / "kept.txt")
    assert linted(check_json(repo, ".")) == {"kept.txt"}


def test_the_failed_line_names_the_first_finding_of_the_report_across_configs(repo):
    write(repo / ".newslint.yaml", "select: [WSP]\n")
    write(repo / "sub" / ".newslint.yaml", "select: [WSP]\n")
    write(repo / "z.txt", "قال\u00a0الوزير\n")
    write(repo / "sub" / "y.txt", "قال\u00a0الوزير\n")
    r = run_cli("check", "--no-cache", ".", cwd=repo)
    lines = r.out.splitlines()
    assert lines[0].startswith("sub/y.txt:1:")
    assert "(first: sub/y.txt:1:" in lines[-1], r.out


def test_standard_input_takes_the_config_of_its_stdin_filename(repo):
    write(repo / "sub" / ".newslint.yaml", "per-file-ignores:\n  y.txt: [WSP001]\n")
    text = "عنوان الخبر\n\nقال\u00a0الوزير إن الاجتماع انتهى دون اتفاق على موعد جديد للقاء المقبل.\n"
    write(repo / "sub" / "y.txt", text)
    named = run_cli("check", "--no-cache", "--format", "json", "sub/y.txt", cwd=repo)
    piped = run_cli("check", "--no-cache", "--format", "json", "--stdin-filename", "sub/y.txt", "-",
                    cwd=repo, stdin=text)
    codes = [[f["code"] for f in json.loads(r.out)["findings"]] for r in (named, piped)]
    assert "WSP001" not in codes[0] and codes[1] == codes[0], codes
