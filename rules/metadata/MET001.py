"""MET001 (tag-not-in-article)."""
from __future__ import annotations

from newslint.rule import Rule, hit
from newslint.rules.metadata._common import _norm, tags_of
from newslint.zones import ARTICLE_TEXT_KINDS, ZoneKind

# where a tag word counts as used in the article
_TEXT_KINDS = ARTICLE_TEXT_KINDS | {ZoneKind.META, ZoneKind.INLINE_MARKER}

_PREFIXES = ("وال", "بال", "لل", "ال", "و", "ب", "ل", "ف", "ك")

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


def _merge_adjacent(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and not text[merged[-1][1]:start].strip():
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


class TagNotInArticle(Rule):
    """A tag that the article never mentions.

    What: an item of the tags line ("كلمات دلالية: ...") none of whose words
    (with or without و/ب/ل/ال) occur in the article's headline and body.
    Space-separated tag lists are checked word by word; a tag made of several
    words counts as found when any of its words is found.

    Why: the site's tag cloud or another article's tags were scraped with the
    text; such tags mislabel the article for every downstream classifier.

    Evidence: the article's structure: the tags lines of the article (a line
    opening with "كلمات دلالية:" or another tags label, before any appended
    section) against the words of the headline, body, sub-headings, list items,
    meta lines and read-more lines. Words are folded (hamza seats, ta marbuta,
    diacritics), edge punctuation stripped, and matched with and without one
    prefix (وال, بال, لل, ال, و, ب, ل, ف, ك) and one suffix (يه, ات, ين, ون,
    ان, ه), at least three letters left; no lexicon. A tags line without a
    separator (، , | ; ؛ # /) is read word by word, adjacent missing words
    reported as one tag.

    Tune: no options (severity info); ignore it, or use per-file-ignores for
    folders of sites whose tags name sections or topics the text does not.

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
            if kind in _TEXT_KINDS:
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
