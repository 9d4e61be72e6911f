"""Shared helpers: lint text in-process, run the CLI, find the seeds."""
from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pytest

from newslint.config import Config
from newslint.document import Document
from newslint.engine import LintPlan, check_document
from newslint.plugins import load_registry

HERE = Path(__file__).parent
SEEDS = HERE / "fixtures" / "seeds"


@pytest.fixture(autouse=True)
def _plain_output_environment(monkeypatch):
    """The CLI honours FORCE_COLOR and NO_COLOR: a shell or CI runner that
    sets them must not colour (or uncolour) the reports the tests read."""
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)


@pytest.fixture(scope="session")
def registry():
    return load_registry()


def lint_text(text, select=None, config_data=None, path="article.txt"):
    """Findings for `text` (str or bytes) with the rules in `select`."""
    registry = load_registry()
    data = text.encode("utf-8") if isinstance(text, str) else text
    config = Config(None, Path.cwd(), dict(config_data or {}))
    plan = LintPlan.build(registry, config, select=select)
    return check_document(Document(path, data), plan)


def codes(findings):
    return [f.code for f in findings]


class CliResult:
    def __init__(self, code, out, err):
        self.code, self.out, self.err = code, out, err


def run_cli(*args, cwd=None, stdin=None, monkeypatch=None):
    """Run `newslint ARGS` in-process; returns exit code, stdout, stderr."""
    from newslint.cli import main

    old = os.getcwd(), sys.stdout, sys.stderr, sys.stdin
    out, err = io.StringIO(), io.StringIO()
    try:
        if cwd:
            os.chdir(cwd)
        sys.stdout, sys.stderr = out, err
        if stdin is not None:
            sys.stdin = io.TextIOWrapper(io.BytesIO(stdin if isinstance(stdin, bytes) else stdin.encode("utf-8")))
        code = main([str(a) for a in args])
    finally:
        os.chdir(old[0])
        sys.stdout, sys.stderr, sys.stdin = old[1], old[2], old[3]
    return CliResult(code, out.getvalue(), err.getvalue())
