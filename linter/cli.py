"""Command line: parse arguments, call the runner, choose the exit code.

Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it, or
files that could not be linted; 2 usage, configuration or internal error
(one line on stderr; a traceback only with --debug).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from . import __version__
from .errors import UsageError

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line, exit 2, like every other usage error
        raise UsageError(f"{self.prog}: {message}")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="newslint", description="Data-quality linter for scraped news articles.")
    parser.add_argument("--version", action="version", version=f"newslint {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    check = sub.add_parser("check", help="lint files and folders")
    _add_run_arguments(check)
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

    baseline = sub.add_parser("baseline", help="record the current findings, so `check --baseline` reports "
                              "only new ones")
    _add_run_arguments(baseline)
    baseline.add_argument("--output", "-o", metavar="FILE", default="newslint-baseline.json",
                          help="baseline file to write (default: newslint-baseline.json)")

    rules = sub.add_parser("rules", help="list every rule")
    rules.add_argument("--format", choices=["text", "json", "markdown"], default="text")

    explain = sub.add_parser("explain", help="print a rule's documentation")
    explain.add_argument("rule", metavar="CODE_OR_NAME")
    return parser


def _add_run_arguments(parser) -> None:
    """What `check` and `baseline` share: which files, which rules, how."""
    parser.add_argument("paths", nargs="*", default=["."], metavar="PATH",
                        help="files or folders to lint ('-' reads standard input); default: .")
    parser.add_argument("--config", metavar="FILE", help="configuration file (default: discovered)")
    parser.add_argument("--isolated", action="store_true", help="ignore every configuration file")
    parser.add_argument("--select", type=_codes, help="comma-separated codes, prefixes, names or categories to run")
    parser.add_argument("--extend-select", type=_codes, help="add to the selected rules")
    parser.add_argument("--ignore", type=_codes, help="comma-separated codes, prefixes, names or categories to skip")
    parser.add_argument("--stdin-filename", default="<stdin>", metavar="NAME",
                        help="name used for standard input in reports and per-file ignores")
    parser.add_argument("--jobs", "-j", type=int, metavar="N", help="worker processes (default: all cores)")
    parser.add_argument("--cache-dir", metavar="DIR", help="where to keep results of unchanged files "
                        "(default: .newslint_cache next to the config file, else the user cache folder)")
    parser.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    parser.add_argument("--debug", action="store_true", help=argparse.SUPPRESS)


def _codes(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    # Reports are UTF-8 whatever the locale; a file name that is not valid
    # UTF-8 (a lone surrogate here) is written as a \udcXX escape, which is
    # also a valid JSON string escape, instead of failing the whole report.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="backslashreplace")
    debug = "--debug" in argv
    try:
        _refuse_file_names_as_options(argv)
        args = build_parser().parse_args(argv)  # --help and --version exit here, as they should
        return _dispatch_no_exit(args)
    except UsageError as exc:
        if debug:
            raise
        _say(str(exc))
        return EXIT_ERROR
    except BrokenPipeError:  # `newslint check . | head`: the reader left, not an error of ours
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_FINDINGS
    except KeyboardInterrupt:
        _say("interrupted")
        return EXIT_ERROR
    except Exception as exc:  # the last line of defence: one line, exit 2
        if debug:
            raise
        _say(f"internal error: {type(exc).__name__}: {exc} (run with --debug for a traceback)")
        return EXIT_ERROR


PATH_COMMANDS = ("check", "baseline")


def _refuse_file_names_as_options(argv: list[str]) -> None:
    """Under pre-commit (which sets PRE_COMMIT=1 for every hook) the file
    names come from whoever staged them: without a "--" before them, a file
    named "--output=victim.txt" would overwrite victim.txt."""
    if os.environ.get("PRE_COMMIT") != "1" or "--" in argv:
        return
    command = next((arg for arg in argv if not arg.startswith("-")), None)
    if command in PATH_COMMANDS:
        raise UsageError("run by pre-commit without '--' before the file names, so a file named like an option "
                         "would be obeyed; end the hook's args with '--' (e.g. args: [--fail-on, error, --])")


def _say(message: str) -> None:
    message = " ".join(message.split())
    prefix = "" if message.startswith("newslint") else "newslint: error: "
    print(f"{prefix}{message}", file=sys.stderr)


def _dispatch_no_exit(args) -> int:
    """_dispatch, where a sys.exit() from someone else's code (a plugin)
    is an error: exiting 0 with nothing linted would pass a CI gate."""
    try:
        return _dispatch(args)
    except SystemExit as exc:
        from .plugins import describe_failure

        raise UsageError(f"internal error: {describe_failure(exc)} during the run (a plugin?)") from exc


def _dispatch(args) -> int:
    from .plugins import load_registry

    if args.command is None:
        build_parser().print_help()
        return EXIT_ERROR
    registry = load_registry()
    if args.command == "rules":
        return _rules(registry, args.format)
    if args.command == "explain":
        return _explain(registry, args.rule)
    if args.command == "baseline":
        from .reporters.baseline import BaselineWriter

        for name, value in (("format", None), ("exit_zero", True), ("fail_on", None), ("statistics", False),
                            ("quiet", True), ("baseline", None), ("fix", False), ("unsafe_fixes", False),
                            ("diff", False), ("color", "never")):
            setattr(args, name, value)
        _check(registry, args, reporter_cls=BaselineWriter)
        return EXIT_OK
    return _check(registry, args)


def _rules(registry, fmt: str) -> int:
    rows = [{"code": r.code, "name": r.name, "category": r.category, "severity": r.severity,
             "fixable": r.fixable, "opt_in": r.opt_in, "summary": r.summary(),
             "options": {k: v.get("default") for k, v in r.options.items()}} for r in registry.rules]
    if fmt == "json":
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif fmt == "markdown":
        sys.stdout.write(rules_markdown(registry))
    else:
        for r in rows:
            fix = f"fix:{r['fixable']}" if r["fixable"] else ("opt-in" if r["opt_in"] else "")
            sys.stdout.write(f"{r['code']}  {r['name']:<28} {r['category']:<12} {r['severity']:<8} {fix:<11} "
                             f"{r['summary']}\n")
    return EXIT_OK


def rules_markdown(registry) -> str:
    """docs/rules.md, generated from the rule docstrings."""
    out = ["# Rules\n", "Generated by `newslint rules --format markdown` from the rule docstrings; "
           "do not edit by hand.\n", "| code | name | category | severity | fix | summary |",
           "|---|---|---|---|---|---|"]
    for r in registry.rules:
        out.append(f"| [{r.code}](#{r.code.lower()}-{r.name}) | {r.name} | {r.category} | {r.severity} | "
                   f"{r.fixable or ''} | {'(opt-in) ' if r.opt_in else ''}{r.summary()} |")
    out.append("")
    for r in registry.rules:
        out.append(f"## {r.code} {r.name}\n")
        out.append(f"Category `{r.category}`, default severity `{r.severity}`"
                   f"{', fix: ' + r.fixable if r.fixable else ''}.\n")
        out.append(r.documentation() + "\n")
        if r.options:
            out.append("Options:\n")
            for key, spec in r.options.items():
                out.append(f"- `{key}` (default `{json.dumps(spec.get('default'), ensure_ascii=False)}`): "
                           f"{spec.get('description', '')}")
            out.append("")
    return "\n".join(out)


def _explain(registry, key: str) -> int:
    rule = registry.lookup(key)
    if rule is None:
        raise UsageError(f"unknown rule {key!r} (see `newslint rules`)")
    head = f"{rule.code} {rule.name} [{rule.category}] severity: {rule.severity}"
    if rule.fixable:
        head += f", fix: {rule.fixable}"
    sys.stdout.write(head + "\n\n" + rule.documentation() + "\n")
    if rule.options:
        sys.stdout.write("\nOptions:\n")
        for k, spec in rule.options.items():
            sys.stdout.write(f"  {k} (default {json.dumps(spec.get('default'), ensure_ascii=False)}): "
                             f"{spec.get('description', '')}\n")
    return EXIT_OK


def _check(registry, args, reporter_cls=None) -> int:
    from . import config as config_mod
    from .discovery import discover
    from .engine import LintPlan
    from .reporters.base import ReportContext
    from . import baseline as baseline_mod
    from . import thresholds
    from .cache import Cache, default_dir
    from .runner import FixMode, RunOptions, default_jobs, run

    config = config_mod.Config() if args.isolated else \
        config_mod.load(args.config, registry.rules, start=config_mod.start_folder(args.paths))
    for selector in (args.select or []) + (args.ignore or []) + (args.extend_select or []):
        if selector not in config_mod.selectors_for(registry.rules):
            raise UsageError(f"unknown rule selector {selector!r} (see `newslint rules`)")
    reporter_cls = reporter_cls or registry.reporters.get(args.format)
    if reporter_cls is None:
        raise UsageError(f"unknown format {args.format!r}; choose from {', '.join(sorted(registry.reporters))}")
    if args.paths.count("-") > 1:
        raise UsageError("'-' (standard input) may be given once")
    found = discover(args.paths, config)
    paths = found.paths
    for note in found.notes:
        print(f"newslint: note: {note}", file=sys.stderr)
    plan = LintPlan.build(registry, config, args.select, args.ignore, args.extend_select)
    fail_on = args.fail_on or config.fail_on

    fix = None
    if args.fix or args.unsafe_fixes or args.diff:
        fix = FixMode(write=not args.diff, unsafe=args.unsafe_fixes, diff=args.diff)
    cache = None
    if not args.no_cache and fix is None:
        folder = Path(args.cache_dir) if args.cache_dir else default_dir(config.path)
        code = {**registry.plugin_versions, "code": registry.code_fingerprint()}
        cache = Cache(folder, Cache.run_key_for(__version__, plan.fingerprint(), code))
    if args.jobs is not None and args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    options = RunOptions(jobs=args.jobs or default_jobs(), cache=cache, fix=fix, stdin_name=args.stdin_filename,
                         thresholds=thresholds.from_config(config), known_errors=found.errors)
    if args.baseline:
        options.baseline = baseline_mod.BaselineFilter(baseline_mod.load(args.baseline))

    output = _open_output(args.output, paths)
    stream = output.stream if output is not None else sys.stdout
    # the diff, or the fixed standard input, owns stdout: the report moves to stderr
    if output is None and fix is not None and (fix.diff or "-" in paths):
        stream = sys.stderr
    progress = None
    try:
        color = args.color == "always" or (args.color == "auto" and stream.isatty() and "NO_COLOR" not in os.environ)
        ctx = ReportContext(stream=stream, registry=registry, color=color, quiet=args.quiet,
                            statistics=args.statistics, tool_version=__version__)
        if not args.quiet and sys.stderr.isatty() and len(paths) >= PROGRESS_MIN_FILES:
            from .progress import Progress

            progress = Progress(len(paths))
            options.progress = progress.update
        outcome = run(paths, plan, reporter_cls(ctx), fail_on, options, output=_BinaryStdout())
    except BaseException:
        if output is not None:
            output.discard()  # an interrupted run leaves the previous file as it was
        raise
    finally:
        if progress is not None:
            progress.close()
    if output is not None:
        _close_output(output, keep=outcome.crashed is None)
    if outcome.crashed:
        raise UsageError(outcome.crashed)
    if args.exit_zero:
        return EXIT_OK
    would_change = fix is not None and fix.diff and outcome.summary.fixed > 0
    failed = outcome.worst_findings or outcome.summary.errors or would_change or outcome.thresholds_exceeded
    return EXIT_FINDINGS if failed else EXIT_OK


PROGRESS_MIN_FILES = 200


class _BinaryStdout:
    """Bytes to standard output, also when it has been replaced by a text
    stream (as in tests)."""

    def write(self, data: bytes) -> None:
        buffer = getattr(sys.stdout, "buffer", None)
        if buffer is not None:
            sys.stdout.flush()
            buffer.write(data)
        else:
            sys.stdout.write(data.decode("utf-8", "replace"))

    def flush(self) -> None:
        sys.stdout.flush()


def _open_output(path: str | None, inputs: list[str]):
    """The report file, written atomically (None: standard output). Refused
    when it is one of the files to lint: the report would replace it."""
    if not path:
        return None
    from .safe_write import AtomicOutput

    _refuse_input_as_output(path, inputs)
    try:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        return AtomicOutput(path)
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from exc


def _close_output(output, keep: bool) -> None:
    """Put the report file in place; or drop it when the run crashed: a
    partial report (or baseline) must not pass for a whole one."""
    if not keep:
        output.discard()
        return
    try:
        output.commit()
    except OSError as exc:
        raise UsageError(f"cannot write {output.path}: {exc.strerror or exc}") from exc


def _refuse_input_as_output(path: str, inputs: list[str]) -> None:
    try:
        target = os.stat(path)
    except OSError:
        return  # not there yet: it cannot be an input
    for name in inputs:
        try:
            st = os.stat(name)
        except OSError:
            continue  # standard input, or unreadable (reported by the run)
        if (st.st_dev, st.st_ino) == (target.st_dev, target.st_ino):
            raise UsageError(f"--output {path} is one of the files being linted ({name}); "
                             "writing the report would destroy it")
