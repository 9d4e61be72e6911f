"""Whitespace family (WSP): spaces, invisible characters and blank lines."""
from __future__ import annotations

import re
import unicodedata

from newslint.arabic import is_blank
from newslint.hookspecs import hookimpl
from newslint.models import Edit, Fix
from newslint.rule import Rule, hit

NBSP = "\u00a0"
_NBSP_RUN = re.compile(NBSP + "+")
_ONLY_SPACES = re.compile(r"^[\s\u00a0\u202f\u2007\u2000-\u200a\u200b\ufeff]+$")
_UNUSUAL_CHARS = "\u202f\u2007\u2028\u2029\u205f\u3000\u1680" + "".join(chr(c) for c in range(0x2000, 0x200b))
_UNUSUAL_SPACE = re.compile("[\u202f\u2007\u2000-\u200a\u2028\u2029\u205f\u3000\u1680]+")
# white space WSP005 removes from line ends (found with rstrip: a `[...]+$`
# search retries at every character of a long run inside the line)
_TRAILING_CHARS = " \t\u00a0\u202f\u2007\u3000" + "".join(chr(c) for c in range(0x2000, 0x200b))

# Invisible characters: every format character (Unicode category Cf) but
# the prepended concatenation marks, which show (U+0600..U+0605 ARABIC
# NUMBER SIGN and friends, U+06DD END OF AYAH, ...), plus the Hangul
# fillers (letters that render as nothing) and U+034F. Unicode 14.
_INVISIBLE_RANGES = ((0x00AD, 0x00AD), (0x034F, 0x034F), (0x061C, 0x061C), (0x115F, 0x1160), (0x180E, 0x180E),
                     (0x200B, 0x200F), (0x202A, 0x202E), (0x2060, 0x2064), (0x2066, 0x206F), (0x3164, 0x3164),
                     (0xFEFF, 0xFEFF), (0xFFA0, 0xFFA0), (0xFFF9, 0xFFFB), (0x13430, 0x13438),
                     (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A), (0xE0001, 0xE0001), (0xE0020, 0xE007F))
_INVISIBLE_CHARS = "".join(chr(c) for first, last in _INVISIBLE_RANGES for c in range(first, last + 1))
_INVISIBLE = re.compile(f"[{re.escape(_INVISIBLE_CHARS)}]+")
# Tag characters spell ASCII invisibly (U+E0041 is an invisible "A"): text
# hidden from the reader, but not from the program that reads it next.
_TAGS = re.compile("[\U000e0020-\U000e007e]+")
_CANCEL_TAG = "\U000e007f"
# Direction controls: they can reorder what a reader sees, so removing them
# is offered as an unsafe fix only.
_BIDI = re.compile("[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")
_EMOJI_NEIGHBOUR = re.compile("[\u2600-\u27bf\U0001f000-\U0001faff\ufe0f]")
_BLACK_FLAG = "\U0001f3f4"  # the base of the emoji tag sequences (flags of England, Scotland, Wales)


def _describe(ch: str) -> str:
    return f"U+{ord(ch):04X} {unicodedata.name(ch, '')}".strip()


def _nbsp_only(text: str) -> bool:
    return NBSP in text and bool(_ONLY_SPACES.match(text))


class NoBreakSpace(Rule):
    """No-break space (U+00A0) inside a line of text.

    What: U+00A0 where an ordinary space belongs, a leftover of `&nbsp;` in
    the scraped HTML.

    Why: tokenizers and `split()` in many tools do not treat it as a space,
    so two words become one token ("في\\u00a0بيان"), and exact-match search
    and deduplication miss the text.

    Fires: ``"الكرملين:\\u00a0صياغة تعديلات"``.
    Does not fire: ``"الكرملين: صياغة تعديلات"``.

    Fix (safe): replace each no-break space with an ordinary space.
    """

    code = "WSP001"
    name = "no-break-space"
    category = "whitespace"
    fixable = "safe"

    def check(self, doc, options):
        if NBSP not in doc.rare:
            return
        for line in doc.lines_matching(_NBSP_RUN):
            if _nbsp_only(line.text):
                continue
            tail = len(line.text.rstrip(" \t\u00a0"))  # where the line's trailing white space starts
            for m in _NBSP_RUN.finditer(line.text):
                if m.end() >= tail:
                    continue  # trailing: WSP005 removes it, rather than turning it into a space
                n = m.end() - m.start()
                yield hit(line.number, m.start() + 1, m.end() + 1,
                          f"{n} no-break space{'s' if n > 1 else ''} (U+00A0) instead of a space",
                          Fix("safe", "replace with a space",
                              (Edit(line.number, m.start() + 1, line.number, m.end() + 1, " "),)))


class NoBreakSpaceLine(Rule):
    """Line holding nothing but no-break spaces.

    What: a line whose only content is U+00A0 (often with other white space),
    the remains of an empty `<p>&nbsp;</p>` paragraph.

    Why: it looks blank but is not, so paragraph splitters see an extra
    paragraph, blank-line checks miss it, and it doubles the spacing of the
    text in every reuse.

    Fires: a line that is exactly ``"\\u00a0"`` between two paragraphs.
    Does not fire: an empty line.

    Fix (safe): empty the line.
    """

    code = "WSP002"
    name = "no-break-space-line"
    category = "whitespace"
    fixable = "safe"

    def check(self, doc, options):
        if NBSP not in doc.rare:
            return
        for line in doc.lines_matching(_NBSP_RUN):
            if _nbsp_only(line.text):
                end = len(line.text) + 1
                yield hit(line.number, 1, end, "line holds only no-break spaces (U+00A0); it looks blank but is not",
                          Fix("safe", "empty the line", (Edit(line.number, 1, line.number, end, ""),)))


class InvisibleCharacter(Rule):
    """Zero-width, soft-hyphen, bidirectional control and other invisible characters.

    What: every format character (Unicode category Cf: U+200B..U+200F,
    U+061C, U+202A..U+202E, U+2060..U+2064 (word joiner, invisible
    operators), U+2066..U+206F, U+FEFF (not at the start), U+00AD, U+180E,
    U+FFF9..U+FFFB, the tag characters U+E0001 and U+E0020..U+E007F, ...),
    U+034F, and the Hangul fillers U+115F, U+1160, U+3164, U+FFA0. Left
    alone: a zero-width joiner between emoji parts, the tag characters of an
    emoji flag (🏴 + tags + cancel tag), and the format characters that show
    (U+0600..U+0605 ARABIC NUMBER SIGN and friends, U+06DD END OF AYAH).

    Why: they are invisible, yet split or join words for every program that
    reads the text: "روسيا" with a U+200F inside no longer matches "روسيا".
    Tag characters spell ASCII text that no reader sees but every program
    does: they can smuggle hidden text (instructions to a model trained or
    prompted with the article); the message shows what they spell.

    Fires: ``"وزير\\u200f الخارجية"``, ``"وزير\\u3164 الخارجية"``.
    Does not fire: ``"وزير الخارجية"``.

    Fix: removing zero-width characters is safe; removing direction marks is
    unsafe (it can change how mixed Arabic/Latin text is displayed).
    """

    code = "WSP003"
    name = "invisible-character"
    category = "whitespace"
    fixable = "safe"

    def check(self, doc, options):
        if not doc.has_rare(_INVISIBLE_CHARS):
            return
        for line in doc.lines_matching(_INVISIBLE):
            text = line.text
            for m in _INVISIBLE.finditer(text):
                if self._allowed(text, m.start(), m.end()):
                    continue
                run = m.group()
                fix = Fix("unsafe" if _BIDI.search(run) else "safe", "remove the invisible character(s)",
                          (Edit(line.number, m.start() + 1, line.number, m.end() + 1, ""),))
                yield hit(line.number, m.start() + 1, m.end() + 1, self._message(run), fix)

    @classmethod
    def _allowed(cls, text: str, start: int, end: int) -> bool:
        run = text[start:end]
        if run.strip("\u200d") == "":
            return cls._between_emoji(text, start, end)
        return cls._emoji_tag_sequence(text, start, end)

    @staticmethod
    def _between_emoji(text: str, start: int, end: int) -> bool:
        before = text[start - 1] if start else ""
        after = text[end] if end < len(text) else ""
        return bool(before and after and _EMOJI_NEIGHBOUR.match(before) and _EMOJI_NEIGHBOUR.match(after))

    @staticmethod
    def _emoji_tag_sequence(text: str, start: int, end: int) -> bool:
        """🏴 + tag letters + cancel tag: the flags of England, Scotland, Wales."""
        return start > 0 and text[start - 1] == _BLACK_FLAG and text[end - 1] == _CANCEL_TAG \
            and _TAGS.fullmatch(text, start, end - 1) is not None

    @staticmethod
    def _message(run: str) -> str:
        hidden = "".join(chr(ord(ch) - 0xE0000) for tags in _TAGS.findall(run) for ch in tags)
        others = ", ".join(dict.fromkeys(_describe(ch) for ch in _TAGS.sub("", run)))
        parts = []
        if hidden:
            shown = hidden if len(hidden) <= 60 else hidden[:57] + "..."
            parts.append(f"Unicode tag characters, which can smuggle hidden text, spell \"{shown}\"")
        if others:
            parts.append(f"invisible character(s): {others}")
        return "; ".join(parts)


class UnusualSpace(Rule):
    """Typographic or line-separator spaces other than the no-break space.

    What: U+2000..U+200A, U+202F (narrow no-break space), U+2007, U+205F,
    U+3000, U+1680, and the Unicode line/paragraph separators U+2028/U+2029.

    Why: like U+00A0 they are not spaces to most tokenizers; U+2028 breaks a
    line in some programs and not in others.

    Fires: ``"قال\\u2009الوزير"``. Does not fire: ``"قال الوزير"``.

    Fix (safe): replace with an ordinary space.
    """

    code = "WSP004"
    name = "unusual-space"
    category = "whitespace"
    fixable = "safe"

    def check(self, doc, options):
        if not doc.has_rare(_UNUSUAL_CHARS):
            return
        for line in doc.lines_matching(_UNUSUAL_SPACE):
            for m in _UNUSUAL_SPACE.finditer(line.text):
                codes = ", ".join(dict.fromkeys(f"U+{ord(c):04X}" for c in m.group()))
                yield hit(line.number, m.start() + 1, m.end() + 1, f"unusual space character(s) {codes}",
                          Fix("safe", "replace with a space",
                              (Edit(line.number, m.start() + 1, line.number, m.end() + 1, " "),)))


class TrailingWhitespace(Rule):
    """White space at the end of a line.

    What: spaces, tabs or no-break spaces after the last visible character.

    Why: invisible noise that makes identical paragraphs compare unequal and
    bloats diffs of data repositories.

    Fires: ``"المصدر: Jawhara FM  "``. Does not fire: ``"المصدر: Jawhara FM"``.
    Lines that hold only no-break spaces are reported by WSP002 instead.

    Fix (safe): remove it.
    """

    code = "WSP005"
    name = "trailing-whitespace"
    category = "whitespace"
    severity = "info"
    fixable = "safe"

    def check(self, doc, options):
        for line in doc.lines:  # a last-character test per line beats a scan of the text
            text = line.text
            if not text or text[-1] not in _TRAILING_CHARS:
                continue
            if is_blank(text) and (not options["include-blank-lines"] or _nbsp_only(text)):
                continue
            start, end = len(text.rstrip(_TRAILING_CHARS)), len(text)
            kind = "no-break spaces and other white space" if NBSP in text[start:] else "white-space characters"
            yield hit(line.number, start + 1, end + 1, f"{end - start} trailing {kind}",
                      Fix("safe", "remove trailing white space",
                          (Edit(line.number, start + 1, line.number, end + 1, ""),)))

    options = {"include-blank-lines": {"type": "boolean", "default": True,
                                       "description": "also report lines that hold only spaces or tabs"}}


class BlankLineRun(Rule):
    """More consecutive empty lines than allowed.

    What: a run of more than `max-blank-lines` empty lines (default 1, the
    paragraph separator of scraped articles).

    Why: double blank lines usually mark a removed element (an image, an
    embed) and make paragraph counts wrong.

    Fires: lines 3 and 4 of an article both empty.
    Does not fire: one empty line between paragraphs.

    Fix (safe): remove the extra empty lines.
    """

    code = "WSP006"
    name = "blank-line-run"
    category = "whitespace"
    severity = "info"
    fixable = "safe"
    options = {"max-blank-lines": {"type": "integer", "minimum": 0, "default": 1,
                                   "description": "empty lines allowed in a row"}}

    def check(self, doc, options):
        limit = options["max-blank-lines"]
        run: list = []
        for line in doc.lines + [None]:
            if line is not None and line.text.strip(" \t") == "":
                run.append(line)
                continue
            if len(run) > limit:
                first_extra, last = run[limit], run[-1]
                yield hit(first_extra.number, 1, 1,
                          f"{len(run)} empty lines in a row (at most {limit} allowed)",
                          Fix("safe", "remove the extra empty lines",
                              (Edit(first_extra.number, 1, last.number + 1, 1, ""),)),
                          end_line=last.number)
            run = []


class MissingFinalNewline(Rule):
    """The file does not end with a line break.

    What: the last line has no terminator.

    Why: concatenating files (`cat a b`) glues the last line of one article
    to the first of the next, and line-based tools miss the last line.

    Fires: a file whose last bytes are "...على جرائمه" with no "\\n".
    Does not fire: a file ending in "\\n".

    Fix (safe): add the file's usual line break.
    """

    code = "WSP007"
    name = "missing-final-newline"
    category = "whitespace"
    severity = "info"
    fixable = "safe"

    def check(self, doc, options):
        if doc.lines and not doc.final_newline:
            last = doc.lines[-1]
            col = len(last.text) + 1
            yield hit(last.number, col, col, "no line break at the end of the file",
                      Fix("safe", "add a final line break", (Edit(last.number, col, last.number, col, doc.newline),)))


class EmptyFile(Rule):
    """The file holds no text.

    What: a file of zero bytes, or one holding only white space.

    Why: an empty article is a failed scrape; it still counts as a document
    in a batch and skews every statistic built on it.

    Fires: a 0-byte ``article.txt``. Does not fire: any file with a word in it.
    """

    code = "WSP008"
    name = "empty-file"
    category = "whitespace"
    severity = "error"

    def check(self, doc, options):
        if all(is_blank(line.text) for line in doc.lines):
            yield hit(1, 1, 1, "file is empty or holds only white space (file-level)")


@hookimpl
def newslint_rules():
    return [NoBreakSpace, NoBreakSpaceLine, InvisibleCharacter, UnusualSpace, TrailingWhitespace,
            BlankLineRun, MissingFinalNewline, EmptyFile]
