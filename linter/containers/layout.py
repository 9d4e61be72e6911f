"""How a record's fields become an article, and a fixed article its fields
again.

The article of a record is laid out as a scraped .txt file is, so every
rule reads it as it reads a file:

    <title>                 headline (left out when the record has none)
    <blank line>
    <text>                  body, as stored
    <blank line>
    المصدر: <source>         only when `source` is set and the text has no source line

and a final newline when the text lacks one (a JSON string rarely ends with
one; WSP007 would flag every record). `url` is not part of the article.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

SOURCE_LABEL = "المصدر: "
HEADLINE_BREAK = "\n\n"


@dataclass(frozen=True)
class Article:
    """A record's article text and what it was built from (to map fixes back)."""

    text: str
    title: Optional[str]        # the title as stored, if it opened the article
    body: str                   # the text field as stored
    source_line: str = ""       # the appended "\n\nالمصدر: ..." part ("" if none)
    added_newline: bool = False  # a final "\n" the body lacked


def build_article(title: Optional[str], body: str, source: Optional[str]) -> Article:
    head = f"{title}{HEADLINE_BREAK}" if title else ""
    tail = ""
    if source and SOURCE_LABEL.strip() not in body:
        tail = f"{HEADLINE_BREAK}{SOURCE_LABEL}{source}"
    text = head + body.rstrip("\n") + tail if tail else head + body
    added = not text.endswith(("\n", "\r"))
    return Article(text + ("\n" if added else ""), title or None, body, tail, added)


def split_article(article: Article, fixed: str) -> Optional[tuple[Optional[str], str]]:
    """(title, text) of a fixed article, or None when the fixes moved the
    parts' borders so that the fields cannot be told apart again."""
    if article.added_newline:
        if not fixed.endswith("\n"):
            return None
        fixed = fixed[:-1]
    if article.source_line:
        if not fixed.endswith(article.source_line):
            return None
        fixed = fixed[:-len(article.source_line)]
        fixed += article.body[len(article.body.rstrip("\n")):]  # the body's own trailing newlines
    if article.title is None:
        return None, fixed
    title, sep, body = fixed.partition(HEADLINE_BREAK)
    if not sep or "\n" in title or "\n" in article.title:
        return None
    return title, body
