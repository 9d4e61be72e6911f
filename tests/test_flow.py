"""One direction of flow (issue 11): discover -> read -> Document -> rules
-> findings -> (fix) -> baseline -> thresholds -> summary -> reporter, each
stage seeing only its own inputs.

Each test pins one contract between stages: the plan a worker receives is
plain data, only the parent writes fixed files, results are not changed in
place, cache keys come from one module and the codec goes by field names,
the CLI builds its settings without editing the parsed arguments."""
from __future__ import annotations

import dataclasses
import multiprocessing
import os
import pickle
from pathlib import Path

import pytest

from conftest import run_cli

DIRTY = "أعلن وزير الخارجية الروسي.   \nوقال لافروف.\n"      # WSP005 on line 1: a safe fix
CLEAN = "أعلن وزير الخارجية الروسي.\nوقال لافروف.\n"


def _plan(registry, data=None, root=None, **selection):
    from newslint.config import Config
    from newslint.plan import RunPlan, Selection

    return RunPlan.build(registry.rules, Config(None, Path(root or os.getcwd()), dict(data or {})),
                         Selection(**selection))


# ------------------------------------------------------------ the plan

def test_the_run_plan_is_plain_data_a_worker_binds_once(registry):
    from newslint.document import Document
    from newslint.engine import LintPlan, check_document

    spec = _plan(registry, {"per-file-ignores": {"old/*.txt": ["spelling"]}}, select=("ALL",), ignore=("SRC",))
    blob = pickle.dumps(spec)
    assert b"pluggy" not in blob and b"argparse" not in blob   # no plugin manager, no command line
    received = pickle.loads(blob)
    assert received == spec and "SRC001" not in received.codes
    assert received.file_ignores == (("old/*.txt", ("spelling",)),)
    doc = Document("a.txt", DIRTY.encode())
    here, there = LintPlan.bind(spec, registry), LintPlan.bind(received, registry)
    assert check_document(doc, here) == check_document(doc, there)


def test_workers_get_the_parents_plan_not_the_command_line(tmp_path, monkeypatch):
    import newslint.runner as runner

    for i in range(70):                                   # enough for two workers
        (tmp_path / f"{i:02d}.txt").write_text(CLEAN, encoding="utf-8")
    sent = []
    real_context = multiprocessing.get_context

    class Recording:
        def __init__(self, method):
            self.real = real_context(method)

        def Pool(self, jobs, initializer, initargs):      # noqa: N802 (multiprocessing's name)
            sent.append(initargs)
            return self.real.Pool(jobs, initializer=initializer, initargs=initargs)

    monkeypatch.setattr(runner.multiprocessing, "get_context", Recording)
    r = run_cli("check", ".", "--jobs", "2", "--no-cache", "--select", "WSP", "--format", "json", cwd=tmp_path)
    assert r.code == 0, r.err
    (initargs,) = sent
    from newslint.plan import RunPlan

    spec = initargs[0]
    assert type(spec) is RunPlan and spec.codes and all(code.startswith("WSP") for code in spec.codes)
    assert b"pluggy" not in pickle.dumps(initargs)


# ------------------------------------------------------------ the engine and the one writer

def test_the_engine_lints_bytes_without_touching_files(registry, tmp_path, monkeypatch):
    import builtins

    from newslint import engine
    from newslint.engine import LintPlan, lint_many

    plan = LintPlan.bind(_plan(registry, root=tmp_path), registry)
    monkeypatch.setattr(builtins, "open", lambda *a, **k: (_ for _ in ()).throw(AssertionError("open")))
    monkeypatch.setattr(os, "open", lambda *a, **k: (_ for _ in ()).throw(AssertionError("os.open")))
    (linted,) = lint_many([(str(tmp_path / "nowhere.txt"), DIRTY.encode())], plan)
    assert [f.code for f in linted.result.findings if f.code.startswith("WSP")] == ["WSP005"]
    assert not any(hasattr(engine, name) for name in ("read_bytes", "lint_path", "fix_bytes"))


def test_fixed_files_are_written_by_the_parent_only(tmp_path, monkeypatch):
    for i in range(70):
        (tmp_path / f"{i:02d}.txt").write_text(DIRTY, encoding="utf-8")
    log = tmp_path.parent / f"{tmp_path.name}-writers"
    real_replace = os.replace

    def replace(src, dst, *args, **kwargs):               # who puts a fixed file in place
        with open(log, "a", encoding="utf-8") as fh:
            fh.write(f"{os.getpid()}\n")
        return real_replace(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "replace", replace)
    r = run_cli("check", ".", "--fix", "--jobs", "2", "--select", "WSP005", cwd=tmp_path)
    assert r.code == 0, r.out + r.err
    assert all((tmp_path / f"{i:02d}.txt").read_text(encoding="utf-8") == CLEAN for i in range(70))
    writers = log.read_text(encoding="utf-8").split()
    assert len(writers) == 70 and set(writers) == {str(os.getpid())}, "a worker wrote a file"


def test_a_fix_result_is_computed_in_memory(registry):
    from newslint.engine import LintPlan
    from newslint.fixer import fix_bytes

    plan = LintPlan.bind(_plan(registry, select=("WSP005",)), registry)
    result = fix_bytes("does/not/exist.txt", DIRTY.encode(), plan)
    assert result.fixed == CLEAN.encode() and result.applied == 1 and result.findings == ()
    assert [f.code for f in result.before] == ["WSP005"]


# ------------------------------------------------------------ results are not edited in place

def test_file_results_are_frozen_and_slim():
    from newslint.models import FileResult

    assert [f.name for f in dataclasses.fields(FileResult)] == ["path", "findings", "error"]
    with pytest.raises(dataclasses.FrozenInstanceError):
        FileResult("a.txt").findings = ()


def test_the_baseline_stage_reports_a_new_result(tmp_path):
    (tmp_path / "a.txt").write_text(DIRTY, encoding="utf-8")
    (tmp_path / "b.txt").write_text(DIRTY, encoding="utf-8")
    cache = tmp_path.parent / f"{tmp_path.name}-cache"
    assert run_cli("baseline", "a.txt", "-o", "base.json", cwd=tmp_path).code == 0
    cold = run_cli("check", ".", "--baseline", "base.json", "--format", "json", "--cache-dir", cache, cwd=tmp_path)
    # the warm run is answered from the run's snapshot: it must hold the findings before the baseline
    warm = run_cli("check", ".", "--format", "json", "--cache-dir", cache, cwd=tmp_path)
    clean = run_cli("check", ".", "--format", "json", "--no-cache", cwd=tmp_path)
    assert '"a.txt"' not in cold.out and '"b.txt"' in cold.out
    assert warm.out == clean.out


def test_finding_holds_its_hit_instead_of_redeclaring_it():
    from newslint.models import Finding, Fix, Hit

    own = {f.name for f in dataclasses.fields(Finding)}
    hit_fields = [f.name for f in dataclasses.fields(Hit)]
    assert own.isdisjoint(hit_fields)
    assert all(isinstance(getattr(Finding, name), property) for name in hit_fields)  # read through the hit
    hit = Hit(3, 4, 3, 9, "m", Fix("safe", "x"), 0.5)
    f = Finding("WSP005", "trailing-whitespace", "whitespace", "warning", "a.txt", hit, "fp", "doc")
    assert (f.line, f.column, f.end_line, f.end_column, f.message, f.fix, f.confidence) == (3, 4, 3, 9, "m",
                                                                                             hit.fix, 0.5)
    assert list(f.to_dict()) == ["code", "name", "category", "severity", "message", "path", "line", "column",
                                 "end_line", "end_column", "fix", "confidence", "fingerprint", "doc"]


# ------------------------------------------------------------ the cache: one key builder, a codec by names

def test_the_cache_codec_goes_by_field_names(tmp_path):
    from newslint.cache import ROW, Cache
    from newslint.models import Edit, FileResult, Finding, Fix, Hit

    hit_fields = {f.name for f in dataclasses.fields(Hit)}
    assert set(ROW) == ({f.name for f in dataclasses.fields(Finding)} - {"hit"}) | hit_fields
    hit = Hit(2, 3, 4, 5, "the message", Fix("unsafe", "why", (Edit(2, 3, 4, 5, "new"),), "utf-8"), 0.75)
    finding = Finding("WSP005", "trailing-whitespace", "whitespace", "error", "a.txt", hit, "fingerprint", "doc")
    cache = Cache(tmp_path, "run")
    entry = Cache.encode("k", FileResult("a.txt", (finding,)), {"DUP001": b"\x00sketch"})
    cache.put_many([(entry.key, entry.value)])
    (back,) = cache.get_many({"k": "a.txt"}).values()
    assert back.result.findings == (finding,) and back.sketches == {"DUP001": b"\x00sketch"}
    assert back.cache.key == "k" and back.cache.value is None   # from the cache: nothing to store again


def test_every_input_of_a_file_key_changes_it(registry, tmp_path):
    from newslint.cache_key import file_key, run_key

    plan = _plan(registry, root=tmp_path)
    ignoring = _plan(registry, {"per-file-ignores": {"a.txt": ["WSP"]}}, root=tmp_path)
    elsewhere = _plan(registry, root=tmp_path / "sub")
    base = run_key(plan, "1.0", {"plugin": "1"}, "code")
    assert len({base, run_key(plan, "1.1", {"plugin": "1"}, "code"), run_key(plan, "1.0", {"plugin": "2"}, "code"),
                run_key(plan, "1.0", {"plugin": "1"}, "edited"),
                run_key(_plan(registry, root=tmp_path, select=("WSP",)), "1.0", {"plugin": "1"}, "code")}) == 5
    path = str(tmp_path / "a.txt")
    keys = {file_key(base, plan, path, b"x"), file_key(base, plan, path, b"y"), file_key(base, ignoring, path, b"x"),
            file_key(base, elsewhere, path, b"x"), file_key(base, plan, str(tmp_path / "b.txt"), b"x"),
            file_key("other run", plan, path, b"x")}
    assert len(keys) == 6


def test_the_batch_key_needs_every_files_key():
    from newslint.cache_key import BatchKey

    complete, partial = BatchKey("run"), BatchKey("run")
    for key in ("a", "b"):
        complete.add(key)
    partial.add("a")
    partial.add(None)                                     # standard input: no key
    assert complete.value().startswith("batch:") and partial.value() is None


# ------------------------------------------------------------ the summary, zones, the document

def test_the_summary_counts_files_fixes_and_batch_findings_apart():
    from newslint.models import FileResult, Finding, Hit
    from newslint.summary import Summary

    def result(path, *codes):
        return FileResult(path, tuple(Finding(c, "n", "duplicate", "error", path, Hit(1, 1, 1, 1, "m"))
                                      for c in codes))

    s = Summary()
    s.add_file(result("a.txt", "SPL001"))
    s.add_file(result("b.txt"))
    s.add_fixes(fixed=2, skipped=1)
    s.add_fixes(fixed=0, skipped=0)
    s.add_batch(result("a.txt", "DUP001"), had_findings=True)
    s.add_batch(result("b.txt", "DUP001"), had_findings=False)
    assert (s.files, s.files_with_findings, s.findings, s.fixed, s.files_fixed, s.fix_skipped) == (2, 2, 3, 2, 1, 1)
    assert s.files_by_code["DUP001"] == 2


def test_zone_kinds_come_from_one_enum_equal_to_their_strings():
    from newslint.zones import BODY, ZoneKind, parse_zones

    zones = parse_zones(["عنوان الخبر", "", "قال الوزير إن الاجتماع انتهى.", "المصدر: وكالة الأنباء"])
    assert all(isinstance(kind, ZoneKind) for kind in zones.kinds)
    assert zones.kinds[2] is BODY and BODY == "body" and str(BODY) == "body" and f"{BODY}" == "body"
    assert "body" in {BODY} and BODY in {"body"} and ZoneKind("list-item") is ZoneKind.LIST_ITEM
    assert {kind.value for kind in ZoneKind} >= {"headline", "meta", "subheading", "source", "tags", "appended"}


def test_the_document_gives_the_article_words_duplicates_compare():
    from newslint.document import Document

    text = "عنوان الخبر\n\nقال الوزير\u00a0إن الاجتماع انتهى.\nفقرة ثانية هنا.\nالمصدر: وكالة\n\nاقرأ أيضا\nخبر آخر\n"
    doc = Document("a.txt", text.encode())
    assert doc.article_words == ["عنوان", "الخبر", "قال", "الوزير", "إن", "الاجتماع", "انتهى.", "فقرة", "ثانية",
                                 "هنا."]


# ------------------------------------------------------------ the CLI

def test_baseline_builds_its_settings_without_editing_the_arguments(registry, tmp_path, monkeypatch):
    from newslint.cli import baseline, build_parser

    (tmp_path / "a.txt").write_text(DIRTY, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    args = build_parser().parse_args(["baseline", "a.txt", "-o", "base.json", "--no-cache"])
    before = dict(vars(args))
    assert baseline.command(args, registry) == 0
    assert vars(args) == before
    assert '"WSP005"' in (tmp_path / "base.json").read_text(encoding="utf-8")


def test_each_subcommand_has_its_own_module():
    from newslint import cli

    assert sorted(cli.COMMANDS) == ["baseline", "check", "explain", "profile", "rules", "server"]
    assert all(module.__name__ == f"newslint.cli.{name}" for name, module in cli.COMMANDS.items())
