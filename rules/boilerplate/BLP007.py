"""BLP007 (paragraph-of-another-story): a last paragraph that another story of the batch prints."""
from __future__ import annotations

from array import array
import re
import zlib

from newslint.rule import BatchRule, hit
from newslint.rules.boilerplate._common import _line_span
from newslint.rules.boilerplate.BLP004 import story_hash, template_hash
from newslint.sorted_groups import HashPairs
from newslint.zones import BODY

# A word of four letters or more, its clitics and the article cut (what it
# starts with of و/ف, ب/ل/ك and the article, when three letters stay), its
# first six letters kept: enough to say that two short texts speak of the
# same things ("الجامعي", "بالجامعة" and "جامعة" share "جامع"). One scan in C.
_WORD_STEM = re.compile("(?<![\u0621-\u064a])(?=[\u0621-\u064a]{4})"
                        "(?:[وف]?[بلك]?ال|[وف]?لل|[وف])?([\u0621-\u064a]{3,})")
_STEM = 6
# Where a paragraph stands among its file's long body paragraphs: the first
# (the lede), one of the last two after it (where a slipped paragraph lands,
# a long furniture line may follow it), or between the two.
_LEDE, _END, _MIDDLE = 0, 1, 2
_BETTER_FIT = 40
"""Per mille: when the other file prints the paragraph near its end too,
it must share this much more of the paragraph's words with its own lede
than this file does (a word in 25): the paragraph fits that story better."""
_ROW = 6  # values of a row: paragraph hash, line, place, the last paragraph's share (per mille; -1 elsewhere),
# first and end column of the line's text


def _stems(text: str) -> set:
    return {word[:_STEM] for word in _WORD_STEM.findall(text)}


def shared_with_the_lede(paragraph: str, lede_stems: set) -> float:
    """The share of the paragraph's words (four letters or more, clitics
    cut) that the headline or the first paragraph also use."""
    words = _stems(paragraph)
    return len(words & lede_stems) / len(words) if words else 1.0


def _same_event(a: bytes, b: bytes) -> bool:
    """Two files' headlines and first paragraphs share `_SAME_EVENT` of the
    shorter one's words: one event told twice (a follow-up), whose
    background paragraph both may print."""
    a_set, b_set = set(array("I", a)), set(array("I", b))
    smaller = min(len(a_set), len(b_set))
    return bool(smaller) and len(a_set & b_set) >= _SAME_EVENT * smaller


_SAME_EVENT = 0.2


def _paragraph_hash(text: str) -> int:
    return template_hash(" ".join(text.split()), "paragraph")


class ParagraphOfAnotherStory(BatchRule):
    """The article's last paragraph is a paragraph of another story of the batch.

    What: one of the last two long body paragraphs of a file (at least
    `min-words` words, after the first) that another file of the run
    prints word for word in a different story, as its first paragraph, in
    its middle, or near its end where it fits that story better; and that
    shares at most `max-shared` of its words with this file's headline and
    first paragraph.

    Why: a scraper that takes one paragraph too many picks up the next
    story's text, with no marker to say so; the article is then found
    under another event's names, and a model learns a paragraph twice, once
    in the wrong story. BLP006 judges the paragraph from the article alone
    (opt-in: a last paragraph that shares no word with the lede is often
    just a new turn of the story); here the batch says where it comes from.

    Evidence: the batch, and the words of the two files. Each file's
    sketch holds a hash of each long body paragraph (spaces normalised),
    where it stands (the first, one of the last two, or between), BLP004's
    story key (copies of one story never count against each other), the
    words of its headline and first paragraph (four letters or more,
    clitics cut, six letters kept, as 32-bit hashes), and, for its last
    two paragraphs, the share of their words that headline and first
    paragraph use. A paragraph two files print is reported in the one
    where it stands among the last two paragraphs and shares at most
    `max-shared` of its words with the lede, when the other file prints it
    as its lede, in its middle, or near its end with a share larger by
    0.04 at least (it fits that story better). Not when the two files'
    headlines and first paragraphs share a fifth of their words (one event
    told twice: a follow-up repeats its background paragraph), nor for a
    paragraph three files or more print (furniture or a wire's
    boilerplate: BLP004's). Measured: on 3,000 corpus articles, a
    paragraph of another article shares under 0.15 of its words with the
    lede in 99 % of random pairs, an article's own last paragraph in 61 %
    (so the lede alone cannot say, which is why BLP006 is opt-in); the
    ledes of the slipped paragraphs' two files in blind sets 10-13 share
    0-3 % of their words, those of the corpus's follow-ups 33-100 %. On
    the corpus (10,138 files) the rule makes no finding; without the
    same-event test it made 4, all follow-ups.

    Tune: `min-words` (12) the paragraph's length; `max-shared` (0.15)
    higher finds more and errs more.

    Fires: in a site folder, "وتستعد شركات الاتصالات لإطلاق خدمات الجيل
    الخامس ..." as the last paragraph of an article on a health campaign,
    when another article of the folder has it between two of its
    paragraphs. Does not fire: the same paragraph at the end of two
    stories, or at the end of a follow-up that repeats the decision its
    first paragraph announces.
    """

    code = "BLP007"
    name = "paragraph-of-another-story"
    category = "boilerplate"
    options = {"min-words": {"type": "integer", "minimum": 1, "default": 12,
                             "description": "words a body paragraph needs to be compared"},
               "max-shared": {"type": "number", "minimum": 0, "maximum": 1, "default": 0.15,
                              "description": "share of the last paragraph's words the headline and first "
                                             "paragraph may use"}}

    def sketch(self, doc, options):
        spaces = options["min-words"] - 1  # counted as spaces: a split of every line cost a third of the sketch
        long = [line for kind, line in zip(doc.zones.kinds, doc.lines)
                if kind == BODY and line.text.strip().count(" ") >= spaces]
        if len(long) < 2:
            return None
        headline = doc.line(doc.zones.headline).text if doc.zones.headline else ""
        lede = _stems(f"{headline} {long[0].text}")
        rows = array("q")
        for i, line in enumerate(long):
            place = _LEDE if i == 0 else (_END if i >= len(long) - 2 else _MIDDLE)
            share = round(1000 * shared_with_the_lede(line.text, lede)) if place == _END else -1
            rows.extend((_paragraph_hash(line.text), line.number, place, share, *_line_span(doc, line.number)))
        words = array("I", sorted({zlib.crc32(stem.encode("utf-8")) for stem in lede}))
        return story_hash(doc), rows.tobytes(), words.tobytes()

    def compare(self, sketches, options):
        """Paragraph hashes shared by exactly two files (12 bytes a long
        paragraph, sorted a sixteenth at a time: `HashPairs`); only the few
        such files are read back from their sketches."""
        pairs = HashPairs()
        for index, (_, (_, packed, _)) in enumerate(sketches):
            values = memoryview(packed).cast("q")
            for i in range(0, len(values), _ROW):
                pairs.add(values[i], index)
        limit = round(1000 * options["max-shared"])
        for h, members in pairs.groups(smallest=2):
            if len(members) != 2 or len(set(members)) != 2:
                continue  # printed by three files or more: furniture or boilerplate, BLP004's
            (a_path, (a_story, a_rows, a_lede)), (b_path, (b_story, b_rows, b_lede)) = (sketches[i] for i in members)
            if a_story == b_story or _same_event(a_lede, b_lede):
                continue  # two copies of one story, or one event told twice
            a, b = _row_of(a_rows, h), _row_of(b_rows, h)
            for path, row, other, other_path in ((a_path, a, b, b_path), (b_path, b, a, a_path)):
                if row[2] == _END and 0 <= row[3] <= limit and \
                        (other[2] != _END or other[3] >= row[3] + _BETTER_FIT):
                    yield path, self._hit(row, other_path, other)

    @staticmethod
    def _hit(row: tuple, other_path: str, other: tuple):
        where = {_LEDE: "as its first paragraph", _MIDDLE: "between two of its paragraphs",
                 _END: f"sharing {other[3] / 10:.0f} % of its words with that story's headline and first paragraph"}
        return hit(row[1], row[4], row[5],
                   f"a paragraph of another story: {other_path} prints it at line {other[1]}, {where[other[2]]}; "
                   f"here it shares {row[3] / 10:.0f} % of its words with the headline and the first paragraph",
                   confidence=0.8)


def _row_of(packed: bytes, h: int) -> tuple:
    values = memoryview(packed).cast("q")
    for i in range(0, len(values), _ROW):
        if values[i] == h:
            return tuple(values[i:i + _ROW])
    raise KeyError(h)
