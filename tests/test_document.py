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
    assert [(ln.number, ln.text, ln.offset, ln.ending) for ln in doc.lines] == [
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


# ------------------------------------------------------------ legacy encodings (issue 10, cases 4, 31, 32)

# Real headlines that charset-normalizer alone decodes as another code page.
MISREAD_HEADLINES = [
    "صورة مخيفة تقتل جينات استعدادا عن النوم القصيرة عربية الأولى",   # 60 bytes; read as cp1253
    "اختطاف طفل كلّ ساعة في الهند",                                 # read as cp1251
    "مهرجان المدينة بسوسة : البرنامج",                               # read as cp1255
    "اكتشاف مجرة عملاقة",                                           # read as cp932
]


@pytest.mark.parametrize("headline", MISREAD_HEADLINES)
def test_short_cp1256_headline_is_read_as_arabic(headline):
    d = decode((headline + "\n").encode("cp1256"))
    assert (d.text, d.encoding, d.doubt) == (headline + "\n", "cp1256", "")


def test_legacy_text_that_does_not_read_as_arabic_is_in_doubt():
    d = decode("Новости дня: президент встретился с министрами.\n".encode("cp1251"))
    assert "not read as Arabic" in d.doubt


def test_two_arabic_readings_close_together_are_in_doubt():
    from newslint.decoding import _choose
    from newslint.plausibility import MIN_MARGIN, Reading

    close = {"cp1256": ("نص", Reading(-100.0, -3.0, 1.0)), "iso8859-6": ("نض", Reading(-101.0, -3.1, 1.0))}
    assert _choose(close, "iso8859-6") == ("cp1256", "the text also reads as Arabic in iso8859-6")
    far = {**close, "iso8859-6": ("نض", Reading(-100.0 - MIN_MARGIN, -3.5, 1.0))}
    assert _choose(far, "iso8859-6") == ("cp1256", "")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_text(codec):
    d = decode(ARTICLE.encode(codec))
    assert (d.text, d.encoding, d.bom, d.doubt) == (ARTICLE, codec, False, "")


def test_utf16_without_bom_short_headline():
    d = decode("صورة مخيفة".encode("utf-16-le"))
    assert d.text == "صورة مخيفة"


@pytest.mark.parametrize("where", [10, 9000, 100_000])
def test_a_stray_nul_anywhere_is_kept_in_the_text(where):
    text = (ARTICLE * 2000)[:where] + "\x00" + ARTICLE
    assert decode(text.encode("utf-8")).text == text


@pytest.mark.parametrize("data", [
    ARTICLE.encode() * 200 + b"\x00" * 4096,                  # text, then a block of NULs
    b"\x00\x00\x00\x01" * 5000,
])
def test_mostly_nul_data_is_binary(data):
    with pytest.raises(NotText, match="binary"):
        decode(data)


def test_non_ascii_space_is_what_str_split_splits_on_and_bytes_split_does_not():
    import re

    from newslint.document import NON_ASCII_SPACE

    listed = re.compile(f"[{NON_ASCII_SPACE}]")
    bytes_space = {chr(b) for b in range(128) if bytes([b]).split() == []}
    for ch in map(chr, range(0x110000)):
        assert bool(listed.match(ch)) == (ch.isspace() and ch not in bytes_space), hex(ord(ch))


@pytest.mark.parametrize("space", ["\u00a0", "\u2009", "\u3000", "\x1c", "\x85", "\u202f", "\t", "\x0b"])
def test_article_utf8_words_are_the_article_words_encoded(space):
    text = (f"عنوان{space}الخبر 16:00\n\nقال  الوزير{space}{space}إن الاجتماع\u200fانتهى.\n"
            f"{space}فقرة ثانية{space}\nالمصدر: وكالة\n\nاقرأ أيضا\nخبر آخر\n")
    doc = Document("a.txt", text.encode())
    assert doc.article_utf8_words == [word.encode() for word in doc.article_words]
    assert b"\xd8\xa7\xd9\x84\xd8\xae\xd8\xa8\xd8\xb1" in doc.article_utf8_words  # "الخبر" split off
    assert "الاجتماع\u200fانتهى.".encode() in doc.article_utf8_words  # a direction mark is not white space
