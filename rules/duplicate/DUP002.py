"""DUP002 (near-duplicate)."""
from __future__ import annotations

from array import array
from collections import defaultdict
import zlib

from newslint.rule import BatchRule, hit
from newslint.rules.duplicate._common import _digest

K = 64               # bottom-k MinHash sketch size
CANDIDATE_KEYS = 8   # a file is indexed under its 8 smallest shingle hashes
_MAX_BUCKET = 200    # a bucket this full is boilerplate, not duplicates


class _UnionFind:
    def __init__(self):
        self.parent: dict[int, int] = {}

    def find(self, x: int) -> int:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)  # the smallest index (first path) is the root


def _groups(uf: _UnionFind, members) -> dict[int, list[int]]:
    out = defaultdict(list)
    for i in members:
        out[uf.find(i)].append(i)
    return {root: sorted(ids) for root, ids in out.items() if len(ids) > 1}


def minhash(words: list[bytes], size: int) -> bytes | None:
    """Bottom-k MinHash of the word `size`-grams: the K smallest shingle
    hashes. Every step runs in C: CRC-32 per word (UTF-8, as
    Document.article_utf8_words gives them), the tuple hash of each run of
    `size` word hashes (deterministic for ints), then a sort."""
    if len(words) < size:
        return None
    ids = list(map(zlib.crc32, words))
    shingles = set(map(hash, zip(*(ids[i:] for i in range(size)))))
    # packed: 8 bytes a hash, so a batch of 100,000 files keeps ~50 MB of sketches
    return array("q", sorted(shingles)[:K]).tobytes()


DIGEST = 20  # bytes of the exact digest that opens a sketch


def unpack(sketch: bytes) -> tuple[bytes, memoryview]:
    """(exact digest, MinHash signature) of a sketch: one bytes object, not
    a tuple of two (a batch keeps every file's sketch until the comparison)."""
    view = memoryview(sketch)
    return bytes(view[:DIGEST]), view[DIGEST:].cast("q")


def similarity(a, b) -> float:
    """Estimated Jaccard similarity of the two shingle sets."""
    union = sorted(set(a) | set(b))[:K]
    both = set(a) & set(b)
    return sum(1 for h in union if h in both) / len(union) if union else 0.0


def _distinct(sketches) -> tuple[list, list]:
    """(paths, sketches) in path order, without exact copies (DUP001's)."""
    paths, kept, seen_exact = [], [], set()
    for path, sketch in sorted(sketches):
        exact = sketch[:DIGEST]
        if exact not in seen_exact:
            seen_exact.add(exact)
            paths.append(path)
            kept.append(sketch)
    return paths, kept


_INDEX_BITS = 32


def _buckets(sketches: list):
    """The files (indexes, ascending) sharing one of their few smallest
    shingle hashes, for each hash two files or more share: two files with
    Jaccard similarity J share their smallest with probability J, one of
    their 8 smallest almost surely. Found by sorting one int per (hash,
    file), not in a dict of lists: a third of the memory at 100,000 files."""
    keys = [(h + 2 ** 63) << _INDEX_BITS | i
            for i, sketch in enumerate(sketches) for h in unpack(sketch)[1][:CANDIDATE_KEYS]]
    keys.sort()
    start = 0
    for end in range(1, len(keys) + 1):
        if end == len(keys) or keys[end] >> _INDEX_BITS != keys[start] >> _INDEX_BITS:
            if end - start > 1:
                yield [key & (2 ** _INDEX_BITS - 1) for key in keys[start:end]]
            start = end


class NearDuplicate(BatchRule):
    """An article that is almost the same as another file of the batch.

    What: two files whose article texts share at least `threshold` of their
    word 5-grams (estimated with a bottom-64 MinHash sketch; candidates are
    files that share one of their eight smallest shingle hashes, so a batch
    of 100,000 files is not compared pair by pair). Exact duplicates are DUP001's. Reported on every copy but
    the first by path, with the estimated similarity.

    Why: re-publications with a changed headline or an added sentence are
    still the same story; they skew statistics and leak between data splits
    exactly like exact copies.

    Fires: the same agency story in two files, one with an extra closing
    paragraph. Does not fire: two different stories about the same summit.
    """

    code = "DUP002"
    name = "near-duplicate"
    category = "duplicate"
    options = {"threshold": {"type": "number", "minimum": 0.1, "maximum": 1.0, "default": 0.8,
                             "description": "estimated share of common word 5-grams"},
               "shingle-size": {"type": "integer", "minimum": 1, "maximum": 10, "default": 5,
                                "description": "words per shingle"},
               "min-words": {"type": "integer", "minimum": 1, "default": 30,
                             "description": "articles shorter than this are not compared"}}

    def sketch(self, doc, options):
        words = doc.article_utf8_words
        if len(words) < options["min-words"]:
            return None
        signature = minhash(words, options["shingle-size"])
        return None if signature is None else _digest(words) + signature

    def compare(self, sketches, options):
        threshold = options["threshold"]
        paths, signatures = _distinct(sketches)
        uf = _UnionFind()
        best: dict[int, float] = {}
        checked = set()
        for members in _buckets(signatures):
            head = members[0]
            # linear, not quadratic: each member against the bucket's first
            for other in members[1:_MAX_BUCKET]:
                pair = (head, other)
                if pair in checked:
                    continue
                checked.add(pair)
                score = similarity(unpack(signatures[head])[1], unpack(signatures[other])[1])
                if score >= threshold:
                    uf.union(head, other)
                    best[other] = max(best.get(other, 0.0), score)
                    best[head] = max(best.get(head, 0.0), score)
        for members in _groups(uf, sorted(uf.parent)).values():
            first = paths[members[0]]
            for i in members[1:]:
                yield paths[i], hit(1, 1, 1, f"near-duplicate of {first}: about {best.get(i, threshold):.0%} "
                                             "of their word 5-grams are the same (file-level)")
