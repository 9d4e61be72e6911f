"""Helpers shared by several rules of the numerals family."""
from __future__ import annotations

import re

from newslint.arabic import DIGITS


_SYSTEMS = {"western": "0-9", "arabic-indic": "\u0660-\u0669", "persian": "\u06f0-\u06f9"}
_DIGITS = DIGITS
_NUMBER = re.compile(f"[{_DIGITS}]+(?:[.,\u066b\u066c][{_DIGITS}]+)*")
