"""Package discovery for newslint's mapped layout.

Everything else is in pyproject.toml. The folders linter/, rules/ and
schemas/ are installed as newslint, newslint.rules and newslint.schemas
(`[tool.setuptools] package-dir`); setuptools' own discovery cannot follow
such a mapping, so this finds every sub-package (a folder with an
__init__.py) below each mapped folder. A new sub-package needs no edit here.
"""
from __future__ import annotations

import sys
from pathlib import Path

from setuptools import setup

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

HERE = Path(__file__).resolve().parent


def package_dirs() -> dict[str, str]:
    data = tomllib.loads((HERE / "pyproject.toml").read_text(encoding="utf-8"))
    return data["tool"]["setuptools"]["package-dir"]


def mapped_packages() -> list[str]:
    found = []
    for name, folder in package_dirs().items():
        root = HERE / folder
        for init in sorted(root.rglob("__init__.py")):
            parts = init.parent.relative_to(root).parts
            if not any(p.startswith(".") or p == "__pycache__" for p in parts):
                found.append(".".join((name, *parts)))
    return found


if __name__ == "__main__":
    setup(packages=mapped_packages())
