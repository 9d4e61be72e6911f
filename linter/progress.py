"""A progress bar on a terminal (rich), for long runs; stderr only.

Findings written to the same terminal while the bar is shown must not land
after the bar's last character ("…0:00:013815  WSP001"): a stream from
`above()` hands its lines to the bar's console, which erases the bar,
prints them and draws the bar again under them."""
from __future__ import annotations

import time

FLUSH_LINES = 500  # print held lines at once past this many, even between redraws


class Progress:
    def __init__(self, total: int):
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress as Bar, TextColumn, TimeElapsedColumn

        self._console = Console(stderr=True)
        self._bar = Bar(TextColumn("linting"), BarColumn(), MofNCompleteColumn(),
                        TextColumn("{task.fields[rate]:>6.0f} files/s  {task.fields[findings]} findings"),
                        TimeElapsedColumn(), console=self._console, transient=True,
                        redirect_stdout=False, redirect_stderr=False)
        self._task = self._bar.add_task("lint", total=total, rate=0.0, findings=0)
        self._start = time.monotonic()
        self._last = 0.0
        self._streams: list[AboveBar] = []
        self._bar.start()

    def above(self) -> "AboveBar":
        """A text stream whose lines appear above the bar, on its terminal."""
        stream = AboveBar(self._console)
        self._streams.append(stream)
        return stream

    def update(self, done: int, total: int, findings: int) -> None:
        now = time.monotonic()
        if now - self._last < 0.1 and done < total:
            return  # redraw at most ten times a second
        self._last = now
        for stream in self._streams:
            stream.flush()
        rate = done / max(now - self._start, 1e-6)
        self._bar.update(self._task, completed=done, rate=rate, findings=findings)

    def close(self) -> None:
        for stream in self._streams:
            stream.close()
        self._bar.stop()


class AboveBar:
    """Lines for the bar's terminal, held until the next redraw (one print
    for many lines: printing through rich costs more than the lines do)."""

    def __init__(self, console):
        self._console = console
        self._held: list[str] = []   # complete lines
        self._partial = ""           # the start of a line not ended yet

    def write(self, text: str) -> int:
        lines = (self._partial + text).split("\n")
        self._partial = lines.pop()
        self._held.extend(lines)
        if len(self._held) >= FLUSH_LINES:
            self.flush()
        return len(text)

    def flush(self) -> None:
        if not self._held:
            return
        from rich.text import Text

        text = Text.from_ansi("\n".join(self._held))
        self._held = []
        # soft_wrap: the terminal wraps a long line; rich must not cut it with newlines of its own
        self._console.print(text, soft_wrap=True, highlight=False)

    def close(self) -> None:
        """Print everything held, an unended last line too."""
        if self._partial:
            self._held.append(self._partial)
            self._partial = ""
        self.flush()

    def isatty(self) -> bool:
        return True
