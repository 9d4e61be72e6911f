#!/usr/bin/env python3
"""Measurements and a sanity table for the Arabic lexicon (newslint/lexicon.py).

    python bench/lexicon_report.py [--repeat 5]

Prints, as Markdown: the table's size and form count; the cost of importing
newslint.lexicon; the time a fresh process takes to open the table and answer
its first lookup, cold (the file evicted from the page cache first, where the
OS allows it) and warm; lookups per second; then what best_variant says for
real misspellings, correct frequent words and proper names. A diagnostic:
nothing is asserted and no threshold is chosen here. Needs no wordfreq.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from newslint import lexicon

ROOT = Path(__file__).resolve().parent.parent
LEXICON_DIR = ROOT / "rules" / "data" / "lexicon"

MISSPELLINGS = ["اعلان", "الحكومه", "الان", "نضام", "كدلك", "إقرأ", "هذة", "إستخدام", "لدي", "الجانبي",
                "الاحداث", "إنتخابات", "اكثر", "ايضا", "المنضمة", "إجتماع", "مسئول", "الذى", "الرئييس", "الحكوةم"]
CORRECT = ["في", "من", "على", "إلى", "أن", "الذي", "التي", "هذا", "كان", "قال",
           "الحكومة", "الرئيس", "وزير", "الدولة", "اليوم", "أكثر", "بين", "والتي", "الاقتصاد", "الاستثمار"]
NAMES = ["محمد", "أحمد", "القاهرة", "بغداد", "الرياض", "ترامب", "أردوغان", "نتنياهو", "إسرائيل", "عمان"]
SWAP_KINDS = (lexicon.TA_MARBUTA, lexicon.ALIF_MAQSURA, lexicon.MADDA, lexicon.HAMZA, lexicon.DAD_ZAH,
              lexicon.DAL_DHAL)
CONTEXT = ["لدي", "لدى", "الخيول"]  # "لدي الخيول": only the context tells لدى (at) from لدي (I have)

_OPEN = ("import time; t = time.perf_counter(); import newslint.lexicon as L; t1 = time.perf_counter(); "
         "L.zipf('الأحداث'); t2 = time.perf_counter(); print(t1 - t, t2 - t1)")


def evict(path: Path) -> bool:
    """Drop a file's pages from the page cache (Linux); False where not possible."""
    if not hasattr(os, "posix_fadvise"):
        return False
    fd = os.open(path, os.O_RDONLY)
    try:
        os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
    finally:
        os.close(fd)
    return True


def fresh_process_times(repeat: int, cold: bool) -> tuple[float, float]:
    """Median (import, open + first lookup) seconds over `repeat` new
    processes; newslint itself is imported first so only the lexicon counts."""
    imports, opens = [], []
    for _ in range(repeat):
        if cold:
            evict(LEXICON_DIR / "ar.bin")
        out = subprocess.run([sys.executable, "-c", "import newslint; " + _OPEN], capture_output=True, text=True,
                             check=True).stdout.split()
        imports.append(float(out[0]))
        opens.append(float(out[1]))
    return statistics.median(imports), statistics.median(opens)


def rate(function, words: list[str]) -> float:
    start = time.perf_counter()
    for word in words:
        function(word)
    return len(words) / (time.perf_counter() - start)


def speed_lines() -> list[str]:
    sample = [variant for word in MISSPELLINGS + CORRECT for variant, _ in lexicon.variants(word)]
    present = sum(1 for word in sample if lexicon.zipf(word))
    table = lexicon.table()
    words = (MISSPELLINGS + CORRECT + NAMES) * 4
    per_word = len(sample) / len(MISSPELLINGS + CORRECT)
    letters = sum(map(len, MISSPELLINGS + CORRECT)) / len(MISSPELLINGS + CORRECT)
    return [f"- lookups: {rate(table.code, sample):,.0f}/s on normalised forms, {rate(lexicon.zipf, sample):,.0f}/s "
            f"through zipf() ({len(sample)} variants of the words below, {present} present)",
            f"- best_variant: {rate(lexicon.best_variant, words):,.0f} words/s (default kinds; {per_word:.0f} "
            f"variants per word of {letters:.1f} letters on average, 36 per position are dropped-letter insertions)",
            f"- best_variant, letter-for-letter kinds only ({', '.join(SWAP_KINDS)}): "
            f"{rate(lambda word: lexicon.best_variant(word, kinds=SWAP_KINDS), words):,.0f} words/s"]


def sanity_rows(title: str, words: list[str]) -> list[str]:
    rows = [f"\n**{title}**\n", "| word | zipf | best variant | zipf | ratio | kind |", "|---|---|---|---|---|---|"]
    for word in words:
        found = lexicon.best_variant(word)
        if found is None:
            rows.append(f"| {word} | {lexicon.zipf(word):.2f} | — | | | |")
        else:
            rows.append(f"| {word} | {lexicon.zipf(word):.2f} | {found.variant} | {lexicon.zipf(found.variant):.2f} "
                        f"| {found.ratio:,.1f} | {found.kind} |")
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="fresh processes per load measurement")
    args = parser.parse_args(argv)
    sidecar = json.loads((LEXICON_DIR / "ar.json").read_text(encoding="utf-8"))
    source = sidecar["source"]
    lines = [f"- table: {sidecar['bytes']:,} bytes, {sidecar['forms']:,} forms "
             f"({source['name']} {source['version']}, {source['language']}/{source['wordlist']}, "
             f"zipf floor {sidecar['zipf_floor']})"]
    for label, cold in (("cold", True), ("warm", False)):
        if cold and not evict(LEXICON_DIR / "ar.bin"):
            lines.append("- cold: not measured (no posix_fadvise here)")
            continue
        imported, opened = fresh_process_times(args.repeat, cold)
        lines.append(f"- {label}, fresh process (median of {args.repeat}): import newslint.lexicon "
                     f"{imported * 1e3:.1f} ms, open the table + first lookup {opened * 1e3:.1f} ms")
    lines += speed_lines()
    lines += sanity_rows("Misspellings", MISSPELLINGS)
    lines += sanity_rows("Correct frequent words", CORRECT)
    lines += sanity_rows("Proper names", NAMES)
    lines.append("\n**Context (لدي الخيول)**: " + ", ".join(f"{w} {lexicon.zipf(w):.2f}" for w in CONTEXT))
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
