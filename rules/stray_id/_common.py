"""Helpers shared by several rules of the stray_id family."""
from __future__ import annotations

import re

from newslint.arabic import DIGITS


_DIGIT = DIGITS

_DIGITS = re.compile(f"[{_DIGIT}]")
_LETTER = re.compile("[A-Za-z]")
