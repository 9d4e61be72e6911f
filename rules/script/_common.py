"""Helpers shared by several rules of the script family."""
from __future__ import annotations

from newslint.arabic import ARABIC_LETTERS

A = ARABIC_LETTERS
