"""The read stage: a discovered path's bytes, or why they cannot be had."""
from __future__ import annotations

import os

from .executors.urls import is_url
from .filekinds import not_regular, special_kind
from .models import FileError


def read_bytes(path: str) -> bytes | FileError:
    """The file's bytes, or a FileError saying why they cannot be had. Only
    regular files are read: the open does not block (a FIFO would wait for
    a writer) and the open descriptor is checked, so nothing can swap the
    file between the check and the read (a device such as /dev/zero never
    ends). An fsspec URL (the Dask executor's) is read through fsspec."""
    if is_url(path):
        from .executors.urls import read_url

        return read_url(path)
    try:
        if os.path.islink(path) and not os.path.exists(path):
            return FileError(path, "broken symbolic link")
        with open(path, "rb", opener=_open_nonblocking) as fh:
            kind = special_kind(os.fstat(fh.fileno()).st_mode)
            return fh.read() if kind is None else FileError(path, not_regular(kind))
    except IsADirectoryError:
        return FileError(path, "is a directory")
    except OSError as exc:
        return FileError(path, f"cannot read: {exc.strerror or exc}")


def _open_nonblocking(path: str, flags: int) -> int:
    return os.open(path, flags | getattr(os, "O_NONBLOCK", 0))
