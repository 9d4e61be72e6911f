"""Linting and fixing one document that is open in an editor, in memory,
through the same engine and fixer as `newslint check` (no LSP here: the
protocol side is in app.py).

The editor's text is what gets linted, not the file on disk. Batch rules
(duplicates across files) need the whole batch and are not run, except
those that judge one file alone (SRC001).
"""
from __future__ import annotations

import os
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from .. import config as config_mod
from ..engine import LintCrash, LintPlan, lint_bytes, read_document
from ..errors import UsageError
from ..fixer import FileCodec, fix_bytes, fix_pass
from ..models import FileError, Finding
from ..plan import RunPlan, Selection
from ..rule import BatchRule
from ..runner import add_sketches, batch_results
from ..suppress import SidecarFilter
from .positions import UTF16, LineIndex, Units


def _judged_alone(path: str, sketches: dict, plan: LintPlan) -> list[Finding]:
    """The findings of the batch rules that judge one document alone (the
    only batch rules an editor's plan keeps), in position order."""
    if not sketches:
        return []
    entries = defaultdict(list)
    add_sketches(entries, path, sketches)
    found = [f for result in batch_results(plan, plan.batch_rules, entries) for f in result.findings]
    return sorted(found, key=lambda f: f.sort_key())


class LintFailure(Exception):
    """The document could not be linted (a rule crashed); one line."""


@dataclass(frozen=True)
class Snapshot:
    """One lint of one version of a document's text."""

    path: str
    text: str                    # the editor's text, lone surrogates replaced (see `editor_text`)
    data: bytes                  # `text` as the UTF-8 bytes the engine read
    plan: LintPlan
    index: LineIndex             # lines of `text`, in the client's position units
    findings: tuple = ()
    error: FileError | None = None

    def offsets(self, finding: Finding) -> tuple[int, int]:
        """Start and end of a finding as offsets in `text`."""
        return self.offset(finding.line, finding.column), self.offset(finding.end_line, finding.end_column)

    @cached_property
    def fix_all(self) -> tuple[int, int, str] | None:
        """One replacement that applies every safe fix as `newslint check
        --fix` does (pass after pass), or None when nothing changes; once
        per snapshot, as clients ask for code actions at every cursor move."""
        changed = _changed(self, fix_bytes(self.path, self.data, self.plan).fixed)
        return None if changed is None else minimal_edit(self.text, changed)

    def offset(self, line: int, column: int) -> int:
        """The offset in `text` of a 1-based (line, code-point column) of the
        engine's Document: its lines are `text`'s lines (split the same way),
        but its first line starts after a byte-order mark, which it strips."""
        starts = self.index.starts
        if line > len(starts):
            return len(self.text)
        bom = 1 if line == 1 and self.text.startswith("\ufeff") else 0
        return starts[line - 1] + bom + column - 1


@dataclass(frozen=True)
class _CachedPlan:
    key: tuple
    plan: LintPlan
    problem: str | None          # why the configuration was not used (then the plan is the defaults')


class EditorLinter:
    """Lints documents by path and text. The plan of each configuration
    file is bound once and rebuilt when the file changes (its size, times
    or inode), so typing does not re-read or re-validate it."""

    def __init__(self, registry):
        self.registry = registry
        self._plans: dict[Path | None, _CachedPlan] = {}

    def plan_for(self, path: str) -> tuple[LintPlan, str | None]:
        """The plan for a document at `path` (its configuration is found
        from its folder, as `newslint check` finds it), and the problem with
        that configuration when the built-in defaults had to be used."""
        folder = Path(path).parent if os.path.isabs(path) else Path.cwd()
        found = config_mod.discover(folder.resolve())
        key = (found, *_stat(found))
        cached = self._plans.get(found)
        if cached is None or cached.key != key:
            cached = self._plans[found] = self._bind(found, key, folder)
        return cached.plan, cached.problem

    def _bind(self, found: Path | None, key: tuple, folder: Path) -> _CachedPlan:
        problem = None
        try:
            config = config_mod.load(str(found) if found else None, self.registry.rules, cwd=folder)
        except UsageError as exc:  # ConfigError included: the editor shows it, linting goes on
            problem, config = str(exc), config_mod.Config(None, folder, {})
        spec = RunPlan.build(self.registry.rules, config, Selection(ignore=self._batch_codes))
        return _CachedPlan(key, LintPlan.bind(spec, self.registry), problem)

    @cached_property
    def _batch_codes(self) -> tuple:
        """The batch rules' codes: one open document is no batch (and their
        sketches would cost a fifth of each lint), except for the rules that
        judge one file alone (`lints_alone`: SRC001)."""
        return tuple(rule.code for rule in self.registry.rules if issubclass(rule, BatchRule) and not rule.lints_alone)

    def lint(self, path: str, text: str, plan: LintPlan, units: Units = UTF16) -> Snapshot:
        """Lint `text` as the document at `path`; positions will be counted
        in `units` (the client's position encoding)."""
        text = editor_text(text)
        data = text.encode("utf-8")
        try:
            linted = lint_bytes(path, data, plan)
        except LintCrash as exc:
            raise LintFailure(str(exc)) from exc
        floor = plan.spec.config.min_confidence
        findings = [f for f in (*linted.result.findings, *_judged_alone(path, linted.sketches, plan))
                    if f.confidence >= floor]
        findings = tuple(self._unsuppressed(findings, plan)) if findings and os.path.isabs(path) else tuple(findings)
        return Snapshot(path, text, data, plan, LineIndex(text, units), findings, linted.result.error)

    def _unsuppressed(self, findings: list, plan: LintPlan) -> list:
        """The findings the .newslint-ignore sidecars above the document do
        not list, as `newslint check` leaves them out; read afresh at each
        lint (a sidecar is a few lines, and the user may be editing it)."""
        config_path = plan.spec.config.path
        root = Path(config_path).parent if config_path is not None else None
        try:
            return SidecarFilter(self.registry.by_code, root)(findings)
        except UsageError as exc:  # a malformed sidecar: shown once, like a broken config
            raise LintFailure(str(exc)) from exc


def editor_text(text: str) -> str:
    """`text` as UTF-8 can hold it: a lone surrogate (JSON allows "\\ud800")
    becomes "?", one character and one UTF-16 unit, so no position moves."""
    return text.encode("utf-8", "replace").decode("utf-8")


def fix_edits(snapshot: Snapshot, finding: Finding) -> list[tuple[int, int, str]]:
    """The replacements, as (start, end, content) in the snapshot's text,
    that apply `finding`'s safe fix alone ([] when it has none, or when it
    would change nothing)."""
    fix = finding.fix
    if fix is None or fix.applicability != "safe":
        return []
    if fix.transcode is None:  # the fix's own edits, placed as the fixer places them (fixer._offsets)
        # (one fix's edits never overlap: the fixer would skip such a fix as a whole)
        return [(snapshot.offset(e.line, e.column), snapshot.offset(e.end_line, e.end_column), e.content)
                for e in fix.edits]
    # re-encoding (the byte-order mark's removal): what the fixer's bytes decode to
    doc = read_document(snapshot.path, snapshot.data, snapshot.plan.parse)
    changed = _changed(snapshot, fix_pass(doc, [finding], FileCodec.of(doc, snapshot.data)).data)
    return [] if changed is None else [minimal_edit(snapshot.text, changed)]


def _changed(snapshot: Snapshot, data: bytes | None) -> str | None:
    """The editor text of the fixer's bytes, None when they change nothing."""
    if data is None:
        return None
    text = data.decode("utf-8", "replace")  # "utf-8", not "utf-8-sig": a kept byte-order mark stays a character
    return None if text == snapshot.text else text


def minimal_edit(old: str, new: str) -> tuple[int, int, str]:
    """One replacement that turns `old` into `new`: (start, end) in `old`
    and the new content, without their common prefix and suffix."""
    start = _common_prefix(old, new)
    tail = _common_prefix(old[start:][::-1], new[start:][::-1])
    end_old, end_new = len(old) - tail, len(new) - tail
    # never cut between the \r and the \n of a line ending: an LSP
    # position cannot stand there
    if 0 < start and old[start - 1] == "\r" and old[start:start + 1] == "\n":
        start -= 1
    if end_old < len(old) and old[end_old - 1:end_old] == "\r" and old[end_old] == "\n":
        end_old, end_new = end_old + 1, end_new + 1
    return start, end_old, new[start:end_new]


def _common_prefix(a: str, b: str) -> int:
    """Length of the common prefix, by bisection on slice comparisons
    (done in C: a character loop in Python is slow on a long article)."""
    lo, hi = 0, min(len(a), len(b))
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[lo:mid] == b[lo:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def fixable(findings) -> list[Finding]:
    return [f for f in findings if f.fix is not None and f.fix.applicability == "safe"]


def _stat(path: Path | None) -> tuple:
    if path is None:
        return ()
    try:
        st = path.stat()
    except OSError:
        return ()
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)  # as git's index tells a changed file
