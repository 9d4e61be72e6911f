"""EMB004 (email-address)."""
from __future__ import annotations

import re

from newslint.rule import Rule, hit

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")


class EmailAddress(Rule):
    """An e-mail address in the text.

    What: "name@example.org" in a paragraph.

    Why: personal data in a data set is a liability (privacy law, takedown
    requests); in news text it is usually a press-release contact block.

    Evidence: the file's characters: a run of word characters (any script),
    ".", "+" and "-" not glued to another such character, "@", then a domain
    whose last label has two Latin letters or more; a file without "@" is
    skipped. The article's structure is not read: an address in the source line
    or an appended section is reported too.

    Tune: no options; ignore it, or use per-file-ignores for folders where
    contact addresses are kept on purpose (press releases).

    Fires: "البريد الإلكتروني: tala.odeh@ogilvy.com".
    Does not fire: "@handle" alone, or "راسلونا عبر البريد".
    """

    code = "EMB004"
    name = "email-address"
    category = "embed"
    needs_chars = "@"

    def check(self, doc, options):
        for line in doc.lines_matching(_EMAIL):
            for m in _EMAIL.finditer(line.text):
                yield hit(line.number, m.start() + 1, m.end() + 1, f"e-mail address \"{m.group()}\" in the text")
