"""Which files a run lints, each with its configuration: named files
always (unless --force-exclude), folders walked with the include/exclude
globs of the configuration of each folder (a folder with its own config
file switches to it).

Globs are matched against the path relative to their config file's folder
(for files outside it: relative to the walked folder), like ruff; the
walked folder itself and its parents are never excluded (naming a folder
asks for it). The walk is iterative (a tree thousands of levels deep does
not exhaust the stack) and reads no linted file (only config and ignore
files): special files (FIFOs, devices, sockets) are skipped with a note, a
folder that cannot be listed is a file error in the report."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import NamedTuple

from .config import Config, Resolver, relative_to, relative_to_root
from .errors import UsageError
from .filekinds import not_regular, special_kind
from .gitignore import GitIgnores, Ignores
from .globs import compile_globs, matches
from .models import FileError

STDIN = "-"
# Suffixes of files that are probably articles too: a folder holding only
# these gets a warning saying how to include them.
NEAR_SUFFIXES = (".text", ".md", ".markdown", ".rst", ".asc")


@dataclass(frozen=True)
class WalkOptions:
    """How paths become files, beyond the configurations' globs."""

    force_exclude: bool = False   # named files and folders are matched against the excludes too
    respect_gitignore: bool = True  # skip what git ignores (.gitignore files, .git/info/exclude)


@dataclass
class Found:
    """What discovery found."""

    paths: list[str] = field(default_factory=list)      # sorted, standard input last
    errors: dict[str, FileError] = field(default_factory=dict)  # path (also in `paths`) -> why it failed
    notes: list[str] = field(default_factory=list)      # files skipped while walking, and why
    warnings: list[str] = field(default_factory=list)   # named paths that yielded no file, and why
    configs: dict = field(default_factory=dict)          # path -> its Config (not standard input)

    def by_config(self, default: Config) -> list[tuple[Config, list[str]]]:
        """(config, its paths in order) for each configuration, in the order
        of their first paths; standard input goes with `default` (the run's
        configuration)."""
        groups: dict = {}
        for path in self.paths:
            config = self.configs.get(path, default)
            groups.setdefault(id(config), (config, []))[1].append(path)
        return list(groups.values())


@dataclass
class _Filter:
    include: object
    exclude: object
    root: object  # the config's folder

    @classmethod
    def of(cls, config: Config) -> "_Filter":
        return cls(compile_globs(config.include), compile_globs(config.exclude), config.root)

    def prefix(self, folder: str) -> str:
        """`folder` relative to the config's folder, as a glob prefix
        ("" when it is that folder or outside it)."""
        rel = relative_to(folder, self.root)
        return "" if rel in (None, ".", "") else rel + "/"

    def excludes(self, path: str) -> bool:
        """Is the named `path` (or a folder holding it) excluded? For
        --force-exclude; outside the config's folder the path is matched
        as given."""
        return matches(self.exclude, relative_to_root(path, self.root))


class _Folder(NamedTuple):
    """A folder to walk, with what its parent passes down."""

    path: str       # as walked (relative when the argument was)
    config: Config  # the parent's configuration
    prefix: str     # the path relative to that configuration's folder, + "/"
    ignores: Ignores | None  # the parent's ignores (None: .gitignore not respected)


class _Discovery:
    """One discovery: what it found, and the compiled globs of each
    configuration it met."""

    def __init__(self, resolver: Resolver, walk: WalkOptions):
        self.resolver, self.walk = resolver, walk
        self.found = Found()
        self._filters: dict = {}  # id(config) -> _Filter (the resolver keeps the configs alive)
        self.gitignores = GitIgnores() if walk.respect_gitignore else None

    def filter(self, config: Config) -> _Filter:
        if id(config) not in self._filters:
            self._filters[id(config)] = _Filter.of(config)
        return self._filters[id(config)]

    def add(self, path: str, config: Config) -> None:
        self.found.paths.append(path)
        self.found.configs[path] = config

    def named(self, arg: str) -> None:
        """A path given on the command line."""
        if arg == STDIN:
            self.found.paths.append(STDIN)
            return
        if not os.path.lexists(arg):
            raise UsageError(f"path not found: {arg}")
        folder = arg if os.path.isdir(arg) else os.path.dirname(arg) or "."
        config = self.resolver.for_folder(folder)
        if self.walk.force_exclude and self._force_excluded(arg, config):
            return
        if os.path.isdir(arg):
            found_before = len(self.found.paths)
            near = self.walk_folder(arg, config)
            if near is not None and len(self.found.paths) == found_before:
                self.found.warnings.append(_near_warning(arg, near))
        else:
            self.add(_clean(arg), config)

    def _force_excluded(self, arg: str, config: Config) -> bool:
        """Is the named `arg` excluded by its config or ignored by git?"""
        if self.filter(config).excludes(arg):
            return True
        path = os.path.abspath(arg)
        return self.gitignores is not None and self.gitignores.for_folder(os.path.dirname(path)).ignored_named(path)

    def walk_folder(self, root: str, config: Config) -> str | None:
        """Every included file under `root` that git does not ignore, each
        with the configuration of its folder: a sub-folder's own config file
        takes over below it, and its globs are relative to its folder. The
        first file left out with a NEAR_SUFFIXES suffix is returned."""
        outer = None if self.gitignores is None else self.gitignores.for_folder(os.path.dirname(os.path.abspath(root)))
        stack = [_Folder(root, config, self.filter(config).prefix(root), outer)]
        near = None
        while stack:
            folders, left_out = self._visit(stack.pop())
            stack.extend(folders)
            near = near or left_out
        return near

    def _visit(self, folder: _Folder) -> tuple[list, str | None]:
        """Add the included files of `folder`; its sub-folders to walk, and
        a file with a near suffix it left out (or None)."""
        entries = _list(folder.path, self.found)
        names = {e.name for e in entries}
        config = self.resolver.below(folder.path, folder.config, names)
        prefix = folder.prefix if config is folder.config else ""  # "": the folder of its own config file
        absolute = os.path.abspath(folder.path)
        ignores = None if folder.ignores is None else GitIgnores.below(absolute, folder.ignores, names)
        where = self.filter(config)
        git = ignores is not None and bool(ignores.files)  # any ignore file to match?
        folders, near = [], None
        for entry in entries:
            rel = prefix + entry.name
            is_dir = entry.is_dir(follow_symlinks=False)
            if matches(where.exclude, rel, within=False) or \
                    (git and ignores.ignored(os.path.join(absolute, entry.name), is_dir)):
                continue
            if is_dir:
                folders.append(_Folder(entry.path, config, rel + "/", ignores))
            elif _included(where.include, rel):
                _add_file(entry, self, config)
            elif near is None and os.path.splitext(entry.name)[1].lower() in NEAR_SUFFIXES:
                near = _clean(entry.path)
        return folders, near


def discover(paths: list[str], configs, walk: WalkOptions = WalkOptions(), stdin_name: str | None = None) -> Found:
    """The files `paths` name, each with its configuration. `configs` is a
    config.Resolver, or one Config for every file. Standard input takes the
    configuration of the folder its `--stdin-filename` names (ruff's way),
    else the run's."""
    resolver = configs if isinstance(configs, Resolver) else Resolver.of(configs)
    discovery = _Discovery(resolver, walk)
    for arg in paths:
        discovery.named(arg)
    found = discovery.found
    if stdin_name and STDIN in found.paths:
        found.configs[STDIN] = resolver.for_folder(os.path.dirname(stdin_name) or ".")
    found.paths = sorted(dict.fromkeys(found.paths), key=lambda p: (p == STDIN, p))
    if not found.paths:
        found.warnings.append("no files found under the given paths")   # ruff's warning; the exit stays 0
    return found


def _near_warning(folder: str, near: str) -> str:
    glob = "*" + os.path.splitext(near)[1].lower()
    return (f"no file under {_clean(folder)} matches the include globs, but {near} may be an article: "
            f'add extend-include: ["{glob}"] to the configuration to lint such files')


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


def _add_file(entry, discovery, config: Config) -> None:
    """A walked file that matched the globs: linted if regular (or a broken
    symlink, reported as such); a symlink to a folder is not followed;
    anything else is skipped with a note."""
    path = _clean(entry.path)
    if entry.is_file(follow_symlinks=False):  # known from the listing: no system call
        discovery.add(path, config)
        return
    try:
        kind = special_kind(entry.stat().st_mode)
    except OSError:
        kind = None  # a broken symlink: reading it says so
    if kind is None:
        discovery.add(path, config)
    elif kind != "a directory":
        discovery.found.notes.append(f"skipped {path}: {not_regular(kind)}")


def _clean(path: str) -> str:
    return os.path.normpath(path).replace(os.sep, "/")
