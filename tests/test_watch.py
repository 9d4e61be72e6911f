"""`newslint check --watch`: a real subprocess watching a folder sees a
change, reports the changed file's new finding, and stops cleanly on
Ctrl-C; without watchfiles, a one-line error."""
from __future__ import annotations

import io
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from conftest import run_cli
from newslint import watch as watch_mod
from newslint.config import Config
from newslint.discovery import WalkOptions

NBSP = "\u00a0"
CLEAN = "عنوان الخبر\n\nقال الوزير إن الاجتماع كان مثمرا.\n"
DIRTY = f"عنوان الخبر\n\nقال الوزير{NBSP}إن الاجتماع كان مثمرا.\n"


class Lines:
    """The lines a process writes to one of its pipes, read by a thread so
    the test can wait for a line with a deadline."""

    def __init__(self, pipe):
        self.queue, self.seen = queue.Queue(), []
        threading.Thread(target=self._read, args=(pipe,), daemon=True).start()

    def _read(self, pipe):
        for line in iter(pipe.readline, ""):
            self.queue.put(line)
        self.queue.put(None)

    def wait_for(self, text: str, timeout: float, while_waiting=None) -> bool:
        """True once a line holding `text` came; `while_waiting` runs about
        every half second until then."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if while_waiting is not None:
                while_waiting()
            try:
                line = self.queue.get(timeout=0.5)
            except queue.Empty:
                continue
            if line is None:
                return False
            self.seen.append(line)
            if text in line:
                return True
        return False

    def rest(self, timeout: float = 10) -> str:
        """Everything seen, with what came until the pipe closed."""
        self.wait_for("\0", timeout)  # no line holds a NUL: reads to the end
        return "".join(self.seen)


def start_watch(tmp_path, *args):
    """`newslint check news --watch ARGS` on a folder of two clean articles."""
    pytest.importorskip("watchfiles")
    (tmp_path / "news").mkdir()
    for name in ("a.txt", "b.txt"):
        (tmp_path / "news" / name).write_text(CLEAN, encoding="utf-8")
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "NO_COLOR": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "newslint", "check", "news", "--watch", "--select", "WSP",
                             "--no-cache", *args], cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, encoding="utf-8", env=env)
    return proc, Lines(proc.stdout), Lines(proc.stderr)


def stop(proc, err: Lines) -> tuple[int, str]:
    """Ctrl-C; the exit code and all of stderr."""
    proc.send_signal(signal.SIGINT)
    try:
        code = proc.wait(timeout=30)
    finally:
        proc.kill()
    return code, err.rest()


def edit(tmp_path):
    def write():  # again until seen: the watcher may start a moment after its message
        (tmp_path / "news" / "a.txt").write_text(DIRTY, encoding="utf-8")
    return write


posix_only = pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child process is POSIX")


@posix_only
def test_watch_relints_the_changed_file_and_ctrl_c_exits_cleanly(tmp_path):
    proc, out, err = start_watch(tmp_path)
    try:
        assert out.wait_for("All clear: 2 files checked", timeout=60), (out.seen, err.seen)
        assert err.wait_for("watching", timeout=30), err.seen
        assert out.wait_for("news/a.txt:3:11: WSP001", timeout=60, while_waiting=edit(tmp_path)), (out.seen, err.seen)
        assert out.wait_for("in 1 of 1 files", timeout=30), out.seen  # only the changed file was linted again
        assert not any("b.txt" in line for line in out.seen)
        assert not any("\x1b[" in line for line in out.seen)  # not a terminal: no screen clearing
    finally:
        code, stderr = stop(proc, err)
    assert code == 0
    assert "Traceback" not in stderr and "stopped watching" in stderr


@posix_only
def test_watch_with_a_report_file_rewrites_it_for_the_whole_batch(tmp_path):
    """The report file describes the batch, not the last edit; writing it
    (here inside the watched folder, not an article by the include globs)
    does not start another round."""
    report = tmp_path / "news" / "report.log"
    proc, out, err = start_watch(tmp_path, "-o", "news/report.log")
    try:
        assert err.wait_for("watching news", timeout=60), err.seen
        assert "All clear: 2 files checked" in report.read_text(encoding="utf-8")
        assert err.wait_for("file changed, writing news/report.log again", timeout=60,
                            while_waiting=edit(tmp_path)), err.seen
        assert err.wait_for("watching for changes", timeout=30), err.seen
        text = report.read_text(encoding="utf-8")
        assert "news/a.txt:3:11: WSP001" in text and "in 1 of 2 files" in text
        time.sleep(1.5)  # longer than a debounce: a round set off by the report itself would show by now
    finally:
        code, stderr = stop(proc, err)
    assert code == 0 and out.rest() == ""
    assert stderr.count("writing news/report.log again") == stderr.count("watching for changes")


def test_watch_without_watchfiles_says_what_to_install(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "watchfiles", None)  # `import watchfiles` now raises ImportError
    (tmp_path / "a.txt").write_text(CLEAN, encoding="utf-8")
    result = run_cli("check", ".", "--watch", cwd=tmp_path)
    assert result.code == 2
    assert result.err == "newslint: error: --watch needs `pip install newslint[watch]`\n"
    assert result.out == ""  # nothing linted before the error


def test_watch_refuses_standard_input(tmp_path):
    pytest.importorskip("watchfiles")
    result = run_cli("check", "-", "--watch", cwd=tmp_path, stdin=CLEAN)
    assert result.code == 2 and result.err == "newslint: error: --watch cannot watch standard input ('-')\n"


class _Settings:
    def __init__(self, paths):
        self.paths, self.config = tuple(paths), Config(None, Path.cwd(), {})
        self.configs, self.walk = None, WalkOptions()


def test_changed_files_are_the_run_files_discovery_would_lint(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for name in ("news/a.txt", "news/b.txt", "news/notes.md", "news/.newslint_cache/x.txt"):
        Path(name).parent.mkdir(parents=True, exist_ok=True)
        Path(name).write_text(CLEAN, encoding="utf-8")
    changes = {("modified", str(tmp_path / "news" / name)) for name in ("a.txt", "notes.md", ".newslint_cache/x.txt")}
    changes.add(("deleted", str(tmp_path / "news" / "b.txt")))
    assert watch_mod.changed_files(_Settings(["news"]), changes, deleted="deleted") == ["news/a.txt"]
    assert watch_mod.watched_folders(["news", "news/a.txt", "top.txt"]) == ["news", "."]


class _Stream(io.StringIO):
    def __init__(self, tty: bool):
        super().__init__()
        self.tty = tty

    def isatty(self):
        return self.tty


def test_the_screen_is_cleared_only_on_a_terminal():
    terminal, pipe = _Stream(True), _Stream(False)
    watch_mod.clear_screen(terminal)
    watch_mod.clear_screen(pipe)
    assert terminal.getvalue() == watch_mod.CLEAR_SCREEN and pipe.getvalue() == ""


def test_changed_files_follow_the_nested_config_of_each_folder(tmp_path, monkeypatch):
    from newslint.config import Resolver
    from newslint.plugins import load_registry

    monkeypatch.chdir(tmp_path)
    for name in ("news/a.txt", "news/drafts/b.txt"):
        Path(name).parent.mkdir(parents=True, exist_ok=True)
        Path(name).write_text(CLEAN, encoding="utf-8")
    Path("news/.newslint.yaml").write_text("extend-exclude: [drafts]\n", encoding="utf-8")
    settings = _Settings(["."])
    settings.configs = Resolver(load_registry().rules, cwd=tmp_path)
    changes = {("modified", str(tmp_path / "news" / name)) for name in ("a.txt", "drafts/b.txt")}
    assert watch_mod.changed_files(settings, changes) == ["news/a.txt"]
