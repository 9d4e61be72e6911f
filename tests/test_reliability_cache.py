"""The cache and the pool on hostile input (issue 10, part B): a cache is
untrusted, its key covers everything a result depends on, and SQLite
connections never cross fork()."""
from __future__ import annotations

import json
import math
import os
import sqlite3

import pytest

from conftest import run_cli

ARTICLE = "عنوان الخبر\n\nأعلن الوزير عن خطة جديدة، وأضاف المصدر أن الأشغال ستتواصل خلال الأيام القادمة في الجهة.\n\n310310\n\nالمصدر: وكالات\n"   # SID001


def report(r):
    assert "Traceback" not in r.err and "internal error" not in r.err, r.err
    return json.loads(r.out)   # strict: NaN would not parse with parse_constant below


def strict_json(text):
    def refuse(name):
        raise ValueError(f"not JSON: {name}")
    return json.loads(text, parse_constant=refuse)


def entries(cache):
    with sqlite3.connect(cache / "cache.sqlite3") as db:
        return dict(db.execute("SELECT key, value FROM entries"))


def rewrite(cache, change, kinds=("file",)):
    """Apply `change` to the decoded value of each entry of `kinds` (or
    store what it returns instead)."""
    with sqlite3.connect(cache / "cache.sqlite3") as db:
        for key, value in db.execute("SELECT key, value FROM entries").fetchall():
            kind = "run" if key.startswith("run:") else "batch" if key.startswith("batch:") else "file"
            if kind in kinds:
                data = json.loads(value)
                data = change(data) or data   # a change may return a replacement
                db.execute("UPDATE entries SET value = ? WHERE key = ?", (json.dumps(data), key))


# ------------------------------------------------------------ the key (21, 22, 23)

def test_the_key_covers_the_per_file_ignores_of_the_path(tmp_path):
    (tmp_path / ".newslint.yaml").write_text("per-file-ignores:\n  'archive/**': [SID]\n", encoding="utf-8")
    for folder in ("archive", "news"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    cache = tmp_path / "cache"
    quiet = report(run_cli("check", ".", "--format", "json", "--cache-dir", cache, cwd=tmp_path / "archive"))
    assert "SID001" not in {f["code"] for f in quiet["findings"]}
    loud = report(run_cli("check", ".", "--format", "json", "--cache-dir", cache, cwd=tmp_path / "news"))
    assert "SID001" in {f["code"] for f in loud["findings"]}


def test_a_file_name_that_is_not_utf8_is_cached(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))     # the default cache folder
    folder = os.fsencode(tmp_path / "news")
    os.mkdir(folder)
    with open(os.path.join(folder, b"bad\xffname.txt"), "wb") as fh:
        fh.write(ARTICLE.encode())
    for _ in range(2):    # cold, then warm from the cache
        r = run_cli("check", ".", "--format", "json", cwd=tmp_path / "news")
        assert r.code == 1 and [f["code"] for f in report(r)["findings"]] == ["SID001"], r.err
    assert (tmp_path / "xdg" / "newslint" / "cache.sqlite3").exists()


@pytest.mark.parametrize("name", ["misspellings.tsv", os.path.join("context", "ar-pairs.bin"),
                                  os.path.join("lexicon", "ar-slip-verdicts.bin")])
def test_the_code_fingerprint_covers_the_rule_data_files(registry, name):
    """Sub-folders too: a rebuilt table is rewritten in place, which leaves
    its folder's times alone (the review of SPL008 found them uncovered)."""
    import newslint.rules.data

    folder = newslint.rules.data.__path__[0]
    data_file = os.path.join(folder, name)
    before = registry.code_fingerprint()
    st = os.stat(data_file)
    try:
        os.utime(data_file, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))   # as an edit would
        assert registry.code_fingerprint() != before
    finally:
        os.utime(data_file, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert registry.code_fingerprint() == before


# ------------------------------------------------------------ entries are untrusted (24)

def _set_row(index, value):
    def change(data):
        for row in data.get("findings", []):
            row[index] = value
    return change


def _set_fix(value):
    def change(data):
        for row in data.get("findings", []):
            row[10] = value
    return change


FORGED = {
    "unknown severity": _set_row(3, "fatal"),
    "unknown category": _set_row(2, "nonsense"),
    "NaN line": _set_row(6, math.nan),
    "negative column": _set_row(7, -5),
    "string line": _set_row(6, "1"),
    "bool column": _set_row(7, True),
    "huge end line": _set_row(8, 10 ** 30),
    "code not a string": _set_row(0, 7),
    "short row": lambda data: [row.pop() for row in data.get("findings", [])],
    "row not a list": lambda data: data.update(findings=[{"code": "SID001"}]),
    "findings not a list": lambda data: data.update(findings="SID001"),
    "fix with an unknown applicability": _set_fix(["always", "m", None, []]),
    "fix with a bad edit": _set_fix(["safe", "m", None, [[1, 1, 1]]]),
    "error not a string": lambda data: data.update(error=["boom"]),
    "sketch not base64": lambda data: data.update(sketches={"DUP001": {"b64": "!!!"}}),
    "sketch nested": lambda data: data.update(sketches={"DUP001": [[["x"]]]}),
    "path of another file": lambda data: data.update(path="other.txt"),
    "entry is a list": lambda data: [data],
    "entry is a number": lambda data: 12,
}


@pytest.fixture
def folder(tmp_path):
    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (news / "b.txt").write_text(ARTICLE.replace("310310", "\u00a0"), encoding="utf-8")
    return news


@pytest.mark.parametrize("name", sorted(FORGED))
def test_a_forged_file_entry_is_recomputed(folder, tmp_path, name):
    cache = tmp_path / "cache"
    clean = run_cli("check", ".", "--format", "json", "--cache-dir", cache, cwd=folder)
    rewrite(cache, FORGED[name])
    with sqlite3.connect(cache / "cache.sqlite3") as db:
        db.execute("DELETE FROM entries WHERE key LIKE 'run:%'")   # no snapshot: the file entries answer
    again = run_cli("check", ".", "--format", "json", "--cache-dir", cache, cwd=folder)
    assert again.code == clean.code and again.out == clean.out, again.err
    strict_json(again.out)


def _forge_snapshot(change):
    def apply(data):
        for item in data.get("files", []):
            change(item)
    return apply


FORGED_SNAPSHOTS = {
    "unknown severity": _forge_snapshot(lambda item: [row.__setitem__(3, "fatal") for row in item[1]]),
    "NaN line": _forge_snapshot(lambda item: [row.__setitem__(6, math.nan) for row in item[1]]),
    "other paths": _forge_snapshot(lambda item: item.__setitem__(0, "/etc/passwd")),
    "error not a string": _forge_snapshot(lambda item: item.__setitem__(2, 12)),
    "files dropped": lambda data: data.update(files=data["files"][:1]),
    "batch not a list": lambda data: data.update(batch={"a": 1}),
}


@pytest.mark.parametrize("name", sorted(FORGED_SNAPSHOTS))
def test_a_forged_snapshot_is_ignored(folder, tmp_path, name):
    cache = tmp_path / "cache"
    clean = run_cli("check", ".", "--format", "json", "--cache-dir", cache, cwd=folder)
    rewrite(cache, FORGED_SNAPSHOTS[name], kinds=("run",))
    again = run_cli("check", ".", "--format", "json", "--cache-dir", cache, cwd=folder)
    assert again.code == clean.code and again.out == clean.out, again.err
    strict_json(again.out)


# ------------------------------------------------------------ the pool (36)

def test_pool_workers_open_their_own_sqlite_connection(tmp_path, monkeypatch):
    from newslint.cache import Cache

    news = tmp_path / "news"
    news.mkdir()
    for i in range(70):                                  # enough for two workers
        (news / f"{i:02d}.txt").write_text(ARTICLE + f"\n{i}\n", encoding="utf-8")
    cache = tmp_path / "cache"
    Cache(cache, "an older run").put_many([("old", "{}")])   # the parent finds a cache file and opens it
    log = tmp_path / "connections"
    real_connect = sqlite3.connect

    def connect(*args, **kwargs):                        # which process opens a connection
        with open(log, "a", encoding="utf-8") as fh:
            fh.write(f"{os.getpid()}\n")
        return real_connect(*args, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", connect)
    r = run_cli("check", ".", "--jobs", "2", "--format", "json", "--cache-dir", cache, cwd=news)
    assert report(r)["summary"]["files"] == 70
    openers = set(log.read_text(encoding="utf-8").split())
    assert openers - {str(os.getpid())}, "the workers used the parent's connection across fork()"
    monkeypatch.undo()
    files = [k for k in entries(cache) if k != "old" and not k.startswith(("run:", "batch:"))]
    assert len(files) == 70                              # the parent still stores the results


def test_findings_rebuilt_from_rows_equal_those_built_by_their_classes():
    """The warm run rebuilds findings with `models.checked` (no per-field
    setattr): the result must compare, hash, print and stay frozen like one
    built by the dataclasses themselves."""
    import dataclasses

    from newslint.cache import _finding, _finding_from
    from newslint.models import Edit, Finding, Fix, Hit

    fix = Fix("unsafe", "write \"على\"", (Edit(1, 5, 1, 8, "على"), Edit(2, 1, 2, 1, "x")), None)
    for hit in (Hit(1, 5, 1, 8, "m", fix, 0.85), Hit(3, 1, 3, 2, "n")):
        for record in (None, 7):
            built = Finding("SPL006", "orthographic-variant", "spelling", "warning", "a.txt", hit, "fp", "doc",
                            record)
            rebuilt = _finding_from(_finding(built), "a.txt")
            assert rebuilt == built and hash(rebuilt) == hash(built) and repr(rebuilt) == repr(built)
            assert rebuilt.to_dict() == built.to_dict()
            with pytest.raises(dataclasses.FrozenInstanceError):
                rebuilt.hit.line = 2
            assert dataclasses.replace(rebuilt, path="b.txt").path == "b.txt"


def test_every_sketch_a_builtin_rule_makes_survives_the_cache(tmp_path):
    """A sketch the cache cannot store makes it treat the entry as corrupt
    and lint the file again on every run: SRC001's sketch was a bool, which
    the cache refuses, so no article with paragraphs was ever answered from
    the cache. Every built-in batch rule's sketch of a real article (and of
    one without a source line) must round-trip."""

    from newslint import config as config_mod
    from newslint.cache import Cache
    from newslint.engine import LintPlan
    from newslint.plugins import load_registry
    from newslint.runner import lint_through_cache

    registry = load_registry()
    plan = LintPlan.build(registry, config_mod.load(None, registry.rules, cwd=tmp_path))
    items = [("a.txt", ARTICLE.encode()), ("b.txt", ARTICLE.replace("المصدر: وكالات\n", "").encode())]
    cache = Cache(tmp_path / "cache", "run")
    first = lint_through_cache(items, plan, cache)
    assert all(linted.sketches for linted in first)
    cache.put_many([(linted.cache.key, linted.cache.value) for linted in first])
    second = lint_through_cache(items, plan, cache)
    assert [linted.cache.value for linted in second] == [None, None]  # both answered from the cache
    assert [linted.sketches for linted in second] == [linted.sketches for linted in first]
