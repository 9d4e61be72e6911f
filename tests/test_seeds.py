"""Every `must` and `must_not` entry of the hand-checked seed expectations.

Entries of categories no installed rule covers yet are skipped (and so are
counted in the summary); every other entry must hold.
"""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from conftest import SEEDS
from newslint.config import Config
from newslint.engine import LintPlan
from newslint.runner import lint_paths
from newslint.plugins import load_registry

EXPECTED = YAML(typ="safe").load((SEEDS / "expected.yaml").read_text(encoding="utf-8"))


def _findings():
    registry = load_registry()
    plan = LintPlan.build(registry, Config(None, SEEDS, {}))
    found = lint_paths([str(path) for path in sorted(SEEDS.glob("*.txt"))], plan)  # one batch, as `check` runs them
    out = defaultdict(list, {Path(path).name: findings for path, findings in found.items()})
    return out, {r.category for r in registry.rules}


FINDINGS, CATEGORIES = _findings()


def _hit(entry) -> bool:
    for f in FINDINGS[entry["file"]]:
        if f.category == entry["category"] and (entry["line"] is None or f.line <= entry["line"] <= f.end_line):
            return True
    return False


def _params(kind):
    return [pytest.param(e, id=f"{e['file'][:3]}:{e['line']}:{e['category']}") for e in EXPECTED[kind]]


@pytest.mark.parametrize("entry", _params("must"))
def test_must(entry):
    if entry["category"] not in CATEGORIES:
        pytest.skip(f"no rule of category {entry['category']} yet")
    assert _hit(entry), f"missed: {entry['note']}"


@pytest.mark.parametrize("entry", _params("must_not"))
def test_must_not(entry):
    assert not _hit(entry), f"reported: {entry['note']}"
