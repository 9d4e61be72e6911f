"""Run a lint over many files: in a process pool, from the cache when it
can, feeding the reporter in path order as files finish, then the batch
rules (cross-file duplicates) over the sketches the workers computed."""
from __future__ import annotations

import difflib
import hashlib
import multiprocessing
import os
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field, replace
from typing import Callable, Iterator

from .discovery import STDIN
from .document import split_keepends
from .engine import LintCrash, LintPlan, at_or_above, fix_bytes, lint_bytes, lint_many, read_bytes
from .safe_write import STALE_AFTER, NotFixed, remove_stale_temps, replace_contents
from .models import FileError, FileResult
from .summary import Summary

# Below this many files a pool costs more than it saves.
MIN_FILES_PER_WORKER = 32
# Files linted together (rule by rule) and looked up in the cache at once.
CHUNK = 64
# New cache entries are written in transactions of this many.
CACHE_WRITE_BATCH = 2000


@dataclass
class FixMode:
    write: bool = False        # --fix: write fixed files
    unsafe: bool = False       # --unsafe-fixes: also apply unsafe fixes
    diff: bool = False         # --diff: print a unified diff, write nothing


@dataclass
class RunOptions:
    jobs: int = 1
    cache: object = None       # cache.Cache or None
    fix: FixMode | None = None
    stdin_name: str = "<stdin>"
    progress: Callable | None = None  # called with (done, total, findings)
    baseline: Callable | None = None  # findings -> findings not in the baseline
    thresholds: list = field(default_factory=list)
    known_errors: dict = field(default_factory=dict)  # path -> FileError found before reading (discovery)


@dataclass
class RunOutcome:
    summary: Summary
    worst_findings: bool      # a finding at or above fail-on
    crashed: str | None = None
    thresholds_exceeded: bool = False


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


# ------------------------------------------------------------ one file

class _Worker:
    """Per-process state: the plan (rules and compiled patterns built once)."""

    plan: LintPlan = None
    options: RunOptions = None


def _init_worker(config, selection: tuple, options: RunOptions) -> None:
    """Build the plan once per worker process (under fork the registry is
    inherited; under spawn the plugins are loaded again)."""
    from .plugins import load_registry

    _Worker.plan = LintPlan.build(load_registry(), config, *selection)
    _Worker.options = options


def _process_chunk(paths: list[str]) -> list[FileResult]:
    return guarded_chunk(paths, _Worker.plan, _Worker.options)


def guarded_chunk(paths: list[str], plan: LintPlan, options: RunOptions) -> list[FileResult]:
    """process_chunk, where whatever goes wrong (sys.exit() in a plugin
    included) becomes a LintCrash naming the file: from a worker, nothing
    else reliably reaches the parent (see LintCrash)."""
    try:
        return process_chunk(paths, plan, options)
    except LintCrash:
        raise
    except (Exception, SystemExit) as exc:
        culprit = _culprit(paths, plan, options)
        raise LintCrash(f"internal error while linting {culprit}: {type(exc).__name__}: {exc}") from exc


def _culprit(paths: list[str], plan: LintPlan, options: RunOptions) -> str:
    """The first of `paths` that fails on its own (linting them again one
    by one: this runs only after a crash)."""
    for path in paths:
        try:
            process_chunk([path], plan, options)
        except (Exception, SystemExit):  # not KeyboardInterrupt: Ctrl-C must still stop the run
            return path
    return f"one of {paths[0]} .. {paths[-1]}"


def process_chunk(paths: list[str], plan: LintPlan, options: RunOptions) -> list[FileResult]:
    """Results for `paths`, in order: read, look up the cache once for all,
    lint the rest together."""
    results: list = [None] * len(paths)
    todo = []  # (index, path, data, cache key)
    for i, path in enumerate(paths):
        data = options.known_errors.get(path) or read_bytes(path)
        if isinstance(data, FileError):
            results[i] = FileResult(path, [], data)
        elif options.fix is not None:
            results[i] = _fix_one(path, path, data, plan, options.fix)
        else:
            key = options.cache.key(path, data, plan.context_of(path)) if options.cache else None
            todo.append((i, path, data, key))
    cached = options.cache.get_many({key: path for _, path, _, key in todo}) if options.cache else {}
    misses = [t for t in todo if t[3] not in cached]
    for (i, path, data, key), result in zip(misses, lint_many([(p, d) for _, p, d, _ in misses], plan)):
        if key is not None:
            result.cache_entry = options.cache.encode(key, result)  # the parent stores it
        results[i] = result
    for i, path, data, key in todo:
        if key in cached:
            results[i] = cached[key]
        results[i].cache_key = key
    return results


def _fix_one(path: str, name: str, data: bytes, plan: LintPlan, fix: FixMode) -> FileResult:
    outcome = fix_bytes(name, data, plan, unsafe=fix.unsafe)
    result = outcome.result
    result.fix_skipped = outcome.skipped
    if path != STDIN and not fix.diff:
        _clean_folder_once(os.path.dirname(os.path.realpath(path)))  # where our temp files go
    if outcome.fixed is None:
        if path == STDIN and not fix.diff:
            result.output = data
        return result
    if fix.diff:
        result.output = unified_diff(name, *outcome.texts).encode("utf-8")
    elif path == STDIN:
        result.output = outcome.fixed
    else:
        error = _write_fixed(path, outcome)
        if error is not None:
            # the file holds the original text: report its findings, count no fix
            outcome.before.error = error
            return outcome.before
    result.fixed = outcome.applied
    return result


def _write_fixed(path: str, outcome) -> FileError | None:
    """Write the fixed bytes over `path`; the error when they were not."""
    try:
        replace_contents(path, outcome.fixed, expected=outcome.original)
    except NotFixed as exc:
        return FileError(path, str(exc))
    except OSError as exc:
        return FileError(path, f"cannot write fixes: {exc.strerror or exc}")
    return None


_cleaned_folders: dict = {}  # per process: real folder -> when its stale temp files were removed


def _clean_folder_once(folder: str) -> None:
    """Remove the temp files a killed run left next to the files we fix.
    Each process scans a folder once, and again only when files could have
    turned stale since (a long-lived process, as in the tests)."""
    folder = folder or "."
    now = time.time()
    if now - _cleaned_folders.get(folder, float("-inf")) > STALE_AFTER:
        _cleaned_folders[folder] = now
        remove_stale_temps(folder, now)


def unified_diff(path: str, before: str, after: str) -> str:
    """The diff of two decoded texts (not of bytes: a UTF-16 or cp1256 file
    shows its letters, a transcoded one only the lines its other fixes changed)."""
    a, b = split_keepends(before), split_keepends(after)
    name = path.lstrip("/")
    lines = difflib.unified_diff(a, b, fromfile=f"a/{name}", tofile=f"b/{name}")
    return "".join(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n"
                   for line in lines)


# ------------------------------------------------------------ many files

def iter_results(paths: list[str], plan: LintPlan, options: RunOptions) -> Iterator[FileResult]:
    """Results in the order of `paths` (sorted by discovery), whatever the
    number of workers."""
    files = [p for p in paths if p != STDIN]
    jobs = min(options.jobs, max(1, len(files) // MIN_FILES_PER_WORKER))
    size = CHUNK if jobs <= 1 else max(1, min(CHUNK, len(files) // (jobs * 8)))
    chunks = [files[i:i + size] for i in range(0, len(files), size)]
    done = 0
    # Chunks answered wholly from the cache are cheaper here than in a pool
    # (no fork, no pickling): stay in this process until a chunk needs
    # linting, then hand the rest to the workers.
    while done < len(chunks):
        results = guarded_chunk(chunks[done], plan, options)
        done += 1
        yield from results
        if jobs > 1 and (options.cache is None or any(r.cache_entry is not None for r in results)):
            break
    if done < len(chunks):
        if options.cache is not None:
            options.cache.close()  # SQLite forbids using a connection across fork(): each worker opens its own
        context = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")
        worker_options = replace(options, progress=None)
        with context.Pool(jobs, initializer=_init_worker,
                          initargs=(plan.config, plan.selection, worker_options)) as pool:
            for results in pool.imap(_process_chunk, chunks[done:]):
                yield from results
    if STDIN in paths:
        data = sys.stdin.buffer.read()
        if options.fix is not None:
            yield _fix_one(STDIN, options.stdin_name, data, plan, options.fix)
        else:
            yield lint_bytes(options.stdin_name, data, plan)


def run(paths: list[str], plan: LintPlan, reporter, fail_on: str, options: RunOptions | None = None,
        output=None) -> RunOutcome:
    """Lint `paths`, feed `reporter`, and write fix output (diffs, fixed
    standard input) to the binary stream `output`."""
    options = options or RunOptions()
    summary = Summary()
    worst = False
    crashed = None
    sketches = defaultdict(list)   # batch-rule code -> [(path, sketch)]
    flagged = set()                # paths with findings, for batch findings' counts
    batch = plan.batch_rules if len(paths) > 1 else []
    new_entries = []
    # the batch rules' results depend on nothing but the files' cache keys
    batch_key = hashlib.sha256(options.cache.run_key.encode()) if options.cache is not None and batch else None
    snapshot, stored = None, None
    if options.cache is not None and options.fix is None and STDIN not in paths:
        from .cache import Snapshot

        snapshot = Snapshot.for_paths(options.cache, paths)
        stored = snapshot.load() if snapshot is not None else None
    if stored is not None:
        results, batch_key = iter(stored[0]), None
    else:
        results = iter_results(paths, plan, options)
    reporter.start()
    try:
        for done, result in enumerate(results, 1):
            if snapshot is not None and stored is None:
                snapshot.record(result)
            if batch_key is not None:
                if result.cache_key is None:
                    batch_key = None
                else:
                    batch_key.update(result.cache_key.encode())
            if result.cache_entry is not None:
                new_entries.append(result.cache_entry)
                if len(new_entries) >= CACHE_WRITE_BATCH:
                    options.cache.put_many(new_entries)
                    new_entries = []
            _screen(result, options)
            summary.add(result)
            worst = worst or any(at_or_above(f.severity, fail_on) for f in result.findings)
            if result.findings and batch:
                flagged.add(result.path)
            for code, sketch in result.sketches.items():
                sketches[code].append((result.path, sketch))
            if getattr(result, "output", None) is not None and output is not None:
                output.write(result.output)
                output.flush()
            reporter.file(result)
            if options.progress:
                options.progress(done, len(paths), summary.findings)
        if stored is not None:
            batch_found = stored[1]
        else:
            batch_found = _batch_results_cached(plan, batch, sketches, options.cache, batch_key)
        for result in batch_found:
            if snapshot is not None and stored is None:
                snapshot.record(result, batch=True)
            _screen(result, options)
            summary.add(result, counted=result.path in flagged)
            flagged.add(result.path)
            worst = worst or any(at_or_above(f.severity, fail_on) for f in result.findings)
            reporter.file(result)
    except LintCrash as exc:
        crashed = str(exc)
    if options.cache is not None:
        options.cache.put_many(new_entries)
        if snapshot is not None and stored is None and crashed is None:
            snapshot.save()
    summary.thresholds = [t.outcome(summary.files) for t in options.thresholds]
    summary.baselined = getattr(options.baseline, "suppressed", 0)
    reporter.finish(summary)
    exceeded = any(t["exceeded"] for t in summary.thresholds)
    return RunOutcome(summary, worst, crashed, exceeded)


def _screen(result: FileResult, options: RunOptions) -> None:
    """Drop baselined findings, then count the rest against the thresholds."""
    if options.baseline is not None and result.findings:
        result.findings = options.baseline(result.findings)
    for threshold in options.thresholds:
        threshold.observe(result.findings)


def _batch_results_cached(plan: LintPlan, batch: list, sketches: dict, cache, batch_key) -> list[FileResult]:
    """Batch results from the cache when every file's key is the same as in
    a run that stored them (a warm re-run of an unchanged batch)."""
    if batch_key is None:
        return batch_results(plan, batch, sketches)
    key = "batch:" + batch_key.hexdigest()
    found = cache.get_batch(key)
    if found is None:
        found = batch_results(plan, batch, sketches)
        cache.put_batch(key, found)
    return found


def batch_results(plan: LintPlan, batch: list, sketches: dict) -> list[FileResult]:
    from .engine import batch_findings

    per_path = defaultdict(list)
    for rule in batch:
        entries = sketches.get(rule.code)
        if entries and len(entries) > 1:
            for path, h in rule.compare(entries, plan.options[rule.code]):
                per_path[path].append(batch_findings(rule, plan, path, h))
    return [FileResult(path, sorted(found, key=lambda f: f.sort_key())) for path, found in sorted(per_path.items())]

