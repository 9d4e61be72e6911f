"""Plain data shared by the engine, the rules and the reporters.

Everything here is a frozen dataclass or a constant: rules build `Hit`s, the
engine places them in `Finding`s, reporters only read them.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from operator import attrgetter
from typing import Any, Iterator, Optional, Tuple

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}

# Fixed vocabulary: reports, configs and tests use these names.
CATEGORIES = (
    "encoding", "whitespace", "numerals", "stray-id", "truncation", "spelling",
    "script", "boilerplate", "structure", "source", "metadata", "embed", "duplicate",
)
CATEGORY_PREFIX = {
    "encoding": "ENC", "whitespace": "WSP", "numerals": "NUM", "stray-id": "SID",
    "truncation": "TRN", "spelling": "SPL", "script": "SCR", "boilerplate": "BLP",
    "structure": "STR", "source": "SRC", "metadata": "MET", "embed": "EMB",
    "duplicate": "DUP",
}


@dataclass(frozen=True)
class Edit:
    """Replace the text from (line, column) up to (end_line, end_column).

    Positions are 1-based Unicode code points of the decoded text; the end is
    exclusive. A position one past the last column of a line stands on that
    line's terminator, so an edit may remove or rewrite line endings.
    """

    line: int
    column: int
    end_line: int
    end_column: int
    content: str


@dataclass(frozen=True)
class Fix:
    """A proposed change. `safe` fixes cannot change what the text means."""

    applicability: str  # "safe" | "unsafe"
    message: str
    edits: Tuple[Edit, ...] = ()
    # Re-encode the file in this encoding (no BOM); used by encoding rules.
    transcode: Optional[str] = None


def checked(cls, **fields):
    """An instance of the frozen dataclass `cls` from values already checked
    (every field given), without `__init__`'s one `object.__setattr__` a
    field: a warm run rebuilds tens of thousands of findings from the cache
    (`cache._finding_from`), and this is half the cost of each. Equal and
    hashed like one built by `cls(**fields)` (tests/test_reliability_cache.py)."""
    made = object.__new__(cls)
    made.__dict__.update(fields)
    return made


@dataclass(frozen=True)
class Hit:
    """What a rule yields: where, what, and optionally how to fix it."""

    line: int
    column: int
    end_line: int
    end_column: int
    message: str
    fix: Optional[Fix] = None
    # How sure the rule is, from its evidence (0-1). A rule that decides by
    # a pattern that is wrong in itself leaves it at 1.0; statistical rules
    # set it from their scores, and `--min-confidence` filters on it.
    confidence: float = 1.0


@dataclass(frozen=True)
class Finding:
    """A rule's `Hit`, placed: which rule found it, at which severity, in
    which file, with a stable id. The hit's own fields (`line` .. `fix`)
    are read through it, not declared twice."""

    code: str
    name: str
    category: str
    severity: str
    path: str
    hit: Hit
    fingerprint: str = ""
    doc: str = ""
    # the 1-based record of a container file (JSONL line, Parquet row) the
    # finding is in; its line and column are then within that record's article
    record: Optional[int] = None

    # the hit's fields, read through it (attrgetter: as fast as a plain attribute)
    line = property(attrgetter("hit.line"))
    column = property(attrgetter("hit.column"))
    end_line = property(attrgetter("hit.end_line"))
    end_column = property(attrgetter("hit.end_column"))
    message = property(attrgetter("hit.message"))
    fix = property(attrgetter("hit.fix"))
    confidence = property(attrgetter("hit.confidence"))

    @property
    def place(self) -> str:
        """What a position follows: `path`, or `path:record` in a container."""
        return self.path if self.record is None else f"{self.path}:{self.record}"

    def sort_key(self) -> tuple:
        return (self.path, self.record or 0, self.line, self.column, self.code)

    def to_dict(self) -> dict[str, Any]:
        """Flat, in the order reports have always used; `record` (after
        `path`) only for a finding in a container file."""
        return self.dict_with_fix(None if self.fix is None else asdict(self.fix))

    def dict_with_fix(self, fix: dict | None) -> dict[str, Any]:
        """`to_dict` with the fix already as a dict (a reporter's own form):
        dataclasses.asdict copies every edit, a third of a report's time."""
        out = {"code": self.code, "name": self.name, "category": self.category, "severity": self.severity,
               "message": self.message, "path": self.path}
        if self.record is not None:
            out["record"] = self.record
        out.update({"line": self.line, "column": self.column, "end_line": self.end_line,
                    "end_column": self.end_column, "fix": fix,
                    "confidence": self.confidence, "fingerprint": self.fingerprint, "doc": self.doc})
        return out


@dataclass(frozen=True)
class FileError:
    """A file that could not be linted at all (binary, unreadable, ...), or,
    with kind "fix", whose fixes were not written (read-only, hard-linked,
    changed since it was read, disk full): its findings are still reported."""

    path: str
    message: str
    kind: str = "lint"  # "lint" | "fix"

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "message": self.message, "kind": self.kind}


@dataclass(frozen=True)
class FileResult:
    """What a reporter needs about one file: its findings, or why it could
    not be linted. Stages that change it (the baseline filter, a failed
    write) build a new one."""

    path: str
    findings: tuple = ()
    error: Optional[FileError] = None

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)
