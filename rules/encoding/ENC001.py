"""ENC001 (not-utf8)."""
from __future__ import annotations

from newslint.models import Fix
from newslint.rule import Rule, hit


class NotUtf8(Rule):
    """File is not UTF-8.

    What: the bytes are not valid UTF-8 and decode only in a legacy encoding
    (cp1256, ISO-8859-6, UTF-16, ...). The message names the detected encoding
    and the detector's confidence.

    Why: every tool downstream (search indexes, tokenizers, `grep`) assumes
    UTF-8; a cp1256 file read as UTF-8 becomes mojibake or is dropped.

    Evidence: the file's bytes: a UTF-16 or UTF-32 byte-order mark; UTF-16
    without one (nine in ten of its high bytes take one of two values; certain
    only when the text reads as Arabic); or bytes that fail strict UTF-8 with
    more than one undecodable sequence and more than 1 % of the bytes, or with
    no UTF-8 lead byte (0xC2 or above) in the first 64 KiB (less damage is
    ENC003's). For those, charset-normalizer's guess, cp1256 and ISO-8859-6 are
    each decoded and scored with a character-bigram model of Arabic news
    (newslint.plausibility: Arabic when at least half the letters are Arabic
    and the mean log-probability is -3.8 or more); the best Arabic reading
    wins, certain when it beats every other one by 5 nats or more. The
    confidence in the message is charset-normalizer's (1 minus its mess ratio
    on the first 8,192 characters), not that score.

    Tune: no options (an error by default); lower its severity, ignore it, or
    use per-file-ignores for an archive kept in a legacy encoding on purpose.

    Fires: an article saved by a Windows scraper as cp1256, whose first bytes
    are ``\\xc3\\xda\\xe1\\xe4`` ("أعلن").
    Does not fire: the same article stored as UTF-8.

    Fix: rewrite the file as UTF-8 without a byte-order mark. Safe only when
    the detection is certain: the decoded text reads as Arabic (Arabic
    letters in the orders Arabic news uses) and no other encoding's reading
    comes close. Otherwise (a short headline, text in another script) the
    fix is unsafe and the message says why: converting with a wrong guess
    writes the text in the wrong script for good.
    """

    code = "ENC001"
    name = "not-utf8"
    category = "encoding"
    severity = "error"
    fixable = "unsafe"  # safe when the legacy reading is certain, unsafe when in doubt

    def check(self, doc, options):
        if doc.encoding in ("utf-8",):
            return
        doubt = getattr(doc, "encoding_doubt", "")  # a plugin's Document may not have it
        if doubt:
            fix = Fix("unsafe", f"rewrite as UTF-8, if it really was {doc.encoding}", transcode="utf-8")
            yield hit(1, 1, 1, f"file is not UTF-8; it may be {doc.encoding} (confidence {doc.confidence:.2f}), "
                      f"but {doubt}, so check before converting (file-level)", fix)
            return
        fix = Fix("safe", f"rewrite as UTF-8 (was {doc.encoding})", transcode="utf-8")
        yield hit(1, 1, 1, f"file is encoded as {doc.encoding} (confidence {doc.confidence:.2f}), "
                  "not UTF-8 (file-level)", fix)
