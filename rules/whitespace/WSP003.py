"""WSP003 (invisible-character)."""
from __future__ import annotations

import re
import unicodedata

from newslint.rule import Rule, delete, hit

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

    Evidence: the file's characters, against a fixed table of code points
    (`_INVISIBLE_RANGES`: Unicode 14's format characters less the prepended
    concatenation marks, plus U+034F and the Hangul fillers). The only
    context is a character's neighbours: emoji (U+2600..U+27BF,
    U+1F000..U+1FAFF, U+FE0F) on both sides of a run of U+200D, or 🏴
    before tag characters closed by U+E007F. A run with a direction control
    (U+200E, U+200F, U+061C, U+202A..U+202E, U+2066..U+2069) gets the unsafe
    fix.

    Tune: no options. Ignore it, or use per-file-ignores for folders whose
    mixed Arabic/Latin text needs its direction marks.

    Fires: ``"وزير\\u200f الخارجية"``, ``"وزير\\u3164 الخارجية"``.
    Does not fire: ``"وزير الخارجية"``.

    Fix: removing zero-width characters is safe; removing direction marks is
    unsafe (it can change how mixed Arabic/Latin text is displayed).
    """

    code = "WSP003"
    name = "invisible-character"
    category = "whitespace"
    needs_chars = _INVISIBLE_CHARS
    fixable = "unsafe"  # removing a direction mark is unsafe; zero-width characters are safe

    def check(self, doc, options):
        for line in doc.lines_matching(_INVISIBLE):
            text = line.text
            for m in _INVISIBLE.finditer(text):
                if self._allowed(text, m.start(), m.end()):
                    continue
                run = m.group()
                fix = delete(line.number, m.start() + 1, line.number, m.end() + 1, "remove the invisible character(s)",
                             "unsafe" if _BIDI.search(run) else "safe")
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
