"""Build the plugin manager: built-ins and third-party plugins alike come in
through the ``newslint`` entry-point group."""
from __future__ import annotations

from functools import lru_cache

import pluggy

from . import entry_points, hookspecs
from .errors import UsageError
from .rule import BatchRule


class Registry:
    """The loaded plugins and what they contribute."""

    def __init__(self, pm: pluggy.PluginManager, plugin_versions: dict[str, str]):
        self.pm = pm
        self.plugin_versions = plugin_versions
        self.rules = self._collect_rules()
        self.by_code = {rule.code: rule for rule in self.rules}
        self.by_name = {rule.name: rule for rule in self.rules}
        self.reporters = {}
        for mapping in call_each(pm, "newslint_reporters"):
            self.reporters.update(mapping or {})
        self.batch_rules = [r for r in self.rules if issubclass(r, BatchRule)]

    def _collect_rules(self) -> list:
        rules, seen = [], {}
        for group in [*call_each(self.pm, "newslint_rules"), *call_each(self.pm, "newslint_batch_rules")]:
            for rule in group or []:
                problems = rule.validate_definition()
                if problems:
                    raise UsageError(f"plugin rule is malformed: {problems[0]}")
                if rule.code in seen and seen[rule.code] is not rule:
                    raise UsageError(f"two rules claim the code {rule.code}: "
                                     f"{seen[rule.code].__module__} and {rule.__module__}")
                seen[rule.code] = rule
                rules.append(rule)
        return sorted(set(rules), key=lambda r: r.code)

    def code_fingerprint(self) -> str:
        """Size and modification time of every module of newslint and of the
        plugins, and of the rules' data files (word lists, phrase lists):
        part of the cache key, so editing a rule or a list (in a checkout or
        an editable install) never serves stale results."""
        import hashlib
        import os

        import newslint
        import newslint.reporters
        import newslint.rules
        import newslint.rules.data

        # every module file of the package (whether imported yet or not), and the plugins'
        files = [os.path.join(folder, name) for package in (newslint, newslint.reporters)
                 for folder in package.__path__ for name in os.listdir(folder) if name.endswith(".py")]
        # the rules live one folder deeper: rules/<family>/<CODE>.py
        files += [os.path.join(folder, name) for top in newslint.rules.__path__
                  for folder, _, names in os.walk(top) for name in names if name.endswith(".py")]
        # and every data file, sub-folders included (lexicon/, context/, sentence_stats/: a
        # rebuilt table is rewritten in place, which leaves its folder's own times alone)
        files += [path for top in newslint.rules.data.__path__ for path in _data_files(top)]
        files += [getattr(p, "__file__", None) for p in self.pm.get_plugins()]
        digest = hashlib.sha256()
        for file in sorted({f for f in files if f}):
            try:
                st = os.stat(file)
            except OSError:
                continue
            digest.update(f"{file}\0{st.st_size}\0{st.st_mtime_ns}\n".encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def parse_document(self, path: str, data: bytes):
        """A plugin's Document for the file, or None: the built-in text
        parser then reads it."""
        return self.pm.hook.newslint_parse_document(path=path, data=data)

    def lookup(self, code_or_name: str):
        key = code_or_name.strip()
        return self.by_code.get(key.upper()) or self.by_name.get(key.lower())


def call_each(pm: pluggy.PluginManager, hook_name: str, **kwargs) -> list:
    """Call every implementation of a collecting hook (in pluggy's order),
    so that one which fails, or calls sys.exit(), is named in a one-line
    error instead of ending newslint with its exit code and no output."""
    results = []
    for impl in reversed(getattr(pm.hook, hook_name).get_hookimpls()):
        try:
            result = impl.function(**kwargs)
        except BaseException as exc:  # SystemExit too: a CI gate must not pass with nothing linted
            raise UsageError(f"plugin {impl.plugin_name!r} failed in {hook_name}: {describe_failure(exc)}") from exc
        if result is not None:
            results.append(result)
    return results


def describe_failure(exc: BaseException) -> str:
    """What someone else's code did wrong, for a one-line error."""
    if isinstance(exc, SystemExit):
        return f"it called sys.exit({exc.code!r})"
    if isinstance(exc, KeyboardInterrupt):
        return "interrupted (KeyboardInterrupt)"
    return f"{type(exc).__name__}: {exc}"


def make_manager(extra_plugins: tuple = ()) -> pluggy.PluginManager:
    pm = pluggy.PluginManager(hookspecs.PROJECT)
    pm.add_hookspecs(hookspecs)
    return pm


@lru_cache(maxsize=None)
def load_registry(extra_plugins: tuple = ()) -> Registry:
    """Load every entry point of the ``newslint`` group (plus `extra_plugins`,
    objects registered directly, for tests and embedding)."""
    pm = make_manager()
    versions: dict[str, str] = {}
    for ep in sorted(_entry_points(hookspecs.PROJECT), key=lambda e: (e.name, e.value)):
        if pm.get_plugin(ep.value) is not None:
            continue
        try:
            plugin = ep.load()
        except BaseException as exc:  # any import failure of someone else's code, sys.exit() included
            dist = ep.dist.name if ep.dist else "?"
            raise UsageError(f"plugin {ep.name!r} ({ep.value}, from {dist}) failed to load: "
                             f"{describe_failure(exc)}") from exc
        try:
            pm.register(plugin, name=ep.value)
        except Exception as exc:
            raise UsageError(f"plugin {ep.name!r} ({ep.value}) is not a valid newslint plugin: {exc}") from exc
        if ep.dist is not None:
            versions[ep.dist.name] = ep.dist.version
    for plugin in extra_plugins:
        pm.register(plugin)
    try:
        pm.check_pending()
    except pluggy.PluginValidationError as exc:
        raise UsageError(f"a plugin implements an unknown hook: {exc}") from exc
    return Registry(pm, versions)


def _entry_points(group: str) -> list:
    """The group's entry points, read without importlib.metadata where the
    path allows (`newslint.entry_points`: it saves the email package's import
    on every run), else with it."""
    found = entry_points.entry_points(group)
    if found is None:
        from importlib.metadata import entry_points as standard

        found = list(standard(group=group))
    return found


def _data_files(top: str):
    """Every file under a data folder, sub-folders included, but no hidden
    file and nothing under __pycache__."""
    import os

    for folder, subfolders, names in os.walk(top):
        subfolders[:] = [name for name in subfolders if name != "__pycache__" and not name.startswith(".")]
        yield from (os.path.join(folder, name) for name in names if not name.startswith("."))
