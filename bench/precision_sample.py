#!/usr/bin/env python3
"""Per-rule counts on the real corpus, and a fixed random sample of hits to
read by hand (for docs/precision.md).

    python bench/precision_sample.py [--tarball ...] [--sample 20] [--min-share 2] [--rule CODE]

Prints, for every rule: findings and files hit (and % of files); then, for
each rule hitting more than --min-share % of files (or the --rule given), a
seeded sample of hits with 50 characters of context on each side, marked
with [ ] around the flagged text.
"""
from __future__ import annotations

import argparse
import random
import sys
import tarfile
import tempfile
from collections import defaultdict
from pathlib import Path

from newslint.config import Config
from newslint.engine import LintPlan
from newslint.runner import lint_path
from newslint.plugins import load_registry

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--tarball", default=str(ROOT.parent / "shared" / "corpus" / "ant-jawhara.tar.gz"))
    ap.add_argument("--sample", type=int, default=20)
    ap.add_argument("--min-share", type=float, default=2.0, help="sample rules above this %% of files")
    ap.add_argument("--rule", action="append", default=[], help="also sample this rule (repeatable)")
    ap.add_argument("--seed", type=int, default=2026)
    args = ap.parse_args()

    registry = load_registry()
    with tempfile.TemporaryDirectory() as tmp:
        with tarfile.open(args.tarball) as tar:
            tar.extractall(tmp)
        files = sorted(str(p) for p in Path(tmp).rglob("*.txt"))
        config = Config(None, Path(tmp), {})
        plan = LintPlan.build(registry, config, select=["ALL"] + [r.code for r in registry.rules if r.opt_in])
        hits = defaultdict(list)
        texts = {}
        for path in files:
            result = lint_path(path, plan)
            for f in result.findings:
                hits[f.code].append(f)
            if result.findings:
                texts[path] = Path(path).read_text(encoding="utf-8", errors="replace").splitlines()

        n = len(files)
        print(f"files: {n}\n")
        print(f"{'rule':<36} {'findings':>8} {'files':>6} {'% files':>8}")
        shares = {}
        for rule in registry.rules:
            found = hits.get(rule.code, [])
            nfiles = len({f.path for f in found})
            shares[rule.code] = 100 * nfiles / n
            print(f"{rule.code} {rule.name:<29} {len(found):>8} {nfiles:>6} {shares[rule.code]:>7.2f}%")

        rng = random.Random(args.seed)
        for rule in registry.rules:
            if shares[rule.code] <= args.min_share and rule.code not in args.rule:
                continue
            found = hits.get(rule.code, [])
            sample = rng.sample(found, min(args.sample, len(found)))
            print(f"\n== {rule.code} {rule.name}: {len(sample)} of {len(found)} hits")
            for i, f in enumerate(sample, 1):
                line = texts[f.path][f.line - 1] if f.line <= len(texts[f.path]) else ""
                a, b = f.column - 1, (f.end_column - 1 if f.end_line == f.line else len(line))
                ctx = f"{line[max(0, a - 50):a]}[{line[a:b]}]{line[b:b + 50]}"
                print(f"{i:>2}. {Path(f.path).name}:{f.line}:{f.column} {f.message[:90]!r}\n    {ctx!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
