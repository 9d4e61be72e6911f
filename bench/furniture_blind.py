#!/usr/bin/env python3
"""Site furniture newslint has not seen: three sets built blind, scored line by line.

    python bench/furniture_blind.py [--sets a,b,c] [--tarball ../shared/corpus/ant-jawhara.tar.gz]
                                    [--newslint .venv/bin/newslint] [--keep DIR]

Each set is made by a generator in bench/furniture_blind/ (make_a.py, make_b.py,
make_c.py), written by helpers who did not read newslint's code or docs: six or
eight invented Arab news sites, one folder each, whose files are real corpus
articles wrapped in the site's page furniture (headers, date lines, bylines and
datelines, related-news blocks, share rows, invitations, credits, copyright,
tags; each kind in 60-95 % of a site's files, with dates, names and links
changing), and `truth.json`, every furniture line of every file. The
generators are deterministic (their own seeds) and read only the corpus.

Scoring: newslint checks each set's files (default rules, no config, no
cache); a furniture line is found when a boilerplate finding touches it (a
dateline written at the head of a paragraph: when the finding starts inside
it). Printed: lines found per set and per site, and the boilerplate
findings on lines that are article text (false alarms). Nothing is asserted.

History (docs/furniture.md): B was used to find what BLP004 missed, A was
held out for the first changes and then used, C was held out to the end of
the session that built them (2026-12-07): 0.763 -> 0.888 of C's lines.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent / "furniture_blind"


def corpus_folder(top: Path) -> Path:
    """The folder whose sub-folders hold the corpus's .txt files."""
    first = next(top.rglob("*.txt"))
    return first.parent.parent


def build(name: str, corpus: Path, out: Path) -> None:
    env = {**os.environ, "FURNITURE_CORPUS": str(corpus), "FURNITURE_OUT": str(out)}
    out.mkdir(parents=True, exist_ok=True)
    subprocess.run([sys.executable, str(HERE / f"make_{name}.py")], env=env, check=True,
                   stdout=subprocess.DEVNULL, cwd=out)


def findings_of(newslint: list[str], files: Path) -> dict:
    proc = subprocess.run(newslint + ["check", ".", "--output-format", "json", "--exit-zero", "--no-cache",
                                      "--isolated"], cwd=files, capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"newslint failed: {proc.stderr.strip()[:300]}")
    by_path = defaultdict(list)
    for f in json.loads(proc.stdout)["findings"]:
        by_path[os.path.relpath(os.path.join(files, f["path"]), files)].append(f)
    return by_path


def found(item: dict, findings: list) -> bool:
    line = item["line"]
    hits = [f for f in findings if f["category"] == "boilerplate" and f["line"] <= line <= f["end_line"]]
    if not item.get("whole_line", True) and item.get("prefix"):
        hits = [f for f in hits if f["line"] < line or f["column"] <= len(item["prefix"])]
    return bool(hits)


def score(folder: Path, newslint: list[str]) -> dict:
    truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
    files = folder / "files"
    by_path = findings_of(newslint, files)
    total, hit = Counter(), Counter()
    furniture = {path: {item["line"] for item in items} for path, items in truth.items()}
    for path, items in truth.items():
        site = path.split("/")[0]
        for item in items:
            total[site] += 1
            hit[site] += found(item, by_path.get(path, []))
    false = [(path, f["line"], f["code"]) for path, fs in by_path.items() for f in fs
             if f["category"] == "boilerplate"
             and not any(n in furniture.get(path, ()) for n in range(f["line"], f["end_line"] + 1))]
    return {"total": total, "found": hit, "false": false}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", default="a,b,c")
    ap.add_argument("--tarball", default=str(ROOT.parent / "shared" / "corpus" / "ant-jawhara.tar.gz"))
    ap.add_argument("--newslint", default=shutil.which("newslint") or str(ROOT / ".venv" / "bin" / "newslint"),
                    help="the command (split on spaces), e.g. 'python -m newslint'")
    ap.add_argument("--keep", help="build the sets here and keep them")
    args = ap.parse_args()
    newslint = args.newslint.split()
    with tempfile.TemporaryDirectory() as tmp:
        top = Path(tmp) / "corpus"
        with tarfile.open(args.tarball) as tar:
            tar.extractall(top)
        corpus = corpus_folder(top)
        base = Path(args.keep) if args.keep else Path(tmp)
        for name in args.sets.split(","):
            folder = base / f"set-{name}"
            build(name, corpus, folder)
            result = score(folder, newslint)
            lines, hit = sum(result["total"].values()), sum(result["found"].values())
            print(f"set {name.upper()}: {hit}/{lines} furniture lines found ({hit / lines:.3f}); "
                  f"boilerplate findings on article lines: {len(result['false'])}")
            for site in sorted(result["total"]):
                print(f"  {site:32} {result['found'][site]}/{result['total'][site]}")
            for path, line, code in result["false"][:10]:
                print(f"  false: {path}:{line} {code}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
