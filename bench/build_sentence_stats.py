#!/usr/bin/env python3
"""Build the sentence-end statistics table from the tune half of the corpus.

    python bench/build_sentence_stats.py [--tarball ../shared/corpus/ant-jawhara.tar.gz]
        [--out rules/data/sentence_stats/sentence_stats.tsv.gz] [--min-count 5] [--diagnose [--seed 12]]

Counts, for every word form of the body paragraphs of the `tune` half (the
split of bench/heldout, so the `report` half stays unseen), how often it is
the last word before sentence-final punctuation versus followed by another
word of its sentence, and how often it is the first word after such
punctuation versus preceded by another word of its sentence. Writes the
smoothed, quantised log-odds (see rules/data/sentence_stats/README.md).
--diagnose then prints how well end_logodds separates real sentence ends
from random mid-sentence cuts on the `report` half (nothing is tuned on it).
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import math
import sys
import tarfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from random import Random
from typing import Iterable, Sequence

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from heldout.articles import Article, half_of, read_corpus  # noqa: E402  (the package next to this script)
from heldout.defects import mid_sentence_cuts  # noqa: E402

from newslint.sentence_stats import (  # noqa: E402
    COLUMNS, FORMAT, WORD, SentenceStats, decode_table, is_sentence_end, normalise,
)

BUILD_HALF = "tune"
DIAGNOSE_HALF = "report"
# A form must be seen this often to get a row. Below 5 uses the prior
# decides anyway: with no sentence end a form stays within 0.15 of 0, and a
# single end lifts it to about +0.6 on one event. Forms seen 1-4 times are
# three quarters of the forms but 12 % of the words of the tune half;
# without them the table is four times smaller and their words score 0 ("no
# evidence"), about what the prior gives them.
MIN_COUNT = 5
# Beta prior on a form's rate, centred on the corpus-wide rate p0 of the
# event and worth one pseudo-event: Beta(1, 1/p0 - 1). Sentence ends are
# rare (p0 about 3 %), so a form's own counts weigh as much as the prior
# after about 1/p0 = 30 uses, and only a form seen hundreds of times
# without ending a sentence gets a strongly negative score: a handful of
# chance events cannot make a rare word look final or never-final.
PRIOR_EVENTS = 1.0
SCALE = 10      # log-odds stored in tenths (natural log)
LIMIT = 127     # and clamped to +-12.7
DEFAULT_TARBALL = ROOT.parent / "shared" / "corpus" / "ant-jawhara.tar.gz"
DEFAULT_OUT = ROOT / "rules" / "data" / "sentence_stats" / "sentence_stats.tsv.gz"


class BuildError(Exception):
    """Bad input: printed as one line, exit 2."""


# ------------------------------------------------------------ counting

@dataclass(frozen=True)
class Word:
    form: str       # normalised
    ends: bool      # the gap after it ends a sentence


def words_of(text: str) -> list[Word]:
    """The words of a paragraph, each with whether the text after it (up
    to the next word, or to the end) ends a sentence. Matches that are only
    marks (a lone tatweel) are not words; their text joins the gap."""
    matches = [m for m in WORD.finditer(text) if normalise(m.group())]
    forms = [normalise(m.group()) for m in matches]
    gaps = [text[m.end():stop] for m, stop in zip(matches, [m.start() for m in matches[1:]] + [len(text)])]
    afters = forms[1:] + [None]
    return [Word(form, is_sentence_end(gap) and not abbreviation_dot(form, gap, after))
            for form, gap, after in zip(forms, gaps, afters)]


def abbreviation_dot(before: str, gap: str, after: str | None) -> bool:
    """A dot glued to the words on both sides is inside an abbreviation or
    an address ("سي.إن.إن", "د.ب.أ", "م.د", "www.example.tn"), unless both
    sides are longer non-Latin words: "تونس.وأوضح" is two sentences the
    scrape glued together."""
    if gap != "." or after is None:
        return False
    return min(len(before), len(after)) <= 2 or _latin(before) or _latin(after)


def _latin(form: str) -> bool:
    return "a" <= form[0] <= "z" or "\u00e0" <= form[0] <= "\u024f"


@dataclass
class Counts:
    """Events per form. Only explicit punctuation counts: a paragraph that
    stops without sentence-final punctuation says nothing about its last
    word, and a paragraph's first word is a sentence start only if the
    paragraph before it ended with such punctuation."""

    seen: Counter = field(default_factory=Counter)
    ends: Counter = field(default_factory=Counter)
    not_ends: Counter = field(default_factory=Counter)
    starts: Counter = field(default_factory=Counter)
    not_starts: Counter = field(default_factory=Counter)
    articles: int = 0
    paragraphs: int = 0

    def add_article(self, paragraphs: Sequence[str]) -> None:
        self.articles += 1
        previous_ended = False
        for text in paragraphs:
            words = words_of(text)
            self.paragraphs += 1
            if words:
                self._add_paragraph(words, previous_ended)
            previous_ended = bool(words) and words[-1].ends

    def _add_paragraph(self, words: list[Word], previous_ended: bool) -> None:
        self.seen.update(w.form for w in words)
        if previous_ended:
            self.starts[words[0].form] += 1
        for word, after in zip(words, words[1:]):
            if word.ends:
                self.ends[word.form] += 1
                self.starts[after.form] += 1
            else:
                self.not_ends[word.form] += 1
                self.not_starts[after.form] += 1
        if words[-1].ends:
            self.ends[words[-1].form] += 1

    def totals(self) -> dict:
        names = ("seen", "ends", "not_ends", "starts", "not_starts")
        return {name: sum(getattr(self, name).values()) for name in names}


def count_articles(bodies: Iterable[Sequence[str]]) -> Counts:
    """Counts over articles, each given as its body paragraphs."""
    counts = Counts()
    for paragraphs in bodies:
        counts.add_article(paragraphs)
    return counts


# ------------------------------------------------------------ the table

def smoothed_logodds(hits: int, misses: int, base_rate: float) -> float:
    """log-odds of a form's rate under the Beta prior, minus those of the
    base rate: the log likelihood ratio log P(form | event) / P(form | no event)."""
    rate = (hits + PRIOR_EVENTS) / (hits + misses + PRIOR_EVENTS / base_rate)
    return math.log(rate / (1 - rate)) - math.log(base_rate / (1 - base_rate))


def quantise(value: float) -> int:
    return max(-LIMIT, min(LIMIT, round(value * SCALE)))


def base_rate(hits: int, misses: int) -> float:
    if not hits or not misses:
        raise BuildError("the corpus half has no sentence-final punctuation to learn from (or nothing else)")
    return hits / (hits + misses)


def table_rows(counts: Counts, min_count: int) -> list[tuple]:
    """One row per form seen at least min_count times, sorted by form."""
    totals = counts.totals()
    end_rate = base_rate(totals["ends"], totals["not_ends"])
    start_rate = base_rate(totals["starts"], totals["not_starts"])
    rows = []
    for form in sorted(f for f, n in counts.seen.items() if n >= min_count):
        e, ne, s, ns = counts.ends[form], counts.not_ends[form], counts.starts[form], counts.not_starts[form]
        rows.append((form, quantise(smoothed_logodds(e, ne, end_rate)), quantise(smoothed_logodds(s, ns, start_rate)),
                     e, ne, s, ns))
    return rows


def table_header(counts: Counts, rows: list[tuple], min_count: int, corpus: dict) -> dict:
    totals = counts.totals()
    return {
        "format": FORMAT, "columns": list(COLUMNS), "scale": SCALE,
        "corpus": corpus, "half": BUILD_HALF, "built_by": "bench/build_sentence_stats.py",
        "articles": counts.articles, "paragraphs": counts.paragraphs, "forms_seen": len(counts.seen),
        "forms_kept": len(rows), "min_count": min_count, "totals": totals,
        "prior": f"Beta({PRIOR_EVENTS:g}, {PRIOR_EVENTS:g}/p0 - {PRIOR_EVENTS:g}), p0 = base rate of the event",
        "base_rates": {"end": round(base_rate(totals["ends"], totals["not_ends"]), 6),
                       "start": round(base_rate(totals["starts"], totals["not_starts"]), 6)},
        "normalisation": "newslint.sentence_stats.normalise: harakat, tatweel and invisible marks removed "
                         "(a word-final tatweel kept as one); أ إ آ ٱ -> ا; digits -> 0; Latin lower-cased",
    }


def encode_table(header: dict, rows: list[tuple]) -> bytes:
    """The table file: gzip (no name, no time stamp) of a JSON header line
    and one tab-separated row per form. Same input, same bytes."""
    lines = [json.dumps(header, ensure_ascii=False, sort_keys=True)]
    lines += ["\t".join(str(v) for v in row) for row in rows]
    return gzip.compress(("\n".join(lines) + "\n").encode("utf-8"), compresslevel=9, mtime=0)


def build_table(bodies: Iterable[Sequence[str]], min_count: int, corpus: dict) -> bytes:
    counts = count_articles(bodies)
    rows = table_rows(counts, min_count)
    return encode_table(table_header(counts, rows, min_count, corpus), rows)


# ------------------------------------------------------------ the corpus

def read_halves(tarball: Path) -> dict[str, list[Article]]:
    try:
        articles = read_corpus(str(tarball))
    except FileNotFoundError:
        raise BuildError(f"cannot read {tarball}: no such file") from None
    except (OSError, tarfile.TarError, EOFError) as exc:
        raise BuildError(f"cannot read {tarball} as a tarball: {exc}") from None
    halves = {BUILD_HALF: [], DIAGNOSE_HALF: []}
    for article in articles:
        halves[half_of(article.name)].append(article)
    if not halves[BUILD_HALF]:
        raise BuildError(f"{tarball} has no article of the {BUILD_HALF} half")
    return halves


def corpus_description(tarball: Path) -> dict:
    digest = hashlib.sha256(tarball.read_bytes()).hexdigest()
    return {"file": tarball.name, "sha256": digest, "licence": "Apache-2.0",
            "source": "ANT corpus v1.1 (Chouigui, Ben Khiroun, Elayeb 2017), JawharaFM articles"}


def bodies_of(articles: Iterable[Article]) -> Iterable[list[str]]:
    return ([p.text for p in article.paragraphs] for article in articles)


# ------------------------------------------------------------ diagnostic

@dataclass(frozen=True)
class Cut:
    before: str         # the word the cut paragraph now ends on
    after: str          # the word the cut removed (its sentence went on with it)
    next_first: str | None  # first word of the paragraph after, if any


def first_word(text: str) -> str | None:
    words = words_of(text)
    return words[0].form if words else None


def sample_cuts(articles: list[Article], rng: Random, n: int) -> list[Cut]:
    """n paragraphs cut at a random mid-sentence word boundary, chosen as
    the held-out set's truncation classes choose them (mid_sentence_cuts)."""
    candidates = [(a, i) for a in articles for i, p in enumerate(a.paragraphs) if mid_sentence_cuts(p)]
    cuts = []
    for article, index in rng.sample(candidates, min(n, len(candidates))):
        paragraph = article.paragraphs[index]
        offset = rng.choice(mid_sentence_cuts(paragraph)) - paragraph.start
        after = first_word(paragraph.text[offset:])
        if after is None:  # only dashes or symbols left after the cut: no word to score
            continue
        following = article.paragraphs[index + 1] if index + 1 < len(article.paragraphs) else None
        cuts.append(Cut(words_of(paragraph.text[:offset])[-1].form, after,
                        first_word(following.text) if following else None))
    return cuts


def sentence_boundaries(articles: list[Article]) -> list[tuple[str, str | None]]:
    """Every real sentence end as (last word, first word after it or None)."""
    out = []
    for article in articles:
        paragraphs = [words_of(p.text) for p in article.paragraphs]
        # the word after a paragraph's last word: the next paragraph's first, if any
        firsts = [words[0].form if words else None for words in paragraphs[1:]] + [None]
        for words, next_first in zip(paragraphs, firsts):
            afters = [w.form for w in words[1:]] + [next_first]
            out += [(word.form, after) for word, after in zip(words, afters) if word.ends]
    return out


def auc(higher: list[float], lower: list[float]) -> float:
    """P(a value of `higher` exceeds one of `lower`), ties counting half."""
    wins = sum((h > v) + 0.5 * (h == v) for h in higher for v in lower)
    return wins / (len(higher) * len(lower))


def quantile_line(label: str, values: list[float], unseen: int | None = None) -> str:
    ordered = sorted(values)
    qs = [ordered[round(q * (len(ordered) - 1))] for q in (0.1, 0.25, 0.5, 0.75, 0.9)]
    shown = "-" if unseen is None else unseen
    return f"  {label:<58} {len(values):>4} {shown:>6}  " + "  ".join(f"{q:+5.1f}" for q in qs)


def diagnose(table: SentenceStats, articles: list[Article], seed: int, n: int) -> list[str]:
    rng = Random(seed)
    cuts = sample_cuts(articles, rng, n)
    boundaries = sentence_boundaries(articles)
    ends = rng.sample(boundaries, min(n, len(boundaries)))
    starts = [after for _, after in ends if after is not None]
    if not (cuts and starts):
        raise BuildError(f"the {DIAGNOSE_HALF} half has too little text to diagnose "
                         f"({len(cuts)} mid-sentence cuts, {len(starts)} sentence starts)")

    def unseen(words):
        return sum(table.lookup(w) is None for w in words if w is not None)

    end_real = [table.end_logodds(w) for w, _ in ends]
    end_cut = [table.end_logodds(c.before) for c in cuts]
    start_real = [table.start_logodds(w) for w in starts]
    start_cut = [table.start_logodds(c.after) for c in cuts]
    cut_real = [table.looks_cut(w, after)[0] for w, after in ends]
    cut_cut = [table.looks_cut(c.before, c.next_first)[0] for c in cuts]
    cut_joined = [table.looks_cut(c.before, c.after)[0] for c in cuts]
    head = f"  {'':<58} {'n':>4} {'unseen':>6}  " + "  ".join(f"{q:>5}" for q in ("q10", "q25", "q50", "q75", "q90"))
    return [
        f"diagnostic on the {DIAGNOSE_HALF} half ({len(articles)} articles, never used to build), seed {seed}",
        "end_logodds(word)" + head[len("end_logodds(word)"):],
        quantile_line("last word before a real sentence end", end_real, unseen(w for w, _ in ends)),
        quantile_line("last word before a random mid-sentence cut", end_cut, unseen(c.before for c in cuts)),
        f"  AUC (real end scores higher than cut): {auc(end_real, end_cut):.3f}",
        "start_logodds(word)",
        quantile_line("first word after a real sentence end", start_real, unseen(starts)),
        quantile_line("word after a mid-sentence cut (the sentence goes on)", start_cut, unseen(c.after for c in cuts)),
        f"  AUC (real start scores higher than continuation): {auc(start_real, start_cut):.3f}",
        "looks_cut(last, next)",
        quantile_line("real end, next = word after it (None at article end)", cut_real),
        quantile_line("cut, next = next paragraph's first word (None if last)", cut_cut),
        quantile_line("cut, next = the cut sentence's next word (joined break)", cut_joined),
        f"  AUC (cut scores higher than real end): {auc(cut_cut, cut_real):.3f}",
        f"  AUC (cut scores higher than joined break): {auc(cut_cut, cut_joined):.3f}",
    ]


# ------------------------------------------------------------ command line

def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tarball", type=Path, default=DEFAULT_TARBALL)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--min-count", type=positive, default=MIN_COUNT)
    ap.add_argument("--diagnose", action="store_true", help="after building, print the diagnostic on the report half")
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--samples", type=positive, default=200, help="cuts and real ends in the diagnostic")
    return ap.parse_args(argv)


def positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def run(args: argparse.Namespace) -> None:
    halves = read_halves(args.tarball)
    data = build_table(bodies_of(halves[BUILD_HALF]), args.min_count, corpus_description(args.tarball))
    try:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_bytes(data)
    except OSError as exc:
        raise BuildError(f"cannot write {args.out}: {exc.strerror}") from None
    table = decode_table(data, str(args.out))
    print(f"wrote {args.out}: {len(table.forms)} forms, {len(data)} bytes, "
          f"from {table.header['articles']} {BUILD_HALF} articles")
    if args.diagnose:
        print("\n".join(diagnose(table, halves[DIAGNOSE_HALF], args.seed, args.samples)))


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        run(args)
    except BuildError as exc:
        print(f"build_sentence_stats: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
