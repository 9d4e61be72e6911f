"""The lexicon forms that SPL006 must look at, decided once at build time.

Most words of an article are frequent forms of the lexicon with no more
frequent variant: the verdict "quiet" is the same for them in every file, so
`bench/build_spelling_verdicts.py` computes `_orthography._lead` for all
582k forms and stores the keys of the few with a lead (format below). At run
time a word that is in the lexicon and not among those keys is quiet after
one hash and one look-up, instead of a dozen variants each hashed and looked
up. Words absent from the lexicon are still judged in full.

The stored verdicts are only used when they were computed by the same code
on the same table: the header carries a fingerprint of `_orthography.py`,
`_context.py`, `linter/lexicon.py` and the table's sha256 (blake2b), and a mismatch falls back to
judging every word (slower, never wrong). `tests/test_spelling_verdicts.py`
fails when the file is stale, naming the command that rebuilds it.

Format (little-endian): magic b"NLVERD1\\0", the variant code the verdicts
hold for (u16), 32 bytes of fingerprint, the count (u64), then the sorted
u64 keys (`lexicon.word_key`) of the forms that have a lead.

SPL008 keeps its own file in the same format (`SLIP_RESOURCE`,
`slip_fingerprint`): the forms with a slip variant (`_slips.slip_variants`)
at the loosest options it stores them for.
"""
from __future__ import annotations

import json
import struct
from functools import lru_cache
from importlib import resources
from pathlib import Path

from newslint import lexicon

MAGIC = b"NLVERD1\x00"
HEADER = struct.Struct("<8sH32sQ")
RESOURCE = ("newslint.rules.data", "lexicon/ar-verdicts.bin")
SLIP_RESOURCE = ("newslint.rules.data", "lexicon/ar-slip-verdicts.bin")


def _digest_of(sources) -> bytes:
    """blake2b of the source files and of the table's sha256."""
    digest = lexicon.blake2b_function()(digest_size=32)
    for source in sources:
        digest.update(Path(source).read_bytes())
    package, _ = lexicon.TABLE_RESOURCE
    sidecar = json.loads(resources.files(package).joinpath("lexicon/ar.json").read_text(encoding="utf-8"))
    digest.update(sidecar["sha256"].encode("ascii"))
    return digest.digest()


def fingerprint() -> bytes:
    """What the verdicts depend on: the code that judges a word and the table."""
    here = Path(__file__)
    return _digest_of((here.with_name("_orthography.py"), here.with_name("_context.py"), Path(lexicon.__file__)))


def slip_fingerprint() -> bytes:
    """What SPL008's verdicts depend on: the code that finds a word's slip
    variants (`_slips`, `frequent_forms` in `_orthography`, the deletion
    index's reader and its data) and the table."""
    from newslint import dropped_letters

    here = Path(__file__)
    package, name = dropped_letters.RESOURCE
    with resources.as_file(resources.files(package).joinpath(name)) as deletions:
        return _digest_of((here.with_name("_slips.py"), here.with_name("_orthography.py"),
                           Path(dropped_letters.__file__), Path(lexicon.__file__), deletions))


def encode(min_code: int, keys, stamp: bytes | None = None) -> bytes:
    ordered = sorted(set(keys))
    return HEADER.pack(MAGIC, min_code, stamp or fingerprint(), len(ordered)) + \
        struct.pack(f"<{len(ordered)}Q", *ordered)


class Verdicts:
    """The keys of the lexicon forms with a lead, for one variant code."""

    def __init__(self, data: bytes):
        magic, self.min_code, self.fingerprint, count = HEADER.unpack_from(data)
        if magic != MAGIC or len(data) != HEADER.size + 8 * count:
            raise ValueError("not a newslint verdict file")
        self.lead_keys = frozenset(struct.unpack_from(f"<{count}Q", data, HEADER.size))


def read(resource: tuple[str, str] = RESOURCE, stamp=None) -> Verdicts | None:
    """The packaged verdicts, or None when missing, damaged or stale
    (`stamp`: the function giving the current fingerprint)."""
    package, name = resource
    try:
        verdicts = Verdicts(resources.files(package).joinpath(name).read_bytes())
    except (OSError, ValueError, struct.error):
        return None
    return verdicts if verdicts.fingerprint == (stamp or fingerprint)() else None


@lru_cache(maxsize=4)
def lead_keys(min_code: int) -> frozenset | None:
    """The keys of the forms that need a closer look at `min_code`, or None
    when no current verdicts exist for it (then every word is judged)."""
    verdicts = read()
    return verdicts.lead_keys if verdicts is not None and verdicts.min_code == min_code else None
