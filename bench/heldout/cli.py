"""Command line: build the set, run newslint over it, print the numbers.

The harness only reports. It has no thresholds and tunes nothing: tune a
detector on `--half tune`, report it on the default `--half report`.
"""
from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

from .articles import HALVES, read_corpus
from .build import FILES, ORIGINALS, build, write
from .scoring import controls_summary, recall

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_TARBALL = ROOT.parent / "shared" / "corpus" / "ant-jawhara.tar.gz"


class HarnessError(Exception):
    """Bad input or a failed run: one line to the user, exit 2."""


def default_newslint() -> str:
    local = ROOT / ".venv" / "bin" / "newslint"
    return str(local) if local.exists() else (shutil.which("newslint") or str(local))


def count(text: str) -> int:
    value = int(text) if text.strip().isdigit() else -1
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number >= 0")
    return value


def positive(text: str) -> int:
    value = count(text)
    if value == 0:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def parse_args(argv):
    ap = argparse.ArgumentParser(prog="bench/heldout.py", description=__doc__.splitlines()[0])
    ap.add_argument("--tarball", default=str(DEFAULT_TARBALL), help="the corpus (default: %(default)s)")
    ap.add_argument("--newslint", default=default_newslint(), help="the newslint executable (default: %(default)s)")
    ap.add_argument("--seed", type=int, default=12, help="random seed of the defects and sites (default: %(default)s)")
    ap.add_argument("--half", choices=HALVES, default="report", help="which half of the split (default: %(default)s)")
    ap.add_argument("--per-class", type=count, default=60, metavar="N",
                    help="copies per defect class (default: %(default)s)")
    ap.add_argument("--controls", type=count, default=300, metavar="N", help="unmodified copies (default: %(default)s)")
    ap.add_argument("--sites", type=positive, default=8, metavar="K", help="pseudo-sites (default: %(default)s)")
    ap.add_argument("--per-site", type=count, default=30, metavar="N",
                    help="files per pseudo-site (default: %(default)s)")
    ap.add_argument("--keep", metavar="DIR", help="build in DIR (new or empty) and keep it: files/ (the set), "
                    "originals/, truth.json, report.json, originals-report.json")
    ap.add_argument("--json", action="store_true", help="print the results as JSON")
    ap.add_argument("--profile", metavar="FILE", help="a furniture profile (`newslint profile`, folders named "
                    "site-1 ...) for newslint to read: copied to the top of the built folders")
    ap.add_argument("--newslint-arg", action="append", default=[], metavar="ARG",
                    help="extra argument for `newslint check` (repeatable), e.g. --newslint-arg=--extend-select=TRN003")
    return ap.parse_args(argv)


def check_inputs(args) -> None:
    """Fail before any work on a missing corpus or a --keep folder in use."""
    if not Path(args.tarball).is_file():
        raise HarnessError(f"corpus not found: {args.tarball}")
    keep = Path(args.keep) if args.keep else None
    if keep is not None and keep.exists() and (not keep.is_dir() or any(keep.iterdir())):
        raise HarnessError(f"--keep {args.keep}: exists and is not an empty folder")


def work_folder(keep: str | None):
    """A context manager giving the folder to build in: a temporary one, or
    --keep (created if need be) that is left in place."""
    if keep is None:
        return tempfile.TemporaryDirectory(prefix="heldout-")
    Path(keep).mkdir(parents=True, exist_ok=True)
    return contextlib.nullcontext(keep)


def run_newslint(newslint: str, files: Path, report: Path, extra: list[str]) -> dict:
    configured = any(arg.startswith("--config") for arg in extra)  # a --config ARG replaces --isolated
    command = [newslint, "check", ".", "--format", "json", "--exit-zero", "--no-cache",
               *([] if configured else ["--isolated"]), "--select", "ALL", "--output", str(report.resolve()), *extra]
    try:
        proc = subprocess.run(command, cwd=files, capture_output=True, text=True)
    except OSError as exc:
        raise HarnessError(f"cannot run {newslint}: {exc.strerror}") from None
    if proc.returncode != 0:
        last = (proc.stderr.strip().splitlines() or ["no message"])[-1]
        raise HarnessError(f"newslint failed (exit {proc.returncode}): {last}")
    return json.loads(report.read_text(encoding="utf-8"))


PROFILE_COPY = ".newslint-profile.json"


def place_profile(profile: str | None, folders: list) -> list[str]:
    """Copy the furniture profile to the top of each folder newslint lints
    (its folder names, "site-1" ..., are relative to where it lies) and
    return the argument that names it; no profile, no argument."""
    if profile is None:
        return []
    try:
        data = Path(profile).read_bytes()
    except OSError as exc:
        raise HarnessError(f"cannot read the profile {profile}: {exc.strerror or exc}") from None
    for folder in folders:
        (Path(folder) / PROFILE_COPY).write_bytes(data)
    return [f"--profile={PROFILE_COPY}"]


def normalised_findings(report: dict) -> list[dict]:
    """The findings with paths written as in the set ("site-1/x.txt")."""
    return [{**f, "path": os.path.normpath(f["path"]).replace(os.sep, "/")} for f in report["findings"]]


def evaluate(args) -> dict:
    check_inputs(args)
    started = time.perf_counter()
    try:
        articles = read_corpus(args.tarball)
    except (tarfile.TarError, EOFError):
        raise HarnessError(f"cannot read the corpus {args.tarball}: not a readable tar archive") from None
    except OSError as exc:
        raise HarnessError(f"cannot read the corpus {args.tarball}: {exc.strerror or exc}") from None
    heldout = build(articles, args.half, args.seed, args.per_class, args.controls,
                    args.sites, args.per_site)
    with work_folder(args.keep) as folder:
        folder = Path(folder)
        write(heldout, folder)
        extra = args.newslint_arg + place_profile(args.profile, [folder / FILES, folder / ORIGINALS])
        report = run_newslint(args.newslint, folder / FILES, folder / "report.json", extra)
        before = run_newslint(args.newslint, folder / ORIGINALS, folder / "originals-report.json", extra)
    findings, original_findings = normalised_findings(report), normalised_findings(before)
    return {
        "half": args.half, "seed": args.seed, "articles_in_half": heldout.articles_in_half,
        "files": len(heldout.files), "lint_errors": len(report["errors"]),
        "newslint": report["tool"]["version"], "newslint_args": args.newslint_arg, "profile": args.profile,
        "classes": recall(heldout.defects, findings, original_findings),
        "controls": controls_summary(heldout.controls, findings),
        "sites": [s.describe() for s in heldout.sites],
        "seconds": round(time.perf_counter() - started, 1),
    }


def table(result: dict) -> str:
    out = [f"held-out set: half={result['half']} seed={result['seed']} "
           f"({result['articles_in_half']} usable articles in the half, {result['files']} files linted, "
           f"{result['lint_errors']} lint errors, {result['seconds']} s)",
           "",
           f"{'class':<24} {'n':>4} {'found':>5} {'recall':>6}  {'95% interval':<12}  found by"]
    found = n = 0
    for row in result["classes"]:
        codes = " ".join(f"{c}:{k}" for c, k in row["codes"].items())
        low, high = row["interval"]
        out.append(f"{row['class']:<24} {row['n']:>4} {row['found']:>5} {row['recall']:>6.3f}  "
                   f"{low:.2f}-{high:.2f}     {codes}")
        found, n = found + row["found"], n + row["n"]
    macro = [r["recall"] for r in result["classes"]]
    if macro:
        out.append(f"{'all (micro / macro)':<24} {n:>4} {found:>5} {found / n:>6.3f}  "
                   f"macro {sum(macro) / len(macro):.3f}")
    out.append("(furniture: n counts furniture lines, in the site-K folders; dateline: heads of first paragraphs, "
               "in the dateline-K folders)")
    c = result["controls"]
    out += ["", f"controls: {c['files']} unmodified files; {c['definition']}",
            f"  mission findings {c['mission_findings']} ({c['per_file'] or 0:.3f} per file), "
            f"files with any {c['files_with_any']}"]
    for top in c["top_codes"]:
        out.append(f"  {top['code']:<8} {top['findings']:>5} findings in {top['files']:>4} files")
    return "\n".join(out)


def main(argv=None) -> int:
    args = parse_args(argv)
    try:
        result = evaluate(args)
    except HarnessError as exc:
        print(f"heldout: {exc}", file=sys.stderr)
        return 2
    try:
        print(json.dumps(result, ensure_ascii=False, indent=1) if args.json else table(result))
    except BrokenPipeError:  # `... | head`: the reader left early, not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0
