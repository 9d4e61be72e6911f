"""Apply the edits of fixes to a file's text, and write the result safely.

Edits of one file are applied together, last first, so earlier positions
stay valid. A fix whose edits overlap an already accepted fix is skipped
(and reported), never half-applied. Bytes outside the edits never change:
the text is re-encoded in the file's own encoding, with its BOM, unless a
fix asks for transcoding.
"""
from __future__ import annotations

import os
import stat
import tempfile
from dataclasses import dataclass

from .document import Document


@dataclass
class FixOutcome:
    text: str
    encoding: str
    bom: bool
    applied: list
    skipped: list


def _offsets(doc: Document, edit) -> tuple[int, int]:
    return doc.offset(edit.line, edit.column), doc.offset(edit.end_line, edit.end_column)


def plan_fixes(doc: Document, findings, unsafe: bool = False) -> FixOutcome:
    chosen, skipped, spans = [], [], []
    encoding, bom = doc.encoding, doc.bom
    for f in sorted((f for f in findings if f.fix is not None), key=lambda f: (f.line, f.column, f.code)):
        if f.fix.applicability == "unsafe" and not unsafe:
            continue
        ranges = [_offsets(doc, e) for e in f.fix.edits]
        if any(_overlap(r, s) for r in ranges for s in spans) or _self_overlap(ranges):
            skipped.append(f)
            continue
        spans.extend(ranges)
        chosen.append((f, ranges))
        if f.fix.transcode:
            encoding, bom = f.fix.transcode, False
    edits = sorted(((start, end, e.content) for f, ranges in chosen for (start, end), e in zip(ranges, f.fix.edits)),
                   key=lambda t: (t[0], t[1]), reverse=True)
    text = doc.source_text
    for start, end, content in edits:
        text = text[:start] + content + text[end:]
    return FixOutcome(text, encoding, bom, [f for f, _ in chosen], skipped)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    if a[0] == a[1] or b[0] == b[1]:  # insertions conflict only at the same point
        return a[0] == b[0] or (b[0] < a[0] < b[1]) or (a[0] < b[0] < a[1])
    return a[0] < b[1] and b[0] < a[1]


def _self_overlap(ranges) -> bool:
    ordered = sorted(ranges)
    return any(_overlap(x, y) for x, y in zip(ordered, ordered[1:]))


def apply_fixes(data, findings, unsafe: bool = False) -> tuple:
    """Fix `data` (str or bytes) with the fixes of `findings`; returns the
    result in the same type, and the applied and skipped findings."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    outcome = plan_fixes(Document(findings[0].path if findings else "-", raw), findings, unsafe)
    fixed = encode(outcome)
    return (fixed.decode("utf-8") if isinstance(data, str) else fixed), outcome.applied, outcome.skipped


def encode(outcome: FixOutcome) -> bytes:
    data = outcome.text.encode(outcome.encoding, errors="surrogateescape" if outcome.encoding == "utf-8" else "strict")
    if outcome.bom and outcome.encoding == "utf-8":
        data = b"\xef\xbb\xbf" + data
    return data


def write_atomic(path: str, data: bytes) -> None:
    """Write to a temp file in the same folder, fsync, then rename over
    `path`, keeping its permission bits. A crash leaves the old file."""
    folder = os.path.dirname(os.path.abspath(path))
    mode = stat.S_IMODE(os.stat(path).st_mode)
    fd, tmp = tempfile.mkstemp(prefix=".newslint-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
