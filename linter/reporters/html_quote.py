"""A finding's line as HTML, its span in <mark>: what the HTML report shows
under each message.

The text is the article's, so it is hostile: everything is escaped, and the
characters a reader cannot see (controls, direction marks and overrides,
odd spaces, the BOM) are shown as labelled boxes instead of acting on the
page; a direction override in a quoted line would otherwise reorder the rest
of the cell. Long lines are cut to a window around the span.
"""
from __future__ import annotations

import re
import unicodedata
from html import escape

WINDOW = 60        # characters kept on each side of the span
SPAN_CHARS = 200   # a longer span is cut in its middle
_INVISIBLE = re.compile("[\t\x00-\x1f\x7f-\x9f\xa0\xad\u061c\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f"
                        "\u3000\ufeff\ufff9-\ufffb\ud800-\udfff]")
# short labels for the invisible characters news text holds most; others show their code point
_LABEL = {"\t": "TAB", "\xa0": "NBSP", "\xad": "SHY", "\u200b": "ZWSP", "\u200c": "ZWNJ", "\u200d": "ZWJ",
          "\u200e": "LRM", "\u200f": "RLM", "\u061c": "ALM", "\ufeff": "BOM", "\u202f": "NNBSP"}


def quote(line: str, number: int, column: int, end_line: int, end_column: int) -> str:
    """The HTML of `line` (the text of line `number`) with the span from
    `column` to (`end_line`, `end_column`) marked; a span that goes on
    to later lines is marked to the end of this one, and one that covers
    the line break ends in a ⏎."""
    start = min(column - 1, len(line))
    end = end_column - 1 if end_line == number else len(line) + 1
    end = max(start, end)
    past_end = end > len(line)
    before, span, after = line[:start], line[start:min(end, len(line))], line[min(end, len(line)):]
    marked = visible(_middle_cut(span)) + ('<span class="eol">⏎</span>' if past_end else "")
    mark = f'<mark>{marked}</mark>' if marked else '<mark class="at"></mark>'
    return _left_cut(before) + mark + _right_cut(after)


def _left_cut(text: str) -> str:
    if len(text) <= WINDOW:
        return visible(text)
    return '<span class="cut">…</span>' + visible(text[-WINDOW:])


def _right_cut(text: str) -> str:
    if len(text) <= WINDOW:
        return visible(text)
    return visible(text[:WINDOW]) + '<span class="cut">…</span>'


def _middle_cut(text: str) -> str:
    if len(text) <= SPAN_CHARS:
        return text
    half = SPAN_CHARS // 2
    return text[:half] + " … " + text[-half:]


def visible(text: str) -> str:
    """`text` escaped for HTML, each invisible character a labelled box."""
    out, last = [], 0
    for m in _INVISIBLE.finditer(text):
        out.append(escape(text[last:m.start()]))
        out.append(_box(m.group()))
        last = m.end()
    out.append(escape(text[last:]))
    return "".join(out)


def _box(char: str) -> str:
    code = f"U+{ord(char):04X}"
    name = unicodedata.name(char, "")
    label = _LABEL.get(char, code)
    return f'<span class="cp" title="{escape(code + " " + name).strip()}">{label}</span>'
