#!/usr/bin/env python3
"""Build rules/data/lexicon/ar-verdicts.bin and ar-slip-verdicts.bin: the forms SPL006 and SPL008 must look at.

    pip install -e '.[lexicon]'
    python bench/build_spelling_verdicts.py [--min-variant-zipf 3.0]

Judges every form of wordfreq's Arabic list that the table holds with
SPL006's own code (`_orthography._lead`, the stored verdicts switched off)
and writes the keys of the forms that have a lead; format and fingerprint:
`rules/spelling/_verdicts.py`. Then the same for SPL008: the forms with a
slip variant (`_slips.slip_variants` at the loosest options the file holds
for, `_slips.VERDICT_*`). Rebuild after any change to
`rules/spelling/_orthography.py`, `_slips.py`, `linter/lexicon.py`,
`linter/dropped_letters.py` or the tables (a test says so). The output
depends only on the code and the list: same inputs, same bytes. Licence
of the output: CC-BY-SA-4.0, as the table it derives from.
"""
from __future__ import annotations

import argparse
import importlib.util
import sys
import time
from pathlib import Path

from newslint import lexicon
from newslint.rules.spelling import _orthography, _slips, _verdicts

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "rules" / "data" / "lexicon" / "ar-verdicts.bin"
SLIP_OUT = OUT.with_name("ar-slip-verdicts.bin")


def _build_lexicon_module():
    spec = importlib.util.spec_from_file_location("build_lexicon", ROOT / "bench" / "build_lexicon.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def lexicon_forms():
    """The forms of the packaged table, as strings (the table keeps only keys)."""
    build = _build_lexicon_module()
    entries, _ = build.wordfreq_entries()
    table = lexicon.table()
    for form, _ in build.arabic_entries(entries, 0.0):
        if table.code(form):
            yield form


def lead_keys(forms, min_code: int):
    _verdicts.lead_keys = lambda code: None  # judge every form in full
    for form in forms:
        if _orthography._lead(form, min_code) is not None:
            yield lexicon.word_key(form)


def slip_keys(forms):
    for form in forms:
        if _slips.slip_variants(form, _slips.VERDICT_VARIANT_CODE, _slips.VERDICT_GAP_CODE,
                                _slips.VERDICT_MAX_WORD_CODE):
            yield lexicon.word_key(form)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-variant-zipf", type=float, default=3.0, help="SPL006's min-variant-zipf")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    forms = list(lexicon_forms())
    min_code = _orthography.min_code(args.min_variant_zipf)
    keys = list(lead_keys(forms, min_code))
    args.out.write_bytes(_verdicts.encode(min_code, keys))
    print(f"{len(keys)} of {len(forms)} forms have a lead at code {min_code}; "
          f"{time.perf_counter() - started:.1f} s -> {args.out}")
    started = time.perf_counter()
    keys = list(slip_keys(forms))
    out = args.out.with_name(SLIP_OUT.name)
    out.write_bytes(_verdicts.encode(_slips.VERDICT_VARIANT_CODE, keys, _verdicts.slip_fingerprint()))
    print(f"{len(keys)} of {len(forms)} forms have a slip variant; {time.perf_counter() - started:.1f} s -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
