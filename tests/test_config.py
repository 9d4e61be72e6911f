"""Configuration: discovery, validation with line numbers, effects."""
from __future__ import annotations

import pytest

from conftest import run_cli

DIRTY = "أعلن وزير الخارجية الروسي\u00a0عن خطة لعقد قمة ثلاثية.\n\n310310\n\nالمصدر: RT Arabic\n"


@pytest.fixture
def repo(tmp_path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a.txt").write_text(DIRTY, encoding="utf-8")
    return tmp_path


def test_no_config_gives_defaults(repo):
    r = run_cli("check", "articles", cwd=repo)
    assert r.code == 1 and "SID001" in r.out and "WSP001" in r.out


def test_yaml_config_found_walking_up(repo):
    (repo / ".newslint.yaml").write_text("ignore: [SID]\nseverity:\n  WSP001: info\n", encoding="utf-8")
    r = run_cli("check", ".", cwd=repo / "articles")
    assert "SID001" not in r.out and r.code == 0   # WSP001 is only info now


def test_pyproject_table(repo):
    (repo / "pyproject.toml").write_text('[tool.newslint]\nselect = ["stray-id"]\n', encoding="utf-8")
    r = run_cli("check", "articles", cwd=repo)
    assert "SID001" in r.out and "WSP001" not in r.out


def test_per_file_ignores_and_rule_options(repo):
    (repo / "articles" / "b.txt").write_text("خبر.\n\n\n\nخبر.\n", encoding="utf-8")
    (repo / ".newslint.yaml").write_text(
        "per-file-ignores:\n  'articles/a.txt': [SID001]\nrules:\n  blank-line-run:\n    max-blank-lines: 3\n",
        encoding="utf-8")
    r = run_cli("check", ".", "--fail-on", "info", cwd=repo)
    assert "SID001" not in r.out and "WSP006" not in r.out and "WSP001" in r.out


def test_include_exclude(repo):
    (repo / "articles" / "c.md").write_text("310310\n", encoding="utf-8")
    (repo / "drafts").mkdir()
    (repo / "drafts" / "d.txt").write_text("310310\n", encoding="utf-8")
    (repo / ".newslint.yaml").write_text("include: ['**/*.md', '**/*.txt']\nextend-exclude: [drafts]\n",
                                         encoding="utf-8")
    r = run_cli("check", ".", cwd=repo)
    assert "c.md" in r.out and "drafts" not in r.out


@pytest.mark.parametrize("text,expected", [
    ("select: [ALL]\nfrobnicate: true\n", ".newslint.yaml:2: unknown key 'frobnicate'"),
    ("select: [ALL, NUMX]\n", ".newslint.yaml:1: select[1]: 'NUMX' is not a known rule code"),
    ("rules:\n  blank-line-run:\n    max-blank-lines: many\n", ".newslint.yaml:3: rules.blank-line-run.max-blank-lines: expected integer"),
    ("rules:\n  no-such-rule: {}\n", ".newslint.yaml:2: rules: unknown key 'no-such-rule'"),
    ("fail-on: sometimes\n", ".newslint.yaml:1: fail-on: 'sometimes' is not one of error, warning, info"),
    ("select: [ALL\n", ".newslint.yaml:2: not valid YAML"),
    ("- just\n- a list\n", ".newslint.yaml:1: the configuration must be a mapping"),
])
def test_wrong_config_is_exit_2_with_line(repo, text, expected):
    (repo / ".newslint.yaml").write_text(text, encoding="utf-8")
    r = run_cli("check", "articles", cwd=repo)
    assert r.code == 2 and r.out == ""
    assert r.err.count("\n") == 1 and expected in r.err, r.err


def test_explicit_config_missing(repo):
    r = run_cli("check", "articles", "--config", "nope.yaml", cwd=repo)
    assert r.code == 2 and "config file not found: nope.yaml" in r.err


def test_broken_pyproject(repo):
    (repo / "pyproject.toml").write_text("[tool.newslint\n", encoding="utf-8")
    r = run_cli("check", "articles", "--config", "pyproject.toml", cwd=repo)
    assert r.code == 2 and "not valid TOML" in r.err


def test_isolated_ignores_config(repo):
    (repo / ".newslint.yaml").write_text("ignore: [ALL]\n", encoding="utf-8")
    assert run_cli("check", "articles", cwd=repo).code == 0
    assert run_cli("check", "articles", "--isolated", cwd=repo).code == 1
