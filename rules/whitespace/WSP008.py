"""WSP008 (empty-file)."""
from __future__ import annotations

from newslint.arabic import is_blank
from newslint.rule import Rule, hit


class EmptyFile(Rule):
    """The file holds no text.

    What: a file of zero bytes, or one holding only white space.

    Why: an empty article is a failed scrape; it still counts as a document
    in a batch and skews every statistic built on it.

    Evidence: the file's characters: no line holds anything but white space,
    tatweel or invisible marks (zero-width and direction characters, U+FEFF);
    a file of zero bytes has no line at all.

    Tune: no options. Set its severity (error by default), or use
    per-file-ignores for folders where empty placeholder files are expected.

    Fires: a 0-byte ``article.txt``. Does not fire: any file with a word in it.
    """

    code = "WSP008"
    name = "empty-file"
    category = "whitespace"
    severity = "error"

    def check(self, doc, options):
        if all(is_blank(line.text) for line in doc.lines):
            yield hit(1, 1, 1, "file is empty or holds only white space (file-level)")
