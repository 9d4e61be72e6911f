"""The batch rules' sketches of a run, kept on disk instead of in memory.

A run of 100,000 files hands the parent ~1 KB of sketches a file (MinHash
signatures, furniture rows, digests): 100 MB of Python objects held until the
batch rules compare them at the end. `SpilledSketches` pickles each
(path, sketch) entry to a temporary file as it arrives and keeps only its
offset (8 bytes), so the parent's memory does not grow with the batch. It is
a read-only sequence of (path, sketch) pairs: `len`, iteration (one pass
through the file, buffered) and indexing (one seek and one unpickle), which
is all a batch rule's `compare` may ask of its `sketches` argument (a plain
list works the same).
"""
from __future__ import annotations

import os
import pickle
import tempfile
from array import array
from typing import Iterator

# Entries are written through a buffer this large and read back through one too.
_BUFFER = 1 << 20


class SpilledSketches:
    """(path, sketch) pairs pickled to one temporary file, in arrival order.
    Writes go through the file's buffer, in order (the position never
    moves); reads take exactly the bytes they need with `os.pread`, which
    does not move it either (a seek and a buffered read cost a flush and a
    1 MB refill for every entry a batch rule looked up)."""

    def __init__(self) -> None:
        self._file = None
        self._offsets = array("Q")
        self._end = 0
        self._unflushed = False

    def append(self, entry: tuple) -> None:
        if self._file is None:
            self._file = tempfile.TemporaryFile(buffering=_BUFFER)
        data = pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL)
        self._file.write(data)
        self._offsets.append(self._end)
        self._end += len(data)
        self._unflushed = True

    def __len__(self) -> int:
        return len(self._offsets)

    def __iter__(self) -> Iterator[tuple]:
        """Block by block (one read each, of up to 1 MB)."""
        count, index = len(self._offsets), 0
        while index < count:
            start = self._offsets[index]
            stop = index + 1
            while stop < count and self._end_of(stop) - start <= _BUFFER:
                stop += 1
            block = memoryview(self._read(start, self._end_of(stop - 1)))
            for k in range(index, stop):
                yield pickle.loads(block[self._offsets[k] - start:self._end_of(k) - start])
            index = stop

    def __getitem__(self, index: int) -> tuple:
        if not -len(self._offsets) <= index < len(self._offsets):
            raise IndexError("sketch index out of range")
        index %= len(self._offsets)
        return pickle.loads(self._read(self._offsets[index], self._end_of(index)))

    def _end_of(self, index: int) -> int:
        return self._offsets[index + 1] if index + 1 < len(self._offsets) else self._end

    def _read(self, start: int, end: int) -> bytes:
        if self._unflushed:
            self._file.flush()
            self._unflushed = False
        if not hasattr(os, "pread"):  # Windows: a seek and a read, then back to the end for the writes
            self._file.seek(start)
            data = self._file.read(end - start)
            self._file.seek(self._end)
            return data
        data = os.pread(self._file.fileno(), end - start, start)
        while len(data) < end - start:  # a short read (a signal, a huge block): the rest
            more = os.pread(self._file.fileno(), end - start - len(data), start + len(data))
            if not more:
                raise OSError(f"sketch spill file truncated at {start + len(data)} of {end}")
            data += more
        return data

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None
