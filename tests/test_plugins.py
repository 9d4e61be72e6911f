"""Third-party plugins come in through the same entry-point group as the
built-ins: install a tiny one (a dist-info on PYTHONPATH) and see it run."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

PLUGIN = textwrap.dedent('''
    from newslint.hookspecs import hookimpl
    from newslint.rule import Rule, hit

    class ShoutingLine(Rule):
        """Line written in Latin capitals only.

        Fires: "BREAKING NEWS". Does not fire: "عاجل".
        """
        code = "XYZ001"
        name = "shouting-line"
        category = "structure"

        def check(self, doc, options):
            for line in doc.lines:
                if line.text.isupper():
                    yield hit(line.number, 1, len(line.text) + 1, f"shouting: {line.text!r}")

    @hookimpl
    def newslint_rules():
        return [ShoutingLine]
''')


def install_fake_dist(root, name, module_source, module_name):
    (root / f"{module_name}.py").write_text(module_source, encoding="utf-8")
    info = root / f"{name.replace('-', '_')}-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 0.1\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(f"[newslint]\n{name} = {module_name}\n", encoding="utf-8")


def run(args, root, cwd):
    env = dict(os.environ, PYTHONPATH=str(root))
    return subprocess.run([sys.executable, "-m", "newslint", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, encoding="utf-8")


def test_third_party_rule_runs(tmp_path):
    root = tmp_path / "site"
    root.mkdir()
    install_fake_dist(root, "newslint-shout", PLUGIN, "newslint_shout")
    (tmp_path / "a.txt").write_text("BREAKING NEWS\nعاجل: خبر.\n", encoding="utf-8")
    listed = run(["rules"], root, tmp_path)
    assert "XYZ001" in listed.stdout
    result = run(["check", "a.txt", "--select", "XYZ001"], root, tmp_path)
    assert result.returncode == 1, result.stderr
    assert "a.txt:1:1: XYZ001 [structure] warning: shouting: 'BREAKING NEWS'" in result.stdout
    report = run(["check", "a.txt", "--format", "json"], root, tmp_path)
    assert '"newslint-shout": "0.1"' in report.stdout


def test_broken_plugin_is_one_line_error(tmp_path):
    root = tmp_path / "site"
    root.mkdir()
    install_fake_dist(root, "newslint-broken", "import does_not_exist_anywhere\n", "newslint_broken")
    (tmp_path / "a.txt").write_text("خبر.\n", encoding="utf-8")
    result = run(["check", "a.txt"], root, tmp_path)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "newslint-broken" in lines[0] and "failed to load" in lines[0] and "Traceback" not in result.stderr


def test_builtins_register_through_entry_points(registry):
    names = {name for name, _ in registry.pm.list_name_plugin()}
    assert {"newslint.rules.encoding", "newslint.rules.whitespace", "newslint.rules.stray_id"} <= names


EXITING_HOOK = textwrap.dedent('''
    import sys
    from newslint.hookspecs import hookimpl

    @hookimpl
    def newslint_rules():
        sys.exit(0)
''')

EXITING_PARSER = textwrap.dedent('''
    import sys
    from newslint.hookspecs import hookimpl

    @hookimpl
    def newslint_parse_document(path, data):
        sys.exit(0)
''')

EXITING_RULE = PLUGIN.replace("for line in doc.lines:", "raise SystemExit(0)\n        for line in doc.lines:")


@pytest.mark.parametrize("source,where", [
    ("import sys\nsys.exit(0)\n", "newslint-exits"),             # on import
    ("raise KeyboardInterrupt\n", "newslint-exits"),             # on import, not the user's Ctrl-C
    (EXITING_HOOK, "newslint_exits"),                            # in a hook call (named by module)
    (EXITING_RULE, "XYZ001"),                                    # in a rule's check
    (EXITING_PARSER, "a.txt"),                                   # in the per-file hook
])
def test_plugin_that_exits_is_a_one_line_error(tmp_path, source, where):
    root = tmp_path / "site"
    root.mkdir()
    install_fake_dist(root, "newslint-exits", source, "newslint_exits")
    (tmp_path / "a.txt").write_text("BREAKING NEWS\nعاجل: خبر.\n", encoding="utf-8")
    result = run(["check", "a.txt", "--no-cache"], root, tmp_path)
    assert result.returncode == 2, (result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and where in lines[0] and "Traceback" not in result.stderr, result.stderr


EXITING_REPORTER = textwrap.dedent('''
    import sys
    from newslint.hookspecs import hookimpl
    from newslint.reporters.base import Reporter

    class Quitter(Reporter):
        def finish(self, summary):
            sys.exit(0)

    @hookimpl
    def newslint_reporters():
        return {"quitter": Quitter}
''')


def test_reporter_that_exits_is_a_one_line_error(tmp_path):
    root = tmp_path / "site"
    root.mkdir()
    install_fake_dist(root, "newslint-quitter", EXITING_REPORTER, "newslint_quitter")
    (tmp_path / "a.txt").write_text("عاجل: خبر.\n", encoding="utf-8")
    result = run(["check", "a.txt", "--no-cache", "--format", "quitter"], root, tmp_path)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "sys.exit(0)" in result.stderr


def test_entry_points_are_read_as_importlib_metadata_reads_them(tmp_path):
    """newslint.entry_points reads the [newslint] sections without importing
    importlib.metadata; on this environment, plus a fake plugin that shadows
    nothing, it finds what the standard library finds."""
    import importlib.metadata

    from newslint.entry_points import entry_points

    install_fake_dist(tmp_path, "newslint-shout", PLUGIN, "newslint_shout")
    path = [str(tmp_path), *sys.path]
    ours = sorted((ep.name, ep.value, ep.dist.name, ep.dist.version) for ep in entry_points("newslint", path))
    found = {}
    for dist in importlib.metadata.distributions(path=path):
        key = dist.metadata["Name"].lower().replace("-", "_")
        if key in found:
            continue  # the first distribution of a name wins, as on an import
        found[key] = [(ep.name, ep.value, dist.metadata["Name"], dist.version)
                      for ep in dist.entry_points if ep.group == "newslint"]
    standard = sorted(item for items in found.values() for item in items)
    assert ours == standard
    assert ("newslint-shout", "newslint_shout", "newslint-shout", "0.1") in ours


def test_an_archive_on_the_path_is_left_to_the_standard_library(tmp_path):
    from newslint.entry_points import entry_points

    archive = tmp_path / "plugins.zip"
    archive.write_bytes(b"PK\x05\x06" + bytes(18))
    assert entry_points("newslint", [str(archive)]) is None


def test_a_reporter_named_by_a_string_that_cannot_be_imported_is_a_one_line_error():
    from newslint.cli.settings import _imported
    from newslint.errors import UsageError

    with pytest.raises(UsageError, match="cannot be imported"):
        _imported("newslint.reporters.nowhere:Nothing")
    assert _imported("newslint.reporters.json:JsonReporter").__name__ == "JsonReporter"


def test_a_legacy_egg_info_file_hides_a_later_copy_as_in_importlib_metadata(tmp_path):
    """A *.egg-info *file* (old setuptools) is a distribution without entry
    points; the first distribution of a name on the path wins in both
    readers (a review's case)."""
    import importlib.metadata

    from newslint.entry_points import entry_points

    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    (first / "newslint_shout-0.1.egg-info").write_text("Metadata-Version: 1.0\nName: newslint-shout\n"
                                                       "Version: 0.1\n", encoding="utf-8")
    install_fake_dist(second, "newslint-shout", PLUGIN, "newslint_shout")
    path = [str(first), str(second)]
    ours = [(ep.name, ep.value) for ep in entry_points("newslint", path)]
    seen, standard = set(), []
    for dist in importlib.metadata.distributions(path=path):
        key = dist.metadata["Name"].lower().replace("-", "_")
        if key not in seen:
            seen.add(key)
            standard += [(ep.name, ep.value) for ep in dist.entry_points if ep.group == "newslint"]
    assert ours == standard == []
