"""The linear rewrites of slow patterns say what the old patterns said.

Each test keeps the old (super-linear) pattern or code as the reference
and checks, on random short strings over the characters that matter, that
the new one finds the same things. Strings stay short: the old patterns
are only slow on long ones.
"""
from __future__ import annotations

import re

from hypothesis import given, settings, strategies as st

from newslint.arabic import ARABIC_LETTERS as A
from newslint import zones
from newslint.rules import embed, metadata, numerals, script, spelling, stray_id, structure, truncation

EXAMPLES = settings(max_examples=400, deadline=None)


def texts(chars, max_size=24):
    return st.text(st.sampled_from(list(chars)), max_size=max_size)


@EXAMPLES
@given(texts("ab \t\u00a0\u2009\"«", 20), st.integers(0, 21))
def test_tokens_around_a_position_match_split(text, pos):
    pos = min(pos, len(text))
    tokens = spelling._Tokens(text)
    assert tokens.before(pos) == (text[:pos].split()[-1:] or [""])[0]
    assert tokens.after(pos) == (text[pos:].split()[:1] or [""])[0]


_DIGIT = stray_id._DIGIT
_OLD_CODE = f"[A-Za-z{_DIGIT}]*[{_DIGIT}][A-Za-z{_DIGIT}]*"
_OLD_TAIL = re.compile(f"([.!?\u061f\u00bb\"])\\s+({_OLD_CODE})\\s*$")
_OLD_HEAD = re.compile(f"^\\s*({_OLD_CODE})\\s+(?=[^\\s:\\-–—|/])")


def _long_ids(tail, head, text):
    m, h = tail.search(text), head.match(text)
    return (m.span(2) if m and stray_id._long_id(m.group(2)) else None,
            h.span(1) if h and stray_id._long_id(h.group(1)) else None)


_OLD_GLUED = re.compile(f"(?<![{A}.])([{A}]{{3,}})([.!?\u061f])([{A}]{{3,}})(?![{A}]*\\.[{A}])")


_OLD_STRETCH = re.compile(r"[A-Za-z]{2,}[ ,.;:'’-]{1,3}[A-Za-z]{2,}[ ,.;:'’-]{1,3}[A-Za-z]")


_P = script._PERSIAN_CLASS
_OLD_PERSIAN_WORD = re.compile(f"[{A}]*[{_P}][{A}]*")


_N = numerals._NUMBER.pattern
_OLD_PERCENT = re.compile(f"({_N})( ?)([%\u066a])|([%\u066a])( ?)({_N})")


def _old_tags_of(text):
    separators = re.compile(r"\s*[،,|;؛#/]\s*")
    label = metadata._LABEL.match(text)
    start = label.end() if label else 0
    body = text[start:]
    if separators.search(body):
        items, pos = [], start
        for part in separators.split(body):
            at = text.index(part, pos) if part else pos
            if part.strip():
                items.append((at, at + len(part), part.strip()))
            pos = at + len(part)
        return "separated", items
    return "spaces", [(start + m.start(), start + m.end(), m.group()) for m in re.finditer(r"\S+", body)]


_OLD_ELLIPSIS_END = re.compile(r"(?:\.{2,}|…)[\s\"»”)\]]*$")


def _old_raw(phrase):
    marks = "[\u064b-\u065f\u0670\u0640\u200b-\u200f]*"
    classes = dict(zones._FOLDED_CLASS, **{" ": "[\\s\u00a0\u200b-\u200f]+"})
    return marks.join(classes.get(ch, re.escape(ch)) for ch in phrase)


_PHRASES = sorted(set(zones.SECTION_MARKERS + zones.INLINE_MARKERS + zones._TAGS_PHRASES + zones._META_PHRASES),
                  key=len, reverse=True)
_OLD_START_HINT = re.compile("^[\\s\u00a0\u200b-\u200f\ufeff]*(?:" + "|".join(map(_old_raw, _PHRASES)) + ")", re.I)
