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


# a quoted fragment of a message: "…", '…', «…» or “…”
_QUOTED = re.compile(r'"[^"\n]*"|\'[^\'\n]*\'|«[^»\n]*»|“[^”\n]*”')
# strong right-to-left letters: Hebrew, Arabic, Syriac, Thaana, NKo, Arabic presentation forms
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
FSI, PDI = "\u2068", "\u2069"


def isolate_rtl_quotes(text: str) -> str:
    """`text` with the inside of each quoted fragment that holds
    right-to-left letters wrapped in FSI … PDI (Unicode bidi isolation):
    a terminal then keeps "المصدر:" between its quotes instead of moving
    the colon and the rest of the Latin message around it.

    Call it on text already passed through for_terminal: that escaped any
    isolate the file held, so every one in the result is ours, and paired."""
    def isolate(match: re.Match) -> str:
        quoted = match.group()
        if not _RTL.search(quoted):
            return quoted
        return f"{quoted[0]}{FSI}{quoted[1:-1]}{PDI}{quoted[-1]}"
    return _QUOTED.sub(isolate, text)


# characters a reader cannot tell from an ordinary space, or from nothing:
# tab, the unusual spaces, zero-width characters, soft hyphen, the bidi marks
_INVISIBLE = re.compile("[\t\u00a0\u00ad\u061c\u1680\u180e\u2000-\u200f\u2028\u2029\u202f\u205f-\u2064"
                        "\u3000\ufeff]")


def show_invisible(text: str) -> str:
    """`text` with each invisible or space-like character shown as its
    code point (<U+00A0>), so a no-break space and a space differ on screen."""
    return _INVISIBLE.sub(lambda m: f"<U+{ord(m.group()):04X}>", text)
