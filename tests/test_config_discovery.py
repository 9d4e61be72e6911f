"""Configuration found from the linted files, and excludes that hold
(issue 13, items 2 and 3): hierarchical configs, config file formats,
--force-exclude, excludes below a path argument, .gitignore, default
excludes, files that are not found."""
from __future__ import annotations

import json

import pytest

from conftest import run_cli

ARTICLE = "عنوان الخبر\n\nأعلن الوزير عن خطة جديدة.\n\n310310\n\nالمصدر: وكالات\n"   # SID001: a stray id


def write(path, text=ARTICLE):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def linted(r) -> set:
    """The paths a JSON report has findings for (every ARTICLE has one)."""
    assert "Traceback" not in r.err and "internal error" not in r.err, r.err
    return {f["path"] for f in json.loads(r.out)["findings"]}


def check_json(cwd, *args):
    return run_cli("check", *args, "--format", "json", "--no-cache", cwd=cwd)


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
