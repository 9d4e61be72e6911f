"""Content cache: a file's results, keyed by everything they depend on.

Key = sha256(newslint version, the plan's fingerprint (rules, options,
severities, config), plugin versions, the size and modification time of every
newslint and plugin module (so an edited rule never serves stale results),
the file's path, sha256 of its bytes).
Entries are JSON (never pickle: a cache directory is not trusted) in one
SQLite file; an entry that does not parse, or whose stored key differs, is
ignored and recomputed, and a cache file that is not a database is ignored.
"""
from __future__ import annotations

import base64
import hashlib
import json
import os
import sqlite3
import sys
from pathlib import Path

from .models import Edit, FileError, FileResult, Finding, Fix

FORMAT = 2


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
        self.root = Path(root)
        self.run_key = run_key
        self._db = None
        self._broken = False

    def __getstate__(self):  # a connection does not cross process boundaries
        return {"root": self.root, "run_key": self.run_key}

    def __setstate__(self, state):
        self.__init__(state["root"], state["run_key"])

    @staticmethod
    def run_key_for(version: str, plan_fingerprint: str, plugin_versions: dict) -> str:
        data = json.dumps([FORMAT, version, plan_fingerprint, sorted(plugin_versions.items())])
        return hashlib.sha256(data.encode()).hexdigest()

    def key(self, path: str, data: bytes) -> str:
        content = hashlib.sha256(data).hexdigest()
        return hashlib.sha256(f"{self.run_key}\0{path}\0{content}".encode("utf-8", "surrogatepass")).hexdigest()

    def _connect(self, create: bool):
        if self._db is None and not self._broken:
            file = self.root / self.FILE
            try:
                if not create and not file.exists():
                    return None
                self.root.mkdir(parents=True, exist_ok=True)
                db = sqlite3.connect(file, timeout=30)
                db.execute("CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
                self._db = db
            except (OSError, sqlite3.Error):
                self._broken = True  # unreadable or not a database: run without cache
        return self._db

    def get_many(self, keys: list[str]) -> dict:
        """{key: FileResult} for the keys the cache holds (one query)."""
        db = self._connect(create=False)
        if db is None or not keys:
            return {}
        found = {}
        try:
            rows = db.execute(f"SELECT key, value FROM entries WHERE key IN ({','.join('?' * len(keys))})",
                              keys).fetchall()
        except sqlite3.Error:
            return {}
        for key, value in rows:
            try:
                entry = json.loads(value)
                if entry.get("format") == FORMAT and entry.get("key") == key:
                    found[key] = _result_from(entry)
            except (ValueError, KeyError, TypeError, IndexError):
                continue  # corrupt or foreign: recompute
        return found

    def encode(self, key: str, result: FileResult) -> tuple[str, str]:
        return key, json.dumps(_entry(key, result), ensure_ascii=False)

    def load(self, key: str) -> dict | None:
        """The stored entry for `key`, if it parses and is for this key."""
        db = self._connect(create=False)
        if db is None:
            return None
        try:
            row = db.execute("SELECT value FROM entries WHERE key = ?", (key,)).fetchone()
            entry = json.loads(row[0]) if row is not None else None
        except (sqlite3.Error, ValueError):
            return None
        if not isinstance(entry, dict) or entry.get("format") != FORMAT or entry.get("key") != key:
            return None  # missing, corrupt or foreign: recompute
        return entry

    def get_batch(self, key: str) -> list | None:
        """The batch rules' results stored under `key`, or None."""
        entry = self.load(key)
        try:
            return None if entry is None else [_result(path, rows) for path, rows in entry["results"]]
        except (KeyError, TypeError, IndexError, ValueError):
            return None

    def put_batch(self, key: str, results: list) -> None:
        value = json.dumps({"format": FORMAT, "key": key,
                            "results": [[r.path, [_finding(f) for f in r.findings]] for r in results]},
                           ensure_ascii=False)
        self.put_many([(key, value)])

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


def _entry(key: str, result: FileResult) -> dict:
    return {
        "format": FORMAT, "key": key, "path": result.path,
        "findings": [_finding(f) for f in result.findings],
        "error": result.error.message if result.error else None,
        "sketches": {code: _to_json(s) for code, s in result.sketches.items()},
    }


_FIELDS = ("code", "name", "category", "severity", "message", "path", "line", "column", "end_line",
           "end_column")


def _finding(f: Finding) -> list:
    """A row, not a mapping: lists decode faster than objects."""
    fix = None
    if f.fix is not None:
        fix = [f.fix.applicability, f.fix.message, f.fix.transcode,
               [[e.line, e.column, e.end_line, e.end_column, e.content] for e in f.fix.edits]]
    return [getattr(f, k) for k in _FIELDS] + [fix, f.fingerprint, f.doc]


def _result(path: str, rows: list, error: str | None = None) -> FileResult:
    findings = []
    for row in rows:
        fix = row[10]
        if fix is not None:
            row[10] = Fix(fix[0], fix[1], tuple(Edit(*e) for e in fix[3]), fix[2])
        findings.append(Finding(*row))
    return FileResult(path, findings, FileError(path, error) if error else None)


def _result_from(entry: dict) -> FileResult:
    result = _result(entry["path"], entry["findings"], entry["error"])
    result.sketches = {code: _from_json(s) for code, s in entry["sketches"].items()}
    return result


def _to_json(value):
    """Sketches are bytes, str, or tuples of those (one level)."""
    if isinstance(value, bytes):
        return {"b64": base64.b64encode(value).decode("ascii")}
    if isinstance(value, tuple):
        return [_to_json(v) for v in value]
    return value


def _from_json(value):
    if isinstance(value, dict):
        return base64.b64decode(value["b64"])
    if isinstance(value, list):
        return tuple(_from_json(v) for v in value)
    return value


class Snapshot:
    """A whole run's results, keyed by the run key and the stat (size,
    mtime, ctime, inode) of every file, like git's index: a re-run over an
    unchanged batch is answered without reading or hashing a file. Any write
    to a file changes its ctime, so a changed file always misses. Files'
    own entries are still stored, so a batch with one changed file re-lints
    only that file."""

    MAX_FINDINGS = 200_000  # past this a snapshot is not worth its memory

    def __init__(self, cache: Cache, key: str):
        self.cache = cache
        self.key = key
        self.files: list | None = []
        self.batch: list = []
        self.findings = 0

    @classmethod
    def for_paths(cls, cache: Cache, paths: list[str]) -> "Snapshot | None":
        digest = hashlib.sha256(f"{FORMAT}\0{cache.run_key}".encode())
        try:
            for path in paths:
                st = os.stat(path)
                digest.update(f"{path}\0{st.st_size}\0{st.st_mtime_ns}\0{st.st_ctime_ns}\0{st.st_ino}\n"
                              .encode("utf-8", "surrogatepass"))
        except OSError:
            return None  # a missing or unreadable file: take the ordinary path
        return cls(cache, "run:" + digest.hexdigest())

    def load(self) -> tuple[list, list] | None:
        """(file results, batch results) stored for this key, or None."""
        entry = self.cache.load(self.key)
        try:
            if entry is None:
                return None
            return ([_result(p, rows, err) for p, rows, err in entry["files"]],
                    [_result(p, rows) for p, rows in entry["batch"]])
        except (KeyError, TypeError, IndexError, ValueError):
            return None  # corrupt: run normally

    def record(self, result: FileResult, batch: bool = False) -> None:
        """Remember a result (before any baseline filtering)."""
        if self.files is None:
            return
        self.findings += len(result.findings)
        if self.findings > self.MAX_FINDINGS:
            self.files = None  # too big to keep: no snapshot this time
            return
        rows = [_finding(f) for f in result.findings]
        if batch:
            self.batch.append([result.path, rows])
        else:
            self.files.append([result.path, rows, result.error.message if result.error else None])

    def save(self) -> None:
        if self.files is None:
            return
        self.cache.put_many([(self.key, json.dumps({"format": FORMAT, "key": self.key, "files": self.files,
                                                      "batch": self.batch}, ensure_ascii=False))])
