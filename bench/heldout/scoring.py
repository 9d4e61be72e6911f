"""Which findings count as detecting which defect, and the numbers.

A defect is found when the report has a finding in the same file whose
category (or code) is one the class maps to in DETECTED_BY, that is where
the defect is, and whose code the unmodified article does not have at the
same place (see `new_detections`). Where:
- "span": the finding's range overlaps the defect's region;
- "line": the finding touches one of the lines the defect touches;
- "file": anywhere in the file.
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict

from .edits import Defect

SPELLING = {"spelling"}

# class -> (where a finding must be, categories or codes that count)
DETECTED_BY = {
    "spelling-hamza": ("span", SPELLING),
    "spelling-ta-marbuta": ("span", SPELLING),
    "spelling-alif-maqsura": ("span", SPELLING),
    "spelling-dad-zah": ("span", SPELLING),
    "spelling-dal-dhal": ("span", SPELLING),
    "spelling-madda": ("span", SPELLING),
    "spelling-transposition": ("span", SPELLING),
    "spelling-dropped-letter": ("span", SPELLING),
    "spelling-doubled-letter": ("span", SPELLING),
    "doubled-word": ("span", SPELLING),
    "numeral-glued": ("span", {"numerals"}),
    "mixed-numerals": ("span", {"numerals"}),
    "stray-id": ("line", {"stray-id"}),
    "truncation-mid": ("line", {"truncation"}),
    "truncation-end": ("line", {"truncation"}),
    # no rule looks for stubs yet; a stub detector belongs to one of these
    "stub": ("file", {"structure", "truncation"}),
    "source-missing": ("file", {"SRC001"}),
    "source-doubled": ("file", {"SRC002"}),
    "furniture": ("line", {"boilerplate"}),
    "dateline": ("span", {"boilerplate"}),
    "off-topic-paragraph": ("line", {"boilerplate"}),
    "invisible-char": ("span", {"WSP003"}),
    "nbsp": ("span", {"WSP001"}),
}

# "Mission" findings: what the linter exists to find in news text. Hygiene
# (white space, encoding) and duplicates are left out: they are real but
# say nothing about whether a detector of text defects is precise.
NOT_MISSION = frozenset({"whitespace", "encoding", "duplicate"})
MISSION_DEFINITION = "mission = every category except " + ", ".join(sorted(NOT_MISSION))


def _start(f: dict) -> tuple[int, int]:
    return f["line"], f["column"]


def _end(f: dict) -> tuple[int, int]:
    return f["end_line"], f["end_column"]


def overlaps(f: dict, d: Defect) -> bool:
    """Ranges overlap; an empty range (a point) overlaps what contains it."""
    start, end = (d.line, d.column), (d.end_line, d.end_column)
    if start == end or _start(f) == _end(f):
        return _start(f) <= end and start <= _end(f)
    return _start(f) < end and start < _end(f)


def finding_lines(f: dict) -> tuple[int, int]:
    last = f["end_line"] - 1 if f["end_column"] == 1 and f["end_line"] > f["line"] else f["end_line"]
    return f["line"], last


def is_at(f: dict, d: Defect, scope: str) -> bool:
    if scope == "file":
        return True
    if scope == "span":
        return overlaps(f, d)
    (a, b), (c, e) = finding_lines(f), d.lines
    return a <= e and c <= b


def counts_for(f: dict, selectors: set) -> bool:
    return f["category"] in selectors or f["code"] in selectors


def detecting(d: Defect, findings: list[dict]) -> list[dict]:
    """The findings (of d's file) that detect defect d."""
    scope, selectors = DETECTED_BY[d.cls]
    return [f for f in findings if counts_for(f, selectors) and is_at(f, d, scope)]


def by_path(findings: list[dict]) -> dict:
    out = defaultdict(list)
    for f in findings:
        out[f["path"]].append(f)
    return out


def wilson(found: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """95 % Wilson interval of a recall: with 60 defects a class, a recall
    moves by chance within about +-0.1, which a before/after comparison
    must not read as progress."""
    if n == 0:
        return 0.0, 1.0
    p = found / n
    centre, half = p + z * z / (2 * n), z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return max(0.0, (centre - half) / (1 + z * z / n)), min(1.0, (centre + half) / (1 + z * z / n))


def new_detections(d: Defect, findings: list[dict], original_findings: list[dict]) -> list[dict]:
    """The findings that detect d, less those of a code that the unmodified
    article already has at the same place: a hamzat-wasl finding on "إقامه"
    was there on "إقامة" too, it says nothing about the ta marbuta."""
    already = {f["code"] for f in detecting(d.undone(), original_findings)}
    return [f for f in detecting(d, findings) if f["code"] not in already]


def recall(defects: list[Defect], findings: list[dict], original_findings: list[dict]) -> list[dict]:
    """One row per class (in DETECTED_BY order): n, found, recall, the codes
    of the findings that found them, and how many defects were hit only by
    findings the original already had (not counted as found)."""
    files, originals = by_path(findings), by_path(original_findings)
    rows = {cls: {"class": cls, "n": 0, "found": 0, "already_there": 0, "codes": Counter()} for cls in DETECTED_BY}
    for d in defects:
        row = rows[d.cls]
        row["n"] += 1
        hits = new_detections(d, files.get(d.path, []), originals.get(d.path, []))
        if hits:
            row["found"] += 1
            row["codes"].update({f["code"] for f in hits})
        elif detecting(d, files.get(d.path, [])):
            row["already_there"] += 1
    return [{**row, "recall": row["found"] / row["n"], "interval": wilson(row["found"], row["n"]),
             "codes": dict(row["codes"].most_common())} for row in rows.values() if row["n"]]


def controls_summary(paths: list[str], findings: list[dict], top: int = 10) -> dict:
    """Mission findings on the unmodified control copies."""
    wanted = set(paths)
    mission = [f for f in findings if f["path"] in wanted and f["category"] not in NOT_MISSION]
    per_code, files_per_code = Counter(f["code"] for f in mission), defaultdict(set)
    for f in mission:
        files_per_code[f["code"]].add(f["path"])
    n = len(paths)
    return {
        "definition": MISSION_DEFINITION,
        "files": n,
        "mission_findings": len(mission),
        "per_file": len(mission) / n if n else None,
        "files_with_any": len({f["path"] for f in mission}),
        "top_codes": [{"code": code, "findings": count, "files": len(files_per_code[code])}
                      for code, count in per_code.most_common(top)],
    }
