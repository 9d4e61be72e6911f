#!/usr/bin/env python3
"""How cost grows with the number of articles: local pool against Dask.

    python bench/scale.py [--tarball ../shared/corpus/ant-jawhara.tar.gz] [--sizes 1000,10000,100000]
                          [--dask-sizes 100000] [--plot docs/scale.png]

Builds each batch from the corpus (10,138 articles): copy k of an article
gets a new name and one line of its own (a numbered dateline), so no two
files are exact duplicates (the copies stay near-duplicates for DUP002).
Then times `newslint check BATCH --no-cache --format jsonl -o FILE` with
the local pool on all cores, and with `--executor dask` (a LocalCluster of
one worker process per core, its start-up included) for --dask-sizes.

Prints seconds (wall clock), files/s and peak RSS: the largest sum over
newslint and every process under it (its pool workers, the Dask nannies and
workers), sampled every 0.1 s with psutil; without psutil, the largest
single process (resource.RUSAGE_CHILDREN). Writes a PNG of time and memory
against batch size when matplotlib is installed. Nothing is asserted. A 1M
row needs JSONL shards (containers): not measured here.
"""
from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import subprocess
import sys
import tarfile
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "ant-jawhara.tar.gz"
FILES_PER_FOLDER = 1000


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tarball", default=str(CORPUS))
    ap.add_argument("--newslint", default=shutil.which("newslint") or str(ROOT / ".venv" / "bin" / "newslint"))
    ap.add_argument("--sizes", type=_sizes, default=[1000, 10000, 100000], help="local runs (comma-separated)")
    ap.add_argument("--dask-sizes", type=_sizes, default=[100000], help="Dask runs (comma-separated; empty: none)")
    ap.add_argument("--plot", default=str(ROOT / "docs" / "scale.png"), help="the PNG to write ('' for none)")
    args = ap.parse_args()

    articles = _articles(Path(args.tarball))
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in sorted(set(args.sizes) | set(args.dask_sizes)):
            batch = Path(tmp) / f"batch-{size}"
            _build_batch(articles, size, batch)
            if size in args.sizes:
                rows.append(("local", size, *_timed([args.newslint, "check", str(batch)], tmp)))
                _print_row(rows[-1])
            if size in args.dask_sizes:
                rows.append(("dask", size, *_timed([args.newslint, "check", str(batch), "--executor", "dask"], tmp)))
                _print_row(rows[-1])
            shutil.rmtree(batch)
    print(f"\n{platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print("| run | articles | seconds | files/s | peak RSS MiB |\n|---|---:|---:|---:|---:|")
    for row in rows:
        print("| {} | {:,} | {:.1f} | {:,.0f} | {:.0f} |".format(*row[:3], row[1] / row[2], row[3]))
    if args.plot:
        _plot(rows, Path(args.plot))
    return 0


def _sizes(value: str) -> list[int]:
    return [int(v) for v in value.split(",") if v.strip()]


def _articles(tarball: Path) -> list[bytes]:
    with tarfile.open(tarball) as tar:
        return [tar.extractfile(m).read() for m in tar if m.isfile() and m.name.endswith(".txt")]


def _build_batch(articles: list[bytes], size: int, folder: Path) -> None:
    """`size` files: the corpus over and over, copy k of each with its own
    name and dateline (folders of FILES_PER_FOLDER files)."""
    for i in range(size):
        copy, n = divmod(i, len(articles))
        text = articles[n] if copy == 0 else _varied(articles[n], copy, n)
        path = folder / f"{i // FILES_PER_FOLDER:04d}" / f"c{copy:02d}-{n:05d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text)


def _varied(text: bytes, copy: int, n: int) -> bytes:
    """The article with a line of its own after the headline."""
    head, newline, rest = text.partition(b"\n")
    line = f"نشر في {1 + copy % 28} / {1 + n % 12} / {2000 + copy} - العدد {copy * 100000 + n}".encode()
    return head + newline + line + b"\n" + rest


def _timed(command: list[str], cwd: str) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one run."""
    report = Path(cwd) / "report.jsonl"
    command = [*command, "--no-cache", "--format", "jsonl", "-o", str(report), "--exit-zero", "-q"]
    start = time.perf_counter()
    proc = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = _PeakRss(proc.pid)
    _, err = proc.communicate()
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"{' '.join(command)} failed: {err.decode(errors='replace')}")
    return seconds, peak.stop()


class _PeakRss:
    """The largest RSS sum over a process and its descendants, sampled."""

    def __init__(self, pid: int):
        self.pid, self.peak, self._done = pid, 0, threading.Event()
        try:
            import psutil
        except ImportError:
            self._thread = None
            return
        self._thread = threading.Thread(target=self._sample, args=(psutil,), daemon=True)
        self._thread.start()

    def _sample(self, psutil) -> None:
        try:
            root = psutil.Process(self.pid)
        except psutil.NoSuchProcess:
            return
        while not self._done.wait(0.1):
            try:
                procs = [root, *root.children(recursive=True)]
            except psutil.NoSuchProcess:
                return
            self.peak = max(self.peak, sum(_rss(p, psutil) for p in procs))

    def stop(self) -> float:
        if self._thread is None:  # largest single process, in KiB on Linux
            return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        self._done.set()
        self._thread.join()
        return self.peak / 2**20


def _rss(proc, psutil) -> int:
    try:
        return proc.memory_info().rss
    except psutil.Error:
        return 0


def _print_row(row: tuple) -> None:
    print(f"{row[0]:6} {row[1]:>8,} files  {row[2]:8.1f} s  {row[1] / row[2]:8,.0f} files/s  {row[3]:8.0f} MiB",
          flush=True)


def _plot(rows: list, path: Path) -> None:
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("matplotlib is not installed: no plot (pip install matplotlib)")
        return
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4))
    for run, marker in (("local", "o-"), ("dask", "s--")):
        points = [(r[1], r[2], r[3]) for r in rows if r[0] == run]
        if points:
            sizes, seconds, rss = zip(*points)
            left.plot(sizes, seconds, marker, label=run)
            right.plot(sizes, rss, marker, label=run)
    local = [(r[1], r[2]) for r in rows if r[0] == "local"]
    if len(local) > 1:  # what time proportional to the batch would be, from the smallest run
        left.plot([local[0][0], local[-1][0]], [local[0][1], local[0][1] * local[-1][0] / local[0][0]], ":",
                  color="grey", label="proportional")
    for axis, label in ((left, "seconds (wall clock)"), (right, "peak RSS, all processes (MiB)")):
        axis.set_xscale("log")
        axis.set_yscale("log")
        axis.set_xlabel("articles in the batch")
        axis.set_ylabel(label)
        axis.grid(True, which="both", alpha=0.3)
        axis.legend()
    fig.suptitle("newslint check --no-cache: cost against batch size")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    print(f"wrote {path}")


if __name__ == "__main__":
    sys.exit(main())
