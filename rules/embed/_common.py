"""Helpers shared by several rules of the embed family."""
from __future__ import annotations

import re


_SOCIAL = re.compile(
    r"pic\.twitter\.com/\w+|https?://t\.co/\w+|(?:https?://)?(?:www\.)?(?:twitter|x)\.com/\w+/status(?:es)?/\d+"
    r"|(?:https?://)?(?:www\.)?instagram\.com/(?:p|reel)/[\w-]+|(?:https?://)?(?:www\.)?tiktok\.com/@[\w.]+/video/\d+"
    r"|(?:https?://)?(?:fb\.watch|youtu\.be)/[\w-]+")
