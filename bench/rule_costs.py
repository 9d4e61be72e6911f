#!/usr/bin/env python3
"""CPU seconds per rule on a folder of articles, in one process.

    python bench/rule_costs.py [FOLDER] [--limit N] [--top 15]

Reads and parses every `.txt` file under FOLDER (default: the unpacked
corpus at /tmp/corpus), then times, with `time.process_time`, building the
documents, their zones, and each default rule over all documents (rule by
rule, as `engine.check_documents` runs them), and the batch rules' sketches.
Prints one row per step, most expensive first, and the total. Nothing is
asserted: this is how the next slow step is found.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from newslint.config import Config
from newslint.document import Document
from newslint.engine import LintPlan
from newslint.plugins import load_registry

ROOT = Path(__file__).resolve().parent.parent


def timed(fn) -> float:
    start = time.process_time()
    fn()
    return time.process_time() - start


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", default="/tmp/corpus")
    ap.add_argument("--limit", type=int, default=0, help="only the first N files (sorted)")
    ap.add_argument("--top", type=int, default=15, help="rows to print")
    ap.add_argument("--rules", default="", help="only these document rules, comma-separated (e.g. SPL007): each "
                    "then starts from the process's cold caches, as in a real run, instead of from the caches "
                    "the rules before it filled")
    args = ap.parse_args()
    only = {code for code in args.rules.split(",") if code}

    paths = sorted(Path(args.folder).rglob("*.txt"))
    if args.limit:
        paths = paths[: args.limit]
    blobs = [(str(p), p.read_bytes()) for p in paths]
    registry = load_registry()
    plan = LintPlan.build(registry, Config(None, ROOT, {}))
    docs: list = []
    rows = [("document", timed(lambda: docs.extend(Document(p, b) for p, b in blobs)))]
    rows.append(("zones", timed(lambda: [d.zones for d in docs])))
    for rule, options, _severity in plan.document_rules:
        if only and rule.code not in only:
            continue

        def run(rule=rule, options=options):
            for doc in docs:
                if rule.needs_chars and not doc.has_rare(rule.needs_chars):
                    continue
                for _ in rule.check(doc, options):
                    pass
        rows.append((rule.code, timed(run)))
    for rule in [] if only else plan.batch_rules:
        options = plan.options[rule.code]
        rows.append((rule.code + " sketch", timed(lambda rule=rule, options=options:
                                                  [rule.sketch(d, options) for d in docs])))
    total = sum(t for _, t in rows)
    print(f"{len(docs)} documents; {total:.2f} s CPU in all")
    for label, t in sorted(rows, key=lambda r: -r[1])[: args.top]:
        print(f"{label:<16} {t:7.2f} s  {100 * t / total:5.1f} %")
    return 0


if __name__ == "__main__":
    sys.exit(main())
