#!/usr/bin/env python3
"""Recall of TRN004 on paragraphs cut inside a word (a scraper's character limit).

    python bench/word_cuts.py [--half tune|report] [--seed 12] [--per-class 200]
        [--min-completion-count 10 ...] [--tarball ../shared/corpus/ant-jawhara.tar.gz]

bench/heldout.py cuts paragraphs between two words only. A scraper or a CMS
that clips text at a character count cuts inside a word as often as not
("... على حد تعبي"), and the end statistics cannot see such a stump: it is
not in the table and scores 0. This builds, from the chosen half (same split
as bench/heldout), `--per-class` copies of each of two classes and runs
TRN004 in-process on them:

- word-cut-mid: a body paragraph other than the last, cut inside a random
  Arabic word of 4+ letters of a sentence (1 to len-1 letters kept), the
  rest of the article kept;
- word-cut-end: the last body paragraph cut the same way, nothing after it;

and on the unmodified articles they came from (controls: TRN004 findings on
them are false alarms or real cuts of the corpus). For each
`--min-completion-count` (0 is the rule without the word-cut evidence) it
prints recall per class, overall, and control findings. Choose on `tune`,
report `report` once. Deterministic for a seed.
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from random import Random

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from heldout.articles import LETTERS, half_of, read_corpus  # noqa: E402  (the package next to this script)
from heldout.defects import mid_sentence_cuts  # noqa: E402

from newslint.document import Document  # noqa: E402
from newslint.rules.truncation.TRN004 import CutSentence  # noqa: E402

DEFAULT_TARBALL = ROOT.parent / "shared" / "corpus" / "ant-jawhara.tar.gz"
_WORD = re.compile(f"[{LETTERS}]{{4,}}")


def cut_inside_word(article, rng: Random, last: bool):
    """(text of the copy, 1-based line of the cut paragraph) or None."""
    paragraphs = article.paragraphs
    pool = paragraphs[-1:] if last else paragraphs[:-1]
    # words that end where mid_sentence_cuts allows a cut: inside a sentence, 2+ words on each side
    candidates = []
    for paragraph in pool:
        ends = set(mid_sentence_cuts(paragraph))
        candidates += [(paragraph, m) for m in _WORD.finditer(paragraph.text) if paragraph.start + m.end() in ends]
    if not candidates:
        return None
    paragraph, match = rng.choice(candidates)
    offset = paragraph.start + match.start() + rng.randint(1, len(match.group()) - 1)
    stop = len(article.text) if last else paragraph.end
    tail = "\n" if last else ""
    return article.text[:offset] + tail + article.text[stop:], paragraph.index + 1


def findings_on(rule, text: str, options: dict) -> set[int]:
    doc = Document("copy.txt", text.encode("utf-8"))
    return {f.line for f in rule.check(doc, options)}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--half", choices=("tune", "report"), default="report")
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--per-class", type=int, default=200)
    ap.add_argument("--min-completion-count", type=int, nargs="+", default=[0, 10])
    ap.add_argument("--min-score", type=float, default=1.0)
    ap.add_argument("--tarball", type=Path, default=DEFAULT_TARBALL)
    args = ap.parse_args(argv)

    articles = [a for a in read_corpus(str(args.tarball)) if half_of(a.name) == args.half]
    Random(args.seed).shuffle(articles)
    copies = {"word-cut-mid": [], "word-cut-end": []}
    controls = []
    pool = iter(articles)
    for cls in copies:
        for article in pool:
            if len(copies[cls]) == args.per_class:
                break
            made = cut_inside_word(article, Random(f"{args.seed}:{cls}:{article.name}"), cls.endswith("end"))
            if made is not None:
                copies[cls].append(made)
                controls.append(article.text)

    rule = CutSentence()
    print(f"word cuts: half={args.half} seed={args.seed}, {args.per_class} copies a class, "
          f"{len(controls)} controls (the same articles uncut), TRN004 min-score {args.min_score}")
    print(f"{'min-completion-count':>20}  " + "  ".join(f"{c:>12}" for c in copies) + "  control findings")
    for count in args.min_completion_count:
        options = dict(CutSentence.defaults(), **{"min-score": args.min_score, "min-completion-count": count})
        recalls = [sum(line in findings_on(rule, text, options) for text, line in made) / len(made)
                   for made in copies.values()]
        false = sum(len(findings_on(rule, text, options)) for text in controls)
        print(f"{count:>20}  " + "  ".join(f"{r:>12.3f}" for r in recalls) + f"  {false:>5}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
