"""Which files a run lints: named files always, folders walked with the
include/exclude globs of the configuration."""
from __future__ import annotations

import os
from pathlib import Path

from .config import Config
from .errors import UsageError
from .globs import compile_globs, matches

STDIN = "-"


def discover(paths: list[str], config: Config) -> list[str]:
    include = compile_globs(config.include)
    exclude = compile_globs(config.exclude)
    found: list[str] = []
    for arg in paths:
        if arg == STDIN:
            found.append(STDIN)
        elif os.path.isdir(arg):
            found.extend(_walk(arg, include, exclude))
        elif os.path.lexists(arg):
            found.append(_clean(arg))
        else:
            raise UsageError(f"path not found: {arg}")
    return sorted(dict.fromkeys(found), key=lambda p: (p == STDIN, p))


def _walk(root: str, include, exclude) -> list[str]:
    out = []
    for folder, dirs, files in os.walk(root):
        rel_folder = os.path.relpath(folder, root)
        rel_folder = "" if rel_folder == "." else Path(rel_folder).as_posix() + "/"
        dirs[:] = sorted(d for d in dirs if not matches(exclude, rel_folder + d))
        for name in files:
            rel = rel_folder + name
            if matches(include, rel) and not matches(exclude, rel):
                out.append(_clean(os.path.join(folder, name)))
    return out


def _clean(path: str) -> str:
    return os.path.normpath(path).replace(os.sep, "/")
