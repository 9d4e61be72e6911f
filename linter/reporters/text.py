"""`path:line:col: CODE [category] message`, one finding per line."""
from __future__ import annotations

from .base import Reporter
from .escape import for_terminal

# rich style names; rendered to terminal codes only when colour is on
_COLORS = {"error": "red", "warning": "yellow", "info": "cyan"}
_BOLD, _DIM = "bold", "dim"


class TextReporter(Reporter):
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

    def file(self, result) -> None:
        if self.ctx.statistics:
            return
        path = for_terminal(result.path)
        for f in result.findings:
            where = self._paint(f"{for_terminal(f.path)}:{f.line}:{f.column}:", _BOLD)
            code = self._paint(f.code, _COLORS[f.severity])
            category = self._paint(f"[{f.category}]", _DIM)
            self.out.write(f"{where} {code} {category} {for_terminal(f.message)}\n")
        if result.error is not None:
            self.out.write(f"{self._paint(path + ':', _BOLD)} {self._paint('error:', _COLORS['error'])} "
                           f"{for_terminal(result.error.message)}\n")

    def finish(self, summary) -> None:
        if self.ctx.statistics:
            width = max((len(str(n)) for n in summary.by_code.values()), default=1)
            for code, count in sorted(summary.by_code.items(), key=lambda kv: (-kv[1], kv[0])):
                files = summary.files_by_code[code]
                self.out.write(f"{count:>{width}}  {code}  {summary.names[code]}  ({files} files)\n")
            for category, count in sorted(summary.by_category.items(), key=lambda kv: (-kv[1], kv[0])):
                self.out.write(f"{count:>{width}}  [{category}]\n")
        for t in summary.thresholds:
            if t["exceeded"]:
                self.out.write(f"{self._paint('threshold exceeded:', _COLORS['error'])} {for_terminal(t['name'])}: "
                               f"{t['message']} ({t['files']} files, {t['findings']} findings)\n")
        if self.ctx.quiet:
            return
        if summary.baselined:
            self.out.write(f"{summary.baselined} finding{'s' if summary.baselined != 1 else ''} "
                           "left out: in the baseline.\n")
        if summary.suppressed:
            self.out.write(f"{summary.suppressed} suppressed (.newslint-ignore).\n")
        if summary.fixed:
            self.out.write(f"Fixed {summary.fixed} finding{'s' if summary.fixed != 1 else ''} in "
                           f"{summary.files_fixed} file{'s' if summary.files_fixed != 1 else ''}.\n")
        if summary.fix_skipped:
            self.out.write(f"Skipped {summary.fix_skipped} fix{'es' if summary.fix_skipped != 1 else ''} that "
                           "overlapped another fix of the same text.\n")
        if summary.findings == 0 and not summary.errors:
            self.out.write(f"All clear: {summary.files} file{'s' if summary.files != 1 else ''} checked.\n")
            return
        sev = summary.by_severity
        parts = [f"{sev.get(s, 0)} {s}" for s in ("error", "warning", "info") if sev.get(s)]
        line = (f"Found {summary.findings} finding{'s' if summary.findings != 1 else ''}"
                f"{' (' + ', '.join(parts) + ')' if parts else ''} in {summary.files_with_findings} of "
                f"{summary.files} files")
        unlinted = sum(1 for e in summary.errors if e.kind == "lint")
        unfixed = len(summary.errors) - unlinted
        if unlinted:
            line += f"; {unlinted} file{'s' if unlinted != 1 else ''} could not be linted"
        if unfixed:
            line += f"; {unfixed} file{'s' if unfixed != 1 else ''} not fixed (see the notes above)"
        if summary.fixable:
            line += f"; {summary.fixable} with a fix (--fix applies the safe ones, --unsafe-fixes all)"
        self.out.write(line + ".\n")
