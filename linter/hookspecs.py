"""The plugin contract: every hook newslint calls, with what it expects.

Built-in rule families and third-party packages register the same way: a
module or object listed under the ``newslint`` entry-point group, with
functions marked ``@hookimpl``. Hooks are always called with keyword
arguments, so an implementation may accept only the arguments it needs.
"""
from __future__ import annotations

import pluggy

PROJECT = "newslint"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def newslint_rules():
    """Return a list of rule classes (subclasses of ``newslint.rule.Rule``).

    Every plugin contributes; codes must be unique across all of them.
    """


@hookspec
def newslint_reporters():
    """Return a mapping of output-format name to reporter class
    (subclasses of ``newslint.reporters.base.Reporter``), or to a string
    "package.module:Class" naming one, imported only when the format is
    chosen."""


@hookspec(firstresult=True)
def newslint_parse_document(path, data):
    """Build a ``Document`` from a file's path and raw bytes, or return None
    to let the next plugin (and finally the built-in text parser) try.

    Lets a plugin teach newslint other containers (JSONL, HTML) later.
    """


@hookspec
def newslint_batch_rules():
    """Return a list of batch-rule classes: rules that see every file of a
    run at once (cross-file duplicates)."""
