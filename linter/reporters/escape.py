"""Make file names and messages safe to show: both come from the files
being linted, so they may hold escape sequences (set the terminal's title,
clear the screen, write the clipboard with OSC 52), direction overrides
that reorder what the reader sees, or characters XML 1.0 forbids.

Each such character is shown as a Python-style escape (\\x1b, \\u202e); a
byte of a file name that was not valid UTF-8 (a lone surrogate from
os.fsdecode) is shown as the byte (\\xff).
"""
from __future__ import annotations

import re

_SURROGATES = "\ud800-\udfff"
# C0 controls but tab, DEL, C1 controls, the bidi embeddings, overrides and isolates
_TERMINAL_UNSAFE = re.compile(f"[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069{_SURROGATES}]")
# what XML 1.0 does not allow in a document at all (not even as a character reference)
_XML_FORBIDDEN = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f{_SURROGATES}\ufffe\uffff]")


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # surrogateescape: the undecodable byte itself
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def for_terminal(text: str) -> str:
    """`text` with every character that could act on a terminal (or on a
    log viewer, which is one) escaped. Used whether or not the output is a
    terminal: CI logs end up in one."""
    return _TERMINAL_UNSAFE.sub(_escape, text)


def for_xml(text: str) -> str:
    """`text` with the characters XML 1.0 forbids escaped, so that one
    quoted control character cannot make a whole report unparsable."""
    return _XML_FORBIDDEN.sub(_escape, text)
