"""EMB003 (raw-url)."""
from __future__ import annotations

import re

from newslint.rule import Rule, hit
from newslint.rules.embed._common import _SOCIAL

_URL_HINT = re.compile(r"http|www\.")
_URL = re.compile(r"(?:https?://|www\.)[^\s\"'<>«»()]+[^\s\"'<>«»().,،:;!?]")


class RawUrl(Rule):
    """A raw URL in the text.

    What: "http://…", "https://…" or "www.…" written out in a paragraph
    (links of social posts are EMB001's).

    Why: the link text of the page leaked into the article; URLs are noise
    for language models and often carry tracking parameters.

    Evidence: the file's characters: "http://", "https://" or "www." and what
    follows up to white space, a quote, an angle bracket, a guillemet or a
    parenthesis, less a closing punctuation mark; a URL that overlaps a
    social-post link of EMB001's list is left to EMB001. The article's
    structure is not read: a URL in the source line or an appended section is
    reported too.

    Tune: no options (severity info); ignore it, or use per-file-ignores for
    folders whose sites print the address of their source on purpose.

    Fires: "للمزيد من المعلومات يرجى زيارة الموقع: http://consumer.huawei.com/ae-en/".
    Does not fire: "على موقع الوزارة الرسمي".
    """

    code = "EMB003"
    name = "raw-url"
    category = "embed"
    severity = "info"

    def check(self, doc, options):
        if "http" not in doc.text and "www." not in doc.text:
            return
        for line in doc.lines_matching(_URL_HINT):
            text = line.text
            social = [(m.start(), m.end()) for m in _SOCIAL.finditer(text)]
            for m in _URL.finditer(text):
                if any(s <= m.start() < e or m.start() <= s < m.end() for s, e in social):
                    continue
                yield hit(line.number, m.start() + 1, m.end() + 1, f"raw URL \"{m.group()}\" in the text")
