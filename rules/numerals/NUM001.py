"""NUM001 (mixed-digit-systems)."""
from __future__ import annotations

from bisect import bisect_right
from collections import Counter
import re

from newslint.rule import Rule, hit
from newslint.zones import ARTICLE_TEXT_KINDS
from newslint.rules.boilerplate.BLP003 import furniture_line
from newslint.rules.numerals._common import _NUMBER

_NON_WESTERN = re.compile("[\u0660-\u0669\u06f0-\u06f9]")


def _system(ch: str) -> str:
    if "0" <= ch <= "9":
        return "western"
    return "arabic-indic" if "\u0660" <= ch <= "\u0669" else "persian"


_LATIN_AFTER = re.compile(r"[A-Za-z]")
_LETTER = re.compile(r"[^\W\d_]")  # any letter, of any script
_LINK = re.compile(r"(?:https?://|www\.)\S+")  # a link's digits are the address's, not the article's
# a Latin word, or an address without its scheme ("dijla-news.iq/?p=305178"), right before the number
_LATIN_BEFORE = re.compile(r"[A-Za-z][A-Za-z0-9.+\-/?=&_%#]*[ -]?$")


def _in_latin_name(text: str, start: int, end: int) -> bool:
    """A number glued to a Latin letter ("5.5G", "A17") or right after a
    Latin word ("Wi-Fi 7", "COP 28") or an address without its scheme
    ("dijla-news.iq/?p=305178"): part of a name or a link that keeps its
    0-9 digits in any article."""
    return _LATIN_AFTER.match(text, end) is not None or \
        _LATIN_BEFORE.search(text, max(0, start - 30), start) is not None


class MixedDigitSystems(Rule):
    """Western, Arabic-Indic and Persian digits mixed in one file.

    What: a number written with digits of two systems ("2٠20"), or a file
    that writes some numbers with 0-9 and others with ٠-٩ or ۰-۹. Each number
    written in the file's minority system is reported.

    Why: search, sorting and number extraction treat "2020" and "٢٠٢٠" as
    different strings; mixed systems are a sign of text pasted from
    different sources.

    A number glued to a Latin letter or right after a Latin word ("5.5G",
    "Wi-Fi 7") belongs to a name that keeps its 0-9 digits in any article,
    and is not counted.

    Evidence: the zones. Only the article's own lines of text (headline,
    body, sub-headings, lists; not a line of digits alone, which is a stray
    ID for SID001) make the majority and are reported: a site's
    template often writes its dates, copyright and "most read" numbers in
    one system while its journalists write the article in the other, and
    the article's numbers agree among themselves (a number that mixes two
    systems in itself is reported on any line). The digits of a link are
    the address's, not the article's numbers (EMB003 reports the link),
    and a line that BLP003 reads as page furniture (a view count, a
    copyright line) holds the template's numbers, not the writer's. A
    tie within the article is broken by the whole page's numbers.

    Tune: no options; set its severity, ignore it, or use per-file-ignores
    for folders whose articles mix digit systems on purpose.

    Fires: "في عام 2020 ... في عام ٢٠٢١". Does not fire: an article that
    writes every number as 0-9 (or every number as ٠-٩), "معيار Wi-Fi 7"
    in an article that writes its other numbers ٠-٩, or "الثلاثاء 14 فيفري
    2017" in an article under a footer "جميع الحقوق محفوظة © ٢٠١٧".
    """

    code = "NUM001"
    name = "mixed-digit-systems"
    category = "numerals"

    def check(self, doc, options):
        if _NON_WESTERN.search(doc.text) is None:
            return  # one system only (or no digits at all)
        zones = doc.zones
        numbers = []
        for line in doc.lines:
            article = zones.kind(line.number) in ARTICLE_TEXT_KINDS and zones.in_article(line.number) and \
                _LETTER.search(line.text) is not None  # a line of digits alone is a stray ID (SID001's), not text
            if article and _NUMBER.search(line.text) and furniture_line(line.text) is not None:
                article = False  # "عدد المشاهدات: ٢٢٧٢٧", "© 2024 ...": the template's numbers, in the site's system
            links = [m.span() for m in _LINK.finditer(line.text)] if "http" in line.text or "www." in line.text else []
            starts = [start for start, _ in links]
            for m in _NUMBER.finditer(line.text):
                at = bisect_right(starts, m.start()) - 1  # the last link that starts before the number
                if at >= 0 and m.start() < links[at][1]:
                    continue  # "https://site/article/2024/07/644209": EMB003's raw URL
                systems = {_system(ch) for ch in m.group() if ch.isdigit()}
                if systems == {"western"} and _in_latin_name(line.text, m.start(), m.end()):
                    continue  # "5.5G", "Wi-Fi 7": the digits belong to a Latin name and stay 0-9
                numbers.append((line.number, m, systems, article))
        totals = Counter(s for _, _, systems, article in numbers if article for s in systems)
        if not numbers:
            return
        # a tie within the article is broken by the whole page (its dates and footers are the site's system)
        page = Counter(s for _, _, systems, _ in numbers for s in systems)
        majority = max(totals, key=lambda s: (totals[s], page[s], s == "western")) if totals else None
        for number, m, systems, article in numbers:
            if len(systems) > 1:
                yield hit(number, m.start() + 1, m.end() + 1,
                          f"the number \"{m.group()}\" mixes {' and '.join(sorted(systems))} digits")
            elif article and len(totals) > 1 and majority not in systems:
                (system,) = systems
                yield hit(number, m.start() + 1, m.end() + 1,
                          f"\"{m.group()}\" uses {system} digits while this file mostly uses {majority} "
                          f"({totals[majority]} vs {totals[system]} numbers)")
