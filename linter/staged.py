"""The files staged in git: the whole commit, when pre-commit hands a hook
only part of it.

pre-commit splits a long list of file names into several runs of the hook
(at 128 KiB of names, about 3,000 files, even with `require_serial`), so
each run sees part of the commit. With `--batch-with-staged` the batch
rules (duplicates across files) of each run also compare its files with the
other staged ones, read through the cache, and report only its own.
"""
from __future__ import annotations

import os
import subprocess


def staged_files(cwd: str | None = None) -> list[str]:
    """Added, copied, modified and renamed files of the index, relative to
    `cwd` (pre-commit runs hooks at the repository root); [] outside a
    repository or without git."""
    command = ["git", "-c", "core.quotepath=off", "diff", "--cached", "--name-only", "-z",
               "--diff-filter=ACMR", "--relative"]
    try:
        done = subprocess.run(command, cwd=cwd, capture_output=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return []
    if done.returncode != 0:
        return []
    names = [os.fsdecode(name) for name in done.stdout.split(b"\0") if name]
    return [name for name in names if os.path.isfile(name if cwd is None else os.path.join(cwd, name))]
