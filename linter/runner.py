"""Run a lint over many files.

Workers (a process pool for big runs) read and lint chunks of files, from
the cache when they can, and send back one `Linted` per file. The parent
takes them in path order through its stages: settle fixes (writer.py, the
only writer of linted files), record cache entries, drop baselined
findings, count thresholds and the summary, report. Then the batch rules
(cross-file duplicates) run over the sketches the workers computed.
"""
from __future__ import annotations

from array import array
import heapq
import gc
import multiprocessing
import os
import pickle
import sys
import tempfile
from collections import defaultdict
from itertools import groupby
from operator import itemgetter
from dataclasses import dataclass, field, replace
from typing import Callable, Iterator, Optional

from .cache import Cache, CacheSession, Unfit
from .cache_key import file_key
from .discovery import STDIN
from .containers import documents_at_least, sketch_entries, split_record_path
from .executors.urls import is_url
from .engine import LintCrash, LintPlan, at_or_above, batch_findings, lint_bytes, lint_many
from .fixer import fix_bytes
from .models import FileError, FileResult
from .outcome import Linted
from .plan import RunPlan
from .reading import read_bytes
from .sketch_spill import SpilledSketches
from .sorted_groups import in_sorted
from .summary import Summary
from .writer import FixMode, FixWriter, unified_diff  # noqa: F401  (unified_diff: part of the API)

# Below this many files a pool costs more than it saves.
MIN_FILES_PER_WORKER = 32
# Files linted together (rule by rule) and looked up in the cache at once.
CHUNK = 64


@dataclass
class RunOptions:
    jobs: int = 1
    cache: object = None       # cache.Cache or None
    fix: FixMode | None = None
    stdin_name: str = "<stdin>"
    progress: Callable | None = None  # called with (done, total, findings)
    suppress: Callable | None = None  # findings -> a new list without those the .newslint-ignore sidecars list
    baseline: Callable | None = None  # findings -> a new list of the findings not in the baseline
    thresholds: list = field(default_factory=list)
    known_errors: dict = field(default_factory=dict)  # path -> FileError found before reading (discovery)
    min_confidence: float = 0.0  # findings less confident than this are dropped
    executor: Callable | None = None  # (chunks, spec, setup) -> Linted per path (executors/); None: the local pool


@dataclass(frozen=True)
class LintSetup:
    """What the lint stage needs besides the plan; plain data, sent to
    every worker as is."""

    cache: Optional[Cache] = None
    fix: Optional[FixMode] = None
    known_errors: dict = field(default_factory=dict)
    # the folder relative paths are read from (None: this process's working
    # directory); a Dask worker's is not the parent's
    root: Optional[str] = None

    @classmethod
    def of(cls, options: RunOptions) -> "LintSetup":
        return cls(options.cache, options.fix, options.known_errors)


@dataclass
class Group:
    """Files of one configuration (hierarchical config: each file uses the
    closest config file), with the plan and the cache (keyed by the plan's
    run key) they are linted under."""

    paths: list[str]
    plan: LintPlan
    cache: Optional[Cache] = None
    # files not reported in this run whose batch sketches join the comparison:
    # the rest of a commit that pre-commit split into several runs
    context: tuple = ()


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


# ------------------------------------------------------------ the lint stage (workers)

class _Worker:
    """Per-process state: the plan bound to this process's rules, once."""

    plan: LintPlan = None
    setup: LintSetup = None


def _init_worker(spec: RunPlan, setup: LintSetup) -> None:
    """Bind the plain plan to the registry's rule classes once per worker
    (under fork the registry is inherited; under spawn the plugins load again)."""
    from .plugins import load_registry

    _Worker.plan = LintPlan.bind(spec, load_registry())
    _Worker.setup = setup


def _process_chunk(paths: list[str]) -> list[Linted]:
    return guarded_chunk(paths, _Worker.plan, _Worker.setup)


def guarded_chunk(paths: list[str], plan: LintPlan, setup: LintSetup) -> list[Linted]:
    """process_chunk, where whatever goes wrong (sys.exit() in a plugin
    included) becomes a LintCrash naming the file: from a worker, nothing
    else reliably reaches the parent (see LintCrash)."""
    try:
        return process_chunk(paths, plan, setup)
    except LintCrash:
        raise
    except (Exception, SystemExit) as exc:
        culprit = _culprit(paths, plan, setup)
        raise LintCrash(f"internal error while linting {culprit}: {type(exc).__name__}: {exc}") from exc


def _culprit(paths: list[str], plan: LintPlan, setup: LintSetup) -> str:
    """The first of `paths` that fails on its own (linting them again one
    by one: this runs only after a crash)."""
    for path in paths:
        try:
            process_chunk([path], plan, setup)
        except (Exception, SystemExit):  # not KeyboardInterrupt: Ctrl-C must still stop the run
            return path
    return f"one of {paths[0]} .. {paths[-1]}"


def process_chunk(paths: list[str], plan: LintPlan, setup: LintSetup) -> list[Linted]:
    """One Linted per path, in order: read each file, fix it in memory
    (with --fix / --diff) or lint the chunk together through the cache."""
    results: list = [None] * len(paths)
    todo = []  # (index, path, data)
    for i, path in enumerate(paths):
        data = setup.known_errors.get(path) or _read(path, setup.root)
        if isinstance(data, FileError):
            results[i] = Linted(FileResult(path, (), data))
        elif setup.fix is not None:
            fixed = _fixed(path, data, plan, setup.fix)  # the batch rules see the text as fixed
            results[i] = Linted(FileResult(path), fixed.sketches or {}, fix=fixed)
        else:
            todo.append((i, path, data))
    for (i, _, _), linted in zip(todo, lint_through_cache([(p, d) for _, p, d in todo], plan, setup.cache)):
        results[i] = linted
    return results


def _read(path: str, root: str | None) -> bytes | FileError:
    """read_bytes, relative paths taken from `root`; errors name `path` as given."""
    if root is None or os.path.isabs(path) or is_url(path):
        return read_bytes(path)
    data = read_bytes(os.path.join(root, path))
    return replace(data, path=path) if isinstance(data, FileError) else data


def _fixed(path: str, data: bytes, plan: LintPlan, mode: FixMode):
    """The file fixed in memory; the decoded texts travel back to the
    parent only for a diff (they double what a worker sends)."""
    fixed = fix_bytes(path, data, plan, unsafe=mode.unsafe)
    return fixed if mode.diff else replace(fixed, texts=())


def lint_through_cache(items: list, plan: LintPlan, cache: Cache | None) -> list[Linted]:
    """lint_many for (path, bytes) items, answered from `cache` where it
    can (one lookup for all); fresh results carry their entry to store."""
    if cache is None:
        return lint_many(items, plan)
    keys = [file_key(cache.run_key, plan.spec, path, data) for path, data in items]
    cached = cache.get_many({key: path for key, (path, _) in zip(keys, items)})
    misses = [(key, item) for key, item in zip(keys, items) if key not in cached]
    fresh = {key: linted for (key, _), linted in zip(misses, lint_many([item for _, item in misses], plan))}
    return [cached[key] if key in cached else _with_entry(fresh[key], key) for key in keys]


def _with_entry(linted: Linted, key: str) -> Linted:
    return replace(linted, cache=Cache.encode(key, linted.result, linted.sketches))


def iter_linted(paths: list[str], plan: LintPlan, options: RunOptions) -> Iterator[Linted]:
    """One Linted per path, in the order of `paths` (sorted by discovery),
    whatever the number of workers."""
    setup = LintSetup.of(options)
    files = [p for p in paths if p != STDIN]
    if options.executor is not None:
        yield from options.executor([files[i:i + CHUNK] for i in range(0, len(files), CHUNK)], plan.spec, setup)
    else:
        yield from _local(files, plan, options, setup)
    if STDIN in paths:
        yield _stdin(plan, options)


def _local(files: list[str], plan: LintPlan, options: RunOptions, setup: LintSetup) -> Iterator[Linted]:
    """iter_linted in this process, then (for many files) the process pool."""
    jobs = min(options.jobs, max(1, len(files) // MIN_FILES_PER_WORKER))
    size = CHUNK if jobs <= 1 else max(1, min(CHUNK, len(files) // (jobs * 8)))
    chunks = [files[i:i + size] for i in range(0, len(files), size)]
    done = 0
    # Chunks answered wholly from the cache are cheaper here than in a pool
    # (no fork, no pickling): stay in this process until a chunk needs
    # linting, then hand the rest to the workers.
    while done < len(chunks):
        results = guarded_chunk(chunks[done], plan, setup)
        done += 1
        yield from results
        if jobs > 1 and (options.cache is None or any(_is_new(r) for r in results)):
            break
    if done < len(chunks):
        yield from _pooled(chunks[done:], jobs, plan.spec, setup)


def _is_new(linted: Linted) -> bool:
    return linted.cache is not None and linted.cache.value is not None


def _pooled(chunks: list, jobs: int, spec: RunPlan, setup: LintSetup) -> Iterator[Linted]:
    if setup.cache is not None:
        setup.cache.close()  # SQLite forbids using a connection across fork(): each worker opens its own
    context = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")
    # what exists now lives for the run (tables, patterns, the plan): out of the collector's
    # sight, the parent's collections are shorter (0.26 -> 0.16 s of its CPU on the corpus)
    # and forked workers do not write to its pages when they collect
    gc.freeze()
    with context.Pool(jobs, initializer=_init_worker, initargs=(spec, setup)) as pool:
        for results in pool.imap(_process_chunk, chunks):
            yield from results


def _stdin(plan: LintPlan, options: RunOptions) -> Linted:
    data = sys.stdin.buffer.read()
    if options.fix is not None:
        fixed = _fixed(options.stdin_name, data, plan, options.fix)
        return Linted(FileResult(options.stdin_name), fixed.sketches or {}, fix=fixed, stdin=True)
    return replace(lint_bytes(options.stdin_name, data, plan), stdin=True)


# ------------------------------------------------------------ the parent's stages

class _Run:
    """The stages after linting, for one run, file by file in path order."""

    def __init__(self, paths: list[str], plan: LintPlan, reporter, fail_on: str, options: RunOptions, output,
                 summary: Summary, context: tuple = ()):
        self.paths, self.plan, self.reporter, self.options, self.output = paths, plan, reporter, options, output
        self.fail_on = fail_on
        self.summary = summary  # shared by the groups of a run
        self.worst = False
        named = {os.path.realpath(path) for path in paths if path != STDIN} if context else set()
        self.context = [path for path in context if os.path.realpath(path) not in named]
        self.batch = batch_rules_for(plan, documents_at_least(paths) + len(self.context))
        self.sketches = defaultdict(SpilledSketches)  # batch-rule code -> (path, sketch) entries, on disk
        # hashes of the paths with findings, for the batch findings' file counts: 8 bytes
        # a file in an array (a set of ints cost ~70 at 100,000 files), sorted once the
        # files are done (`batch_files`)
        self.flagged = array("q")
        self.writer = FixWriter(options.fix) if options.fix is not None else None
        # a run snapshot would replay results without sketches: none when context files join the batch
        self.cache = CacheSession(options.cache, paths, batch=bool(self.batch),
                                  snapshot=options.fix is None and STDIN not in paths and not self.context)

    def linted(self) -> Iterator[Linted]:
        if self.cache.stored is not None:
            return self._replayed()
        return iter_linted(self.paths, self.plan, self.options)

    def _replayed(self) -> Iterator[Linted]:
        """The stored snapshot's results; from a chunk that does not fit
        (the files before it are already reported), the files linted."""
        done = 0
        try:
            for result in self.cache.stored.files():
                yield Linted(result)
                done += 1
        except Unfit:
            yield from iter_linted(self.paths[done:], self.plan, self.options)

    def file(self, linted: Linted) -> None:
        self.cache.record(linted)
        result, sketches = self._settle_fix(linted)
        result = self._screen(result)
        self.summary.add_file(result)
        if result.findings and self.batch:
            self.flagged.append(hash(result.path))
        add_sketches(self.sketches, result.path, sketches)
        self.reporter.file(result)

    def _settle_fix(self, linted: Linted) -> tuple[FileResult, dict]:
        """The file's result after its fixes were written (or diffed), and
        the batch sketches of the text it describes (the original text when
        the fixed bytes could not be written)."""
        if linted.fix is None:
            return linted.result, linted.sketches
        settled = self.writer.settle(linted.fix, stdin=linted.stdin)
        self.summary.add_fixes(settled.fixed, settled.skipped, settled.result.path, settled.fixed_codes)
        if settled.output is not None and self.output is not None:
            self.output.write(settled.output)
            self.output.flush()
        return settled.result, (linted.fix.sketches_before if settled.unwritten else linted.sketches) or {}

    def batch_files(self) -> None:
        results = self._compare_with_context() if self.context and self.batch else \
            self.cache.batch_results(self._compare)
        flagged, counted = array("q", sorted(self.flagged)), set()
        self.flagged = array("q")
        for result in results:
            self.cache.record_batch(result)
            result = self._screen(result)
            key = hash(result.path)
            self.summary.add_batch(result, had_findings=in_sorted(flagged, key) or key in counted)
            if result.findings:
                counted.add(key)  # a batch finding's file counted once (the batch rules' files are few)
            self.reporter.file(result)

    def _compare(self) -> Iterator[FileResult]:
        return batch_results(self.plan, self.batch, self.sketches)

    def _compare_with_context(self) -> list[FileResult]:
        """The batch rules over this run's files and the context files (their
        sketches only, through the cache, never fixed), reporting this run's
        files only: each part of a split commit reports its own files, each
        compared with the whole commit. Not stored as the batch's results:
        they depend on files outside the run."""
        for linted in iter_linted(self.context, self.plan, replace(self.options, fix=None, progress=None)):
            add_sketches(self.sketches, linted.result.path, linted.sketches)
        named = set(self.paths)
        return [result for result in batch_results(self.plan, self.batch, self.sketches) if result.path in named]

    def _screen(self, result: FileResult) -> FileResult:
        """Drop findings below --min-confidence, suppressed and baselined ones
        (a new result), count the rest against the thresholds and fail-on."""
        floor = self.options.min_confidence
        if floor > 0.0 and result.findings:
            result = replace(result, findings=tuple(f for f in result.findings if f.confidence >= floor))
        if self.options.suppress is not None and result.findings:
            kept = self.options.suppress(result.findings)
            if len(kept) != len(result.findings):
                result = replace(result, findings=tuple(kept))
        if self.options.baseline is not None and result.findings:
            result = replace(result, findings=tuple(self.options.baseline(result.findings)))
        for threshold in self.options.thresholds:
            threshold.observe(result.findings)
        self.worst = self.worst or any(at_or_above(f.severity, self.fail_on) for f in result.findings)
        return result

    def close(self, crashed: str | None) -> None:
        for entries in self.sketches.values():
            entries.close()
        self.cache.finish(crashed is not None)
        if self.options.cache is not None:
            self.options.cache.close()


def run(paths: list[str], plan: LintPlan, reporter, fail_on: str, options: RunOptions | None = None,
        output=None) -> RunOutcome:
    """Lint `paths`, feed `reporter`, and write fix output (diffs, fixed
    standard input) to the binary stream `output`."""
    options = options or RunOptions()
    return run_groups([Group(paths, plan, options.cache)], reporter, fail_on, options, output)


def run_groups(groups: list[Group], reporter, fail_on: str, options: RunOptions | None = None,
               output=None) -> RunOutcome:
    """`run` for files under several configurations: one report in path
    order, one summary; each group is linted (and its batch rules compare
    its files) under its own plan and cache."""
    options = options or RunOptions()
    summary, worst, crashed = Summary(), False, None
    total, done = sum(len(group.paths) for group in groups), 0
    sink = _InPathOrder(reporter, groups) if len(groups) > 1 else reporter
    reporter.start()
    for group in groups:
        state = _Run(group.paths, group.plan, sink, fail_on, replace(options, cache=group.cache), output, summary,
                     context=group.context)
        try:
            for linted in state.linted():
                state.file(linted)
                done += 1
                if options.progress:
                    options.progress(done, total, summary.findings)
            state.batch_files()
        except LintCrash as exc:
            crashed = str(exc)
        state.close(crashed)
        worst = worst or state.worst
        if crashed:
            break
    if sink is not reporter:
        sink.release()
    return _finish(summary, reporter, options, worst, crashed)


class _InPathOrder:
    """Takes the results of a run of several groups and hands them to the
    reporter in path order, as one group's run reports them: every file's
    own result first, then the batch rules' results. They wait on disk
    (_SortedSpill), not in memory: a run may hold millions of findings."""

    def __init__(self, reporter, groups: list[Group]):
        self.reporter = reporter
        order = sorted(path for group in groups for path in group.paths if path != STDIN)
        self._rank = {path: i for i, path in enumerate(order)}
        self._seen: set = set()
        self._files = _SortedSpill(self._rank_of)
        self._batch = _SortedSpill(self._rank_of)

    def _rank_of(self, result: FileResult) -> int:
        return self._rank.get(result.path, len(self._rank))  # standard input (not in it) last

    def file(self, result: FileResult) -> None:
        """A file's own result comes first; a second result for the same
        path in a group is the batch rules'."""
        if result.path in self._seen:
            self._batch.add(result)
        else:
            self._seen.add(result.path)
            self._files.add(result)

    def release(self) -> None:
        for spill in (self._files, self._batch):
            for result in spill.merged():
                self.reporter.file(result)


class _SortedSpill:
    """Results pickled to one temporary file and read back sorted by `key`.
    Each group hands its results in order, so the file holds a few sorted
    runs (a new one starts where the key goes down) and reading them back
    is a merge, one result of each run in memory at a time."""

    def __init__(self, key: Callable):
        self.key = key
        self._file = None
        self._runs: list = []  # [start, end] offsets in _file
        self._last = None      # key of the last result added

    def new_run(self) -> None:
        """Start a new run with the next result, whatever its key."""
        self._last = None

    def add(self, result: FileResult) -> None:
        if self._file is None:
            self._file = tempfile.TemporaryFile()
        here, rank = self._file.tell(), self.key(result)
        if not self._runs or self._last is None or rank < self._last:
            self._runs.append([here, here])
        pickle.dump(result, self._file, protocol=pickle.HIGHEST_PROTOCOL)
        self._runs[-1][1], self._last = self._file.tell(), rank

    def merged(self) -> Iterator[FileResult]:
        if self._file is None:
            return
        with self._file:
            yield from heapq.merge(*(self._read(start, end) for start, end in self._runs), key=self.key)

    def _read(self, start: int, end: int) -> Iterator[FileResult]:
        """The results of one run (runs are read in turns: seek each time)."""
        while start < end:
            self._file.seek(start)
            result = pickle.load(self._file)
            start = self._file.tell()
            yield result


def _finish(summary: Summary, reporter, options: RunOptions, worst: bool, crashed: str | None) -> RunOutcome:
    summary.thresholds = [t.outcome(summary.files) for t in options.thresholds]
    summary.baselined = getattr(options.baseline, "suppressed", 0)
    summary.suppressed = getattr(options.suppress, "suppressed", 0)
    reporter.finish(summary)
    exceeded = any(t["exceeded"] for t in summary.thresholds)
    return RunOutcome(summary, worst, crashed, exceeded)


def batch_rules_for(plan: LintPlan, files: int) -> list:
    """The batch rules a run of `files` files needs. Comparing one file with
    itself finds nothing, except for a rule that also holds evidence from
    earlier runs (BLP004 with a furniture profile: `compares_one(options)`)
    or that judges one file alone (SRC001: `lints_alone`)."""
    return [rule for rule in plan.batch_rules if files > 1 or _compares_one(rule, plan.options[rule.code])]


def _compares_one(rule, options) -> bool:
    if getattr(rule, "lints_alone", False):
        return True
    compares_one = getattr(rule, "compares_one", None)
    return bool(compares_one is not None and compares_one(options))


def batch_results(plan: LintPlan, batch: list, sketches: dict) -> Iterator[FileResult]:
    """The batch rules' findings, one result a file, in path order. They
    wait on disk, sorted in runs (_ExternalSort), not in memory: a batch of
    copies may give every file a finding."""
    found = _ExternalSort(key=itemgetter(0))
    for rule in batch:
        entries = sketches.get(rule.code)
        if entries and (len(entries) > 1 or _compares_one(rule, plan.options[rule.code])):
            for path, h, *fingerprint in rule.compare(entries, plan.options[rule.code]):
                found.add((split_record_path(path)[0], batch_findings(rule, plan, path, h, *fingerprint)))
    for path, group in groupby(found.sorted(), key=itemgetter(0)):
        yield FileResult(path, tuple(sorted((finding for _, finding in group), key=lambda f: f.sort_key())))


class _ExternalSort:
    """Items sorted by `key` through a temporary file: sorted in memory a
    chunk of CHUNK at a time, each chunk written as one run of a
    _SortedSpill, read back as a merge (stable: equal keys keep their
    order of arrival)."""

    CHUNK = 4096

    def __init__(self, key: Callable):
        self.key = key
        self._chunk: list = []
        self._spill = _SortedSpill(key)
        self._spilled = False

    def add(self, item) -> None:
        self._chunk.append(item)
        if len(self._chunk) >= self.CHUNK:
            self._flush()

    def _flush(self) -> None:
        self._spill.new_run()
        for item in sorted(self._chunk, key=self.key):
            self._spill.add(item)
        self._chunk, self._spilled = [], True

    def sorted(self) -> Iterator:
        if not self._spilled:  # everything fits in one chunk: no file at all
            yield from sorted(self._chunk, key=self.key)
            return
        if self._chunk:
            self._flush()
        yield from self._spill.merged()


def lint_path(path: str, plan: LintPlan) -> FileResult:
    """Read and lint one file, in this process (for tools and tests)."""
    data = read_bytes(path)
    if isinstance(data, FileError):
        return FileResult(path, (), data)
    return lint_bytes(path, data, plan).result


def add_sketches(into: dict, path: str, sketches: dict) -> None:
    """A file's batch sketches (a shard's records' each under its record),
    appended to `into`: code -> [(name, sketch)]."""
    for code, name, sketch in sketch_entries(path, sketches):
        into[code].append((name, sketch))


def lint_paths(paths: list[str], plan: LintPlan) -> dict[str, tuple]:
    """Each file's findings, the batch rules' among them, as `newslint
    check` gives them for these files as one batch, in this process and
    without a cache (for tools and tests)."""
    findings, sketches = {}, defaultdict(list)
    for path in paths:
        data = read_bytes(path)
        if isinstance(data, FileError):
            findings[path] = ()
            continue
        linted = lint_bytes(path, data, plan)
        findings[path] = linted.result.findings
        add_sketches(sketches, path, linted.sketches)
    for result in batch_results(plan, batch_rules_for(plan, documents_at_least(paths)), sketches):
        findings[result.path] = tuple(sorted((*findings[result.path], *result.findings), key=lambda f: f.sort_key()))
    return findings
