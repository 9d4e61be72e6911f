"""Container files: JSONL and Parquet shards holding one article per
record (see docs/containers.md). A shard is one file to discovery, the
cache and the writer, and many documents to the rules: each record is
linted as its own article, and its findings name it (`record`).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from ..decoding import NotText
from ..document import Document
from . import jsonl, parquet
from .layout import Article, build_article
from .records import Record, UnreadableShard, field_names

KINDS = {".jsonl": "jsonl", ".jsonl.gz": "jsonl.gz", ".parquet": "parquet"}
READERS = {"jsonl": jsonl.read, "jsonl.gz": jsonl.read_gzip, "parquet": parquet.read}
FIELD_SECTION = {"jsonl.gz": "jsonl"}  # the config section a kind's field names come from
# per-record errors named in the shard's one-line error; the rest are counted
NAMED_ERRORS = 5


def kind_of(path: str) -> Optional[str]:
    """"jsonl" or "parquet" for a container's path, else None."""
    name = path.rsplit("/", 1)[-1].lower()
    return next((kind for suffix, kind in KINDS.items() if name.endswith(suffix) and len(name) > len(suffix)), None)


class RecordDocument(Document):
    """The Document of one record's article; `path` is the shard's."""

    def __init__(self, path: str, record: Record, article: Article):
        super().__init__(path, article.text.encode("utf-8"))
        self.record = record.number
        self.source_record = record
        self.article = article


@dataclass(frozen=True)
class Shard:
    path: str
    kind: str
    documents: list = field(default_factory=list)  # RecordDocument per good record, in record order
    bad: list = field(default_factory=list)        # (record number, why) per record not linted
    unreadable: Optional[str] = None               # why the whole shard could not be read

    def error_message(self) -> Optional[str]:
        """One line for the shard's FileError, or None when all is well."""
        if self.unreadable:
            return self.unreadable
        if not self.bad:
            return None
        named = "; ".join(f"record {number}: {why}" for number, why in self.bad[:NAMED_ERRORS])
        more = len(self.bad) - NAMED_ERRORS
        return f"{len(self.bad)} record(s) not linted: {named}" + (f"; and {more} more" if more > 0 else "")


def read_shard(path: str, data: bytes, config) -> Shard:
    kind = kind_of(path)
    fields = field_names(config, FIELD_SECTION.get(kind, kind))
    docs, bad = [], []
    try:
        for item in READERS[kind](data, fields):
            if not isinstance(item, Record):
                bad.append(item)
                continue
            try:
                docs.append(record_document(path, item))
            except NotText as exc:  # NUL bytes: "\u0000" is a valid JSON string
                bad.append((item.number, str(exc)))
    except UnreadableShard as exc:
        return Shard(path, kind, unreadable=str(exc))
    return Shard(path, kind, docs, bad)


def record_document(path: str, record: Record) -> RecordDocument:
    values = record.values
    return RecordDocument(path, record, build_article(values.get("title"), values["text"], values.get("source")))


# ------------------------------------------------------------ batch rules

SKETCH_MARK = "@"  # a shard's sketches are keyed "<code>@<record>"


def record_sketch_key(code: str, record: int) -> str:
    return f"{code}{SKETCH_MARK}{record}"


class RecordPath(str):
    """What batch rules compare a record under: "shard.jsonl:12", ordered by
    (shard path, record number), so record 9 comes before record 10."""

    def __new__(cls, path: str, record: int):
        self = super().__new__(cls, f"{path}:{record}")
        self.path, self.record = path, record
        return self

    def __reduce__(self):
        return (RecordPath, (self.path, self.record))

    def _key(self):
        return (self.path, self.record)

    def __lt__(self, other):
        return self._key() < _sort_key(other)

    def __le__(self, other):
        return self._key() <= _sort_key(other)

    def __gt__(self, other):
        return self._key() > _sort_key(other)

    def __ge__(self, other):
        return self._key() >= _sort_key(other)

    __hash__ = str.__hash__
    __eq__ = str.__eq__


def _sort_key(value) -> tuple:
    return value._key() if isinstance(value, RecordPath) else (str(value), 0)


def sketch_entries(path: str, sketches: dict):
    """(code, name the batch rules compare it under, sketch) of one file's
    sketches: a plain file's under its path, a shard's records' under a
    RecordPath each."""
    for key, sketch in sketches.items():
        code, mark, record = key.partition(SKETCH_MARK)
        yield (code, RecordPath(path, int(record)), sketch) if mark else (key, path, sketch)


def split_record_path(path) -> tuple[str, Optional[int]]:
    """(file path, record or None) of a name batch rules report."""
    return (path.path, path.record) if isinstance(path, RecordPath) else (path, None)


def documents_at_least(paths: list) -> int:
    """How many documents `paths` hold at least: a shard may hold many, so
    it counts as two (enough for the batch rules to compare)."""
    return len(paths) + any(kind_of(path) for path in paths)
