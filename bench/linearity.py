#!/usr/bin/env python3
"""Time against input size on hostile inputs, at doubling sizes.

    python bench/linearity.py [--start 8000] [--steps 5] [--per-rule] [--input NAME ...]

For each hostile input of tests/hostile.py, lints it (in-process, every rule
including the opt-in ones) at sizes start, 2*start, 4*start, ... and prints
the best-of-3 time at each size and the ratio between successive sizes. A
linear step has a ratio near 2; a quadratic one near 4. With --per-rule,
the Document build (decoding, lines, zones) and each rule alone are timed
too, which is how a slow rule is found. Rows whose largest ratio passes 3
are marked "<-". Nothing is asserted; stop a row once a run passes
--cap seconds.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from hostile import HOSTILE, as_bytes, best_time  # noqa: E402

from newslint.config import Config  # noqa: E402
from newslint.document import Document  # noqa: E402
from newslint.engine import LintPlan, check_document  # noqa: E402
from newslint.plugins import load_registry  # noqa: E402

MARK_RATIO = 3.0


def all_rules_plan(registry, select=None) -> LintPlan:
    """A plan with `select`, or every rule, the opt-in ones included."""
    if select is None:
        select = ["ALL"] + [r.code for r in registry.rules if r.opt_in]
    return LintPlan.build(registry, Config(None, ROOT, {}), select=select)


def timers(registry, per_rule: bool) -> list[tuple[str, object]]:
    """(label, make(data) -> callable to time) for each row of one input."""
    plan = all_rules_plan(registry)
    rows = [("all rules", lambda data: lambda: check_document(Document("a.txt", data), plan))]
    if not per_rule:
        return rows
    rows.append(("document+zones", lambda data: lambda: Document("a.txt", data).zones))
    for rule in plan.rules:
        if rule.code in {r.code for r in plan.batch_rules}:
            continue
        rows.append((rule.code, _one_rule(registry, rule.code)))
    return rows


def _one_rule(registry, code: str):
    plan = all_rules_plan(registry, [code])

    def make(data):
        doc = Document("a.txt", data)
        _ = doc.zones  # built outside the timed part: the document+zones row has it
        return lambda: check_document(doc, plan)
    return make


def row_times(make, text: str, sizes: list[int], cap: float, gen) -> list[float | None]:
    out: list[float | None] = []
    for n in sizes:
        if out and (out[-1] is None or out[-1] > cap):
            out.append(None)
            continue
        out.append(best_time(make(as_bytes(gen(n)))))
    return out


def ratios(times: list[float | None]) -> list[float | None]:
    return [b / a if a and b and a > 1e-4 else None for a, b in zip(times, times[1:])]


def fmt_time(t: float | None) -> str:
    return "       -" if t is None else f"{t * 1000:8.1f}"


def fmt_ratio(r: float | None) -> str:
    return "    -" if r is None else f"{r:5.2f}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--start", type=int, default=8000, help="smallest size (about characters)")
    ap.add_argument("--steps", type=int, default=5, help="number of sizes (each twice the last)")
    ap.add_argument("--per-rule", action="store_true", help="also time the document build and each rule")
    ap.add_argument("--input", nargs="*", choices=sorted(HOSTILE), help="only these inputs")
    ap.add_argument("--cap", type=float, default=5.0, help="stop a row after a run longer than this (s)")
    args = ap.parse_args()

    registry = load_registry()
    sizes = [args.start * 2 ** k for k in range(args.steps)]
    rows = timers(registry, args.per_rule)
    head = f"{'input':<24} {'what':<15}" + "".join(f"{'n=' + str(n):>9}" for n in sizes)
    print(head + "   ratios (ms above)")
    for name in args.input or HOSTILE:
        gen = HOSTILE[name]
        for label, make in rows:
            times = row_times(make, name, sizes, args.cap, gen)
            rs = ratios(times)
            worst = max((r for r in rs if r is not None), default=0.0)
            mark = "  <-" if worst > MARK_RATIO else ""
            print(f"{name:<24} {label:<15}" + "".join(f" {fmt_time(t)}" for t in times)
                  + "   " + " ".join(fmt_ratio(r) for r in rs) + mark, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
