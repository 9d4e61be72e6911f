"""Helpers shared by several rules of the stray_id family."""
from __future__ import annotations

import re

from newslint.arabic import DIGITS


_DIGIT = DIGITS

_DIGITS = re.compile(f"[{_DIGIT}]")
_LETTER = re.compile("[A-Za-z]")


# Several lines in a row with different numbers are a published list
# (admission numbers, results, a timetable), not scraper debris: a stray ID
# comes alone, or repeats itself (the same counter on three lines is debris).
# Evidence from the document itself, so it holds on any site.
LIST_RUN = 3


def in_list_runs(lines, item_of) -> set:
    """Numbers of the lines in a run of consecutive non-blank lines for which
    `item_of(line)` is not None, when the run holds at least LIST_RUN
    different items (blank lines between them do not break the run)."""
    listed, run = set(), {}
    for line in lines:
        if not line.text.strip():
            continue
        item = item_of(line)
        if item is not None:
            run[line.number] = item
            continue
        _close_run(run, listed)
        run = {}
    _close_run(run, listed)
    return listed


def _close_run(run: dict, listed: set) -> None:
    if len(set(run.values())) >= LIST_RUN:
        listed.update(run)
