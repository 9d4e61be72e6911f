"""--executor dask: the same report as a local run, from a real
LocalCluster of worker processes; fsspec URLs; one-line errors."""
from __future__ import annotations

import json
import sys
import tarfile
from pathlib import Path

import pytest

from conftest import SEEDS, run_cli
from newslint.executors.dask import NO_DASHBOARD

distributed = pytest.importorskip("distributed", reason="needs dask[distributed] (the dask extra)")

CORPUS_NAME = Path("shared") / "corpus" / "ant-jawhara.tar.gz"
CORPUS = next((p / CORPUS_NAME for p in (Path(__file__).resolve().parents[2], Path("/work"))
               if (p / CORPUS_NAME).exists()), None)
FILES = 500
PARTITION = 64  # runner.CHUNK: the files of one task


@pytest.fixture(scope="module")
def cluster():
    """A real cluster: two single-threaded worker processes."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=NO_DASHBOARD) as local:
        yield local.scheduler_address


@pytest.fixture(scope="module")
def articles(tmp_path_factory) -> Path:
    """FILES articles (the seeds and a sample of the corpus; without the
    corpus, the seeds with a line that makes each copy distinct) with exact
    duplicates in other tasks' partitions: the copies' names sort after
    every original."""
    folder = tmp_path_factory.mktemp("articles")
    seeds = [p.read_bytes() for p in sorted(SEEDS.glob("*.txt"))]
    rest = FILES - 20 - len(seeds)
    texts = seeds + (_corpus_sample(rest) if CORPUS is not None else _varied_seeds(rest))
    for i, text in enumerate(texts):
        (folder / f"a{i:04d}.txt").write_bytes(text)
    for i in range(20):  # a duplicate of every 24th file, far from its original in path order
        (folder / f"z{i:04d}.txt").write_bytes(texts[i * 24])
    return folder


def _corpus_sample(count: int) -> list[bytes]:
    with tarfile.open(CORPUS) as tar:
        members = [m for m in tar if m.isfile() and m.name.endswith(".txt")][:count]
        return [tar.extractfile(m).read() for m in members]


def _varied_seeds(count: int) -> list[bytes]:
    seeds = [p.read_bytes() for p in sorted(SEEDS.glob("*.txt"))]
    return [seeds[i % len(seeds)] + f"\nنسخة رقم {i}\n".encode() for i in range(count)]  # a line of its own


def _report(*args, cwd) -> dict:
    result = run_cli("check", *args, "--format", "json", "--no-cache", cwd=cwd)
    assert result.code in (0, 1), result.err
    return json.loads(result.out)


def test_dask_cluster_report_equals_the_local_run(cluster, articles):
    local = _report(".", "--jobs", "2", cwd=articles)
    dask = _report(".", "--executor", f"dask={cluster}", cwd=articles)
    assert dask["findings"] == local["findings"]
    assert dask["summary"] == local["summary"]
    assert dask["summary"]["files"] == FILES
    # the duplicates were found across partitions: a copy and its original are in different tasks
    pairs = {f["path"] for f in dask["findings"] if f["code"] == "DUP001"}
    assert {"z0005.txt", "z0019.txt"} <= pairs, sorted(pairs)[:10]


def test_file_urls_read_by_the_workers_give_the_same_findings(cluster, articles):
    local = _report(".", cwd=articles)
    url = articles.as_uri()
    dask = _report(url, "--executor", f"dask={cluster}", cwd=articles)
    assert [f["path"] for f in dask["findings"]] == [f"{url}/{f['path']}" for f in local["findings"]]
    assert [_without_path(f) for f in dask["findings"]] == [_without_path(f) for f in local["findings"]]


def _without_path(finding: dict) -> dict:
    return {key: value for key, value in finding.items() if key not in ("path", "message", "fingerprint")}  # the path is in the fingerprint


def test_executor_dask_without_address_starts_and_stops_a_local_cluster(tmp_path):
    for seed in sorted(SEEDS.glob("*.txt")):
        (tmp_path / seed.name).write_bytes(seed.read_bytes())
    local = _report(".", cwd=tmp_path)
    dask = _report(".", "--executor", "dask", "--jobs", "1", cwd=tmp_path)
    assert dask["findings"] == local["findings"]


def test_diff_through_the_cluster_equals_the_local_diff(cluster, tmp_path):
    """The workers fix in memory; the parent writes (here: prints) the fixes."""
    for seed in sorted(SEEDS.glob("*.txt")):
        (tmp_path / seed.name).write_bytes(seed.read_bytes())
    local = run_cli("check", ".", "--diff", cwd=tmp_path)
    dask = run_cli("check", ".", "--diff", "--executor", f"dask={cluster}", cwd=tmp_path)
    assert local.out.count("\n+++ ") >= 3
    assert (dask.code, dask.out, dask.err) == (local.code, local.out, local.err)


def test_memory_urls_listed_and_read_through_fsspec(tmp_path):
    """memory:// lives in one process: a cluster of threads here reads it."""
    import fsspec

    memory = fsspec.filesystem("memory")
    seeds = sorted(SEEDS.glob("*.txt"))
    for seed in seeds:
        memory.pipe(f"/newslint-test/news/{seed.name}", seed.read_bytes())
    memory.pipe("/newslint-test/news/deeper/copy.txt", seeds[0].read_bytes())
    memory.pipe("/newslint-test/news/notes.md", b"not an article")
    try:
        with distributed.LocalCluster(n_workers=1, processes=False, dashboard_address=NO_DASHBOARD) as threads:
            report = _report("memory://newslint-test/news", "--executor", f"dask={threads.scheduler_address}",
                             cwd=tmp_path)
    finally:
        memory.rm("/newslint-test", recursive=True)
    assert report["summary"]["files"] == len(seeds) + 1
    duplicates = {f["path"] for f in report["findings"] if f["code"] == "DUP001"}
    assert duplicates == {"memory:///newslint-test/news/deeper/copy.txt"}  # the later copy is flagged


@pytest.mark.parametrize("args, message", [
    (["file:///tmp"], "file:///tmp: URLs need --executor dask"),
    (["--executor", "spark", "."], "unknown executor 'spark'"),
    (["--executor", "dask=", "."], "dask= needs a scheduler address"),
    (["--executor", "dask", "--fix", "file:///tmp"], "--fix and --diff do not go with URLs"),
    (["--executor", "dask", "--watch", "."], "--watch does not go with --executor"),
    (["--executor", "dask", "bogus://bucket/news"], "bogus://bucket/news: cannot open this URL: Protocol not known"),
    (["--executor", "dask", "memory://newslint-nothing-here"], "path not found: memory://newslint-nothing-here"),
])
def test_bad_executor_use_is_one_line_exit_2(args, message, tmp_path):
    result = run_cli("check", *args, cwd=tmp_path)
    assert result.code == 2
    assert message in result.err
    assert len(result.err.strip().splitlines()) == 1, result.err


def test_unreachable_scheduler_is_one_line_after_a_bounded_wait(tmp_path, monkeypatch):
    from newslint.executors import dask as dask_executor

    monkeypatch.setattr(dask_executor, "CONNECT_TIMEOUT", "1s")
    (tmp_path / "a.txt").write_bytes(b"x\n")
    result = run_cli("check", ".", "--executor", "dask=tcp://127.0.0.1:9", cwd=tmp_path)
    assert result.code == 2
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in result.err
    assert len(result.err.strip().splitlines()) == 1, result.err


@pytest.mark.parametrize("module, message", [
    ("fsspec", "memory://x: URLs need fsspec"),
    ("distributed", "--executor dask needs dask.distributed"),
])
def test_missing_packages_are_named_in_one_line(module, message, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, module, None)  # import fails as if not installed
    (tmp_path / "a.txt").write_bytes(b"x\n")
    path = "memory://x" if module == "fsspec" else "."
    result = run_cli("check", path, "--executor", "dask", cwd=tmp_path)
    assert result.code == 2
    assert message in result.err
    assert len(result.err.strip().splitlines()) == 1, result.err
