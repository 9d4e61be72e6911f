#!/usr/bin/env python3
"""Build the Arabic frequency table rules/data/lexicon/ar.bin from wordfreq.

    pip install -e . wordfreq==3.1.1
    python bench/build_lexicon.py [--out rules/data/lexicon] [--floor 0]

Keeps the forms of wordfreq's large Arabic list made only of Arabic letters
(U+0621..U+063A, U+0641..U+064A, U+0671) whose zipf value is at least
--floor, quantised to 0.05 steps (format: newslint/lexicon.py). Writes the
table and a JSON sidecar (ar.json) recording the source and its version.
The output depends only on the word list: same list, same bytes.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path
from typing import Iterable, Iterator

from newslint import dropped_letters
from newslint.lexicon import HEADER_SIZE, KEY_SIZE, MAGIC, ZIPF_SCALE, LexiconError, encode_table, zipf_code

ROOT = Path(__file__).resolve().parent.parent

ARABIC_FORM = re.compile("[\u0621-\u063a\u0641-\u064a\u0671]+")
TABLE_NAME = "ar.bin"
SIDECAR_NAME = "ar.json"
DELETIONS_NAME = "ar-deletions.bin"
DELETIONS_MIN_ZIPF = 3.5  # SPL007's default min-variant-zipf: rarer restorations are never evidence


def arabic_entries(entries: Iterable[tuple[str, float]], floor: float) -> Iterator[tuple[str, float]]:
    """The (form, zipf) pairs worth keeping: Arabic letters only, zipf >= floor."""
    for word, value in entries:
        if value >= floor and value > 0 and ARABIC_FORM.fullmatch(word):
            yield word, value


def write_lexicon(entries: Iterable[tuple[str, float]], out_dir: Path, source: dict, floor: float = 0.0) -> dict:
    """Write the table and its sidecar into out_dir; returns the sidecar."""
    data = encode_table(arabic_entries(entries, floor))
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / TABLE_NAME).write_bytes(data)
    sidecar = {
        "format": MAGIC.rstrip(b"\x00").decode("ascii"),
        "table": TABLE_NAME,
        "forms": (len(data) - HEADER_SIZE) // (KEY_SIZE + 1),
        "bytes": len(data),
        "sha256": hashlib.sha256(data).hexdigest(),
        "zipf_step": 1 / ZIPF_SCALE,
        "zipf_floor": floor,
        "letters": "U+0621-U+063A U+0641-U+064A U+0671",
        "source": source,
        "licence": "CC-BY-SA-4.0",
    }
    (out_dir / SIDECAR_NAME).write_text(json.dumps(sidecar, ensure_ascii=False, indent=2, sort_keys=True) + "\n",
                                        encoding="utf-8")
    return sidecar


def write_deletions(entries: Iterable[tuple[str, float]], out_dir: Path,
                    min_zipf: float = DELETIONS_MIN_ZIPF) -> int:
    """Write the dropped-letter index (newslint/dropped_letters.py) of the
    forms at or above `min_zipf`; returns its entry count."""
    min_code = zipf_code(min_zipf)
    forms = [word for word, value in entries if zipf_code(value) >= min_code]
    data = dropped_letters.encode(forms, min_code)
    (out_dir / DELETIONS_NAME).write_bytes(data)
    return dropped_letters.HEADER.unpack_from(data)[2]


def wordfreq_entries() -> tuple[Iterator[tuple[str, float]], dict]:
    """wordfreq's large Arabic list as (form, zipf) pairs, and its provenance."""
    try:
        import wordfreq
        from importlib.metadata import version
    except ImportError:
        raise SystemExit("build_lexicon: wordfreq is not installed (pip install wordfreq)") from None
    source = {"name": "wordfreq", "version": version("wordfreq"), "language": "ar", "wordlist": "large",
              "url": "https://github.com/rspeer/wordfreq"}
    words = wordfreq.iter_wordlist("ar", "large")
    return ((word, wordfreq.zipf_frequency(word, "ar", "large")) for word in words), source


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "rules" / "data" / "lexicon")
    parser.add_argument("--floor", type=float, default=0.0, help="drop forms with a lower zipf value")
    args = parser.parse_args(argv)
    entries, source = wordfreq_entries()
    entries = list(entries)
    try:
        sidecar = write_lexicon(entries, args.out, source, args.floor)
        deletions = write_deletions(arabic_entries(entries, args.floor), args.out)
    except (LexiconError, OSError) as error:
        print(f"build_lexicon: {error}", file=sys.stderr)
        return 2
    print(f"{sidecar['forms']} forms, {sidecar['bytes']} bytes -> {args.out / TABLE_NAME}")
    print(f"{deletions} dropped-letter entries -> {args.out / DELETIONS_NAME}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
