#!/usr/bin/env python3
"""Everyday orthographic errors, one a sentence, in the clean articles of other regions.

    python bench/clean_sentences.py [--sets a,b] [--seed 11] [--show CLASS]

Issue 12 measured newslint on real sentences that each carry one everyday
error (a hamza seat, ة written ه, ى/ي, a missing madda, ض/ظ, ذ written
د). This probe builds the same kind of set from the clean-region articles
(`bench/clean_regions/`, other regions than the corpus): every sentence of
five words or more of their bodies is linted alone, as it is (false alarms
of the spelling rules per sentence), then, for each class, once with one
error put into a word drawn at random (seeded) among the sentence's words
that the class can change. A sentence counts as found when a spelling
finding overlaps the changed word. The spelling rules run in one process
(their `check`, default options), like `bench/rule_costs.py`.

It prints recall per class and false alarms per sentence; `--show CLASS`
lists the misses of one class. Nothing is asserted. Set C was never looked
at while tuning (bench/clean_regions/README.md): report on it.

It also lints, one a file, the 120 sentences of
`bench/clean_regions/ali-names.txt`, each naming an Ali (علي) somewhere a
name stands, and counts the spelling findings on that name: every one is a
false alarm of the على/علي evidence (`--show names` lists them).
"""
from __future__ import annotations

import argparse
import random
import re
import tarfile
import tempfile
from pathlib import Path

from newslint.config import Config
from newslint.document import Document
from newslint.engine import LintPlan
from newslint.plugins import load_registry

ROOT = Path(__file__).resolve().parent.parent
SETS = ROOT / "bench" / "clean_regions"
WORD = re.compile("[\u0621-\u064a]+")
SENTENCE_END = re.compile(r"(?<=[.!؟])\s+")
SWAPS = {"hamza": (("أ", "ا"), ("إ", "ا"), ("ؤ", "و"), ("ئ", "ي")), "madda": (("آ", "ا"),),
         "dad-zah": (("ض", "ظ"), ("ظ", "ض")), "dal-dhal": (("ذ", "د"),)}
CLASSES = ("hamza", "ta-marbuta", "alif-maqsura", "madda", "dad-zah", "dal-dhal")


def corruptions(cls: str, word: str) -> list[str]:
    """The misspellings of `word` that the class makes."""
    if cls == "alif-maqsura":
        return [word[:-1] + "ي"] if word.endswith("ى") else []
    if cls == "ta-marbuta":
        return [word[:-1] + "ه"] if word.endswith("ة") else []
    return [word[:at] + new + word[at + 1:] for old, new in SWAPS[cls] for at, letter in enumerate(word)
            if letter == old]


def sentences(sets: list[str]) -> list[str]:
    """The body sentences of five words or more of the chosen sets."""
    found = []
    with tempfile.TemporaryDirectory() as tmp:
        for name in sets:
            with tarfile.open(SETS / f"set-{name}.tar.gz") as tar:
                tar.extractall(Path(tmp) / name)
        for path in sorted(Path(tmp).rglob("*.txt")):
            for line in path.read_text(encoding="utf-8").split("\n")[2:]:
                if line and not line.startswith("المصدر"):
                    found.extend(s for s in SENTENCE_END.split(line) if len(s.split()) >= 5)
    return found


class SpellingRules:
    def __init__(self):
        plan = LintPlan.build(load_registry(), Config(None, ROOT, {}))
        self.rules = [(rule, options) for rule, options, _ in plan.document_rules if rule.category == "spelling"]

    def findings(self, text: str) -> list:
        doc = Document("sentence.txt", text.encode("utf-8"))
        return [found for rule, options in self.rules for found in rule.check(doc, options)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", default="a,b,c")
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--show", choices=(*CLASSES, "names"), help="list the misses of this class, or the false "
                    "alarms on the names")
    args = ap.parse_args()

    rules = SpellingRules()
    texts = sentences(args.sets.split(","))
    alarms = sum(len(rules.findings(text + "\n")) for text in texts)
    print(f"sets {args.sets}: {len(texts)} sentences, {alarms} spelling findings on them as written "
          f"({alarms / len(texts):.3f} a sentence)")
    rng = random.Random(args.seed)
    for cls in CLASSES:
        tried = found = 0
        for text in texts:
            candidates = [(m, new) for m in WORD.finditer(text) if len(m.group()) >= 3
                          for new in corruptions(cls, m.group())]
            if not candidates:
                continue
            match, new = rng.choice(candidates)
            changed = text[:match.start()] + new + text[match.end():]
            tried += 1
            if any(f.line == 1 and f.column <= match.start() + len(new) and f.end_column > match.start() + 1
                   for f in rules.findings(changed + "\n")):
                found += 1
            elif args.show == cls:
                print(f"  missed {match.group()} -> {new}: {changed[max(0, match.start() - 40):match.end() + 40]}")
        print(f"{cls:14} {found:4}/{tried:<4} {found / max(1, tried):.3f}")
    names = (SETS / "ali-names.txt").read_text(encoding="utf-8").split("\n")
    names = [line for line in names if line]
    alarms = 0
    for line in names:
        for f in rules.findings(line + "\n"):
            if line[f.column - 1:f.end_column - 1].endswith("علي"):
                alarms += 1
                if args.show == "names":
                    print(f"  false alarm: {line[max(0, f.column - 40):f.end_column + 30]}")
    print(f"names: {alarms} findings on علي in {len(names)} sentences that name an Ali (all false)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
