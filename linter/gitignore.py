"""Which walked paths git ignores, as ruff's walker sees them: inside a git
repository only, the repository's ``.git/info/exclude`` and every
``.gitignore`` from the repository root down, each relative to its own
folder. A deeper file takes precedence over a shallower one (and every
``.gitignore`` over info/exclude); within a file the last matching line
decides, so ``!keep.txt`` re-includes. A nested repository (a folder
holding ``.git``) starts afresh. The lines are gitignore patterns, matched
by the pathspec library.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass

from .errors import UsageError


@dataclass(frozen=True)
class Ignores:
    """The ignore files that apply in one folder."""

    root: str | None = None  # the repository's folder (absolute); None: not in a repository
    files: tuple = ()         # (its folder + "/", patterns) of each ignore file, shallowest first

    def with_file(self, folder: str, path: str) -> "Ignores":
        """These ignores and the file at `path`, relative to `folder`."""
        if self.root is None:
            return self
        patterns = _patterns(path)
        base = folder.rstrip(os.sep) + os.sep  # what paths below `folder` start with
        return Ignores(self.root, self.files + ((base, patterns),)) if patterns else self

    def ignored(self, path: str, is_dir: bool) -> bool:
        """Is the absolute `path` ignored itself (not through a folder
        holding it: the walk never enters an ignored folder unless it was
        named)?"""
        for base, patterns in reversed(self.files):
            if not path.startswith(base):
                continue  # a file's patterns apply below its folder only
            rel = path[len(base):].replace(os.sep, "/") + ("/" if is_dir else "")
            for pattern in reversed(patterns):
                # fullmatch: the path itself, not a folder holding it (`tmp/` matches
                # `tmp/a.txt` too): a named folder that git ignores is still walked
                if pattern.regex.fullmatch(rel) is not None:
                    return bool(pattern.include)
        return False

    def ignored_named(self, path: str) -> bool:
        """Is the absolute `path` or a folder holding it (up to the
        repository root) ignored? For paths named on the command line."""
        if self.root is None:
            return False
        if self.ignored(path, os.path.isdir(path)):
            return True
        parent = os.path.dirname(path)
        while parent != self.root and parent.startswith(self.root + os.sep):
            if self.ignored(parent, True):
                return True
            parent = os.path.dirname(parent)
        return False


def _patterns(path: str) -> tuple:
    """The patterns of the ignore file at `path` (none if it is missing or
    unreadable: git skips those too)."""
    try:
        with open(path, encoding="utf-8", errors="surrogateescape") as fh:
            lines = fh.read().splitlines()
    except OSError:
        return ()
    lines = [line for line in lines if line.strip() and not line.startswith("#")]
    if not lines:
        return ()  # git's template info/exclude is all comments: no need for pathspec
    try:
        import pathspec
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise UsageError("respecting .gitignore needs the pathspec package (pip install pathspec); "
                         "or pass --no-respect-gitignore") from exc
    return tuple(pattern for line in lines for pattern in _pattern(pathspec, line))


def _pattern(pathspec, line: str) -> list:
    """The pattern of one line: none for a line that means nothing (`!`
    alone, a trailing backslash, a bad range), which git skips too."""
    try:
        patterns = pathspec.GitIgnoreSpec.from_lines([line]).patterns
    except (ValueError, re.error):
        return []
    return [p for p in patterns if p.include is not None]


def _is_repository(folder: str) -> bool:
    return os.path.lexists(os.path.join(folder, ".git"))  # a folder, or a file in worktrees and submodules


def _repository(folder: str) -> Ignores:
    """A repository rooted at `folder`: its info/exclude."""
    ignores = Ignores(folder)
    return ignores.with_file(folder, os.path.join(folder, ".git", "info", "exclude"))


class GitIgnores:
    """The ignores of each folder, read once per folder."""

    def __init__(self):
        self._folders: dict = {}  # absolute folder -> Ignores

    def for_folder(self, folder: str) -> Ignores:
        """The ignores of `folder`, found walking up to its repository
        (iteratively: a deep path does not exhaust the stack)."""
        folder = os.path.abspath(folder)
        unknown, current = [], folder
        while current not in self._folders:
            unknown.append(current)
            if _is_repository(current) or os.path.dirname(current) == current:
                break
            current = os.path.dirname(current)
        for current in reversed(unknown):   # from the top down
            parent = os.path.dirname(current)
            if _is_repository(current):
                outer = _repository(current)
            else:
                outer = Ignores() if parent == current else self._folders[parent]
            self._folders[current] = outer.with_file(current, os.path.join(current, ".gitignore"))
        return self._folders[folder]

    @staticmethod
    def below(folder: str, parent: Ignores, names) -> Ignores:
        """The ignores of the absolute `folder` (whose entries are `names`),
        met walking down from a folder with the ignores `parent`."""
        if ".git" in names:
            parent = _repository(folder)
        if ".gitignore" in names:
            return parent.with_file(folder, os.path.join(folder, ".gitignore"))
        return parent
