"""Linting time must grow linearly with the input, whatever the input.

Each test times the same work at size n and at size 8n and asserts the
ratio stays under 16: a linear step gives about 8 (less, with fixed costs),
a quadratic one about 64, so the bound catches quadratic blow-ups and
leaves room for noise. A ratio over the bound is measured again, best of
three, before the test fails, so one slow run on a busy machine does not
fail it.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from hostile import HOSTILE, as_bytes, best_time, damaged_utf8
from newslint.config import Config
from newslint.decoding import decode
from newslint.document import Document
from newslint.engine import LintPlan, _findings, check_document
from newslint.models import Hit
from newslint.plugins import load_registry
from newslint.zones import parse_zones

FACTOR = 8
BOUND = 16  # linear ~8, quadratic ~64

# the small size of each input (the large one is FACTOR times it): chosen so
# that the large run takes a few tenths of a second once linear
SMALL = {
    "one-line": 16_000,
    "findings-line": 8_000,
    "zero-width-after-phrase": 120,
    "zero-width-lines": 8_000,
    "space-run": 8_000,
    "tab-nbsp-run": 4_000,
    "long-word": 8_000,
    "letter-pattern-runs": 8_000,
    "digit-run": 2_000,
    "line-edge-id": 2_000,
    "latin-run": 2_000,
    "punctuation-runs": 2_000,
    "dashed-latin-run": 4_000,
    "tags-line": 4_000,
    "short-lines": 20_000,
    "many-paragraphs": 16_000,
    "many-sources": 32_000,
    "many-markers": 8_000,
    "cr-lines": 8_000,
    "damaged-utf8": 16_000,
}


def growth(work, small, large) -> float:
    """time(work(large)) / time(work(small)), `work(x)` returning the
    callable to time; measured again best of three when over the bound."""
    small_run, large_run = work(small), work(large)
    ratio = best_time(large_run, 1) / max(best_time(small_run, 1), 1e-4)
    if ratio >= BOUND:
        ratio = best_time(large_run, 3) / max(best_time(small_run, 3), 1e-4)
    return ratio


@pytest.fixture(scope="module")
def every_rule():
    registry = load_registry()
    opt_in = [r.code for r in registry.rules if r.opt_in]
    assert "TRN003" in opt_in
    return LintPlan.build(registry, Config(None, Path.cwd(), {}), select=["ALL", *opt_in])


def lint_all(plan):
    def work(text):
        data = as_bytes(text)
        return lambda: check_document(Document("article.txt", data), plan)
    return work


def test_every_hostile_input_has_a_size():
    assert set(SMALL) == set(HOSTILE)


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_lint_time_grows_linearly(name, every_rule):
    make = HOSTILE[name]
    n = SMALL[name]
    ratio = growth(lint_all(every_rule), make(n), make(FACTOR * n))
    assert ratio < BOUND, f"{name}: {FACTOR}x the input took {ratio:.1f}x the time"


def test_one_megabyte_single_line_article(every_rule):
    big = HOSTILE["one-line"](750_000)
    size = len(big.encode("utf-8"))
    assert size > 1_000_000 and big.count("\n") < 10
    ratio = growth(lint_all(every_rule), HOSTILE["one-line"](750_000 // FACTOR), big)
    assert ratio < BOUND


def test_decoding_utf8_with_the_most_damage():
    def work(data):
        return lambda: decode(data)
    small = damaged_utf8(250_000, line=False)
    assert len(decode(small).bad_bytes) == len(small) // 101
    assert growth(work, small, damaged_utf8(FACTOR * 250_000, line=False)) < BOUND


def test_zone_parser_on_30000_short_lines():
    lines = ["كلمة", "ن", "", "قال"] * 7_500
    ratio = growth(lambda ls: lambda: parse_zones(ls), lines[:len(lines) // FACTOR], lines)
    assert ratio < BOUND


class _Rule:
    code, name, category = "SPL001", "duplicated-word", "spelling"

    @staticmethod
    def anchor():
        return "docs/rules.md#spl001"


def _many_findings_on_one_line(width: int):
    doc = Document("a.txt", ("كلمة " * width).encode("utf-8"))
    hits = [(Hit(1, c, 1, c + 1, "m"), _Rule, "warning") for c in range(1, 5 * width, 5)]
    return lambda: _findings(doc, hits)


def test_fingerprints_of_many_findings_on_one_line():
    ratio = growth(_many_findings_on_one_line, 2_000, FACTOR * 2_000)
    assert ratio < BOUND


def test_fingerprints_keep_their_values():
    """The fingerprint is sha256(code, path, the line's normalised text, the
    index among same-code findings on equal text): baselines stay valid."""
    doc = Document("a.txt", "في  في\nفي في\n".encode("utf-8"))
    hits = [(Hit(1, 1, 1, 2, "m"), _Rule, "warning"), (Hit(1, 4, 1, 5, "m"), _Rule, "warning"),
            (Hit(2, 1, 1, 2, "m"), _Rule, "warning")]
    got = [f.fingerprint for f in _findings(doc, hits)]
    want = [hashlib.sha256(f"SPL001\0a.txt\0في في\0{i}".encode()).hexdigest()[:20] for i in range(3)]
    assert got == want


def test_furniture_sketch_is_linear_in_paragraphs_with_labels():
    """BLP004's wildcard heads look for the first body paragraph once a file,
    not once a line with a colon (a review found it quadratic: 2.3 s at
    16,000 such paragraphs after as many blank lines)."""
    import time

    from newslint.document import Document
    from newslint.rules.boilerplate.BLP004 import SiteFurniture, line_sketch

    options = {name: spec["default"] for name, spec in SiteFurniture.options.items()}

    def seconds(n: int) -> float:
        text = "عنوان الخبر\n" + "\n" * n + "".join(f"وقال المتحدث باسم الوزارة {i}: إن الأمر انتهى.\n" for i in range(n))
        doc = Document("a.txt", text.encode("utf-8"))
        assert doc.zones.kinds  # zoned before the clock starts: zoning is timed elsewhere
        started = time.perf_counter()
        line_sketch(doc, options)
        return time.perf_counter() - started

    small, large = min(seconds(2000) for _ in range(3)), min(seconds(8000) for _ in range(3))
    assert large < 8 * small + 0.05, (small, large)  # 4x the lines: linear is ~4x, quadratic ~16x
