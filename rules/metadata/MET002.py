"""MET002 (duplicate-tag)."""
from __future__ import annotations

from newslint.rule import Rule, hit
from newslint.rules.metadata._common import _norm, tags_of

MAX_TAG_WORDS = 4


class DuplicateTag(Rule):
    """A tag listed twice on the tags line.

    What: the same tag twice ("قره باغ ... قره باغ"). In a space-separated
    list, a repeated run of two or more words counts as a repeated tag.

    Why: duplicated tags inflate tag counts and show that two tag lists were
    merged by the scraper.

    Evidence: the article's structure: its tags lines only (as newslint.zones
    finds them, before any appended section). With a separator (، , | ; ؛ # /),
    an item whose folded text, spaces collapsed and edge punctuation stripped,
    equals an earlier item's is a repeat; without one, a run of two to four
    (MAX_TAG_WORDS) folded words that recurs after its first occurrence without
    overlapping it is, and a single word twice is not reported.

    Tune: no options (severity info); ignore it, or use per-file-ignores for
    folders whose tags lines are discarded downstream.

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
