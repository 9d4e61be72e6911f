"""JSONL shards: one JSON object per line, one article per object.

Parsing keeps where each top-level value sits in its line, so a fix can
re-serialise one string value in place and leave every other byte as it was.
"""
from __future__ import annotations

import json
import zlib
from json.decoder import scanstring
from typing import Iterator

from .records import MAX_RECORD_BYTES, MAX_SHARD_BYTES, BadRecord, Record, UnreadableShard, record_values

_DECODER = json.JSONDecoder()
_SPACE = " \t\r\n"


def split_lines(data: bytes) -> list[bytes]:
    """The shard's lines, each with its terminator."""
    return data.splitlines(keepends=True)


def read(data: bytes, fields: dict) -> Iterator[Record | tuple[int, str]]:
    """Each non-blank line's Record, or (line number, why it is not one)."""
    for number, raw in enumerate(split_lines(data), 1):
        if not raw.strip():
            continue
        try:
            yield parse_line(number, raw, fields)
        except BadRecord as exc:
            yield number, str(exc)


def read_gzip(data: bytes, fields: dict) -> Iterator[Record | tuple[int, str]]:
    """A gzip-compressed shard's records (read-only: --fix leaves it)."""
    return read(gunzip(data), fields)


def gunzip(data: bytes) -> bytes:
    """The shard's bytes, every gzip member's, at most MAX_SHARD_BYTES of
    them (raises UnreadableShard): a small file must not expand to fill the memory."""
    out, rest = [], data
    size = 0
    while rest:
        inflate = zlib.decompressobj(wbits=31)  # gzip header and trailer
        try:
            chunk = inflate.decompress(rest, MAX_SHARD_BYTES + 1 - size)
        except zlib.error as exc:
            raise UnreadableShard(f"not a readable gzip file: {exc}") from exc
        size += len(chunk)
        if size > MAX_SHARD_BYTES:
            raise UnreadableShard(f"expands past {MAX_SHARD_BYTES} bytes; decompress it to lint it")
        if not inflate.eof:
            raise UnreadableShard("not a readable gzip file: it ends early")
        out.append(chunk)
        rest = inflate.unused_data  # the next member of a concatenated file
    return b"".join(out)


def parse_line(number: int, raw: bytes, fields: dict) -> Record:
    if len(raw) > MAX_RECORD_BYTES:
        raise BadRecord(f"{len(raw)} bytes, over the {MAX_RECORD_BYTES} a record may hold")
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadRecord(f"not UTF-8 (byte {exc.start + 1})") from exc
    line = line.rstrip("\r\n")
    row, spans = parse_object(line)
    return Record(number, record_values(fields, row), line, spans)


def parse_object(line: str) -> tuple[dict, dict]:
    """The object of a line and, per key, the (start, end) of its value
    (raises BadRecord). A repeated key keeps its last value, as json.loads does."""
    try:
        return _scan_object(line)
    except json.JSONDecodeError as exc:
        raise BadRecord(f"not JSON: {exc.msg} (column {exc.colno})") from exc
    except ValueError as exc:  # a number past int's digit limit, say
        raise BadRecord(f"not JSON: {exc}") from exc
    except RecursionError as exc:
        raise BadRecord("not JSON: nested too deep") from exc


def _scan_object(line: str) -> tuple[dict, dict]:
    pos = _skip(line, 0)
    if not line.startswith("{", pos):
        raise BadRecord("not a JSON object")
    row, spans = {}, {}
    pos = _skip(line, pos + 1)
    if line.startswith("}", pos):
        return row, spans
    while True:
        if not line.startswith('"', pos):
            raise json.JSONDecodeError("expected a key", line, pos)
        key, pos = scanstring(line, pos + 1)
        pos = _skip(line, pos)
        if not line.startswith(":", pos):
            raise json.JSONDecodeError("expected ':'", line, pos)
        start = _skip(line, pos + 1)
        row[key], pos = _DECODER.raw_decode(line, start)
        spans[key] = (start, pos)
        pos = _skip(line, pos)
        if line.startswith("}", pos):
            break
        if not line.startswith(",", pos):
            raise json.JSONDecodeError("expected ',' or '}'", line, pos)
        pos = _skip(line, pos + 1)
    if _skip(line, pos + 1) != len(line):
        raise json.JSONDecodeError("extra data after the object", line, pos + 1)
    return row, spans


def _skip(line: str, pos: int) -> int:
    while pos < len(line) and line[pos] in _SPACE:
        pos += 1
    return pos


def with_values(record: Record, changed: dict) -> str:
    """The record's line with the string values of `changed` (field name ->
    new value) re-serialised in place, in the escaping style of the old value
    (\\u escapes for non-ASCII when it used them); every other byte kept."""
    line = record.line
    for name, (start, end) in sorted(((n, record.spans[n]) for n in changed), key=lambda item: -item[1][0]):
        old = line[start:end]
        escaped = old.isascii() and "\\u" in old
        line = line[:start] + json.dumps(changed[name], ensure_ascii=escaped) + line[end:]
    return line
