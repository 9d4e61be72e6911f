#!/usr/bin/env python3
"""Peak RSS against the number of files.

    python bench/memory.py [--sizes 1000,10000,30000,100000] [--format json] [--runs no-cache,cold,warm]
                            [--newslint-arg ARG]

Builds a tree of N articles from the corpus (copies past the first 10,138
get one line changed, so that every file has its own content and cache key),
then runs `newslint check` over it with --no-cache, cold (empty cache) and
warm (the cold run's cache), and prints the peak RSS of the largest process
of each run (ru_maxrss of the children, as /usr/bin/time -f %M reports) and
its wall time. The report goes to a file (--format, default json). Nothing
is asserted.
"""
from __future__ import annotations

import argparse
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


def corpus_articles(tarball: str, into: Path) -> list[bytes]:
    with tarfile.open(tarball) as tar:
        tar.extractall(into)
    return [p.read_bytes() for p in sorted(into.rglob("*.txt"))]


def build_tree(articles: list[bytes], n: int, root: Path) -> None:
    """`n` files, copy k of an article with a line naming k appended (k > 0)."""
    for i in range(n):
        copy, index = divmod(i, len(articles))
        data = articles[index] if copy == 0 else articles[index] + f"\nنسخة {copy}\n".encode("utf-8")
        folder = root / f"d{i // 1000:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"a{i:06d}.txt").write_bytes(data)


def measure(newslint: str, tree: Path, fmt: str, extra: list[str]) -> tuple[float, float]:
    """(peak RSS MiB, seconds) of one check."""
    cmd = [newslint, "check", str(tree), "--format", fmt, "--output", str(tree.parent / f"report.{fmt}"),
           "--exit-zero", "--isolated", *extra]
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", _RSS, *cmd], capture_output=True, text=True, check=True)
    return int(proc.stdout.split()[-1]) / 1024, time.perf_counter() - start


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tarball", default=str(ROOT.parent / "shared" / "corpus" / "ant-jawhara.tar.gz"))
    ap.add_argument("--newslint", default=str(ROOT / ".venv" / "bin" / "newslint"))
    ap.add_argument("--sizes", default="1000,10000,30000,100000")
    ap.add_argument("--format", default="json")
    ap.add_argument("--runs", default="no-cache,cold,warm")
    ap.add_argument("--newslint-arg", action="append", default=[], metavar="ARG",
                    help="extra argument for `newslint check` (repeatable), e.g. --newslint-arg=--jobs=1")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        articles = corpus_articles(args.tarball, Path(tmp) / "src")
        print("| files | run | peak RSS MiB | seconds |\n|---:|---|---:|---:|")
        for n in map(int, args.sizes.split(",")):
            work = Path(tmp) / f"n{n}"
            build_tree(articles, n, work / "tree")
            cache = work / "cache"
            runs = {"no-cache": ["--no-cache"], "cold": ["--cache-dir", str(cache)],
                    "warm": ["--cache-dir", str(cache)]}
            for name in args.runs.split(","):
                rss, seconds = measure(args.newslint, work / "tree", args.format, runs[name] + args.newslint_arg)
                print(f"| {n:,} | {name} | {rss:.1f} | {seconds:.1f} |", flush=True)
            shutil.rmtree(work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
