"""Which files a run lints: named files always, folders walked with the
include/exclude globs of the configuration.

Globs are matched against the path relative to the config file's folder
(for files outside it: relative to the walked folder), like ruff; the
walked folder itself and its parents are never excluded (naming a folder
asks for it). The walk is iterative (a tree thousands of levels deep does
not exhaust the stack) and reads no file: special files (FIFOs, devices,
sockets) are skipped with a note, a folder that cannot be listed is a file
error in the report."""
from __future__ import annotations

import os
from dataclasses import dataclass, field

from .config import Config, relative_to
from .errors import UsageError
from .filekinds import not_regular, special_kind
from .globs import compile_globs, matches
from .models import FileError

STDIN = "-"


@dataclass
class Found:
    """What discovery found."""

    paths: list[str] = field(default_factory=list)      # sorted, standard input last
    errors: dict[str, FileError] = field(default_factory=dict)  # path (also in `paths`) -> why it failed
    notes: list[str] = field(default_factory=list)      # files skipped while walking, and why


@dataclass
class _Filter:
    include: object
    exclude: object
    root: object  # the config's folder

    def prefix(self, folder: str) -> str:
        """`folder` relative to the config's folder, as a glob prefix
        ("" when it is that folder or outside it)."""
        rel = relative_to(folder, self.root)
        return "" if rel in (None, ".", "") else rel + "/"


def discover(paths: list[str], config: Config) -> Found:
    where = _Filter(compile_globs(config.include), compile_globs(config.exclude), config.root)
    found = Found()
    for arg in paths:
        if arg == STDIN:
            found.paths.append(STDIN)
        elif os.path.isdir(arg):
            _walk(arg, where, found)
        elif os.path.lexists(arg):
            found.paths.append(_clean(arg))
        else:
            raise UsageError(f"path not found: {arg}")
    found.paths = sorted(dict.fromkeys(found.paths), key=lambda p: (p == STDIN, p))
    return found


def _walk(root: str, where: _Filter, found: Found) -> None:
    stack = [(root, where.prefix(root))]  # (folder, its path relative to the config folder + "/")
    while stack:
        folder, prefix = stack.pop()
        entries = _list(folder, found)
        for entry in entries:
            rel = prefix + entry.name
            if matches(where.exclude, rel, within=False):
                continue
            if entry.is_dir(follow_symlinks=False):
                stack.append((entry.path, rel + "/"))
            elif _included(where.include, rel):
                _add_file(entry, found)


def _included(include, rel: str) -> bool:
    """Does an include glob match `rel`, or `rel` with its suffix in lower
    case? `A.TXT` is a text file as much as `a.txt` (FAT and Windows tools
    write capitals)."""
    if matches(include, rel):
        return True
    stem, dot, suffix = rel.rpartition(".")
    lowered = suffix.lower()
    return bool(dot) and "/" not in suffix and suffix != lowered and matches(include, f"{stem}.{lowered}")


def _list(folder: str, found: Found) -> list:
    """The entries of `folder` by name; a folder that cannot be listed is
    recorded as a file error (a silent skip would report "All clear")."""
    try:
        with os.scandir(folder) as it:
            return sorted(it, key=lambda e: e.name)
    except OSError as exc:
        path = _clean(folder)
        found.paths.append(path)
        found.errors[path] = FileError(path, f"cannot list folder: {exc.strerror or exc}")
        return []


def _add_file(entry, found: Found) -> None:
    """A walked file that matched the globs: linted if regular (or a broken
    symlink, reported as such); a symlink to a folder is not followed;
    anything else is skipped with a note."""
    path = _clean(entry.path)
    if entry.is_file(follow_symlinks=False):  # known from the listing: no system call
        found.paths.append(path)
        return
    try:
        kind = special_kind(entry.stat().st_mode)
    except OSError:
        kind = None  # a broken symlink: reading it says so
    if kind is None:
        found.paths.append(path)
    elif kind != "a directory":
        found.notes.append(f"skipped {path}: {not_regular(kind)}")


def _clean(path: str) -> str:
    return os.path.normpath(path).replace(os.sep, "/")
