"""Helpers shared by several rules of the stray_id family."""
from __future__ import annotations

import re


_DIGIT = "0-9\u0660-\u0669\u06f0-\u06f9"

_DIGITS = re.compile(f"[{_DIGIT}]")
_LETTER = re.compile("[A-Za-z]")
