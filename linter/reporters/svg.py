"""Horizontal bar charts as inline SVG, for the HTML report: drawn here in
Python so the page needs no script and no chart library. Colours come from
CSS classes the page defines (one per severity), so a chart follows the
page's style."""
from __future__ import annotations

from dataclasses import dataclass
from html import escape

ROW = 22          # height of one bar's row
BAR = 15          # height of the bar in it
LABEL = 250       # width of the label column
VALUE = 70        # room right of the longest bar for its number
LABEL_CHARS = 36  # labels longer than this are cut (the whole label is in the bar's tooltip)


@dataclass(frozen=True)
class Bar:
    label: str
    parts: tuple      # (value, css class) pairs, stacked left to right
    href: str = ""    # an anchor in the page ("#rule-ENC001"), or ""
    tip: str = ""     # the tooltip; default: the label and the total

    @property
    def total(self) -> int:
        return sum(value for value, _ in self.parts)


def bar_chart(bars: list[Bar], title: str, width: int = 760) -> str:
    """An <svg> with one labelled bar per item, scaled to the largest."""
    largest = max((bar.total for bar in bars), default=0) or 1
    scale = (width - LABEL - VALUE) / largest
    height = ROW * len(bars) + 4
    rows = [_row(bar, i * ROW, scale) for i, bar in enumerate(bars)]
    return (f'<svg class="chart" role="img" width="{width}" height="{height}" viewBox="0 0 {width} {height}">'
            f'<title>{escape(title)}</title>{"".join(rows)}</svg>')


def _row(bar: Bar, top: int, scale: float) -> str:
    middle = top + ROW // 2 + 5
    label = bar.label if len(bar.label) <= LABEL_CHARS else bar.label[:LABEL_CHARS - 1] + "…"
    tip = bar.tip or f"{bar.label}: {bar.total}"
    x = float(LABEL)
    rects = []
    for value, css in bar.parts:
        if value:
            w = max(value * scale, 1.0)  # a count of 1 next to thousands still shows
            rects.append(f'<rect class="{css}" x="{x:.1f}" y="{top + (ROW - BAR) // 2}" width="{w:.1f}" '
                         f'height="{BAR}"/>')
            x += w
    text = (f'<text class="label" x="{LABEL - 8}" y="{middle}" text-anchor="end">{escape(label)}</text>'
            f'{"".join(rects)}<text class="value" x="{x + 6:.1f}" y="{middle}">{bar.total:,}</text>')
    row = f'<g><title>{escape(tip)}</title>{text}</g>'
    return f'<a href="{escape(bar.href)}">{row}</a>' if bar.href else row
