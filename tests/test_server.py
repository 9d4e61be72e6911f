"""`newslint server`: a real LSP exchange over stdio with `python -m newslint
server` (Content-Length framed JSON-RPC, written by the small client
below), and the in-memory parts (positions, edits) on their own."""
from __future__ import annotations

import importlib.util
import json
import os
import queue
import re
import shutil
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from conftest import run_cli
from test_plugins import install_fake_dist
from newslint.plugins import load_registry
from newslint.server.editor import EditorLinter, fix_edits, minimal_edit
from newslint.server.positions import UTF8, LineIndex

HAVE_PYGLS = importlib.util.find_spec("pygls") is not None
needs_pygls = pytest.mark.skipif(not HAVE_PYGLS,
                                 reason="pygls is not installed (pip install 'newslint[server]')")
TIMEOUT = 30  # seconds for any one answer: a hung server fails the test instead of hanging CI
NBSP = "\u00a0"
# "قال 😀" is 5 characters but 6 UTF-16 units (the emoji is astral): the
# no-break space after it starts at UTF-16 column 6 of line 2 (0-based).
ARTICLE = "عنوان الخبر\n\nقال 😀" + NBSP + "المتحدث إن الاجتماع انتهى دون اتفاق على موعد جديد للقاء.\n"


class LspClient:
    """Just enough of an LSP client: frames messages, matches answers to
    requests, keeps notifications by method, never waits unbounded."""

    def __init__(self, cwd: Path, **env_vars: str):
        env = {**os.environ, "PYTHONUNBUFFERED": "1", **env_vars}
        self.proc = subprocess.Popen([sys.executable, "-m", "newslint", "server"], cwd=cwd, env=env,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.messages: queue.Queue = queue.Queue()
        self.notifications: dict[str, list] = {}
        self.requests: list = []   # what the server asked the client
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        stream = self.proc.stdout
        while True:
            length = None
            while True:
                header = stream.readline()
                if not header:
                    self.messages.put(None)
                    return
                if header == b"\r\n":
                    break
                name, _, value = header.decode("ascii").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            self.messages.put(json.loads(stream.read(length)))

    def send(self, message: dict) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def notify(self, method: str, params: dict | None = None) -> None:
        self.send({"method": method, "params": params or {}})

    def request(self, method: str, params: dict | None = None):
        self.next_id += 1
        self.send({"id": self.next_id, "method": method, "params": params or {}})
        answer = self._until(lambda m: m.get("id") == self.next_id and "method" not in m)
        assert "error" not in answer, answer
        return answer["result"]

    def notification(self, method: str, where=lambda params: True) -> dict:
        """The first `method` notification (already received or next) whose params satisfy `where`."""
        for params in self.notifications.get(method, []):
            if where(params):
                self.notifications[method].remove(params)
                return params
        message = self._until(lambda m: m.get("method") == method and where(m["params"]))
        self.notifications[method].remove(message["params"])
        return message["params"]

    def _until(self, done) -> dict:
        while True:
            try:
                message = self.messages.get(timeout=TIMEOUT)
            except queue.Empty:
                raise AssertionError(f"no answer from the server in {TIMEOUT} s") from None
            if message is None:
                raise AssertionError(f"the server closed its output: {self.proc.stderr.read().decode()[-2000:]}")
            if "method" in message and "id" in message:  # the server asks (client/registerCapability): agree
                self.requests.append(message)
                self.send({"id": message["id"], "result": None})
            elif "method" in message:
                self.notifications.setdefault(message["method"], []).append(message["params"])
            if done(message):
                return message

    def close(self) -> int:
        try:
            return self.proc.wait(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            raise AssertionError("the server did not exit") from None
        finally:
            for stream in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
                stream.close()


def initialize(client: LspClient, folder: Path, capabilities: dict | None = None) -> dict:
    result = client.request("initialize", {"processId": os.getpid(), "rootUri": folder.as_uri(),
                                           "capabilities": capabilities or {}})
    client.notify("initialized")
    return result


def diagnostics_for(client: LspClient, uri: str, version: int) -> list:
    return client.notification("textDocument/publishDiagnostics",
                               lambda p: p["uri"] == uri and p.get("version") == version)["diagnostics"]


def apply_edit(text: str, edit: dict) -> str:
    """`text` with one LSP TextEdit applied (UTF-16 positions)."""
    index = LineIndex(text)
    start = index.offset(edit["range"]["start"]["line"], edit["range"]["start"]["character"])
    end = index.offset(edit["range"]["end"]["line"], edit["range"]["end"]["character"])
    return text[:start] + edit["newText"] + text[end:]


@pytest.fixture
def start_client(tmp_path):
    """Starts servers in tmp_path (with extra environment variables) and
    kills those a failed test left running."""
    (tmp_path / ".git").mkdir()  # config discovery stops here, not in a parent of the temporary folder
    started = []

    def start(**env_vars: str) -> LspClient:
        started.append(LspClient(tmp_path, **env_vars))
        return started[-1]

    yield start
    for lsp in started:
        if lsp.proc.poll() is None:
            lsp.proc.kill()
            lsp.close()


@pytest.fixture
def client(start_client):
    return start_client()



def shut_down(client) -> None:
    """The polite end of a session: shutdown, exit, and the server exits 0."""
    client.request("shutdown")
    client.notify("exit")
    assert client.close() == 0

@needs_pygls
def test_editor_session_over_stdio(client, tmp_path):
    """initialize -> didOpen -> diagnostics (exact UTF-16 range) -> quick
    fix -> hover -> didChange (diagnostic gone) -> didSave -> shutdown -> exit 0. The
    file on disk says nothing: the editor's text is what is linted."""
    capabilities = initialize(client, tmp_path)["capabilities"]
    assert capabilities["codeActionProvider"]["codeActionKinds"] == ["quickfix", "source.fixAll.newslint"]
    path = tmp_path / "article.txt"
    path.write_text("", encoding="utf-8")
    uri = path.as_uri()
    client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "text", "version": 1,
                                                            "text": ARTICLE}})
    diagnostics = diagnostics_for(client, uri, 1)
    nbsp = next(d for d in diagnostics if d["code"] == "WSP001")
    assert nbsp["range"] == {"start": {"line": 2, "character": 6}, "end": {"line": 2, "character": 7}}
    assert nbsp["severity"] == 2 and nbsp["source"] == "newslint"
    assert nbsp["message"] == "1 no-break space (U+00A0) instead of a space"

    actions = client.request("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": nbsp["range"],
                                                         "context": {"diagnostics": [nbsp]}})
    quick = [a for a in actions if a["kind"] == "quickfix"]
    assert [a["diagnostics"][0]["code"] for a in quick] == ["WSP001"]
    [edit] = quick[0]["edit"]["changes"][uri]
    fixed = apply_edit(ARTICLE, edit)
    assert fixed == ARTICLE.replace(NBSP, " ")
    assert [a["kind"] for a in actions if a["kind"] != "quickfix"] == ["source.fixAll.newslint"]

    hover = client.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                  "position": {"line": 2, "character": 6}})
    assert hover["contents"]["kind"] == "markdown"
    assert hover["contents"]["value"].startswith("**WSP001 no-break-space [whitespace]")
    assert "No-break space (U+00A0) inside a line of text." in hover["contents"]["value"]
    assert hover["range"] == nbsp["range"]
    assert client.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                 "position": {"line": 0, "character": 3}}) is None

    client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2},
                                             "contentChanges": [{"text": fixed}]})
    assert "WSP001" not in [d["code"] for d in diagnostics_for(client, uri, 2)]
    client.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
    assert diagnostics_for(client, uri, 2) != []  # published again on save (SRC001: no source line)
    assert client.request("shutdown") is None
    client.notify("exit")
    assert client.close() == 0


@needs_pygls
def test_server_reads_the_config_of_each_document_folder(client, tmp_path):
    """Each document gets the config found from its own folder, as `newslint
    check` finds it: one folder ignores WSP001, its sibling does not. (The
    name needs quoting in a URI: the answer must come back under the URI
    the client sent.)"""
    quiet, loud = tmp_path / "quiet أخبار", tmp_path / "loud"
    quiet.mkdir()
    loud.mkdir()
    (quiet / ".newslint.yaml").write_text("ignore: [WSP001]\n", encoding="utf-8")
    initialize(client, tmp_path)
    found = {}
    for folder in (quiet, loud):
        uri = (folder / "a.txt").as_uri()
        client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "text", "version": 1,
                                                                "text": ARTICLE}})
        found[folder.name] = [d["code"] for d in diagnostics_for(client, uri, 1)]
    assert "WSP001" not in found["quiet أخبار"] and "WSP001" in found["loud"]
    shut_down(client)


@needs_pygls
def test_a_changed_config_file_relints_the_open_documents(client, tmp_path):
    """The server asks to watch config files (when the client can register
    watchers); when one changes, open documents are linted again under it."""
    initialize(client, tmp_path, {"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": True}}})
    uri = (tmp_path / "a.txt").as_uri()
    client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "text", "version": 1,
                                                            "text": ARTICLE}})
    assert "WSP001" in [d["code"] for d in diagnostics_for(client, uri, 1)]
    [registration] = client.requests[0]["params"]["registrations"]
    assert registration["method"] == "workspace/didChangeWatchedFiles"
    assert {w["globPattern"] for w in registration["registerOptions"]["watchers"]} == \
        {"**/.newslint.yaml", "**/.newslint.yml", "**/pyproject.toml"}
    config = tmp_path / ".newslint.yaml"
    config.write_text("ignore: [WSP001]\n", encoding="utf-8")
    client.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": config.as_uri(), "type": 1}]})
    assert "WSP001" not in [d["code"] for d in diagnostics_for(client, uri, 1)]
    config.write_text("ignore: []\n", encoding="utf-8")  # saved in the editor, without a watcher
    client.notify("textDocument/didSave", {"textDocument": {"uri": config.as_uri()}})
    assert "WSP001" in [d["code"] for d in diagnostics_for(client, uri, 1)]
    shut_down(client)


@needs_pygls
def test_broken_config_is_shown_once_and_the_defaults_lint(client, tmp_path):
    """A config error is one message to the user (window/showMessage, as
    ruff's server does), not a dead server: the document is still linted."""
    (tmp_path / ".newslint.yaml").write_text("ignore: [NOPE]\n", encoding="utf-8")
    initialize(client, tmp_path)
    uri = (tmp_path / "a.txt").as_uri()
    client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "text", "version": 1,
                                                            "text": ARTICLE}})
    assert "WSP001" in [d["code"] for d in diagnostics_for(client, uri, 1)]
    shown = client.notification("window/showMessage")
    assert shown["type"] == 1
    assert shown["message"].startswith(f"newslint: {tmp_path / '.newslint.yaml'}:1: ignore[0]: 'NOPE'")
    client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2},
                                             "contentChanges": [{"text": ARTICLE + "\n"}]})
    diagnostics_for(client, uri, 2)
    client.request("shutdown")
    assert "window/showMessage" not in client.notifications or not client.notifications["window/showMessage"]
    client.notify("exit")
    assert client.close() == 0


@needs_pygls
def test_bytes_that_are_not_text_are_one_diagnostic():
    from newslint.server.app import diagnostics_of

    linter = EditorLinter(load_registry())
    plan, _ = linter.plan_for(str(Path.cwd() / "e.txt"))
    [diag] = diagnostics_of(linter.lint("e.txt", "\x00" * 64, plan))
    assert diag.message == "binary file (NUL bytes), not text" and diag.severity == 1 and diag.code is None


CRASHING_PLUGIN = textwrap.dedent('''
    from newslint.hookspecs import hookimpl
    from newslint.rule import Rule

    class Crash(Rule):
        """Crashes on every document.

        Fires: never. Does not fire: ever.
        """
        code = "XYZ999"
        name = "crash"
        category = "structure"

        def check(self, doc, options):
            raise ValueError("boom")

    @hookimpl
    def newslint_rules():
        return [Crash]
''')


@needs_pygls
def test_a_crashing_rule_is_one_message_and_the_server_goes_on(start_client, tmp_path):
    """A rule that raises (a plugin's bug) costs the document its
    diagnostics and the user one message naming the rule, not the server."""
    site = tmp_path / "site"
    site.mkdir()
    install_fake_dist(site, "newslint-crash", CRASHING_PLUGIN, "newslint_crash")
    client = start_client(PYTHONPATH=str(site))
    initialize(client, tmp_path)
    uri = (tmp_path / "a.txt").as_uri()
    client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "text", "version": 1,
                                                            "text": ARTICLE}})
    assert diagnostics_for(client, uri, 1) == []
    shown = client.notification("window/showMessage")
    assert shown["message"] == f"newslint: internal error: rule XYZ999 failed on {tmp_path / 'a.txt'}: ValueError: boom"
    assert client.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                 "position": {"line": 2, "character": 6}}) is None
    (tmp_path / ".newslint.yaml").write_text("ignore: [XYZ999]\n", encoding="utf-8")  # the way out
    client.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": (tmp_path / ".newslint.yaml").as_uri(),
                                                                   "type": 1}]})
    assert "WSP001" in [d["code"] for d in diagnostics_for(client, uri, 1)]
    shut_down(client)


@needs_pygls
def test_fix_all_source_action_applies_every_safe_fix(client, tmp_path):
    initialize(client, tmp_path)
    text = ARTICLE.replace("إن", "إن" + NBSP)
    uri = (tmp_path / "b.txt").as_uri()
    client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "text", "version": 1,
                                                            "text": text}})
    assert [d["code"] for d in diagnostics_for(client, uri, 1)].count("WSP001") == 2
    [action] = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
        "context": {"diagnostics": [], "only": ["source.fixAll"]}})
    assert action["kind"] == "source.fixAll.newslint"
    [edit] = action["edit"]["changes"][uri]
    assert NBSP not in apply_edit(text, edit)
    shut_down(client)


@needs_pygls
def test_positions_in_utf8_when_the_client_asks_for_them(client, tmp_path):
    """A client that prefers UTF-8 positions (Neovim offers them first)
    gets them: "قال 😀" is 11 UTF-8 bytes, the no-break space 2."""
    result = initialize(client, tmp_path, {"general": {"positionEncodings": ["utf-8", "utf-16"]}})
    assert result["capabilities"]["positionEncoding"] == "utf-8"
    uri = (tmp_path / "a.txt").as_uri()
    client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "text", "version": 1,
                                                            "text": ARTICLE}})
    nbsp = next(d for d in diagnostics_for(client, uri, 1) if d["code"] == "WSP001")
    assert nbsp["range"] == {"start": {"line": 2, "character": 11}, "end": {"line": 2, "character": 13}}
    shut_down(client)


@needs_pygls
def test_exit_without_shutdown_is_exit_code_1(client, tmp_path):
    initialize(client, tmp_path)
    client.notify("exit")
    assert client.close() == 1


def test_server_without_pygls_is_one_line_and_exit_2(monkeypatch):
    monkeypatch.delitem(sys.modules, "newslint.server.app", raising=False)
    monkeypatch.setitem(sys.modules, "pygls.lsp.server", None)  # what `import` does for a missing package
    result = run_cli("server")
    missing = "lsprotocol" if importlib.util.find_spec("lsprotocol") is None else "pygls"  # the first import failing
    assert result.code == 2
    assert result.err.strip() == (f"newslint: error: `newslint server` needs pygls and lsprotocol ({missing} is not "
                                  "installed): pip install 'newslint[server]'")


# ------------------------------------------------------------ in memory


def test_positions_count_utf16_units_and_split_lines_as_the_lsp_does():
    text = "a😀b\r\nج\u2028د\rه"
    index = LineIndex(text)
    assert index.position(text.index("b")) == (0, 3)       # the emoji is two UTF-16 units
    assert index.offset(0, 3) == text.index("b")
    assert index.position(text.index("د")) == (1, 2)       # U+2028 is inside a line, not a line break
    assert index.position(text.index("ه")) == (2, 0)       # a lone \r ends a line
    assert index.position(len(text)) == index.end() == (2, 1)
    assert index.offset(0, 99) == text.index("\r")         # past the end of a line: its end
    assert index.offset(9, 0) == len(text)
    assert LineIndex(text, UTF8).position(text.index("b")) == (0, 5)


def test_minimal_edit_never_cuts_a_crlf():
    old, new = "ا\r\nب", "ا\nب"
    start, end, content = minimal_edit(old, new)
    assert (start, end, content) == (1, 3, "\n")
    assert old[:start] + content + old[end:] == new


def test_byte_order_mark_shifts_first_line_columns_and_its_fix_removes_it():
    """The engine strips a BOM from the text it sees; the editor's text
    keeps it as a character, so positions on line 1 move by one."""
    registry = load_registry()
    linter = EditorLinter(registry)
    text = "\ufeffقال" + NBSP + "المتحدث\n"
    plan, problem = linter.plan_for(str(Path.cwd() / "c.txt"))
    snap = linter.lint("c.txt", text, plan)
    by_code = {f.code: f for f in snap.findings}
    assert snap.offsets(by_code["WSP001"]) == (4, 5)
    assert fix_edits(snap, by_code["ENC002"]) == [(0, 1, "")]
    assert fix_edits(snap, by_code["WSP001"]) == [(4, 5, " ")]
    assert snap.fix_all == (0, 5, "قال ")


def test_per_file_ignores_match_the_document_path_under_its_config(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".newslint.yaml").write_text("per-file-ignores:\n  'drafts/*.txt': [WSP001]\n", encoding="utf-8")
    linter = EditorLinter(load_registry())
    found = {}
    for path in (tmp_path / "drafts" / "a.txt", tmp_path / "b.txt"):
        plan, problem = linter.plan_for(str(path))
        assert problem is None
        found[path.name] = [f.code for f in linter.lint(str(path), ARTICLE, plan).findings]
    assert "WSP001" not in found["a.txt"] and "WSP001" in found["b.txt"]


def test_the_editor_plan_leaves_the_batch_rules_out():
    """One open document is no batch: sketching it for the duplicate rules
    at every keystroke is a fifth of the lint's time, for nothing. A rule
    that judges one file alone (SRC001) stays, as `check` runs it on one file."""
    linter = EditorLinter(load_registry())
    plan, _ = linter.plan_for(str(Path.cwd() / "f.txt"))
    assert [rule.code for rule in plan.batch_rules] == ["SRC001"] and "WSP001" in plan.spec.codes
    assert linter.lint("f.txt", ARTICLE, plan).findings


def test_the_editor_reports_a_missing_source_line_as_check_does_on_one_file():
    linter = EditorLinter(load_registry())
    plan, _ = linter.plan_for(str(Path.cwd() / "f.txt"))
    text = "عنوان الخبر\n\nأعلنت وزارة الصحة تسجيل إصابات جديدة خلال الأربع والعشرين ساعة الماضية.\n"
    [missing] = [f for f in linter.lint("f.txt", text, plan).findings if f.code == "SRC001"]
    assert (missing.line, missing.column) == (1, 1)
    assert not [f for f in linter.lint("f.txt", text + "\nالمصدر: وكالات\n", plan).findings if f.code == "SRC001"]


def test_lone_surrogate_from_the_client_does_not_move_positions():
    registry = load_registry()
    linter = EditorLinter(registry)
    plan, _ = linter.plan_for(str(Path.cwd() / "d.txt"))
    snap = linter.lint("d.txt", "\ud800قال" + NBSP + "المتحدث\n", plan)
    [nbsp] = [f for f in snap.findings if f.code == "WSP001"]
    assert snap.offsets(nbsp) == (4, 5)


@needs_pygls
def test_many_findings_on_one_long_line_stay_linear():
    """Scraped articles can be one long line with thousands of findings:
    converting each position, or fixing each finding, must not rescan the
    line or the text (quadratic: 50 s here before; about a
    second now)."""
    from lsprotocol import types

    from newslint.server.app import diagnostics_of, fix_all_action, quick_fixes

    linter = EditorLinter(load_registry())
    plan, _ = linter.plan_for(str(Path.cwd() / "long.txt"))
    snap = linter.lint("long.txt", "عنوان\n\n" + ("كلمة😀" + NBSP) * 4001 + "\n", plan)
    whole = types.Range(types.Position(0, 0), types.Position(*snap.index.end()))
    started = time.perf_counter()
    diagnostics = diagnostics_of(snap)
    fixes = quick_fixes("file:///long.txt", snap, whole)
    fix_all = fix_all_action("file:///long.txt", snap)
    assert time.perf_counter() - started < 10
    assert len(fixes) == len(diagnostics) - 1 > 4000  # all but SRC001 (no source line) have a safe fix
    last = [d for d in diagnostics if d.code == "WSP001"][-1]
    assert last.range.start == types.Position(2, 4000 * 7 - 1)  # per word: 4 letters, an emoji (2 units), the NBSP
    assert NBSP not in apply_edit(snap.text, _as_json(fix_all.edit.changes["file:///long.txt"][0]))


def _as_json(edit) -> dict:
    return {"range": {"start": {"line": edit.range.start.line, "character": edit.range.start.character},
                      "end": {"line": edit.range.end.line, "character": edit.range.end.character}},
            "newText": edit.new_text}


# ------------------------------------------------------------ the editor snippets of the docs

ROOT = Path(__file__).parent.parent
LUA_CHECKERS = (("luajit", ["-b", "{file}", os.devnull]), ("luac5.4", ["-p", "{file}"]), ("luac", ["-p", "{file}"]))


def fenced(markdown: str, language: str) -> list[str]:
    """The bodies of the ```language blocks of a Markdown text."""
    return re.findall(rf"^```{language}\n(.*?)^```$", markdown, flags=re.S | re.M)


def snippets(language: str) -> list[str]:
    found = []
    for page in ("docs/editors.md", "README.md"):
        found += fenced((ROOT / page).read_text(encoding="utf-8"), language)
    return found


def test_vscode_settings_in_the_docs_are_json_that_starts_the_server():
    [settings] = snippets("json")
    parsed = json.loads(settings)
    assert [parsed["glspc.server.command"], *parsed["glspc.server.commandArguments"]] == ["newslint", "server"]
    assert "source.fixAll.newslint" in parsed["[plaintext]"]["editor.codeActionsOnSave"]


def test_neovim_snippets_in_the_docs_are_lua_that_starts_the_server(tmp_path):
    blocks = snippets("lua")
    assert len(blocks) == 3 and all('cmd = { "newslint", "server" }' in block for block in blocks)
    checker = next(((name, args) for name, args in LUA_CHECKERS if shutil.which(name)), None)
    if checker is None:
        pytest.skip("no luajit or luac installed: the Lua snippets were not compiled")
    for i, block in enumerate(blocks):
        source = tmp_path / f"snippet{i}.lua"
        source.write_text(block, encoding="utf-8")
        name, args = checker
        done = subprocess.run([name, *(a.format(file=source) for a in args)], capture_output=True, text=True,
                              timeout=TIMEOUT)
        assert done.returncode == 0, f"{name}: {done.stderr}"


@needs_pygls
def test_code_action_kinds_asked_for_cover_their_sub_kinds():
    from lsprotocol import types

    from newslint.server.app import FIX_ALL, wanted

    assert wanted(FIX_ALL, None) and wanted(FIX_ALL, ["source.fixAll"])
    assert wanted(FIX_ALL, [types.CodeActionKind.Source])  # an enum member, as pygls may structure it
    assert not wanted(FIX_ALL, [types.CodeActionKind.QuickFix]) and not wanted(FIX_ALL, ["source.organizeImports"])
    assert wanted(types.CodeActionKind.QuickFix, [types.CodeActionKind.QuickFix])


@needs_pygls
def test_requests_about_a_document_never_opened_are_empty_answers(client, tmp_path):
    """Hover or code actions for a URI the editor never opened: no answer
    to give, not a traceback (pygls would read the file from disk)."""
    initialize(client, tmp_path)
    uri = (tmp_path / "never-opened.txt").as_uri()
    assert client.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                 "position": {"line": 0, "character": 0}}) is None
    actions = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "context": {"diagnostics": []},
        "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 1}}})
    assert not actions
    shut_down(client)


@needs_pygls
def test_findings_a_sidecar_lists_are_left_out_as_check_leaves_them_out(client, tmp_path):
    (tmp_path / ".newslint.yaml").write_text("{}\n", encoding="utf-8")
    (tmp_path / ".newslint-ignore").write_text("a.txt:WSP001\n", encoding="utf-8")
    initialize(client, tmp_path)
    for name in ("a.txt", "b.txt"):
        client.notify("textDocument/didOpen", {"textDocument": {"uri": (tmp_path / name).as_uri(),
                                                                "languageId": "text", "version": 1, "text": ARTICLE}})
    assert "WSP001" not in [d["code"] for d in diagnostics_for(client, (tmp_path / "a.txt").as_uri(), 1)]
    assert "WSP001" in [d["code"] for d in diagnostics_for(client, (tmp_path / "b.txt").as_uri(), 1)]
    shut_down(client)
