"""DUP002 (near-duplicate)."""
from __future__ import annotations

from array import array
from collections import defaultdict
import zlib

from newslint.rule import BatchRule, hit
from newslint.sorted_groups import HashPairs
from newslint.rules.duplicate._common import _digest

K = 64               # bottom-k MinHash sketch size
CANDIDATE_KEYS = 8   # a file is indexed under its 8 smallest shingle hashes
_MAX_BUCKET = 200    # a bucket this full is boilerplate, not duplicates


class _UnionFind:
    """Union-find over 0..n-1 in one array (8 bytes a file, not a dict entry)."""

    def __init__(self, n: int):
        self.parent = array("l", range(n))

    def find(self, x: int) -> int:
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)  # the smallest index (first path) is the root

    def groups(self) -> list[list[int]]:
        """The members (ascending) of every group of two or more, ordered
        by their first member (the root)."""
        out = defaultdict(list)
        for i in range(len(self.parent)):
            if self.parent[i] != i:
                out[self.find(i)].append(i)
        return [[root, *out[root]] for root in sorted(out)]


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


def _distinct(sketches) -> tuple:
    """(paths, entries, candidates): the paths in path order without exact
    copies (DUP001's), the index in `sketches` of each, and the
    CANDIDATE_KEYS smallest shingle hashes of each (CANDIDATE_KEYS a file,
    0 for none). One pass over the sketches (they may be on disk) keeps a
    64-bit prefix of each exact digest and those hashes; the paths only when
    they did not come in path order (a run's files do), else `paths` is a
    view that reads a path from `sketches` when a finding needs it."""
    names, exact, keys, ordered, last = [], array("Q"), array("q"), True, None
    for path, sketch in sketches:
        if ordered and last is not None and path < last:
            ordered, names = False, [name for name, _ in sketches]  # rare: read the paths again, all of them
        if not ordered and len(names) <= len(exact):
            names.append(path)
        last = path
        exact.append(int.from_bytes(sketch[:8], "little"))
        smallest = unpack(sketch)[1][:CANDIDATE_KEYS].tolist()
        keys.extend(smallest + [0] * (CANDIDATE_KEYS - len(smallest)))
    order = range(len(exact)) if ordered else sorted(range(len(exact)), key=names.__getitem__)
    entries, seen = array("I"), set()
    for i in order:
        if exact[i] not in seen:
            seen.add(exact[i])
            entries.append(i)
    del seen, exact
    paths = [names[i] for i in entries] if not ordered else _Paths(sketches, entries)
    return paths, entries, _Candidates(keys, entries)


class _Candidates:
    """The candidate hashes of the k-th distinct sketch, read in place from
    the hashes of all of them (not copied)."""

    def __init__(self, keys: array, entries: array):
        self.keys, self.entries = keys, entries

    def __iter__(self):
        keys = self.keys
        for k, i in enumerate(self.entries):
            for h in keys[i * CANDIDATE_KEYS:(i + 1) * CANDIDATE_KEYS]:
                yield k, h


class _Paths:
    """paths[k]: the path of the k-th distinct sketch, read back from the
    sketches (on disk) when a finding names it."""

    def __init__(self, sketches, entries: array):
        self.sketches, self.entries = sketches, entries

    def __getitem__(self, k: int) -> str:
        return self.sketches[self.entries[k]][0]

    def __len__(self) -> int:
        return len(self.entries)


def _buckets(candidates):
    """The files (indexes, ascending) sharing one of their few smallest
    shingle hashes (`candidates`: (file, hash) pairs), for each hash two
    files or more share: two files with Jaccard similarity J share their
    smallest with probability J, one of their 8 smallest almost surely.
    Found by sorting (hash, file) pairs kept in arrays (12 bytes a pair,
    `HashPairs`), not in a dict of lists or a list of ints. A 0 pads a
    short signature and is no hash."""
    pairs = HashPairs()
    for k, h in candidates:
        if h:
            pairs.add(h, k)
    for _, files in pairs.groups():
        yield files


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

    Evidence: the batch. Each file's article words (as DUP001 takes them)
    become a bottom-64 MinHash of their word `shingle-size`-grams; files that
    share one of their eight smallest shingle hashes are candidates, each
    compared only with the first file of that bucket (and only the first 200
    files of a bucket), and a pair whose estimated Jaccard similarity is at
    least `threshold` joins one group. Exact copies (DUP001's) are taken out
    first and files of fewer than `min-words` (30) words are not compared.
    Groups are transitive: a file is reported against the group's first file
    even when only a third file links them, with the best score it reached
    against any file.

    Tune: `threshold` (0.8; higher is stricter), `shingle-size` (5; larger is
    stricter: an edited copy keeps fewer long runs unchanged) and `min-words`
    (30; higher is stricter, fewer articles compared).

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
        paths, entries, candidates = _distinct(sketches)

        def signature_of(k: int):
            return unpack(sketches[entries[k]][1])[1]

        uf = _UnionFind(len(paths))
        best = array("d", bytes(8 * len(paths)))
        checked = set()
        for members in _buckets(candidates):
            head, head_signature = members[0], None
            # linear, not quadratic: each member against the bucket's first
            for other in members[1:_MAX_BUCKET]:
                pair = head << 32 | other
                if pair in checked:
                    continue
                checked.add(pair)
                head_signature = head_signature if head_signature is not None else signature_of(head)
                score = similarity(head_signature, signature_of(other))
                if score >= threshold:
                    uf.union(head, other)
                    best[other] = max(best[other], score)
                    best[head] = max(best[head], score)
        for members in uf.groups():
            first = paths[members[0]]
            for i in members[1:]:
                yield paths[i], hit(1, 1, 1, f"near-duplicate of {first}: about {best[i] or threshold:.0%} "
                                             "of their word 5-grams are the same (file-level)")
