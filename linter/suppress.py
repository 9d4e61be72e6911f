"""Suppressing single findings in data files, which cannot carry comments.

A `.newslint-ignore` sidecar lists findings to leave out, one entry a line:

    path:line:CODE     the CODE finding that starts on that line
    path:line:*        every finding that starts on that line
    path:CODE          every CODE finding of the file
    path:*             every finding of the file

CODE may be several codes, comma-separated (`a.txt:12:WSP001,SID001`).
Paths are relative to the sidecar's folder (`/` between folders); `#`
starts a comment at the start of a line or after white space. The
sidecars of a file's folder and of every folder above it apply, up to the
repository root (the nearest folder holding `.git`), or, outside a
repository, up to the run's configuration folder: the same sidecars
whatever paths a run names or which folder it runs from. Every sidecar a run needs is read and checked before the
run starts: a malformed entry is an error naming its file and line.

Line entries follow the line number, not the text: an edit above the line
moves the finding out of its entry (a baseline follows the text instead).
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .errors import UsageError

SIDECAR = ".newslint-ignore"
FORMS = "expected path:line:CODE, path:CODE or path:*"
_COMMENT = re.compile(r"(^|\s)#.*$")
# what a path must not hold to be written in a sidecar and read back as itself
_UNFIT_NAME = re.compile(r"(^|\s)#|^\s|\s$|[\r\n\f\v\x1c-\x1e\x85\u2028\u2029]")


@dataclass(frozen=True)
class Entry:
    line: int | None             # None: any line
    codes: frozenset | None      # None: any code

    def covers(self, finding) -> bool:
        return (self.line is None or finding.line == self.line) and (self.codes is None or finding.code in self.codes)


def parse(text: str, where: str, known_codes) -> dict[str, list[Entry]]:
    """A sidecar's entries by path (relative, as written); `where` names the
    sidecar in error messages."""
    entries: dict[str, list[Entry]] = {}
    for number, raw in enumerate(text.splitlines(), 1):
        entry = _COMMENT.sub("", raw).strip()
        if not entry:
            continue
        try:
            path, parsed = _entry(entry, known_codes)
        except ValueError as exc:
            raise UsageError(f"{where}:{number}: {entry!r}: {exc}") from None
        entries.setdefault(path, []).append(parsed)
    return entries


def _entry(entry: str, known_codes) -> tuple[str, Entry]:
    path, line, codes = _fields(entry)
    if not path or not codes:
        raise ValueError(FORMS)
    if line is not None and line < 1:
        raise ValueError("line numbers start at 1")
    return _relative(path), Entry(line, _codes(codes, known_codes))


def _fields(entry: str) -> tuple[str, int | None, str]:
    """path, line (None when not given) and the codes' text of an entry."""
    parts = entry.rsplit(":", 2)
    if len(parts) == 3 and parts[1].strip().isdigit():
        return parts[0].strip(), int(parts[1]), parts[2].strip()
    parts = entry.rsplit(":", 1)
    if len(parts) != 2:
        raise ValueError(FORMS)
    return parts[0].strip(), None, parts[1].strip()


def _relative(path: str) -> str:
    clean = PurePosixPath(path)
    if clean.is_absolute() or ".." in clean.parts or os.path.isabs(path):
        raise ValueError("paths are relative to the sidecar's folder, inside it")
    return clean.as_posix()


def _codes(text: str, known_codes) -> frozenset | None:
    if text == "*":
        return None
    codes = [code.strip() for code in text.split(",")]
    for code in codes:
        if code not in known_codes:
            raise ValueError(f"unknown rule code {code or repr(code)}")
    return frozenset(codes)


def entry_text(path: str, line: int, codes) -> str:
    """The sidecar line for the findings of `codes` on `line` of `path`
    (relative to the sidecar's folder, as `fits_an_entry` allows)."""
    return f"{path}:{line}:{','.join(sorted(set(codes)))}"


def fits_an_entry(path: str) -> bool:
    """Whether `path` can be written in a sidecar and read back as itself
    (no comment mark after white space, no line break, no white space at
    either end)."""
    if any("\ud800" <= ch <= "\udfff" for ch in path):
        return False  # a name that is not UTF-8 (a surrogate escape) cannot be written back as itself
    return not _UNFIT_NAME.search(path)


def chain_top(folder: str, project_root: str | None) -> str | None:
    """The highest folder whose sidecar applies to the files of `folder`
    (an absolute path): the nearest folder above it holding `.git`; outside
    a repository, the folder above it that is `project_root` (compared
    resolved, so a path through a link stops there too); None when neither
    is above it (every folder up to the file system's root applies)."""
    current = folder
    while True:
        if os.path.exists(os.path.join(current, ".git")):
            return current
        parent = os.path.dirname(current)
        if parent == current:
            break
        current = parent
    if project_root is None:
        return None
    current = folder
    while True:
        if os.path.realpath(current) == project_root:
            return current
        parent = os.path.dirname(current)
        if parent == current:
            return None
        current = parent


class SidecarFilter:
    """Drops the findings that the sidecars above their file list, and
    counts them (`suppressed`). Sidecars are read once per folder."""

    def __init__(self, known_codes, project_root: Path | None = None):
        self.known_codes = frozenset(known_codes)
        self.project_root = os.path.realpath(project_root) if project_root is not None else None
        self.suppressed = 0
        self._chains: dict[str, tuple] = {}                 # folder -> its sidecars, as (entries, path prefix)
        self._files: dict[str, list[Entry]] = {}            # a finding's path -> the entries for its file
        self._bare_folders: set[str] = set()                # folders (as the paths name them) without sidecars

    def preload(self, paths) -> "SidecarFilter":
        """Read and check the sidecars of every file of the run, before it
        starts (a folder at a time: its files share them)."""
        for folder in {os.path.dirname(path) for path in paths}:
            if not self._chain(os.path.abspath(folder or ".")):
                self._bare_folders.add(folder)
        return self

    def __call__(self, findings: list) -> list:
        kept, path, entries = [], None, ()
        for f in findings:
            if f.path != path:  # a file's findings come together: one look-up for them all
                path, entries = f.path, self._entries_for(f.path)
            if entries and any(entry.covers(f) for entry in entries):
                self.suppressed += 1
            else:
                kept.append(f)
        return kept

    def _entries_for(self, path: str) -> list[Entry]:
        """Kept only for files that have entries (most have none: a run of
        100,000 files would keep 100,000 empty lists); `__call__` asks once
        for a file's findings, which come together."""
        if self._bare_folders and os.path.dirname(path) in self._bare_folders:
            return ()  # no sidecar above the folder (most runs): no path arithmetic
        found = self._files.get(path)
        if found is None:
            folder, name = os.path.split(path)
            found = [entry for entries, prefix in self._chain(os.path.abspath(folder or "."))
                     for entry in entries.get(prefix + name, ())]
            if found:
                self._files[path] = found
        return found

    def _chain(self, folder: str) -> tuple:
        """The sidecars that apply to the files of `folder` (its own and
        those above it, up to the project root) as (entries, the path
        from the sidecar's folder to `folder`, ending in '/'). Worked out
        once per folder, a run has many files and few folders; by a loop,
        not recursion: a tree may be deeper than Python's stack."""
        known = self._chains.get(folder)
        if known is not None:
            return known                # most files share a folder: no walk up for them
        pending = []                    # folders without a chain yet, nearest first
        above = ()                      # the chain of the folder above the last pending one
        current = folder
        top = chain_top(folder, self.project_root)
        while (known := self._chains.get(current)) is None:
            pending.append(current)
            parent = os.path.dirname(current)
            if current == top or parent == current:
                break
            current = parent
        else:
            above = known
        for current in reversed(pending):
            entries = self._read(Path(current, SIDECAR))
            name = os.path.basename(current)
            own = ((entries, ""),) if entries else ()
            above = self._chains[current] = own + tuple((higher, f"{prefix}{name}/") for higher, prefix in above)
        return above


    def _read(self, sidecar: Path) -> dict:
        """The sidecar's entries by path ({} when there is none)."""
        try:
            text = sidecar.read_text(encoding="utf-8-sig")  # an editor's byte-order mark is no part of the first entry
        except FileNotFoundError:
            return {}
        except (OSError, UnicodeDecodeError) as exc:
            reason = getattr(exc, "strerror", None) or "not UTF-8 text"
            raise UsageError(f"cannot read {shown_path(sidecar)}: {reason}") from None
        return parse(text, shown_path(sidecar), self.known_codes)


def shown_path(path) -> str:
    """`path` as the user would type it: relative to the current folder when
    it is inside it."""
    relative = os.path.relpath(path)
    return Path(path).as_posix() if relative.startswith("..") else relative
