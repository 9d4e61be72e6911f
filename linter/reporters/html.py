"""One self-contained HTML page for people to look at a batch: the verdict
and counts, bar charts (inline SVG) per rule, per category and per folder,
the worst files, and every finding with its line quoted, the span marked.

Nothing is fetched: no script, no font, no image, no link out of the page;
the style is inline. Everything shown from the batch (file names, messages,
article text) is escaped. The page lists at most FINDINGS_SHOWN findings,
shared fairly: every file its first k (k at most FINDINGS_PER_FILE, as
large as the budget allows); the counts and charts cover every finding, and
the page says where it cuts.
"""
from __future__ import annotations

import os
import re
from collections import Counter
from dataclasses import dataclass, field
from html import escape

from ..models import SEVERITIES, SEVERITY_RANK, FileError
from .base import Reporter
from .columns import finding_lines
from .escape import for_terminal
from .html_quote import quote
from .html_style import STYLE
from .svg import Bar, bar_chart

FINDINGS_PER_FILE = 50
FINDINGS_SHOWN = 15_000   # in the whole page: a 10,000-file batch stays a page a browser opens quickly (~10 MB)
WORST_FILES = 25
FOLDERS_CHARTED = 30
OPEN_FILES = 10           # with this many files with findings or fewer, each file's list starts open


def text(value) -> str:
    """A name or message from the batch, safe in HTML: escaped, and
    terminal-unsafe characters (direction overrides, controls) spelled out."""
    return escape(for_terminal(str(value)))


def text_block(value: str) -> str:
    """`text` for a block of lines (a rule's documentation): the line
    breaks kept."""
    return "\n".join(text(line) for line in value.splitlines())


_QUOTED = re.compile(r'"([^"\n]*)"')


def message_html(value: str) -> str:
    """A finding's message, each quoted fragment in <bdi>: a message is a
    Latin sentence quoting Arabic text, and without the isolation the quote
    marks and the words around an Arabic fragment trade places."""
    out, last = [], 0
    for m in _QUOTED.finditer(value):
        out.append(f'{text(value[last:m.start()])}"<bdi>{text(m.group(1))}</bdi>"')
        last = m.end()
    out.append(text(value[last:]))
    return "".join(out)


def rule_anchor(code: str) -> str:
    return "rule-" + re.sub(r"[^A-Za-z0-9_-]", "_", code)


@dataclass
class _File:
    path: str
    number: int                      # its anchor is f-<number>
    severities: Counter = field(default_factory=Counter)
    shown: list = field(default_factory=list)     # (Finding, quoted line HTML or None), its first findings
    errors: list = field(default_factory=list)    # FileErrors

    @property
    def total(self) -> int:
        return sum(self.severities.values())

    def rank(self) -> tuple:
        """Worst first: most errors, then most findings."""
        return (-self.severities["error"], -self.total, self.path)


class HtmlReporter(Reporter):
    show_source = True  # it quotes each finding's line: the run must hand it the source (ctx.source)

    def start(self) -> None:
        self.files: dict[str, _File] = {}
        self.by_code = Counter()       # (code, severity) -> findings
        self.by_category = Counter()   # (category, severity) -> findings

    def file(self, result) -> None:
        entry = self.files.get(result.path)
        if entry is None:
            entry = self.files[result.path] = _File(result.path, len(self.files))
        if result.error is not None:
            entry.errors.append(result.error)
        if result.findings:
            self._add(entry, result.findings)

    def _add(self, entry: _File, findings: tuple) -> None:
        show = findings[:max(0, FINDINGS_PER_FILE - len(entry.shown))]
        lines = self._lines(entry.path) if show else None
        entry.shown.extend((f, _quoted(f, lines)) for f in show)
        entry.shown.sort(key=lambda item: item[0].sort_key())  # batch findings come after the file's own
        for f in findings:
            entry.severities[f.severity] += 1
            self.by_code[f.code, f.severity] += 1
            self.by_category[f.category, f.severity] += 1

    def _lines(self, path: str):
        source = self.ctx.source
        return source(path) if source is not None else None

    def finish(self, summary) -> None:
        page = _Page(self, summary)
        self.out.write(page.render())


def _quoted(finding, lines) -> str | None:
    lines = finding_lines(lines, finding)
    if lines is None or not 0 < finding.line <= len(lines):
        return None
    return quote(lines[finding.line - 1], finding.line, finding.column, finding.end_line, finding.end_column)


def _position(f) -> str:
    """`line:column`, or `record:line:column` in a container's record."""
    return f"{f.line}:{f.column}" if f.record is None else f"{f.record}:{f.line}:{f.column}"


def _record_attr(f) -> str:
    return "" if f.record is None else f' data-record="{f.record}"'


def per_file_limit(counts: list[int], budget: int) -> int:
    """The largest k (at most FINDINGS_PER_FILE) for which listing each
    file's first k of its `counts` findings stays within `budget`."""
    limit = 0
    while limit < FINDINGS_PER_FILE and sum(min(n, limit + 1) for n in counts) <= budget:
        limit += 1
    return limit


def verdict(summary, fail_on: str | None) -> list[str]:
    """Why the run fails at `fail_on` (the exit code 1 conditions); empty
    when it passes (always with --exit-zero: `fail_on` None)."""
    if fail_on is None:
        return []
    reasons = []
    failing = sum(n for s, n in summary.by_severity.items() if SEVERITY_RANK[s] >= SEVERITY_RANK[fail_on])
    if failing:
        reasons.append(f"{failing:,} finding{_s(failing)} at or above {fail_on}")
    unlinted = sum(1 for e in summary.errors if e.kind == "lint")
    if unlinted:
        reasons.append(f"{unlinted:,} file{_s(unlinted)} could not be linted")
    unfixed = len(summary.errors) - unlinted
    if unfixed:
        reasons.append(f"{unfixed:,} file{_s(unfixed)} not fixed")
    reasons.extend(f"threshold {t['name']} exceeded: {t['message']}" for t in summary.thresholds if t["exceeded"])
    return reasons


def _banner(reasons: list[str], fail_on: str | None) -> str:
    if fail_on is None:
        return '<div class="verdict pass"><strong>Passes</strong>: --exit-zero, nothing fails the run.</div>'
    if reasons:
        return (f'<div class="verdict fail"><strong>Fails</strong> at --fail-on {text(fail_on)}: '
                f'{text("; ".join(reasons))}.</div>')
    return (f'<div class="verdict pass"><strong>Passes</strong> at --fail-on {text(fail_on)}: '
            'nothing at or above it, every file linted.</div>')


def _s(n: int) -> str:
    return "" if n == 1 else "s"


_PLURAL = {"error": "errors", "warning": "warnings", "info": "info"}


def _count(n: int, severity: str) -> str:
    return f"{n:,} {severity if n == 1 else _PLURAL[severity]}"


def folder_of(path: str, root: str) -> str:
    """The folder a file counts under: the first path component below the
    checked root (a site's folder), else (a file in the root itself, or no
    common root) the name of the folder that holds it."""
    if root:
        parts = os.path.relpath(path, root).replace("\\", "/").split("/")
        if len(parts) > 1 and parts[0] != "..":
            return parts[0]
    parent = os.path.dirname(os.path.normpath(path))
    return os.path.basename(os.path.abspath(parent or ".")) or parent


def common_root(paths: list[str]) -> str:
    """The deepest folder that holds every path ("" when there is none:
    absolute and relative paths mixed, or other drives)."""
    folders = [os.path.dirname(os.path.normpath(p)) for p in paths]
    try:
        return (os.path.commonpath(folders) or ".") if folders else ""
    except ValueError:
        return ""


class _Page:
    """The page, section by section, from what the reporter kept."""

    def __init__(self, reporter: HtmlReporter, summary):
        self.r, self.summary, self.ctx = reporter, summary, reporter.ctx
        self.registry = reporter.ctx.registry
        self.with_findings = [f for f in reporter.files.values() if f.total]

    def render(self) -> str:
        body = "".join([self._header(), self._summary(), self._charts(), self._folders(), self._worst(),
                        self._findings(), self._unlinted(), self._rules()])
        return ('<!DOCTYPE html>\n<html lang="en" dir="ltr"><head><meta charset="utf-8">'
                '<meta name="viewport" content="width=device-width, initial-scale=1">'
                f'<title>newslint report: {self.summary.findings:,} findings in {self.summary.files:,} files</title>'
                f'<style>{STYLE}</style></head><body>{body}</body></html>\n')

    def _header(self) -> str:
        links = "".join(f'<a href="#{anchor}">{label}</a>' for anchor, label in (
            ("summary", "Summary"), ("charts", "Rules"), ("folders", "Folders"), ("worst", "Worst files"),
            ("files", "Findings"), ("rules", "Rule reference")))
        return (f'<header><h1>newslint report</h1><span class="tool">newslint {text(self.ctx.tool_version)}</span>'
                f'<nav>{links}</nav></header>')

    # ---------------------------------------------------------------- summary

    def _summary(self) -> str:
        s = self.summary
        banner = _banner(verdict(s, self.ctx.fail_on), self.ctx.fail_on)
        cards = [("files checked", s.files, ""), ("files with findings", s.files_with_findings, ""),
                 ("findings", s.findings, "")]
        cards += [(_PLURAL[severity], s.by_severity.get(severity, 0), f"sev-{severity}") for severity in SEVERITIES]
        cards += [(label, n, "") for label, n in (
            ("could not be linted", sum(1 for e in s.errors if e.kind == "lint")), ("with a fix", s.fixable),
            ("fixed", s.fixed), ("left out by the baseline", s.baselined)) if n]
        tiles = "".join(f'<div class="card {css}"><b>{n:,}</b><span>{label}</span></div>' for label, n, css in cards)
        return f'<section id="summary"><h2>Summary</h2>{banner}<div class="cards">{tiles}</div></section>'

    # ---------------------------------------------------------------- charts

    def _charts(self) -> str:
        if not self.summary.findings:
            return ""
        rules = self._stacked(self.r.by_code)
        rule_bars = [Bar(f"{code} {self.summary.names.get(code, '')}", parts, "#" + rule_anchor(code))
                     for code, parts in rules]
        category_bars = [Bar(category, parts) for category, parts in self._stacked(self.r.by_category)]
        return ('<section id="charts"><h2>Findings per rule</h2>' + bar_chart(rule_bars, "Findings per rule")
                + '<h2>Findings per category</h2>' + bar_chart(category_bars, "Findings per category")
                + '</section>')

    @staticmethod
    def _stacked(counts: Counter) -> list:
        """[(key, ((n, css) per severity))], largest total first."""
        keys = {key for key, _ in counts}
        rows = [(key, tuple((counts[key, s], f"sev-{s}") for s in SEVERITIES)) for key in keys]
        return sorted(rows, key=lambda row: (-sum(n for n, _ in row[1]), row[0]))

    # ---------------------------------------------------------------- folders

    def _folders(self) -> str:
        groups = self._groups()
        if not groups:
            return ""
        rows = "".join(
            f'<tr><td class="path">{text(name)}</td><td>{g["files"]:,}</td><td>{g["flagged"]:,}</td>'
            + "".join(f'<td class="n sev-{s}">{g[s]:,}</td>' for s in SEVERITIES)
            + f'<td>{g["findings"]:,}</td><td>{g["unlinted"]:,}</td></tr>'
            for name, g in groups)
        charted = [Bar(for_terminal(name), tuple((g[s], f"sev-{s}") for s in SEVERITIES))
                   for name, g in groups[:FOLDERS_CHARTED] if g["findings"]]
        note = (f'<p class="note">The chart shows the {FOLDERS_CHARTED} folders with the most findings of '
                f'{len(groups):,}.</p>' if len(groups) > FOLDERS_CHARTED else "")
        chart = bar_chart(charted, "Findings per folder") if charted else ""
        return ('<section id="folders"><h2>Per folder</h2><p class="note">Each file counts under the first '
                'folder below the checked folder (a site), or under that folder itself.</p>'
                f'{chart}{note}<table class="grid"><thead><tr><th>folder</th><th>files</th><th>with findings</th>'
                + "".join(f"<th>{s}</th>" for s in SEVERITIES)
                + f'<th>findings</th><th>not linted</th></tr></thead><tbody>{rows}</tbody></table></section>')

    def _groups(self) -> list:
        """[(folder, counts)], most findings first."""
        root = common_root(list(self.r.files))
        groups: dict[str, Counter] = {}
        for entry in self.r.files.values():
            g = groups.setdefault(folder_of(entry.path, root), Counter())
            g["files"] += 1
            g["flagged"] += bool(entry.total)
            g["findings"] += entry.total
            g["unlinted"] += any(e.kind == "lint" for e in entry.errors)
            g.update(entry.severities)
        return sorted(groups.items(), key=lambda kv: (-kv[1]["findings"], -kv[1]["files"], kv[0]))

    # ---------------------------------------------------------------- worst files

    def _worst(self) -> str:
        worst = sorted(self.with_findings, key=_File.rank)[:WORST_FILES]
        if not worst:
            return ""
        rows = "".join(
            f'<tr><td class="path"><a href="#f-{f.number}">{text(f.path)}</a></td>'
            + "".join(f'<td class="n sev-{s}">{f.severities[s]:,}</td>' for s in SEVERITIES)
            + f'<td>{f.total:,}</td></tr>' for f in worst)
        return ('<section id="worst"><h2>Worst files</h2><p class="note">Most errors first, then most findings.</p>'
                '<table class="grid"><thead><tr><th>file</th>' + "".join(f"<th>{s}</th>" for s in SEVERITIES)
                + f'<th>findings</th></tr></thead><tbody>{rows}</tbody></table></section>')

    # ---------------------------------------------------------------- every finding

    def _findings(self) -> str:
        if not self.with_findings:
            return ""
        opened = " open" if len(self.with_findings) <= OPEN_FILES else ""
        limit = per_file_limit([f.total for f in self.with_findings], FINDINGS_SHOWN)
        files = "".join(self._file(f, opened, limit) for f in self.with_findings)
        cut = sum(f.total - min(f.total, limit) for f in self.with_findings)
        note = (f'The page lists at most {FINDINGS_SHOWN:,} findings: each file its first {limit}. '
                f'{cut:,} more are counted above but not listed (the json format lists every one).' if cut else
                'Every finding is listed.')
        quoted = "" if self.ctx.source is not None else (
            " Lines are not quoted in this run: the files on disk do not hold the text that was linted (--diff).")
        return f'<section id="files"><h2>Findings</h2><p class="note">{note}{quoted}</p>{files}</section>'

    def _file(self, entry: _File, opened: str, limit: int) -> str:
        counts = ", ".join(f'<span class="sev-{s}">{_count(entry.severities[s], s)}</span>'
                           for s in SEVERITIES if entry.severities[s])
        rows = "".join(self._finding(f, quoted) for f, quoted in entry.shown[:limit])
        hidden = entry.total - min(entry.total, limit)
        more = f'<p class="note">{hidden:,} more finding{_s(hidden)} in this file not listed.</p>' if hidden else ""
        return (f'<details id="f-{entry.number}"{opened}><summary><span class="path">{text(entry.path)}</span> '
                f'<span class="counts">{counts}</span></summary><table class="findings"><tbody>{rows}</tbody>'
                f'</table>{more}</details>')

    @staticmethod
    def _finding(f, quoted: str | None) -> str:
        context = (f'<div class="ctx" dir="auto" lang="ar">{quoted}</div>' if quoted is not None else
                   '<div class="ctx none">line not available</div>')
        return (f'<tr class="finding" data-code="{text(f.code)}" data-severity="{f.severity}" data-line="{f.line}" '
                f'data-column="{f.column}"{_record_attr(f)}><td class="pos">{_position(f)}</td>'
                f'<td><span class="badge sev-{f.severity}">{f.severity}</span></td>'
                f'<td class="code"><a href="#{rule_anchor(f.code)}" title="{text(f.name)}">{text(f.code)}</a></td>'
                f'<td class="what"><div class="msg" dir="auto">{message_html(f.message)}</div>{context}</td></tr>')

    # ---------------------------------------------------------------- errors, rules

    def _unlinted(self) -> str:
        errors = [e for f in self.r.files.values() for e in f.errors]
        if not errors:
            return ""
        rows = "".join(f'<tr><td class="path">{text(e.path)}</td><td>{_error_kind(e)}</td><td>{text(e.message)}</td>'
                       '</tr>' for e in errors)
        return ('<section id="unlinted"><h2>Files not linted or not fixed</h2><table class="grid"><thead><tr>'
                f'<th>file</th><th>what</th><th>why</th></tr></thead><tbody>{rows}</tbody></table></section>')

    def _rules(self) -> str:
        codes = sorted({code for code, _ in self.r.by_code})
        if not codes:
            return ""
        return ('<section id="rules"><h2>Rule reference</h2>' + "".join(self._rule(code) for code in codes)
                + '</section>')

    def _rule(self, code: str) -> str:
        rule = self.registry.by_code.get(code) if self.registry is not None else None
        name = self.summary.names.get(code, "")
        count = sum(n for (c, _), n in self.r.by_code.items() if c == code)
        files = self.summary.files_by_code[code]
        if rule is None:
            return (f'<article id="{rule_anchor(code)}"><h3>{text(code)} {text(name)}</h3>'
                    f'<p>{count:,} findings.</p></article>')
        return (f'<article id="{rule_anchor(code)}"><h3>{text(code)} {text(rule.name)}</h3>'
                f'<p class="meta">{text(rule.category)} · default severity {text(rule.severity)} · '
                f'{count:,} finding{_s(count)} in {files:,} file{_s(files)} in this run</p>'
                f'<details><summary>{text(rule.summary())}</summary><div class="doc">{text_block(rule.documentation())}'
                '</div></details></article>')


def _error_kind(error: FileError) -> str:
    return "not fixed" if error.kind == "fix" else "not linted"
