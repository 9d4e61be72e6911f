"""Decoding once, lines with offsets, newline facts."""
from __future__ import annotations

import pytest

from newslint.decoding import NotText, decode
from newslint.document import Document

ARTICLE = "أعلن وزير الخارجية الروسي، سيرغي لافروف، عن خطة لعقد قمة ثلاثية لزعماء روسيا وأرمينيا وأذربيجان هذا العام.\n"


def test_utf8_fast_path():
    d = decode(ARTICLE.encode())
    assert (d.text, d.encoding, d.bom, d.confidence) == (ARTICLE, "utf-8", False, 1.0)


def test_bom_is_stripped_and_remembered():
    d = decode(b"\xef\xbb\xbf" + ARTICLE.encode())
    assert d.text == ARTICLE and d.bom and d.encoding == "utf-8"


def test_cp1256_detected():
    d = decode(ARTICLE.encode("cp1256"))
    assert d.text == ARTICLE
    assert d.encoding in ("cp1256", "windows_1256", "cp1256")


def test_utf16_with_bom():
    d = decode(ARTICLE.encode("utf-16"))
    assert d.text == ARTICLE and d.encoding == "utf-16"


def test_damaged_utf8_keeps_the_rest():
    data = ARTICLE.encode() + "م".encode() + b"\xd8"
    d = decode(data)
    assert d.encoding == "utf-8"
    assert d.text.endswith("م\ufffd")
    assert d.bad_bytes == ((len(ARTICLE) + 1, 0xD8),)
    assert d.raw_text.encode("utf-8", "surrogateescape") == data


@pytest.mark.parametrize("data", [b"\x00\x01\x02\x03binary\x00\xff\xfe\x00" * 50, bytes(range(256)) * 20])
def test_binary_is_not_text(data):
    with pytest.raises(NotText):
        decode(data)


def test_lines_offsets_and_endings():
    doc = Document("a.txt", "أ\r\nبب\n\nج".encode())
    assert [(l.number, l.text, l.offset, l.ending) for l in doc.lines] == [
        (1, "أ", 0, "\r\n"), (2, "بب", 3, "\n"), (3, "", 6, "\n"), (4, "ج", 7, "")]
    assert doc.newline_counts == {"\n": 2, "\r\n": 1, "\r": 0}
    assert doc.newline == "\n" and not doc.final_newline
    assert doc.position(4) == (2, 2) and doc.offset(2, 2) == 4


def test_empty_file():
    doc = Document("a.txt", b"")
    assert doc.lines == [] and doc.final_newline


def test_long_single_line_is_linear():
    doc = Document("big.txt", ("كلمة " * 1_000_000).encode())
    assert len(doc.lines) == 1
