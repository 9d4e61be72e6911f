"""Embed family (EMB): social posts, other-language paragraphs, URLs and
e-mail addresses scraped into the article text."""
from __future__ import annotations

import re

from newslint.arabic import ARABIC_LETTERS
from newslint.hookspecs import hookimpl
from newslint.rule import Rule, hit

_SOCIAL = re.compile(
    r"pic\.twitter\.com/\w+|https?://t\.co/\w+|(?:https?://)?(?:www\.)?(?:twitter|x)\.com/\w+/status(?:es)?/\d+"
    r"|(?:https?://)?(?:www\.)?instagram\.com/(?:p|reel)/[\w-]+|(?:https?://)?(?:www\.)?tiktok\.com/@[\w.]+/video/\d+"
    r"|(?:https?://)?(?:fb\.watch|youtu\.be)/[\w-]+")
_SOCIAL_HINTS = ("t.co/", "twitter", "x.com/", "instagram", "tiktok", "youtu.be", "fb.watch", "(@")
_SOCIAL_HINT = re.compile(r"t\.co/|twitter|x\.com/|instagram|tiktok|youtu\.be|fb\.watch|\(@")
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_SIGNATURE = re.compile(rf"[—–-]\s*[^()\n]{{1,60}}\(@\w{{1,30}}\)\s*{_MONTH}\s+\d{{1,2}},\s*\d{{4}}")
_URL_HINT = re.compile(r"http|www\.")
_URL = re.compile(r"(?:https?://|www\.)[^\s\"'<>«»()]+[^\s\"'<>«»().,،:;!?]")
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_LATIN_LETTER = re.compile(r"[A-Za-z]")
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")
_ARABIC_LETTER = re.compile(f"[{ARABIC_LETTERS}]")
# three Latin words in a row: the cheapest sign that a foreign paragraph may exist
# (from the start of a Latin word only: tried inside a long run of letters
# it would scan the rest of the run from every letter)
_LATIN_STRETCH = re.compile(r"(?<![A-Za-z])[A-Za-z]{2,}[ ,.;:'’-]{1,3}[A-Za-z]{2,}[ ,.;:'’-]{1,3}[A-Za-z]")
_EMOJI = re.compile("[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff]")


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


class ForeignParagraph(Rule):
    """A paragraph in Latin script inside an Arabic article.

    What: a line with at least `min-words` Latin-script words where Latin
    letters outnumber Arabic ones `ratio` to one, in a file that is mostly
    Arabic. Emoji on the line are mentioned: they mark a social post.

    Why: it is an embedded post, a caption or an untranslated quote; Arabic
    corpora filtered by language ID keep the whole article, English
    paragraph and all.

    Fires: "⚡️UK’s Lammy sees no Russian willingness for peace at G20 meeting."
    in an Arabic article. Does not fire: "وقال مدير شركة Huawei إن…" (a name).
    """

    code = "EMB002"
    name = "foreign-paragraph"
    category = "embed"
    options = {"min-words": {"type": "integer", "minimum": 1, "default": 5,
                             "description": "Latin words a line needs to count as a foreign paragraph"},
               "ratio": {"type": "number", "minimum": 1, "default": 2,
                         "description": "Latin letters per Arabic letter on the line"}}

    def check(self, doc, options):
        if len(doc.latin_runs) < options["min-words"]:
            return  # not enough Latin words in the whole file
        candidates = doc.lines_matching(_LATIN_STRETCH)
        if not candidates:
            return  # no line has three Latin words in a row
        if len(_ARABIC_LETTER.findall(doc.text)) < len(_LATIN_LETTER.findall(doc.text)):
            return  # not an Arabic article
        for line in candidates:
            text = line.text
            latin = len(_LATIN_LETTER.findall(text))
            if latin < 20:
                continue
            arabic = len(_ARABIC_LETTER.findall(text))
            words = _LATIN_WORD.findall(text)
            if len(words) < options["min-words"] or latin < options["ratio"] * arabic:
                continue
            emoji = " with emoji, like a social post" if _EMOJI.search(text) else ""
            start = len(text) - len(text.lstrip()) + 1
            preview = " ".join(text.split())
            preview = preview if len(preview) <= 50 else preview[:49] + "…"
            yield hit(line.number, start, len(text.rstrip()) + 1,
                      f"paragraph in Latin script{emoji} inside an Arabic article: \"{preview}\"")


class RawUrl(Rule):
    """A raw URL in the text.

    What: "http://…", "https://…" or "www.…" written out in a paragraph
    (links of social posts are EMB001's).

    Why: the link text of the page leaked into the article; URLs are noise
    for language models and often carry tracking parameters.

    Fires: "للمزيد من المعلومات يرجى زيارة الموقع: http://consumer.huawei.com/ae-en/".
    Does not fire: "على موقع الوزارة الرسمي".
    """

    code = "EMB003"
    name = "raw-url"
    category = "embed"
    severity = "info"

    def check(self, doc, options):
        if "http" not in doc.text and "www." not in doc.text:
            return
        for line in doc.lines_matching(_URL_HINT):
            text = line.text
            social = [(m.start(), m.end()) for m in _SOCIAL.finditer(text)]
            for m in _URL.finditer(text):
                if any(s <= m.start() < e or m.start() <= s < m.end() for s, e in social):
                    continue
                yield hit(line.number, m.start() + 1, m.end() + 1, f"raw URL \"{m.group()}\" in the text")


class EmailAddress(Rule):
    """An e-mail address in the text.

    What: "name@example.org" in a paragraph.

    Why: personal data in a data set is a liability (privacy law, takedown
    requests); in news text it is usually a press-release contact block.

    Fires: "البريد الإلكتروني: tala.odeh@ogilvy.com".
    Does not fire: "@handle" alone, or "راسلونا عبر البريد".
    """

    code = "EMB004"
    name = "email-address"
    category = "embed"

    def check(self, doc, options):
        if "@" not in doc.rare:
            return
        for line in doc.lines_matching(_EMAIL):
            for m in _EMAIL.finditer(line.text):
                yield hit(line.number, m.start() + 1, m.end() + 1, f"e-mail address \"{m.group()}\" in the text")


@hookimpl
def newslint_rules():
    return [SocialEmbed, ForeignParagraph, RawUrl, EmailAddress]
