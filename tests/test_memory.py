"""Flat memory: what a run holds does not grow with the number of files
(issue 14). The report, the run snapshot and the summary stream; only the
batch rules' compact sketches stay for the cross-file comparison."""
from __future__ import annotations

import json
import random
import re
import sqlite3
import subprocess
import sys

import pytest

from conftest import SEEDS, run_cli

WORDS = ("أعلن وزير الخارجية الروسي سيرغي لافروف عن خطة لعقد قمة ثلاثية لزعماء روسيا وأرمينيا وأذربيجان هذا العام "
         "وقال في ختام اجتماعه بنظيريه إن بلاده ستواصل العمل الحثيث للتحضير للقاءات التالية وتوجد هناك خطط "
         "نددت متحدثة الخارجية باتهامات الغرب بالتدخل في الانتخابات وأكدت أن هدف هذه الاتهامات التغطية على "
         "جرائم الغرب لا أساس لها من الصحة ونرفضها بشدة وأضافت أن الشعب سيكون قادرا على الدفاع عن هويته").split()


def generated_article(i: int) -> str:
    """A distinct article with several findings (each sentence opens with a
    duplicated word), the same for the same `i`."""
    rng = random.Random(i)
    sentences = [" ".join(rng.choice(WORDS) for _ in range(14)) for _ in range(6)]
    body = " ".join(f"{sentence.split()[0]} {sentence}." for sentence in sentences)
    return f"خبر رقم {i}\n\n{body}\n\nالمصدر: وكالات\n"


def write_batch(folder, n: int) -> None:
    for i in range(n):
        sub = folder / f"d{i // 500:02d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"{i:05d}.txt").write_text(generated_article(i), encoding="utf-8")


_PEAK = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=False); "
         "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


def peak_rss_mib(folder, tmp_path) -> float:
    """Peak RSS of a cold `check --format json` over `folder` (one process)."""
    cmd = [sys.executable, "-m", "newslint", "check", str(folder), "--isolated", "--jobs", "1", "--exit-zero",
           "--format", "json", "--output", str(tmp_path / f"{folder.name}.json"),
           "--cache-dir", str(tmp_path / f"cache-{folder.name}")]
    proc = subprocess.run([sys.executable, "-c", _PEAK, *cmd], capture_output=True, text=True, check=True)
    return int(proc.stdout.split()[-1]) / 1024


def test_peak_memory_does_not_grow_with_the_number_of_files(tmp_path):
    small, large = tmp_path / "small", tmp_path / "large"
    write_batch(small, 1000)
    write_batch(large, 4000)
    grown = peak_rss_mib(large, tmp_path) - peak_rss_mib(small, tmp_path)
    report = json.loads((tmp_path / "large.json").read_text(encoding="utf-8"))
    assert report["summary"]["files"] == 4000 and report["summary"]["findings"] > 4000 * 3
    # 3,000 more files (sketches: ~1 KB each) may add a few MiB, not the findings' tens
    assert grown < 15, f"peak RSS grew {grown:.1f} MiB from 1,000 to 4,000 files"


def _canonical(text: str) -> str:
    """The report as one json.dump of the whole object writes it."""
    return json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n"


@pytest.mark.parametrize("which", ["seeds", "no findings", "batch with errors"])
def test_the_streamed_json_report_has_the_bytes_of_one_dump(tmp_path, which):
    if which == "seeds":
        folder = SEEDS
    else:
        folder = tmp_path / "news"
        folder.mkdir()
        (folder / "clean.txt").write_text("", encoding="utf-8")
        if which == "batch with errors":
            write_batch(folder, 20)
            (folder / "bad.txt").write_bytes(b"\xff\xfe\x00\x00" * 3 + b"\x00" * 40)
    result = run_cli("check", str(folder), "--isolated", "--no-cache", "--format", "json", "--exit-zero")
    assert result.code == 0, result.err
    assert result.out == _canonical(result.out)


def _cold_run_in_chunks_of_7(tmp_path, monkeypatch):
    """30 files linted cold with snapshot chunks of 7 files: (the CLI args, the cold result)."""
    from newslint import cache as cache_module

    monkeypatch.setattr(cache_module.Snapshot, "CHUNK_FILES", 7)
    folder = tmp_path / "news"
    write_batch(folder, 30)
    args = ("check", str(folder), "--isolated", "--format", "json", "--cache-dir", str(tmp_path / "cache"))
    return args, run_cli(*args)


def test_a_snapshot_of_many_chunks_replays_the_cold_report(tmp_path, monkeypatch):
    args, cold = _cold_run_in_chunks_of_7(tmp_path, monkeypatch)
    with sqlite3.connect(tmp_path / "cache" / "cache.sqlite3") as db:
        runs = [key for (key,) in db.execute("SELECT key FROM entries WHERE key LIKE 'run:%'")]
    batch = [key for key in runs if re.search(r":b\d+$", key)]
    assert len(runs) - len(batch) == 5  # four chunks of 7 files, the header with the last 2
    assert len(batch) == 1  # the batch rules' results, a chunk of their own
    import newslint.runner as runner

    monkeypatch.setattr(runner, "read_bytes", lambda path: (_ for _ in ()).throw(AssertionError(path)))
    warm = run_cli(*args)
    assert (warm.code, warm.out) == (cold.code, cold.out)


def test_a_forged_middle_chunk_lints_the_files_from_there(tmp_path, monkeypatch):
    args, cold = _cold_run_in_chunks_of_7(tmp_path, monkeypatch)
    with sqlite3.connect(tmp_path / "cache" / "cache.sqlite3") as db:
        key, value = db.execute("SELECT key, value FROM entries WHERE key LIKE 'run:%:2'").fetchone()
        data = json.loads(value)
        data["files"][3][0] = "/etc/passwd"
        db.execute("UPDATE entries SET value = ? WHERE key = ?", (json.dumps(data), key))
    import newslint.runner as runner

    read = []
    monkeypatch.setattr(runner, "read_bytes", lambda path, real=runner.read_bytes: read.append(path) or real(path))
    warm = run_cli(*args)
    assert (warm.code, warm.out) == (cold.code, cold.out)
    assert len(read) == 30 - 2 * 7  # the files of the first two chunks replayed, not read


class _Recorder:
    def __init__(self):
        self.paths = []

    def file(self, result):
        self.paths.append((result.path, len(result.findings)))


def test_results_of_several_configurations_wait_on_disk_for_path_order():
    import gc
    import weakref

    from newslint.models import FileResult
    from newslint.runner import Group, _InPathOrder

    found = lint_text_findings()
    # the root's config and a nested one: their files interleave in path order
    groups = [Group(["a.txt", "z.txt"], None), Group(["sub/b.txt", "sub/c.txt"], None)]
    reporter = _Recorder()
    sink = _InPathOrder(reporter, groups)
    results = [FileResult("a.txt"), FileResult("z.txt", found), FileResult("z.txt", found[:1]),
               FileResult("sub/b.txt", found), FileResult("sub/c.txt"), FileResult("sub/b.txt", found[:1])]
    held = [weakref.ref(r) for r in results]
    for result in results:
        sink.file(result)
    del results, result
    gc.collect()
    assert not any(ref() is not None for ref in held)  # none in memory until the report needs them
    sink.release()
    n = len(found)
    assert reporter.paths == [("a.txt", 0), ("sub/b.txt", n), ("sub/c.txt", 0), ("z.txt", n),
                              ("sub/b.txt", 1), ("z.txt", 1)]


def lint_text_findings():
    from conftest import lint_text

    return tuple(lint_text("خبر خبر عاجل عاجل", path="z.txt"))


def _deep_size(value) -> int:
    if isinstance(value, (tuple, list)):
        return sys.getsizeof(value) + sum(map(_deep_size, value))
    return sys.getsizeof(value)


def test_the_furniture_sketch_is_packed():
    from newslint.document import Document
    from newslint.plugins import load_registry

    rule = load_registry().by_code["BLP004"]
    lines = [f"تابعونا على تويتر {i}" for i in range(4)] + [" ".join(WORDS[:40])] + [f"اقرأ أيضا: خبر {i}" for i in range(4)]
    doc = Document("site/a.txt", "\n\n".join(lines).encode("utf-8"))
    sketch = rule().sketch(doc, {k: v["default"] for k, v in rule.options.items()})
    from newslint.rules.boilerplate.BLP004 import sketch_rows

    rows = len(sketch_rows(sketch[1]))
    assert rows >= 9  # every line but the paragraph (short lines also have a first-word template)
    assert _deep_size(sketch) < 200 + rows * 6 * 8  # packed: 8 bytes a value


def test_the_near_duplicate_sketch_is_one_bytes_object():
    from newslint.document import Document
    from newslint.plugins import load_registry

    rule = load_registry().by_code["DUP002"]
    doc = Document("a.txt", generated_article(1).encode("utf-8"))
    sketch = rule().sketch(doc, {k: v["default"] for k, v in rule.options.items()})
    assert _deep_size(sketch) <= sys.getsizeof(b"") + 20 + 64 * 8  # the exact digest and 64 hashes


def test_near_duplicate_candidates_cost_little_memory():
    import hashlib
    import tracemalloc
    from array import array

    from newslint.plugins import load_registry

    rule = load_registry().by_code["DUP002"]
    rng = random.Random(1)
    sketches = [(f"d/{i:05d}.txt", hashlib.sha1(b"%d" % i).digest()
                 + array("q", sorted(rng.getrandbits(62) for _ in range(64))).tobytes()) for i in range(20_000)]
    sketches += [(path + ".copy", hashlib.sha1(path.encode()).digest() + sketch[20:]) for path, sketch in sketches[::50]]
    tracemalloc.start()
    try:
        found = list(rule().compare(sketches, {k: v["default"] for k, v in rule.options.items()}))
        peak = tracemalloc.get_traced_memory()[1] / 2 ** 20
    finally:
        tracemalloc.stop()
    assert len(found) == 400
    assert peak < 20, f"comparing 20,400 sketches peaked at {peak:.1f} MiB"  # 37 MiB with a dict of lists


# ------------------------------------------------------------ batch sketches and findings on disk

@pytest.mark.parametrize("pread", [True, False], ids=["pread", "seek-and-read"])
def test_spilled_sketches_read_back_in_order_and_by_index(pread, monkeypatch):
    from newslint.sketch_spill import SpilledSketches

    if not pread:  # as on Windows, which has no os.pread
        monkeypatch.delattr("os.pread", raising=False)
    spill = SpilledSketches()
    entries = [(f"site/{i:05d}.txt", bytes([i % 251]) * (i % 3000)) for i in range(3000)]  # blocks of 1 MiB and more
    for entry in entries[:1500]:
        spill.append(entry)
    assert spill[7] == entries[7] and spill[1499] == entries[1499]  # a read between appends
    for entry in entries[1500:]:
        spill.append(entry)
    assert len(spill) == 3000 and bool(spill)
    seen = []
    for i, entry in enumerate(spill):
        if i % 97 == 0:
            assert spill[2999 - i] == entries[2999 - i]  # indexing inside the loop does not move it
        seen.append(entry)
    assert seen == entries and spill[-1] == entries[-1]
    with pytest.raises(IndexError):
        spill[3000]
    spill.close()
    assert not SpilledSketches() and list(SpilledSketches()) == []


def test_batch_findings_are_sorted_on_disk_by_path_keeping_their_order(monkeypatch):
    from operator import itemgetter

    from newslint.runner import _ExternalSort

    monkeypatch.setattr(_ExternalSort, "CHUNK", 7)
    rng = random.Random(3)
    items = [(f"{rng.randrange(40):02d}.txt", n) for n in range(500)]
    spill = _ExternalSort(key=itemgetter(0))
    for item in items:
        spill.add(item)
    assert spill._spilled and len(spill._chunk) < 7  # full chunks went to the file as they filled
    assert list(spill.sorted()) == sorted(items, key=itemgetter(0))  # stable: a path's items keep their order


def test_near_duplicates_are_the_same_whatever_order_the_sketches_come_in():
    import hashlib
    from array import array

    from newslint.plugins import load_registry
    from newslint.sketch_spill import SpilledSketches

    rule = load_registry().by_code["DUP002"]
    options = {k: v["default"] for k, v in rule.options.items()}
    rng = random.Random(2)
    sketches = [(f"d/{i:04d}.txt", hashlib.sha1(b"%d" % i).digest()
                 + array("q", sorted(rng.getrandbits(62) for _ in range(64))).tobytes()) for i in range(300)]
    sketches += [(path + ".copy", hashlib.sha1(path.encode()).digest() + sketch[20:]) for path, sketch in sketches[::7]]
    in_order = sorted(rule().compare(sorted(sketches), options))
    shuffled = sketches[:]
    rng.shuffle(shuffled)
    spilled = SpilledSketches()
    for entry in shuffled:
        spilled.append(entry)
    assert len(in_order) == 43
    assert sorted(rule().compare(shuffled, options)) == in_order
    assert sorted(rule().compare(spilled, options)) == in_order


def test_batch_results_are_stored_in_chunks_and_a_missing_one_means_recompute(tmp_path, monkeypatch):
    from newslint import cache as cache_module

    monkeypatch.setattr(cache_module.BatchChunks, "CHUNK_FILES", 2)
    folder = tmp_path / "news"
    write_batch(folder, 6)
    for i in range(6):  # every file gets an exact copy: six batch results at least
        (folder / f"copy_{i}.txt").write_bytes((folder / "d00" / f"{i:05d}.txt").read_bytes())
    args = ("check", str(folder), "--isolated", "--format", "json", "--cache-dir", str(tmp_path / "cache"))
    cold = run_cli(*args)
    assert json.loads(cold.out)["summary"]["by_code"].get("DUP001") == 6
    with sqlite3.connect(tmp_path / "cache" / "cache.sqlite3") as db:
        chunks = sorted(key for (key,) in db.execute("SELECT key FROM entries") if re.search(r":b\d+$", key))
    assert len(chunks) >= 6  # the snapshot's and the batch key's, three or more each
    assert (run_cli(*args).code, run_cli(*args).out) == (cold.code, cold.out)
    with sqlite3.connect(tmp_path / "cache" / "cache.sqlite3") as db:
        db.execute("DELETE FROM entries WHERE key = ?", (chunks[1],))
    warm = run_cli(*args)
    assert (warm.code, warm.out) == (cold.code, cold.out)


def test_equal_keys_are_grouped_by_sorting_compact_arrays():
    from newslint.sorted_groups import HashPairs, groups_of_equal

    keys = [5, 3, 5, 9, 3, 5]
    assert list(groups_of_equal(len(keys), keys.__getitem__)) == [[1, 4], [0, 2, 5]]  # key order, each ascending
    assert list(groups_of_equal(len(keys), keys.__getitem__, smallest=1)) == [[1, 4], [0, 2, 5], [3]]
    pairs = HashPairs()
    for h, value in [(-2 ** 63, 7), (17, 1), (-2 ** 63, 3), (17, 1), (-1, 4), (33, 2)]:
        pairs.add(h, value)
    assert sorted(pairs.groups()) == [(-2 ** 63, [7, 3]), (17, [1, 1])]  # values in the order they came
    assert sorted(pairs.groups(by_value=True, smallest=1)) == [
        (-2 ** 63, [3]), (-2 ** 63, [7]), (-1, [4]), (17, [1, 1]), (33, [2])]
