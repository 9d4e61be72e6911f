"""The lint stage as Dask tasks: each chunk of paths is one task that reads
its files (local paths or fsspec URLs) on a worker, lints them through the
same engine as the local pool (`runner.guarded_chunk`) and returns their
`Linted`, batch sketches included. The parent takes the results in chunk
order, so the report is the local run's; the batch rules (duplicates,
furniture) compare the returned sketches in the parent, as they do locally.

Without an address the run starts a LocalCluster (one single-threaded
worker process per core) and stops it at the end; with one it connects a
Client to that scheduler (see docs/cluster.md)."""
from __future__ import annotations

import os
import uuid
from dataclasses import replace
from typing import Iterator

from ..errors import UsageError

# How long to wait for a scheduler before saying it cannot be reached.
CONNECT_TIMEOUT = "10s"
# The scheduler's HTTP server starts even with dashboard_address=None (on
# :8787, all interfaces, warning when it is taken): a free loopback port.
NO_DASHBOARD = "127.0.0.1:0"
# Tasks in flight at once per worker thread: enough to keep workers busy,
# few enough that finished results do not pile up in the parent's memory.
IN_FLIGHT_PER_THREAD = 4


def _distributed():
    try:
        import distributed
    except ImportError:
        raise UsageError("--executor dask needs dask.distributed (pip install 'newslint[dask]')") from None
    return distributed


class DaskExecutor:
    """A connected Client (and the LocalCluster it started, if any); called
    like the local pool with (chunks, spec, setup)."""

    def __init__(self, client, cluster=None):
        self.client, self.cluster = client, cluster

    @classmethod
    def connect(cls, address: str | None, workers: int) -> "DaskExecutor":
        """A Client of the scheduler at `address`, else of a new LocalCluster
        of `workers` processes."""
        distributed = _distributed()
        if address is not None:
            return cls(_client(distributed, address))
        cluster = distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                           host="127.0.0.1", dashboard_address=NO_DASHBOARD)
        return cls(distributed.Client(cluster), cluster)

    def __call__(self, chunks: list, spec, setup) -> Iterator:
        """One Linted per path, in chunk order. The plan goes to every
        worker once (scattered); a bounded window of tasks is in flight."""
        if not chunks:
            return
        run = uuid.uuid4().hex  # workers bind the plan once per run
        plan = self.client.scatter(spec, broadcast=True)
        # relative paths are read from here: the workers' own working directories are elsewhere
        setup = self.client.scatter(replace(setup, root=os.getcwd()), broadcast=True)
        window = max(1, IN_FLIGHT_PER_THREAD * self._threads())
        futures = [self._submit(run, plan, chunk, setup) for chunk in chunks[:window]]
        for i in range(len(chunks)):
            if i + window < len(chunks):
                futures.append(self._submit(run, plan, chunks[i + window], setup))
            yield from futures[i].result()
            futures[i] = None  # the parent keeps no finished result

    def _submit(self, run: str, plan, chunk: list, setup):
        return self.client.submit(lint_partition, run, plan, chunk, setup, pure=False)

    def _threads(self) -> int:
        return sum(self.client.nthreads().values()) or 1

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def _client(distributed, address: str):
    """A Client of the scheduler at `address`, or a one-line error after
    CONNECT_TIMEOUT."""
    try:
        return distributed.Client(address, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError, ValueError) as exc:
        reason = " ".join(str(exc).split()) or type(exc).__name__
        raise UsageError(f"cannot reach the Dask scheduler at {address}: {reason}") from None


# ------------------------------------------------------------ on the workers

class _Bound:
    """The plan of the current run bound to this worker process's rules."""

    run: str | None = None
    plan = None


def lint_partition(run: str, spec, paths: list[str], setup) -> list:
    """A task: the chunk linted as the local pool lints it."""
    from ..runner import guarded_chunk

    return guarded_chunk(paths, _bound(run, spec), setup)


def _bound(run: str, spec):
    if _Bound.run != run:
        from ..engine import LintPlan
        from ..plugins import load_registry

        _Bound.plan, _Bound.run = LintPlan.bind(spec, load_registry()), run
    return _Bound.plan
