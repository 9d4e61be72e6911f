"""`newslint explain CODE`: print a rule's documentation and options."""
from __future__ import annotations

import json
import re
import sys

from ..errors import UsageError
from .color import add_color_argument, use_color
from .exit_codes import EXIT_OK

# reST/Markdown inline code in the rules' docstrings: ``x`` or `x`
_INLINE_CODE = re.compile(r"``(.+?)``|`([^`\n]+)`")


def add_parser(sub) -> None:
    explain = sub.add_parser("explain", help="print a rule's documentation")
    explain.add_argument("rule", metavar="CODE_OR_NAME")
    add_color_argument(explain)


def command(args, registry) -> int:
    return _explain(registry, args.rule, use_color(args.color, sys.stdout))


def render_inline_code(text: str, color: bool) -> str:
    """`text` with its inline-code markup turned into what a terminal
    shows: the code without its backticks, bold cyan when colour is on."""
    paint = _bold_cyan() if color else None

    def code(match: re.Match) -> str:
        inner = match.group(1) if match.group(1) is not None else match.group(2)
        return paint(inner) if paint else inner
    return _INLINE_CODE.sub(code, text)


def _bold_cyan():
    from rich.color import ColorSystem
    from rich.style import Style

    style = Style.parse("bold cyan")
    return lambda text: style.render(text, color_system=ColorSystem.STANDARD)


def _explain(registry, key: str, color: bool = False) -> int:
    rule = registry.lookup(key)
    if rule is None:
        raise UsageError(f"unknown rule {key!r} (see `newslint rules`)")
    head = f"{rule.code} {rule.name} [{rule.category}] severity: {rule.severity}"
    if rule.fixable:
        head += f", fix: {rule.fixable}"
    sys.stdout.write(head + "\n\n" + render_inline_code(rule.documentation(), color) + "\n")
    if rule.options:
        sys.stdout.write("\nOptions:\n")
        for k, spec in rule.options.items():
            sys.stdout.write(f"  {k} (default {json.dumps(spec.get('default'), ensure_ascii=False)}): "
                             f"{render_inline_code(spec.get('description', ''), color)}\n")
    return EXIT_OK
