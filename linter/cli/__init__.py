"""Command line: parse the arguments, hand them to the subcommand's module
(check, baseline, profile, rules, explain: each has `add_parser` and `command`).

Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it, or
files that could not be linted; 2 usage, configuration or internal error
(one line on stderr; a traceback only with --debug).
"""
from __future__ import annotations

import argparse
import os
import sys

from .. import __version__
from ..errors import UsageError
from . import baseline, check, explain, profile, rules, server
from .exit_codes import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK  # noqa: F401  (the CLI's API)
from .rules import rules_markdown  # noqa: F401  (docs/rules.md is generated with it)

COMMANDS = {"check": check, "baseline": baseline, "profile": profile, "rules": rules, "explain": explain,
            "server": server}


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line, exit 2, like every other usage error
        raise UsageError(f"{self.prog}: {message}")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="newslint", description="Data-quality linter for scraped news articles.")
    parser.add_argument("--version", action="version", version=f"newslint {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    for module in COMMANDS.values():
        module.add_parser(sub)
    return parser


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


PATH_COMMANDS = ("check", "baseline", "profile")


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
        from ..plugins import describe_failure

        raise UsageError(f"internal error: {describe_failure(exc)} during the run (a plugin?)") from exc


def _dispatch(args) -> int:
    from ..plugins import load_registry

    if args.command is None:
        build_parser().print_help()
        return EXIT_ERROR
    return COMMANDS[args.command].command(args, load_registry())
