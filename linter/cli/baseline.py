"""`newslint baseline`: record the current findings' fingerprints, so that
`check --baseline` reports only new ones."""
from __future__ import annotations

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

    # every finding is recorded, none filtered, nothing fixed; the exit code says only that it was written
    settings = run_settings(args, registry, BaselineWriter, output=args.output, exit_zero=True, quiet=True)
    execute(settings, registry)
    return EXIT_OK
