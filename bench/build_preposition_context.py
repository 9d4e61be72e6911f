#!/usr/bin/env python3
"""Build the preposition-context table from the tune half of the corpus.

    python bench/build_preposition_context.py [--tarball ../shared/corpus/ant-jawhara.tar.gz]
        [--out rules/data/preposition_context.tsv] [--min-count 3]

Counts, over the headlines and body paragraphs of the `tune` half (the split
of bench/heldout, so the `report` half stays unseen), which word follows and
which precedes each of the prepositions spelled with a final ى (على, إلى, لدى) and each of their
look-alikes spelled with ي (علي the name, إلي/الي, لدي "I have"). SPL006 reads
it to tell "علي متن الطائرة" (the preposition misspelled: على متن 40 times,
علي متن never) from "علي العريض" (the name: على العريض never). The words
that follow a preposition are the language's collocations (على متن, على
مستوى, إلى جانب), not one site's habits; the names that follow علي are the
site's own, and they only ever lower the evidence.

Output: a header line, then `after<TAB>form<TAB>next word<TAB>count` and
`before<TAB>form<TAB>previous word<TAB>count` for pairs seen at least
--min-count times (only spaces between the two words; every pair of a
look-alike, since each one weighs against the preposition), words normalised as `newslint.lexicon.normalise`
does (no harakat, no tatweel). Apache-2.0, like the corpus (attribution in
rules/data/README.md).
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from heldout.articles import half_of, read_corpus  # noqa: E402  (the package next to this script)

from newslint.lexicon import normalise  # noqa: E402
from newslint.rules.spelling._context import FORMS, HEADER, LOOKALIKES  # noqa: E402

BUILD_HALF = "tune"
DEFAULT_TARBALL = ROOT.parent / "shared" / "corpus" / "ant-jawhara.tar.gz"
DEFAULT_OUT = ROOT / "rules" / "data" / "preposition_context.tsv"
WORD = re.compile("[\u0621-\u064a\u064b-\u065f\u0640\u0670]+")
# و is a conjunction before these only: والي is the governor, ولدي "my son".
_CONJOINED = frozenset({"على", "علي", "إلى", "الى"})
# Anything but letters, marks and spaces between two words breaks the phrase.
PHRASE_BREAK = re.compile("[^\u0621-\u064a\u064b-\u065f\u0640\u0670\\s]+")


def count_pairs(texts) -> Counter:
    """(side, form, neighbour) -> count for the forms of FORMS: the word
    after them (side "after") and the word before them ("before"), when
    only spaces stand between (a comma ends the phrase: "الحاج علي، أن").
    وعلى / وعلي / وإلى / والى count as على / علي / إلى / الى (والي, the
    governor, and ولدي, my son, are words of their own)."""
    pairs = Counter()
    for text in texts:
        for line in text.split("\n"):
            for phrase in PHRASE_BREAK.split(line):
                words = [normalise(w) for w in WORD.findall(phrase)]
                for index, word in enumerate(words):
                    form = word[1:] if word[:1] == "و" and word[1:] in _CONJOINED else word
                    if form not in FORMS:
                        continue
                    if index + 1 < len(words):
                        pairs["after", form, words[index + 1]] += 1
                    if index > 0 and form == word:
                        pairs["before", form, words[index - 1]] += 1
    return pairs


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tarball", default=str(DEFAULT_TARBALL))
    ap.add_argument("--out", default=str(DEFAULT_OUT))
    ap.add_argument("--min-count", type=int, default=3)
    args = ap.parse_args()
    articles = [a for a in read_corpus(args.tarball) if half_of(a.name) == BUILD_HALF]
    texts = [line.text for a in articles for line in ([a.title] if a.title else []) + a.paragraphs]
    pairs = count_pairs(texts)
    # the look-alikes' rows are few and every one counts against the preposition: all are kept
    rows = sorted((*key, n) for key, n in pairs.items() if n >= args.min_count or key[1] in LOOKALIKES)
    with open(args.out, "w", encoding="utf-8", newline="\n") as out:
        out.write(f"{HEADER}\t{len(articles)} articles of the {BUILD_HALF} half, pairs seen >= {args.min_count}\n")
        for side, form, neighbour, n in rows:
            out.write(f"{side}\t{form}\t{neighbour}\t{n}\n")
    print(f"{len(rows)} pairs from {len(articles)} articles -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
