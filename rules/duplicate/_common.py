"""Helpers shared by several rules of the duplicate family."""
from __future__ import annotations

import hashlib


_ARTICLE_KINDS = ("headline", "body", "subheading", "list-item")


def article_tokens(doc) -> list[str]:
    """Words of the article itself (no appended sections), computed once per
    document and shared by the duplicate rules."""
    cached = doc.memo.get("article_tokens")
    if cached is None:
        zones = doc.zones
        text = "\n".join(doc.line(n).text for n, kind in enumerate(zones.kinds, 1)
                         if kind in _ARTICLE_KINDS and zones.in_article(n))
        # split() in C: white space of any kind (no-break spaces, CRLF) does not count
        cached = doc.memo["article_tokens"] = text.split()
    return cached


def _digest(words: list[str]) -> bytes:
    return hashlib.sha1(" ".join(words).encode("utf-8", "surrogatepass")).digest()
