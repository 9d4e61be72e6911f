"""Helpers shared by several rules of the duplicate family."""
from __future__ import annotations

import hashlib


def _digest(words: list[str]) -> bytes:
    return hashlib.sha1(" ".join(words).encode("utf-8", "surrogatepass")).digest()
