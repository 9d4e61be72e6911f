"""SPL005 (punctuation-spacing)."""
from __future__ import annotations

import re

from newslint.rule import Rule, delete, hit, insert, replace
from newslint.rules.spelling._common import A, _Tokens, ellipses_are_punctuation

# ".." ending a paragraph (mid-line "X.. Y" is a common headline style)
_DOUBLE_PERIOD = re.compile(r"(?<![.…])\.\.(?=[\s\"»”)]*$)")
_GLUED_HINT = re.compile(f"[\u060c\u061b][{A}]")
_GLUED_AFTER = re.compile(f"(?<=[{A} \t\u00a0])([\u060c\u061b])([{A}]+)")
_SPACE_HINT = re.compile("[ \t\u00a0][\u060c\u061b\u061f]")
_SPACE_BEFORE = re.compile(f"(?<=[{A}0-9\\)\"»”])([ \\t\u00a0]+)([\u060c\u061b\u061f])")


class PunctuationSpacing(Rule):
    """Doubled period, or a space before an Arabic comma, semicolon or question mark.

    What: ".." ending a paragraph (not an ellipsis; ".." between two parts
    of a headline is a common style and is left alone), " ،" / " ؛" / " ؟"
    (the mark belongs right after the word, with the space after it), and
    "،" or "؛" glued to the next word ("اليوم،السبت"; between digits the
    comma is a decimal mark and is left alone).

    Why: the space lets the mark wrap to the start of the next line in
    right-to-left layout, and tokenizers produce a stray "،" token; ".." is a
    typo of "." or of "...". A text with three or more ".." / "…"
    (`STYLE_ELLIPSES`) uses them as punctuation, a column's style: no ".."
    of it is reported (issue 12, other sites).

    Evidence: the file's characters, line by line, and two facts about the
    whole file: the zones' headline line is never checked for a final ".."
    (a teaser may end so), and a file with three or more ellipses ("..",
    "...", "…") anywhere has no ".." reported. A space before "،"/"؛"/"؟"
    counts after an Arabic letter, a digit, ")" or a closing quote; a glued
    "،"/"؛" only before an Arabic letter.

    Tune: no options. Set its severity (info by default), ignore it, or use
    per-file-ignores for folders whose house style spaces the marks.

    Fires: "في المنطقة..", "نقلت وكالة أنباء ريانوفستي نيوز ، قوله",
    "الانتخابات التشريعية والرئاسية القادمة،وفق ما أكده".
    Does not fire: "انطلاقا من الاعتبارات..." (an ellipsis), "نيوز، قوله",
    "74،0 بالمائة".

    Fix (safe): remove the space before, add the space after; replace ".."
    with ".".
    """

    code = "SPL005"
    name = "punctuation-spacing"
    category = "spelling"
    severity = "info"
    fixable = "safe"

    def check(self, doc, options):
        text = doc.text
        # a writer who uses ".." as punctuation throughout means it (issue 12)
        doubled = ".." in text and not ellipses_are_punctuation(text)
        spaced = _SPACE_HINT.search(text) is not None
        glued = _GLUED_HINT.search(text) is not None
        if not doubled and not spaced and not glued:
            return
        headline = doc.zones.headline if doubled else None
        for line in doc.lines:
            text = line.text
            around = _Tokens(text)
            if doubled and ".." in text and line.number != headline:  # a headline may end in a teaser's ".."
                for m in _DOUBLE_PERIOD.finditer(text):
                    yield hit(line.number, m.start() + 1, m.end() + 1, "doubled period \"..\" (not an ellipsis)",
                              replace(line.number, m.start() + 1, line.number, m.end() + 1, ".", "write one period"))
            for m in _SPACE_BEFORE.finditer(text) if spaced else ():
                word = around.before(m.start(1))
                yield hit(line.number, m.start(1) + 1, m.end(2) + 1,
                          f"space before \"{m.group(2)}\" in \"{word}{m.group(1)}{m.group(2)}\"",
                          delete(line.number, m.start(1) + 1, line.number, m.end(1) + 1, "remove the space"))
            for m in _GLUED_AFTER.finditer(text) if glued else ():
                at = m.end(1) + 1
                word = around.before(m.start(1))
                yield hit(line.number, m.start(1) + 1, at,
                          f"no space after \"{m.group(1)}\" in \"{word}{m.group()}\"",
                          insert(line.number, at, " ", "add a space"))
