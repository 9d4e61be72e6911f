"""The base class every rule derives from."""
from __future__ import annotations

import importlib
import inspect
import pkgutil
from typing import Any, Callable, ClassVar, Iterator

from .hookspecs import hookimpl
from .models import CATEGORIES, CATEGORY_PREFIX, SEVERITIES, Edit, Fix, Hit


class Rule:
    """Subclass, set the class attributes, write `check`.

    The class docstring is the rule's documentation (`newslint explain`):
    first line a one-line summary, then what it detects, why it matters, an
    example that fires and one that must not.
    """

    code: ClassVar[str]
    name: ClassVar[str]
    category: ClassVar[str]
    severity: ClassVar[str] = "warning"
    fixable: ClassVar[str | None] = None  # "safe", "unsafe" or None
    # Opt-in rules run only when selected by their exact code or name, never
    # through ALL, a prefix or a category (like ruff's preview rules).
    opt_in: ClassVar[bool] = False
    # The characters the rule scans for, when it can only report on a file
    # that holds one of them: the engine may skip the rule on other files.
    needs_chars: ClassVar[str | None] = None
    # JSON-Schema properties of the rule's options, each with a "default".
    options: ClassVar[dict[str, Any]] = {}

    def check(self, doc, options: dict[str, Any]) -> Iterator[Hit]:
        raise NotImplementedError

    @classmethod
    def summary(cls) -> str:
        return (inspect.getdoc(cls) or "").strip().splitlines()[0] if cls.__doc__ else ""

    @classmethod
    def documentation(cls) -> str:
        return inspect.getdoc(cls) or ""

    @classmethod
    def defaults(cls) -> dict[str, Any]:
        return {key: spec.get("default") for key, spec in cls.options.items()}

    @classmethod
    def anchor(cls) -> str:
        return f"docs/rules.md#{cls.code.lower()}-{cls.name}"

    @classmethod
    def validate_definition(cls) -> list[str]:
        """Problems with the class attributes themselves (for plugin authors)."""
        problems = []
        for attr in ("code", "name", "category"):
            if not isinstance(getattr(cls, attr, None), str):
                problems.append(f"{cls.__name__} has no {attr}")
        if problems:
            return problems
        if cls.category not in CATEGORIES:
            problems.append(f"{cls.code}: unknown category {cls.category!r}")
        elif cls.category in CATEGORY_PREFIX and not cls.code.startswith(CATEGORY_PREFIX[cls.category]) \
                and cls.__module__.startswith("newslint."):
            problems.append(f"{cls.code}: built-in code must start with {CATEGORY_PREFIX[cls.category]}")
        if cls.severity not in SEVERITIES:
            problems.append(f"{cls.code}: unknown severity {cls.severity!r}")
        if not cls.__doc__:
            problems.append(f"{cls.code}: no docstring")
        return problems


class BatchRule(Rule):
    """A rule that sees the whole batch: `sketch` runs in the workers, once
    per file, and returns something small and picklable (or None to leave
    the file out); `compare` runs once in the parent with every sketch and
    yields (path, Hit) pairs, or (path, Hit, fingerprint) to give a finding
    a fingerprint of the rule's own (SRC001 keeps a document rule's, so old
    baselines still match). It must not be quadratic in the number of files.

    `lints_alone`: comparing one file with nothing else still gives an
    answer (SRC001: no source line, and no folder to excuse it), and the
    sketch is cheap: the rule runs on a one-file run and in the editor.
    """

    lints_alone = False

    def check(self, doc, options):
        return iter(())

    def sketch(self, doc, options):
        raise NotImplementedError

    def compare(self, sketches: list, options):
        raise NotImplementedError


def hit(line: int, column: int, end_column: int, message: str, fix=None, end_line: int | None = None,
        confidence: float = 1.0) -> Hit:
    """Shorthand for a hit on one line."""
    return Hit(line, column, end_line or line, end_column, message, fix, confidence)


def replace(line: int, column: int, end_line: int, end_column: int, text: str, message: str,
            applicability: str = "safe") -> Fix:
    """A fix that replaces the text from (line, column) up to (end_line,
    end_column), end exclusive, with `text` (ruff's
    `Fix::safe_edit(Edit::range_replacement(...))`)."""
    return Fix(applicability, message, (Edit(line, column, end_line, end_column, text),))


def delete(line: int, column: int, end_line: int, end_column: int, message: str,
           applicability: str = "safe") -> Fix:
    """A fix that removes the text from (line, column) up to (end_line, end_column)."""
    return replace(line, column, end_line, end_column, "", message, applicability)


def insert(line: int, column: int, text: str, message: str, applicability: str = "safe") -> Fix:
    """A fix that inserts `text` before (line, column)."""
    return replace(line, column, line, column, text, message, applicability)


def delete_line(number: int, message: str = "delete the line") -> Fix:
    """An unsafe fix that removes line `number` with its line break."""
    return delete(number, 1, number + 1, 1, message, "unsafe")


def glued_hit(doc, start: int, end: int, gap: int, message: str) -> Hit:
    """A hit on doc.text[start:end], two things written without the space
    that belongs at offset `gap`; the safe fix inserts it."""
    line, column = doc.position(start)
    at = column + (gap - start)
    return Hit(line, column, line, column + (end - start), f"{message}: \"{doc.text[start:end]}\"",
               insert(line, at, " ", "insert a space"))


def rules_in_package(package: str) -> list[type[Rule]]:
    """The rule classes defined in the modules of `package` (one module per
    rule, named by its code; modules starting with "_" hold helpers), sorted
    by code: adding a rule is adding its module."""
    found = []
    for info in pkgutil.iter_modules(importlib.import_module(package).__path__):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{package}.{info.name}")
        found += [obj for obj in vars(module).values()
                  if isinstance(obj, type) and issubclass(obj, Rule) and obj.__module__ == module.__name__
                  and isinstance(getattr(obj, "code", None), str)]
    return sorted(found, key=lambda rule: rule.code)


def family_plugin(package: str) -> Callable[[], list]:
    """The pluggy hook of a rule family package, to assign to the hook's name
    in its `__init__.py` (`newslint_rules`, or `newslint_batch_rules` for
    batch rules): it returns the rules the package's modules define."""
    def hook():
        return rules_in_package(package)

    return hookimpl(hook)
