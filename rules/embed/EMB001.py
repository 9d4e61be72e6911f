"""EMB001 (social-embed)."""
from __future__ import annotations

import re

from newslint.arabic import ENGLISH_MONTHS
from newslint.rule import Rule, hit
from newslint.rules.embed._common import _SOCIAL

_SOCIAL_HINTS = ("t.co/", "twitter", "x.com/", "instagram", "tiktok", "youtu.be", "fb.watch", "(@")
_SOCIAL_HINT = re.compile(r"t\.co/|twitter|x\.com/|instagram|tiktok|youtu\.be|fb\.watch|\(@")
_MONTH = f"(?:{ENGLISH_MONTHS})"
_SIGNATURE = re.compile(rf"[—–-]\s*[^()\n]{{1,60}}\(@\w{{1,30}}\)\s*{_MONTH}\s+\d{{1,2}},\s*\d{{4}}")


class SocialEmbed(Rule):
    """An embedded social-media post.

    What: links of embedded posts ("pic.twitter.com/…", "https://t.co/…",
    "twitter.com/…/status/…", Instagram, TikTok, youtu.be) and the
    signature line of an embedded tweet ("— Name (@handle) November 10,
    2023").

    Why: the post is someone else's text, usually in another language, that
    the scraper flattened into the article; its short links are dead ends.

    Fires: "…failing to learn from historical colonial wars.https://t.co/0UyHSQMva5".
    Does not fire: "وقال لامي في تغريدة على تويتر إن…" (reporting a tweet in
    the article's own words).
    """

    code = "EMB001"
    name = "social-embed"
    category = "embed"

    def check(self, doc, options):
        if not any(hint in doc.text for hint in _SOCIAL_HINTS):
            return  # plain substring tests: far faster than a regex alternation
        for line in doc.lines_matching(_SOCIAL_HINT):
            text = line.text
            for m in _SOCIAL.finditer(text):
                yield hit(line.number, m.start() + 1, m.end() + 1, f"link of an embedded social post \"{m.group()}\"")
            for m in _SIGNATURE.finditer(text):
                yield hit(line.number, m.start() + 1, m.end() + 1,
                          f"signature of an embedded tweet \"{m.group().strip()}\"")
