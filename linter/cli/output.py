"""Where a check's output goes: the report file (written atomically, never
one of the inputs) and bytes to standard output (diffs, fixed standard input)."""
from __future__ import annotations

import os
import sys
from pathlib import Path

from ..errors import UsageError
from ..document import split_keepends
from ..reporters.escape import for_terminal, show_invisible


def on_terminal_of(stream, terminal) -> bool:
    """Does `stream` show on the same terminal as `terminal`?"""
    if stream is terminal:
        return True
    try:
        if not stream.isatty():
            return False
        a, b = os.fstat(stream.fileno()), os.fstat(terminal.fileno())
    except (OSError, ValueError, AttributeError):  # io.UnsupportedOperation is both of the first two
        return False
    return (a.st_dev, a.st_ino, a.st_rdev) == (b.st_dev, b.st_ino, b.st_rdev)


class ReadableDiff:
    """A diff for a reader rather than for `patch`: in the changed lines
    each invisible or space-like character is shown as <U+00A0>, so a line
    whose no-break space became a space no longer looks unchanged; and, as
    in every report, no line's escape sequences reach the terminal."""

    def __init__(self, output):
        self._output = output

    def write(self, data: bytes) -> None:
        text = data.decode("utf-8", "surrogateescape")
        shown = "".join(_readable(line) for line in split_keepends(text))
        self._output.write(shown.encode("utf-8", "surrogateescape"))

    def flush(self) -> None:
        self._output.flush()


def _readable(line: str) -> str:
    body = line.rstrip("\r\n")
    ending = line[len(body):]
    if line.startswith(("+++ ", "--- ")) or line[:1] not in "+-":
        return for_terminal(body) + ending
    return line[0] + show_invisible(for_terminal(body[1:])) + ending


class BinaryStdout:
    """Bytes to standard output, also when it has been replaced by a text
    stream (as in tests, or above the progress bar: `text`, when given)."""

    def __init__(self, text=None):
        self._text = None if text is sys.stdout else text

    def write(self, data: bytes) -> None:
        if self._text is not None:
            self._text.write(data.decode("utf-8", "replace"))
            return
        buffer = getattr(sys.stdout, "buffer", None)
        if buffer is not None:
            sys.stdout.flush()
            buffer.write(data)
        else:
            sys.stdout.write(data.decode("utf-8", "replace"))

    def flush(self) -> None:
        (self._text or sys.stdout).flush()


def open_output(path: str | None, inputs: list[str]):
    """The report file, written atomically (None: standard output). Refused
    when it is one of the files to lint: the report would replace it."""
    if not path:
        return None
    from ..safe_write import AtomicOutput

    _refuse_input_as_output(path, inputs)
    try:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        _refuse_input_as_output(path, inputs)  # "sub/../a.txt" resolves only once sub/ exists
        return AtomicOutput(path)
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from exc


def close_output(output, keep: bool) -> None:
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
    target = None
    for spelling in (path, os.path.normpath(os.path.abspath(path))):  # the second: before its folders exist
        try:
            target = os.stat(spelling)
            break
        except OSError:
            continue
    if target is None:
        return  # not there yet: it cannot be an input
    for name in inputs:
        try:
            st = os.stat(name)
        except OSError:
            continue  # standard input, or unreadable (reported by the run)
        if (st.st_dev, st.st_ino) == (target.st_dev, target.st_ino):
            raise UsageError(f"--output {path} is one of the files being linted ({name}); "
                             "writing the report would destroy it")
