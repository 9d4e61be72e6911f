"""Turn a file's bytes into text once, and say how that went.

Strict UTF-8 is the fast path. Only when it fails does charset-normalizer get
the bytes; a file that is mostly valid UTF-8 with a few broken sequences is
kept as UTF-8 and the broken bytes are reported, because a guessed legacy
encoding would garble the whole file instead of a few characters.

A legacy guess is checked against Arabic (see plausibility.py): the
detector's guess, cp1256 and ISO-8859-6 are each decoded and scored, the
reading that is most like Arabic news wins, and the guess is *certain*
only when it reads as Arabic and no other reading comes close. Otherwise
`Decoded.doubt` says why, and the encoding fix is offered as unsafe.

NUL bytes: UTF-16 without a byte-order mark is recognised by its high
bytes (0x00 for ASCII, 0x06 for Arabic); other data with more than
_STRAY_NULS NULs and more than 1 % of them is binary (NotText). Fewer NULs
are kept in the text, wherever they are, and ENC005 reports each one.
"""
from __future__ import annotations

import codecs
from collections import Counter
from dataclasses import dataclass, field

from .plausibility import MIN_MARGIN, read

UTF8_BOM = codecs.BOM_UTF8
_UTF16_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
               (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# Share of undecodable bytes below which a file is "UTF-8 with damage".
_DAMAGE_RATIO = 0.01
_SNIFF = 8192
# Up to this many NULs a file is text with stray NULs, whatever its size.
_STRAY_NULS = 4
# Code pages Arabic text is found in, tried besides the detector's guess.
_ARABIC_CODE_PAGES = ("cp1256", "iso8859-6")
# In UTF-16 text of one script nearly every high byte is one of two values.
_UTF16_HIGH_BYTE_SHARE = 0.9


class NotText(Exception):
    """The bytes are not a text file in any encoding we can trust."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str            # "utf-8" or the detected legacy encoding
    confidence: float = 1.0  # 1.0 when UTF-8 decoded strictly
    bom: bool = False        # the file started with a byte-order mark
    # (offset in text, the raw byte) for bytes UTF-8 could not decode
    bad_bytes: tuple = field(default_factory=tuple)
    # the text with each undecodable byte kept as a surrogate escape, so a
    # fixer can write those bytes back unchanged (same length as `text`)
    raw_text: str | None = None
    # why the legacy `encoding` may be wrong ("" when it is certain)
    doubt: str = ""


def decode(data: bytes) -> Decoded:
    if data.startswith(UTF8_BOM):
        return _utf8_or_legacy(data[len(UTF8_BOM):], bom=True)
    for bom, name in _UTF16_BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(name), name, bom=True)
            except UnicodeDecodeError as exc:
                raise NotText(f"starts with a {name} byte-order mark but does not decode as {name}") from exc
    if b"\x00" in data:
        guess = _utf16_without_bom(data)
        if guess is not None:
            return guess
        _refuse_many_nuls(data)
    return _utf8_or_legacy(data, bom=False)


def _utf8_or_legacy(data: bytes, bom: bool) -> Decoded:
    try:
        return Decoded(data.decode("utf-8"), "utf-8", bom=bom)
    except UnicodeDecodeError:
        return _damaged_or_legacy(data, bom)


def _refuse_many_nuls(data: bytes) -> None:
    if data.count(0) > max(_STRAY_NULS, len(data) // 100):
        raise NotText("binary file (NUL bytes), not text")


def _damaged_or_legacy(data: bytes, bom: bool) -> Decoded:
    bad = _undecodable_utf8(data)
    if bad and len(bad) <= max(1, int(len(data) * _DAMAGE_RATIO)) and _has_utf8_multibyte(data):
        text = data.decode("utf-8", errors="surrogateescape")
        positions, out = [], []
        for i, ch in enumerate(text):
            if "\udc80" <= ch <= "\udcff":
                positions.append((i, ord(ch) - 0xDC00))
                out.append("\ufffd")
            else:
                out.append(ch)
        return Decoded("".join(out), "utf-8", confidence=1.0, bom=bom, bad_bytes=tuple(positions), raw_text=text)
    return _legacy(data, bom)


def _legacy(data: bytes, bom: bool) -> Decoded:
    from charset_normalizer import from_bytes  # imported only for non-UTF-8 files

    best = from_bytes(data).best()
    detected = None if best is None or best.encoding is None else _canonical(best.encoding)
    readings = _readings(data, {detected: str(best)} if detected else {})
    if not readings:
        raise NotText("not text: no encoding decodes these bytes")
    encoding, doubt = _choose(readings, detected)
    text = readings[encoding][0]
    if _control_ratio(text) > 0.05:
        raise NotText(f"binary file (decodes only as {encoding} with control characters)")
    return Decoded(text, encoding, confidence=_confidence(text), bom=bom, doubt=doubt)


def _readings(data: bytes, known: dict) -> dict:
    """encoding -> (text, Reading) for the detector's guess and for each
    Arabic code page the bytes decode in."""
    texts = dict(known)
    for name in _ARABIC_CODE_PAGES:
        if name not in texts:
            try:
                texts[name] = data.decode(name)
            except UnicodeDecodeError:
                continue
    return {name: (text, read(text)) for name, text in texts.items()}


def _choose(readings: dict, detected: str | None) -> tuple[str, str]:
    """The encoding to use, and the doubt about it ("" when certain)."""
    arabic = sorted((name for name, (_, r) in readings.items() if r.plausible),
                    key=lambda name: -readings[name][1].log_p)
    if not arabic:
        name = detected or next(iter(readings))
        return name, (f"the text decoded as {name} does not read as Arabic "
                      f"({readings[name][1].arabic_share:.0%} of its letters are Arabic)")
    best_name = arabic[0]
    text, reading = readings[best_name]
    for rival in arabic[1:]:
        rival_text, rival_reading = readings[rival]
        if rival_text != text and reading.log_p - rival_reading.log_p < MIN_MARGIN:
            return best_name, f"the text also reads as Arabic in {rival}"
    return best_name, ""


def _canonical(name: str) -> str:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return name


def _confidence(text: str) -> float:
    from charset_normalizer.md import mess_ratio

    return round(1.0 - mess_ratio(text[:_SNIFF], maximum_threshold=1.0), 3)


def _utf16_without_bom(data: bytes) -> Decoded | None:
    """UTF-16 text without a byte-order mark: nearly all of its high bytes
    take one or two values (0x00 for ASCII, 0x06 for Arabic), which no
    single-byte text and no binary data does."""
    if len(data) % 2:
        return None
    sample = data[:_SNIFF]
    for high, name in ((sample[1::2], "utf-16-le"), (sample[0::2], "utf-16-be")):
        top_two = sum(n for _, n in Counter(high).most_common(2))
        if top_two < _UTF16_HIGH_BYTE_SHARE * len(high):
            continue
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        if _control_ratio(text) < 0.01:
            reading = read(text)
            doubt = "" if reading.plausible else "no byte-order mark, and the text does not read as Arabic"
            return Decoded(text, name, confidence=_confidence(text), doubt=doubt)
    return None


def _undecodable_utf8(data: bytes, window: int = 4096) -> list[int]:
    """Offsets of the undecodable UTF-8 sequences (stops after 10,000).
    Decoded a window at a time: each error copies the bytes being decoded
    into the exception, so decoding the whole rest per error was quadratic."""
    bad, start = [], 0
    view = memoryview(data)
    while start < len(data):
        final = start + window >= len(data)
        try:
            # not final: a sequence cut by the window's end is left for the next window
            _, used = codecs.utf_8_decode(view[start:start + window], "strict", final)
            start += used
        except UnicodeDecodeError as exc:
            bad.append(start + exc.start)
            start = start + exc.end
            if len(bad) > 10_000:
                return bad
    return bad


def _has_utf8_multibyte(data: bytes) -> bool:
    return any(b >= 0xC2 for b in data[:65536])


def _control_ratio(text: str) -> float:
    sample = text[:_SNIFF]
    if not sample:
        return 0.0
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    return controls / len(sample)
