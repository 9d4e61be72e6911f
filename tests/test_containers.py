"""JSONL and Parquet shards: one article per record, linted as files are,
findings placed by record (docs/containers.md)."""
from __future__ import annotations

import json
from importlib import resources

import pytest

from conftest import SEEDS, run_cli
from newslint import containers
from newslint.config import Config
from newslint.containers import jsonl
from newslint.engine import LintPlan, lint_many
from newslint.plugins import load_registry
from test_rule_cases import POSITION, case_codes, cases_of

REGISTRY = load_registry()
FORMATS = ("text", "full", "json", "jsonl", "sarif", "github", "junit", "html")


def as_record(text: str) -> dict:
    """An article file's text as a record whose article is that text again:
    a first line followed by a blank line is the title, the rest the text."""
    title, sep, rest = text.partition("\n\n")
    if sep and title and "\n" not in title and "\r" not in title:
        return {"title": title, "text": rest}
    return {"text": text}


def jsonl_bytes(rows: list) -> bytes:
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows).encode("utf-8")


def parquet_bytes(rows: list) -> bytes:
    pa = pytest.importorskip("pyarrow", reason="Parquet shards need pyarrow (the parquet extra)")
    import pyarrow.parquet as pq

    names = ("title", "text")
    table = pa.table({name: [row.get(name) for row in rows] for name in names},
                     schema=pa.schema([(name, pa.string()) for name in names]))
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink)
    return sink.getvalue().to_pybytes()


SHARDS = {"jsonl": jsonl_bytes, "parquet": parquet_bytes}


def shard_findings(kind: str, texts: list, select=None) -> dict:
    """record number -> findings of one shard holding `texts` (in the engine)."""
    plan = LintPlan.build(REGISTRY, Config(None, SEEDS, {}), select=select)
    result = lint_many([(f"shard.{kind}", SHARDS[kind]([as_record(t) for t in texts]))], plan)[0].result
    assert result.error is None, result.error.message
    out = {number: [] for number in range(1, len(texts) + 1)}
    for f in result.findings:
        out[f.record].append(f)
    return out


def file_findings(path, select=None) -> list:
    from newslint.runner import lint_path

    plan = LintPlan.build(REGISTRY, Config(None, SEEDS, {}), select=select)
    return list(lint_path(str(path), plan).findings)


def place(f) -> tuple:
    return (f.code, f.line, f.column, f.end_line, f.end_column, f.message)


# ------------------------------------------------------------ the same findings as files

def _plain_text_cases(code: str) -> list:
    """The code's `text` cases a JSON string can carry as they are: no other
    encoding, no raw bytes, and a final newline (a record's article gains
    one when its text lacks it, see layout.py); cases with their own
    options are left to tests/test_rule_cases.py."""
    return [case for case in cases_of(code) if "text" in case and "findings" in case
            and not any(k in case for k in ("encoding", "prefix_hex", "suffix_hex", "options"))
            and case["text"].endswith("\n")]


@pytest.mark.parametrize("kind", SHARDS)
@pytest.mark.parametrize("code", [c for c in case_codes() if _plain_text_cases(c)])
def test_rule_cases_hold_as_records(kind, code):
    cases = _plain_text_cases(code)
    found = shard_findings(kind, [case["text"] for case in cases], select=[code])
    for number, case in enumerate(cases, 1):
        got = [{key: getattr(f, key) for key in POSITION} for f in found[number] if f.code == code]
        assert got == case["findings"], f"record {number}: {case['name']}"
        assert all(f.record == number for f in found[number])


@pytest.mark.parametrize("kind", SHARDS)
def test_seeds_as_records_find_what_the_files_find(kind):
    paths = sorted(SEEDS.glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    found = shard_findings(kind, texts)
    for number, (path, text) in enumerate(zip(paths, texts), 1):
        expected = [place(f) for f in file_findings(path) if text.endswith("\n") or f.code != "WSP007"]
        assert [place(f) for f in found[number]] == expected, path.name  # a record's article ends with a newline


# ------------------------------------------------------------ positions in every format

BODY = ("وقال المتحدث باسم الوزارة في بيان صحفي اليوم إن الحكومة ستواصل العمل على تنفيذ الخطة الوطنية "
        "للتنمية خلال السنوات المقبلة وإن الموازنة الجديدة تتضمن زيادة في الإنفاق على التعليم والصحة.\n")


@pytest.fixture
def shard(tmp_path):
    rows = [{"title": "عنوان أول", "text": BODY + "\nالمصدر: وكالة\n"},
            {"title": "عنوان ثان", "text": "نص قصير جدا.\n"},
            {"title": "عنوان أول", "text": BODY + "\nالمصدر: وكالة\n"}]
    (tmp_path / "shard.jsonl").write_bytes(jsonl_bytes(rows))
    return tmp_path


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_names_the_record(shard, fmt):
    r = run_cli("check", ".", "--no-cache", "--select", "TRN006,DUP001", "--format", fmt, cwd=shard)
    assert r.code == 1, r.err
    if fmt in ("json", "jsonl"):
        rows = json.loads(r.out)["findings"] if fmt == "json" else \
            [json.loads(line) for line in r.out.splitlines() if '"finding"' in line]
        assert sorted((f["code"], f["record"], f["line"], f["column"]) for f in rows) == \
            [("DUP001", 3, 1, 1), ("TRN006", 2, 1, 1)]
    elif fmt == "html":
        assert '<td class="pos">2:1:1</td>' in r.out and 'data-record="3"' in r.out
    elif fmt == "junit":
        assert "shard.jsonl:2:1:1: TRN006" in r.out and "shard.jsonl:3:1:1: DUP001" in r.out
    else:
        assert "shard.jsonl:2:1:1" in r.out and "shard.jsonl:3:1:1" in r.out
    if fmt == "github":
        assert "file=shard.jsonl,line=2," in r.out
    if fmt == "sarif":
        result = next(x for x in json.loads(r.out)["runs"][0]["results"] if x["ruleId"] == "TRN006")
        assert result["properties"]["record"] == 2
        assert result["locations"][0]["physicalLocation"]["region"] == {"startLine": 2}


def test_json_report_with_records_matches_schema(shard):
    jsonschema = pytest.importorskip("jsonschema")
    r = run_cli("check", ".", "--no-cache", "--format", "json", cwd=shard)
    schema = json.loads(resources.files("newslint.schemas").joinpath("report.schema.json").read_text("utf-8"))
    report = json.loads(r.out)
    assert any("record" in f for f in report["findings"])
    assert "record" in schema["$defs"]["finding"]["properties"]
    jsonschema.Draft202012Validator(schema).validate(report)


def test_show_source_quotes_the_records_line(tmp_path):
    (tmp_path / "s.jsonl").write_bytes(jsonl_bytes([{"text": "سطر أول\n"}, {"title": "عنوان", "text": "رقم ٣ و 4.\n"}]))
    r = run_cli("check", "s.jsonl", "--no-cache", "--select", "NUM001", "--format", "full", cwd=tmp_path)
    assert "s.jsonl:2:3:" in r.out and "3 | ⁨رقم ٣ و 4.⁩" in r.out


def test_records_survive_the_cache(shard):
    cold = run_cli("check", ".", "--select", "TRN006,DUP001", cwd=shard)
    warm = run_cli("check", ".", "--select", "TRN006,DUP001", cwd=shard)
    assert "shard.jsonl:2:1:1" in cold.out and warm.out == cold.out


# ------------------------------------------------------------ batch rules see records

def test_duplicates_across_records_and_shards(shard):
    (shard / "copy.txt").write_text("عنوان أول\n\n" + BODY + "\nالمصدر: وكالة\n", encoding="utf-8")
    (shard / "other.jsonl").write_bytes(jsonl_bytes([{"title": "عنوان أول", "text": BODY + "\nالمصدر: وكالة\n"}]))
    r = run_cli("check", ".", "--no-cache", "--select", "DUP001", "--format", "json", cwd=shard)
    found = sorted((f["path"], f.get("record"), f["message"]) for f in json.loads(r.out)["findings"])
    first = "same article text as copy.txt (file-level)"
    assert found == [("other.jsonl", 1, first), ("shard.jsonl", 1, first), ("shard.jsonl", 3, first)]


def test_one_shard_alone_compares_its_records(shard):
    r = run_cli("check", "shard.jsonl", "--no-cache", "--select", "DUP001", cwd=shard)
    assert "shard.jsonl:3:1:1: DUP001" in r.out and "same article text as shard.jsonl:1" in r.out


def test_record_names_sort_by_number():
    names = [containers.RecordPath("a.jsonl", n) for n in (10, 9, 100)]
    assert sorted(names) == ["a.jsonl:9", "a.jsonl:10", "a.jsonl:100"]


# ------------------------------------------------------------ configuration

def test_field_names_come_from_the_config(tmp_path):
    (tmp_path / ".newslint.yaml").write_text("containers:\n  jsonl: {text: body, title: headline}\n", encoding="utf-8")
    (tmp_path / "s.jsonl").write_bytes(jsonl_bytes([{"headline": "عنوان", "body": "نص قصير.\n"}]))
    r = run_cli("check", ".", "--no-cache", "--select", "TRN006", cwd=tmp_path)
    assert r.code == 1 and "s.jsonl:1:1:1: TRN006" in r.out, r.out + r.err


def test_source_field_becomes_the_source_line():
    article = containers.layout.build_article("عنوان", "نص.", "وكالة")
    assert article.text == "عنوان\n\nنص.\n\nالمصدر: وكالة\n"


# ------------------------------------------------------------ --fix

def test_fix_rewrites_only_the_fixed_value(tmp_path):
    lines = [
        '{"id": 7, "text": "سليم تماما.\\n", "meta": {"a": [1, 2.50]}}\n',
        '{"url":"http:\\/\\/x.test\\/a",  "title": "\\u0639\\u0646\\u0648\\u0627\\u0646  ", "text" : "نص.\\n"}\r\n',
        '{ "text": "بلا عنوان" , "title": null }\n',
    ]
    path = tmp_path / "s.jsonl"
    path.write_bytes("".join(lines).encode("utf-8"))
    r = run_cli("check", "s.jsonl", "--no-cache", "--fix", "--select", "WSP", cwd=tmp_path)
    assert "Fixed" in r.out + r.err, r.out + r.err
    after = path.read_bytes().decode("utf-8").splitlines(keepends=True)
    assert after[0] == lines[0] and after[2] == lines[2]
    assert after[1] == lines[1].replace('"\\u0639\\u0646\\u0648\\u0627\\u0646  "',
                                        '"\\u0639\\u0646\\u0648\\u0627\\u0646"')


def test_fix_keeps_raw_utf8_values_raw():
    record = jsonl.parse_line(1, '{"text": "نص  هنا", "x": 1}\n'.encode(), dict(containers.records.DEFAULT_FIELDS))
    assert jsonl.with_values(record, {"text": "نص هنا"}) == '{"text": "نص هنا", "x": 1}'


def test_fix_leaves_a_parquet_shard_alone(tmp_path):
    data = parquet_bytes([{"title": "عنوان  ", "text": "نص.\n"}])
    (tmp_path / "s.parquet").write_bytes(data)
    r = run_cli("check", "s.parquet", "--no-cache", "--fix", "--select", "WSP", cwd=tmp_path)
    assert "not fixed: parquet shards are read-only" in r.out + r.err
    assert (tmp_path / "s.parquet").read_bytes() == data


# ------------------------------------------------------------ hostile records

HOSTILE = [
    (b"not json at all", "record 1: not a JSON object"),
    (b'{"text": 5}', "record 1: field 'text' is a number, not a string"),
    (b'{"title": "t"}', "record 1: field 'text' is missing"),
    (b'{"text": "\\ud800"}', "record 1: field 'text' holds a lone surrogate"),
    (b'{"text": "a"} trailing', "record 1: not JSON: extra data"),
    (b'{"text": "\xff"}', "record 1: not UTF-8"),
    (b'{"x": ' + b"[" * 100_000 + b"]" * 100_000 + b', "text": "a"}', "record 1: not JSON"),
    (b'[1, 2]', "record 1: not a JSON object"),
    (b'{"title": "t", "text": "\\u0000\\u0000\\u0000abc\\u0000\\u0000\\u0000\\u0000"}', "record 1: binary"),
]


@pytest.mark.parametrize("line,message", HOSTILE, ids=[m for _, m in HOSTILE])
def test_hostile_record_is_a_one_line_error(tmp_path, line, message):
    (tmp_path / "s.jsonl").write_bytes(line + b"\n" + jsonl_bytes([{"title": "عنوان", "text": "نص قصير.\n"}]))
    r = run_cli("check", "s.jsonl", "--no-cache", "--select", "TRN006", cwd=tmp_path)
    assert r.code == 1 and "Traceback" not in r.err
    assert message in r.out and "s.jsonl:2:1:1: TRN006" in r.out, r.out


def test_huge_record_is_refused_not_read(tmp_path, monkeypatch):
    monkeypatch.setattr(jsonl, "MAX_RECORD_BYTES", 1000)
    (tmp_path / "s.jsonl").write_bytes(jsonl_bytes([{"text": "نص " * 1000}, {"title": "عنوان", "text": "نص قصير.\n"}]))
    r = run_cli("check", "s.jsonl", "--no-cache", "--select", "TRN006", cwd=tmp_path)
    assert "record 1: " in r.out and "over the 1000 a record may hold" in r.out and "s.jsonl:2:1:1" in r.out


def test_unreadable_parquet_is_a_one_line_error(tmp_path):
    pytest.importorskip("pyarrow")
    (tmp_path / "s.parquet").write_bytes(b"PAR1 this is not parquet")
    r = run_cli("check", "s.parquet", "--no-cache", cwd=tmp_path)
    assert r.code != 0 and "Traceback" not in r.err and "not a readable Parquet file" in r.out


# ------------------------------------------------------------ gzip-compressed JSONL

def test_gzipped_shard_is_linted_and_left_unfixed(tmp_path):
    import gzip

    data = gzip.compress(jsonl_bytes([{"title": "عنوان  ", "text": "نص قصير.\n"}]))
    (tmp_path / "s.jsonl.gz").write_bytes(data)
    r = run_cli("check", ".", "--no-cache", "--select", "TRN006", cwd=tmp_path)
    assert "s.jsonl.gz:1:1:1: TRN006" in r.out, r.out + r.err
    r = run_cli("check", ".", "--no-cache", "--fix", "--select", "WSP", cwd=tmp_path)
    assert "not fixed: compressed shards are read-only" in r.out + r.err
    assert (tmp_path / "s.jsonl.gz").read_bytes() == data


def test_gzip_bomb_and_broken_gzip_are_one_line_errors(tmp_path, monkeypatch):
    import gzip

    monkeypatch.setattr(jsonl, "MAX_SHARD_BYTES", 10_000)
    (tmp_path / "bomb.jsonl.gz").write_bytes(gzip.compress(b" " * 100_000))
    (tmp_path / "cut.jsonl.gz").write_bytes(gzip.compress(jsonl_bytes([{"text": "نص"}]))[:-12])
    r = run_cli("check", ".", "--no-cache", cwd=tmp_path)
    assert r.code != 0 and "Traceback" not in r.err
    assert "bomb.jsonl.gz: error: expands past 10000 bytes" in r.out and "cut.jsonl.gz: error: not a readable gzip" in r.out


def test_many_records_lint_and_fix_in_linear_time(tmp_path):
    """Each record costs the same however many there are (a generous
    bound: it catches a quadratic walk over the shard, not noise)."""
    import time

    rows = [{"id": i, "title": f"عنوان {i}  ", "text": "نص قصير.\n"} for i in range(3000)]
    (tmp_path / "s.jsonl").write_bytes(jsonl_bytes(rows))
    started = time.monotonic()
    r = run_cli("check", "s.jsonl", "--no-cache", "--fix", "--select", "WSP", cwd=tmp_path)
    assert time.monotonic() - started < 30, "3000 records took too long"
    assert "Fixed 3000 findings" in r.out + r.err, r.out + r.err
    fixed = [json.loads(line) for line in (tmp_path / "s.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [row["title"] for row in fixed] == [f"عنوان {i}" for i in range(3000)]


def test_baseline_records_and_then_hides_a_shards_findings(shard):
    r = run_cli("baseline", "shard.jsonl", "--no-cache", "-o", "base.json", cwd=shard)
    assert r.code == 0, r.err
    entries = json.loads((shard / "base.json").read_text(encoding="utf-8"))["findings"]
    assert {2, 3} <= {e["record"] for e in entries} and all(e["path"] == "shard.jsonl" for e in entries)
    r = run_cli("check", "shard.jsonl", "--no-cache", "--baseline", "base.json", cwd=shard)
    assert r.code == 0, r.out + r.err


def test_parquet_without_the_text_column_is_one_error(tmp_path):
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    pq.write_table(pa.table({"body": ["نص"] * 50}), str(tmp_path / "s.parquet"))
    r = run_cli("check", "s.parquet", "--no-cache", cwd=tmp_path)
    assert r.code != 0 and "s.parquet: error: no column 'text' (it has: body)" in r.out, r.out


def test_parquet_without_pyarrow_says_how_to_get_it(tmp_path, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "pyarrow", None)  # `import pyarrow` now raises ImportError
    (tmp_path / "s.parquet").write_bytes(b"PAR1")
    r = run_cli("check", "s.parquet", "--no-cache", cwd=tmp_path)
    assert r.code != 0 and "pyarrow is not installed (pip install 'newslint[parquet]')" in r.out, r.out


def test_junit_lists_a_partly_linted_shards_findings_and_its_error(tmp_path):
    (tmp_path / "s.jsonl").write_bytes(b"not json\n" + jsonl_bytes([{"title": "عنوان", "text": "نص قصير.\n"}]))
    r = run_cli("check", "s.jsonl", "--no-cache", "--select", "TRN006", "--format", "junit", cwd=tmp_path)
    assert 's.jsonl:2:1:1: TRN006' in r.out and 'type="unlintable"' in r.out and "record 1: not a JSON object" in r.out
