"""--fix on a container: each record's article is fixed as a file is, and
the fixed title and text are written back into the record's line, each
changed string value re-serialised in place; every other byte of the shard
stays as it was. Parquet shards are read-only."""
from __future__ import annotations

from collections import Counter
from dataclasses import replace

from ..fixer import FixResult, fix_article_bytes
from . import jsonl, read_shard, record_sketch_key
from .layout import split_article
from .records import field_names

READ_ONLY = {"parquet": "not fixed: parquet shards are read-only",
             "jsonl.gz": "not fixed: compressed shards are read-only"}


def fix_shard(path: str, data: bytes, plan, unsafe: bool) -> FixResult:
    shard = read_shard(path, data, plan.spec.config)
    if shard.kind != "jsonl" or shard.unreadable:
        return _unfixed(shard, data, plan)
    fields = field_names(plan.spec.config, "jsonl")
    lines = jsonl.split_lines(data)
    after, before, notes = [], [], []
    sketches, sketches_before = {}, {}  # "<code>@<record>" -> the record's sketch, as reported / as read
    applied = skipped = 0
    codes = Counter()
    for doc in shard.documents:
        outcome = fix_article_bytes(path, doc.article.text.encode("utf-8"), plan, unsafe)
        before.extend(_in_record(outcome.before or outcome.findings, doc.record))
        _add_record_sketches(sketches_before, outcome.sketches_before, doc.record)
        line = _fixed_line(doc, outcome, fields)
        if line is None:
            if outcome.fixed is not None:
                notes.append(f"record {doc.record}: not fixed: the fixes moved the border between title and text")
            after.extend(_in_record(outcome.before or outcome.findings, doc.record))
            _add_record_sketches(sketches, outcome.sketches_before, doc.record)
            continue
        after.extend(_in_record(outcome.findings, doc.record))
        _add_record_sketches(sketches, outcome.sketches, doc.record)
        raw = lines[doc.record - 1]
        lines[doc.record - 1] = line.encode("utf-8") + raw[len(raw.rstrip(b"\r\n")):]
        applied, skipped = applied + outcome.applied, skipped + outcome.skipped
        codes.update(dict(outcome.applied_codes))
    fixed = b"".join(lines)
    error = "; ".join(filter(None, [shard.error_message(), *notes])) or None
    return FixResult(path, tuple(after), data, fixed if fixed != data else None, applied, skipped, tuple(before),
                     (_text(data), _text(fixed)), error, tuple(sorted(codes.items())), sketches, sketches_before)


def _add_record_sketches(into: dict, sketches: dict | None, record: int) -> None:
    for code, sketch in (sketches or {}).items():
        into[record_sketch_key(code, record)] = sketch


def _fixed_line(doc, outcome: FixResult, fields: dict) -> str | None:
    """The record's line with its fixed title and text, or None when
    nothing was fixed or the fixed article cannot be split into them."""
    if outcome.fixed is None:
        return None
    try:
        parts = split_article(doc.article, outcome.fixed.decode("utf-8"))
    except UnicodeDecodeError:
        return None
    if parts is None:
        return None
    title, text = parts
    record = doc.source_record
    changed = {}
    if title is not None and title != record.values.get("title"):
        changed[fields["title"]] = title
    if text != record.values["text"]:
        changed[fields["text"]] = text
    return jsonl.with_values(record, changed)


def _in_record(findings, record: int) -> list:
    return [replace(f, record=record) for f in findings]


def _unfixed(shard, data: bytes, plan) -> FixResult:
    """A shard linted but not fixed (Parquet, compressed, or unreadable)."""
    from ..engine import lint_many

    linted = lint_many([(shard.path, data)], plan)[0]
    result = linted.result
    why = shard.unreadable or "; ".join(filter(None, [READ_ONLY[shard.kind], shard.error_message()]))
    return FixResult(shard.path, result.findings, data, None, before=result.findings, error=why,
                     sketches=linted.sketches, sketches_before=linted.sketches)


def _text(data: bytes) -> str:
    return data.decode("utf-8", "replace")
