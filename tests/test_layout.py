"""The layout mapping (docs/architecture.md): linter/ is installed as
newslint, rules/ as newslint.rules, schemas/ as newslint.schemas. The
wheel's explicit `packages` list must name every sub-package of those
folders: one left out is missing only from a non-editable install."""
from __future__ import annotations

import sys
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

REPO = Path(__file__).resolve().parent.parent


def _setuptools() -> dict:
    return tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]


def test_the_folders_map_onto_one_package():
    assert _setuptools()["package-dir"] == {"newslint": "linter", "newslint.rules": "rules",
                                            "newslint.schemas": "schemas"}


def test_every_sub_package_is_in_the_packages_list():
    setuptools = _setuptools()
    found = set()
    for name, folder in setuptools["package-dir"].items():
        root = REPO / folder
        for init in root.rglob("__init__.py"):
            rel = init.parent.relative_to(root).parts
            found.add(".".join((name, *rel)))
    assert "newslint.cli" in found
    assert found <= set(setuptools["packages"]), f"left out of the wheel: {sorted(found - set(setuptools['packages']))}"
