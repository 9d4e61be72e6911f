"""`newslint explain CODE`: print a rule's documentation and options."""
from __future__ import annotations

import json
import sys

from ..errors import UsageError
from .exit_codes import EXIT_OK


def add_parser(sub) -> None:
    explain = sub.add_parser("explain", help="print a rule's documentation")
    explain.add_argument("rule", metavar="CODE_OR_NAME")


def command(args, registry) -> int:
    return _explain(registry, args.rule)


def _explain(registry, key: str) -> int:
    rule = registry.lookup(key)
    if rule is None:
        raise UsageError(f"unknown rule {key!r} (see `newslint rules`)")
    sys.stdout.write(explanation(rule))
    return EXIT_OK


def explanation(rule) -> str:
    """What `newslint explain` prints for `rule` (the editor server's hover
    shows it too): a head line, the documentation, the options."""
    head = f"{rule.code} {rule.name} [{rule.category}] severity: {rule.severity}"
    if rule.fixable:
        head += f", fix: {rule.fixable}"
    text = head + "\n\n" + rule.documentation() + "\n"
    if rule.options:
        text += "\nOptions:\n"
        for k, spec in rule.options.items():
            text += (f"  {k} (default {json.dumps(spec.get('default'), ensure_ascii=False)}): "
                     f"{spec.get('description', '')}\n")
    return text
