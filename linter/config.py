"""Find, load and validate the configuration, and answer questions about it.

Sources, first found wins: ``--config FILE``; else, walking up from the
working directory, ``.newslint.yaml`` / ``.newslint.yml`` or a
``pyproject.toml`` with a ``[tool.newslint]`` table. No file at all gives the
built-in defaults.

YAML is read with ruamel.yaml's round-trip loader: it is as safe as the
``safe`` loader (no Python objects are built from tags) and it keeps line
numbers, so a wrong key is reported with its line.
"""
from __future__ import annotations

import copy
import json
import os
import re
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import ConfigError, UsageError
from .globs import compile_globs

CONFIG_NAMES = (".newslint.yaml", ".newslint.yml")
DEFAULT_INCLUDE = ["**/*.txt"]
DEFAULT_EXCLUDE = [".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__",
                   ".newslint_cache", ".tox", ".mypy_cache", ".pytest_cache"]
_CODE_LIKE = re.compile(r"^[A-Za-z]+[0-9]*$")


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
        return list(self.get("include", DEFAULT_INCLUDE))

    @property
    def exclude(self) -> list[str]:
        return list(self.get("exclude", DEFAULT_EXCLUDE)) + list(self.get("extend-exclude", []))

    @property
    def fail_on(self) -> str:
        return self.get("fail-on", "warning")

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
    for folder in [start, *start.parents]:
        for name in CONFIG_NAMES:
            if (folder / name).is_file():
                return folder / name
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and _has_tool_table(pyproject):
            return pyproject
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        return "newslint" in _read_toml(path).get("tool", {})
    except ConfigError:
        return False


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
        raise ConfigError(f"{path}: not valid TOML: {exc}") from exc


def load(explicit: str | None, rules, cwd: Path | None = None) -> Config:
    cwd = cwd or Path.cwd()
    if explicit:
        path = Path(explicit)
        if not path.is_file():
            raise UsageError(f"config file not found: {explicit}")
    else:
        path = discover(cwd.resolve())
    if path is None:
        return Config(None, cwd, {})
    if path.name == "pyproject.toml":
        data = _read_toml(path).get("tool", {}).get("newslint", {})
        _validate(data, None, path, rules)
        return Config(path, path.parent.resolve(), data)
    node = _read_yaml(path)
    data = _plain(node) if node is not None else {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}:1: the configuration must be a mapping of keys, not {type(data).__name__}")
    _validate(data, node, path, rules)
    return Config(path, path.parent.resolve(), data)


def _read_yaml(path: Path):
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from exc
    try:
        return YAML(typ="rt").load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark
        line = mark.line + 1 if mark else 1
        raise ConfigError(f"{path}:{line}: not valid YAML: {exc.problem}") from exc
    except YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML: {exc}") from exc


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
    if not errors:
        return
    error = errors[0]
    where = list(error.absolute_path)
    line = _line_of(node, where, error)
    key = "".join(f"[{p}]" if isinstance(p, int) else (f".{p}" if i else str(p)) for i, p in enumerate(where))
    location = f"{path}:{line}" if line else (f"{path} [tool.newslint]" if path.name == "pyproject.toml" else str(path))
    raise ConfigError(f"{location}: {key + ': ' if key else ''}{_explain(error)}")


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


def _line_of(node, where: list, error) -> int | None:
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
    if error.validator in ("additionalProperties", "propertyNames") and isinstance(current, dict):
        allowed = set(error.schema.get("properties", {}))
        for key in current:
            if key not in allowed and getattr(current, "lc", None) is not None:
                if error.validator == "additionalProperties" or key == error.instance:
                    return current.lc.key(key)[0] + 1
    if line is None and hasattr(node, "lc"):
        line = node.lc.line + 1
    return line


def relative_to_root(path: str, root: Path) -> str:
    try:
        return Path(os.path.abspath(path)).relative_to(root).as_posix()
    except ValueError:
        return Path(path).as_posix()


def per_file_ignores(config: Config) -> list:
    """[(compiled glob, selectors)] from `per-file-ignores`."""
    return [(compile_globs([glob]), selectors) for glob, selectors in (config.get("per-file-ignores") or {}).items()]
