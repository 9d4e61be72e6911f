"""`newslint check --add-ignore`: write every finding of the run to a
.newslint-ignore sidecar, so that the next run reports only new ones (what
ruff's --add-noqa does, for files that cannot carry comments).

Entries go to the sidecar of the project root (the configuration file's
folder, else the current folder), one line per flagged line with its codes;
a file outside the root gets one in its own folder. What a sidecar held is
kept: the new entries are appended, atomically."""
from __future__ import annotations

import os
import sys
from collections import defaultdict
from pathlib import Path

from ..errors import UsageError
from ..reporters.base import Reporter
from ..suppress import SIDECAR, chain_top, entry_text, fits_an_entry, shown_path
from .baseline import count_of
from .exit_codes import EXIT_OK

HEADER = "# added by `newslint check --add-ignore`"


def command(args, registry) -> int:
    from .check import execute
    from .settings import run_settings

    _refuse_what_does_not_combine(args)
    findings = []
    settings = run_settings(args, registry, _collector(findings), baseline=args.baseline, exit_zero=True, quiet=True)
    execute(settings, registry)
    root = settings.config.path.parent if settings.config.path is not None else Path.cwd()
    planned, unfit = plan_entries(findings, os.path.abspath(root))
    if not planned and not unfit:
        print("newslint: no findings: nothing to add", file=sys.stderr)
    for sidecar, entries in planned.items():
        lines = [entry_text(path, line, codes) for (path, line), codes in sorted(entries.items())]
        append_entries(Path(sidecar), lines)
        counted = sum(len(codes) for codes in entries.values())
        print(f"newslint: added {count_of(len(lines), 'entry', 'entries')} ({count_of(counted, 'finding')}) to "
              f"{shown_path(sidecar)}", file=sys.stderr)
    if unfit:
        _warn_unfit(unfit)
    return EXIT_OK


def _refuse_what_does_not_combine(args) -> None:
    if args.fix or args.unsafe_fixes or args.diff:
        raise UsageError("--add-ignore lists the findings as they are: it does not combine with --fix or --diff")
    if "-" in args.paths:
        raise UsageError("--add-ignore needs files: standard input has no path to list in a .newslint-ignore")


def _collector(into: list) -> type:
    class Collector(Reporter):
        def file(self, result) -> None:
            into.extend(result.findings)

    return Collector


def plan_entries(findings, root: str) -> tuple[dict, dict]:
    """{sidecar path: {(path in it, line): [codes, one per finding]}}, and
    {file name a sidecar cannot hold: its findings}."""
    planned = defaultdict(lambda: defaultdict(list))
    unfit = defaultdict(int)
    for f in findings:
        file = os.path.abspath(f.path)
        folder = sidecar_folder(os.path.dirname(file), root)
        relative = Path(os.path.relpath(file, folder)).as_posix()
        if fits_an_entry(relative):
            planned[os.path.join(folder, SIDECAR)][(relative, f.line)].append(f.code)
        else:
            unfit[f.path] += 1
    return planned, unfit


def sidecar_folder(folder: str, root: str) -> str:
    """The folder whose sidecar later runs read for files of `folder`: the
    top of the chain `suppress.SidecarFilter` walks (the repository root,
    else the project root); `folder` itself when neither is above it (a
    file outside the project)."""
    return chain_top(folder, os.path.realpath(root)) or folder


def append_entries(sidecar: Path, lines: list[str]) -> None:
    """Add `lines` after what `sidecar` holds, in one atomic replacement."""
    from ..safe_write import AtomicOutput

    try:
        old = sidecar.read_text(encoding="utf-8") if sidecar.exists() else ""
        output = AtomicOutput(str(sidecar))
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot update {shown_path(sidecar)}: {getattr(exc, 'strerror', None) or exc}") from exc
    if old and not old.endswith("\n"):
        old += "\n"
    output.stream.write(old + "\n".join([HEADER, *lines]) + "\n")
    try:
        output.commit()
    except OSError as exc:
        raise UsageError(f"cannot update {shown_path(sidecar)}: {exc.strerror or exc}") from exc


def _warn_unfit(unfit: dict) -> None:
    example = next(iter(unfit))
    print(f"newslint: warning: {count_of(sum(unfit.values()), 'finding')} not added: the names of "
          f"{count_of(len(unfit), 'file')} cannot be written in a {SIDECAR} (e.g. {example!r}: a '#' after "
          "white space, a line break, or white space at an end)", file=sys.stderr)

