"""Batch scale: deterministic output across --jobs, the content cache, and
cross-file duplicates."""
from __future__ import annotations

import json
import re
import shutil

import pytest

from conftest import SEEDS, run_cli

STORY = ("أعلن وزير الخارجية الروسي، سيرغي لافروف، عن خطة لعقد قمة ثلاثية لزعماء روسيا وأرمينيا وأذربيجان هذا "
         "العام. وقال لافروف في ختام اجتماعه بنظيريه الأرميني والأذربيجاني إن روسيا ستواصل العمل الحثيث "
         "للتحضير للقاءات التالية، وتوجد هناك خطط لعقد قمة جديدة لقادة روسيا وأذربيجان وأرمينيا هذا العام، "
         "وأعرب الوزير عن أمله بأن تعطي مناقشات اليوم زخما إيجابيا لعملية التفاوض بين البلدين الجارين.")
OTHER = ("نددت متحدثة الخارجية الروسية ماريا زاخاروفا باتهامات الغرب لروسيا بالتدخل في الانتخابات الجورجية، "
         "وأكدت أن هدف هذه الاتهامات التغطية على جرائم الغرب. وقالت زاخاروفا في مؤتمر صحفي إن هذه الاتهامات "
         "لا أساس لها من الصحة ونرفضها بشدة، وأضافت أن الشعب الجورجي سيكون قادرا على الدفاع عن هويته وأن "
         "الغرب يسعى إلى تنصيب حكومة موالية له في تبليسي بعد الانتخابات البرلمانية الأخيرة في البلاد.")


def article(body: str, source: str = "RT Arabic") -> str:
    return f"عنوان الخبر\n\n{body}\n\nالمصدر: {source}\n"


@pytest.fixture
def batch(tmp_path):
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "a.txt").write_text(article(STORY), encoding="utf-8")
    # the same story: other source line, no-break spaces, CRLF, an appended list
    (folder / "b.txt").write_bytes(
        (article(STORY.replace(" ", "\u00a0", 3), "وكالات") + "\nمقالات مشابهة\n\n  • خبر آخر\n")
        .replace("\n", "\r\n").encode())
    # the same story with one more sentence: a near-duplicate
    (folder / "c.txt").write_text(article(STORY + " وختم الوزير حديثه بالشكر للحضور."), encoding="utf-8")
    (folder / "d.txt").write_text(article(OTHER), encoding="utf-8")
    return folder


def findings(r):
    return json.loads(r.out)["findings"]


def test_exact_and_near_duplicates(batch):
    r = run_cli("check", ".", "--format", "json", "--no-cache", "--select", "DUP", cwd=batch)
    got = sorted((f["path"], f["code"], f["message"].split(":")[0]) for f in findings(r))
    assert got == [("b.txt", "DUP001", "same article text as a.txt (file-level)"),
                   ("c.txt", "DUP002", "near-duplicate of a.txt")]
    assert json.loads(r.out)["summary"]["files_with_findings"] == 2


def test_no_duplicates_for_a_single_file(batch):
    r = run_cli("check", "b.txt", "--format", "json", "--no-cache", "--select", "DUP", cwd=batch)
    assert findings(r) == []


def test_duplicate_threshold_is_configurable(batch):
    (batch / ".newslint.yaml").write_text("rules:\n  near-duplicate: {threshold: 0.99}\n", encoding="utf-8")
    r = run_cli("check", ".", "--format", "json", "--no-cache", "--select", "DUP002", cwd=batch)
    assert findings(r) == []


def test_output_is_the_same_whatever_the_jobs(tmp_path):
    corpus = tmp_path / "many"
    for i in range(40):
        shutil.copytree(SEEDS, corpus / f"part{i:02d}", ignore=shutil.ignore_patterns("*.yaml"))
    one = run_cli("check", str(corpus), "--format", "json", "--no-cache", "--jobs", "1")
    two = run_cli("check", str(corpus), "--format", "json", "--no-cache", "--jobs", "2")
    assert one.code == two.code == 1
    assert findings(one) == findings(two)
    assert json.loads(one.out)["summary"] == json.loads(two.out)["summary"]
    paths = [f["path"] for f in findings(one)]
    assert paths[:len(paths) // 2] == sorted(paths[:len(paths) // 2])


def cache_keys(cache):
    import sqlite3

    with sqlite3.connect(cache / "cache.sqlite3") as db:
        return {key for (key,) in db.execute("SELECT key FROM entries WHERE key NOT LIKE 'batch:%' AND key NOT LIKE 'run:%'")}


def test_cache_hit_and_invalidation(batch, tmp_path):
    cache = tmp_path / "cache"
    first = run_cli("check", ".", "--format", "json", "--cache-dir", cache, cwd=batch)
    keys = cache_keys(cache)
    assert len(keys) == 4
    again = run_cli("check", ".", "--format", "json", "--cache-dir", cache, cwd=batch)
    assert findings(again) == findings(first)
    assert cache_keys(cache) == keys                                      # all hits, nothing new

    # a config change (rule option) is a different key: nothing is reused
    (batch / ".newslint.yaml").write_text("rules:\n  blank-line-run: {max-blank-lines: 3}\n", encoding="utf-8")
    run_cli("check", ".", "--format", "json", "--cache-dir", cache, cwd=batch)
    assert len(cache_keys(cache)) == 8
    # so is a different rule selection
    run_cli("check", ".", "--format", "json", "--cache-dir", cache, "--ignore", "WSP001", cwd=batch)
    assert len(cache_keys(cache)) == 12
    # and a changed file gets a new entry of its own
    (batch / "d.txt").write_text(article(OTHER + " 310310"), encoding="utf-8")
    changed = run_cli("check", ".", "--format", "json", "--cache-dir", cache, "--ignore", "WSP001", cwd=batch)
    assert len(cache_keys(cache)) == 13
    assert any(f["path"] == "d.txt" and f["code"] == "SID003" for f in findings(changed))


def test_corrupt_or_foreign_entries_are_ignored(batch, tmp_path):
    import sqlite3

    cache = tmp_path / "cache"
    clean = run_cli("check", ".", "--format", "json", "--cache-dir", cache, cwd=batch)
    with sqlite3.connect(cache / "cache.sqlite3") as db:
        keys = sorted(k for (k,) in db.execute("SELECT key FROM entries WHERE key NOT LIKE 'batch:%' AND key NOT LIKE 'run:%'"))
        db.execute("UPDATE entries SET value = '{not json' WHERE key = ?", (keys[0],))
        foreign = json.loads(db.execute("SELECT value FROM entries WHERE key = ?", (keys[1],)).fetchone()[0])
        foreign["findings"], foreign["key"] = [], "0" * 64       # an entry that is not for this key
        db.execute("UPDATE entries SET value = ? WHERE key = ?", (json.dumps(foreign), keys[1]))
    again = run_cli("check", ".", "--format", "json", "--cache-dir", cache, cwd=batch)
    assert findings(again) == findings(clean)


def test_duplicates_come_from_the_cache_on_an_unchanged_batch(batch, tmp_path):
    import sqlite3

    cache = tmp_path / "cache"
    cold = run_cli("check", ".", "--format", "json", "--cache-dir", cache, "--select", "DUP", cwd=batch)
    with sqlite3.connect(cache / "cache.sqlite3") as db:
        stored = [k for (k,) in db.execute("SELECT key FROM entries WHERE key LIKE 'batch:%'")]
    assert len([k for k in stored if not re.search(r":b\d+$", k)]) == 1  # one batch entry (and its chunks)
    warm = run_cli("check", ".", "--format", "json", "--cache-dir", cache, "--select", "DUP", cwd=batch)
    assert findings(warm) == findings(cold) and len(findings(cold)) == 2
    # one file changes: a new batch key, duplicates computed again
    (batch / "c.txt").write_text(article(OTHER), encoding="utf-8")
    changed = run_cli("check", ".", "--format", "json", "--cache-dir", cache, "--select", "DUP", cwd=batch)
    assert sorted((f["path"], f["code"]) for f in findings(changed)) == [("b.txt", "DUP001"), ("d.txt", "DUP001")]


def test_an_unchanged_batch_is_answered_from_its_snapshot(batch, tmp_path, monkeypatch):
    import os

    cache = tmp_path / "cache"
    cold = run_cli("check", ".", "--format", "json", "--cache-dir", cache, cwd=batch)
    # nothing is read on the warm run: every file read would fail
    import newslint.runner as runner

    monkeypatch.setattr(runner, "read_bytes", lambda path: (_ for _ in ()).throw(AssertionError(path)))
    warm = run_cli("check", ".", "--format", "json", "--cache-dir", cache, cwd=batch)
    assert warm.code == cold.code and findings(warm) == findings(cold)
    monkeypatch.undo()

    # content changed, size and mtime put back: the ctime still tells
    path = batch / "d.txt"
    st = os.stat(path)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("تبليسي", "تبليسی"), encoding="utf-8")   # a Persian yeh: same size in bytes
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    changed = run_cli("check", ".", "--format", "json", "--cache-dir", cache, cwd=batch)
    assert os.stat(path).st_size == st.st_size and os.stat(path).st_mtime_ns == st.st_mtime_ns
    assert any(f["path"] == "d.txt" and f["code"] == "SCR001" for f in findings(changed))


def test_a_cache_file_that_is_not_a_database_is_ignored(batch, tmp_path):
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "cache.sqlite3").write_bytes(b"this is not sqlite" * 100)
    clean = run_cli("check", ".", "--format", "json", "--no-cache", cwd=batch)
    again = run_cli("check", ".", "--format", "json", "--cache-dir", cache, cwd=batch)
    assert again.code == clean.code and findings(again) == findings(clean)


def test_no_cache_writes_nothing(batch, tmp_path):
    run_cli("check", ".", "--no-cache", "--cache-dir", tmp_path / "cache", cwd=batch)
    assert not (tmp_path / "cache").exists()


def test_jobs_must_be_positive(batch):
    r = run_cli("check", ".", "--jobs", "0", cwd=batch)
    assert r.code == 2 and "--jobs" in r.err
