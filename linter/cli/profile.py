"""`newslint profile`: learn each source folder's furniture (BLP004) from a
large run and write it to a profile file that later runs read, so a
pre-commit run on a few files flags what the whole repository shows."""
from __future__ import annotations

import os
import sys

from .. import config as config_mod
from ..config import Config
from ..errors import UsageError
from ..profile import PROFILE_NAME, RULE
from .exit_codes import EXIT_OK


def add_parser(sub) -> None:
    parser = sub.add_parser("profile", help="learn each folder's site furniture (BLP004) and write the profile "
                            "that later runs read")
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files or folders to learn from")
    parser.add_argument("--output", "-o", metavar="FILE", default=PROFILE_NAME,
                        help=f"profile file to write (default: {PROFILE_NAME}); its folders are relative to it")
    parser.add_argument("--config", metavar="FILE", help="configuration file (default: discovered)")
    parser.add_argument("--isolated", action="store_true", help="ignore every configuration file")
    parser.add_argument("--jobs", "-j", type=int, metavar="N", help="worker processes (default: all cores)")


def command(args, registry) -> int:
    from ..profile import profile_data, write

    if args.jobs is not None and args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    rule = _rule_module(registry)
    config = Config() if args.isolated else config_mod.load(args.config, registry.rules,
                                                            start=config_mod.start_folder(args.paths))
    options = config.rule_options(rule.SiteFurniture)
    sketches = _sketches(args, registry, config)
    base = os.path.dirname(os.path.abspath(args.output))
    learned, totals = rule.learn(sketches, options, base)
    data = profile_data(learned, totals, _examples(rule, sketches, learned, options, base), options)
    write(args.output, data)
    count = sum(len(t) for t in learned.values())
    print(f"newslint: profile: {count} furniture templates in {len(data['folders'])} of {len(totals)} folders "
          f"({len(sketches)} files) written to {args.output}", file=sys.stderr)
    return EXIT_OK


def _rule_module(registry):
    """BLP004's module: its template and learning functions make the profile."""
    import importlib

    rule = next((r for r in registry.rules if r.code == RULE), None)
    if rule is None:
        raise UsageError(f"rule {RULE} is not installed")
    return importlib.import_module(rule.__module__)


def _sketches(args, registry, config: Config) -> list:
    """(path, BLP004 sketch) of every discovered file, linted with BLP004 only."""
    from ..discovery import discover
    from ..engine import LintPlan
    from ..plan import RunPlan, Selection
    from ..runner import RunOptions, default_jobs, iter_linted

    found = discover(list(args.paths), config)
    if "-" in found.paths:
        raise UsageError("newslint profile learns from files, not standard input")
    spec = RunPlan.build(registry.rules, config, Selection(select=(RULE,)))
    plan = LintPlan.bind(spec, registry)
    options = RunOptions(jobs=args.jobs or default_jobs())
    return [(linted.result.path, linted.sketches[RULE]) for linted in iter_linted(found.paths, plan, options)
            if RULE in linted.sketches]


def _examples(rule, sketches: list, learned: dict, options: dict, base: str) -> dict:
    """(folder, key) -> the template's text, from the first file it occurs
    in: the sketches hold hashes only, to stay small, so this reads one
    file per template."""
    from ..document import Document
    from ..reading import read_bytes

    wanted = {}
    for path, (_, lines, _) in sketches:
        folder = rule.folder_of(path, base)
        for row in rule.sketch_rows(lines):  # packed rows
            if row[2] in learned.get(folder, {}):
                wanted.setdefault((folder, row[2]), path)
    texts = {}
    for path in sorted(set(wanted.values())):
        data = read_bytes(path)
        if isinstance(data, bytes):
            texts[path] = rule.templates_of(Document(path, data), options)
    return {key: texts.get(path, {}).get(key[1], "") for key, path in wanted.items()}

