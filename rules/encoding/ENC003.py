"""ENC003 (undecodable-bytes)."""
from __future__ import annotations

from newslint.rule import Rule, hit


class UndecodableBytes(Rule):
    """Bytes that are not valid UTF-8 inside an otherwise UTF-8 file.

    What: a file that is UTF-8 except for a few broken byte sequences, usually
    a multi-byte letter cut in half by a scraper that truncated on bytes.

    Why: strict readers reject the whole file; lenient ones silently turn
    the bytes into U+FFFD, so a word is lost without anyone noticing.

    Evidence: the file's bytes: strict UTF-8 fails, but the undecodable
    sequences are at most 1 % of the bytes (one always allowed) and the first
    64 KiB hold a UTF-8 lead byte (0xC2 or above), so the file is kept as
    UTF-8; with more damage it is read in a legacy encoding (ENC001). Each
    undecodable byte is one finding, at the U+FFFD it became.

    Tune: no options (an error by default); lower its severity, ignore it, or
    use per-file-ignores for folders of raw scrapes kept as fetched.

    Fires: ``"\\xd9\\x85\\xd8"`` (the letter م and half of the next letter)
    at the end of a line. Does not fire: valid UTF-8.
    """

    code = "ENC003"
    name = "undecodable-bytes"
    category = "encoding"
    severity = "error"

    def check(self, doc, options):
        for offset, byte in doc.bad_bytes:
            line, column = doc.position(offset)
            yield hit(line, column, column + 1, f"byte 0x{byte:02X} is not valid UTF-8 "
                      "(shown as U+FFFD); part of a character was lost")
