"""Helpers shared by several rules of the boilerplate family."""
from __future__ import annotations


from newslint.arabic import indent


def _line_span(doc, number: int) -> tuple[int, int]:
    text = doc.line(number).text
    start = indent(text) + 1
    return start, len(text.rstrip()) + 1


def _quote(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"
