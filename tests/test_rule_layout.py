"""One file per rule: rules/<family>/<CODE>.py, found by the family plugin."""
from __future__ import annotations

import os
from pathlib import Path

import newslint.rules

RULES = Path(newslint.rules.__path__[0])


def test_every_builtin_rule_lives_in_a_file_named_by_its_code(registry):
    for rule in registry.rules:
        if not rule.__module__.startswith("newslint.rules."):
            continue
        family = rule.__module__.split(".")[2]
        assert rule.__module__ == f"newslint.rules.{family}.{rule.code}", rule.code
        assert (RULES / family / f"{rule.code}.py").is_file()


def test_a_family_plugin_discovers_its_rule_modules(registry):
    codes = {rule.code for rule in registry.rules}
    files = {path.stem for path in RULES.glob("*/[A-Z]*.py")}
    assert files <= codes


def test_the_code_fingerprint_covers_the_rule_modules(registry):
    """Editing a rule (its own module, in its family folder) must change the
    cache key, or the cache would serve the old rule's findings."""
    module = RULES / "spelling" / "SPL002.py"
    before = registry.code_fingerprint()
    st = os.stat(module)
    try:
        os.utime(module, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
        assert registry.code_fingerprint() != before
    finally:
        os.utime(module, ns=(st.st_atime_ns, st.st_mtime_ns))
