"""The decoded lines of a linted file, for reporters that quote the source
or count columns in other units. Reporters never read files themselves; the
check command hands them this, which reads each file again (only when asked
to) and decodes it as the run did, with the plugins' parser."""
from __future__ import annotations

import io
import sys


class SourceLines:
    """`source(path)`: the lines (without terminators) of `path` as linted,
    or None when it cannot be read or decoded now. Remembers the last file:
    a reporter asks for one file at a time."""

    def __init__(self, parse=None, stdin_name: str | None = None, stdin_data: bytes | None = None):
        self._parse = parse
        self._stdin = (stdin_name, stdin_data)
        self._last: tuple = (None, None)

    def __call__(self, path: str) -> list | None:
        if self._last[0] != path:
            self._last = (path, self._read(path))
        return self._last[1]

    def _read(self, path: str) -> list | None:
        from ..decoding import NotText
        from ..engine import read_document
        from ..reading import read_bytes

        name, data = self._stdin
        if not (data is not None and path == name):
            data = read_bytes(path)
        if not isinstance(data, bytes):
            return None  # a FileError: it was reported as one
        try:
            return [line.text for line in read_document(path, data, self._parse).lines]
        except NotText:
            return None


def keep_stdin() -> bytes:
    """Read standard input whole and put an equal stream back for the run,
    so its text can be quoted after the run consumed it."""
    data = sys.stdin.buffer.read()
    sys.stdin = io.TextIOWrapper(io.BytesIO(data))
    return data
