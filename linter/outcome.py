"""What the lint stage hands the parent for one file: the result a
reporter sees, and beside it (each in its own small type) what only the
parent's later stages use: the cache entry to store, the batch rules'
sketches, the fix outcome to write."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from .models import FileResult


@dataclass(frozen=True)
class CacheEntry:
    """A file's cache key; `value` is the encoded entry when it is new and
    the parent must store it (None: the result came from the cache)."""

    key: str
    value: Optional[str] = None


@dataclass(frozen=True)
class Linted:
    result: FileResult
    sketches: dict = field(default_factory=dict)  # batch-rule code -> this file's sketch
    cache: Optional[CacheEntry] = None            # None: no cache in use (or standard input)
    fix: Optional[object] = None                  # fixer.FixResult, with --fix / --diff
    stdin: bool = False                           # read from standard input (its name is --stdin-filename)
