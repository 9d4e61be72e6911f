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
    head = f"{rule.code} {rule.name} [{rule.category}] severity: {rule.severity}"
    if rule.fixable:
        head += f", fix: {rule.fixable}"
    sys.stdout.write(head + "\n\n" + rule.documentation() + "\n")
    if rule.options:
        sys.stdout.write("\nOptions:\n")
        for k, spec in rule.options.items():
            sys.stdout.write(f"  {k} (default {json.dumps(spec.get('default'), ensure_ascii=False)}): "
                             f"{spec.get('description', '')}\n")
    return EXIT_OK
