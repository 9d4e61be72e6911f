"""The layout mapping (docs/architecture.md): linter/ is installed as
newslint, rules/ as newslint.rules, schemas/ as newslint.schemas, and the
wheel carries every module and data file of those folders (setup.py
discovers the sub-packages; none is listed by hand)."""
from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
import setup as layout  # noqa: E402  (the repository's setup.py)


def test_the_folders_map_onto_one_package():
    assert layout.package_dirs() == {"newslint": "linter", "newslint.rules": "rules", "newslint.schemas": "schemas"}


def test_discovery_finds_every_sub_package():
    found = set(layout.mapped_packages())
    assert {"newslint", "newslint.cli", "newslint.reporters", "newslint.rules", "newslint.rules.spelling",
            "newslint.rules.data", "newslint.schemas"} <= found


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> zipfile.ZipFile:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out),
                    str(REPO)], check=True, capture_output=True)
    return zipfile.ZipFile(next(out.glob("*.whl")))


def test_the_wheel_carries_every_module_and_data_file(wheel):
    names = set(wheel.namelist())
    missing = []
    for package, folder in layout.package_dirs().items():
        root = REPO / folder
        for path in root.rglob("*"):
            if path.is_dir() or "__pycache__" in path.parts or path.suffix == ".pyc":
                continue
            wanted = "/".join((*package.split("."), *path.relative_to(root).parts))
            if wanted not in names:
                missing.append(wanted)
    assert not missing, f"left out of the wheel: {missing}"
