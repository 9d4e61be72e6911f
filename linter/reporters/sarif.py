"""SARIF 2.1.0: one run, every rule in tool.driver.rules with its help,
columns in Unicode code points, stable fingerprints."""
from __future__ import annotations

import json
from pathlib import PurePosixPath
from urllib.parse import quote

from .base import Reporter

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _uri(path: str) -> str:
    """The relative URI of `path`: percent-encoded, or "news#1.txt" would be
    read as "news" with a fragment (and a space, "%" or "?" break it too).
    Non-ASCII is encoded as UTF-8; an undecodable byte of a file name as
    itself."""
    posix = PurePosixPath(path.replace("\\", "/")).as_posix()
    posix = posix[2:] if posix.startswith("./") else posix
    return quote(posix, safe="/", errors="surrogateescape")


def _place_in_record(item: dict, f) -> None:
    """A finding in a container's record: the region is the record's line
    (a JSONL record is one line of the shard), the logical location names
    `shard.jsonl:record:line:column`, and properties keep the place within
    the record's article. Its fixes' regions count in the article, not in
    the shard: they are left out."""
    location = item["locations"][0]
    location["physicalLocation"]["region"] = {"startLine": f.record}
    location["logicalLocations"] = [{"name": f"record {f.record}", "kind": "element",
                                     "fullyQualifiedName": f"{f.place}:{f.line}:{f.column}"}]
    item["properties"].update({"record": f.record, "line": f.line, "column": f.column,
                               "endLine": f.end_line, "endColumn": f.end_column})


class SarifReporter(Reporter):
    def start(self) -> None:
        self.rules = list(self.ctx.registry.rules)
        self.index = {rule.code: i for i, rule in enumerate(self.rules)}
        self.results = []
        self.notifications = []

    def file(self, result) -> None:
        for f in result.findings:
            item = {
                "ruleId": f.code,
                "ruleIndex": self.index.get(f.code, -1),
                "level": _LEVEL[f.severity],
                "message": {"text": f.message},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": _uri(f.path), "uriBaseId": "%SRCROOT%"},
                    "region": {"startLine": f.line, "startColumn": f.column,
                               "endLine": f.end_line, "endColumn": f.end_column},
                }}],
                "partialFingerprints": {"newslint/v1": f.fingerprint},
                "properties": {"category": f.category, "name": f.name},
            }
            if item["ruleIndex"] < 0:
                del item["ruleIndex"]
            if f.record is not None:
                _place_in_record(item, f)
            elif f.fix is not None and f.fix.edits:
                item["fixes"] = [{
                    "description": {"text": f"{f.fix.message} ({f.fix.applicability})"},
                    "artifactChanges": [{
                        "artifactLocation": {"uri": _uri(f.path), "uriBaseId": "%SRCROOT%"},
                        "replacements": [{
                            "deletedRegion": {"startLine": e.line, "startColumn": e.column,
                                              "endLine": e.end_line, "endColumn": e.end_column},
                            "insertedContent": {"text": e.content},
                        } for e in f.fix.edits],
                    }],
                }]
            self.results.append(item)
        if result.error is not None:
            self.notifications.append({
                "level": "error",
                "message": {"text": result.error.message},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(result.path)}}}],
            })

    def finish(self, summary) -> None:
        driver = {
            "name": "newslint",
            "version": self.ctx.tool_version,
            "informationUri": "https://pypi.org/project/newslint/",
            "rules": [self._rule(rule) for rule in self.rules],
        }
        run = {
            "tool": {"driver": driver},
            "columnKind": "unicodeCodePoints",
            "results": self.results,
            "invocations": [{"executionSuccessful": True,
                             "toolExecutionNotifications": self.notifications}],
            "originalUriBaseIds": {"%SRCROOT%": {"description": {"text": "the folder newslint ran in"}}},
        }
        json.dump({"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}, self.out,
                  ensure_ascii=False, indent=2)
        self.out.write("\n")

    @staticmethod
    def _rule(rule) -> dict:
        doc = rule.documentation()
        return {
            "id": rule.code,
            "name": "".join(part.capitalize() for part in rule.name.split("-")),
            "shortDescription": {"text": rule.summary()},
            "fullDescription": {"text": doc},
            "help": {"text": doc, "markdown": f"**{rule.code} {rule.name}**\n\n{doc}"},
            "defaultConfiguration": {"level": _LEVEL[rule.severity], "enabled": not rule.opt_in},
            "properties": {"category": rule.category, "tags": [rule.category],
                           "fixable": rule.fixable or "no"},
        }
