"""Gitignore-like globs: ``*`` and ``?`` stay inside one path segment,
``**`` (a whole segment) spans segments, a pattern without ``/`` matches a
name at any depth, and a match may also be a folder holding the path.

Globs come from configuration files, so they are untrusted: they are not
translated to backtracking regexes (where ``*a*a*a*b`` against a long near
miss takes exponential time). A path is matched segment by segment with the
classic greedy-star algorithm, which backtracks only to the last star: at
segment level ``**`` is the star, inside a segment ``*`` is (runs of stars
count as one). Time is linear in the pattern times the path.
"""
from __future__ import annotations

import re

_STAR = None  # a `**` element of a split pattern: zero or more segments


class GlobError(ValueError):
    """A glob that cannot mean anything (a bad character range)."""


class _Segment:
    """One segment of a pattern, matched against one segment of a path.

    The segment is split at its stars into chunks; each chunk matches a fixed
    number of characters (a compiled regex with no repetition, so it cannot
    backtrack). The first chunk must match at the start, the last at the end,
    the others at their leftmost place in between."""

    def __init__(self, text: str):
        chunks = _split_at_stars(_tokens(text))
        self.literal = _literal(chunks[0]) if len(chunks) == 1 else None
        # `*.txt`, `draft*`: one star between plain text, two string tests
        self.ends = [_literal(c) for c in chunks] if len(chunks) == 2 else None
        if self.ends is not None and None in self.ends:
            self.ends = None
        self.regexes = [re.compile("".join(t[0] for t in chunk), re.DOTALL) for chunk in chunks]
        self.widths = [len(chunk) for chunk in chunks]

    def match(self, name: str) -> bool:
        if self.literal is not None:
            return name == self.literal
        if self.ends is not None:
            head, tail = self.ends
            return len(name) >= len(head) + len(tail) and name.startswith(head) and name.endswith(tail)
        if len(self.regexes) == 1:
            return self.regexes[0].fullmatch(name) is not None
        return self._match_starred(name)

    def _match_starred(self, name: str) -> bool:
        first, *middle, last = self.regexes
        tail = len(name) - self.widths[-1]
        if tail < self.widths[0] or first.match(name) is None or last.fullmatch(name, tail) is None:
            return False
        pos = self.widths[0]
        for regex in middle:
            found = regex.search(name, pos, tail)
            if found is None:
                return False
            pos = found.end()
        return True


def _split_at_stars(tokens: list) -> list[list]:
    """The runs of one-character tokens between stars (n stars: n + 1 runs)."""
    chunks = [[]]
    for token in tokens:
        if token == "*":
            chunks.append([])
        else:
            chunks[-1].append(token)
    return chunks


def _literal(chunk: list) -> str | None:
    """The text a star-free chunk matches, if it is plain characters."""
    return "".join(t[1] for t in chunk) if all(t[1] is not None for t in chunk) else None


def _tokens(text: str) -> list:
    """A segment as tokens: "*" for a run of stars, else (regex, literal
    character or None) for a one-character matcher."""
    out, i = [], 0
    while i < len(text):
        char = text[i]
        if char == "*":
            if not out or out[-1] != "*":
                out.append("*")
            i += 1
        elif char == "?":
            out.append(("[^/]", None))
            i += 1
        elif char == "[" and _class_end(text, i) != -1:
            end = _class_end(text, i)
            out.append((_class_regex(text[i + 1:end]), None))
            i = end + 1
        else:
            out.append((re.escape(char), char))
            i += 1
    return out


def _class_end(text: str, start: int) -> int:
    """Index of the `]` closing the class opened at `start`, or -1 (then the
    `[` is a literal). A `]` right after `[` or `[!` is a member."""
    i = start + 1
    if i < len(text) and text[i] in "!^":
        i += 1
    if i < len(text) and text[i] == "]":
        i += 1
    return text.find("]", i)


def _class_regex(body: str) -> str:
    negate = body[:1] in ("!", "^")
    if negate:
        body = body[1:]
    items, i = [], 0
    while i < len(body):
        if i + 2 < len(body) and body[i + 1] == "-":
            low, high = body[i], body[i + 2]
            if low > high:
                raise GlobError(f"bad character range {low}-{high}")
            items.append(f"{_class_char(low)}-{_class_char(high)}")
            i += 3
        else:
            items.append(_class_char(body[i]))
            i += 1
    return f"[{'^/' if negate else ''}{''.join(items)}]"


def _class_char(char: str) -> str:
    return f"\\U{ord(char):08x}"  # never special inside a class


class _Pattern:
    """One glob, split into segments (`_STAR` for ``**``)."""

    def __init__(self, pattern: str):
        text = pattern.strip().rstrip("/")
        anchored = "/" in text
        parts = [p for p in text.lstrip("/").split("/") if p not in ("", ".")]  # `./drafts` is `/drafts`
        elements = [] if anchored else [_STAR]
        for i, part in enumerate(parts):
            if part == "**" and i == len(parts) - 1:
                elements += [_Segment("*"), _STAR]  # a trailing `/**`: everything inside, not the folder
            elif part == "**":
                elements.append(_STAR)
            else:
                elements.append(_Segment(part))
        self.empty = not parts
        self.exact = _squeeze(elements)
        self.within = _squeeze(elements + [_STAR])
        # the common shape, `name` or `*.txt` at any depth, needs no star matching
        self.name = self.exact[1] if len(self.exact) == 2 and self.exact[0] is _STAR else None

    def match(self, segments: list[str], within: bool) -> bool:
        if self.empty:
            return False
        if self.name is not None:
            # the last segment first: it is the one `*.txt` includes
            return self.name.match(segments[-1]) or (within and any(map(self.name.match, segments[:-1])))
        return _match_segments(self.within if within else self.exact, segments)


def _squeeze(elements: list) -> list:
    """Adjacent `**` are one."""
    return [e for i, e in enumerate(elements) if not (e is _STAR and i and elements[i - 1] is _STAR)]


def _match_segments(elements: list, segments: list[str]) -> bool:
    """Greedy star matching over segments, backtracking only to the last
    `**`: O(len(elements) * len(segments)) segment comparisons."""
    e = s = 0
    star, resume = -1, 0
    while s < len(segments):
        if e < len(elements) and elements[e] is _STAR:
            star, resume = e, s
            e += 1
        elif e < len(elements) and elements[e].match(segments[s]):
            e += 1
            s += 1
        elif star >= 0:
            e, resume = star + 1, resume + 1
            s = resume
        else:
            return False
    return all(element is _STAR for element in elements[e:])


class GlobSet:
    """Several globs; a path matches when any of them does."""

    def __init__(self, patterns):
        compiled = [_Pattern(p) for p in patterns]
        # plain names at any depth (`.git`, `drafts`): one set lookup for all
        self.names = {p.name.literal for p in compiled if p.name is not None and p.name.literal is not None}
        self.patterns = [p for p in compiled if p.name is None or p.name.literal is None]

    def match(self, relpath: str, within: bool = True) -> bool:
        """Does a glob match `relpath` (a POSIX path relative to the globs'
        folder)? With `within`, also when it matches a folder holding it."""
        segments = relpath.split("/")
        if self.names and (not self.names.isdisjoint(segments) if within else segments[-1] in self.names):
            return True
        return any(p.match(segments, within) for p in self.patterns)


def compile_globs(patterns) -> GlobSet | None:
    """The globs of `patterns` (blank ones left out), or None if none."""
    kept = [p for p in patterns if p and p.strip()]
    return GlobSet(kept) if kept else None


def glob_problem(pattern: str) -> str | None:
    """Why `pattern` is not a usable glob, or None."""
    try:
        _Pattern(pattern)
    except GlobError as exc:
        return str(exc)
    return None


def matches(globs: GlobSet | None, relpath: str, within: bool = True) -> bool:
    return bool(globs and globs.match(relpath, within))
