"""Every finding carries a confidence (report version 2), and
--min-confidence / `min-confidence` drop the less confident ones."""
from __future__ import annotations

import json

from conftest import run_cli

CUT = "العنوان\n\nوقع انفجار في المدينة مما أسفر\n\nالمصدر: وكالة\n"   # TRN004, confidence 0.82
TRAILING = "العنوان\n\nقال الوزير إن الحكومة ستواصل الإصلاحات.   \n\nالمصدر: وكالة\n"  # WSP005, 1.0


def _report(tmp_path, *args):
    r = run_cli("check", ".", "--no-cache", "--format", "json", "--select", "TRN004,WSP005", *args, cwd=tmp_path)
    assert r.code in (0, 1), r.err
    return json.loads(r.out)


def _files(tmp_path):
    (tmp_path / "cut.txt").write_text(CUT, encoding="utf-8")
    (tmp_path / "trailing.txt").write_text(TRAILING, encoding="utf-8")


def test_findings_carry_their_confidence_in_report_version_2(tmp_path):
    _files(tmp_path)
    report = _report(tmp_path)
    assert report["version"] == 2
    assert {(f["code"], f["confidence"]) for f in report["findings"]} == {("TRN004", 0.82), ("WSP005", 1.0)}


def test_min_confidence_drops_the_less_confident(tmp_path):
    _files(tmp_path)
    assert [f["code"] for f in _report(tmp_path, "--min-confidence", "0.9")["findings"]] == ["WSP005"]
    assert len(_report(tmp_path, "--min-confidence", "0.8")["findings"]) == 2


def test_min_confidence_from_the_config(tmp_path):
    _files(tmp_path)
    (tmp_path / ".newslint.yaml").write_text("min-confidence: 0.9\n", encoding="utf-8")
    assert [f["code"] for f in _report(tmp_path)["findings"]] == ["WSP005"]
    assert len(_report(tmp_path, "--min-confidence", "0")["findings"]) == 2   # the flag wins


def test_a_bad_min_confidence_is_a_usage_error(tmp_path):
    for value in ("1.5", "nan", "high"):
        r = run_cli("check", ".", "--min-confidence", value, cwd=tmp_path)
        assert r.code == 2 and "from 0 to 1" in r.err and len(r.err.strip().splitlines()) == 1
    (tmp_path / ".newslint.yaml").write_text("min-confidence: 2\n", encoding="utf-8")
    r = run_cli("check", ".", cwd=tmp_path)
    assert r.code == 2 and ".newslint.yaml" in r.err
