"""Helpers shared by several rules of the truncation family."""
from __future__ import annotations


# Words a sentence cannot end on: prepositions, conjunctions, particles that
# need a clause after them, relative pronouns.
DANGLING = {
    "في", "على", "من", "إلى", "الى", "عن", "مع", "لدى", "حول", "ضد", "عبر", "خلال", "منذ", "تجاه", "نحو",
    "و", "ف", "ثم", "أو", "او", "بل", "لكن", "ولكن", "لكنّ", "أن", "ان", "أنّ", "إن", "إنّ", "بأن", "بان", "لأن",
    "لان", "كأن", "قد", "لقد", "لم", "لن", "لا", "كي", "لكي", "التي", "الذي", "الذين", "اللذين", "اللتين", "اللواتي",
    "بين", "عند", "إذ", "إذا", "اذا", "كما", "حيث", "بسبب", "وفي", "وعلى", "ومن", "وإلى", "وعن", "ومع", "وأن",
    "بـ", "لـ", "الـ", "وبـ", "ولـ",
}


def body_paragraphs(doc):
    """(line number, stripped text) of the article's body paragraphs."""
    zones = doc.zones
    for number in zones.paragraphs:
        if zones.in_article(number):
            text = doc.line(number).text.strip()
            if text:
                yield number, text
