"""Linting and fixing one document that is open in an editor, in memory,
through the same engine and fixer as `newslint check` (no LSP here: the
protocol side is in app.py).

The editor's text is what gets linted, not the file on disk. Batch rules
(duplicates across files) need the whole batch and are not run.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .. import config as config_mod
from ..engine import LintCrash, LintPlan, lint_bytes
from ..errors import UsageError
from ..fixer import FileCodec, fix_bytes, fix_pass
from ..models import FileError, Finding
from ..plan import RunPlan
from .positions import LineIndex, utf16_units


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
        return self._offset(finding.line, finding.column), self._offset(finding.end_line, finding.end_column)

    def _offset(self, line: int, column: int) -> int:
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
    file is bound once and rebuilt when the file changes (by its size and
    modification time), so typing does not re-read or re-validate it."""

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
        return _CachedPlan(key, LintPlan.bind(RunPlan.build(self.registry.rules, config), self.registry), problem)

    def lint(self, path: str, text: str, plan: LintPlan, units=utf16_units) -> Snapshot:
        """Lint `text` as the document at `path`; positions will be counted
        in `units` (the client's position encoding)."""
        text = editor_text(text)
        data = text.encode("utf-8")
        try:
            linted = lint_bytes(path, data, plan)
        except LintCrash as exc:
            raise LintFailure(str(exc)) from exc
        floor = plan.spec.config.min_confidence
        findings = tuple(f for f in linted.result.findings if f.confidence >= floor)
        return Snapshot(path, text, data, plan, LineIndex(text, units), findings, linted.result.error)


def editor_text(text: str) -> str:
    """`text` as UTF-8 can hold it: a lone surrogate (JSON allows "\\ud800")
    becomes "?", one character and one UTF-16 unit, so no position moves."""
    return text.encode("utf-8", "replace").decode("utf-8")


def fixed_by(snapshot: Snapshot, finding: Finding) -> str | None:
    """The text after applying `finding`'s safe fix alone (through the
    fixer, so byte-order marks and edits behave as with --fix), or None
    when it changes nothing."""
    if finding.fix is None or finding.fix.applicability != "safe":
        return None
    from ..document import Document

    doc = Document(snapshot.path, snapshot.data)
    done = fix_pass(doc, [finding], FileCodec.of(doc, snapshot.data))
    return _changed(snapshot, done.data)


def fixed_all(snapshot: Snapshot) -> str | None:
    """The text after every safe fix, applied as `newslint check --fix`
    applies them (pass after pass), or None when nothing changes."""
    result = fix_bytes(snapshot.path, snapshot.data, snapshot.plan)
    return _changed(snapshot, result.fixed)


def _changed(snapshot: Snapshot, data: bytes | None) -> str | None:
    if data is None:
        return None
    text = data.decode("utf-8", "replace")  # "utf-8", not "utf-8-sig": a kept byte-order mark stays a character
    return None if text == snapshot.text else text


def minimal_edit(old: str, new: str) -> tuple[int, int, str]:
    """One replacement that turns `old` into `new`: (start, end) in `old`
    and the new content, without their common prefix and suffix."""
    start = 0
    limit = min(len(old), len(new))
    while start < limit and old[start] == new[start]:
        start += 1
    end_old, end_new = len(old), len(new)
    while end_old > start and end_new > start and old[end_old - 1] == new[end_new - 1]:
        end_old -= 1
        end_new -= 1
    # never cut between the \r and the \n of a line ending: an LSP
    # position cannot stand there
    if 0 < start and old[start - 1] == "\r" and old[start:start + 1] == "\n":
        start -= 1
    if end_old < len(old) and old[end_old - 1:end_old] == "\r" and old[end_old] == "\n":
        end_old, end_new = end_old + 1, end_new + 1
    return start, end_old, new[start:end_new]


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
