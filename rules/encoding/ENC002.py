"""ENC002 (utf8-bom)."""
from __future__ import annotations

from newslint.models import Fix
from newslint.rule import Rule, hit


class Utf8Bom(Rule):
    """File starts with a UTF-8 byte-order mark.

    What: the three bytes EF BB BF at the start of a UTF-8 file.

    Why: UTF-8 needs no byte-order mark; tools that do not expect it keep it
    as an invisible U+FEFF glued to the first word of the headline, which
    then never matches in search or deduplication.

    Evidence: the file's bytes: the first three are EF BB BF and the rest
    decodes as UTF-8 (a few broken bytes, ENC003's, allowed). A mark before
    bytes that must be read in a legacy encoding is not reported here: ENC001
    reports the file.

    Tune: no options; ignore it, or use per-file-ignores for folders whose
    readers expect the mark.

    Fires: a file whose bytes begin ``\\xef\\xbb\\xbf`` before "أعلن وزير".
    Does not fire: the same file without those three bytes.

    Fix (safe): drop the mark.
    """

    code = "ENC002"
    name = "utf8-bom"
    category = "encoding"
    severity = "warning"
    fixable = "safe"

    def check(self, doc, options):
        if doc.bom and doc.encoding == "utf-8":
            yield hit(1, 1, 1, "file starts with a UTF-8 byte-order mark (U+FEFF)",
                      Fix("safe", "remove the byte-order mark", transcode="utf-8"))
