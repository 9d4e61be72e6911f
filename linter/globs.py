"""Gitignore-like globs: ``*`` and ``?`` stay inside one path segment,
``**`` spans segments, a pattern without ``/`` matches a name at any depth."""
from __future__ import annotations

import re


def _translate(pattern: str) -> str:
    pattern = pattern.strip().rstrip("/")
    anchored = "/" in pattern
    pattern = pattern.lstrip("/")
    out, i = [], 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        elif pattern[i] == "[":
            close = pattern.find("]", i + 1)
            if close == -1:
                out.append(re.escape("["))
                i += 1
            else:
                body = pattern[i + 1:close].replace("\\", "\\\\")
                if body.startswith("!"):
                    body = "^" + body[1:]
                out.append(f"[{body}]")
                i = close + 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    body = "".join(out)
    # a match may also be a folder holding the path (``drafts`` skips drafts/x.txt)
    return (f"^{body}(?:/.*)?$" if anchored else f"^(?:.*/)?{body}(?:/.*)?$")


def compile_globs(patterns) -> re.Pattern | None:
    """One regex matching a POSIX relative path against any of `patterns`."""
    parts = [_translate(p) for p in patterns if p and p.strip()]
    return re.compile("|".join(f"(?:{p})" for p in parts)) if parts else None


def matches(regex: re.Pattern | None, relpath: str) -> bool:
    return bool(regex and regex.match(relpath))
