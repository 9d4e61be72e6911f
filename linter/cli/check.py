"""`newslint check`: lint, report, choose the exit code."""
from __future__ import annotations

import os
import sys
from pathlib import Path

from .. import __version__
from ..errors import UsageError
from ..executors import parse_executor
from ..executors.urls import is_url
from ..reporters.columns import UNITS
from ..writer import FixMode
from .color import add_color_argument, use_color
from .exit_codes import EXIT_FINDINGS, EXIT_OK
from .output import BinaryStdout, ReadableDiff, close_output, on_terminal_of, open_output
from .settings import Settings, add_run_arguments, run_settings

PROGRESS_MIN_FILES = 200


def add_parser(sub) -> None:
    check = sub.add_parser("check", help="lint files and folders")
    add_run_arguments(check)
    check.add_argument("--output-format", "--format", dest="output_format", metavar="FORMAT", default="text",
                       help="text, full (text with the source), json, jsonl, sarif, github, junit, html (or a plugin's "
                            "format); --format is an alias")
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
    check.add_argument("--show-fixes", action="store_true",
                       help="with --fix or --diff, list the fixes applied (or that would be), by file and rule")
    add_color_argument(check)
    check.add_argument("--column-unit", choices=UNITS, default="codepoint",
                       help="how text, full and github count columns: code points (default), utf-8 bytes "
                            "(vim's quickfix) or utf-16 units (LSP, VS Code); json, sarif keep code points")
    check.add_argument("--show-source", action="store_true",
                       help="text: quote the flagged part of each line, with a caret line (format full does it)")

    check.add_argument("--add-ignore", action="store_true", help="list every finding in a .newslint-ignore "
                       "sidecar (at the project root), so later runs report only new ones")
    check.add_argument("--batch-with-staged", action="store_true",
                       help="batch rules (duplicates) also compare the files staged in git, reporting only the "
                            "files named: pre-commit splits a long commit into several runs (the hook passes it)")
    check.add_argument("--executor", type=parse_executor, metavar="dask[=ADDRESS]",
                       help="lint on Dask: a LocalCluster for the run, or the scheduler at ADDRESS; paths may then "
                            "be fsspec URLs (s3://bucket/prefix); implies --no-cache (see docs/cluster.md)")
    check.add_argument("--watch", action="store_true", help="lint, then lint again each file that changes, "
                       "until Ctrl-C (needs newslint[watch])")


def command(args, registry) -> int:
    if args.add_ignore:
        from . import add_ignore
        return add_ignore.command(args, registry)
    settings = run_settings(args, registry, args.output_format, args.fail_on, _fix_mode(args), baseline=args.baseline,
                            output=args.output, exit_zero=args.exit_zero, quiet=args.quiet,
                            statistics=args.statistics, color=args.color, column_unit=args.column_unit,
                            show_source=args.show_source, show_fixes=args.show_fixes,
                            batch_with_staged=args.batch_with_staged, executor=args.executor)
    _refuse_source_of_unwritten_text(settings)
    _refuse_urls_where_unread(settings, watch=args.watch)
    if args.watch:
        from ..watch import watch
        return watch(settings, lambda run: execute(run, registry))
    outcome = execute(settings, registry)
    return exit_code(settings, outcome)


def _refuse_source_of_unwritten_text(settings: Settings) -> None:
    """Under --diff, and fixing standard input, the findings are those of
    the fixed text, which is not on disk: quoting the file or counting its
    columns would be wrong."""
    fixed_elsewhere = settings.fix is not None and (settings.fix.diff or "-" in settings.paths)
    if fixed_elsewhere and _needs_source(settings):
        raise UsageError("--show-source, format full and --column-unit other than codepoint do not go with --diff "
                         "or with fixing standard input (the findings are of the fixed text, which is not written)")


def _refuse_urls_where_unread(settings: Settings, watch: bool) -> None:
    """Only Dask workers read URLs, and nothing writes them back."""
    urls = [path for path in settings.paths if is_url(path)]
    if urls and settings.executor is None:
        raise UsageError(f"{urls[0]}: URLs need --executor dask")
    if urls and settings.fix is not None:
        raise UsageError(f"{urls[0]}: --fix and --diff do not go with URLs (fixes are written to local files)")
    if watch and settings.executor is not None:
        raise UsageError("--watch does not go with --executor (it watches local files)")


def _needs_source(settings: Settings) -> bool:
    return (settings.show_source or settings.column_unit != "codepoint"
            or getattr(settings.reporter, "show_source", False))


def _fix_mode(args) -> FixMode | None:
    if args.fix or args.unsafe_fixes or args.diff:
        return FixMode(write=not args.diff, unsafe=args.unsafe_fixes, diff=args.diff)
    return None


def execute(settings: Settings, registry):
    """Discover, plan, run and report; the run's outcome (a crash is a
    UsageError, after the report file was dropped)."""
    from ..executors import open_executor
    from ..runner import default_jobs

    found = _discover(settings)
    executor = open_executor(settings.executor, settings.jobs or default_jobs())
    try:
        return _execute(settings, registry, found, executor)
    finally:
        if executor is not None:
            executor.close()


def _discover(settings: Settings):
    from ..discovery import discover
    from ..executors.urls import discover_with_urls

    configs = settings.configs or settings.config
    if settings.executor is None:
        return discover(list(settings.paths), configs, settings.walk, _stdin_name(settings))
    return discover_with_urls(list(settings.paths), configs, settings.walk, settings.config)  # Dask reads URLs


def _stdin_name(settings: Settings) -> str | None:
    """The name --stdin-filename gave standard input (None: not given)."""
    from ..runner import RunOptions

    return None if settings.stdin_name == RunOptions.stdin_name else settings.stdin_name


def _execute(settings: Settings, registry, found, executor):
    for note in found.notes:
        print(f"newslint: note: {note}", file=sys.stderr)
    for warning in found.warnings:
        print(f"newslint: warning: {warning}", file=sys.stderr)
    context = _staged_context(settings, found) if settings.batch_with_staged else {}
    groups = [_group(settings, registry, config, paths, context.get(id(config), ()))
              for config, paths in found.by_config(settings.config)]
    options = _run_options(settings, registry, found)
    options.executor = executor
    output = open_output(settings.output, found.paths)
    outcome = _report(settings, registry, groups, options, found.paths, output)
    _warn_unmatched_baseline(options.baseline)
    if output is not None:
        close_output(output, keep=outcome.crashed is None)
    if outcome.crashed:
        raise UsageError(outcome.crashed)
    return outcome


def _group(settings: Settings, registry, config, paths: list[str], context: tuple = ()):
    """The files of one configuration with their plan and cache (the
    cache's run key covers the plan), and the staged files of that
    configuration its batch rules also compare (`context`)."""
    from ..engine import LintPlan
    from ..plan import RunPlan
    from ..runner import Group

    spec = RunPlan.build(registry.rules, config, settings.selection)
    return Group(paths, LintPlan.bind(spec, registry), _cache(settings, registry, spec), context)


def _staged_context(settings: Settings, found) -> dict:
    """id(config) -> the staged files of that configuration this run does
    not lint (discovered like named files: --force-exclude holds)."""
    from ..discovery import discover
    from ..staged import staged_files

    named = {os.path.realpath(path) for path in found.paths}
    others = [path for path in staged_files() if os.path.realpath(path) not in named]
    if not others:
        return {}
    if all(os.path.isabs(path) for path in found.paths):
        others = [os.path.abspath(path) for path in others]  # spelled as the named ones: the batch rules sort paths
    staged = discover(others, settings.configs or settings.config, settings.walk)
    return {id(config): tuple(paths) for config, paths in staged.by_config(settings.config)}


def _run_options(settings: Settings, registry, found):
    from .. import baseline as baseline_mod
    from .. import suppress
    from .. import thresholds
    from ..runner import RunOptions, default_jobs

    options = RunOptions(jobs=settings.jobs or default_jobs(),
                         fix=settings.fix, stdin_name=settings.stdin_name,
                         thresholds=thresholds.from_config(settings.config), known_errors=found.errors,
                         min_confidence=settings.min_confidence)
    options.suppress = suppress.SidecarFilter(registry.by_code, _project_root(settings.config)).preload(found.paths)
    if settings.baseline:
        options.baseline = baseline_mod.BaselineFilter(baseline_mod.load(settings.baseline))
    return options


def _project_root(config):
    """Where .newslint-ignore sidecars stop being read: the config file's folder."""
    return config.path.parent if config.path is not None else None


def _warn_unmatched_baseline(baseline_filter) -> None:
    warning = baseline_filter.unmatched_warning() if baseline_filter is not None else None
    if warning:
        print(f"newslint: warning: {warning}", file=sys.stderr)


def _cache(settings: Settings, registry, spec):
    if settings.cache_dir is None:
        return None
    from ..cache import Cache
    from ..cache_key import run_key

    return Cache(settings.cache_dir, run_key(spec, __version__, registry.plugin_versions, registry.code_fingerprint()))


def _report(settings: Settings, registry, groups, options, paths: list[str], output):
    """Run with the reporter on its stream (and the progress bar on a
    terminal); an interrupted run leaves the previous report file as it was."""
    from ..runner import run_groups

    stream = _report_stream(settings, output, paths)
    color = use_color(settings.color, stream)
    progress = None
    try:
        progress = _progress(settings, paths)
        stream = _above_bar(progress, stream)
        ctx = _context(settings, registry, stream, color, _source(settings, registry, paths))
        if progress is not None:
            options.progress = progress.update
        fix_output = _fix_output(settings, progress)
        return run_groups(groups, settings.reporter(ctx), settings.fail_on, options, output=fix_output)
    except BaseException:
        if output is not None:
            output.discard()
        raise
    finally:
        if progress is not None:
            progress.close()


def _context(settings: Settings, registry, stream, color: bool, source):
    from ..reporters.base import ReportContext

    return ReportContext(stream=stream, registry=registry, color=color, quiet=settings.quiet,
                         statistics=settings.statistics, tool_version=__version__,
                         fail_on=None if settings.exit_zero else settings.fail_on, fix=settings.fix,
                         column_unit=settings.column_unit, show_source=settings.show_source,
                         show_fixes=settings.show_fixes, source=source)


def _source(settings: Settings, registry, paths: list[str]):
    """What reporters quote the source from, when they need to."""
    if not _needs_source(settings):
        return None
    from .source import SourceLines, keep_stdin

    stdin = keep_stdin() if "-" in paths else None
    configs = settings.configs
    return SourceLines(registry.parse_document, settings.stdin_name, stdin,
                       config_for=None if configs is None else lambda path: configs.for_folder(Path(path).parent))


def _report_stream(settings: Settings, output, paths: list[str]):
    """The report's stream: the report file, else stdout, unless the diff
    or the fixed standard input owns stdout: then stderr."""
    if output is not None:
        return output.stream
    if settings.fix is not None and (settings.fix.diff or "-" in paths):
        return sys.stderr
    return sys.stdout


def _fix_output(settings: Settings, progress):
    """Where diffs and fixed standard input go: standard output (above the
    bar), a diff made readable when a person reads it (a terminal, or colour
    forced); piped or with --color never, it stays an exact patch."""
    output = BinaryStdout(_above_bar(progress, sys.stdout))
    if settings.fix is not None and settings.fix.diff and use_color(settings.color, sys.stdout):
        return ReadableDiff(output)
    return output


def _above_bar(progress, stream):
    """`stream`, or, when it shows on the progress bar's terminal, a stream
    that prints above the bar (writing past the bar would garble both)."""
    if progress is None or not on_terminal_of(stream, sys.stderr):
        return stream
    return progress.above()


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
