"""The versioned JSON report (schemas/report.schema.json) and its streaming
twin, JSON Lines."""
from __future__ import annotations

import json
from json.encoder import encode_basestring  # json's own string escaper (C), as dumps uses it
import shutil
import tempfile

from .base import Reporter

REPORT_VERSION = 2


def tool_info(ctx) -> dict:
    return {"name": "newslint", "version": ctx.tool_version,
            "plugins": dict(sorted(getattr(ctx.registry, "plugin_versions", {}).items()))}


def finding_dict(f) -> dict:
    fix = f.fix
    return f.dict_with_fix(None if fix is None else {
        "applicability": fix.applicability, "message": fix.message, "edits": [e.__dict__ for e in fix.edits],
        **({"transcode": fix.transcode} if fix.transcode else {})})


def _nested(text: str, indent: str) -> str:
    """`text` (json.dumps with indent=2) as a value `indent` deep: what one
    dump of the enclosing object writes (strings hold no raw newline)."""
    return text.replace("\n", "\n" + indent)


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)


def _indented(value, indent: str = "") -> str:
    """What `_dumps` writes for a finding's dict (str keys; str, int,
    float, bool, None, dicts and lists inside), without json's pure-Python
    indenting encoder: strings go through its C escaper, the rest is
    assembled here. Anything else falls back to `_dumps`."""
    if isinstance(value, str):
        return encode_basestring(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if type(value) is int:
        return int.__repr__(value)
    if type(value) is float and value == value and value not in (_INF, -_INF):
        return float.__repr__(value)
    inner = indent + "  "
    if type(value) is dict and all(type(key) is str for key in value):
        if not value:
            return "{}"
        return "{\n" + ",\n".join(f"{inner}{encode_basestring(key)}: {_indented(item, inner)}"
                                   for key, item in value.items()) + f"\n{indent}}}"
    if type(value) is list:
        if not value:
            return "[]"
        return "[\n" + ",\n".join(inner + _indented(item, inner) for item in value) + f"\n{indent}]"
    return _nested(_dumps(value), indent)


_INF = float("inf")


class JsonReporter(Reporter):
    """One JSON document, the same bytes as one json.dump of the whole
    report. The summary comes before the findings but is known only at the
    end, and a run may have millions of findings: they are written to a
    temporary file as files finish and copied into the report at the end."""

    def start(self) -> None:
        # surrogatepass: a path that is not valid UTF-8 comes back as it went
        self._spill = tempfile.TemporaryFile("w+", encoding="utf-8", errors="surrogatepass")
        self._any = False

    def file(self, result) -> None:
        for f in result.findings:
            self._spill.write(",\n    " if self._any else "[\n    ")
            self._spill.write(_indented(finding_dict(f), "    "))
            self._any = True

    def finish(self, summary) -> None:
        head = _dumps({"version": REPORT_VERSION, "tool": tool_info(self.ctx), "summary": summary.to_dict()})
        self.out.write(head[:-len("\n}")] + ',\n  "findings": ')
        self._copy_findings()
        self.out.write(',\n  "errors": ' + _nested(_dumps([e.to_dict() for e in summary.errors]), "  ") + "\n}\n")

    def _copy_findings(self) -> None:
        with self._spill:
            if not self._any:
                self.out.write("[]")
                return
            self._spill.seek(0)
            shutil.copyfileobj(self._spill, self.out)
            self.out.write("\n  ]")


class JsonLinesReporter(Reporter):
    """One JSON object per line: {"type": "finding", ...} as files finish,
    {"type": "error", ...} for files that could not be linted, and a last
    {"type": "summary", ...} line."""

    def file(self, result) -> None:
        for f in result.findings:
            self.out.write(json.dumps({"type": "finding", **finding_dict(f)}, ensure_ascii=False) + "\n")
        if result.error is not None:
            self.out.write(json.dumps({"type": "error", **result.error.to_dict()}, ensure_ascii=False) + "\n")
        self.out.flush()

    def finish(self, summary) -> None:
        self.out.write(json.dumps({"type": "summary", "version": REPORT_VERSION, "tool": tool_info(self.ctx),
                                   **summary.to_dict()}, ensure_ascii=False) + "\n")
