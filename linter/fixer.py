"""Apply the edits of fixes to a file's text, and encode it back the way
the file was encoded.

Fixes are taken in position order; a fix whose edits overlap an already
accepted fix is skipped (and reported), never half-applied. The accepted
ranges are kept sorted, so each fix is checked against its neighbours only
and the new text is built in one join: linear in the number of fixes.

Bytes outside the edits never change: the text is re-encoded with the
file's own codec, byte order and BOM (a `FileCodec`, decided once from the
original bytes), unless a fix asks for transcoding.
"""
from __future__ import annotations

import codecs
import re
from bisect import bisect_left, insort
from collections import Counter
from dataclasses import dataclass

from .decoding import UTF8_BOM, Decoded
from .document import Document


@dataclass
class FixOutcome:
    text: str
    transcode: str | None    # the encoding a fix asked for, else None
    applied: list
    skipped: list


def _offsets(doc: Document, edit) -> tuple[int, int]:
    return doc.offset(edit.line, edit.column), doc.offset(edit.end_line, edit.end_column)


def plan_fixes(doc: Document, findings, unsafe: bool = False) -> FixOutcome:
    accepted = AcceptedRanges()
    chosen, skipped, transcode = [], [], None
    for f in sorted((f for f in findings if f.fix is not None), key=lambda f: (f.line, f.column, f.code)):
        if f.fix.applicability == "unsafe" and not unsafe:
            continue
        ranges = [_offsets(doc, e) for e in f.fix.edits]
        if _self_overlap(ranges) or any(accepted.overlaps(r) for r in ranges):
            skipped.append(f)
            continue
        for r in ranges:
            accepted.add(r)
        chosen.append((f, ranges))
        transcode = f.fix.transcode or transcode
    edits = sorted((start, end, e.content) for f, ranges in chosen for (start, end), e in zip(ranges, f.fix.edits))
    return FixOutcome(_splice(doc.source_text, edits), transcode, [f for f, _ in chosen], skipped)


def _splice(text: str, edits: list) -> str:
    """`text` with the sorted, non-overlapping (start, end, content) edits
    applied, built in one join."""
    if not edits:
        return text
    pieces, at = [], 0
    for start, end, content in edits:
        pieces.append(text[at:start])
        pieces.append(content)
        at = end
    pieces.append(text[at:])
    return "".join(pieces)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    if a[0] == a[1] or b[0] == b[1]:  # insertions conflict only at the same point
        return a[0] == b[0] or (b[0] < a[0] < b[1]) or (a[0] < b[0] < a[1])
    return a[0] < b[1] and b[0] < a[1]


def _self_overlap(ranges) -> bool:
    if len(ranges) < 2:
        return False
    ordered = sorted(ranges)
    return any(_overlap(x, y) for x, y in zip(ordered, ordered[1:]))


class AcceptedRanges:
    """Ranges no two of which overlap, sorted by (start, end): their ends
    are sorted too, so a range can only overlap the accepted ranges next to
    where it would be inserted. Fixes arrive in position order, so most
    insertions go at the end."""

    # how far from the insertion point an overlap can be: one range on each
    # side, plus an insertion and a range that share a start or an end
    _REACH = 2

    def __init__(self):
        self._ranges: list[tuple[int, int]] = []

    def overlaps(self, r: tuple[int, int]) -> bool:
        at = bisect_left(self._ranges, r)
        near = self._ranges[max(0, at - self._REACH):at + self._REACH]
        return any(_overlap(r, other) for other in near)

    def add(self, r: tuple[int, int]) -> None:
        if not self._ranges or self._ranges[-1] <= r:
            self._ranges.append(r)
        else:
            insort(self._ranges, r)


# ------------------------------------------------------------ encodings

# the byte orders a file labelled utf-16 / utf-32 may have, BOM first
_BYTE_ORDERS = {
    "utf-16": ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
               (b"", "utf-16-le"), (b"", "utf-16-be")),
    "utf-32": ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
               (b"", "utf-32-le"), (b"", "utf-32-be")),
}
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")


class UnknownByteOrder(LookupError):
    """A utf-16/utf-32 file whose bytes decode to its text in no byte order."""


@dataclass(frozen=True)
class FileCodec:
    """How a file's text becomes its bytes again: decided once from the
    original bytes, so every fix pass encodes (and re-reads) the same way."""

    name: str             # the exact Python codec, byte order included
    label: str            # the encoding as documents report it ("utf-16", "cp1256")
    bom: bytes = b""
    errors: str = "strict"
    confidence: float = 1.0

    @classmethod
    def of(cls, doc: Document, data: bytes) -> "FileCodec":
        label = doc.encoding
        if label == "utf-8":
            # surrogate escapes carry the undecodable bytes back unchanged
            return cls("utf-8", label, UTF8_BOM if doc.bom else b"", "surrogateescape", doc.confidence)
        if label in _BYTE_ORDERS:
            return cls._byte_order(label, data, doc)
        # a legacy body may follow a UTF-8 BOM (decoding reports bom=True)
        bom = UTF8_BOM if doc.bom and data.startswith(UTF8_BOM) else b""
        return cls(label, label, bom, confidence=doc.confidence)

    @classmethod
    def _byte_order(cls, label: str, data: bytes, doc: Document) -> "FileCodec":
        for bom, name in _BYTE_ORDERS[label]:
            if data.startswith(bom) and (bom != b"") == doc.bom:
                try:
                    if data[len(bom):].decode(name) == doc.text:
                        return cls(name, label, bom, confidence=doc.confidence)
                except UnicodeDecodeError:
                    continue
        raise UnknownByteOrder(f"{label} file in no byte order that reproduces its text")

    def transcoded(self, encoding: str | None) -> "FileCodec":
        """The codec after a fix that re-encodes the file (no BOM)."""
        if encoding is None:
            return self
        return FileCodec(encoding, encoding, b"", "surrogateescape" if encoding == "utf-8" else "strict")

    def encode(self, text: str) -> bytes:
        return self.bom + text.encode(self.name, self.errors)

    def decoded(self, text: str) -> Decoded:
        """The Decoded of bytes this codec wrote from `text`, without
        decoding them again (and so without guessing the encoding again)."""
        bad = tuple((m.start(), ord(m.group()) - 0xDC00) for m in _ESCAPED_BYTE.finditer(text))
        shown = _ESCAPED_BYTE.sub("\ufffd", text) if bad else text
        return Decoded(shown, self.label, self.confidence, bool(self.bom), bad, text if bad else None)


def refixed_document(path: str, data: bytes, text: str, codec: FileCodec, newline: str) -> Document:
    """The document of a fix pass's result (`data`, encoded by `codec` from
    `text`), keeping the original file's newline style where it still
    occurs, so that a later pass does not adopt another."""
    doc = Document(path, data, codec.decoded(text))
    if doc.newline_counts.get(newline):
        doc.newline = newline
    return doc


@dataclass(frozen=True)
class FixPass:
    """One pass: the fixes applied and skipped, the bytes they give (None
    when the encoding cannot hold what a fix brought), the codec after it."""

    outcome: FixOutcome
    data: bytes | None
    codec: FileCodec


def fix_pass(doc: Document, findings, codec: FileCodec, unsafe: bool = False) -> FixPass:
    """Apply the fixes of `findings` to `doc` once and encode the result."""
    outcome = plan_fixes(doc, findings, unsafe)
    codec = codec.transcoded(outcome.transcode)
    try:
        data = codec.encode(outcome.text)
    except (UnicodeEncodeError, LookupError):  # a fix brought a character the encoding cannot hold
        data = None
    return FixPass(outcome, data, codec)


def apply_fixes(data, findings, unsafe: bool = False) -> tuple:
    """Fix `data` (str or bytes) with the fixes of `findings` in one pass;
    returns the result in the same type, and the applied and skipped
    findings."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    doc = Document(findings[0].path if findings else "-", raw)
    done = fix_pass(doc, findings, FileCodec.of(doc, raw), unsafe)
    fixed = done.data if done.data is not None else done.codec.encode(done.outcome.text)  # raises why not
    return (fixed.decode("utf-8") if isinstance(data, str) else fixed), done.outcome.applied, done.outcome.skipped


# ------------------------------------------------------------ the fix loop

MAX_FIX_PASSES = 10


@dataclass(frozen=True)
class FixResult:
    """A file after fixing, in memory: nothing is written here (the parent
    writes `fixed`, see writer.py)."""

    path: str
    findings: tuple            # findings left after fixing
    original: bytes
    fixed: bytes | None        # None when nothing changed
    applied: int = 0
    skipped: int = 0           # fixes left out because they overlapped another
    before: tuple = ()         # findings of the original bytes: reported when `fixed` is not written
    texts: tuple = ()          # (original, fixed) text as decoded, for --diff
    error: str | None = None   # why the file was not fixed or not linted
    applied_codes: tuple = ()  # (code, count) of the applied fixes, by code: what --show-fixes lists
    sketches: dict | None = None  # the batch rules' sketches of the text `findings` describe
    sketches_before: dict | None = None  # and of the original text, for when the fix is not written


def fix_bytes(path: str, data: bytes, plan, unsafe: bool = False) -> FixResult:
    """fix_article_bytes, or for a container file (JSONL, Parquet) its records' fixes."""
    from .containers import kind_of
    from .containers.fixing import fix_shard

    if kind_of(path):
        return fix_shard(path, data, plan, unsafe)
    return fix_article_bytes(path, data, plan, unsafe)


def fix_article_bytes(path: str, data: bytes, plan, unsafe: bool = False) -> FixResult:
    """Lint, apply fixes, lint again, until nothing more can be fixed.

    The encoding (codec, byte order, BOM) and the newline style are decided
    once, from the original bytes: a pass never re-guesses them from the
    bytes the previous pass wrote (a fix that removes a file's only
    multi-byte letter must not make it look like cp1256 to the next)."""
    from .decoding import NotText
    from .engine import batch_sketches, check_document, read_document

    try:
        doc = read_document(path, data, plan.parse)
    except NotText as exc:
        return FixResult(path, (), data, None, error=str(exc))
    first = findings = tuple(check_document(doc, plan))
    ignored = plan.spec.ignored_codes(path)
    sketches_before = batch_sketches(doc, plan, ignored)
    try:
        codec = FileCodec.of(doc, data)
    except LookupError as exc:  # bytes that no codec we know writes back exactly
        return FixResult(path, first, data, None, before=first, error=f"not fixed: {exc}",
                         sketches=sketches_before, sketches_before=sketches_before)
    newline, original_text = doc.newline, doc.text
    current, applied, skipped = data, 0, 0
    by_code = Counter()
    for _ in range(MAX_FIX_PASSES):
        done = fix_pass(doc, findings, codec, unsafe)
        skipped = len(done.outcome.skipped)  # overlapping fixes left for the next pass (or for good)
        if not done.outcome.applied or done.data is None or done.data == current:
            break
        applied += len(done.outcome.applied)
        by_code.update(f.code for f in done.outcome.applied)
        current, codec = done.data, done.codec
        parsed = plan.parse(path, current) if plan.parse is not None else None
        doc = parsed or refixed_document(path, current, done.outcome.text, codec, newline)
        findings = tuple(check_document(doc, plan))
    return FixResult(path, findings, data, current if current != data else None, applied, skipped, first,
                     (original_text, doc.text), applied_codes=tuple(sorted(by_code.items())),
                     sketches=batch_sketches(doc, plan, ignored) if current != data else sketches_before,
                     sketches_before=sketches_before)
