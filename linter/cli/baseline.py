"""`newslint baseline`: record the current findings' fingerprints, so that
`check --baseline` reports only new ones."""
from __future__ import annotations

import sys

from .check import execute
from .exit_codes import EXIT_OK
from .settings import add_run_arguments, run_settings


def add_parser(sub) -> None:
    baseline = sub.add_parser("baseline", help="record the current findings, so `check --baseline` reports "
                              "only new ones")
    add_run_arguments(baseline)
    baseline.add_argument("--output", "-o", metavar="FILE", default="newslint-baseline.json",
                          help="baseline file to write (default: newslint-baseline.json)")


def command(args, registry) -> int:
    from ..reporters.baseline import BaselineWriter

    # every finding is recorded (but those a .newslint-ignore sidecar lists), nothing fixed; the exit code says
    # only that it was written
    settings = run_settings(args, registry, BaselineWriter, output=args.output, exit_zero=True, quiet=True)
    summary = execute(settings, registry).summary
    print(f"newslint: {_written(summary, args.output)}", file=sys.stderr)
    return EXIT_OK


def _written(summary, output: str) -> str:
    """What the baseline holds, in one line: the command is silent otherwise."""
    return (f"wrote {count_of(summary.findings, 'finding')} from {count_of(summary.files_with_findings, 'file')} "
            f"({summary.files} checked) to {output}")


def count_of(n: int, noun: str, plural: str | None = None) -> str:
    """'1 file', '2 files' ('1 entry', '2 entries' with `plural`)."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"
