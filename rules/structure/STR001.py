"""STR001 (glued-sentences)."""
from __future__ import annotations

import re

from newslint.arabic import ARABIC_LETTERS
from newslint.rule import Rule, hit, insert

A = ARABIC_LETTERS
# a word of 3+ letters, a sentence-final mark, a word of 3+ letters; not part
# of a dotted acronym ("سي.إن.إن", "م.د") on either side
_HINT = re.compile(f"[.!?\u061f][{A}]")
# The third group takes the whole word, then the next character decides:
# "(?![A]*\.[A])" after a shorter group would rescan the rest of the word
# at every length it backtracks to (quadratic in a long word).
_GLUED = re.compile(f"(?<![{A}.])([{A}]{{3,}})([.!?\u061f])([{A}]{{3,}})(?![{A}])(?!\\.[{A}])")


class GluedSentences(Rule):
    """Two sentences glued together: a full stop followed directly by a word.

    What: sentence-final punctuation (. ! ? ؟) with an Arabic word of three
    or more letters on both sides and no space: "السينمائي.كما". Dotted
    acronyms ("سي.إن.إن", "أف.أم", "م.د") are not sentences and are accepted.

    Why: a paragraph break or a space was lost when the page was scraped, so
    two sentences (often two paragraphs, sometimes two articles) became one
    run of text; sentence splitters and tokenizers see "البيضاء.وشملت" as a
    single word.

    Evidence: the file's characters, on any line (no zones or lexicon): ". !
    ? ؟" with a run of 3 or more Arabic letters right before and right
    after it. The run before must not follow a letter or a ".", and the
    run after must not be followed by "." and a letter, so dotted acronyms
    are left alone; diacritics and tatweel are not letters and break a run.

    Tune: no options; set its severity, ignore it, or use per-file-ignores
    for folders where such a mark is expected inside words.

    Fires: "من اللحوم البيضاء.وشملت اللحوم الحمراء".
    Does not fire: "قالت شبكة (سي.إن.إن) الإخبارية", "البيضاء. وشملت".

    Fix (safe): insert a space after the mark.
    """

    code = "STR001"
    name = "glued-sentences"
    category = "structure"
    fixable = "safe"

    def check(self, doc, options):
        for line in doc.lines_matching(_HINT):
            text = line.text
            for m in _GLUED.finditer(text):
                at = m.start(3)
                yield hit(line.number, m.start(1) + 1, m.end(3) + 1,
                          f"two sentences glued together at \"{m.group()}\" (no space after \"{m.group(2)}\")",
                          insert(line.number, at + 1, " ", "insert a space"))
