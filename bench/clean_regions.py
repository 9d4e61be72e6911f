#!/usr/bin/env python3
"""Clean articles of other regions: every mission finding on them is a false alarm.

    python bench/clean_regions.py [--sets a,b,c] [--show] [--heldout SEEDS] [--newslint CMD]

Each set (bench/clean_regions/set-a.tar.gz, set-b, set-c) holds 40 news
articles in Modern Standard Arabic, four invented sites of ten, one folder
each, written by a helper who did not read newslint's code or docs, in
another region's style than the corpus (Tunisia): A the Gulf, Egypt (in
Eastern Arabic digits), the Levant and technology; B the Maghreb, Iraq,
sport and health; C Sudan and Yemen, culture, economy and world news. Their
orthography was checked word by word by their writers; they carry the
things that trip a linter and are not defects: names of every origin,
honorific chains ("ولي ولي العهد"), legitimate repetitions, brand names
with digits, spelled-out acronyms, adjectives of relation, pronouns on
nouns. Layout: headline, blank line, body paragraphs, blank line,
"المصدر: <site>". bench/clean_regions/README.md says how they were made
and which was looked at when.

Printed, per set: files, mission findings (every category but whitespace,
encoding and duplicate) and per file, by rule; `--show` lists each with its
line. `--heldout 1,2,3` also runs bench/heldout.py on the three sets
together (`--tarball`, both halves, two copies a class and seed, ten
controls): recall per class on text that is not the corpus's. Nothing is
asserted.
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent / "clean_regions"
sys.path.insert(0, str(HERE.parent))
from furniture_blind import findings_of  # noqa: E402  (the scripts next to this one)
from heldout.scoring import NOT_MISSION  # noqa: E402


def mission_findings(newslint: list[str], folder: Path) -> list[dict]:
    return [f for fs in findings_of(newslint, folder).values() for f in fs if f["category"] not in NOT_MISSION]


def line_of(folder: Path, finding: dict) -> str:
    lines = (folder / finding["path"]).read_text(encoding="utf-8").split("\n")
    text = lines[finding["line"] - 1]
    start = max(0, finding["column"] - 30)
    return text[start:finding["column"] + 50]


def heldout(newslint: str, sets: list[str], seeds: list[int], work: Path) -> None:
    """bench/heldout.py on the sets together, both halves, every seed."""
    pool = work / "pool"
    for name in sets:
        with tarfile.open(HERE / f"set-{name}.tar.gz") as tar:
            tar.extractall(pool)
    tarball = work / "pool.tar.gz"
    with tarfile.open(tarball, "w:gz") as tar:
        tar.add(pool, arcname=".")
    found, total, codes = Counter(), Counter(), {}
    controls = mission = 0
    for half in ("tune", "report"):
        for seed in seeds:
            proc = subprocess.run([sys.executable, str(ROOT / "bench" / "heldout.py"), "--tarball", str(tarball),
                                   "--half", half, "--seed", str(seed), "--per-class", "2", "--controls", "10",
                                   "--sites", "1", "--per-site", "0", "--json", "--newslint", newslint],
                                  capture_output=True, text=True)
            if proc.returncode != 0:
                raise SystemExit(f"bench/heldout.py failed: {proc.stderr.strip()[:300]}")
            data = json.loads(proc.stdout)
            for row in data["classes"]:
                total[row["class"]] += row["n"]
                found[row["class"]] += row["found"]
                codes.setdefault(row["class"], Counter()).update(row["codes"])
            controls += data["controls"]["files"]
            mission += data["controls"]["mission_findings"]
    print(f"\nheld-out harness on sets {','.join(sets)} (both halves, seeds {','.join(map(str, seeds))}):")
    print(f"{'class':26} {'found':>9} recall  found by")
    for cls in total:
        by = " ".join(f"{code}:{n}" for code, n in codes[cls].most_common())
        print(f"{cls:26} {found[cls]:4}/{total[cls]:<4} {found[cls] / total[cls]:6.2f}  {by}")
    per = f"{mission / controls:.3f}" if controls else "-"
    print(f"controls: {controls} files (articles reused across seeds), {mission} mission findings, {per} a file")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", default="a,b,c")
    ap.add_argument("--newslint", default=shutil.which("newslint") or str(ROOT / ".venv" / "bin" / "newslint"),
                    help="the command (split on spaces), e.g. 'python -m newslint'")
    ap.add_argument("--show", action="store_true", help="list every finding with its line")
    ap.add_argument("--heldout", metavar="SEEDS", help="also run the held-out harness on the sets, e.g. 1,2,3")
    args = ap.parse_args()
    newslint = args.newslint.split()
    sets = args.sets.split(",")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        grand = Counter()
        for name in sets:
            folder = work / f"set-{name}"
            with tarfile.open(HERE / f"set-{name}.tar.gz") as tar:
                tar.extractall(folder)
            files = len(list(folder.rglob("*.txt")))
            found = mission_findings(newslint, folder)
            by_code = Counter(f["code"] for f in found)
            grand.update(by_code)
            print(f"set {name.upper()}: {files} files, {len(found)} mission findings ({len(found) / files:.3f} a file)"
                  + (": " + " ".join(f"{c}:{n}" for c, n in by_code.most_common()) if found else ""))
            if args.show:
                for f in found:
                    print(f"  {f['path']}:{f['line']}:{f['column']} {f['code']} | {line_of(folder, f)}")
        if len(sets) > 1:
            print(f"all: {sum(grand.values())} mission findings")
        if args.heldout:
            heldout(args.newslint, sets, [int(s) for s in args.heldout.split(",")], work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
