"""The scorer of bench/blind_sites.py: which finding counts for which defect,
and which findings are counted against the linter."""
from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from blind_sites import score  # noqa: E402


def finding(code, category, line, column, end_column, end_line=None):
    return {"code": code, "category": category, "path": "site/a.txt", "line": line, "column": column,
            "end_line": end_line or line, "end_column": end_column, "message": "m"}


def test_scoring_by_overlap_line_and_file(tmp_path):
    truth = {"site/a.txt": [
        {"class": "ta_marbuta_as_ha", "line": 3, "column": 10, "end_line": 3, "end_column": 15},
        {"class": "stray_number_line", "line": 5, "column": 1, "end_line": 5, "end_column": 8},
        {"class": "source_line_removed", "line": 1, "column": 1, "end_line": 1, "end_column": 1},
        {"class": "letter_dropped", "line": 4, "column": 1, "end_line": 4, "end_column": 4},
    ], "site/b.txt": []}
    (tmp_path / "truth.json").write_text(json.dumps(truth), encoding="utf-8")
    (tmp_path / "files" / "site").mkdir(parents=True)
    (tmp_path / "files" / "site" / "b.txt").write_text("control\n", encoding="utf-8")
    (tmp_path / "files" / "site" / "a.txt").write_text("".join(f"line {n}\n" for n in range(1, 10)) + "المصدر: x\n",
                                                      encoding="utf-8")
    (tmp_path / "furniture.json").write_text(json.dumps({"site/a.txt": [1, 9, 10]}), encoding="utf-8")
    (tmp_path / "dateline_prefixes.json").write_text(
        json.dumps({"site/a.txt": {"line": 3, "column": 1, "end_column": 8}}), encoding="utf-8")
    findings = [
        finding("SPL006", "spelling", 3, 12, 16),       # overlaps the ة defect
        finding("SID001", "stray-id", 5, 1, 8),         # on the stray line
        finding("SRC001", "source", 1, 1, 1),           # in the file
        finding("SPL006", "spelling", 4, 5, 9),         # next to the dropped letter, not on it
        finding("NUM002", "numerals", 3, 2, 4),         # on the dateline prefix: furniture
        finding("BLP004", "boilerplate", 9, 1, 20),     # a furniture line found
        finding("BLP004", "boilerplate", 3, 1, 7),      # the dateline found
        finding("WSP001", "whitespace", 6, 1, 2),       # hygiene: never counted against
    ]
    result = score(tmp_path, findings)
    assert result["found"] == {"ta_marbuta_as_ha": 1, "stray_number_line": 1, "source_line_removed": 1}
    assert [m[0] for m in result["missed"]] == ["letter_dropped"]
    assert result["furniture"] == (2, 3)  # lines 1 and 9, and the prefix: 9 and the prefix found
    assert sorted((where, code) for where, code, *_ in result["others"]) == [("article", "SPL006"),
                                                                              ("furniture", "NUM002")]
    assert result["files"] == 2 and result["controls"] == 1
