"""Helpers shared by several rules of the duplicate family."""
from __future__ import annotations

import hashlib


def _digest(words: list[bytes]) -> bytes:
    """SHA-1 of the words (UTF-8, as Document.article_utf8_words gives
    them) joined by single spaces: the exact-copy key of DUP001 and DUP002."""
    return hashlib.sha1(b" ".join(words)).digest()
