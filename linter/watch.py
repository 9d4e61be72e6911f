"""`newslint check --watch`: lint once, then lint again the files that
change, until Ctrl-C (like `ruff check --watch`).

Each round is an ordinary check run over the changed files (through the
cache and the configured reporter), so what it prints is what `newslint
check FILES` would print. With `--output FILE` a round lints every file
again instead (unchanged ones come from the cache): a report file
describes the whole batch, not the last edit. Which changed files count is
decided by discovery over the paths given, so the include and exclude
globs apply: a new article in a watched folder is linted, a changed report
file or cache entry is not. On a terminal the screen is cleared before each
round. The configuration is read once, at the start.
"""
from __future__ import annotations

import os
import sys
from dataclasses import replace
from typing import Callable

from .discovery import STDIN, discover
from .errors import UsageError

NEEDS = "--watch needs `pip install newslint[watch]`"
# how long a burst of changes settles before a round starts (editors write a file in several steps)
DEBOUNCE_MS = 400
CLEAR_SCREEN = "\x1b[2J\x1b[3J\x1b[H"  # erase the screen and the scroll-back, cursor home


def watch(settings, run_once: Callable) -> int:
    """Run `run_once(settings)`, then `run_once` on the changed files of
    each burst of changes; 0 when Ctrl-C ends it."""
    watchfiles = _watchfiles()
    if STDIN in settings.paths:
        raise UsageError("--watch cannot watch standard input ('-')")
    roots = watched_folders(settings.paths)
    try:
        run_once(settings)
        sys.stdout.flush()
        _status(f"watching {', '.join(roots)} for changes (Ctrl-C to stop)")
        for changes in watchfiles.watch(*roots, debounce=DEBOUNCE_MS):
            paths = changed_files(settings, changes, deleted=watchfiles.Change.deleted)
            if paths:
                _round(settings, run_once, paths)
    except KeyboardInterrupt:
        pass
    _status("stopped watching")
    return 0


def _watchfiles():
    try:
        import watchfiles
    except ImportError:
        raise UsageError(NEEDS) from None
    return watchfiles


def watched_folders(paths) -> list[str]:
    """The folders to watch: each folder given, and the folder of each file
    given (an editor that saves by renaming replaces the file itself)."""
    folders = [p if os.path.isdir(p) else (os.path.dirname(p) or ".") for p in paths]
    return list(dict.fromkeys(folders))


def changed_files(settings, changes, deleted=None) -> list[str]:
    """The files of the run's paths (as discovery spells them) among
    `changes`, a set of (change, absolute path); deleted files are left
    out (there is nothing to lint)."""
    changed = {os.path.realpath(path) for change, path in changes if change != deleted}
    try:
        found = discover(list(settings.paths), settings.configs or settings.config, settings.walk)
    except UsageError as exc:  # a path given at the start is gone: say so, keep watching the rest
        _status(f"error: {exc}")
        return []
    return [path for path in found.paths if os.path.realpath(path) in changed]


def _round(settings, run_once: Callable, changed: list[str]) -> None:
    clear_screen(sys.stdout)
    what = "linting it again" if len(changed) == 1 else "linting them again"
    if settings.output is not None:
        what = f"writing {settings.output} again"
    _status(f"{len(changed)} file{'s' if len(changed) != 1 else ''} changed, {what}")
    paths = tuple(changed) if settings.output is None else settings.paths
    try:
        run_once(replace(settings, paths=paths))
    except UsageError as exc:  # an internal error in one round: report it, keep watching
        _status(f"error: {exc}")
    sys.stdout.flush()
    _status("watching for changes (Ctrl-C to stop)")


def clear_screen(stream) -> None:
    """Clear the terminal between rounds; a pipe or a file gets no escape codes."""
    if stream.isatty():
        stream.write(CLEAR_SCREEN)
        stream.flush()


def _status(message: str) -> None:
    print(f"newslint: {message}", file=sys.stderr, flush=True)
