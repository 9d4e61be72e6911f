"""CLI habits users bring from ruff and other linters (issue 13): repeated
selection flags, --output-format, NO_COLOR / FORCE_COLOR, explain's markup."""
from __future__ import annotations

import io
import json

import pytest

from conftest import run_cli

WSP_AND_SID = "أعلن الوزير\u00a0عن خطة.\n\n310310\n\nالمصدر: RT Arabic\n"


@pytest.fixture
def article(tmp_path):
    (tmp_path / "a.txt").write_text(WSP_AND_SID, encoding="utf-8")
    return tmp_path


def _codes(r) -> set:
    return {f["code"] for f in json.loads(r.out)["findings"]}


# ------------------------------------------------------------ repeated selection flags

def test_repeated_select_flags_add_up(article):
    r = run_cli("check", "a.txt", "--no-cache", "--output-format", "json", "--select", "WSP", "--select", "SID",
                cwd=article)
    assert _codes(r) == {"WSP001", "SID001"}


def test_repeated_ignore_flags_add_up(article):
    (article / "a.txt").write_text(WSP_AND_SID.replace("خطة.", "خطة. "), encoding="utf-8")  # + WSP005
    r = run_cli("check", "a.txt", "--no-cache", "--output-format", "json", "--ignore", "WSP001", "--ignore", "SID",
                cwd=article)
    assert _codes(r) == {"WSP005"}


def test_extend_select_flag_adds_to_the_configs_select(article):
    (article / ".newslint.yaml").write_text("select: [WSP]\n", encoding="utf-8")
    r = run_cli("check", "a.txt", "--no-cache", "--output-format", "json", "--extend-select", "SID",
                "--extend-select", "SRC", cwd=article)
    assert _codes(r) == {"WSP001", "SID001"}  # SRC finds nothing here: the article has its source line


def test_extend_select_config_key_adds_to_select(article):
    (article / ".newslint.yaml").write_text("select: [WSP]\nextend-select: [SID]\n", encoding="utf-8")
    r = run_cli("check", "a.txt", "--no-cache", "--output-format", "json", cwd=article)
    assert _codes(r) == {"WSP001", "SID001"}


# ------------------------------------------------------------ --output-format

def test_output_format_is_the_flag_and_format_its_alias(article):
    new = run_cli("check", "a.txt", "--no-cache", "--output-format", "json", cwd=article)
    old = run_cli("check", "a.txt", "--no-cache", "--format", "json", cwd=article)
    assert json.loads(new.out)["findings"] == json.loads(old.out)["findings"]


def test_help_names_output_format_first(capsys):
    from newslint.cli import build_parser

    with pytest.raises(SystemExit):
        build_parser().parse_args(["check", "--help"])
    text = capsys.readouterr().out
    assert "--output-format FORMAT, --format FORMAT" in " ".join(text.split())


# ------------------------------------------------------------ NO_COLOR / FORCE_COLOR

class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("env,choice,tty,expected", [
    ({}, "auto", True, True),
    ({}, "auto", False, False),
    ({"NO_COLOR": "1"}, "auto", True, False),
    ({"NO_COLOR": ""}, "auto", True, True),            # set but empty: no-color.org says ignore it
    ({"NO_COLOR": "1"}, "always", True, True),          # the flag wins over the environment
    ({"FORCE_COLOR": "1"}, "auto", False, True),
    ({"FORCE_COLOR": "1"}, "never", True, False),
    ({"FORCE_COLOR": ""}, "auto", False, False),
    ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, "auto", True, False),  # opting out wins
])
def test_color_follows_no_color_and_force_color(monkeypatch, env, choice, tty, expected):
    from newslint.cli.color import use_color

    for name in ("NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert use_color(choice, _Tty() if tty else io.StringIO()) is expected


def test_force_color_colours_a_piped_report(article, monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert "\x1b[" in run_cli("check", "a.txt", "--no-cache", cwd=article).out
    assert "\x1b[" not in run_cli("check", "a.txt", "--no-cache", "--color", "never", cwd=article).out


# ------------------------------------------------------------ explain

def test_explain_renders_inline_code_without_backticks(monkeypatch):
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    plain = run_cli("explain", "WSP001").out
    assert "`" not in plain
    assert "a leftover of &nbsp; in" in " ".join(plain.split())
    assert 'Fires: "الكرملين:\\u00a0صياغة تعديلات".' in plain


def test_explain_paints_inline_code_with_colour():
    out = run_cli("explain", "WSP001", "--color", "always").out
    assert "`" not in out and "\x1b[1;36m&nbsp;\x1b[0m" in out
