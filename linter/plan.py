"""The run plan: everything decided once per run, as plain data.

A `RunPlan` holds rule codes (with the name and category selectors match
on), options, severities, the configuration's data and per-file ignores as
glob patterns. It holds no rule instance, no plugin manager and no command
line: it pickles as is, so a worker process receives it and binds it to the
rule classes of its registry once (`engine.LintPlan.bind`).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

from .config import Config, matches, relative_to_root, select_rules
from .globs import compile_globs
from .globs import matches as glob_matches


class RuleId(NamedTuple):
    """What selectors match a rule on (`config.matches` reads these)."""

    code: str
    name: str
    category: str


@dataclass(frozen=True)
class Selection:
    """The rule selectors given on the command line (None: not given)."""

    select: tuple | None = None
    ignore: tuple | None = None
    extend_select: tuple | None = None


@dataclass(frozen=True)
class RunPlan:
    rules: tuple              # RuleId of each enabled rule, in code order
    options: dict             # code -> options
    severities: dict          # code -> severity
    config: Config            # path, root folder and data of the configuration
    file_ignores: tuple = ()  # (glob, selectors) from per-file-ignores, in config order

    @classmethod
    def build(cls, rule_classes, config: Config, selection: Selection = Selection()) -> "RunPlan":
        """The plan for `rule_classes` (a registry's) under `config` and the
        command line's `selection`."""
        selected = list(selection.select or config.get("select") or ["ALL"])
        selected += list(selection.extend_select or []) + list(config.get("extend-select") or [])
        ignored = list(config.get("ignore") or []) + list(selection.ignore or [])
        rules = select_rules(rule_classes, selected, ignored)
        overrides = config.get("severity") or {}
        ignores = config.get("per-file-ignores") or {}
        return cls(tuple(RuleId(r.code, r.name, r.category) for r in rules),
                   {r.code: config.rule_options(r) for r in rules},
                   {r.code: _severity(r, overrides) for r in rules}, config,
                   tuple((glob, tuple(selectors)) for glob, selectors in ignores.items()))

    @property
    def codes(self) -> tuple:
        return tuple(r.code for r in self.rules)

    @cached_property
    def _compiled_ignores(self) -> list:
        return [(compile_globs([glob]), selectors) for glob, selectors in self.file_ignores]

    def ignored_codes(self, path: str) -> frozenset:
        """The codes the per-file ignores switch off for the file at `path`
        (globs match its path relative to the config folder)."""
        if not self.file_ignores:
            return frozenset()
        rel = relative_to_root(path, self.config.root)
        out = set()
        for regex, selectors in self._compiled_ignores:
            if glob_matches(regex, rel):
                out.update(r.code for r in self.rules if any(matches(s, r) for s in selectors))
        return frozenset(out)


def _severity(rule, overrides: dict) -> str:
    """The rule's severity after the config's `severity` overrides: the most
    specific selector wins (longer selector strings are more specific)."""
    severity = rule.severity
    for selector in sorted(overrides, key=len):
        if matches(selector, rule):
            severity = overrides[selector]
    return severity
