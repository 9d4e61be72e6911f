"""Hostile inputs for the linear-time tests and bench/linearity.py.

Each generator takes a size `n` and returns an article (str, or bytes for
damaged encodings) whose length grows linearly with `n`. They are shaped after what broke the linter: one
huge line, long runs of one character (spaces, zero-width spaces, letters,
digits, dots), a line packed with findings, and very many short lines.
"""
from __future__ import annotations

import time

# A real paragraph with something for most rules: a duplicated word, a space
# before a comma, a comma glued to a word, a glued sentence, a number glued
# to a word, an English date, a URL, an e-mail, Persian letters, a NBSP, a
# zero-width space, a read-more phrase, Latin words.
SENTENCE = ("وقال الوزير إن إن الحكومة ، ستواصل العمل،وفق ما أكده البيان.وشملت الإجراءات 2020على "
            "حد قوله في 10th, November 2023 GMT عبر http://example.com/a وكتب tala.odeh@ogilvy.com "
            "عن إقلیم کاراباخ\u00a0والمنطقة\u200b و الجانبي الأرميني والأذربيجاني بين الجانبي "
            "اقرأ المزيد هذة الخطوة 53.93% و 37.58 % من 1,250,000 و 71.960.448 ۲۰۲۰ ٢٠٢١ "
            "دواء الفولتارينVoltaren and some English words here today.. ")
HEADLINE = "وزير الخارجية يعلن خطة جديدة\n\n"
SOURCE = "\n\nالمصدر: وكالات\n\nكلمات دلالية: الحكومة، الوزير، كورونا، الوزير\n"


def one_line(n: int) -> str:
    """One paragraph of about n characters on a single line."""
    reps = max(1, n // len(SENTENCE))
    return HEADLINE + SENTENCE * reps + SOURCE


def findings_line(n: int) -> str:
    """One line packed with findings of many rules (n characters)."""
    chunk = "في في ، قال،وفق البيان.وشملت 2020على ۲۰ إقلیم\u00a0و\u200bو .. "
    return HEADLINE + chunk * max(1, n // len(chunk)) + SOURCE


def zero_width_after_phrase(n: int) -> str:
    """A phrase that may open a marker ("المزيد من ..."), then n zero-width
    spaces and no phrase after them."""
    return HEADLINE + "المزيد" + "\u200b" * n + "x\n" + SOURCE


def zero_width_lines(n: int) -> str:
    """Lines, each a marker phrase whose spaces are long zero-width runs."""
    line = "اقرا" + "\u200b" * 60 + "المزيد" + "\u200b" * 60 + "x\n"
    return HEADLINE + line * max(1, n // len(line))


def space_run(n: int) -> str:
    """Runs of n spaces inside a line that ends in a space."""
    return HEADLINE + "قال" + " " * n + "الوزير ،" + " " * n + "x .. \n" + SOURCE


def tab_nbsp_run(n: int) -> str:
    """Runs of mixed white space (tab, NBSP, thin space) inside a line."""
    return HEADLINE + "قال" + "\t\u00a0\u2009" * (n // 3) + "الوزير" + " \u00a0" * (n // 2) + "x\u00a0\n" + SOURCE


def long_word(n: int) -> str:
    """One Arabic word of n letters, twice (after a Persian letter), then
    with dots inside."""
    word = "ب" * n
    return HEADLINE + "ی " + word + " " + word + "\n" + "ببب." + word + ".ب " + word + "\n" + SOURCE


def letter_pattern_runs(n: int) -> str:
    """Runs that feed the letter patterns: إست... , ال...ي, و..."""
    return HEADLINE + ("إست" + "ب" * n + " ال" + "ب" * n + "ي " + "وال" + "ب" * n + "ي\n") + SOURCE


def digit_run(n: int) -> str:
    """Long runs of digits and digit groups, glued to words, with no % after."""
    return (HEADLINE + "في" + "1" * n + "على " + "1,234" * (n // 5) + " " + "1." * (n // 2) + "5 "
            + "١٢٣" * (n // 3) + " 5%\n" + SOURCE)


def line_edge_id(n: int) -> str:
    """A long digit run at the end and at the start of a line of text."""
    return (HEADLINE + "وقال الوزير إن الحكومة. " + "1" * n + " x\n\n" + "1" * n + " :وقال الوزير إن الحكومة ستواصل\n"
            + SOURCE)


def latin_run(n: int) -> str:
    """A long run of Latin letters glued to Arabic, and a long pseudo-URL."""
    return (HEADLINE + "قال" + "a" * n + "قال " + "http://" + "a" * n + " " + "a" * n + "@" + "b" * n
            + " pic.twitter.com/" + "c" * n + "\n" + SOURCE)


def dashed_latin_run(n: int) -> str:
    """An open paragraph holding a run of "a-a-a-..." (a domain-like run that
    a link pattern might restart at every dash; found by a review), and a
    tweet signature whose date is a long run of Latin letters and commas."""
    return (HEADLINE + "وقال إن " + "a-" * (n // 2) + " تم\n" + "— الوزير (@minister) " + "a, " * (n // 3)
            + "\n" + SOURCE)


def punctuation_runs(n: int) -> str:
    """Long runs of dots, commas and marks, on a line and as a line."""
    return (HEADLINE + "قال" + "." * n + "x..\n" + "-" * n + "\n" + "قال " + "،" * n + "كلمة "
            + " ؟" * (n // 2) + "\n" + "؛" * n + "\n" + SOURCE)


def tags_line(n: int) -> str:
    """A tags line of about n characters (many space-separated words) and
    one with a long run of spaces."""
    words = " ".join(f"كلمة{chr(0x0628 + i % 20)}" for i in range(max(1, n // 6)))
    return (HEADLINE + SENTENCE + "\n\n" + SENTENCE + SOURCE + "كلمات دلالية: " + words + "\n"
            + "الوسوم: روسيا" + " " * n + "باكو\n")


def short_lines(n: int) -> str:
    """About n/5 short lines of body text (the zone parser's worst case)."""
    return "كلمة\n" * max(1, n // 5)


def many_paragraphs(n: int) -> str:
    """Many ordinary paragraphs, with a source line among the first ones."""
    para = "وقال الوزير إن الحكومة ستواصل العمل في\n\n"
    return HEADLINE + "المصدر: وكالات\n\n" + para * max(1, n // len(para)) + SOURCE


def many_sources(n: int) -> str:
    """A paragraph, many source lines, then many paragraphs: every source
    line stays in the article."""
    k = max(1, n // 40)
    return "وقال الوزير إن الحكومة ستواصل.\n" + "المصدر: وكالات\n" * k + "وقال الوزير إن الحكومة ستواصل.\n" * k


def many_markers(n: int) -> str:
    """An article followed by many appended sections, each a marker line
    and a headline."""
    k = max(1, n // 40)
    return HEADLINE + SENTENCE + "\n\n" + SENTENCE + "\n\n" + "إقرأ أيضاً:\n\nخبر آخر عن الحكومة\n\n" * k


def cr_lines(n: int) -> str:
    """Lines ended by CR, CRLF and LF in turn, some holding only NBSP, and
    runs of blank lines."""
    k = max(1, n // 40)
    return HEADLINE + ("وقال الوزير إن الحكومة\r\u00a0\r\n\n\n\nستواصل العمل.\r\n") * k


def damaged_utf8(n: int, line: bool = True) -> bytes:
    """UTF-8 Arabic text with one broken byte every 101 bytes: the most
    damage a file can have and still count as UTF-8 (1 %). With `line`,
    each broken byte ends a line."""
    text = "وقال الوزير إن الحكومة ستواصل العمل في كل المجالات الممكنة هذا العام".encode("utf-8")
    text = text[:98].decode("utf-8", "ignore").encode("utf-8")  # cut between two letters
    chunk = text + b" " * (99 - len(text)) + b"\xff" + (b"\n" if line else b" ")
    return chunk * max(1, n // len(chunk))


HOSTILE = {
    "one-line": one_line,
    "findings-line": findings_line,
    "zero-width-after-phrase": zero_width_after_phrase,
    "zero-width-lines": zero_width_lines,
    "space-run": space_run,
    "tab-nbsp-run": tab_nbsp_run,
    "long-word": long_word,
    "letter-pattern-runs": letter_pattern_runs,
    "digit-run": digit_run,
    "line-edge-id": line_edge_id,
    "latin-run": latin_run,
    "punctuation-runs": punctuation_runs,
    "dashed-latin-run": dashed_latin_run,
    "tags-line": tags_line,
    "short-lines": short_lines,
    "many-paragraphs": many_paragraphs,
    "many-sources": many_sources,
    "many-markers": many_markers,
    "cr-lines": cr_lines,
    "damaged-utf8": damaged_utf8,
}


def as_bytes(text: str | bytes) -> bytes:
    """A generator's output as file bytes (most give text, some bytes)."""
    return text if isinstance(text, bytes) else text.encode("utf-8")


def best_time(func, repeat: int = 3) -> float:
    """Best wall-clock time of `func()` over `repeat` runs (the least noisy)."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        best = min(best, time.perf_counter() - start)
    return best
