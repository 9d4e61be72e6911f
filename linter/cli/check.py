"""`newslint check`: lint, report, choose the exit code."""
from __future__ import annotations

import os
import sys

from .. import __version__
from ..errors import UsageError
from ..writer import FixMode
from .exit_codes import EXIT_FINDINGS, EXIT_OK
from .output import BinaryStdout, close_output, open_output
from .settings import Settings, add_run_arguments, run_settings

PROGRESS_MIN_FILES = 200


def add_parser(sub) -> None:
    check = sub.add_parser("check", help="lint files and folders")
    add_run_arguments(check)
    check.add_argument("--format", default="text",
                       help="text, json, jsonl, sarif, github, junit (or a plugin's format)")
    check.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE instead of stdout")
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    check.add_argument("--fail-on", choices=["error", "warning", "info"],
                       help="lowest severity that fails the run (default: warning)")
    check.add_argument("--statistics", action="store_true", help="print counts per rule instead of findings")
    check.add_argument("--quiet", "-q", action="store_true", help="no summary line, no progress bar")
    check.add_argument("--baseline", metavar="FILE", help="report only findings not recorded in FILE "
                       "(written by `newslint baseline`)")
    check.add_argument("--fix", action="store_true", help="apply safe fixes, then report what is left")
    check.add_argument("--unsafe-fixes", action="store_true", help="with --fix or --diff, also apply unsafe fixes "
                       "(implies --fix)")
    check.add_argument("--diff", action="store_true", help="print the fixes as a unified diff; write nothing")
    check.add_argument("--color", choices=["auto", "always", "never"], default="auto")


def command(args, registry) -> int:
    settings = run_settings(args, registry, args.format, args.fail_on, _fix_mode(args), baseline=args.baseline,
                            output=args.output, exit_zero=args.exit_zero, quiet=args.quiet,
                            statistics=args.statistics, color=args.color)
    outcome = execute(settings, registry)
    return exit_code(settings, outcome)


def _fix_mode(args) -> FixMode | None:
    if args.fix or args.unsafe_fixes or args.diff:
        return FixMode(write=not args.diff, unsafe=args.unsafe_fixes, diff=args.diff)
    return None


def execute(settings: Settings, registry):
    """Discover, plan, run and report; the run's outcome (a crash is a
    UsageError, after the report file was dropped)."""
    from ..discovery import discover

    found = discover(list(settings.paths), settings.configs or settings.config, settings.walk)
    for note in found.notes:
        print(f"newslint: note: {note}", file=sys.stderr)
    for warning in found.warnings:
        print(f"newslint: warning: {warning}", file=sys.stderr)
    groups = [_group(settings, registry, config, paths) for config, paths in found.by_config(settings.config)]
    options = _run_options(settings, found)
    output = open_output(settings.output, found.paths)
    outcome = _report(settings, registry, groups, options, found.paths, output)
    if output is not None:
        close_output(output, keep=outcome.crashed is None)
    if outcome.crashed:
        raise UsageError(outcome.crashed)
    return outcome


def _group(settings: Settings, registry, config, paths: list[str]):
    """The files of one configuration with their plan and cache (the
    cache's run key covers the plan)."""
    from ..engine import LintPlan
    from ..plan import RunPlan
    from ..runner import Group

    spec = RunPlan.build(registry.rules, config, settings.selection)
    return Group(paths, LintPlan.bind(spec, registry), _cache(settings, registry, spec))


def _run_options(settings: Settings, found):
    from .. import baseline as baseline_mod
    from .. import thresholds
    from ..runner import RunOptions, default_jobs

    options = RunOptions(jobs=settings.jobs or default_jobs(),
                         fix=settings.fix, stdin_name=settings.stdin_name,
                         thresholds=thresholds.from_config(settings.config), known_errors=found.errors,
                         min_confidence=settings.min_confidence)
    if settings.baseline:
        options.baseline = baseline_mod.BaselineFilter(baseline_mod.load(settings.baseline))
    return options


def _cache(settings: Settings, registry, spec):
    if settings.cache_dir is None:
        return None
    from ..cache import Cache
    from ..cache_key import run_key

    return Cache(settings.cache_dir, run_key(spec, __version__, registry.plugin_versions, registry.code_fingerprint()))


def _report(settings: Settings, registry, groups, options, paths: list[str], output):
    """Run with the reporter on its stream (and the progress bar on a
    terminal); an interrupted run leaves the previous report file as it was."""
    from ..reporters.base import ReportContext
    from ..runner import run_groups

    stream = _report_stream(settings, output, paths)
    progress = None
    try:
        ctx = ReportContext(stream=stream, registry=registry, color=_color(settings.color, stream),
                            quiet=settings.quiet, statistics=settings.statistics, tool_version=__version__)
        progress = _progress(settings, paths)
        if progress is not None:
            options.progress = progress.update
        return run_groups(groups, settings.reporter(ctx), settings.fail_on, options, output=BinaryStdout())
    except BaseException:
        if output is not None:
            output.discard()
        raise
    finally:
        if progress is not None:
            progress.close()


def _report_stream(settings: Settings, output, paths: list[str]):
    """The report's stream: the report file, else stdout, unless the diff
    or the fixed standard input owns stdout: then stderr."""
    if output is not None:
        return output.stream
    if settings.fix is not None and (settings.fix.diff or "-" in paths):
        return sys.stderr
    return sys.stdout


def _color(choice: str, stream) -> bool:
    return choice == "always" or (choice == "auto" and stream.isatty() and "NO_COLOR" not in os.environ)


def _progress(settings: Settings, paths: list[str]):
    if settings.quiet or not sys.stderr.isatty() or len(paths) < PROGRESS_MIN_FILES:
        return None
    from ..progress import Progress

    return Progress(len(paths))


def exit_code(settings: Settings, outcome) -> int:
    if settings.exit_zero:
        return EXIT_OK
    would_change = settings.fix is not None and settings.fix.diff and outcome.summary.fixed > 0
    failed = outcome.worst_findings or outcome.summary.errors or would_change or outcome.thresholds_exceeded
    return EXIT_FINDINGS if failed else EXIT_OK
