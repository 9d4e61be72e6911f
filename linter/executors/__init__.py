"""Where the lint stage runs. The runner's local process pool is the
default (runner.py); an executor here is the seam for anything else: a
callable `(chunks, spec, setup) -> Iterator[Linted]` that lints each chunk
of paths (through the same `runner.guarded_chunk`) and yields one Linted
per path, in the order of the chunks. The parent's stages (fixes, cache,
baseline, summary, reporters, batch rules) stay where they are.

`--executor dask` runs the chunks as Dask tasks (executors/dask.py);
paths may then be fsspec URLs (executors/urls.py)."""
from __future__ import annotations

import argparse
from typing import NamedTuple, Optional

NAMES = ("dask",)


class ExecutorChoice(NamedTuple):
    """What --executor asked for: the executor's name, and its address
    (None: start one for the run)."""

    name: str
    address: Optional[str] = None


def parse_executor(value: str) -> ExecutorChoice:
    """`dask` or `dask=SCHEDULER_ADDRESS` (an argparse type)."""
    name, _, address = value.partition("=")
    if name not in NAMES:
        raise argparse.ArgumentTypeError(f"unknown executor {name!r}; choose from {', '.join(NAMES)} "
                                         f"(dask or dask=SCHEDULER_ADDRESS)")
    if _ and not address:
        raise argparse.ArgumentTypeError("dask= needs a scheduler address (e.g. dask=tcp://10.0.0.5:8786)")
    return ExecutorChoice(name, address or None)


def open_executor(choice: ExecutorChoice | None, workers: int):
    """The executor for a run (None: the local pool), connected now so that
    an unreachable scheduler fails before anything is reported; a cluster
    started for the run has `workers` processes. Close it with `.close()`
    at the end of the run."""
    if choice is None:
        return None
    from .dask import DaskExecutor

    return DaskExecutor.connect(choice.address, workers)
