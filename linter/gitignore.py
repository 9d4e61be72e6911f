"""Which walked paths git ignores, as ruff's walker sees them: inside a git
repository only, the repository's ``.git/info/exclude`` and every
``.gitignore`` from the repository root down, each relative to its own
folder. A deeper file takes precedence over a shallower one (and every
``.gitignore`` over info/exclude); within a file the last matching line
decides, so ``!keep.txt`` re-includes. A nested repository (a folder
holding ``.git``) starts afresh.

Ignore files are untrusted input like config globs (a data repository
takes contributions): their lines are translated to the globs of
globs.py, which match in linear time. A regex translation (pathspec's)
backtracks: one pattern of nine stars took three minutes against one
64-letter file name.
"""
from __future__ import annotations

import os
from dataclasses import dataclass

from .globs import compile_globs, glob_problem


@dataclass(frozen=True)
class Ignores:
    """The ignore files that apply in one folder."""

    root: str | None = None  # the repository's folder (absolute); None: not in a repository
    files: tuple = ()         # (its folder + "/", its rules) of each ignore file, shallowest first

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
        for base, rules in reversed(self.files):
            if not path.startswith(base):
                continue  # a file's lines apply below its folder only
            rel = path[len(base):].replace(os.sep, "/")
            for negated, folders_only, globs in reversed(rules):
                # within=False: the path itself, not a folder holding it, so
                # a named folder that git ignores is still walked
                if (is_dir or not folders_only) and globs.match(rel, within=False):
                    return not negated
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
    """The rules of the ignore file at `path`: (negated, folders only,
    globs), consecutive lines of one kind merged (the last matching line
    decides, and within such a run any match decides the same). None if
    the file is missing or unreadable: git skips those too."""
    try:
        with open(path, encoding="utf-8", errors="surrogateescape") as fh:
            lines = fh.read().removeprefix("\ufeff").splitlines()  # git skips a byte-order mark
    except OSError:
        return ()
    runs: list = []
    for negated, folders_only, glob in filter(None, map(_rule, lines)):
        if runs and runs[-1][:2] == (negated, folders_only):
            runs[-1][2].append(glob)
        else:
            runs.append((negated, folders_only, [glob]))
    return tuple((negated, folders_only, compile_globs(globs)) for negated, folders_only, globs in runs)


def _rule(line: str):
    """(negated, folders only, glob) for one gitignore line, or None for a
    blank line, a comment, or a line that means nothing (`!` alone, a
    trailing backslash, a bad range), which git skips too."""
    line = _strip_trailing_spaces(line)
    if not line or line.startswith("#"):
        return None
    negated = line.startswith("!")
    if negated:
        line = line[1:]
    folders_only = line.endswith("/")
    if _unclosed_bracket(line):
        return None  # git's wildmatch matches nothing with an unclosed [ (not a literal [)
    glob = _unescape(line.rstrip("/"))
    if glob is None or not glob.strip("/") or glob_problem(glob):
        return None
    return negated, folders_only, glob


def _strip_trailing_spaces(line: str) -> str:
    """Trailing spaces go, unless the last one is escaped (`\\ `)."""
    stripped = line.rstrip(" ")
    if stripped != line and stripped.endswith("\\"):
        stripped += " "
    return stripped


def _unclosed_bracket(text: str) -> bool:
    """An unescaped [ with no ] to close it (a ] right after [ or [! is a
    member, as in [] ] or [!]])."""
    i = 0
    while i < len(text):
        char = text[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":
            first = i + 1 + (text[i + 1:i + 2] in ("!", "^"))
            if text.find("]", first + 1) < 0:
                return True
            i = text.find("]", first + 1) + 1
            continue
        i += 1
    return False


def _unescape(text: str) -> str | None:
    """gitignore's backslash escapes as glob text: an escaped wildcard
    becomes a one-character class (`\\*` -> `[*]`), any other escaped
    character itself; None for a trailing lone backslash."""
    out, i = [], 0
    while i < len(text):
        char = text[i]
        if char == "\\":
            if i + 1 == len(text):
                return None
            char = text[i + 1]
            out.append(f"[{char}]" if char in "*?[" else char)
            i += 2
        else:
            out.append(char)
            i += 1
    return "".join(out)


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
