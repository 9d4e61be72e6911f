#!/usr/bin/env python3
"""Build the word-pair table rules/data/context/ar-pairs.bin (SPL008's evidence).

    python bench/build_context_table.py [--tarball ../shared/corpus/ant-jawhara.tar.gz]
        [--out rules/data/context/ar-pairs.bin] [--min-count 2]

Counts every word and every pair of adjacent words (`newslint.word_context.
tokens`: a gap of punctuation, digits or Latin breaks a pair) in every line
of the articles of the `tune` half of the corpus (bench/heldout's split by
file name: the `report` half is never read, so the held-out figures of
SPL008 are measured on text the table has not seen), keeps those seen at
least --min-count times and writes them as a lexicon table (format:
newslint/word_context.py). Same corpus, same bytes.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tarfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from heldout.articles import half_of, read_corpus  # noqa: E402  (the package next to this script)

from newslint.lexicon import encode_table  # noqa: E402
from newslint.word_context import encode_count, pair_key, tokens  # noqa: E402

DEFAULT_TARBALL = ROOT.parent / "shared" / "corpus" / "ant-jawhara.tar.gz"
DEFAULT_OUT = ROOT / "rules" / "data" / "context" / "ar-pairs.bin"
BUILD_HALF = "tune"
MIN_COUNT = 2


def count_lines(lines) -> tuple[Counter, Counter]:
    words, pairs = Counter(), Counter()
    for line in lines:
        previous = None
        for _, _, word in tokens(line):
            if word is not None:
                words[word] += 1
                if previous is not None:
                    pairs[pair_key(previous, word)] += 1
            previous = word
    return words, pairs


def build(texts, min_count: int) -> tuple[bytes, dict]:
    words, pairs = count_lines(line for text in texts for line in text.split("\n"))
    kept = {form: count for counter in (words, pairs) for form, count in counter.items() if count >= min_count}
    data = encode_table((form, encode_count(count)) for form, count in kept.items())
    stats = {"words_seen": sum(words.values()), "forms": sum(1 for f in kept if " " not in f),
             "pairs": sum(1 for f in kept if " " in f), "min_count": min_count, "bytes": len(data),
             "sha256": hashlib.sha256(data).hexdigest()}
    return data, stats


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tarball", type=Path, default=DEFAULT_TARBALL)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--min-count", type=int, default=MIN_COUNT)
    args = ap.parse_args(argv)
    try:
        articles = [a for a in read_corpus(str(args.tarball)) if half_of(a.name) == BUILD_HALF]
    except (OSError, tarfile.TarError, EOFError) as exc:
        print(f"build_context_table: cannot read {args.tarball}: {exc}", file=sys.stderr)
        return 2
    data, stats = build((a.text for a in articles), args.min_count)
    stats.update(articles=len(articles), half=BUILD_HALF, corpus=args.tarball.name, licence="Apache-2.0")
    try:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_bytes(data)
        args.out.with_suffix(".json").write_text(json.dumps(stats, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    except OSError as exc:
        print(f"build_context_table: cannot write {args.out}: {exc.strerror}", file=sys.stderr)
        return 2
    print(f"wrote {args.out}: {stats['forms']} words and {stats['pairs']} pairs seen {args.min_count}+ times "
          f"in {stats['articles']} {BUILD_HALF} articles, {stats['bytes']} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
