"""Content cache: a file's results, stored under the keys cache_key.py builds
(see there for what a key depends on).

A cache directory is not trusted: entries are JSON (never pickle) in one
SQLite file, and every entry is checked field by field on load (types,
ranges, the severity and category vocabularies, the path it is for); one
that does not fit is ignored and recomputed, and a cache file that is not a
database is ignored. A connection is never used across fork(): it belongs
to the process that opened it.
"""
from __future__ import annotations

import base64
import json
import os
import sqlite3
import sys
from pathlib import Path
from typing import Iterator

from .cache_key import FORMAT, BatchKey, snapshot_key
from .models import CATEGORIES, SEVERITIES, Edit, FileError, FileResult, Finding, Fix, Hit, checked
from .outcome import CacheEntry, Linted
from .sorted_groups import in_sorted

MAX_POSITION = 2 ** 31 - 1   # a line or column past this is not from a real file
APPLICABILITIES = ("safe", "unsafe")


class Unfit(ValueError):
    """A stored entry that does not have the shape newslint writes."""


def _require(condition: bool) -> None:
    if not condition:
        raise Unfit("cache entry does not fit")


# The cache folder marks itself, as ruff's and pytest's do: git ignores it
# without an entry in the project's .gitignore, and backup tools that follow
# https://bford.info/cachedir/ skip it.
CACHEDIR_SIGNATURE = "Signature: 8a477f597d28d172789f06886806bc55"
MARKERS = {
    ".gitignore": "# Created by newslint automatically.\n*\n",
    "CACHEDIR.TAG": f"{CACHEDIR_SIGNATURE}\n# This file is a cache directory tag created by newslint.\n"
                    "# For information about cache directory tags, see: https://bford.info/cachedir/\n",
}


def make_cache_dir(root: Path) -> None:
    """Create the cache folder with its markers; markers already there
    (perhaps edited by the user) are kept."""
    root.mkdir(parents=True, exist_ok=True)
    for name, text in MARKERS.items():
        marker = root / name
        if not marker.exists():
            marker.write_text(text, encoding="utf-8")


def default_dir(config_path: Path | None) -> Path:
    if config_path is not None:
        return config_path.parent / ".newslint_cache"
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local"))
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "newslint"


class Cache:
    """One SQLite file per cache folder. Workers read (many readers at once
    are fine); new entries travel back with the results and the parent
    writes them in one transaction, so workers never wait on a lock."""

    FILE = "cache.sqlite3"

    def __init__(self, root: Path, run_key: str):
        """`run_key` (cache_key.run_key): the run whose batch and snapshot
        entries this cache holds."""
        self.root = Path(root)
        self.run_key = run_key
        self._db = None
        self._pid = None  # the process that opened _db
        self._broken = False

    def __getstate__(self):  # a connection does not cross process boundaries
        return {"root": self.root, "run_key": self.run_key}

    def __setstate__(self, state):
        self.__init__(state["root"], state["run_key"])

    def close(self) -> None:
        """Close the connection (before fork(): SQLite forbids using it in a
        child); the next query opens a new one."""
        if self._db is not None and self._pid == os.getpid():
            self._db.close()
        self._db = None

    def _connect(self, create: bool):
        if self._db is not None and self._pid != os.getpid():
            # inherited through fork(): neither use nor close it (closing
            # could disturb the parent's locks); keep it from the collector
            _INHERITED.append(self._db)
            self._db = None
        if self._db is None and not self._broken:
            file = self.root / self.FILE
            try:
                if not create and not file.exists():
                    return None
                make_cache_dir(self.root)
                db = sqlite3.connect(file, timeout=30)
                db.execute("CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
                self._db, self._pid = db, os.getpid()
            except (OSError, sqlite3.Error):
                self._broken = True  # unreadable or not a database: run without cache
        return self._db

    def get_many(self, wanted: dict[str, str]) -> dict[str, Linted]:
        """{key: Linted} for the keys of `wanted` ({key: path}) that the
        cache holds with an entry that fits (one query)."""
        db = self._connect(create=False)
        if db is None or not wanted:
            return {}
        keys = list(wanted)
        try:
            rows = db.execute(f"SELECT key, value FROM entries WHERE key IN ({','.join('?' * len(keys))})",
                              keys).fetchall()
        except sqlite3.Error:
            return {}
        found = {}
        for key, value in rows:
            entry = _parse(key, value)
            try:
                if entry is not None:
                    found[key] = _linted_from(entry, wanted[key], key)
            except (ValueError, KeyError, TypeError, IndexError):
                continue  # corrupt or forged: recompute
        return found

    @staticmethod
    def encode(key: str, result: FileResult, sketches: dict) -> CacheEntry:
        """The entry to store for a freshly linted file."""
        return CacheEntry(key, _dumps(_entry(key, result, sketches)))

    def load(self, key: str) -> dict | None:
        """The stored entry for `key`, if it parses and is for this key."""
        db = self._connect(create=False)
        if db is None:
            return None
        try:
            row = db.execute("SELECT value FROM entries WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error:
            return None
        return None if row is None else _parse(key, row[0])

    def get_batch(self, key: str) -> Iterator[FileResult] | None:
        """The batch rules' results stored under `key` (read a chunk at a
        time, every chunk checked first), or None."""
        entry = self.load(key)
        try:
            if entry is None:
                return None
            return stored_batch(self, key, entry["results"], entry.get("chunks", 0))
        except (KeyError, TypeError, IndexError, ValueError):
            return None

    def put_batch(self, key: str, results) -> Iterator[FileResult]:
        """Store the batch rules' `results` under `key` as they pass through
        (chunks first, the entry naming them last: a run stopped half way
        stores nothing that reads as complete)."""
        chunks = BatchChunks(self, key)
        for result in results:
            chunks.add(result)
            yield result
        chunks.flush()
        self.put_many([(key, _dumps({"format": FORMAT, "key": key, "results": [], "chunks": chunks.count}))])

    def put_many(self, entries: list[tuple[str, str]]) -> None:
        if not entries:
            return
        db = self._connect(create=True)
        if db is None:
            return
        try:
            with db:
                db.executemany("INSERT OR REPLACE INTO entries (key, value) VALUES (?, ?)", entries)
        except sqlite3.Error:
            pass  # a read-only or full disk makes the run slower, not wrong


_INHERITED: list = []  # connections a forked child inherited: never used, never closed


def _dumps(value) -> str:
    """JSON text for SQLite. Non-ASCII stays as is (Arabic is 3x smaller
    than \\u escapes), except in the rare entry holding a path that is not
    valid UTF-8 (a lone surrogate, which SQLite cannot store): escaped."""
    text = json.dumps(value, ensure_ascii=False)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = json.dumps(value)
    return text


def _parse(key: str, value) -> dict | None:
    """The decoded entry stored under `key`, if it is one of ours for it."""
    try:
        entry = json.loads(value)
    except (ValueError, TypeError):
        return None
    if not isinstance(entry, dict) or entry.get("format") != FORMAT or entry.get("key") != key:
        return None  # corrupt or foreign: recompute
    return entry


def _entry(key: str, result: FileResult, sketches: dict) -> dict:
    return {
        "format": FORMAT, "key": key, "path": result.path,
        "findings": [_finding(f) for f in result.findings],
        "error": result.error.message if result.error else None,
        "sketches": {code: _to_json(s) for code, s in sketches.items()},
    }


# A stored finding is a row (lists decode faster than objects) whose
# columns are named here: encoding and decoding both go by these names,
# never by the order of Finding's or Hit's fields.
ROW = ("code", "name", "category", "severity", "path", "line", "column", "end_line", "end_column", "message",
       "fix", "fingerprint", "doc", "confidence", "record")


def _finding(f: Finding) -> list:
    fix = None
    if f.fix is not None:
        fix = [f.fix.applicability, f.fix.message, f.fix.transcode,
               [[e.line, e.column, e.end_line, e.end_column, e.content] for e in f.fix.edits]]
    return [fix if name == "fix" else getattr(f, name) for name in ROW]


def _result(path, rows, error=None) -> FileResult:
    """A FileResult from stored rows, each field checked (raises Unfit)."""
    _require(type(path) is str and type(rows) is list and (error is None or type(error) is str))
    findings = tuple(_finding_from(row, path) for row in rows)
    return FileResult(path, findings, FileError(path, error) if error else None)


_SEVERITY_SET, _CATEGORY_SET = frozenset(SEVERITIES), frozenset(CATEGORIES)


def _finding_from(row, path: str) -> Finding:
    # flat tests: a warm run checks every stored finding (tens of thousands); the
    # row is unpacked in ROW's order (a round trip through _finding tests it)
    _require(type(row) is list and len(row) == _ROW_LENGTH)
    (code, name, category, severity, row_path, line, column, end_line, end_column, message, fix, fingerprint,
     doc, confidence, record) = row
    _require(type(code) is str and type(name) is str and type(message) is str and type(fingerprint) is str
             and type(doc) is str and row_path == path and severity in _SEVERITY_SET
             and category in _CATEGORY_SET and type(line) is int and type(column) is int
             and type(end_line) is int and type(end_column) is int
             and 1 <= line <= MAX_POSITION and 1 <= column <= MAX_POSITION
             and 1 <= end_line <= MAX_POSITION and 1 <= end_column <= MAX_POSITION
             and type(confidence) in (int, float) and 0.0 <= confidence <= 1.0
             and (record is None or _is_position(record)))
    hit = checked(Hit, line=line, column=column, end_line=end_line, end_column=end_column, message=message,
                  fix=None if fix is None else _fix_from(fix), confidence=float(confidence))
    return checked(Finding, code=code, name=name, category=category, severity=severity, path=path, hit=hit,
                   fingerprint=fingerprint, doc=doc, record=record)


_ROW_LENGTH = len(ROW)


def _fix_from(fix) -> Fix:
    _require(type(fix) is list and len(fix) == 4)
    applicability, message, transcode, edits = fix
    _require(applicability in APPLICABILITIES and type(message) is str and type(edits) is list)
    _require(transcode is None or type(transcode) is str)
    return checked(Fix, applicability=applicability, message=message, edits=tuple(map(_edit_from, edits)),
                   transcode=transcode)


def _edit_from(edit) -> Edit:
    _require(type(edit) is list and len(edit) == 5)
    line, column, end_line, end_column, content = edit
    _require(type(content) is str and type(line) is int and type(column) is int and type(end_line) is int
             and type(end_column) is int and 1 <= line <= MAX_POSITION and 1 <= column <= MAX_POSITION
             and 1 <= end_line <= MAX_POSITION and 1 <= end_column <= MAX_POSITION)
    return checked(Edit, line=line, column=column, end_line=end_line, end_column=end_column, content=content)


def _is_position(value) -> bool:
    """A 1-based line or column (an int, not a bool, a float or NaN)."""
    return type(value) is int and 1 <= value <= MAX_POSITION


def _linted_from(entry: dict, path: str, key: str) -> Linted:
    """The file of `entry`, which must be for `path`."""
    _require(entry.get("path") == path and type(entry.get("sketches")) is dict)
    result = _result(path, entry["findings"], entry["error"])
    sketches = {code: _sketch_from(s) for code, s in entry["sketches"].items()}
    _require(all(type(code) is str for code in sketches))
    return Linted(result, sketches, CacheEntry(key))


def _batch_from(items) -> list[FileResult]:
    _require(type(items) is list and all(type(item) is list and len(item) == 2 for item in items))
    return [_result(path, rows) for path, rows in items]


class BatchChunks:
    """Batch results stored as they come, under `KEY:b0`, `KEY:b1`, ...:
    CHUNK_FILES results (fewer when they hold CHUNK_FINDINGS findings) a
    chunk, so a batch of copies, where every file has a finding, is never
    held whole."""

    CHUNK_FILES = 2000
    CHUNK_FINDINGS = 4000

    def __init__(self, cache: "Cache", key: str):
        self.cache, self.key = cache, key
        self.rows: list = []
        self.pending = 0
        self.count = 0  # chunks stored

    def add(self, result: FileResult) -> None:
        rows = [_finding(f) for f in result.findings]
        self.rows.append([result.path, rows])
        self.pending += len(rows)
        if len(self.rows) >= self.CHUNK_FILES or self.pending >= self.CHUNK_FINDINGS:
            self.flush()

    def flush(self) -> None:
        if self.rows:
            key = batch_chunk_key(self.key, self.count)
            self.cache.put_many([(key, _dumps({"format": FORMAT, "key": key, "results": self.rows}))])
            self.rows, self.pending, self.count = [], 0, self.count + 1


def batch_chunk_key(key: str, i: int) -> str:
    return f"{key}:b{i}"


class SortedPaths:
    """Membership in a run's paths by bisection of a sorted list: 8 bytes a
    path, where a frozenset costs about 40 (4 MB at 100,000 files)."""

    def __init__(self, paths) -> None:
        self._sorted = sorted(paths)

    def __contains__(self, path) -> bool:
        return in_sorted(self._sorted, path)


def stored_batch(cache: "Cache", key: str, inline, chunks: int,
                 paths: SortedPaths | None = None) -> Iterator[FileResult]:
    """The batch results of an entry: its `inline` rows, then its `chunks`.
    Every chunk is read and checked before the first result is handed out
    (ValueError if one is missing or not what newslint writes, so that the
    caller can compute them instead of reporting half), then read again,
    one at a time. `paths`: the run's, which every result must be for."""
    _require(type(chunks) is int and chunks >= 0)

    def rows_of(i: int):
        entry = cache.load(batch_chunk_key(key, i))
        _require(entry is not None)
        return entry["results"]

    def results(rows) -> list[FileResult]:
        found = _batch_from(rows)
        _require(paths is None or all(r.path in paths for r in found))
        return found

    results(inline)
    for i in range(chunks):
        results(rows_of(i))

    def read() -> Iterator[FileResult]:
        yield from results(inline)
        for i in range(chunks):
            yield from results(rows_of(i))
    return read()


def _to_json(value):
    """Sketches are bytes, str, or tuples of those (one level)."""
    if isinstance(value, bytes):
        return {"b64": base64.b64encode(value).decode("ascii")}
    if isinstance(value, tuple):
        return [_to_json(v) for v in value]
    return value


def _sketch_from(value, nested: bool = False):
    """The inverse of _to_json, accepting only what it writes: str, int,
    {"b64": ...} and, one level deep, lists of those."""
    if type(value) is dict:
        _require(list(value) == ["b64"] and type(value["b64"]) is str)
        return base64.b64decode(value["b64"], validate=True)
    if type(value) is list and not nested:
        return tuple(_sketch_from(v, nested=True) for v in value)
    _require(type(value) in (str, int))
    return value


class Snapshot:
    """A whole run's results, keyed by the run key and the stat (size,
    mtime, ctime, inode) of every file, like git's index: a re-run over an
    unchanged batch is answered without reading or hashing a file. Any write
    to a file changes its ctime, so a changed file always misses. Files'
    own entries are still stored, so a batch with one changed file re-lints
    only that file.

    Stored as it is recorded, so that memory stays flat whatever the batch:
    the rows of every CHUNK_FILES files (fewer when they hold CHUNK_FINDINGS
    findings: ~1 KB each as objects) go to an entry `KEY:i`; the entry `KEY`,
    written last (a crashed run leaves none), holds the last rows, the
    number of chunks before them and the batch rules' results."""

    CHUNK_FILES = 2000
    CHUNK_FINDINGS = 4000

    def __init__(self, cache: Cache, key: str, paths: list[str] = ()):
        self.cache = cache
        self.key = key
        self.paths = list(paths)  # what the run lints, in order: a stored snapshot must be for exactly these
        self.files: list = []     # rows not yet stored in a chunk
        self.chunks = 0           # chunks stored
        self.pending = 0          # findings in self.files
        self.batch = BatchChunks(cache, key)  # the batch rules' results, stored as they come

    @classmethod
    def for_paths(cls, cache: Cache, paths: list[str]) -> "Snapshot | None":
        key = snapshot_key(cache.run_key, paths)
        return None if key is None else cls(cache, key, paths)

    def load(self) -> "StoredRun | None":
        """The run stored for this key (its last entry checked, the chunks
        checked as they are read), or None."""
        entry = self.cache.load(self.key)
        try:
            if entry is None:
                return None
            chunks, files = entry["chunks"], entry["files"]
            _require(type(chunks) is int and 0 <= chunks and type(files) is list)
            batch = stored_batch(self.cache, self.key, entry["batch"], entry.get("batch_chunks", 0),
                                 SortedPaths(self.paths))
            return StoredRun(self, chunks, files, batch)
        except (KeyError, TypeError, IndexError, ValueError):
            return None  # corrupt or forged: run normally

    def chunk_key(self, i: int) -> str:
        return f"{self.key}:{i}"

    def record(self, result: FileResult, batch: bool = False) -> None:
        """Remember a result (before any baseline filtering)."""
        if batch:
            self.batch.add(result)
            return
        rows = [_finding(f) for f in result.findings]
        self.files.append([result.path, rows, result.error.message if result.error else None])
        self.pending += len(rows)
        if len(self.files) >= self.CHUNK_FILES or self.pending >= self.CHUNK_FINDINGS:
            key = self.chunk_key(self.chunks)
            self.cache.put_many([(key, _dumps({"format": FORMAT, "key": key, "files": self.files}))])
            self.files, self.chunks, self.pending = [], self.chunks + 1, 0

    def save(self) -> None:
        self.batch.flush()
        self.cache.put_many([(self.key, _dumps({"format": FORMAT, "key": self.key, "chunks": self.chunks,
                                                  "files": self.files, "batch": [],
                                                  "batch_chunks": self.batch.count}))])


class StoredRun:
    """A stored snapshot: the batch results (an iterator, chunk by chunk),
    and the files' results read chunk by chunk."""

    def __init__(self, snapshot: Snapshot, chunks: int, last: list, batch: Iterator[FileResult]):
        self.snapshot, self.chunks, self.last, self.batch = snapshot, chunks, last, batch

    def files(self) -> Iterator[FileResult]:
        """The files' results in path order, a chunk at a time; raises Unfit
        at the first chunk that is missing or does not fit (the files from
        there on must be linted)."""
        done = 0
        for i in range(self.chunks + 1):
            rows = self.last if i == self.chunks else self._chunk_rows(i)
            results = self._checked(rows, done)
            done += len(results)
            yield from results
        _require(done == len(self.snapshot.paths))

    def _chunk_rows(self, i: int):
        entry = self.snapshot.cache.load(self.snapshot.chunk_key(i))
        _require(entry is not None)
        return entry.get("files")

    def _checked(self, rows, offset: int) -> list[FileResult]:
        """The results of one chunk's `rows`, which must be for the paths
        from `offset` on."""
        try:
            _require(type(rows) is list and all(type(item) is list and len(item) == 3 for item in rows))
            _require([item[0] for item in rows] == self.snapshot.paths[offset:offset + len(rows)])
            return [_result(p, found, err) for p, found, err in rows]
        except (KeyError, TypeError, IndexError, ValueError) as exc:
            raise Unfit("snapshot chunk does not fit") from exc


class CacheSession:
    """The parent's side of the cache over one run: what a snapshot of the
    whole run answers, new file entries stored in transactions of
    WRITE_BATCH (or WRITE_CHARS), the batch key fed with every file's key. Without a cache
    (`cache` None) every method does nothing."""

    WRITE_BATCH = 2000
    WRITE_CHARS = 2_000_000  # or fewer entries, when they hold this much JSON text

    def __init__(self, cache: Cache | None, paths: list[str], batch: bool, snapshot: bool):
        self.cache = cache
        self._entries: list = []
        self._chars = 0  # of the values in _entries
        self._batch_key = BatchKey(cache.run_key) if cache is not None and batch else None
        self._snapshot = Snapshot.for_paths(cache, paths) if cache is not None and snapshot else None
        self.stored = self._snapshot.load() if self._snapshot is not None else None  # a StoredRun or None
        if self.stored is not None:
            self._batch_key, self._snapshot = None, None  # nothing to record: the run is the snapshot

    def record(self, linted: Linted) -> None:
        """Remember a file as linted (before any baseline filtering)."""
        if self._snapshot is not None:
            self._snapshot.record(linted.result)
        if self._batch_key is not None:
            self._batch_key.add(linted.cache.key if linted.cache is not None else None)
        if linted.cache is not None and linted.cache.value is not None:
            self._entries.append((linted.cache.key, linted.cache.value))
            self._chars += len(linted.cache.value)
            if len(self._entries) >= self.WRITE_BATCH or self._chars >= self.WRITE_CHARS:
                self.cache.put_many(self._entries)
                self._entries, self._chars = [], 0

    def batch_results(self, compute) -> Iterator[FileResult]:
        """The batch rules' results: stored ones when every file's key is
        the same as in a run that stored them, else `compute()` (stored as
        they pass). Either way an iterator: a chunk at a time."""
        if self.stored is not None:
            return self.stored.batch
        key = self._batch_key.value() if self._batch_key is not None else None
        if key is None:
            return compute()
        found = self.cache.get_batch(key)
        return self.cache.put_batch(key, compute()) if found is None else found

    def record_batch(self, result: FileResult) -> None:
        if self._snapshot is not None:
            self._snapshot.record(result, batch=True)

    def finish(self, crashed: bool) -> None:
        if self.cache is None:
            return
        self.cache.put_many(self._entries)
        if self._snapshot is not None and not crashed:
            self._snapshot.save()
