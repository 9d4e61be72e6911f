"""WSP006 (blank-line-run)."""
from __future__ import annotations

from newslint.rule import Rule, delete, hit


class BlankLineRun(Rule):
    """More consecutive empty lines than allowed.

    What: a run of more than `max-blank-lines` empty lines (default 1, the
    paragraph separator of scraped articles).

    Why: double blank lines usually mark a removed element (an image, an
    embed) and make paragraph counts wrong.

    Evidence: the file's lines: a run of lines that are empty or hold only
    spaces and tabs (a no-break space or any other character ends it),
    anywhere in the file, its start and end included.

    Tune: `max-blank-lines` (1, minimum 0): lower is stricter (0 reports
    every empty line). Its severity is info.

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
                          delete(first_extra.number, 1, last.number + 1, 1, "remove the extra empty lines"),
                          end_line=last.number)
            run = []
