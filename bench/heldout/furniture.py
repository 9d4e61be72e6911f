"""Pseudo-sites: the corpus is one site, so sites are simulated.

Each pseudo-site gets furniture drawn at random from the corpus: 1-3 lines,
each a random 4-9 word span of a random paragraph of a random article, with
its digits masked (and refilled with random digits in every file, as dates
and counters of real page furniture change from page to page). The site
puts its furniture at one fixed place, the start of the file, its end, or
after body paragraph k, in about 90 % of its files. Each site is written as
its own folder, so a detector that learns furniture from a batch can learn
it per folder. The ground truth is one record per furniture line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from random import Random

from .articles import Article
from .edits import Defect, insert_lines, replace

SHARE_WITH_FURNITURE = 0.9
PLACES = ("start", "end", "after-paragraph")
_DIGIT = re.compile("[0-9٠-٩]")


@dataclass(frozen=True)
class Site:
    number: int
    templates: tuple       # furniture lines, digits masked as "#"
    place: str             # one of PLACES
    paragraph: int = 0     # k, for "after-paragraph"

    def describe(self) -> dict:
        return {"site": self.number, "place": self.place, "paragraph": self.paragraph, "lines": list(self.templates)}


def random_span(donors: list[Article], rng: Random) -> str:
    """A random 4-9 word span of a random body paragraph of a random donor."""
    while True:
        donor = rng.choice(donors)
        if not donor.paragraphs:
            continue
        words = rng.choice(donor.paragraphs).text.split()
        size = rng.randint(4, 9)
        if len(words) >= size:
            start = rng.randint(0, len(words) - size)
            return " ".join(words[start:start + size])


def draw_site(number: int, donors: list[Article], rng: Random) -> Site:
    templates = tuple(_DIGIT.sub("#", random_span(donors, rng)) for _ in range(rng.randint(1, 3)))
    place = rng.choice(PLACES)
    return Site(number, templates, place, rng.randint(1, 3) if place == "after-paragraph" else 0)


def fill_digits(template: str, rng: Random) -> str:
    return re.sub("#", lambda _: str(rng.randint(0, 9)), template)


def insertion_point(article: Article, site: Site) -> int:
    """Offset of the line start where the site's furniture goes."""
    if site.place == "start":
        return 0
    if site.place == "end" or not article.paragraphs:
        return len(article.text)
    paragraph = article.paragraphs[min(site.paragraph, len(article.paragraphs)) - 1]
    return paragraph.end + 1


def furnish(article: Article, site: Site, rng: Random) -> tuple[str, list[Defect]]:
    """The article as the site would serve it: with its furniture in ~90 % of
    the files, unchanged in the others."""
    if rng.random() >= SHARE_WITH_FURNITURE:
        return article.text, []
    lines = [fill_digits(t, rng) for t in site.templates]
    return insert_lines(article.text, insertion_point(article, site), lines, "furniture", f"site-{site.number}")


# ------------------------------------------------------------ datelines and bylines

DATELINE_STYLES = ("{0} - {c0} {c1}: ", "{0} {1}- {c0}- {2}: ", "{c0} {c1} - {0}: ", "{0} ({c0}) - ", "{0} - ")
"""How a site writes the head of its first paragraph: a place and its own
name ("بغداد - شفق نيوز: "), a byline with the outlet between the writer and
the place ("أحمد علي- سبق- القاهرة: "), its name first, a place and an
agency before a dash ("أنقرة (رويترز) - "), or a place alone ("بغداد - ").
{c0} {c1} are the site's constant words, {0} {1} {2} change from file to
file."""


DASH_TAIL_WORDS = 20
"""A dash-ended dateline goes only before a first paragraph longer than this
(BLP004's `tail-words`: a short paragraph after a dash is no article)."""


@dataclass(frozen=True)
class DatelineSite:
    number: int
    style: str
    constants: tuple      # the site's own words, the same in every file
    variables: tuple      # the words its files choose from (places, writers)

    def describe(self) -> dict:
        return {"dateline-site": self.number, "style": self.style, "constants": list(self.constants),
                "variables": list(self.variables)}


def random_words(donors: list[Article], rng: Random, count: int) -> tuple:
    """`count` distinct words of 3+ letters (no digits, no punctuation),
    each from a random paragraph of a random donor."""
    out: list[str] = []
    while len(out) < count:
        span = random_span(donors, rng).split()
        word = rng.choice(span).strip(".,،:؛;!?؟\"'()«»-")
        if len(word) >= 3 and word.isalpha() and word not in out:
            out.append(word)
    return tuple(out)


def draw_dateline_site(number: int, donors: list[Article], rng: Random) -> DatelineSite:
    return DatelineSite(number, rng.choice(DATELINE_STYLES), random_words(donors, rng, 2),
                        random_words(donors, rng, 12))


def date_line(article: Article, site: DatelineSite, rng: Random) -> tuple[str, list[Defect]]:
    """The article with the site's dateline or byline at the head of its
    first body paragraph, in ~90 % of the files."""
    if rng.random() >= SHARE_WITH_FURNITURE or not article.paragraphs:
        return article.text, []
    c0, c1 = site.constants
    head = site.style.format(*(rng.choice(site.variables) for _ in range(3)), c0=c0, c1=c1)
    if head.endswith("- ") and len(article.paragraphs[0].text.split()) <= DASH_TAIL_WORDS:
        return article.text, []  # a dateline ends in a dash before an article, not before a caption
    at = article.paragraphs[0].start
    copy, defect = replace(article.text, at, at, head, "dateline", f"dateline-{site.number}")
    return copy, [defect]
