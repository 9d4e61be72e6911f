#!/usr/bin/env python3
"""Compare the findings of two newslint builds on the same files.

    python bench/same_report.py run --newslint .venv/bin/newslint --out before.json [PATH ...]
    python bench/same_report.py compare before.json after.json

`run` lints PATHs (default: ../shared/seeds and the unpacked corpus
../shared/corpus/ant-jawhara.tar.gz) with every rule, opt-in ones too, no
cache, and writes one JSON file of findings with the paths made relative to
each PATH. `compare` prints how many findings the two files share and lists
each finding only one of them has (at most --show). It is how a refactoring
shows that behaviour did not change: the count of differing findings is the
number to report. Nothing is asserted; the exit code is 1 when they differ.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tarfile
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
KEYS = ("path", "code", "severity", "line", "column", "end_line", "end_column", "message")


def _rule_codes(newslint: str) -> list[str]:
    rows = json.loads(subprocess.run([newslint, "rules", "--format", "json"], capture_output=True,
                                     text=True, check=True).stdout)
    return [r["code"] for r in rows]


def _lint(newslint: str, folder: Path, codes: list[str]) -> list[dict]:
    proc = subprocess.run([newslint, "check", str(folder), "--format", "json", "--exit-zero", "--no-cache",
                           "--isolated", "--select", ",".join(codes)], capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"newslint failed on {folder}: {proc.stderr.strip()}")
    report = json.loads(proc.stdout)
    out = []
    # batch findings name the first copy by its path: make it relative too,
    # or every run in a new temp folder differs from the last
    prefix = str(folder.resolve()) + "/"
    for f in report["findings"]:
        row = {k: f[k] for k in KEYS}
        row["message"] = row["message"].replace(prefix, "").replace(str(folder) + "/", "")
        row["path"] = str(Path(f["path"]).resolve().relative_to(folder.resolve()))
        out.append(row)
    for e in report.get("errors", []):
        out.append({"path": str(Path(e["path"]).resolve().relative_to(folder.resolve())), "code": "ERROR",
                    "message": e["message"]})
    return out


def run(args) -> int:
    codes = _rule_codes(args.newslint)
    result = {}
    with tempfile.TemporaryDirectory() as tmp:
        paths = [Path(p) for p in args.paths]
        if not paths:
            corpus = Path(tmp) / "corpus"
            with tarfile.open(SHARED / "corpus" / "ant-jawhara.tar.gz") as tar:
                tar.extractall(corpus, filter="data")
            paths = [SHARED / "seeds", corpus]
        for folder in paths:
            result[folder.name] = _lint(args.newslint, folder, codes)
    Path(args.out).write_text(json.dumps(result, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    print(f"{args.out}: " + ", ".join(f"{name} {len(rows)} findings" for name, rows in result.items()))
    return 0


def _as_counter(rows: list[dict]) -> Counter:
    return Counter(json.dumps(r, ensure_ascii=False, sort_keys=True) for r in rows)


def compare(args) -> int:
    before = json.loads(Path(args.before).read_text(encoding="utf-8"))
    after = json.loads(Path(args.after).read_text(encoding="utf-8"))
    differing = 0
    for name in sorted(set(before) | set(after)):
        a, b = _as_counter(before.get(name, [])), _as_counter(after.get(name, []))
        gone, new = a - b, b - a
        differing += sum(gone.values()) + sum(new.values())
        print(f"{name}: {sum((a & b).values())} shared, {sum(gone.values())} only before, "
              f"{sum(new.values())} only after")
        for sign, rows in (("-", gone), ("+", new)):
            for row in sorted(rows)[:args.show]:
                print(f"  {sign} {row}")
    print(f"differing findings: {differing}")
    return 1 if differing else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="command", required=True)
    r = sub.add_parser("run")
    r.add_argument("--newslint", default=str(ROOT / ".venv" / "bin" / "newslint"))
    r.add_argument("--out", required=True)
    r.add_argument("paths", nargs="*")
    c = sub.add_parser("compare")
    c.add_argument("before")
    c.add_argument("after")
    c.add_argument("--show", type=int, default=20)
    args = ap.parse_args()
    return run(args) if args.command == "run" else compare(args)


if __name__ == "__main__":
    sys.exit(main())
