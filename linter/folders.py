"""The source folder a file belongs to: one site a folder, as the batch
rules that learn a site's habits (BLP004's furniture, SRC001's source line)
group files."""
from __future__ import annotations

from functools import lru_cache
import os


def folder_of(path: str, base: str | None = None) -> str:
    """The source folder of `path`: its parent, relative to `base` (the
    profile's folder) when given, with "/" separators; "." for the top. A
    record of a container ("shard.jsonl:12") is in the shard's folder."""
    return _folder(os.path.dirname(path), base)


@lru_cache(maxsize=4096)
def _folder(parent: str, base: str | None) -> str:
    """Cached: a batch has few folders and many files, and abspath is slow."""
    parent = os.path.abspath(parent or ".")
    return os.path.relpath(parent, os.path.abspath(base)).replace(os.sep, "/") if base is not None else parent


def shown_parent(path: str) -> str:
    """The folder of `path` as the user named it, as a message shows it."""
    return (os.path.dirname(path) or ".").replace(os.sep, "/")
