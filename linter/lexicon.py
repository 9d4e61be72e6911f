"""Arabic word frequencies (derived from wordfreq) and the confusion-set
variants of a word, for spelling checks that decide from evidence.

    zipf("الأحداث")            -> 5.0   (Zipf scale: log10 of uses per 10^9 words)
    best_variant("الاحداث")    -> Suggestion("الأحداث", 12.6, "hamza")

The table (`rules/data/lexicon/ar.bin`, built by `bench/build_lexicon.py`)
is opened and memory-mapped on the first lookup, never at import: a run
whose rules never ask pays nothing, and parallel workers share its pages.

Table format, little-endian: the 8-byte MAGIC, the number of forms N as a
u64, N sorted u64 keys (the first 8 bytes of the blake2b hash of the UTF-8
form, read as a little-endian integer), then N one-byte zipf codes in the
same order (code = round(zipf * 20), i.e. 0.05 steps; 0 means absent).
"""
from __future__ import annotations

import re
import sys
import unicodedata
from bisect import bisect_left
from typing import Iterable, Iterator, NamedTuple

from newslint.arabic import DIACRITICS, TATWEEL
from newslint.errors import UsageError

MAGIC = b"NLLEX1\x00\x00"
HEADER_SIZE = 16
KEY_SIZE = 8
ZIPF_SCALE = 20  # codes per zipf unit: 0.05 steps, 7.5 -> 150, one byte
MAX_CODE = 255
TABLE_RESOURCE = ("newslint.rules.data", "lexicon/ar.bin")

# wordfreq folds its Arabic list with NFKC and then drops every combining
# mark and the tatweel (wordfreq.preprocess.remove_marks), so the table holds
# bare forms only: a vowelled or stretched word must be folded the same way
# before lookup or it would always be "absent".
_MARKS = re.compile(f"[{DIACRITICS}{TATWEEL}]")
_PRESENTATION_FORMS = "\ufb50-\ufdff\ufe70-\ufeff"
_NOT_BARE = re.compile(f"[{DIACRITICS}{TATWEEL}{_PRESENTATION_FORMS}]")

# The 36 letters U+0621..U+063A and U+0641..U+064A: what a dropped letter may be.
LETTERS = "".join(chr(c) for c in range(0x0621, 0x063B)) + "".join(chr(c) for c in range(0x0641, 0x064B))


class LexiconError(UsageError):
    """The frequency table is missing or is not a newslint lexicon: a broken
    install, reported like a broken plugin (one line, exit 2)."""


def has_marks(text: str) -> bool:
    """Whether `normalise` would change any word of `text` (one scan in C)."""
    return _NOT_BARE.search(text) is not None


def normalise(word: str) -> str:
    """The form wordfreq would have stored: presentation forms folded (NFKC),
    harakat, tanween and tatweel removed."""
    if not _NOT_BARE.search(word):  # the usual case: one scan, no copy
        return word
    # composing first keeps alif + combining madda as آ, as wordfreq does
    return _MARKS.sub("", unicodedata.normalize("NFKC", word))


# ------------------------------------------------------------ the table

def blake2b_function():
    """blake2b from the builtin module: importing hashlib would also load its
    OpenSSL backend (~3 ms) that this never uses."""
    try:
        from _blake2 import blake2b
    except ImportError:  # another Python implementation
        from hashlib import blake2b
    return blake2b


def word_key(word: str, blake2b=None) -> int:
    """The 64-bit key a form is stored under (collisions among 600k forms:
    probability ~1e-8, and the build script refuses to write one)."""
    digest = (blake2b or blake2b_function())(word.encode("utf-8"), digest_size=KEY_SIZE).digest()
    return int.from_bytes(digest, "little")


def zipf_code(value: float) -> int:
    """Quantise a zipf value to one byte (0.05 steps); positive values never
    become 0, which means absent."""
    return max(1, min(MAX_CODE, round(value * ZIPF_SCALE)))


def encode_table(entries: Iterable[tuple[str, float]]) -> bytes:
    """The table bytes for (form, zipf) pairs, independent of their order.
    Raises LexiconError on a repeated form or a key collision."""
    blake2b = blake2b_function()
    rows = sorted((word_key(word, blake2b), zipf_code(value), word) for word, value in entries)
    for (key, _, word), (next_key, _, next_word) in zip(rows, rows[1:]):
        if key == next_key:
            raise LexiconError(f"forms {word!r} and {next_word!r} share the key {key:016x}")
    keys = b"".join(key.to_bytes(KEY_SIZE, "little") for key, _, _ in rows)
    codes = bytes(code for _, code, _ in rows)
    return MAGIC + len(rows).to_bytes(8, "little") + keys + codes


class Table:
    """A decoded table over any buffer (a memory map or bytes)."""

    def __init__(self, buffer, name: str = "lexicon table") -> None:
        view = memoryview(buffer)
        if len(view) < HEADER_SIZE or bytes(view[:8]) != MAGIC:
            raise LexiconError(f"{name}: not a newslint lexicon table (bad header)")
        count = int.from_bytes(view[8:16], "little")
        if len(view) != HEADER_SIZE + count * (KEY_SIZE + 1):
            raise LexiconError(f"{name}: truncated or padded ({len(view)} bytes for {count} forms)")
        self._keys = _key_sequence(view[HEADER_SIZE:HEADER_SIZE + count * KEY_SIZE])
        self._codes = view[HEADER_SIZE + count * KEY_SIZE:]
        self._count = count
        self._blake2b = blake2b_function()
        self._buffer = buffer  # keeps the memory map alive

    def __len__(self) -> int:
        return len(self._codes)

    def code(self, form: str) -> int:
        """The stored zipf code of an already normalised form, 0 when absent."""
        return self.code_of_key(word_key(form, self._blake2b))

    def code_of_key(self, key: int) -> int:
        """The stored code of the form with this `word_key`, 0 when absent."""
        keys = self._keys
        index = bisect_left(keys, key)
        if index < self._count and keys[index] == key:
            return self._codes[index]
        return 0

    def zipf(self, form: str) -> float:
        return self.code(form) / ZIPF_SCALE

    def frequent(self, min_code: int) -> dict[int, int]:
        """{key: code} of the forms stored with at least `min_code` (look a
        form up with `word_key`): a dict beats the bisection for a caller
        that only cares about frequent forms."""
        keep = bytes(1 if code >= min_code else 0 for code in range(256))
        keys, codes = self._keys, self._codes
        return {keys[m.start()]: codes[m.start()] for m in re.finditer(b"\x01", bytes(codes).translate(keep))}


def _key_sequence(view: memoryview):
    """The keys as integers without copying them on little-endian machines."""
    if sys.byteorder == "little":
        return view.cast("Q")
    from array import array

    keys = array("Q", bytes(view))
    keys.byteswap()
    return keys


def map_file(path, what: str = "lexicon table"):
    """A read-only memory map of a data file (LexiconError when it cannot be
    opened: a broken install, one line)."""
    import mmap

    try:
        with open(path, "rb") as handle:
            return mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError) as error:  # ValueError: an empty file cannot be mapped
        raise LexiconError(f"cannot open {what} {path}: {error}") from None


def map_resource(resource: tuple[str, str], what: str = "lexicon table"):
    """(memory map, path) of a packaged data file."""
    from importlib import resources

    package, name = resource
    with resources.as_file(resources.files(package).joinpath(name)) as path:
        return map_file(path, what), str(path)


def open_table(path) -> Table:
    """Memory-map a table file read-only."""
    return Table(map_file(path), str(path))


_TABLE: Table | None = None


def table() -> Table:
    """The packaged Arabic table, opened on first use."""
    global _TABLE
    if _TABLE is None:
        _TABLE = Table(*map_resource(TABLE_RESOURCE))
    return _TABLE


def zipf(word: str) -> float:
    """Zipf frequency of a word in the wordfreq Arabic list (0.05 steps),
    0.0 when the word is not in the list."""
    return table().zipf(normalise(word))


# ------------------------------------------------------------ variants

HAMZA = "hamza"
MADDA = "madda"
TA_MARBUTA = "ta_marbuta"
ALIF_MAQSURA = "alif_maqsura"
DAD_ZAH = "dad_zah"
DAL_DHAL = "dal_dhal"
DOUBLED_LETTER = "doubled_letter"
TRANSPOSITION = "transposition"
EXTRA_LETTER = "extra_letter"
DROPPED_LETTER = "dropped_letter"

_HAMZA_SEATS = "اأإآؤئء"
_LOOK_ALIKES = (("ض", "ظ", DAD_ZAH), ("د", "ذ", DAL_DHAL))


def _swap_table() -> dict[str, list[tuple[str, str]]]:
    """letter -> [(replacement, kind)] for substitutions at any position.
    Seats of hamza are interchangeable with each other (ا/آ is a madda); a
    bare carrier (ي و ى) may have lost its hamza (مسوول, شاطى)."""
    swaps = {seat: [(other, MADDA if {seat, other} == {"ا", "آ"} else HAMZA)
                    for other in _HAMZA_SEATS if other != seat]
             for seat in _HAMZA_SEATS}
    swaps.update({"ي": [("ئ", HAMZA)], "و": [("ؤ", HAMZA)], "ى": [("ئ", HAMZA)]})
    for one, other, kind in _LOOK_ALIKES:
        swaps[one], swaps[other] = [(other, kind)], [(one, kind)]
    return swaps


_SWAPS = _swap_table()
# Only at the end of a word: the letter whose final form looks alike.
FINAL_SWAPS = {"ة": ("ه", TA_MARBUTA), "ه": ("ة", TA_MARBUTA),
               "ى": ("ي", ALIF_MAQSURA), "ي": ("ى", ALIF_MAQSURA)}

KINDS = (TA_MARBUTA, ALIF_MAQSURA, MADDA, HAMZA, DAD_ZAH, DAL_DHAL,
         DOUBLED_LETTER, TRANSPOSITION, EXTRA_LETTER, DROPPED_LETTER)
"""Every kind, most specific first (the order variants are generated in):
a variant that two kinds of edit reach is labelled with the first."""
DEFAULT_KINDS = tuple(kind for kind in KINDS if kind != EXTRA_LETTER)
"""What best_variant searches unless told: dropping a stray letter mostly
reaches a shorter, more frequent word (اعلان -> الان, والتي -> التي,
أحمد -> أحد), so extra_letter must be asked for."""


def _final_swap(word: str) -> Iterator[tuple[str, str]]:
    if word and word[-1] in FINAL_SWAPS:
        letter, kind = FINAL_SWAPS[word[-1]]
        yield word[:-1] + letter, kind


def _letter_swaps(word: str) -> Iterator[tuple[str, str]]:
    """Hamza seats (at the start, after prefixes such as و ف ب ل ك ال, and
    inside: every position holds a candidate), madda, ض/ظ, د/ذ."""
    for index, letter in enumerate(word):
        for other, kind in _SWAPS.get(letter, ()):
            yield word[:index] + other + word[index + 1:], kind


def _removals(word: str) -> Iterator[tuple[str, str]]:
    """One letter too many: typed twice (doubled) or stray (extra)."""
    for index, letter in enumerate(word):
        doubled = letter in word[max(0, index - 1):index] + word[index + 1:index + 2]
        kind = DOUBLED_LETTER if doubled else EXTRA_LETTER
        yield word[:index] + word[index + 1:], kind


def _transpositions(word: str) -> Iterator[tuple[str, str]]:
    for index in range(len(word) - 1):
        if word[index] != word[index + 1]:
            yield word[:index] + word[index + 1] + word[index] + word[index + 2:], TRANSPOSITION


def _insertions(word: str) -> Iterator[tuple[str, str]]:
    """One letter missing: any of the 36 letters at any position."""
    for index in range(len(word) + 1):
        for letter in LETTERS:
            yield word[:index] + letter + word[index:], DROPPED_LETTER


# Each generator with the kinds it yields, so that unwanted ones are not run.
_GENERATORS = ((_final_swap, {TA_MARBUTA, ALIF_MAQSURA}),
               (_letter_swaps, {MADDA, HAMZA, DAD_ZAH, DAL_DHAL}),
               (_removals, {DOUBLED_LETTER, EXTRA_LETTER}),
               (_transpositions, {TRANSPOSITION}),
               (_insertions, {DROPPED_LETTER}))


def variants(word: str, kinds: Iterable[str] | None = None) -> Iterator[tuple[str, str]]:
    """Each distinct confusion-set variant of a (normalised) word once, with
    its kind (only `kinds`, all if None); O(len(word)) variants per kind (36
    per position for dropped letters). The word itself is never yielded."""
    word = normalise(word)
    allowed = set(KINDS if kinds is None else kinds)
    seen = {word}
    for generate, produces in _GENERATORS:
        if not produces & allowed:
            continue
        for variant, kind in generate(word):
            if kind in allowed and variant not in seen:
                seen.add(variant)
                yield variant, kind


class Suggestion(NamedTuple):
    variant: str
    ratio: float  # frequency of the variant over that of the word; inf when the word is absent
    kind: str


def best_variant(word: str, min_ratio: float = 1.0, kinds: Iterable[str] | None = None) -> Suggestion | None:
    """The most frequent variant of `word` (first generated on a tie) if it
    is more frequent than the word by at least `min_ratio`, else None.
    `kinds` chooses the kinds of variant searched (DEFAULT_KINDS if None)."""
    lexicon = table()
    form = normalise(word)
    own = lexicon.code(form)
    best_code, best = own, None
    for variant, kind in variants(form, DEFAULT_KINDS if kinds is None else kinds):
        code = lexicon.code(variant)
        if code > best_code:
            best_code, best = code, (variant, kind)
    if best is None:
        return None
    ratio = float("inf") if own == 0 else 10 ** ((best_code - own) / ZIPF_SCALE)
    return Suggestion(best[0], ratio, best[1]) if ratio >= min_ratio else None
