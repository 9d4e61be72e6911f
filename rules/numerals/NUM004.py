"""NUM004 (inconsistent-number-format)."""
from __future__ import annotations

from collections import Counter
import re

from newslint.rule import Rule, hit
from newslint.rules.numerals._common import _DIGITS, _NUMBER

# A number before "%" is matched from its first digit only: tried from every
# digit of a long number that no "%" follows, it would be quadratic.
_NUMBER_START = f"(?<![{_DIGITS}])(?<![{_DIGITS}][.,\u066b\u066c])"
_PERCENT = re.compile(f"{_NUMBER_START}({_NUMBER.pattern})( ?)([%\u066a])|([%\u066a])( ?)({_NUMBER.pattern})")
_GROUPED = re.compile(f"(?<![{_DIGITS}.,])[{_DIGITS}]{{1,3}}(?:([,.\u066c ])[{_DIGITS}]{{3}})"
                      f"(?:\\1[{_DIGITS}]{{3}})+(?![{_DIGITS}])")
_GROUP_HINT = re.compile(f"[{_DIGITS}][,.\u066c ][{_DIGITS}]{{3}}[,.\u066c ][{_DIGITS}]{{3}}")
_SEP_NAMES = {",": "commas", ".": "periods", "\u066c": "Arabic thousands separators", " ": "spaces"}


class InconsistentNumberFormat(Rule):
    """Percentages or digit grouping written two ways in one file.

    What: "53.93%" and "37.58 %" (or "%" and "٪", or "%20" and "20%") in the
    same article; large numbers grouped with commas in one place and periods
    in another ("1,250,000" vs "71.960.448"). The less common form is
    reported.

    Why: the article was assembled from several sources; number extraction
    and display rules break on the inconsistent form.

    Evidence: the file's characters, on every line (no zones): each
    percentage (digits and "%" or "٪", spaced or not, on either side) and
    each number grouped in threes by at least two separators of one kind
    (comma, period, "٬" or space: "1,250,000", not "1,250"). Percentages and
    groupings are counted separately; where two styles occur, the most
    frequent wins (a tie goes to the style that sorts last as a string) and
    every other occurrence is reported, however few.

    Tune: no options; it is info by default: set its severity, ignore it,
    or use per-file-ignores for folders that quote figures from several
    sources as written.

    Fires: "على 53.93% من الأصوات، مقابل 37.58 % للائتلاف".
    Does not fire: an article that writes every percentage as "N%".
    """

    code = "NUM004"
    name = "inconsistent-number-format"
    category = "numerals"
    severity = "info"

    def check(self, doc, options):
        has_percent = "%" in doc.text or "\u066a" in doc.text
        if not has_percent and _GROUP_HINT.search(doc.text) is None:
            return
        percents, groups = [], []
        for line in doc.lines:
            for m in _PERCENT.finditer(line.text) if has_percent else ():
                if m.group(1):
                    style = ("N %" if m.group(2) else "N%").replace("%", m.group(3))
                else:
                    style = ("% N" if m.group(5) else "%N").replace("%", m.group(4))
                percents.append((line.number, m, style))
            for m in _GROUPED.finditer(line.text):
                groups.append((line.number, m, m.group(1)))
        yield from self._minority(percents, "percentage written as \"{value}\" ({style}) while this file mostly "
                                            "writes \"{major}\"")
        yield from self._minority(groups, "\"{value}\" groups digits with {style_name} while this file mostly "
                                          "uses {major_name}")

    @staticmethod
    def _minority(items, template):
        counts = Counter(style for _, _, style in items)
        if len(counts) < 2:
            return
        major = max(counts, key=lambda s: (counts[s], s))
        for number, m, style in items:
            if style != major:
                yield hit(number, m.start() + 1, m.end() + 1, template.format(
                    value=m.group().strip(), style=style, major=major,
                    style_name=_SEP_NAMES.get(style, style), major_name=_SEP_NAMES.get(major, major)))
