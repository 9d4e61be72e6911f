"""Frequent words found from a copy with one letter dropped, in one look-up.

    restorations("الثائي") -> ["الثنائي"]

Putting a dropped letter back by brute force costs 36 insertions at every
position (~250 look-ups for a six-letter word): too slow for every unknown
word of a batch. So `bench/build_lexicon.py` indexes the frequent forms of
the lexicon (zipf >= 3.5, three letters or more) under each of their
one-letter deletions: an unknown word is hashed once, and the entries with
its key say which letter to put back where. Every restoration is then
checked against the table by the caller (a stored key is only 32 bits wide,
so one in ~20,000 unknown words meets a stranger's entry; its restoration
is then no frequent form and is dropped).

Format (`rules/data/lexicon/ar-deletions.bin`, little-endian): magic
b"NLDEL1\\0\\0", the lowest zipf code indexed (u64), the entry count N
(u64), N ascending u32 keys (the low 32 bits of `lexicon.word_key` of the
deleted form), then N pairs of bytes in the same order: the position of
the dropped letter and its index in `lexicon.LETTERS`. Licence: CC BY-SA
4.0, as the table it derives from. The file is memory-mapped on first use.
"""
from __future__ import annotations

import struct
import sys
from bisect import bisect_left
from typing import Iterable

from newslint import lexicon

MAGIC = b"NLDEL1\x00\x00"
HEADER = struct.Struct("<8sQQ")
RESOURCE = ("newslint.rules.data", "lexicon/ar-deletions.bin")
MIN_LENGTH = 3
"""Shortest form indexed ("أنه" under "نه", "شهدت" under "شهت"): SPL008
judges such words by their neighbours. SPL007's frequency-only option
(`lexicon-dropped-letters`) still asks only for words of four letters or
more (its `min-length`): shorter strings are mostly some word, name or
abbreviation."""
_LOW32 = 0xFFFFFFFF
_INDEX = {letter: index for index, letter in enumerate(lexicon.LETTERS)}


def key32(form: str) -> int:
    return lexicon.word_key(form) & _LOW32


def encode(forms: Iterable[str], min_code: int) -> bytes:
    """The index bytes of `forms` (already chosen: frequent, long enough);
    forms with a letter outside `lexicon.LETTERS` are skipped."""
    rows = set()
    for form in forms:
        if len(form) < MIN_LENGTH or any(letter not in _INDEX for letter in form):
            continue
        seen = set()
        for at in range(len(form)):
            deleted = form[:at] + form[at + 1:]
            if deleted not in seen:  # either letter of a pair gives the same copy: one entry
                seen.add(deleted)
                rows.add((key32(deleted), at, _INDEX[form[at]]))
    ordered = sorted(rows)
    return (HEADER.pack(MAGIC, min_code, len(ordered))
            + struct.pack(f"<{len(ordered)}I", *(key for key, _, _ in ordered))
            + bytes(byte for _, at, letter in ordered for byte in (at, letter)))


class DeletionIndex:
    """A decoded index over any buffer (a memory map or bytes)."""

    def __init__(self, buffer, name: str = "deletion index"):
        view = memoryview(buffer)
        try:
            magic, self.min_code, count = HEADER.unpack_from(view)
        except struct.error:
            magic, count = b"", 0
        if magic != MAGIC or len(view) != HEADER.size + 6 * count:
            raise lexicon.LexiconError(f"{name}: not a newslint deletion index")
        keys = view[HEADER.size:HEADER.size + 4 * count]
        if sys.byteorder == "little":
            self._keys = keys.cast("I")
        else:
            from array import array
            self._keys = array("I", bytes(keys))
            self._keys.byteswap()
        self._pairs = view[HEADER.size + 4 * count:]
        self._count = count
        self._buffer = buffer  # keeps the memory map alive

    def __len__(self) -> int:
        return self._count

    def restorations(self, word: str) -> list[str]:
        """The forms that `word` may be with one letter put back (unchecked:
        look each up before trusting it)."""
        key = key32(word)
        keys, pairs, out = self._keys, self._pairs, []
        index = bisect_left(keys, key)
        while index < self._count and keys[index] == key:
            at, letter = pairs[2 * index], pairs[2 * index + 1]
            if at <= len(word):
                out.append(word[:at] + lexicon.LETTERS[letter] + word[at:])
            index += 1
        return out


_INDEX_OPENED: DeletionIndex | None = None


def index() -> DeletionIndex:
    """The packaged index, memory-mapped on first use."""
    global _INDEX_OPENED
    if _INDEX_OPENED is None:
        _INDEX_OPENED = DeletionIndex(*lexicon.map_resource(RESOURCE, "deletion index"))
    return _INDEX_OPENED


def restorations(word: str) -> list[str]:
    """The frequent forms (zipf >= the index's floor, unchecked) that
    `word` may be with one letter put back."""
    return index().restorations(word)
