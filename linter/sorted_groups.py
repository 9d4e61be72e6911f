"""Equal keys found by sorting, for the batch rules' comparisons.

A batch of 100,000 files cannot afford a dict entry (~100 bytes) for each
key it counts or groups; sorting indexes into compact arrays and walking the
runs of equal keys costs a few bytes a key. `groups_of_equal` is that walk;
`HashPairs` keeps (64-bit hash, small int) pairs in arrays split by the
hash's low bits, so that one sixteenth of them is sorted at a time.
"""
from __future__ import annotations

from array import array
from bisect import bisect_left
from typing import Callable, Iterator


def in_sorted(values, value) -> bool:
    """Whether `value` is in the sorted sequence `values` (a list or an
    array: a few bytes an item, where a set costs tens)."""
    at = bisect_left(values, value)
    return at < len(values) and values[at] == value


def groups_of_equal(count: int, key: Callable[[int], object], smallest: int = 2) -> Iterator[list[int]]:
    """The indexes 0..count-1 grouped by equal `key(i)`, in key order, each
    group ascending (the sort is stable); groups of fewer than `smallest`
    are left out."""
    order = sorted(range(count), key=key)
    start = 0
    for end in range(1, count + 1):
        if end == count or key(order[end]) != key(order[start]):
            if end - start >= smallest:
                yield order[start:end]
            start = end


class HashPairs:
    """(signed 64-bit hash, unsigned 32-bit value) pairs, 12 bytes a pair,
    in PARTS parts by the low bits of the hash (a bottom-k sketch's hashes
    share their high bits, so those would put them all in one part)."""

    PARTS = 16

    def __init__(self) -> None:
        self._hashes = [array("q") for _ in range(self.PARTS)]
        self._values = [array("I") for _ in range(self.PARTS)]

    def add(self, h: int, value: int) -> None:
        part = h % self.PARTS
        self._hashes[part].append(h)
        self._values[part].append(value)

    def groups(self, by_value: bool = False, smallest: int = 2) -> Iterator[tuple[int, list[int]]]:
        """(hash, values) for each hash, or each (hash, value) pair when
        `by_value`, added `smallest` times or more; the values in the order
        they were added."""
        for hashes, values in zip(self._hashes, self._values):
            key = (lambda j, hashes=hashes, values=values: (hashes[j], values[j])) if by_value else hashes.__getitem__
            for members in groups_of_equal(len(hashes), key, smallest):
                yield hashes[members[0]], [values[j] for j in members]
