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
from .edits import Defect, insert_lines

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
