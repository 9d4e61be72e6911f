"""SARIF, GitHub and JUnit output; batch thresholds; baselines."""
from __future__ import annotations

import json
import shutil
import subprocess
import tarfile
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given, strategies as st

from conftest import SEEDS, run_cli

SARIF_PACKAGE = "@microsoft/jest-sarif"
SARIF_SCHEMA_PATH = "package/lib/schemas/sarif-2.1.0-rtm.5.json"


@pytest.fixture(scope="session")
def sarif_schema(tmp_path_factory):
    """The official SARIF 2.1.0 schema, from the npm package that ships it
    (fetched with `npm pack`, not committed)."""
    npm = shutil.which("npm")
    if npm is None:
        pytest.skip("npm is not installed: cannot fetch the SARIF schema")
    folder = tmp_path_factory.mktemp("sarif-schema")
    done = subprocess.run([npm, "pack", SARIF_PACKAGE, "--pack-destination", str(folder)],
                          capture_output=True, text=True, cwd=folder, timeout=300)
    tarballs = list(folder.glob("*.tgz"))
    if done.returncode != 0 or not tarballs:
        pytest.skip(f"npm pack {SARIF_PACKAGE} failed: {done.stderr.strip()[-200:]}")
    with tarfile.open(tarballs[0]) as tar:
        member = tar.extractfile(SARIF_SCHEMA_PATH)
        return json.loads(member.read().decode("utf-8"))


def test_sarif_is_valid_against_the_official_schema(sarif_schema, tmp_path):
    import jsonschema

    (tmp_path / "blob.txt").write_bytes(b"\x00\x01binary\x00" * 50)
    shutil.copytree(SEEDS, tmp_path / "seeds", ignore=shutil.ignore_patterns("*.yaml"))
    r = run_cli("check", ".", "--format", "sarif", "--no-cache", cwd=tmp_path)
    report = json.loads(r.out)
    validator_cls = jsonschema.validators.validator_for(sarif_schema)
    validator_cls(sarif_schema).validate(report)

    run = report["runs"][0]
    assert report["version"] == "2.1.0" and run["columnKind"] == "unicodeCodePoints"
    rules = run["tool"]["driver"]["rules"]
    assert {"SID001", "BLP002", "WSP001"} <= {rule["id"] for rule in rules}
    assert all(rule["help"]["text"] for rule in rules)
    result = next(x for x in run["results"] if x["ruleId"] == "SID001")
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == \
        "seeds/004_5d3c243a0b753bd8.txt"
    assert result["locations"][0]["physicalLocation"]["region"] == \
        {"startLine": 19, "startColumn": 1, "endLine": 19, "endColumn": 7}
    assert len(result["partialFingerprints"]["newslint/v1"]) == 20
    assert rules[result["ruleIndex"]]["id"] == "SID001"
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert notes and "binary" in notes[0]["message"]["text"]


def test_github_annotations(tmp_path):
    (tmp_path / "a.txt").write_text("فقرة، أولى.\n\n310310\n\nالمصدر: وكالات,\u00a0RT\n", encoding="utf-8")
    r = run_cli("check", ".", "--format", "github", "--no-cache", "--fail-on", "info", cwd=tmp_path)
    lines = r.out.splitlines()
    assert "::warning file=a.txt,line=3,col=1,endLine=3,endColumn=7,title=SID001 id-line::line holds only the " \
           "ID or number \"310310\", not article text" in lines
    nbsp = next(line for line in lines if "WSP001" in line)
    assert nbsp.startswith("::warning file=a.txt,line=5,")
    assert r.code == 1


def test_github_escapes_properties():
    from newslint.reporters.github import _data, _prop

    assert _prop("a,b:c%") == "a%2Cb%3Ac%25" and _data("x\ny%") == "x%0Ay%25"


def test_junit_xml(tmp_path):
    (tmp_path / "clean.txt").write_text("فقرة أولى.\n\nفقرة ثانية.\n\nالمصدر: وكالات\n", encoding="utf-8")
    (tmp_path / "dirty.txt").write_text("فقرة أولى.\n\n310310\n\nفقرة ثانية.\n\nالمصدر: وكالات\n", encoding="utf-8")
    (tmp_path / "blob.txt").write_bytes(b"\x00\x01binary\x00" * 50)
    r = run_cli("check", ".", "--format", "junit", "--no-cache", cwd=tmp_path)
    root = ET.fromstring(r.out)
    suites = {s.get("name"): s for s in root.iter("testsuite")}
    assert set(suites) == {"blob.txt", "clean.txt", "dirty.txt"}
    assert suites["clean.txt"].get("failures") == "0" and len(suites["clean.txt"]) == 1
    failure = suites["dirty.txt"].find("testcase/failure")
    assert failure.get("type") == "SID001" and "310310" in failure.get("message")
    assert suites["blob.txt"].find("testcase/error") is not None


@pytest.fixture
def batch(tmp_path):
    for i in range(10):
        text = "فقرة أولى من الخبر.\n\nفقرة ثانية من الخبر.\n\nالمصدر: وكالات\n"
        if i < 3:
            text = text.replace("أولى", "أولى\u200b")
        (tmp_path / f"a{i}.txt").write_text(text, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("threshold,code,files", [
    ("{select: [WSP003], max-files-percent: 20}", 1, 3),   # 30 % of files > 20 %
    ("{select: [whitespace], max-files-percent: 30}", 0, 3),
    ("{select: [WSP003], max-files: 2}", 1, 3),
    ("{select: [WSP003], max-findings: 3}", 0, 3),
    ("{select: [WSP003], severity: error, max-files: 0}", 0, 0),  # WSP003 is a warning
])
def test_batch_thresholds(batch, threshold, code, files):
    (batch / ".newslint.yaml").write_text(f"fail-on: error\nthresholds:\n  - {threshold}\n", encoding="utf-8")
    r = run_cli("check", ".", "--no-cache", "--format", "json", cwd=batch)
    assert r.code == code
    outcome = json.loads(r.out)["summary"]["thresholds"][0]
    assert outcome["files"] == files and outcome["files_percent"] == 10.0 * files
    assert outcome["exceeded"] is bool(code)


def test_threshold_message_in_text(batch):
    (batch / ".newslint.yaml").write_text("fail-on: error\nthresholds:\n  - {name: invisible characters, "
                                          "select: [WSP003], max-files-percent: 10}\n", encoding="utf-8")
    r = run_cli("check", ".", "--no-cache", cwd=batch)
    assert r.code == 1 and "threshold exceeded: invisible characters: max-files-percent 30.0 > 10" in r.out


def test_threshold_needs_a_limit(batch):
    (batch / ".newslint.yaml").write_text("thresholds:\n  - {select: [WSP003]}\n", encoding="utf-8")
    r = run_cli("check", ".", "--no-cache", cwd=batch)
    assert r.code == 2 and ".newslint.yaml:2" in r.err


ARTICLE = ["عنوان الخبر", "", "فقرة أولى من الخبر فيها\u00a0مسافة.", "", "310310", "", "فقرة ثانية، وأضاف المصدر أن الأشغال ستتواصل خلال الأيام القادمة في الجهة.", "",
           "المصدر: وكالات"]


def test_baseline_reports_only_new_findings(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("\n".join(ARTICLE) + "\n", encoding="utf-8")
    made = run_cli("baseline", ".", "--output", "base.json", "--no-cache", cwd=tmp_path)
    assert made.code == 0
    recorded = json.loads((tmp_path / "base.json").read_text(encoding="utf-8"))
    assert {e["code"] for e in recorded["findings"]} == {"WSP001", "SID001"}

    assert run_cli("check", ".", "--baseline", "base.json", "--no-cache", cwd=tmp_path).code == 0
    # lines inserted above the known findings, and one new defect
    moved = ARTICLE[:2] + ["فقرة جديدة في الأعلى.", "", "فقرة أخرى.", ""] + ARTICLE[2:-1] + ["4452187", ""] + ARTICLE[-1:]
    path.write_text("\n".join(moved) + "\n", encoding="utf-8")
    r = run_cli("check", ".", "--baseline", "base.json", "--no-cache", "--format", "json", cwd=tmp_path)
    report = json.loads(r.out)
    assert [(f["code"], f["line"]) for f in report["findings"]] == [("SID001", 13)]   # only "4452187"
    assert report["summary"]["baselined"] == 2 and r.code == 1


@pytest.mark.parametrize("content,message", [
    (None, "cannot read baseline"), ("{oops", "is not JSON"), ('{"version": 9, "findings": []}', "not a newslint baseline"),
])
def test_bad_baseline_is_exit_2(tmp_path, content, message):
    (tmp_path / "a.txt").write_text("فقرة.\n", encoding="utf-8")
    if content is not None:
        (tmp_path / "base.json").write_text(content, encoding="utf-8")
    r = run_cli("check", ".", "--baseline", "base.json", cwd=tmp_path)
    assert r.code == 2 and message in r.err and r.err.count("\n") == 1


# ------------------------------------------------------------ hostile names and content (issue 10, cases 29, 30, 35)

ESCAPES = "\x1b]0;title\x07\x1b[2J\x1b]52;c;ZXZpbA==\x07\x9b31m\u202e\u2066\x7f\x00"
HOSTILE_ARTICLE = ("عنوان الخبر\n\nفقرة أولى من الخبر، وأضاف المصدر أن الأشغال ستتواصل خلال الأيام القادمة في الجهة.\n\nالمصدر: وكالات\n\n"
                   f"المصدر: {ESCAPES.replace(chr(0), '')}رويترز\n")
HOSTILE_NAME = "n\x1b]0;title\x07\u202e.txt"


def _unsafe_for_terminal(text: str) -> list[str]:
    """Characters that could act on a terminal, but the text format's own
    bidi isolates around quoted Arabic (FSI ... PDI, each pair on one line)."""
    text = "\n".join(_without_paired_isolates(line) for line in text.split("\n"))
    return [ch for ch in text if (ord(ch) < 32 and ch not in "\t\n") or 0x7f <= ord(ch) <= 0x9f
            or "\u202a" <= ch <= "\u202e" or "\u2066" <= ch <= "\u2069"]


def _without_paired_isolates(line: str) -> str:
    import re

    return re.sub("\u2068([^\u2066-\u2069]*)\u2069", r"\1", line)


@pytest.fixture
def hostile(tmp_path):
    (tmp_path / HOSTILE_NAME).write_text(HOSTILE_ARTICLE, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("fmt", ["text", "github", "full"])
def test_no_control_characters_reach_the_terminal(hostile, fmt):
    r = run_cli("check", ".", "--no-cache", "--format", fmt, "--fail-on", "info", cwd=hostile)
    assert "SRC002" in r.out                     # the finding that quotes the hostile line
    assert _unsafe_for_terminal(r.out) == [], r.out
    assert "n\\x1b]0;title\\x07\\u202e.txt" in r.out and "\\x1b[2J" in r.out


def test_text_escapes_file_errors(tmp_path):
    (tmp_path / "b\x1b[2J.txt").write_bytes(b"\x00\x01binary\x00" * 50)
    r = run_cli("check", ".", "--no-cache", cwd=tmp_path)
    assert "b\\x1b[2J.txt: error:" in r.out and "\x1b" not in r.out


def test_junit_with_control_characters_is_well_formed(hostile):
    r = run_cli("check", ".", "--no-cache", "--format", "junit", cwd=hostile)
    root = ET.fromstring(r.out)                  # one forbidden character would make this raise
    suite = root.find("testsuite")
    assert suite.get("name") == "n\\x1b]0;title\\x07\u202e.txt"
    assert "\\x1b[2J" in suite.find("testcase/failure").get("message")


def test_junit_escapes_undecodable_file_names(tmp_path):
    import os

    name = os.fsdecode(b"bad\xff.txt")          # a lone surrogate, as os.listdir returns it
    (tmp_path / name).write_text(HOSTILE_ARTICLE, encoding="utf-8")
    r = run_cli("check", ".", "--no-cache", "--format", "junit", cwd=tmp_path)
    assert ET.fromstring(r.out).find("testsuite").get("name") == "bad\\xff.txt"


@pytest.mark.parametrize("name,uri", [
    ("news#1.txt", "news%231.txt"), ("with space.txt", "with%20space.txt"), ("100%.txt", "100%25.txt"),
    ("خبر.txt", "%D8%AE%D8%A8%D8%B1.txt"), ("sub/a?b.txt", "sub/a%3Fb.txt"), ("a:b.txt", "a%3Ab.txt"),
])
def test_sarif_uris_are_percent_encoded(tmp_path, name, uri):
    from urllib.parse import unquote, urlsplit

    (tmp_path / name).parent.mkdir(exist_ok=True)
    (tmp_path / name).write_text("فقرة.\n\n310310\n", encoding="utf-8")
    r = run_cli("check", ".", "--no-cache", "--format", "sarif", cwd=tmp_path)
    found = json.loads(r.out)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert found["uri"] == uri
    assert unquote(urlsplit(found["uri"]).path) == name      # read back as a URI, it names the file


def test_sarif_with_hostile_names_is_valid(sarif_schema, tmp_path):
    import jsonschema

    for name in ("news#1.txt", "with space.txt", "100%.txt", "خبر.txt", HOSTILE_NAME):
        (tmp_path / name).write_text(HOSTILE_ARTICLE, encoding="utf-8")
    r = run_cli("check", ".", "--format", "sarif", "--no-cache", cwd=tmp_path)
    report = json.loads(r.out)
    jsonschema.validators.validator_for(sarif_schema)(sarif_schema, format_checker=jsonschema.FormatChecker()) \
        .validate(report)


@given(st.text(alphabet=st.sampled_from(list("a<>&\"'\n\r\t ب\u202e\x00")), max_size=30))
def test_junit_escaping_is_saxutils_escaping(text):
    from xml.sax.saxutils import escape, quoteattr

    from newslint.reporters import junit

    assert junit._escape(text) == escape(text) and junit._quoteattr(text) == quoteattr(text)


def test_the_fast_indenter_writes_what_json_dumps_writes():
    import random

    from newslint.reporters.json import _dumps, _indented, _nested

    rng = random.Random(4)
    alphabet = ["a", "ب", "\"", "\\", "\n", "\t", "\x00", "\u200f", "\ud800", "é", "😀", " "]

    def text():
        return "".join(rng.choice(alphabet) for _ in range(rng.randrange(6)))

    def value(depth=0):
        kind = rng.randrange(9 if depth < 3 else 6)
        return [text, lambda: rng.randrange(-10**12, 10**12), lambda: rng.random() * 10 ** rng.randrange(-5, 20),
                lambda: None, lambda: rng.random() < 0.5, lambda: float("nan"),
                lambda: {text(): value(depth + 1) for _ in range(rng.randrange(4))},
                lambda: [value(depth + 1) for _ in range(rng.randrange(4))],
                lambda: {1: "a", None: 2.5}][kind]()

    for _ in range(2000):
        item = value()
        assert _indented(item, "    ") == _nested(_dumps(item), "    ")
