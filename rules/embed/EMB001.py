"""EMB001 (social-embed)."""
from __future__ import annotations

import re

from newslint.dates import MONTHS
from newslint.rule import Rule, hit
from newslint.rules.embed._common import _SOCIAL

_SOCIAL_HINTS = ("t.co/", "twitter", "x.com/", "instagram", "tiktok", "youtu.be", "fb.watch", "(@")
_SOCIAL_HINT = re.compile(r"t\.co/|twitter|x\.com/|instagram|tiktok|youtu\.be|fb\.watch|\(@")
# The dash, the name and the handle make the signature; the date after them
# comes in whatever form the page rendered it ("November 10, 2023", "23rd,
# December 2024", "10 نوفمبر 2023"): Latin letters, digits and commas, or a
# day and an Arabic month, then a year ("(@minister) – إن 2000 أسرة" is no
# signature: a sentence goes on after the handle).
_ARABIC_MONTHS = "|".join(sorted(MONTHS, key=len, reverse=True))
_DATE_BEFORE_YEAR = (r"(?:[A-Za-z0-9 ,.]{0,30}?"  # "November 10, ", "23rd, December "
                     rf"|[0-9\u0660-\u0669]{{1,2}}\s+(?:{_ARABIC_MONTHS})\s+)")  # "10 نوفمبر "
_SIGNATURE = re.compile(r"[—–-]\s*[^()\n]{1,60}\(@\w{1,30}\)\s*" + _DATE_BEFORE_YEAR +
                        r"(?<![0-9\u0660-\u0669])[0-9\u0660-\u0669]{4}(?![0-9\u0660-\u0669])")


class SocialEmbed(Rule):
    """An embedded social-media post.

    What: links of embedded posts ("pic.twitter.com/…", "https://t.co/…",
    "twitter.com/…/status/…", Instagram, TikTok, youtu.be) and the
    signature line of an embedded tweet ("— Name (@handle) November 10,
    2023"), whatever the form of its date ("23rd, December 2024", "10
    نوفمبر 2023"), as long as a year closes it.

    Why: the post is someone else's text, usually in another language, that
    the scraper flattened into the article; its short links are dead ends.

    Evidence: the file's characters, on any line: a fixed list of link patterns
    (pic.twitter.com/, t.co/, twitter.com or x.com .../status/<digits>,
    instagram.com/p/ or /reel/, tiktok.com/@.../video/, fb.watch/, youtu.be/),
    and the signature: a dash, up to 60 characters without parentheses,
    "(@handle)" of up to 30 word characters, then up to 30 Latin letters,
    digits, spaces, dots and commas or a day and an Arabic month name, closed
    by a four-digit year. The article's structure is not read: such a link in
    the source line or an appended section is reported too.

    Tune: no options; ignore it, or use per-file-ignores for folders where
    embedded posts are kept on purpose.

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
