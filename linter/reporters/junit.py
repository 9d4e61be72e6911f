"""JUnit XML for CI dashboards: a testsuite per file, a failure per finding,
an error per file that could not be linted. Streamed as files finish."""
from __future__ import annotations

from .base import Reporter
from .escape import for_xml


# xml.sax.saxutils' escape and quoteattr, written out: importing saxutils
# also imports urllib.request and http.client, 20 ms of every run's start-up
# for a format most runs do not use. The output is the same, character for
# character (tests/test_reports.py compares them).
def _escape(data: str) -> str:
    return data.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


def _quoteattr(data: str) -> str:
    data = _escape(data).replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;")
    if '"' not in data:
        return f'"{data}"'
    if "'" not in data:
        return f"'{data}'"
    return '"' + data.replace('"', "&quot;") + '"'


def escape(text: str) -> str:
    return _escape(for_xml(text))


def quoteattr(text: str) -> str:
    return _quoteattr(for_xml(text))


class JunitReporter(Reporter):
    def start(self) -> None:
        self.out.write('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="newslint">\n')

    def file(self, result) -> None:
        path = quoteattr(result.path)
        if result.error is not None and not result.findings:
            self.out.write(f'  <testsuite name={path} tests="1" failures="0" errors="1">\n'
                           f'    <testcase classname={path} name="lint">'
                           f'<error message={quoteattr(result.error.message)} type="unlintable"/></testcase>\n'
                           "  </testsuite>\n")
            return
        findings = result.findings
        self.out.write(f'  <testsuite name={path} tests="{max(1, len(findings))}" failures="{len(findings)}" '
                       'errors="0">\n')
        if not findings:
            self.out.write(f'    <testcase classname={path} name="lint"/>\n')
        for f in findings:
            where = f"{f.line}:{f.column}" if f.record is None else f"{f.record}:{f.line}:{f.column}"
            name = quoteattr(f"{f.code} {f.name} ({where})")
            text = escape(f"{f.place}:{f.line}:{f.column}: {f.code} [{f.category}] {f.message}")
            self.out.write(f'    <testcase classname={path} name={name}>'
                           f'<failure message={quoteattr(f.message)} type="{f.code}">{text}</failure>'
                           "</testcase>\n")
        if result.error is not None:  # records of a shard that could not be linted, beside the others' findings
            self.out.write(f'    <testcase classname={path} name="lint">'
                           f'<error message={quoteattr(result.error.message)} type="unlintable"/></testcase>\n')
        self.out.write("  </testsuite>\n")

    def finish(self, summary) -> None:
        self.out.write("</testsuites>\n")
