"""EMB002 (foreign-paragraph)."""
from __future__ import annotations

import re

from newslint.arabic import ARABIC_LETTERS, indent
from newslint.rule import Rule, hit

_LATIN_LETTER = re.compile(r"[A-Za-z]")
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")
_ARABIC_LETTER = re.compile(f"[{ARABIC_LETTERS}]")
# three Latin words in a row: the cheapest sign that a foreign paragraph may exist
# (from the start of a Latin word only: tried inside a long run of letters
# it would scan the rest of the run from every letter)
_LATIN_STRETCH = re.compile(r"(?<![A-Za-z])[A-Za-z]{2,}[ ,.;:'’-]{1,3}[A-Za-z]{2,}[ ,.;:'’-]{1,3}[A-Za-z]")
_EMOJI = re.compile("[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff]")


# Prose is mostly lowercase words ("said", "the", "que", "le"); a list of
# titles, names or an address is mostly capitalised ("The Grand Budapest
# Hotel, Boyhood", "Avenue des Nations Unies, 8050 Hammamet"). The share of
# lowercase words tells them apart in English, French, Spanish, German
# (whose capitalised nouns still leave their verbs and articles lowercase).
_PROSE_LOWERCASE_SHARE = 0.5


def _is_prose(words: list[str]) -> bool:
    lowercase = sum(1 for word in words if word[0].islower())
    return lowercase >= _PROSE_LOWERCASE_SHARE * len(words)


class ForeignParagraph(Rule):
    """A paragraph in Latin script inside an Arabic article.

    What: a line with at least `min-words` Latin-script words where Latin
    letters outnumber Arabic ones `ratio` to one, in a file that is mostly
    Arabic. Emoji on the line are mentioned: they mark a social post.
    Only prose counts: at least half the Latin words start lowercase
    (`_PROSE_LOWERCASE_SHARE`). A list of film titles, names or an address
    is mostly capitalised and is content of the article, not a foreign
    paragraph (issue 12, other sites).

    Why: it is an embedded post, a caption or an untranslated quote; Arabic
    corpora filtered by language ID keep the whole article, English
    paragraph and all.

    Evidence: the file's characters, line by line: a line needs at least 20
    Latin letters, `min-words` Latin words (of two letters or more), Latin
    letters at least `ratio` times its Arabic letters, and at least half its
    Latin words starting lowercase. The file needs at least `min-words` runs of
    Latin letters, a line with three Latin words in a row, and no fewer Arabic
    letters than Latin ones. Script and letter case decide, not the language;
    the article's structure is not read, so a line of an appended section
    counts too.

    Tune: `min-words` (5) and `ratio` (2); higher is stricter for both.

    Fires: "⚡️UK’s Lammy sees no Russian willingness for peace at G20 meeting."
    in an Arabic article. Does not fire: "وقال مدير شركة Huawei إن…" (a name),
    "The Grand Budapest Hotel, Boyhood, Birdman, Whiplash, American Sniper,
    Selma, ..." (a list of nominated films).
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
            if len(words) < options["min-words"] or latin < options["ratio"] * arabic or not _is_prose(words):
                continue
            emoji = " with emoji, like a social post" if _EMOJI.search(text) else ""
            start = indent(text) + 1
            preview = " ".join(text.split())
            preview = preview if len(preview) <= 50 else preview[:49] + "…"
            yield hit(line.number, start, len(text.rstrip()) + 1,
                      f"paragraph in Latin script{emoji} inside an Arabic article: \"{preview}\"")
