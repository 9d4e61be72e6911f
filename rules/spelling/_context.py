"""Context evidence for the prepositions spelled with a final ى (على, إلى,
لدى): which words follow them in real news, against which words follow their
look-alikes spelled with ي (علي the name, إلي "to me", لدي "I have").

The table (rules/data/preposition_context.tsv) is counted by
bench/build_preposition_context.py on the tune half of the ANT JawharaFM
corpus (Apache-2.0) and read once per process, on the first look-alike a
document has (most have none). What follows a preposition is the language's
collocations (على متن, على مستوى, إلى جانب), so the evidence carries to other
sites; a word after which the corpus writes the look-alike too (علي العريض,
a name) weighs against.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import NamedTuple

HEADER = "# newslint preposition context v1"
# look-alike -> the preposition it may be a misspelling of
LOOKALIKES = {"علي": "على", "إلي": "إلى", "الي": "إلى", "لدي": "لدى"}
# the preposition's spellings whose followers count for it (الى is إلى without its hamza, never another word)
SPELLINGS = {"على": ("على",), "إلى": ("إلى", "الى"), "لدى": ("لدى",)}
FORMS = frozenset(LOOKALIKES) | {form for forms in SPELLINGS.values() for form in forms}


class ContextEvidence(NamedTuple):
    preposition: str
    after_preposition: int   # times the corpus writes the preposition before the next word
    after_lookalike: int     # times it writes the look-alike before it
    before_preposition: int  # times it writes the previous word before the preposition
    before_lookalike: int    # times it writes the previous word before the look-alike


@lru_cache(maxsize=1)
def table() -> dict[tuple[str, str, str], int]:
    """(side, form, neighbour) -> count; side "after" (the neighbour follows
    the form) or "before" (it precedes it)."""
    text = resources.files("newslint.rules.data").joinpath("preposition_context.tsv").read_text(encoding="utf-8")
    lines = text.split("\n")
    if not lines[0].startswith(HEADER):
        raise ValueError("preposition_context.tsv: not a newslint preposition context table (rebuild it with "
                         "bench/build_preposition_context.py)")
    counts = {}
    for line in lines[1:]:
        if line:
            side, form, neighbour, count = line.split("\t")
            counts[side, form, neighbour] = int(count)
    return counts


def evidence(lookalike: str, previous: str, following: str) -> ContextEvidence | None:
    """How often the corpus writes the preposition, and the look-alike,
    after `previous` and before `following` (bare words; "" for none);
    None for a word that is no look-alike."""
    preposition = LOOKALIKES.get(lookalike)
    if preposition is None:
        return None
    counts = table()

    def count(side, forms, neighbour):
        return sum(counts.get((side, form, neighbour), 0) for form in forms) if neighbour else 0

    spellings = SPELLINGS[preposition]
    return ContextEvidence(preposition, count("after", spellings, following), count("after", (lookalike,), following),
                           count("before", spellings, previous), count("before", (lookalike,), previous))
