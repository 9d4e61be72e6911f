"""Parquet shards: one article per row, read with pyarrow (the `parquet`
extra). Read-only: --fix leaves them as they are."""
from __future__ import annotations

from typing import Iterator

from .records import MAX_RECORD_BYTES, BadRecord, Record, UnreadableShard, record_values


def read(data: bytes, fields: dict) -> Iterator[Record | tuple[int, str]]:
    """Each row's Record, or (row number, why it is not one)."""
    table = _table(data, fields)
    for number, row in enumerate(table.to_pylist(), 1):
        try:
            yield Record(number, _row_values(fields, row))
        except BadRecord as exc:
            yield number, str(exc)


def _row_values(fields: dict, row: dict) -> dict:
    values = record_values(fields, row)
    size = sum(len(v) for v in values.values())
    if size > MAX_RECORD_BYTES:
        raise BadRecord(f"{size} characters, over the {MAX_RECORD_BYTES} a record may hold")
    return values


def _table(data: bytes, fields: dict):
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise UnreadableShard("cannot read Parquet: pyarrow is not installed (pip install 'newslint[parquet]')") \
            from exc
    try:
        source = pq.ParquetFile(pa.BufferReader(data))
        names = source.schema_arrow.names
        if fields["text"] not in names:  # not a record's fault: say it once
            raise UnreadableShard(f"no column {fields['text']!r} (it has: {', '.join(names[:10]) or 'none'})")
        return source.read(columns=[name for name in fields.values() if name in names])
    except (pa.ArrowException, OSError, ValueError) as exc:
        raise UnreadableShard(f"not a readable Parquet file: {_first_line(exc)}") from exc


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
