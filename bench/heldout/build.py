"""Assembling the held-out set: which article becomes which copy.

The articles of the chosen half are shuffled with the seed and each is used
at most once in the whole set (so no two files of the set are copies of one
article, and duplicate rules stay quiet). The pseudo-sites take their files
first, by site hash; then every defect class in turn takes the next articles
it can corrupt; then the controls take the next unused ones; last, the
dateline sites and the off-topic paragraphs take theirs, so that adding them
moved nothing else. An off-topic copy carries one paragraph of another
article of the half (its donor, which may be used elsewhere in the set: one
paragraph, not a copy of the article). Each copy gets its own random
generator, seeded by (seed, class, file name), so a defect does not move
when another class or a size changes.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from random import Random

from .articles import Article, half_of, site_of
from .defects import INJECTORS
from .edits import Defect, insert_lines, restore
from .furniture import date_line, draw_dateline_site, draw_site, furnish


@dataclass
class HeldoutSet:
    half: str
    seed: int
    articles_in_half: int
    files: dict = field(default_factory=dict)      # path in the set -> text
    originals: dict = field(default_factory=dict)  # path of a copy with defects -> the unmodified article
    defects: list = field(default_factory=list)    # Defect records, paths filled in
    controls: list = field(default_factory=list)   # paths of the unmodified copies
    sites: list = field(default_factory=list)      # Site

    def add(self, path: str, article: Article, text: str, defects: list[Defect]) -> None:
        self.files[path] = text
        if defects:
            self.originals[path] = article.text
        self.defects.extend(Defect(**{**d.to_json(), "path": path}) for d in defects)

    def truth(self) -> dict:
        return {"half": self.half, "seed": self.seed, "controls": self.controls,
                "sites": [s.describe() for s in self.sites], "defects": [d.to_json() for d in self.defects]}


def usable(article: Article) -> bool:
    """An article with a headline, a body and a final line break (every
    article of the corpus but a handful)."""
    return bool(article.paragraphs) and article.text.endswith("\n")


def shuffled_half(articles: list[Article], half: str, seed: int) -> list[Article]:
    pool = [a for a in articles if half_of(a.name) == half and usable(a)]
    Random(f"{seed}|pool|{half}").shuffle(pool)
    return pool


def checked(article: Article, copy: str, defects: list[Defect]) -> tuple[str, list[Defect]]:
    """The copy, after proving its records are exact: undoing them gives
    the article back."""
    if restore(copy, defects) != article.text:
        raise AssertionError(f"ground truth of {article.name} does not restore the article")
    return copy, defects


def add_sites(out: HeldoutSet, pool: list[Article], used: set, sites: int, per_site: int) -> None:
    members = {k: [] for k in range(1, sites + 1)}
    for article in pool:
        k = site_of(article.name, sites)
        if len(members[k]) < per_site:
            members[k].append(article)
            used.add(article.name)
    for k, files in members.items():
        site = draw_site(k, pool, Random(f"{out.seed}|site|{out.half}|{k}"))
        out.sites.append(site)
        for article in files:
            copy, defects = furnish(article, site, Random(f"{out.seed}|furniture|{article.name}"))
            out.add(f"site-{k}/{article.name}", article, *checked(article, copy, defects))


def add_defects(out: HeldoutSet, pool: list[Article], used: set, per_class: int) -> None:
    for cls, inject in INJECTORS.items():
        add_class(out, pool, used, per_class, cls, inject)


def add_class(out: HeldoutSet, pool: list[Article], used: set, per_class: int, cls: str, inject) -> None:
    """Up to `per_class` copies of class `cls`, from the next unused articles
    `inject` can corrupt, in defects/<cls>/."""
    made = 0
    for article in pool:
        if made == per_class:
            break
        if article.name in used:
            continue
        result = inject(article, Random(f"{out.seed}|{cls}|{article.name}"))
        if result is None:
            continue
        used.add(article.name)
        out.add(f"defects/{cls}/{article.name}", article, *checked(article, *result))
        made += 1


def add_controls(out: HeldoutSet, pool: list[Article], used: set, controls: int) -> None:
    for article in [a for a in pool if a.name not in used][:controls]:
        used.add(article.name)
        path = f"controls/{article.name}"
        out.add(path, article, article.text, [])
        out.controls.append(path)


def add_dateline_sites(out: HeldoutSet, pool: list[Article], used: set, sites: int, per_site: int) -> None:
    """Sites that head their first paragraph with a dateline or a byline
    whose place and writer change from file to file (folders dateline-K),
    from articles no other part of the set took: drawn last, so the rest of
    the set is what it was before they existed."""
    free = [a for a in pool if a.name not in used]
    for k in range(1, sites + 1):
        files, free = free[:per_site], free[per_site:]
        site = draw_dateline_site(k, pool, Random(f"{out.seed}|dateline|{out.half}|{k}"))
        out.sites.append(site)
        for article in files:
            used.add(article.name)
            copy, defects = date_line(article, site, Random(f"{out.seed}|dateline|{article.name}"))
            out.add(f"dateline-{k}/{article.name}", article, *checked(article, copy, defects))


OFF_TOPIC = "off-topic-paragraph"
_DONOR_ATTEMPTS = 20


def add_off_topic(out: HeldoutSet, pool: list[Article], used: set, per_class: int) -> None:
    """Articles whose last body paragraph is followed by a random body
    paragraph of another article of the half (a scraper that took the
    next story's text along), in defects/off-topic-paragraph/. Drawn after
    everything else, like the dateline sites, so the rest of the set does
    not move."""
    if len(pool) > 1:
        add_class(out, pool, used, per_class, OFF_TOPIC, lambda article, rng: off_topic(article, rng, pool))


def off_topic(article: Article, rng: Random, donors: list[Article]):
    """The article with a paragraph of another of `donors` after its last
    one (not a copy of one of its own paragraphs), or None."""
    for _attempt in range(_DONOR_ATTEMPTS):
        donor = rng.choice(donors)
        paragraph = rng.choice(donor.paragraphs).text
        if donor is not article and paragraph not in article.text:
            return insert_lines(article.text, article.body_end + 1, [paragraph], OFF_TOPIC, f"from {donor.name}")
    return None


def build(articles: list[Article], half: str, seed: int, per_class: int = 60, controls: int = 300,
          sites: int = 8, per_site: int = 30) -> HeldoutSet:
    pool = shuffled_half(articles, half, seed)
    out, used = HeldoutSet(half, seed, len(pool)), set()
    add_sites(out, pool, used, sites, per_site)
    add_defects(out, pool, used, per_class)
    add_controls(out, pool, used, controls)
    add_dateline_sites(out, pool, used, sites, per_site)
    add_off_topic(out, pool, used, per_class)
    return out


FILES, ORIGINALS = "files", "originals"


def write(heldout: HeldoutSet, folder: Path) -> None:
    """In `folder`: the set (files/), the unmodified article of every copy
    with a defect, at the same relative path (originals/), and the ground
    truth (truth.json)."""
    for subfolder, files in ((FILES, heldout.files), (ORIGINALS, heldout.originals)):
        for path, text in files.items():
            target = folder / subfolder / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(text.encode("utf-8"))
    (folder / "truth.json").write_text(json.dumps(heldout.truth(), ensure_ascii=False, indent=1), encoding="utf-8")
