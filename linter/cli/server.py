"""`newslint server`: the language server, LSP over stdio, for editors
(docs/editors.md). pygls and lsprotocol come with the `server` extra."""
from __future__ import annotations

from ..errors import UsageError

INSTALL_HINT = "pip install 'newslint[server]'"


def add_parser(sub) -> None:
    sub.add_parser("server", help="run the language server (LSP over standard input and output) for editors",
                   description="The language server editors start: diagnostics, quick fixes and hover for the "
                   "open documents (docs/editors.md). Needs the server extra.")


def command(args, registry) -> int:
    try:
        from ..server.app import serve
    except ImportError as exc:  # the extra is not installed
        missing = (exc.name or "pygls").split(".")[0]
        raise UsageError(f"`newslint server` needs pygls and lsprotocol ({missing} is not installed): {INSTALL_HINT}") \
            from exc
    return serve(registry)
