"""Lint in memory: bytes -> Document -> rules -> findings. Pure: no file
I/O, no printing, no fixing (fixer.fix_bytes re-lints through here).

`LintPlan` is a `RunPlan` (plain data) bound to rule instances in this
process; the parse-document hook comes from the registry it is bound to.
"""
from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property
from typing import Callable, Optional

from . import containers
from .config import Config
from .decoding import NotText
from .document import Document
from .models import SEVERITY_RANK, FileError, FileResult, Finding
from .outcome import Linted
from .plan import RunPlan, Selection
from .rule import BatchRule


@dataclass
class LintPlan:
    """A run plan bound to this process's rule instances (built once per
    process: rules compile their patterns once)."""

    spec: RunPlan
    rules: list                        # rule instances, in the plan's order
    parse: Optional[Callable] = None   # the plugins' parse-document hook: (path, data) -> Document | None

    @classmethod
    def bind(cls, spec: RunPlan, registry) -> "LintPlan":
        return cls(spec, [registry.by_code[code]() for code in spec.codes], registry.parse_document)

    @classmethod
    def build(cls, registry, config: Config, select=None, ignore=None, extend_select=None) -> "LintPlan":
        """Plan and bind in one step (one process: tests, tools)."""
        selection = Selection(select, ignore, extend_select)
        return cls.bind(RunPlan.build(registry.rules, config, selection), registry)

    @property
    def options(self) -> dict:
        return self.spec.options

    @property
    def severities(self) -> dict:
        return self.spec.severities

    @cached_property
    def batch_rules(self) -> list:
        return [r for r in self.rules if isinstance(r, BatchRule)]

    @cached_property
    def document_rules(self) -> list:
        """(rule, options, severity) of the per-document rules, for the hot loop."""
        return [(r, self.options[r.code], self.severities[r.code]) for r in self.rules
                if not isinstance(r, BatchRule)]


def read_document(path: str, data: bytes, parse=None) -> Document:
    """The Document of `data`: a plugin's, else the built-in text parser's
    (raises NotText for bytes that are not text)."""
    if parse is not None:
        doc = parse(path, data)
        if doc is not None:
            return doc
    return Document(path, data)


def lint_bytes(path: str, data: bytes, plan: LintPlan) -> Linted:
    return lint_many([(path, data)], plan)[0]


def lint_many(items: list, plan: LintPlan) -> list[Linted]:
    """Lint several (path, bytes) files. Rules run rule by rule over the
    files rather than file by file: each rule's code and patterns stay hot in
    the CPU caches (about 12 % faster on the corpus). A container file
    (JSONL, Parquet) brings one document per record."""
    results: list = [None] * len(items)
    docs = []    # (index of the file in items, document)
    shards = {}  # index -> containers.Shard
    shard_findings, shard_sketches = defaultdict(list), defaultdict(dict)  # index -> its records' findings, sketches
    for i, (path, data) in enumerate(items):
        if containers.kind_of(path):
            shards[i] = shard = containers.read_shard(path, data, plan.spec.config)
            docs.extend((i, doc) for doc in shard.documents)
            continue
        try:
            docs.append((i, read_document(path, data, plan.parse)))
        except NotText as exc:
            results[i] = Linted(FileResult(path, (), FileError(path, str(exc))))
    just_docs = [doc for _, doc in docs]
    ignored = [plan.spec.ignored_codes(doc.path) for doc in just_docs]
    for (i, doc), findings, skip in zip(docs, check_documents(just_docs, plan, ignored), ignored):
        if i in shards:
            shard_findings[i].extend(findings)
            shard_sketches[i].update(record_sketches(doc, plan, skip))
        else:
            results[i] = Linted(FileResult(doc.path, tuple(findings)), batch_sketches(doc, plan, skip))
    for i, shard in shards.items():
        results[i] = Linted(shard_result(shard, shard_findings[i]), shard_sketches[i])
    return results


def shard_result(shard, findings: list) -> FileResult:
    """A container's findings (record by record) and its one-line error."""
    message = shard.error_message()
    return FileResult(shard.path, tuple(findings), FileError(shard.path, message) if message else None)


def record_sketches(doc, plan: LintPlan, ignored=()) -> dict:
    """A record's batch sketches, keyed by code and record (see containers.sketch_entries)."""
    return {containers.record_sketch_key(code, doc.record): sketch
            for code, sketch in batch_sketches(doc, plan, ignored).items()}


def batch_sketches(doc: Document, plan: LintPlan, ignored=()) -> dict:
    """Each enabled batch rule's sketch of `doc` (`ignored`: codes the
    per-file ignores switch off for it)."""
    sketches = {}
    for rule in plan.batch_rules:
        if rule.code in ignored:
            continue
        sketch = rule.sketch(doc, plan.options[rule.code])
        if sketch is not None:
            sketches[rule.code] = sketch
    return sketches


class LintCrash(Exception):
    """An internal error while linting, as one line that names the file.

    It holds nothing but that line, so it survives the trip from a worker
    process to the parent: an exception that cannot be unpickled kills the
    pool's result thread and leaves the parent waiting forever."""

    def __init__(self, message: str):
        super().__init__(message)


class RuleCrash(LintCrash):
    def __init__(self, code: str, path: str, exc: BaseException):
        super().__init__(f"internal error: rule {code} failed on {path}: {type(exc).__name__}: {exc}")

    def __reduce__(self):  # rebuilt from the message alone (the rule's exception stays behind)
        return (LintCrash, (str(self),))


def check_document(doc: Document, plan: LintPlan) -> list[Finding]:
    return check_documents([doc], plan)[0]


def check_documents(docs: list, plan: LintPlan, ignored: list | None = None) -> list[list[Finding]]:
    """The findings of each document, in position order (`ignored`: per
    document, the codes its per-file ignores switch off)."""
    if ignored is None:
        ignored = [plan.spec.ignored_codes(doc.path) for doc in docs]
    found: list[list] = [[] for _ in docs]  # per document: (hit, rule, severity)
    for rule, options, severity in plan.document_rules:
        code = rule.code
        for doc, hits, skip in zip(docs, found, ignored):
            if code in skip or (rule.needs_chars and not doc.has_rare(rule.needs_chars)):
                continue
            try:
                for h in rule.check(doc, options):
                    hits.append((h, rule, severity))
            except (Exception, SystemExit) as exc:  # a rule bug (even sys.exit) must name the rule and file
                raise RuleCrash(code, doc.path, exc) from exc
    out = []
    for doc, hits in zip(docs, found):
        hits.sort(key=lambda item: (item[0].line, item[0].column, item[1].code))
        out.append(_findings(doc, hits))
    return out


def _findings(doc: Document, found: list) -> list[Finding]:
    """Findings with stable ids: a hash of code, path, the flagged line's
    normalised text and the finding's index among findings with the same
    code and text. Moving lines does not change them; editing the flagged
    line does.

    Each line is normalised once, and the hash of "code, path, text" is
    computed once per code and distinct text, then copied and finished
    with the index per finding: many findings on one long line cost one
    pass over the line, not one per finding."""
    counts: dict[tuple, int] = {}     # (code, text digest) -> findings so far
    prefixes: dict[tuple, object] = {}  # (code, text digest) -> hash of code, path, text
    texts: dict[int, tuple] = {}      # line -> (normalised text, its digest)
    out = []
    path, record = doc.path, getattr(doc, "record", None)
    for h, rule, severity in found:
        entry = texts.get(h.line)
        if entry is None:
            entry = texts[h.line] = _normalised_line(doc, h.line)
        norm, text_key = entry
        key = (rule.code, text_key)
        index = counts.get(key, 0)
        counts[key] = index + 1
        prefix = prefixes.get(key)
        if prefix is None:
            prefix = prefixes[key] = _line_hash(rule.code, path, norm)
        digest = prefix.copy()
        digest.update(str(index).encode())
        out.append(Finding(rule.code, rule.name, rule.category, severity, path, h, digest.hexdigest()[:20],
                           rule.anchor(), record))
    return out


def _line_hash(code: str, path: str, norm: str):
    return hashlib.sha256(f"{code}\0{path}\0{norm}\0".encode("utf-8", "surrogatepass"))


def line_fingerprint(doc: Document, code: str, line: int) -> str:
    """The fingerprint a document rule's first finding of `code` on `line`
    gets (`_findings`), for a batch rule that reports a file at a line and
    must match the same baselines (SRC001 was a document rule)."""
    digest = _line_hash(code, doc.path, _normalised_line(doc, line)[0])
    digest.update(b"0")
    return digest.hexdigest()[:20]


def _normalised_line(doc: Document, line: int) -> tuple[str, bytes]:
    """The line's text with white space collapsed, and a digest of it: the
    digest, not the text, keys the per-text tables, so equal long lines do
    not get compared character by character per finding."""
    text = doc.lines[line - 1].text if 0 < line <= len(doc.lines) else ""
    norm = " ".join(text.split())
    return norm, hashlib.sha1(norm.encode("utf-8", "surrogatepass")).digest()


def batch_findings(rule, plan: LintPlan, path: str, h, fingerprint: str | None = None) -> Finding:
    """A Finding from a batch rule's hit (no document at hand: the
    fingerprint hashes code, path and message, unless the rule gives one)."""
    if fingerprint is None:
        key = f"{rule.code}\0{path}\0{h.message}".encode("utf-8", "surrogatepass")
        fingerprint = hashlib.sha256(key).hexdigest()[:20]
    path, record = containers.split_record_path(path)
    return Finding(code=rule.code, name=rule.name, category=rule.category, severity=plan.severities[rule.code],
                   path=path, hit=h, fingerprint=fingerprint, doc=rule.anchor(), record=record)


def at_or_above(severity: str, threshold: str) -> bool:
    return SEVERITY_RANK[severity] >= SEVERITY_RANK[threshold]
