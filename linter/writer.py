"""The one place that writes linted files: the parent process settles each
file's fix outcome here, through safe_write (workers only compute fixes).

With --diff nothing is written: the diff is handed back as output for
standard output, as is fixed standard input."""
from __future__ import annotations

import difflib
import os
import time
from dataclasses import dataclass
from typing import Optional

from .document import split_keepends
from .fixer import FixResult
from .models import FileError, FileResult
from .safe_write import STALE_AFTER, NotFixed, remove_stale_temps, replace_contents


@dataclass(frozen=True)
class FixMode:
    write: bool = False        # --fix: write fixed files
    unsafe: bool = False       # --unsafe-fixes: also apply unsafe fixes
    diff: bool = False         # --diff: print a unified diff, write nothing


@dataclass(frozen=True)
class Settled:
    """A fixed file as reported: its result, what was fixed, and the bytes
    for standard output (a diff, fixed standard input) if any."""

    result: FileResult
    fixed: int = 0
    skipped: int = 0
    output: Optional[bytes] = None
    fixed_codes: tuple = ()   # (code, count) of the fixes applied (or, with --diff, that would be)
    unwritten: bool = False   # the fixed bytes could not be written: the file holds its original text


class FixWriter:
    def __init__(self, mode: FixMode):
        self.mode = mode
        self._cleaned: dict = {}  # real folder -> when its stale temp files were removed

    def settle(self, fix: FixResult, stdin: bool = False) -> Settled:
        """Write (or diff, or hand back) the fixed bytes of one file."""
        # a file that did not decode was not linted; one that did was linted and only not fixed
        error = None if not fix.error else FileError(fix.path, fix.error, kind="fix" if fix.findings else "lint")
        after = FileResult(fix.path, fix.findings, error)
        if not stdin and not self.mode.diff:
            self._clean_folder_once(os.path.dirname(os.path.realpath(fix.path)))  # where our temp files go
        if fix.fixed is None:
            echo = fix.original if stdin and not self.mode.diff else None
            return Settled(after, 0, fix.skipped, echo)
        if self.mode.diff:
            return Settled(after, fix.applied, fix.skipped, unified_diff(fix.path, *fix.texts).encode("utf-8"),
                           fix.applied_codes)
        if stdin:
            return Settled(after, fix.applied, fix.skipped, fix.fixed, fix.applied_codes)
        error = _write_fixed(fix)
        if error is not None:
            # the file holds the original text: report its findings, count no fix
            return Settled(FileResult(fix.path, fix.before, error), unwritten=True)
        return Settled(after, fix.applied, fix.skipped, fixed_codes=fix.applied_codes)

    def _clean_folder_once(self, folder: str) -> None:
        """Remove the temp files a killed run left next to the files we fix.
        A folder is scanned once, and again only when files could have
        turned stale since (a long-lived process, as in the tests)."""
        folder = folder or "."
        now = time.time()
        if now - self._cleaned.get(folder, float("-inf")) > STALE_AFTER:
            self._cleaned[folder] = now
            remove_stale_temps(folder, now)


def _write_fixed(fix: FixResult) -> FileError | None:
    """Write the fixed bytes over the file, unless it changed since it was
    read; the error when they were not written."""
    try:
        replace_contents(fix.path, fix.fixed, expected=fix.original)
    except NotFixed as exc:
        return FileError(fix.path, str(exc), kind="fix")
    except OSError as exc:
        return FileError(fix.path, f"cannot write fixes: {exc.strerror or exc}", kind="fix")
    return None


def unified_diff(path: str, before: str, after: str) -> str:
    """The diff of two decoded texts (not of bytes: a UTF-16 or cp1256 file
    shows its letters, a transcoded one only the lines its other fixes changed)."""
    a, b = split_keepends(before), split_keepends(after)
    name = path.lstrip("/")
    lines = difflib.unified_diff(a, b, fromfile=f"a/{name}", tofile=f"b/{name}")
    return "".join(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n"
                   for line in lines)
