"""Encoding family (ENC): how the bytes of the file are stored."""
from __future__ import annotations

import re

from newslint.hookspecs import hookimpl
from newslint.models import Edit, Fix
from newslint.rule import Rule, hit


class NotUtf8(Rule):
    """File is not UTF-8.

    What: the bytes are not valid UTF-8 and decode only in a legacy encoding
    (cp1256, ISO-8859-6, UTF-16, ...). The message names the detected encoding
    and the detector's confidence.

    Why: every tool downstream (search indexes, tokenizers, `grep`) assumes
    UTF-8; a cp1256 file read as UTF-8 becomes mojibake or is dropped.

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
    fixable = "safe"

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


class Utf8Bom(Rule):
    """File starts with a UTF-8 byte-order mark.

    What: the three bytes EF BB BF at the start of a UTF-8 file.

    Why: UTF-8 needs no byte-order mark; tools that do not expect it keep it
    as an invisible U+FEFF glued to the first word of the headline, which
    then never matches in search or deduplication.

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


class UndecodableBytes(Rule):
    """Bytes that are not valid UTF-8 inside an otherwise UTF-8 file.

    What: a file that is UTF-8 except for a few broken byte sequences, usually
    a multi-byte letter cut in half by a scraper that truncated on bytes.

    Why: strict readers reject the whole file; lenient ones silently turn
    the bytes into U+FFFD, so a word is lost without anyone noticing.

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


class NulCharacter(Rule):
    """NUL character (U+0000) in the text.

    What: a NUL byte among the text of an otherwise ordinary file, anywhere
    in it. (Data with more than four NULs that are also more than 1 % of
    its bytes is not text: it is reported as a binary file and not linted.
    UTF-16 without a byte-order mark is recognised, not called binary.)

    Why: C-based tools stop reading at a NUL, databases refuse it in text
    columns, and `file` calls the article binary: the rest of the article
    is lost, or the whole file is dropped.

    Fires: ``"فقرة\\x00 أولى"``. Does not fire: ``"فقرة أولى"``.

    Fix (unsafe): remove the NUL (it may have stood for a space).
    """

    code = "ENC005"
    name = "nul-character"
    category = "encoding"
    severity = "error"
    fixable = "unsafe"

    _NULS = re.compile("\x00+")

    def check(self, doc, options):
        if "\x00" not in doc.text:
            return
        for line in doc.lines_matching(self._NULS):
            for m in self._NULS.finditer(line.text):
                n = m.end() - m.start()
                yield hit(line.number, m.start() + 1, m.end() + 1,
                          f"{n} NUL character{'s' if n > 1 else ''} (U+0000) in the text",
                          Fix("unsafe", "remove the NUL character(s)",
                              (Edit(line.number, m.start() + 1, line.number, m.end() + 1, ""),)))


class MixedLineEndings(Rule):
    """Lines end in more than one style (LF, CRLF, CR) in one file.

    What: some lines end with CRLF and others with LF (or a lone CR).

    Why: a batch with mixed endings splits differently in different tools;
    a lone CR hides a line break from most Unix tools, gluing two paragraphs.

    Fires: a file whose first paragraph ends with ``\\r\\n`` and the rest with
    ``\\n``. Does not fire: a file that uses CRLF (or LF) throughout.

    Fix (safe): rewrite the minority endings in the file's majority style.
    """

    code = "ENC004"
    name = "mixed-line-endings"
    category = "encoding"
    severity = "warning"
    fixable = "safe"

    _NAMES = {"\n": "LF", "\r\n": "CRLF", "\r": "CR"}

    def check(self, doc, options):
        used = {k: v for k, v in doc.newline_counts.items() if v}
        if len(used) < 2:
            return
        majority = doc.newline
        odd = [line for line in doc.lines if line.ending and line.ending != majority]
        edits = tuple(Edit(line.number, len(line.text) + 1, line.number + 1, 1, majority) for line in odd)
        counts = ", ".join(f"{v} {self._NAMES[k]}" for k, v in sorted(used.items(), key=lambda kv: -kv[1]))
        first = odd[0]
        yield hit(first.number, len(first.text) + 1, len(first.text) + 1,
                  f"mixed line endings ({counts}); this line ends with {self._NAMES[first.ending]}",
                  Fix("safe", f"end every line with {self._NAMES[majority]}", edits))


@hookimpl
def newslint_rules():
    return [NotUtf8, Utf8Bom, UndecodableBytes, NulCharacter, MixedLineEndings]
