"""What kind of file a stat result describes: only regular files are read.

A FIFO blocks the reader until someone writes, a device such as /dev/zero
never ends: both reach a linter as `*.txt` names (or symlinks) in scraped
folders."""
from __future__ import annotations

import stat

_KINDS = ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISDIR, "a directory"))


def special_kind(mode: int) -> str | None:
    """"a FIFO", "a socket", ... for a file that is not regular, else None."""
    if stat.S_ISREG(mode):
        return None
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def not_regular(kind: str) -> str:
    """The message for a file of `kind` (from `special_kind`)."""
    return f"{kind}, not a regular file"
