"""The HTML report's style sheet, inlined in the page (no file to fetch).
Fonts are the reader's own: a system stack, with the common Arabic faces
named first for the quoted lines."""

STYLE = """
:root { --error: #c62828; --warning: #e08a00; --info: #1e6fd0; --ink: #1d232b; --muted: #5f6b7a;
  --line: #dde3ea; --panel: #f6f8fa; --mark: #ffe08a; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", "Noto Sans", "DejaVu Sans", sans-serif;
  color: var(--ink); background: #fff; }
header { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0 1.2em; padding: .8em 1.5em;
  background: #17202b; color: #fff; }
header h1 { margin: 0; font-size: 1.35em; }
header .tool { color: #a9b6c6; font-size: .9em; }
header nav { margin-left: auto; display: flex; gap: 1em; }
header nav a { color: #cfe0f5; text-decoration: none; font-size: .92em; }
section { padding: .4em 1.5em 1em; max-width: 1200px; }
h2 { font-size: 1.15em; margin: 1em 0 .5em; border-bottom: 1px solid var(--line); padding-bottom: .2em; }
h3 { font-size: 1em; margin: .8em 0 .2em; }
.note { color: var(--muted); font-size: .9em; margin: .3em 0 .6em; }
.verdict { padding: .6em 1em; border-radius: 6px; margin: .4em 0 .8em; }
.verdict.fail { background: #fdecea; border-left: 5px solid var(--error); }
.verdict.pass { background: #e8f5e9; border-left: 5px solid #2e7d32; }
.cards { display: flex; flex-wrap: wrap; gap: .6em; }
.card { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: .5em .9em;
  min-width: 8.5em; }
.card b { display: block; font-size: 1.5em; }
.card span { color: var(--muted); font-size: .85em; }
svg.chart { display: block; max-width: 100%; height: auto; margin: .3em 0 .8em; }
svg.chart text { font-size: 12px; fill: var(--ink); }
svg.chart text.value { fill: var(--muted); }
svg.chart a:hover text.label { text-decoration: underline; }
table { border-collapse: collapse; }
table.grid { margin: .4em 0 1em; font-size: .92em; }
table.grid th, table.grid td { border-bottom: 1px solid var(--line); padding: .25em .7em; text-align: right; }
table.grid th { background: var(--panel); font-weight: 600; }
table.grid td.path, table.grid th:first-child { text-align: left; }
.path { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .9em; overflow-wrap: anywhere; }
details { border: 1px solid var(--line); border-radius: 6px; margin: .4em 0; background: #fff; }
details > summary { cursor: pointer; padding: .35em .7em; background: var(--panel); border-radius: 6px; }
details[open] > summary { border-bottom: 1px solid var(--line); border-radius: 6px 6px 0 0; }
summary .counts span { font-size: .85em; margin-left: .6em; }
table.findings { width: 100%; }
table.findings td { vertical-align: top; padding: .35em .6em; border-bottom: 1px solid var(--line); }
table.findings tr:last-child td { border-bottom: 0; }
td.pos { font-family: ui-monospace, "DejaVu Sans Mono", monospace; color: var(--muted); white-space: nowrap;
  font-size: .88em; }
td.code a { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-weight: 600; color: var(--ink); }
.badge { display: inline-block; color: #fff; border-radius: 3px; padding: 0 .4em; font-size: .78em;
  font-weight: 600; }
.msg { overflow-wrap: anywhere; }
.ctx { margin-top: .25em; padding: .3em .6em; background: var(--panel); border-radius: 4px; font-size: 1.08em;
  font-family: "Noto Naskh Arabic", "Noto Sans Arabic", "Amiri", "Segoe UI", "Arial", "DejaVu Sans", serif;
  overflow-wrap: anywhere; unicode-bidi: plaintext; }
.ctx.none { color: var(--muted); font-size: .85em; font-style: italic; }
mark { background: var(--mark); border-radius: 2px; padding: 0 1px; box-shadow: 0 0 0 1px #e2b93b; }
mark.at { padding: 0; box-shadow: none; border-left: 2px solid var(--error); }
.cp { font: .7em ui-monospace, "DejaVu Sans Mono", monospace; border: 1px solid #a8b3c0; border-radius: 2px;
  padding: 0 2px; color: #3a4654; background: #fff; unicode-bidi: isolate; direction: ltr; }
.card.sev-error b, td.n.sev-error, span.sev-error { color: var(--error); }
.card.sev-warning b, td.n.sev-warning, span.sev-warning { color: var(--warning); }
.card.sev-info b, td.n.sev-info, span.sev-info { color: var(--info); }
rect.sev-error, .badge.sev-error { fill: var(--error); background: var(--error); }
rect.sev-warning, .badge.sev-warning { fill: var(--warning); background: var(--warning); }
rect.sev-info, .badge.sev-info { fill: var(--info); background: var(--info); }
.badge.sev-error, .badge.sev-warning, .badge.sev-info { color: #fff; }
.eol, .cut { color: var(--muted); }
article { border-bottom: 1px solid var(--line); padding-bottom: .4em; }
article .meta { color: var(--muted); font-size: .88em; margin: 0 0 .3em; }
article details { border: 0; }
article details > summary { background: none; padding: 0; }
.doc { white-space: pre-wrap; font-size: .9em; padding: .5em .8em; background: var(--panel); border-radius: 4px; }
"""
