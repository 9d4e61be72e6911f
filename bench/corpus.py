#!/usr/bin/env python3
"""Lint the real corpus and print time, findings per file by category and
files hit per rule.

    python bench/corpus.py [--tarball ../shared/corpus/ant-jawhara.tar.gz] [--newslint .venv/bin/newslint]

Unpacks the tarball into a temporary folder, runs `newslint check --format
json` once over it, and prints numbers (nothing is asserted).
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tarball", default=str(ROOT.parent / "shared" / "corpus" / "ant-jawhara.tar.gz"))
    ap.add_argument("--newslint", default=shutil.which("newslint") or str(ROOT / ".venv" / "bin" / "newslint"))
    ap.add_argument("--extra", nargs=argparse.REMAINDER, default=[], help="more arguments for newslint check")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        with tarfile.open(args.tarball) as tar:
            tar.extractall(tmp)
        files = sum(1 for _ in Path(tmp).rglob("*.txt"))
        out = Path(tmp) / "report.json"
        start = time.perf_counter()
        proc = subprocess.run([args.newslint, "check", tmp, "--format", "json", "--output", str(out),
                               "--exit-zero", *args.extra], capture_output=True, text=True)
        seconds = time.perf_counter() - start
        if proc.returncode != 0:
            print(proc.stderr, file=sys.stderr)
            return 1
        report = json.loads(out.read_text(encoding="utf-8"))

    findings = report["findings"]
    by_cat = Counter(f["category"] for f in findings)
    files_by_cat = Counter()
    files_by_rule = Counter()
    per_file_cats, per_file_rules = {}, {}
    for f in findings:
        per_file_cats.setdefault(f["path"], set()).add(f["category"])
        per_file_rules.setdefault(f["path"], set()).add((f["code"], f["name"]))
    for cats in per_file_cats.values():
        files_by_cat.update(cats)
    for rules in per_file_rules.values():
        files_by_rule.update(rules)

    print(f"files: {files} (report: {report['summary']['files']}), errors: {len(report['errors'])}")
    print(f"seconds: {seconds:.2f} ({files / seconds:.0f} files/s) with {' '.join(args.extra) or 'defaults'}")
    print(f"findings: {len(findings)}, files with findings: {report['summary']['files_with_findings']}")
    print("\ncategory      findings  per file  files hit  % files")
    for cat, n in sorted(by_cat.items(), key=lambda kv: -kv[1]):
        print(f"{cat:<13} {n:>8}  {n / files:>8.3f}  {files_by_cat[cat]:>9}  {100 * files_by_cat[cat] / files:>6.2f}")
    print("\nrule                                 findings  files hit  % files")
    counts = Counter(f["code"] for f in findings)
    for (code, name), n in sorted(files_by_rule.items(), key=lambda kv: -kv[1]):
        print(f"{code} {name:<28} {counts[code]:>8}  {n:>9}  {100 * n / files:>6.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
