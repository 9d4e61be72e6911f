"""The progress bar and the findings on one terminal (issue 13, item 2):
run the CLI on a pseudo-terminal (stdout and stderr both on it, as in an
interactive shell) and replay what it wrote on a small screen model; every
finding line must be whole on the screen, and the bar gone at the end."""
from __future__ import annotations

import os
import re
import struct
import subprocess
import sys
from pathlib import Path

import pytest

pty = pytest.importorskip("pty")        # POSIX only
termios = pytest.importorskip("termios")
fcntl = pytest.importorskip("fcntl")

WIDTH, HEIGHT = 150, 40
FILES = 210  # over check.PROGRESS_MIN_FILES: the bar is shown
LINE = "f{n:03}.txt:1:12: WSP001 [*] [whitespace] warning: 1 no-break space (U+00A0) instead of a space"

_TOKEN = re.compile(r"\x1b\[([0-9;?]*)([A-Za-z])|\x1b[()][0-9A-B]|\r|\n|.", re.S)


def replay(output: str, width: int = WIDTH) -> list[str]:
    """The rows a terminal would hold after `output` (the control sequences
    rich and the report use: cursor up, erase line, carriage return, SGR),
    scrollback included."""
    rows: list[list[str]] = [[]]
    row = col = 0
    for m in _TOKEN.finditer(output):
        token, final = m.group(), m.group(2)
        if final is not None:
            row, col = _control(rows, row, col, m.group(1), final)
        elif token == "\r":
            col = 0
        elif token == "\n":
            row += 1
        elif not token.startswith("\x1b"):
            if col >= width:  # the terminal wraps
                row, col = row + 1, 0
            while len(rows) <= row:
                rows.append([])
            line = rows[row]
            line.extend(" " * (col + 1 - len(line)))
            line[col] = token
            col += 1
        while len(rows) <= row:
            rows.append([])
    return ["".join(r).rstrip() for r in rows]


def _control(rows, row, col, params, final):
    n = int(params) if params.isdigit() else 1
    if final == "A":
        return max(row - n, 0), col
    if final == "B":
        return row + n, col
    if final == "G":
        return row, n - 1
    if final == "K" and row < len(rows):
        rows[row] = rows[row][:col] if params in ("", "0") else ([" "] * col if params == "1" else [])
    return row, col  # SGR, cursor visibility: no effect on the text


def _run_on_a_pty(args, cwd) -> str:
    main, secondary = pty.openpty()
    fcntl.ioctl(secondary, termios.TIOCSWINSZ, struct.pack("HHHH", HEIGHT, WIDTH, 0, 0))
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "COLUMNS", "LINES")}
    env["TERM"] = "xterm-256color"
    exe = str(Path(sys.executable).with_name("newslint"))
    proc = subprocess.Popen([exe, *args], cwd=cwd, stdin=subprocess.DEVNULL, stdout=secondary, stderr=secondary,
                            env=env, close_fds=True)
    os.close(secondary)
    chunks = []
    while True:
        try:
            data = os.read(main, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    os.close(main)
    assert proc.wait(timeout=120) == 1
    return b"".join(chunks).decode("utf-8", "replace")


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    folder = tmp_path_factory.mktemp("many")
    for n in range(FILES):
        (folder / f"f{n:03}.txt").write_text(f"أعلن الوزير\u00a0عن خطة {n}.\n\nالمصدر: RT Arabic\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize("args", [["--color", "never"], []])
def test_findings_print_whole_above_the_progress_bar(batch, args):
    raw = _run_on_a_pty(["check", ".", "--no-cache", "--jobs", "1", "--select", "WSP001", *args], batch)
    assert "linting" in raw                                    # the bar was drawn
    screen = [line for line in replay(raw) if line]
    expected = [LINE.format(n=n) for n in range(FILES)]
    assert [line for line in screen if line.startswith(("f", "linting"))] == expected
    assert not any("linting" in line for line in screen)     # transient: cleared at the end
    assert screen[-2].startswith(f"Found {FILES} findings")


def test_replay_models_a_bar_garbling_a_line():
    # what the unfixed run did: a finding written after the bar's last cell
    garbled = "linting ━━ 0/400 0:00:00" + "f1.txt:1:12: WSP001\r\n"
    assert replay(garbled) == ["linting ━━ 0/400 0:00:00f1.txt:1:12: WSP001", ""]
    # what rich does to print above it: erase the bar's line, print, draw it again
    clean = "linting ━━ 0/400\r\x1b[2Kf1.txt:1:12: WSP001\r\nlinting ━━ 1/400"
    assert replay(clean) == ["f1.txt:1:12: WSP001", "linting ━━ 1/400"]
