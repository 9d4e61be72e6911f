#!/usr/bin/env python3
"""Throughput on the real corpus: newslint against the floor and codespell.

    python bench/speed.py [--tarball ../shared/corpus/ant-jawhara.tar.gz] [--repeat 3]

Unpacks the corpus once, then times (best of --repeat, wall clock) and
measures the peak RSS (largest single process) of:

  floor      plain Python: read, decode UTF-8, split lines, every file
  codespell  codespell over the same folder, one process
  jobs=1     newslint check --jobs 1 --no-cache
  no-cache   newslint check --no-cache (all cores)
  cold       newslint check (all cores), empty cache (includes writing it)
  warm       newslint check (all cores), the cache of the cold run

and prints a table with ratios to the floor and to codespell. codespell is
looked up next to this Python (pip install codespell). Nothing is asserted.
"""
from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Runs a command and prints the peak RSS (KiB) of its largest process.
_RSS = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
_FLOOR = ("import pathlib, sys\n"
          "for p in sorted(pathlib.Path(sys.argv[1]).rglob('*.txt')):\n"
          "    p.read_bytes().decode('utf-8').splitlines()\n")


def measure(cmd: list[str], repeat: int, before=None) -> tuple[float, int]:
    best, rss = float("inf"), 0
    for _ in range(repeat):
        if before:
            before()
        start = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", _RSS, *cmd], capture_output=True, text=True, check=True)
        best = min(best, time.perf_counter() - start)
        rss = max(rss, int(out.stdout.strip() or 0))
    return best, rss


def tool(name: str) -> str | None:
    here = Path(sys.executable).with_name(name)
    return str(here) if here.exists() else shutil.which(name)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tarball", default=str(ROOT.parent / "shared" / "corpus" / "ant-jawhara.tar.gz"))
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    newslint = tool("newslint")
    codespell = tool("codespell")
    if newslint is None:
        print("newslint is not installed next to this Python", file=sys.stderr)
        return 1

    with tempfile.TemporaryDirectory() as tmp:
        with tarfile.open(args.tarball) as tar:
            tar.extractall(tmp)
        corpus = str(Path(tmp) / "jawhara")
        files = sum(1 for _ in Path(corpus).rglob("*.txt"))
        cache = Path(tmp) / "cache"
        check = [newslint, "check", corpus, "--exit-zero", "--quiet", "--statistics"]

        rows = [("floor", measure([sys.executable, "-c", _FLOOR, corpus], args.repeat))]
        if codespell:
            rows.append(("codespell", measure([codespell, corpus], args.repeat)))
        rows.append(("newslint --jobs 1 --no-cache", measure(check + ["--jobs", "1", "--no-cache"], args.repeat)))
        rows.append(("newslint --no-cache (all cores)", measure(check + ["--no-cache"], args.repeat)))
        rows.append(("newslint cold (all cores)",
                     measure(check + ["--cache-dir", str(cache)], args.repeat,
                             before=lambda: shutil.rmtree(cache, ignore_errors=True))))
        rows.append(("newslint warm (all cores)", measure(check + ["--cache-dir", str(cache)], args.repeat)))

    floor = rows[0][1][0]
    spell = dict(rows).get("codespell", (None, 0))[0]
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"files: {files}; cores: {cores}; Python {platform.python_version()}; {platform.machine()}; "
          f"best of {args.repeat}")
    print(f"{'run':<30} {'seconds':>8} {'files/s':>8} {'x floor':>8} {'x codespell':>12} {'peak RSS MiB':>13}")
    for name, (seconds, rss) in rows:
        vs_spell = f"{seconds / spell:.2f}" if spell else "-"
        print(f"{name:<30} {seconds:>8.2f} {files / seconds:>8.0f} {seconds / floor:>8.2f} {vs_spell:>12} "
              f"{rss / 1024:>13.1f}")
    times = {name: s for name, (s, _) in rows}
    cold, warm = times["newslint cold (all cores)"], times["newslint warm (all cores)"]
    print(f"warm / cold: {warm / cold:.2f}")
    print(f"speed-up of all cores over one (no cache): "
          f"{times['newslint --jobs 1 --no-cache'] / times['newslint --no-cache (all cores)']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
