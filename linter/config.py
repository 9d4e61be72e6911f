"""Find, load and validate the configuration, and answer questions about it.

Each linted file uses, as in ruff, ``--config FILE`` when given; else the
closest ``.newslint.yaml`` / ``.newslint.yml`` or ``pyproject.toml`` with a
``[tool.newslint]`` table in its folder or above, stopping at the
repository root (the first folder holding ``.git``); no file at all gives
the built-in defaults (`Resolver`). The run's own settings (fail-on,
thresholds, the cache folder) come from the configuration of the linted
paths' common folder.

YAML is read with ruamel.yaml's round-trip loader: it is as safe as the
``safe`` loader (no Python objects are built from tags) and it keeps line
numbers, so a wrong key is reported with its line.
"""
from __future__ import annotations

import copy
import json
import math
import os
import re
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import ConfigError, UsageError
from .globs import glob_problem

CONFIG_NAMES = (".newslint.yaml", ".newslint.yml")
DEFAULT_INCLUDE = ["**/*.txt", "**/*.jsonl", "**/*.jsonl.gz", "**/*.parquet"]  # shards: see docs/containers.md
# ruff's default excludes (version control, environments, tool caches,
# build outputs), with Python's own droppings and newslint's cache
DEFAULT_EXCLUDE = [".bzr", ".direnv", ".eggs", ".git", ".git-rewrite", ".hg", ".ipynb_checkpoints",
                   ".mypy_cache", ".nox", ".pants.d", ".pyenv", ".pytest_cache", ".pytype", ".ruff_cache",
                   ".svn", ".tox", ".venv", ".vscode", "__pypackages__", "_build", "buck-out", "build", "dist",
                   "node_modules", "site-packages", "venv", "*.egg-info", "__pycache__", ".newslint_cache"]
_CODE_LIKE = re.compile(r"^[A-Za-z]+[0-9]*$")
# A configuration is a few levels deep; deeper nesting is an attack on the
# recursive YAML composer (and on everything that walks the result).
MAX_DEPTH = 32
# int() refuses more than 4,300 digits; no setting needs more than a few.
MAX_DIGITS = 100
_LONG_INTEGER = re.compile(r"[-+]?[0-9][0-9_]{%d,}" % MAX_DIGITS)
GLOB_KEYS = ("include", "extend-include", "exclude", "extend-exclude")


def base_schema() -> dict:
    text = resources.files("newslint.schemas").joinpath("config.schema.json").read_text(encoding="utf-8")
    return json.loads(text)


def selectors_for(rules) -> list[str]:
    """Every string that may name rules: ALL, codes and their prefixes,
    names, categories."""
    out = {"ALL"}
    for rule in rules:
        out.add(rule.name)
        out.add(rule.category)
        letters = re.match(r"[A-Z]+", rule.code).group()
        for i in range(len(letters), len(rule.code) + 1):
            out.add(rule.code[:i])
    return sorted(out)


def assembled_schema(rules) -> dict:
    """The config schema with the installed rules' codes and options filled in."""
    schema = copy.deepcopy(base_schema())
    schema["$defs"]["selector"] = {"type": "string", "enum": selectors_for(rules)}
    props = schema["properties"]["rules"]["properties"]
    for rule in rules:
        entry = {"type": "object", "additionalProperties": False,
                 "properties": {k: {kk: vv for kk, vv in v.items()} for k, v in rule.options.items()},
                 "description": rule.summary()}
        props[rule.name] = entry
        props[rule.code] = entry
    schema["properties"]["rules"]["additionalProperties"] = False
    return schema


@dataclass
class Config:
    path: Path | None = None            # the file it came from, if any
    root: Path = field(default_factory=Path.cwd)  # folder globs are relative to
    data: dict = field(default_factory=dict)

    def get(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default)

    @property
    def include(self) -> list[str]:
        return list(self.get("include", DEFAULT_INCLUDE)) + list(self.get("extend-include", []))

    @property
    def exclude(self) -> list[str]:
        return list(self.get("exclude", DEFAULT_EXCLUDE)) + list(self.get("extend-exclude", []))

    @property
    def fail_on(self) -> str:
        return self.get("fail-on", "warning")

    @property
    def min_confidence(self) -> float:
        return float(self.get("min-confidence", 0.0))

    def rule_options(self, rule) -> dict:
        options = rule.defaults()
        for key in (rule.name, rule.code):
            options.update(self.get("rules", {}).get(key, {}) or {})
        return options

    def describe(self) -> str:
        return str(self.path) if self.path else "built-in defaults"


def matches(selector: str, rule) -> bool:
    if selector == "ALL":
        return True
    if selector in (rule.name, rule.category):
        return True
    return bool(_CODE_LIKE.match(selector)) and rule.code.startswith(selector.upper())


def select_rules(rules, select, ignore) -> list:
    def selected(rule) -> bool:
        if rule.opt_in:
            return any(s.upper() == rule.code or s == rule.name for s in select)
        return any(matches(s, rule) for s in select)

    return [r for r in rules if selected(r) and not any(matches(s, r) for s in ignore)]


# ---------------------------------------------------------------- loading

def discover(start: Path) -> Path | None:
    """The config file for `start`: in it or a parent, but not above the
    repository root (a config dropped in a shared parent folder must not
    switch a project's rules off)."""
    for folder in [start, *start.parents]:
        found = config_file_in(folder)
        if found is not None:
            return found
        if is_repository_root(folder):
            return None
    return None


def is_repository_root(folder: Path) -> bool:
    return os.path.lexists(folder / ".git")  # a folder, or a file in worktrees and submodules


def config_file_in(folder: Path, names=None) -> Path | None:
    """The config file in `folder` itself, if any. `names` (the folder's
    entries, when the caller listed it) saves a system call per name."""
    for name in (*CONFIG_NAMES, "pyproject.toml"):
        path = folder / name
        if (names is None or name in names) and path.is_file() \
                and (name != "pyproject.toml" or _has_tool_table(path)):
            return path
    return None


class Resolver:
    """Which configuration each linted file uses, as in ruff: the closest
    config file in its folder or above (not above the repository root),
    else the built-in defaults; with `fixed` (``--config``, ``--isolated``)
    that one for every file. Each config file is loaded once, and
    `prepare` (the CLI's additions, such as the furniture profile) applied
    to it once, so files of one configuration share one Config object."""

    def __init__(self, rules, fixed: Config | None = None, prepare=None, cwd: Path | None = None):
        self.rules = rules
        self._prepare = prepare or (lambda config: config)
        self.fixed = None if fixed is None else self._prepare(fixed)
        self._cwd = cwd or Path.cwd()
        self._loaded: dict = {}   # config file (None: defaults) -> Config
        self._folders: dict = {}  # folder -> Config, for folders resolved by walking up

    @classmethod
    def of(cls, config: Config) -> "Resolver":
        """`config` for every file."""
        return cls((), fixed=config)

    def for_folder(self, folder) -> Config:
        """The configuration of files in `folder` (found walking up)."""
        if self.fixed is not None:
            return self.fixed
        folder = Path(os.path.abspath(folder))
        if folder not in self._folders:
            self._folders[folder] = self._config_at(discover(folder.resolve()))
        return self._folders[folder]

    def below(self, folder, parent: Config, names=None) -> Config:
        """The configuration of `folder`, met while walking down from a
        folder that uses `parent`: its own config file, else `parent`."""
        if self.fixed is not None:
            return self.fixed
        found = config_file_in(Path(folder), names)
        return parent if found is None else self._config_at(found)

    def _config_at(self, path: Path | None) -> Config:
        key = None if path is None else path.resolve()
        if key not in self._loaded:
            config = Config(None, self._cwd, {}) if path is None else load_file(path, self.rules)
            self._loaded[key] = self._prepare(config)
        return self._loaded[key]


def start_folder(paths: list[str], cwd: Path | None = None) -> Path:
    """Where config discovery starts: the folder of the linted path (a
    file's folder), for several paths their common folder; standard input
    alone starts from the working directory."""
    cwd = cwd or Path.cwd()
    folders = [p if os.path.isdir(p) else os.path.dirname(p) or "." for p in paths if p != "-"]
    if not folders:
        return cwd
    try:
        return Path(os.path.commonpath([os.path.abspath(cwd / f) for f in folders]))
    except ValueError:  # pragma: no cover - paths on different Windows drives
        return cwd


def _has_tool_table(path: Path) -> bool:
    """Does the pyproject.toml at `path` configure newslint? One that is
    not valid TOML is an error, as in ruff: skipping it would run every rule
    where the project meant to configure them."""
    return _tool_table(_read_toml(path)) is not None


def _tool_table(data: dict):
    """The ``[tool.newslint]`` table of parsed TOML, or None (a ``tool``
    that is not a table has none)."""
    tool = data.get("tool")
    return tool.get("newslint") if isinstance(tool, dict) else None


_TOML_WHERE = re.compile(r"\s*\(at line (\d+), column \d+\)$")


def _read_toml(path: Path) -> dict:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror}") from exc
    except tomllib.TOMLDecodeError as exc:
        where = _TOML_WHERE.search(str(exc))   # tomllib puts the line in the message only
        location = f"{path}:{where.group(1)}" if where else str(path)
        problem = _TOML_WHERE.sub("", str(exc))
        raise ConfigError(f"{location}: not valid TOML: {problem}") from exc
    except ValueError as exc:  # an integer too long for int()
        raise ConfigError(f"{path}: not valid TOML: {exc}") from exc
    except RecursionError as exc:
        raise ConfigError(f"{path}: not valid TOML: nested too deeply") from exc


YAML_SUFFIXES = (".yaml", ".yml")


def load(explicit: str | None, rules, cwd: Path | None = None, start: Path | None = None) -> Config:
    """The configuration: `explicit`, else discovered from `start` (default:
    the working directory)."""
    cwd = cwd or Path.cwd()
    if explicit:
        path = Path(explicit)
        if not path.is_file():
            raise UsageError(f"config file not found: {explicit}")
    else:
        path = discover((start or cwd).resolve())
    if path is None:
        return Config(None, cwd, {})
    return load_file(path, rules)


def load_file(path: Path, rules) -> Config:
    """The configuration in the file at `path`, read by its suffix: TOML
    (a pyproject's ``[tool.newslint]``, else the whole file, like ruff.toml)
    or YAML."""
    suffix = path.suffix.lower()
    if suffix == ".toml":
        data, node = _toml_table(path), None
    elif suffix in YAML_SUFFIXES:
        node = _read_yaml(path)
        data = _plain(node) if node is not None else {}
        if not isinstance(data, dict):
            raise ConfigError(f"{path}:1: the configuration must be a mapping of keys, not {type(data).__name__}")
    else:
        raise UsageError(f"{path}: unknown configuration format (expected .yaml, .yml or .toml)")
    _validate(data, node, path, rules)
    return Config(path, path.parent.resolve(), data)


def _toml_table(path: Path) -> dict:
    """newslint's table of a TOML file: ``[tool.newslint]`` of a pyproject
    (or of any file with that table), else the whole file."""
    data = _read_toml(path)
    table = _tool_table(data)
    if table is not None:
        return table
    return {} if path.name == "pyproject.toml" else data


def _read_yaml(path: Path):
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from exc
    try:
        _refuse_hostile_yaml(YAML(typ="rt").parse(text), path)
        return YAML(typ="rt").load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark
        line = mark.line + 1 if mark else 1
        raise ConfigError(f"{path}:{line}: not valid YAML: {exc.problem}") from exc
    except (YAMLError, ValueError) as exc:
        raise ConfigError(f"{path}: not valid YAML: {exc}") from exc


def _refuse_hostile_yaml(events, path: Path) -> None:
    """Stop, from the parser's events and before anything is built, what
    would make loading or validating unbounded: aliases (nested ones expand
    exponentially, "billion laughs"), deep nesting, huge integers."""
    from ruamel.yaml.events import AliasEvent, CollectionEndEvent, CollectionStartEvent, ScalarEvent

    depth = 0
    for event in events:
        line = event.start_mark.line + 1
        if isinstance(event, AliasEvent) or getattr(event, "anchor", None):
            raise ConfigError(f"{path}:{line}: YAML anchors and aliases are not allowed in a configuration")
        if isinstance(event, CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise ConfigError(f"{path}:{line}: nested more than {MAX_DEPTH} levels deep")
        elif isinstance(event, CollectionEndEvent):
            depth -= 1
        elif isinstance(event, ScalarEvent) and _LONG_INTEGER.fullmatch(event.value):
            raise ConfigError(f"{path}:{line}: a number with more than {MAX_DIGITS} digits")


def _plain(node):
    """ruamel's commented containers -> plain dicts, lists and scalars."""
    if isinstance(node, dict):
        return {str(k): _plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_plain(v) for v in node]
    if isinstance(node, str):
        return str(node)
    return node


@lru_cache(maxsize=8)
def _validator_for(rule_set: tuple):
    from jsonschema import Draft202012Validator

    return Draft202012Validator(assembled_schema(rule_set))


def _validate(data: dict, node, path: Path, rules) -> None:
    validator = _validator_for(tuple(rules))
    errors = sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
    if errors:
        error = errors[0]
        where = list(error.absolute_path)
        _fail_at(path, where, _line_of(node, where, error), _explain(error))
    for where, problem in _value_problems(data):
        _fail_at(path, where, _line_of(node, where), problem)


def _fail_at(path: Path, where: list, line: int | None, problem: str) -> None:
    """Raise the one-line error for the value at `where`: file, line, key."""
    key = "".join(f"[{p}]" if isinstance(p, int) else (f".{p}" if i else str(p)) for i, p in enumerate(where))
    location = f"{path}:{line}" if line else (f"{path} [tool.newslint]" if path.name == "pyproject.toml" else str(path))
    raise ConfigError(f"{location}: {key + ': ' if key else ''}{problem}")


def _value_problems(data: dict):
    """(where, problem) for what the schema cannot see: numbers that are not
    finite (NaN passes every minimum and maximum), globs that mean nothing."""
    for where, value in _leaves(data, []):
        if isinstance(value, float) and not math.isfinite(value):
            yield where, "not a finite number"
    for where, glob in _globs(data):
        problem = glob_problem(glob)
        if problem:
            yield where, problem


def _globs(data: dict):
    """(where, glob) of every glob in a validated configuration."""
    for key in GLOB_KEYS:
        for i, glob in enumerate(data.get(key) or []):
            yield [key, i], glob
    for glob in data.get("per-file-ignores") or {}:
        yield ["per-file-ignores", glob], glob


def _leaves(value, where: list):
    """(path, value) of every scalar in a validated configuration."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _leaves(item, where + [key])
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _leaves(item, where + [i])
    else:
        yield where, value


def _explain(error) -> str:
    if error.validator == "enum" and error.schema.get("type") == "string":
        return f"{error.instance!r} is not a known rule code, prefix, name or category (see `newslint rules`)"
    if error.validator == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        extra = sorted(set(error.instance) - set(allowed))
        if error.schema.get("properties") is not None and allowed:
            return f"unknown key {extra[0]!r}; expected one of: {', '.join(allowed)}"
        return f"unknown key {extra[0]!r}"
    if error.validator == "propertyNames":
        return f"{error.instance!r}: not a known rule code, prefix, name or category"
    if error.validator == "enum":
        return f"{error.instance!r} is not one of {', '.join(map(str, error.validator_value))}"
    if error.validator == "type":
        return f"expected {error.validator_value}, got {type(error.instance).__name__} {error.instance!r}"
    return error.message


def _line_of(node, where: list, error=None) -> int | None:
    """1-based YAML line of the value at `where` (or of the offending key)."""
    if node is None:
        return None
    line = None
    current = node
    for step in where:
        lc = getattr(current, "lc", None)
        try:
            if lc is not None:
                line = (lc.key(step) if isinstance(step, str) else lc.item(step))[0] + 1
            current = current[step]
        except (KeyError, IndexError, TypeError, AttributeError):
            break
    if error is not None and error.validator in ("additionalProperties", "propertyNames") \
            and isinstance(current, dict):
        allowed = set(error.schema.get("properties", {}))
        for key in current:
            if key not in allowed and getattr(current, "lc", None) is not None:
                if error.validator == "additionalProperties" or key == error.instance:
                    return current.lc.key(key)[0] + 1
    if line is None and hasattr(node, "lc"):
        line = node.lc.line + 1
    return line


def relative_to(path: str, root: Path) -> str | None:
    """`path` relative to `root` (POSIX), or None when it is outside. The
    root is resolved; the path is tried as written first, then resolved
    (a working directory reached through a symlink)."""
    for candidate in (os.path.abspath(path), os.path.realpath(path)):
        try:
            return Path(candidate).relative_to(root).as_posix()
        except ValueError:
            continue
    return None


def relative_to_root(path: str, root: Path) -> str:
    rel = relative_to(path, root)
    return Path(path).as_posix() if rel is None else rel
