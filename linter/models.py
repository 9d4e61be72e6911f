"""Plain data shared by the engine, the rules and the reporters.

Everything here is a frozen dataclass or a constant: rules build `Hit`s, the
engine turns them into `Finding`s, reporters only read them.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
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


@dataclass(frozen=True)
class Hit:
    """What a rule yields: where, what, and optionally how to fix it."""

    line: int
    column: int
    end_line: int
    end_column: int
    message: str
    fix: Optional[Fix] = None


@dataclass(frozen=True)
class Finding:
    code: str
    name: str
    category: str
    severity: str
    message: str
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    fix: Optional[Fix] = None
    fingerprint: str = ""
    doc: str = ""

    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.code)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        if self.fix is None:
            data["fix"] = None
        return data


@dataclass(frozen=True)
class FileError:
    """A file that could not be linted at all (binary, unreadable, ...)."""

    path: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "message": self.message}


@dataclass
class FileResult:
    path: str
    findings: list = field(default_factory=list)
    error: Optional[FileError] = None
    fixed: int = 0  # findings fixed in this file (with --fix / --diff)
    fix_skipped: int = 0  # fixes not applied because they overlapped another fix
    sketches: dict = field(default_factory=dict)  # batch-rule code -> sketch of this file
    output: Optional[bytes] = None  # fixed standard input or a diff, written by the parent
    cache_entry: Optional[tuple] = None  # (key, value) for the parent to store in the cache
    cache_key: Optional[str] = None      # this file's cache key, when a cache is in use

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)
