"""Which hamza seat a bare alif takes where both are words (SPL006's fix).

"اثر" is a hamza omission either way, but the frequencies alone propose
"أثر" (trace), the more frequent word, where "على اثر" means "إثر"
(following); "قال ان" is "إن", not "أن". When the word's variant puts a
hamza on an alif and the other seat makes a word too (zipf >= 3.5), the
word-pair table (`newslint.word_context`) decides between the two when its
neighbours favour the other by `MIN_LOG_ODDS`; otherwise the frequencies
keep their choice. The table is one site's text, so on another site it
speaks less often, not differently.

Measured on the corpus (docs/orthography.md): of 4,206 findings whose
variant has a second seat of zipf >= 3.5, 840 take the other seat ("على
اثر" 202 times, "وكالة تونس افريقيا" 361 times, the agency's own إفريقيا),
a sample of 25 outside the agency's name 24 right.
"""
from __future__ import annotations

from functools import lru_cache

from newslint import word_context
from newslint.rules.spelling._orthography import Evidence, word_code

MIN_LOG_ODDS = 4.0
OTHER_SEAT_CODE = 70
_OTHER = {"أ": "إ", "إ": "أ"}


def other_seat(evidence: Evidence, neighbours) -> str | None:
    """The word with the other hamza seat, when the neighbours favour it over
    the evidence's variant; else None. `neighbours()` gives them (bare;
    None at a gap), asked only when the other seat makes a word: most
    findings have no second seat, and finding the neighbours costs more
    than the rest."""
    other = _other_seat_form(evidence.word, evidence.variant)
    return None if other is None else neighbours_prefer(evidence.variant, (other,), *neighbours())


def neighbours_prefer(variant: str, others, previous: str | None, following: str | None) -> str | None:
    """The one of `others` that the word-pair table's neighbours (bare; None
    at a gap) favour over `variant` by `MIN_LOG_ODDS`, the most favoured
    first; None when none is, or there is no neighbour. Shared by the hamza
    seat and SPL007's choice among several repairs."""
    if previous is None and following is None:
        return None
    odds = {other: word_context.log_odds(previous, variant, other, following) for other in others}
    best = max(odds, key=odds.get, default=None)
    return best if best is not None and odds[best] >= MIN_LOG_ODDS else None


@lru_cache(maxsize=1 << 14)
def _other_seat_form(word: str, variant: str) -> str | None:
    """The variant with its restored hamza on the other seat (أ/إ), when that
    makes a word of zipf >= 3.5 too."""
    if len(word) != len(variant):
        return None
    at = next((i for i, (a, b) in enumerate(zip(word, variant)) if a != b), None)
    if at is None or word[at] != "ا" or variant[at] not in _OTHER:
        return None
    other = variant[:at] + _OTHER[variant[at]] + variant[at + 1:]
    return other if word_code(other) >= OTHER_SEAT_CODE else None
