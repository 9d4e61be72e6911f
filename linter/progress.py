"""A progress bar on a terminal (rich), for long runs; stderr only."""
from __future__ import annotations

import time


class Progress:
    def __init__(self, total: int):
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress as Bar, TextColumn, TimeElapsedColumn

        self._bar = Bar(TextColumn("linting"), BarColumn(), MofNCompleteColumn(),
                        TextColumn("{task.fields[rate]:>6.0f} files/s  {task.fields[findings]} findings"),
                        TimeElapsedColumn(), console=Console(stderr=True), transient=True)
        self._task = self._bar.add_task("lint", total=total, rate=0.0, findings=0)
        self._start = time.monotonic()
        self._last = 0.0
        self._bar.start()

    def update(self, done: int, total: int, findings: int) -> None:
        now = time.monotonic()
        if now - self._last < 0.1 and done < total:
            return  # redraw at most ten times a second
        self._last = now
        rate = done / max(now - self._start, 1e-6)
        self._bar.update(self._task, completed=done, rate=rate, findings=findings)

    def close(self) -> None:
        self._bar.stop()
