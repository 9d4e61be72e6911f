"""DUP001 (exact-duplicate)."""
from __future__ import annotations

from array import array
from collections import defaultdict

from newslint.rule import BatchRule, hit
from newslint.sorted_groups import groups_of_equal
from newslint.rules.duplicate._common import _digest


class ExactDuplicate(BatchRule):
    """The same article text as another file of the batch.

    What: two files whose article text (headline and body, compared word by
    word, so that spaces of any kind and line breaks do not count) is
    identical, whatever their line endings, encoding or appended sections. Reported on every copy but the
    first by path, naming that first copy.

    Why: duplicates inflate counts, leak between training and test splits and
    weight one story many times.

    Evidence: the batch. Each file is reduced to a SHA-1 of its article words
    (headline, body, sub-headings and list items of the article, as
    newslint.zones parses it; meta, source, tags and read-more lines and
    appended sections left out) joined by single spaces, and equal digests
    among the run's files of one configuration are copies; letters, diacritics
    and punctuation count as written, nothing is folded. A file of fewer than
    `min-words` (20) words gets no digest and is never compared.

    Tune: `min-words` (20); higher is stricter (fewer, longer articles
    compared), lower compares short briefs too.

    Fires: a.txt and b.txt holding the same article, one with CRLF and
    no-break spaces. Does not fire: two articles on the same event in
    different words.
    """

    code = "DUP001"
    name = "exact-duplicate"
    category = "duplicate"
    severity = "error"
    options = {"min-words": {"type": "integer", "minimum": 1, "default": 20,
                             "description": "articles shorter than this are not compared"}}

    def sketch(self, doc, options):
        words = doc.article_utf8_words
        if len(words) < options["min-words"]:
            return None
        return _digest(words)

    def compare(self, sketches, options):
        """Files with equal digests: found by sorting a 64-bit prefix of
        each digest (8 bytes a file, the sketches may be on disk), then the
        few files that share one are read back and their whole digests
        compared."""
        prefixes = array("Q", (int.from_bytes(digest[:8], "little") for _, digest in sketches))
        for members in groups_of_equal(len(prefixes), prefixes.__getitem__):
            yield from _copies([sketches[i] for i in members])


def _copies(entries: list):
    """The findings of (path, digest) entries with one digest prefix."""
    by_digest = defaultdict(list)
    for path, digest in entries:
        by_digest[digest].append(path)
    for paths in by_digest.values():
        if len(paths) > 1:
            first, *rest = sorted(paths)
            for path in rest:
                yield path, hit(1, 1, 1, f"same article text as {first} (file-level)")
