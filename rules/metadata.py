"""Metadata family (MET): the tags line ("كلمات دلالية: ...")."""
from __future__ import annotations

import re

from newslint.arabic import fold
from newslint.hookspecs import hookimpl
from newslint.rule import Rule, hit

_LABEL = re.compile(r"^\s*[^:：]{1,30}[:：]\s*")
# one separator character; the white space around it is stripped in Python
# (a "\s*[،,]\s*" search retries at every character of a long run of spaces)
_SEPARATOR = re.compile(r"[،,|;؛#/]")
_PREFIXES = ("وال", "بال", "لل", "ال", "و", "ب", "ل", "ف", "ك")
MAX_TAG_WORDS = 4


def _norm(word: str) -> str:
    return fold(word).strip(".،,:\"'«»()")


_SUFFIXES = ("يه", "ات", "ين", "ون", "ان", "ه")


def _variants(word: str) -> set[str]:
    """The folded word with and without a clitic prefix and a light
    inflection suffix ("الروسية" ~ "الروسي", "الانتخابات" ~ "انتخاب")."""
    out = {word}
    for prefix in _PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            out.add(word[len(prefix):])
    for form in list(out):
        for suffix in _SUFFIXES:
            if form.endswith(suffix) and len(form) - len(suffix) >= 3:
                out.add(form[:-len(suffix)] + ("ي" if suffix == "يه" else ""))
                break
    return out


def tags_of(text: str) -> tuple[str, list[tuple[int, int, str]]]:
    """(separator style, [(start, end, tag text)]) of a tags line. Without
    separators, tags are space-separated words: each word is one item."""
    label = _LABEL.match(text)
    start = label.end() if label else 0
    if _SEPARATOR.search(text, start):
        return "separated", _separated_items(text, start)
    body = text[start:]
    return "spaces", [(start + m.start(), start + m.end(), m.group()) for m in re.finditer(r"\S+", body)]


def _separated_items(text: str, start: int) -> list[tuple[int, int, str]]:
    """(start, end, tag) of the items between the separators of
    text[start:]; white space next to a separator belongs to no item."""
    items, pos, first = [], start, True
    for sep in [*_SEPARATOR.finditer(text, start), None]:
        end = sep.start() if sep else len(text)
        part = text[pos:end]
        left = part if first else part.lstrip()  # without the white space after a separator
        piece = left.rstrip() if sep else left   # and before the next one
        if piece.strip():
            at = pos + len(part) - len(left)
            items.append((at, at + len(piece), piece.strip()))
        pos, first = (sep.end() if sep else end), False
    return items


class TagNotInArticle(Rule):
    """A tag that the article never mentions.

    What: an item of the tags line ("كلمات دلالية: ...") none of whose words
    (with or without و/ب/ل/ال) occur in the article's headline and body.
    Space-separated tag lists are checked word by word; a tag made of several
    words counts as found when any of its words is found.

    Why: the site's tag cloud or another article's tags were scraped with the
    text; such tags mislabel the article for every downstream classifier.

    Fires: "كلمات دلالية: كورونا سيرغي لافروف ..." under an article about a
    meeting of foreign ministers that never mentions كورونا.
    Does not fire: tags whose words all appear in the article.
    """

    code = "MET001"
    name = "tag-not-in-article"
    category = "metadata"
    severity = "info"

    def check(self, doc, options):
        zones = doc.zones
        if not zones.tags_lines:
            return
        article_words: set[str] = set()
        for number, kind in enumerate(zones.kinds, 1):
            if kind in ("headline", "body", "subheading", "list-item", "meta", "inline-marker"):
                for word in doc.line(number).text.split():
                    article_words |= _variants(_norm(word))
        for number in zones.tags_lines:
            text = doc.line(number).text
            style, items = tags_of(text)
            missing = [(start, end) for start, end, tag in items
                       if not any(_variants(_norm(w)) & article_words for w in tag.split() if _norm(w))]
            if style == "spaces":  # tag boundaries are unknown: report runs of missing words
                missing = _merge_adjacent(text, missing)
            for start, end in missing:
                yield hit(number, start + 1, end + 1, f"tag \"{text[start:end]}\" does not occur in the article")


def _merge_adjacent(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and not text[merged[-1][1]:start].strip():
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


class DuplicateTag(Rule):
    """A tag listed twice on the tags line.

    What: the same tag twice ("قره باغ ... قره باغ"). In a space-separated
    list, a repeated run of two or more words counts as a repeated tag.

    Why: duplicated tags inflate tag counts and show that two tag lists were
    merged by the scraper.

    Fires: "كلمات دلالية: كورونا باكو سيرغي لافروف قره باغ ... يريفان قره باغ".
    Does not fire: "كلمات دلالية: الكرملين روسيا" (each tag once).
    """

    code = "MET002"
    name = "duplicate-tag"
    category = "metadata"
    severity = "info"

    def check(self, doc, options):
        for number in doc.zones.tags_lines:
            text = doc.line(number).text
            style, items = tags_of(text)
            if style == "separated":
                seen = set()
                for start, end, tag in items:
                    key = _norm(" ".join(tag.split()))
                    if key in seen:
                        yield hit(number, start + 1, end + 1, f"tag \"{tag}\" is listed twice")
                    seen.add(key)
                continue
            words = [_norm(w) for _, _, w in items]
            reported = set()
            for size in range(MAX_TAG_WORDS, 1, -1):
                first_at = {}
                for i in range(len(words) - size + 1):
                    key = tuple(words[i:i + size])
                    if key in first_at and first_at[key] + size <= i and i not in reported:
                        start, end = items[i][0], items[i + size - 1][1]
                        reported.update(range(i, i + size))
                        yield hit(number, start + 1, end + 1, f"tag \"{text[start:end]}\" is listed twice")
                    first_at.setdefault(key, i)


@hookimpl
def newslint_rules():
    return [TagNotInArticle, DuplicateTag]
