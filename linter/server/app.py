"""The language server: LSP over stdio with pygls, the protocol side of
editor.py. It publishes diagnostics when a document is opened, changed or
saved, offers a quick fix per safe fix and "fix all" as a source action,
and shows a rule's explanation on hover."""
from __future__ import annotations

import logging
import sys

from lsprotocol import types
from pygls.capabilities import get_capability
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from .. import __version__
from ..config import CONFIG_NAMES
from ..cli.explain import explanation
from .editor import EditorLinter, LintFailure, Snapshot, fix_edits, fixable
from .positions import UNITS, UTF16, Units

SOURCE = "newslint"
FIX_ALL = "source.fixAll.newslint"
CONFIG_FILES = (*CONFIG_NAMES, "pyproject.toml")
SEVERITY = {"error": types.DiagnosticSeverity.Error, "warning": types.DiagnosticSeverity.Warning,
            "info": types.DiagnosticSeverity.Information}
log = logging.getLogger("newslint.server")


class NewslintServer(LanguageServer):
    def __init__(self, registry):
        # Full sync: pygls applies incremental changes to lines split by
        # str.splitlines, which also breaks at U+2028, U+0085 and form
        # feeds, found in scraped text; the LSP breaks lines at \n, \r, \r\n only.
        super().__init__(SOURCE, __version__, text_document_sync_kind=types.TextDocumentSyncKind.Full)
        self.linter = EditorLinter(registry)
        self.registry = registry
        self.snapshots: dict[str, Snapshot] = {}
        self.open: set[str] = set()    # URIs as the client sent them (pygls keys its documents unquoted)
        self.shown: set[str] = set()   # configuration problems already shown to the user
        self.shut_down = False

    def units(self) -> Units:
        encoding = self.workspace.position_encoding  # an enum member, or the client's own string
        return UNITS.get(getattr(encoding, "value", encoding), UTF16)

    def snapshot(self, uri: str) -> Snapshot | None:
        """The lint of the document's current text (the last one, when the
        text has not changed since)."""
        if uri not in self.workspace.text_documents:
            return None  # never opened: pygls would read the file from disk, and fail on a missing one
        document = self.workspace.get_text_document(uri)
        path = to_fs_path(uri) if uri.startswith("file:") else document.filename or "untitled"
        plan, problem = self.linter.plan_for(path)  # cheap: a new plan only when its config file changed
        if problem is not None:
            self.show_once(problem)
        last = self.snapshots.get(uri)
        if last is not None and last.text == document.source and last.plan is plan:
            return last
        try:
            snap = self.linter.lint(path, document.source, plan, self.units())
        except LintFailure as exc:
            self.show_once(str(exc))
            return None
        self.snapshots[uri] = snap
        return snap

    def show_once(self, message: str) -> None:
        """An error for the user, once (it recurs at every keystroke)."""
        if message not in self.shown:
            self.shown.add(message)
            log.error("%s", message)
            self.window_show_message(types.ShowMessageParams(types.MessageType.Error, f"newslint: {message}"))

    def refresh(self) -> None:
        """Lint every open document again (a configuration file changed:
        each one whose plan changed gets new diagnostics)."""
        for uri in sorted(self.open):  # those without a snapshot too: their lint may now work
            self.publish(uri)

    def watch_configs(self) -> None:
        """Ask the client to report changes to configuration files, when it
        can (dynamic registration): the config may be edited in another
        program, or in a buffer this server is not attached to."""
        if not get_capability(self.client_capabilities, "workspace.did_change_watched_files.dynamic_registration",
                              False):
            return
        watchers = [types.FileSystemWatcher(f"**/{name}") for name in CONFIG_FILES]
        options = types.DidChangeWatchedFilesRegistrationOptions(watchers)
        self.client_register_capability(types.RegistrationParams(
            [types.Registration("newslint-config", types.WORKSPACE_DID_CHANGE_WATCHED_FILES, options)]))

    def publish(self, uri: str) -> None:
        snap = self.snapshot(uri)
        diagnostics = [] if snap is None else diagnostics_of(snap)
        version = self.workspace.get_text_document(uri).version
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri, diagnostics, version))


def lsp_range(snap: Snapshot, start: int, end: int) -> types.Range:
    return types.Range(types.Position(*snap.index.position(start)), types.Position(*snap.index.position(end)))


def finding_range(snap: Snapshot, finding) -> types.Range:
    return lsp_range(snap, *snap.offsets(finding))


def diagnostic(snap: Snapshot, finding) -> types.Diagnostic:
    return types.Diagnostic(finding_range(snap, finding), finding.message, SEVERITY.get(finding.severity),
                            code=finding.code, source=SOURCE)


def diagnostics_of(snap: Snapshot) -> list[types.Diagnostic]:
    out = [diagnostic(snap, f) for f in snap.findings]
    if snap.error is not None:  # not text at all (NUL bytes): say so where the file starts
        out.append(types.Diagnostic(lsp_range(snap, 0, 0), snap.error.message, types.DiagnosticSeverity.Error,
                                    source=SOURCE))
    return out


def workspace_edit(uri: str, snap: Snapshot, edits) -> types.WorkspaceEdit:
    """The edit of `uri` from (start, end, content) replacements in `snap.text`."""
    changes = [types.TextEdit(lsp_range(snap, start, end), content) for start, end, content in edits]
    return types.WorkspaceEdit(changes={uri: changes})


def overlaps(a: types.Range, b: types.Range) -> bool:
    def key(p):
        return (p.line, p.character)

    return key(a.start) <= key(b.end) and key(b.start) <= key(a.end)


def wanted(kind: str, only) -> bool:
    """Whether the client asked for actions of `kind` (`only`: the kinds
    it asked for; a kind covers its sub-kinds, "source" covers "source.fixAll.newslint")."""
    asked = [getattr(k, "value", k) for k in only or ()]  # enum members (f"{member}" is its name on 3.12+)
    return not asked or any(kind == k or kind.startswith(k + ".") for k in asked)


def quick_fixes(uri: str, snap: Snapshot, within: types.Range) -> list[types.CodeAction]:
    """A quick fix for each safe fix of the findings in range `within`."""
    actions = []
    for finding in fixable(snap.findings):
        diag = diagnostic(snap, finding)
        if not overlaps(diag.range, within):
            continue
        edits = fix_edits(snap, finding)
        if edits:
            actions.append(types.CodeAction(f"newslint: {finding.fix.message} ({finding.code})",
                                            kind=types.CodeActionKind.QuickFix, diagnostics=[diag],
                                            edit=workspace_edit(uri, snap, edits), is_preferred=True))
    return actions


def fix_all_action(uri: str, snap: Snapshot) -> types.CodeAction | None:
    edit = snap.fix_all if fixable(snap.findings) else None
    if edit is None:
        return None
    return types.CodeAction("newslint: fix all safe findings", kind=FIX_ALL, edit=workspace_edit(uri, snap, [edit]))


def hover_text(registry, codes: list[str]) -> str:
    """The explanation of each rule, as `newslint explain` prints it, with
    its head line in bold."""
    parts = []
    for code in dict.fromkeys(codes):
        rule = registry.lookup(code)
        if rule is not None:
            head, _, body = explanation(rule).partition("\n")
            parts.append(f"**{head}**\n{body}")
    return "\n---\n\n".join(parts)


def build_server(registry) -> NewslintServer:
    server = NewslintServer(registry)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: NewslintServer, params: types.DidOpenTextDocumentParams):
        ls.open.add(params.text_document.uri)
        ls.publish(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: NewslintServer, params: types.DidChangeTextDocumentParams):
        ls.publish(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: NewslintServer, params: types.DidSaveTextDocumentParams):
        uri = params.text_document.uri
        if uri.rsplit("/", 1)[-1] in CONFIG_FILES:  # not an article: the articles under it change
            ls.refresh()
        else:
            ls.publish(uri)

    @server.feature(types.INITIALIZED)
    def initialized(ls: NewslintServer, params: types.InitializedParams):
        ls.watch_configs()

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def config_changed(ls: NewslintServer, params: types.DidChangeWatchedFilesParams):
        ls.refresh()

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: NewslintServer, params: types.DidCloseTextDocumentParams):
        ls.snapshots.pop(params.text_document.uri, None)
        ls.open.discard(params.text_document.uri)
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(params.text_document.uri, []))

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL]))
    def code_action(ls: NewslintServer, params: types.CodeActionParams):
        uri = params.text_document.uri
        snap = ls.snapshot(uri)
        if snap is None:
            return []
        only = params.context.only
        actions = quick_fixes(uri, snap, params.range) if wanted(types.CodeActionKind.QuickFix, only) else []
        fix_all = fix_all_action(uri, snap) if wanted(FIX_ALL, only) else None
        return actions + ([fix_all] if fix_all is not None else [])

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: NewslintServer, params: types.HoverParams):
        snap = ls.snapshot(params.text_document.uri)
        if snap is None:
            return None
        at = types.Range(params.position, params.position)
        under = [f for f in snap.findings if overlaps(finding_range(snap, f), at)]
        if not under:
            return None
        markdown = types.MarkupContent(types.MarkupKind.Markdown, hover_text(ls.registry, [f.code for f in under]))
        return types.Hover(markdown, finding_range(snap, under[0]))

    @server.feature(types.SHUTDOWN)
    def shutdown(ls: NewslintServer, params=None):
        ls.shut_down = True

    return server


def serve(registry, stdin=None, stdout=None) -> int:
    """Serve over stdio until the client says exit (or goes away); 0 after
    a shutdown request, 1 without one (as the LSP says)."""
    server = build_server(registry)
    stdin, stdout = stdin or sys.stdin.buffer, stdout or sys.stdout.buffer
    # Only the protocol may write to stdout: a stray print (in a plugin)
    # would corrupt the stream, so it goes to stderr instead.
    real_stdout, sys.stdout = sys.stdout, sys.stderr
    try:
        server.start_io(stdin, stdout)
    finally:
        sys.stdout = real_stdout
    return 0 if server.shut_down else 1
