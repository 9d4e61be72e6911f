"""Every rule's real lines, with the exact place of each finding, from
rule_cases/<CODE>.yaml (one file per rule code).

A file holds `cases:`, a list; each case has a `name` and one of:
- `text` (a whole file; optionally `encoding` to encode it so, and
  `prefix_hex` / `suffix_hex` raw bytes around it) and `findings`: the
  line, column, end_line and end_column of every finding of the rule, in
  order (`[]`: the rule must stay silent);
- `fix`: `text` (same keys as above) and `fixed`, the file after the rule's
  own fixes are applied (unsafe ones included);
- `files` (batch rules): file name -> text, run as one batch, and
  `findings` that also name their file (`path`).
A `text` or `files` case may set `options`: the rule's options for that
case (the rest stay at their defaults).
YAML double-quoted strings spell invisible characters as \\u escapes.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from conftest import lint_text, run_cli

CASES = Path(__file__).parent / "rule_cases"
POSITION = ("line", "column", "end_line", "end_column")


@lru_cache(maxsize=None)
def cases_of(code: str) -> tuple:
    data = YAML(typ="safe").load((CASES / f"{code}.yaml").read_text(encoding="utf-8"))
    return tuple(data["cases"])


def case_codes() -> list[str]:
    return sorted(path.stem for path in CASES.glob("*.yaml"))


def _params(kind: str):
    for code in case_codes():
        for i, case in enumerate(cases_of(code)):
            if kind in case:
                yield pytest.param(code, case, id=f"{code}-{i}-{case['name'][:40]}")


def as_input(case):
    """The bytes (or text) of a case: `text`, encoded, between raw bytes."""
    if not any(key in case for key in ("encoding", "prefix_hex", "suffix_hex")):
        return case["text"]
    data = case["text"].encode(case.get("encoding", "utf-8"))
    return bytes.fromhex(case.get("prefix_hex", "")) + data + bytes.fromhex(case.get("suffix_hex", ""))


def findings_of(code: str, data, options=None) -> list:
    config = {"rules": {code: dict(options)}} if options else None
    return [f for f in lint_text(data, select=[code], config_data=config) if f.code == code]


def place(finding, *keys) -> dict:
    get = finding.get if isinstance(finding, dict) else lambda key: getattr(finding, key)
    return {key: get(key) for key in (*keys, *POSITION)}


@pytest.mark.parametrize("code,case", list(_params("text")))
def test_rule_case(code, case):
    found = findings_of(code, as_input(case), case.get("options"))
    assert all(f.message for f in found)
    assert [place(f) for f in found] == case["findings"], case["name"]


@pytest.mark.parametrize("code,case", list(_params("files")))
def test_batch_rule_case(code, case, tmp_path):
    for name, text in case["files"].items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)  # "site-a/1.txt": one site a folder
        (tmp_path / name).write_bytes(text.encode("utf-8"))
    if case.get("options"):  # the rule's options for this case, through a configuration file
        (tmp_path / ".newslint.yaml").write_text(json.dumps({"rules": {code: case["options"]}}), encoding="utf-8")
    r = run_cli("check", ".", "--format", "json", "--no-cache", "--select", code, cwd=tmp_path)
    assert r.code in (0, 1), r.err
    found = [f for f in json.loads(r.out)["findings"] if f["code"] == code]
    assert all(f["message"] for f in found)
    assert [place(f, "path") for f in found] == case["findings"], case["name"]


@pytest.mark.parametrize("code,case", list(_params("fix")))
def test_rule_fix(code, case):
    from newslint.fixer import apply_fixes

    before = as_input(case["fix"])
    findings = findings_of(code, before)
    assert findings, f"{code} should fire on {before!r}"
    fixed, applied, skipped = apply_fixes(before, findings, unsafe=True)
    expected = case["fix"]["fixed"]
    if isinstance(fixed, bytes):
        expected = expected.encode("utf-8")
    assert fixed == expected
    assert applied
    again = [f for f in findings_of(code, fixed) if f.fix]
    assert not again, "a second fix pass must find nothing to fix"


def test_every_rule_has_a_case_file_that_fires_and_stays_silent(registry):
    builtin = {r.code for r in registry.rules if r.__module__.startswith("newslint.")}
    assert builtin - set(case_codes()) == set(), "every built-in rule needs tests/rule_cases/<CODE>.yaml"
    for code in builtin:
        pinned = [case["findings"] for case in cases_of(code) if "findings" in case]
        assert any(pinned) and not all(pinned), f"{code}: needs a case that fires and one that does not"


def test_every_case_file_belongs_to_a_rule(registry):
    assert set(case_codes()) - set(registry.by_code) == set()
