"""Every rule's real lines that must fire and must not, from rule_cases/*.yaml.

Each YAML file maps a rule code to `fail` (texts where the rule must report),
`pass` (texts where it must stay silent) and optionally `fix` ([before,
after] pairs checked with the rule's own fixes applied). Texts are whole
files; YAML double-quoted strings spell invisible characters as \\u escapes.
A case may also be a mapping: `text` plus `encoding` (encode the text so),
`prefix_hex` / `suffix_hex` (raw bytes around it).
"""
from __future__ import annotations

from pathlib import Path

import pytest
from ruamel.yaml import YAML

from conftest import lint_text

CASES = Path(__file__).parent / "rule_cases"


def _load():
    for file in sorted(CASES.glob("*.yaml")):
        data = YAML(typ="safe").load(file.read_text(encoding="utf-8"))
        for code, spec in data.items():
            for kind in ("fail", "pass"):
                for i, text in enumerate(spec.get(kind) or []):
                    yield pytest.param(code, kind, text, id=f"{code}-{kind}-{i}")


def _load_fixes():
    for file in sorted(CASES.glob("*.yaml")):
        data = YAML(typ="safe").load(file.read_text(encoding="utf-8"))
        for code, spec in data.items():
            for i, (before, after) in enumerate(spec.get("fix") or []):
                yield pytest.param(code, before, after, id=f"{code}-fix-{i}")


def as_input(case):
    if isinstance(case, str):
        return case
    data = case["text"].encode(case.get("encoding", "utf-8"))
    return bytes.fromhex(case.get("prefix_hex", "")) + data + bytes.fromhex(case.get("suffix_hex", ""))


@pytest.mark.parametrize("code,kind,text", list(_load()))
def test_rule_case(code, kind, text):
    text = as_input(text)
    found = [f for f in lint_text(text, select=[code]) if f.code == code]
    if kind == "fail":
        assert found, f"{code} should fire on {text!r}"
        for f in found:
            assert f.message and f.line >= 1 and f.column >= 1 and f.end_line >= f.line
    else:
        assert not found, f"{code} should not fire on {text!r}: {[f.message for f in found]}"


@pytest.mark.parametrize("code,before,after", list(_load_fixes()))
def test_rule_fix(code, before, after):
    from newslint.fixer import apply_fixes

    findings = [f for f in lint_text(as_input(before), select=[code]) if f.code == code]
    assert findings, f"{code} should fire on {before!r}"
    fixed, applied, skipped = apply_fixes(as_input(before), findings, unsafe=True)
    expected = as_input(after)
    if isinstance(fixed, bytes) and isinstance(expected, str):
        expected = expected.encode("utf-8")
    assert fixed == expected
    assert applied
    again = [f for f in lint_text(fixed, select=[code]) if f.code == code and f.fix]
    assert not again, "a second fix pass must find nothing to fix"


def test_every_rule_has_cases(registry):
    covered = set()
    for file in CASES.glob("*.yaml"):
        data = YAML(typ="safe").load(file.read_text(encoding="utf-8"))
        covered.update(code for code, spec in data.items() if spec.get("fail") and spec.get("pass"))
    builtin = {r.code for r in registry.rules
               if r.__module__.startswith("newslint.") and r not in registry.batch_rules}  # test_batch.py
    assert builtin - covered == set()
