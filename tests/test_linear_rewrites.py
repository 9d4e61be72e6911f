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
from newslint.rules.embed import EMB002 as embed
from newslint.rules.metadata import _common as metadata
from newslint.rules.numerals import NUM004 as numerals
from newslint.rules.script import SCR001 as script
from newslint.rules.spelling import _common as spelling
from newslint.rules.stray_id import SID003 as stray_id
from newslint.rules.structure import STR001 as structure
from newslint.rules.truncation import TRN002 as truncation

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


@EXAMPLES
@given(texts("1234aB ك.:-", 24))
def test_id_at_line_edge_patterns(text):
    assert _long_ids(stray_id._TAIL_ID, stray_id._HEAD_ID, text) == _long_ids(_OLD_TAIL, _OLD_HEAD, text)


_OLD_GLUED = re.compile(f"(?<![{A}.])([{A}]{{3,}})([.!?\u061f])([{A}]{{3,}})(?![{A}]*\\.[{A}])")


@EXAMPLES
@given(texts("بتس.؟ a", 30))
def test_glued_sentences_pattern(text):
    assert [m.span() for m in structure._GLUED.finditer(text)] == [m.span() for m in _OLD_GLUED.finditer(text)]


_OLD_STRETCH = re.compile(r"[A-Za-z]{2,}[ ,.;:'’-]{1,3}[A-Za-z]{2,}[ ,.;:'’-]{1,3}[A-Za-z]")


@EXAMPLES
@given(texts("ab ,.ب", 24))
def test_latin_stretch_finds_the_same_lines(text):
    assert (embed._LATIN_STRETCH.search(text) is None) == (_OLD_STRETCH.search(text) is None)


_P = script._PERSIAN_CLASS
_OLD_PERSIAN_WORD = re.compile(f"[{A}]*[{_P}][{A}]*")


@EXAMPLES
@given(texts("بیکت a", 20))
def test_persian_word_pattern(text):
    assert [m.span() for m in script._WORD_WITH_PERSIAN.finditer(text)] == \
        [m.span() for m in _OLD_PERSIAN_WORD.finditer(text)]


_N = numerals._NUMBER.pattern
_OLD_PERCENT = re.compile(f"({_N})( ?)([%\u066a])|([%\u066a])( ?)({_N})")


@EXAMPLES
@given(texts("12٣.,٫ %٪a", 24))
def test_percent_pattern(text):
    def found(p):
        return [(m.span(), m.groups()) for m in p.finditer(text)]
    assert found(numerals._PERCENT) == found(_OLD_PERCENT)


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


@EXAMPLES
@given(texts("اب \t\u00a0\x1c،,|:", 24))
def test_tags_line_items(text):
    assert metadata.tags_of(text) == _old_tags_of(text)


_OLD_ELLIPSIS_END = re.compile(r"(?:\.{2,}|…)[\s\"»”)\]]*$")


@EXAMPLES
@given(texts("ب.…  \u00a0\x1c\"»)]", 16))
def test_ellipsis_at_end(text):
    m = _OLD_ELLIPSIS_END.search(text)
    assert truncation.ellipsis_at_end(text) == (m.span() if m else None)


def _old_raw(phrase):
    marks = "[\u064b-\u065f\u0670\u0640\u200b-\u200f]*"
    classes = dict(zones._FOLDED_CLASS, **{" ": "[\\s\u00a0\u200b-\u200f]+"})
    return marks.join(classes.get(ch, re.escape(ch)) for ch in phrase)


_PHRASES = sorted(set(zones.SECTION_MARKERS + zones.INLINE_MARKERS + zones._TAGS_PHRASES + zones._META_PHRASES),
                  key=len, reverse=True)
_OLD_START_HINT = re.compile("^[\\s\u00a0\u200b-\u200f\ufeff]*(?:" + "|".join(map(_old_raw, _PHRASES)) + ")", re.I)


@EXAMPLES
@given(st.sampled_from(_PHRASES), st.lists(st.sampled_from([" ", "\u200b", "\u200f", "\u064e", "\u0640", "\u00a0"]),
                                           max_size=4), st.integers(0, 30))
def test_start_hint_still_matches_every_line_it_matched(phrase, marks, at):
    """The hint only decides which lines get folded: it may match more
    lines than before, never fewer."""
    at = min(at, len(phrase))
    line = phrase[:at] + "".join(marks) + phrase[at:]
    if _OLD_START_HINT.match(line):
        assert zones.starts_like_a_phrase(line)


def test_start_hint_folds_case_as_the_single_pattern_did():
    """The hint of the first word is case-folded as re.I folded the single
    pattern it replaced: "TAGſ" (long s) and "TAGS" are "tags"."""
    for line in ("TAGſ: سياسة، اقتصاد", "TAGS: سياسة", "  Tags : x", " الكلمات الدلالية: x"):
        assert zones.starts_like_a_phrase(line), line
    assert not zones.starts_like_a_phrase("TAXES: x")


def _old_undecodable_utf8(data):
    bad, start = [], 0
    while True:
        try:
            data[start:].decode("utf-8")
            return bad
        except UnicodeDecodeError as exc:
            bad.append(start + exc.start)
            start = start + exc.end


_UTF8_PIECES = [b"a", b" ", "ب".encode(), "€".encode(), "😀".encode(), b"\xff", b"\x80", b"\xd8", b"\xe2\x82",
                b"\xf0\x9f", b"\xf0\x9f\x98", b"\xed\xa0\x80", b"\xc0\xaf"]


@EXAMPLES
@given(st.lists(st.sampled_from(_UTF8_PIECES), max_size=30), st.sampled_from([4, 5, 7, 4096]))
def test_undecodable_utf8_offsets_in_windows(pieces, window):
    from newslint.decoding import _undecodable_utf8

    data = b"".join(pieces)
    assert _undecodable_utf8(data, window) == _old_undecodable_utf8(data)
