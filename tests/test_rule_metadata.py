"""Rule metadata is checked, not trusted: summaries, fix declarations and
the characters a rule scans for."""
from __future__ import annotations

import re

import pytest

from newslint.document import Document
from test_rule_cases import as_input, case_codes, cases_of, findings_of


def builtin(registry):
    return [r for r in registry.rules if r.__module__.startswith("newslint.")]


def test_every_summary_is_one_complete_sentence(registry):
    """The summary is the docstring's first line (docs/rules.md, `newslint
    rules`, SARIF, the config schema): it must not be cut mid-sentence."""
    problems = []
    for rule in builtin(registry):
        lines = rule.documentation().splitlines()
        if not rule.summary().endswith(".") or (len(lines) > 1 and lines[1].strip()):
            problems.append(f"{rule.code}: {rule.summary()!r}")
    assert problems == []


def test_every_rule_says_its_evidence_and_how_to_tune_it(registry):
    """Issue 12: each rule's documentation names what it decides from
    (lexicon, batch, phrase prior, context, characters) and how to tune it
    (its options, or what to do without one)."""
    problems = []
    for rule in builtin(registry):
        doc = rule.documentation()
        if not re.search(r"^Evidence\b", doc, re.M):
            problems.append(f"{rule.code}: no paragraph on its evidence (\"Evidence: ...\")")
        if not re.search(r"(?:^|[.:;] )Tune(?::| with)", doc, re.M):
            problems.append(f"{rule.code}: does not say how to tune it (\"Tune: ...\")")
        for option in rule.options or {}:
            if option not in doc:
                problems.append(f"{rule.code}: option {option} not documented")
    assert problems == []


def fixes_in_cases(code: str) -> set:
    """The applicability of every fix the rule returns on its case files."""
    found = set()
    for case in cases_of(code):
        for data in (case, case.get("fix")):
            if data and "text" in data:
                found |= {f.fix.applicability for f in findings_of(code, as_input(data)) if f.fix}
    return found


@pytest.mark.parametrize("code", [c for c in case_codes() if not c.startswith("DUP")])
def test_the_declared_fixable_matches_the_fixes_returned(code, registry):
    rule = registry.by_code[code]
    returned = fixes_in_cases(code)
    if rule.fixable is None:
        assert returned == set(), f"{code} returns fixes but declares none"
    elif rule.fixable == "safe":
        assert returned == {"safe"}, f"{code} declares safe fixes but returns {sorted(returned)}"
    else:
        assert "unsafe" in returned, f"{code} declares unsafe fixes but its cases return {sorted(returned)}"


def test_needed_characters_are_ones_the_document_can_answer_for(registry):
    """`needs_chars` lets the engine skip a rule on files without those
    characters; `Document.has_rare` answers the characters of its one scan
    at no cost, any other by searching the text again, so a rule needing a
    character outside the scan works but slows every file down."""
    for rule in builtin(registry):
        if rule.needs_chars:
            rare = Document("a.txt", rule.needs_chars.encode("utf-8", "surrogatepass")).rare
            assert set(rule.needs_chars) <= rare, f"{rule.code}: {sorted(set(rule.needs_chars) - rare)[:5]}"
