"""What `check` and `baseline` share: their common arguments, and the
`Settings` of a run, decided once from the configuration and the flags
(the subcommands pass what they fix themselves; nothing edits the parsed
arguments)."""
from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path

from .. import config as config_mod
from ..cache import default_dir
from ..config import Config, Resolver
from ..discovery import WalkOptions
from ..errors import UsageError
from ..executors import ExecutorChoice
from ..executors.urls import is_url
from ..plan import Selection
from ..writer import FixMode


@dataclass(frozen=True)
class Settings:
    paths: tuple
    config: Config               # the run's: fail-on, thresholds, cache folder (found from the paths' common folder)
    selection: Selection
    reporter: type               # the reporter class
    fail_on: str
    jobs: int | None             # None: all cores
    stdin_name: str
    cache_dir: Path | None       # None: no cache
    fix: FixMode | None = None
    baseline: str | None = None  # a baseline file to filter with
    output: str | None = None    # the report file (None: standard output)
    exit_zero: bool = False
    quiet: bool = False
    statistics: bool = False
    color: str = "never"         # auto | always | never
    min_confidence: float = 0.0  # findings less confident than this are dropped
    column_unit: str = "codepoint"  # codepoint | utf-8 | utf-16, for text, full and github
    show_source: bool = False    # text: quote the flagged part of each line
    show_fixes: bool = False     # text: list the fixes applied
    configs: Resolver | None = None  # each file's configuration (None: `config` for every file)
    walk: WalkOptions = WalkOptions()
    batch_with_staged: bool = False  # batch rules also compare the files staged in git (a split pre-commit run)
    executor: ExecutorChoice | None = None  # --executor (None: the local pool)


def add_run_arguments(parser) -> None:
    """Which files, which rules, how."""
    parser.add_argument("paths", nargs="*", default=["."], metavar="PATH",
                        help="files or folders to lint ('-' reads standard input); default: .")
    parser.add_argument("--config", metavar="FILE", help="configuration file (default: discovered)")
    parser.add_argument("--isolated", action="store_true", help="ignore every configuration file")
    parser.add_argument("--force-exclude", action=argparse.BooleanOptionalAction, help="skip files and folders "
                        "named on the command line too when excluded or ignored by git (for pre-commit)")
    parser.add_argument("--respect-gitignore", action=argparse.BooleanOptionalAction,
                        help="skip what .gitignore files and .git/info/exclude ignore (default: true)")
    # "extend": a repeated flag adds to the earlier ones (ruff's habit), `--select WSP --select SID` runs both
    parser.add_argument("--select", type=_codes, action="extend",
                        help="comma-separated codes, prefixes, names or categories to run (repeatable)")
    parser.add_argument("--extend-select", type=_codes, action="extend",
                        help="add to the selected rules, the config's select included (repeatable)")
    parser.add_argument("--ignore", type=_codes, action="extend",
                        help="comma-separated codes, prefixes, names or categories to skip (repeatable)")
    parser.add_argument("--stdin-filename", default="<stdin>", metavar="NAME",
                        help="name used for standard input in reports and per-file ignores")
    parser.add_argument("--jobs", "-j", type=int, metavar="N", help="worker processes (default: all cores)")
    parser.add_argument("--cache-dir", metavar="DIR", help="where to keep results of unchanged files "
                        "(default: .newslint_cache next to the config file, else the user cache folder)")
    parser.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    parser.add_argument("--min-confidence", type=_confidence, metavar="X",
                        help="report only findings at least this confident, 0 to 1 (default: 0, all)")
    parser.add_argument("--profile", metavar="FILE", help="the learned furniture profile BLP004 reads (written by "
                        "`newslint profile`; default: the config's profile key, else .newslint-profile.json next to "
                        "the config file)")
    parser.add_argument("--no-profile", action="store_true", help="read no furniture profile")
    parser.add_argument("--debug", action="store_true", help=argparse.SUPPRESS)


def _confidence(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        number = float("nan")
    if not 0.0 <= number <= 1.0:  # NaN fails too
        raise argparse.ArgumentTypeError(f"expected a number from 0 to 1, got {value!r}")
    return number


def _codes(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def run_settings(args, registry, reporter, fail_on: str | None = None, fix: FixMode | None = None,
                 **choices) -> Settings:
    """The Settings of a run from the common arguments in `args`; the
    subcommand gives the rest: `reporter` (a class or a format name), the
    fail-on flag, the fix mode and `choices` (other Settings fields)."""
    configs = _resolver(args, registry)
    config = configs.for_folder(config_mod.start_folder([path for path in args.paths if not is_url(path)]))
    selection = Selection(args.select, args.ignore, args.extend_select)
    _check_selectors(selection, registry)
    reporter_cls = _reporter(reporter, registry)
    if args.paths.count("-") > 1:
        raise UsageError("'-' (standard input) may be given once")
    if args.jobs is not None and args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    return Settings(tuple(args.paths), config, selection, reporter_cls, fail_on or config.fail_on, args.jobs,
                    args.stdin_filename, _cache_dir(args, config, fix), fix,
                    min_confidence=config.min_confidence if args.min_confidence is None else args.min_confidence,
                    configs=configs, walk=_walk_options(args, config), **choices)


def _walk_options(args, config: Config) -> WalkOptions:
    """A flag wins over the run's config."""
    def choice(flag, key: str, default: bool) -> bool:
        return bool(config.get(key, default)) if flag is None else flag

    return WalkOptions(force_exclude=choice(args.force_exclude, "force-exclude", False),
                       respect_gitignore=choice(args.respect_gitignore, "respect-gitignore", True))


def _resolver(args, registry) -> Resolver:
    """Each file's configuration: the closest config file, or for every
    file the one --config names (--isolated: the defaults); with the
    furniture profile added to each."""
    fixed = Config() if args.isolated else config_mod.load(args.config, registry.rules) if args.config else None
    return Resolver(registry.rules, fixed, prepare=lambda config: with_profile(config, args, registry))


def with_profile(config: Config, args, registry) -> Config:
    """The config with the furniture profile's path and SHA-256 in BLP004's
    options (so the run's cache key covers the profile's content); the same
    config when the run reads no profile."""
    from .. import profile

    rule = next((r for r in registry.rules if r.code == profile.RULE), None)
    folder = str(config.path.parent) if config.path is not None else None
    path = None if args.no_profile or rule is None else profile.resolve(args.profile, config.get("profile"), folder)
    if path is None:
        return config
    rules = dict(config.get("rules") or {})
    rules[rule.code] = {**(rules.get(rule.code) or {}), **profile.rule_options(path, config.rule_options(rule))}
    return Config(config.path, config.root, {**config.data, "rules": rules})


def _check_selectors(selection: Selection, registry) -> None:
    known = config_mod.selectors_for(registry.rules)
    for selector in (selection.select or []) + (selection.ignore or []) + (selection.extend_select or []):
        if selector not in known:
            raise UsageError(f"unknown rule selector {selector!r} (see `newslint rules`)")


def _reporter(reporter, registry) -> type:
    if not isinstance(reporter, str):
        return reporter
    found = registry.reporters.get(reporter)
    if found is None:
        raise UsageError(f"unknown format {reporter!r}; choose from {', '.join(sorted(registry.reporters))}")
    return _imported(found) if isinstance(found, str) else found


def _imported(where: str) -> type:
    """The class a reporter plugin names as "package.module:Class"."""
    import importlib

    module, _, name = where.partition(":")
    try:
        found = importlib.import_module(module)
        for part in name.split("."):
            found = getattr(found, part)
        return found
    except Exception as exc:  # someone else's module: any failure is a one-line error, not a traceback
        raise UsageError(f"reporter {where!r} cannot be imported: {type(exc).__name__}: {exc}") from exc


def _cache_dir(args, config: Config, fix: FixMode | None) -> Path | None:
    """A fix run reads no cache: the files change under it. A Dask run
    neither: its workers may be on other machines than the cache."""
    if args.no_cache or fix is not None or getattr(args, "executor", None) is not None:
        return None
    return Path(args.cache_dir) if args.cache_dir else default_dir(config.path)
