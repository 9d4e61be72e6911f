"""`path:line:col: CODE [*] [category] severity: message`, one finding per
line (`[*]`: the next `--fix` fixes it), then a summary; with
`--show-source` (format `full`) the flagged part of the line under each."""
from __future__ import annotations

from .base import Reporter
from .columns import convert, finding_lines, line_text as _line_text
from .escape import FSI, PDI, for_terminal, isolate_rtl_quotes
from .excerpt import excerpt

# rich style names; rendered to terminal codes only when colour is on
_COLORS = {"error": "red", "warning": "yellow", "info": "cyan"}
_BOLD, _DIM = "bold", "dim"
FIXABLE_MARK = "[*]"


def _plural(count: int, word: str, suffix: str = "s") -> str:
    return f"{count} {word}{suffix if count != 1 else ''}"


class TextReporter(Reporter):
    show_source = False  # the `full` format turns it on for every run

    def start(self) -> None:
        self._styles = {}
        if self.ctx.color:
            from rich.color import ColorSystem
            from rich.style import Style

            self._system = ColorSystem.STANDARD
            self._style = Style.parse

    def _paint(self, text: str, style: str) -> str:
        if not self.ctx.color:
            return text
        if style not in self._styles:
            self._styles[style] = self._style(style)
        return self._styles[style].render(text, color_system=self._system)

    # ------------------------------------------------------------ findings

    def file(self, result) -> None:
        if self.ctx.statistics:
            return
        lines = self._source_lines(result.path) if result.findings else None
        for f in result.findings:
            self.out.write(self.finding_line(f, lines) + "\n")
            if self._shows_source() and lines is not None:
                self.out.write(self._source_block(f, lines))
        if result.error is not None:
            path = for_terminal(result.path)
            self.out.write(f"{self._paint(path + ':', _BOLD)} {self._paint('error:', _COLORS['error'])} "
                           f"{for_terminal(result.error.message)}\n")

    def _shows_source(self) -> bool:
        return self.show_source or self.ctx.show_source

    def _source_lines(self, path: str) -> list | None:
        """The file's decoded lines, when columns or excerpts need them."""
        needed = self._shows_source() or self.ctx.column_unit != "codepoint"
        if not needed or self.ctx.source is None:
            return None
        return self.ctx.source(path)

    def _position(self, f, lines: list | None) -> str:
        """`path:line:col` of a finding, the column in --column-unit."""
        column = convert(_line_text(finding_lines(lines, f), f.line), f.column, self.ctx.column_unit)
        return f"{for_terminal(f.place)}:{f.line}:{column}"

    def finding_line(self, f, lines: list | None = None) -> str:
        where = self._paint(f"{self._position(f, lines)}:", _BOLD)
        code = self._paint(f.code, _COLORS[f.severity])
        mark = f" {FIXABLE_MARK}" if self._next_fix_applies(f) else ""
        category = self._paint(f"[{f.category}]", _DIM)
        severity = self._paint(f"{f.severity}:", _COLORS[f.severity])
        return f"{where} {code}{mark} {category} {severity} {isolate_rtl_quotes(for_terminal(f.message))}"

    def _next_fix_applies(self, f) -> bool:
        """Would the next `--fix` (with this run's --unsafe-fixes) fix it?"""
        if f.fix is None:
            return False
        return f.fix.applicability == "safe" or bool(self.ctx.fix is not None and self.ctx.fix.unsafe)

    def _source_block(self, f, lines: list) -> str:
        text = _line_text(finding_lines(lines, f), f.line)
        if text is None or f.message.endswith("(file-level)"):
            return ""
        window = excerpt(text, f.column, f.end_column if f.end_line == f.line else None)
        gutter = " " * len(str(f.line))
        caret = self._paint("^" * window.width, _COLORS[f.severity])
        # isolated: a terminal that does bidi would otherwise lay the whole row out right to left,
        # the gutter on the right; the carets count cells in the line's logical order
        return (f"{self._paint(f'{f.line} |', _DIM)} {FSI}{window.text}{PDI}\n"
                f"{self._paint(f'{gutter} |', _DIM)} {' ' * window.indent}{caret}\n")

    # ------------------------------------------------------------ summary

    def finish(self, summary) -> None:
        if self.ctx.statistics:
            self._statistics(summary)
        for t in summary.thresholds:
            if t["exceeded"]:
                self.out.write(f"{self._paint('threshold exceeded:', _COLORS['error'])} {for_terminal(t['name'])}: "
                               f"{t['message']} ({t['files']} files, {t['findings']} findings)\n")
        if self.ctx.quiet:
            return
        if summary.baselined:
            self.out.write(f"{_plural(summary.baselined, 'finding')} left out: in the baseline.\n")
        if summary.suppressed:
            self.out.write(f"{summary.suppressed} suppressed (.newslint-ignore).\n")
        diff = self.ctx.fix is not None and self.ctx.fix.diff
        if summary.fixed:
            verb = "Would fix" if diff else "Fixed"
            listed = self.ctx.show_fixes and summary.fixes_by_file
            self.out.write(f"{verb} {_plural(summary.fixed, 'finding')} in {_plural(summary.files_fixed, 'file')}"
                           f"{':' if listed else '.'}\n")
            if listed:
                self._fix_list(summary.fixes_by_file)
        if summary.fix_skipped:
            self.out.write(f"Skipped {_plural(summary.fix_skipped, 'fix', 'es')} that "
                           "overlapped another fix of the same text.\n")
        if summary.findings == 0 and not summary.errors:
            if not (diff and summary.fixed):  # not clear yet: the files still hold what the diff would fix
                self.out.write(f"All clear: {_plural(summary.files, 'file')} checked.\n")
            return
        self.out.write(self._found_line(summary) + ".\n")
        failed = self._failed_line(summary)
        if failed:
            self.out.write(failed + "\n")

    def _fix_list(self, fixes_by_file: dict) -> None:
        """ruff's --show-fixes layout: each file, then count × code (name)."""
        rules = getattr(self.ctx.registry, "by_code", {})
        for path in sorted(fixes_by_file):
            self.out.write(f"- {for_terminal(path)}:\n")
            for code, count in fixes_by_file[path]:
                name = getattr(rules.get(code), "name", "")
                self.out.write(f"    {count} × {code}{f' ({name})' if name else ''}\n")

    def _statistics(self, summary) -> None:
        width = max((len(str(n)) for n in summary.by_code.values()), default=1)
        for code, count in sorted(summary.by_code.items(), key=lambda kv: (-kv[1], kv[0])):
            files = summary.files_by_code[code]
            self.out.write(f"{count:>{width}}  {code}  {summary.names[code]}  ({files} files)\n")
        for category, count in sorted(summary.by_category.items(), key=lambda kv: (-kv[1], kv[0])):
            self.out.write(f"{count:>{width}}  [{category}]\n")

    def _found_line(self, summary) -> str:
        sev = summary.by_severity
        parts = [f"{sev.get(s, 0)} {s}" for s in ("error", "warning", "info") if sev.get(s)]
        line = (f"Found {_plural(summary.findings, 'finding')}"
                f"{' (' + ', '.join(parts) + ')' if parts else ''} in {summary.files_with_findings} of "
                f"{summary.files} files")
        unlinted = sum(1 for e in summary.errors if e.kind == "lint")
        unfixed = len(summary.errors) - unlinted
        if unlinted:
            line += f"; {_plural(unlinted, 'file')} could not be linted"
        if unfixed:
            line += f"; {_plural(unfixed, 'file')} not fixed (see the notes above)"
        note = self._fixable_note(summary)
        return line + (f"; {note}" if note else "")

    def _fixable_note(self, summary) -> str:
        """What the next command would fix, counted as that command counts:
        a plain --fix applies only the safe fixes."""
        if not summary.fixable:
            return ""
        if self.ctx.fix is not None and self.ctx.fix.unsafe:
            return f"{summary.fixable} fixable with --fix --unsafe-fixes"
        safe, unsafe = summary.fixable_safe, summary.fixable - summary.fixable_safe
        note = f"{safe or 'none'} fixable with --fix"
        return note + (f" ({unsafe} more with --unsafe-fixes)" if unsafe else "")

    def _failed_line(self, summary) -> str:
        """Which findings fail the run: their count at or above --fail-on
        and where the first one is, so "8 error" can be found in a long log."""
        if self.ctx.fail_on is None:
            return ""
        count = summary.count_at_or_above(self.ctx.fail_on)
        first = summary.first_at_or_above(self.ctx.fail_on)
        if not count or first is None:
            return ""
        label = self._paint("Failed:", _COLORS["error"])
        return (f"{label} {_plural(count, 'finding')} at or above {self.ctx.fail_on} "
                f"(first: {self._position(first, self._source_lines(first.path))} {first.code})")


class FullTextReporter(TextReporter):
    """Format `full` (ruff's name): text with the source under each finding."""

    show_source = True

