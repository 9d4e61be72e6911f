"""Run a lint over many files and feed the reporter as files finish."""
from __future__ import annotations

import difflib
import sys
from dataclasses import dataclass
from typing import Iterator

from .discovery import STDIN
from .engine import LintPlan, RuleCrash, at_or_above, fix_bytes, lint_bytes, read_bytes
from .fixer import write_atomic
from .models import FileError, FileResult
from .summary import Summary


@dataclass
class FixMode:
    write: bool = False        # --fix: write fixed files
    unsafe: bool = False       # --unsafe-fixes: also apply unsafe fixes
    diff: bool = False         # --diff: print a unified diff, write nothing


@dataclass
class RunOutcome:
    summary: Summary
    worst_findings: bool      # a finding at or above fail-on
    crashed: str | None = None


def iter_results(paths: list[str], plan: LintPlan, stdin_name: str = "<stdin>",
                 fix: FixMode | None = None, diff_out=None) -> Iterator[FileResult]:
    for path in paths:
        name = stdin_name if path == STDIN else path
        data = sys.stdin.buffer.read() if path == STDIN else read_bytes(path)
        if isinstance(data, FileError):
            yield FileResult(name, [], data)
        elif fix is None:
            yield lint_bytes(name, data, plan)
        else:
            yield _fix_one(path, name, data, plan, fix, diff_out)


def _fix_one(path: str, name: str, data: bytes, plan: LintPlan, fix: FixMode, diff_out) -> FileResult:
    outcome = fix_bytes(name, data, plan, unsafe=fix.unsafe)
    result = outcome.result
    if outcome.fixed is None:
        if path == STDIN and not fix.diff:
            sys.stdout.buffer.write(data)
        return result
    result.fixed = outcome.applied
    if fix.diff:
        diff_out.write(unified_diff(name, outcome.original, outcome.fixed))
    elif path == STDIN:
        sys.stdout.buffer.write(outcome.fixed)
    else:
        try:
            write_atomic(path, outcome.fixed)
        except OSError as exc:
            result.error = FileError(path, f"cannot write fixes: {exc.strerror or exc}")
    return result


def unified_diff(path: str, before: bytes, after: bytes) -> str:
    a = before.decode("utf-8", "replace").splitlines(keepends=True)
    b = after.decode("utf-8", "replace").splitlines(keepends=True)
    name = path.lstrip("/")
    lines = difflib.unified_diff(a, b, fromfile=f"a/{name}", tofile=f"b/{name}")
    return "".join(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n"
                   for line in lines)


def run(paths: list[str], plan: LintPlan, reporter, fail_on: str, stdin_name: str = "<stdin>",
        results: Iterator[FileResult] | None = None, fix: FixMode | None = None, diff_out=None) -> RunOutcome:
    summary = Summary()
    worst = False
    crashed = None
    reporter.start()
    try:
        for result in results if results is not None else iter_results(paths, plan, stdin_name, fix, diff_out):
            summary.add(result)
            worst = worst or any(at_or_above(f.severity, fail_on) for f in result.findings)
            reporter.file(result)
    except RuleCrash as exc:
        crashed = str(exc)
    reporter.finish(summary)
    return RunOutcome(summary, worst, crashed)
