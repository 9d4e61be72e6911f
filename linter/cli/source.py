"""The decoded lines of a linted file, for reporters that quote the source
or count columns in other units. Reporters never read files themselves; the
check command hands them this, which reads each file again (only when asked
to) and decodes it as the run did, with the plugins' parser."""
from __future__ import annotations

import io
import sys

from ..config import Config
from ..containers import kind_of, read_shard


class SourceLines:
    """`source(path)`: the lines (without terminators) of `path` as linted,
    or None when it cannot be read or decoded now. Remembers the last file:
    a reporter asks for one file at a time."""

    def __init__(self, parse=None, stdin_name: str | None = None, stdin_data: bytes | None = None,
                 config_for=None):
        self._parse = parse
        self._config_for = config_for  # path -> its Config (a container's field names); None: the defaults
        self._stdin = (stdin_name, stdin_data)
        self._last: tuple = (None, None)

    def __call__(self, path: str) -> list | dict | None:
        """A container's lines come as a dict: record -> its article's lines."""
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
        if kind_of(path):
            return self._records(path, data)
        try:
            return [line.text for line in read_document(path, data, self._parse).lines]
        except NotText:
            return None


    def _records(self, path: str, data: bytes) -> dict:
        config = self._config_for(path) if self._config_for is not None else Config()
        shard = read_shard(path, data, config)
        return {doc.record: [line.text for line in doc.lines] for doc in shard.documents}


def keep_stdin() -> bytes:
    """Read standard input whole and put an equal stream back for the run,
    so its text can be quoted after the run consumed it."""
    data = sys.stdin.buffer.read()
    sys.stdin = io.TextIOWrapper(io.BytesIO(data))
    return data
