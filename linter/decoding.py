"""Turn a file's bytes into text once, and say how that went.

Strict UTF-8 is the fast path. Only when it fails does charset-normalizer get
the bytes; a file that is mostly valid UTF-8 with a few broken sequences is
kept as UTF-8 and the broken bytes are reported, because a guessed legacy
encoding would garble the whole file instead of a few characters.
"""
from __future__ import annotations

import codecs
from dataclasses import dataclass, field

UTF8_BOM = codecs.BOM_UTF8
_UTF16_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
               (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# Share of undecodable bytes below which a file is "UTF-8 with damage".
_DAMAGE_RATIO = 0.01
_SNIFF = 8192


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


def decode(data: bytes) -> Decoded:
    if data.startswith(UTF8_BOM):
        body = data[len(UTF8_BOM):]
        try:
            return Decoded(body.decode("utf-8"), "utf-8", bom=True)
        except UnicodeDecodeError:
            return _damaged_or_legacy(body, bom=True)
    for bom, name in _UTF16_BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(name), name, bom=True)
            except UnicodeDecodeError as exc:
                raise NotText(f"starts with a {name} byte-order mark but does not decode as {name}") from exc
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return _damaged_or_legacy(data, bom=False)
    if "\x00" in text[:_SNIFF]:
        raise NotText("binary file (NUL bytes), not text")
    return Decoded(text, "utf-8")


def _damaged_or_legacy(data: bytes, bom: bool) -> Decoded:
    if b"\x00" in data[:_SNIFF]:
        guess = _guess_utf16_without_bom(data)
        if guess:
            return guess
        raise NotText("binary file (NUL bytes), not text")
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
    if best is None or best.encoding is None:
        raise NotText("not text: no encoding decodes these bytes")
    text = str(best)
    if _control_ratio(text) > 0.05:
        raise NotText(f"binary file (decodes only as {best.encoding} with control characters)")
    return Decoded(text, best.encoding, confidence=round(1.0 - best.chaos, 3), bom=bom)


def _guess_utf16_without_bom(data: bytes) -> Decoded | None:
    sample = data[:_SNIFF]
    even_nul = sample[0::2].count(0)
    odd_nul = sample[1::2].count(0)
    half = max(1, len(sample) // 2)
    for nul_share, name in ((odd_nul, "utf-16-le"), (even_nul, "utf-16-be")):
        if nul_share / half > 0.3:
            try:
                text = data.decode(name)
            except UnicodeDecodeError:
                continue
            if _control_ratio(text) < 0.01:
                return Decoded(text, name.split("-le")[0].split("-be")[0], confidence=0.9)
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
