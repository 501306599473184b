"""`qalint server`, started as a subprocess and spoken to in LSP over stdio.

The client is pytest-lsp's (pygls' client, which also checks every answer
against the capabilities the client declared), with the capabilities real
editors send: VS Code (UTF-16, pushed diagnostics), Emacs (UTF-32, pushed)
and Neovim 0.11 (UTF-8, pulled diagnostics). Expected positions are counted
by hand from the documents below; the machine may be slow and shared, so
every wait is generous.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import sys
from collections import defaultdict
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as examples
from lsprotocol import types
from pytest_lsp import LanguageClient, client_capabilities

from conftest import registry
from test_properties import lines, newline

# Seconds any one answer may take: the first check may compile the dictionaries.
TIMEOUT = 240.0
VSCODE, EMACS, NEOVIM = "visual-studio-code", "emacs", "neovim@v0.11"

# Line 17 (0-based 16) has an emoji before its defect: "de de" at code points
# 9-11 and 12-14 (the second "de" is reported), after "🙂" which is one code
# point, two UTF-16 code units and four UTF-8 bytes.
ANSWERS = """\
# Antwoorden op vragen van het lid Jansen 😀

**Vraag 1**

Wat kost het nieuwe beleid? 🎉

**Antwoord 1**

Het kost veel geld. Zie ook het antwoord op vraag 2.

**Vraag 2**

Waarom is voor dit beleid gekozen?

**Antwoord 2**

🙂 Het is de de beste keuze voor het land.

**Vraag 3**

Wanneer wordt het beleid ingevoerd?

**Antwoord 3**

Het beleid wordt volgend jaar ingevoerd.
"""

# Answer 1 refers to 2, which only refers to 3 (a referral chain, QA303, on the
# "2" of line 9); an unknown word on line 5, two safe fixes on lines 21 and 25.
CHAIN = """\
# Antwoorden op vragen van het lid Jansen

**Vraag 1**

Hoeveel verzoeken zijn in 2023 ontvangne?

**Antwoord 1**

Zie het antwoord op vraag 2.

**Vraag 2**

Hoeveel verzoeken zijn afgehandeld?

**Antwoord 2**

Zie het antwoord op vraag 3.

**Vraag 3**

Welke maatregelen neemt u terzake?

**Antwoord 3**

Er zijn in 2023 twaalfduizend verzoeken ontvangen en afgehandeld; de de wachttijden worden korter.
"""


def span(range_: types.Range) -> tuple[int, int, int, int]:
    return range_.start.line, range_.start.character, range_.end.line, range_.end.character


def found(diagnostics) -> list[tuple[str, tuple[int, int, int, int]]]:
    return sorted((d.code, span(d.range)) for d in diagnostics)


async def within(awaitable):
    return await asyncio.wait_for(awaitable, TIMEOUT)


class Editor:
    """A client session: open documents, and what the server sent to it."""

    def __init__(self, folder: Path, settings: dict | None = None) -> None:
        self.folder = folder
        self.texts: dict[str, str] = {}
        self.versions: dict[str, int] = {}
        self.pushed: dict[str, asyncio.Queue] = defaultdict(asyncio.Queue)
        self.registrations: list[types.Registration] = []
        self.messages: list[str] = []
        self.client = client = LanguageClient()

        @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def publish(ls, params: types.PublishDiagnosticsParams) -> None:
            self.pushed[params.uri].put_nowait(params)

        @client.feature(types.WORKSPACE_CONFIGURATION)
        def configuration(ls, params: types.ConfigurationParams) -> list:
            return [settings if item.section == "qalint" else None for item in params.items]

        @client.feature(types.CLIENT_REGISTER_CAPABILITY)
        def register(ls, params: types.RegistrationParams) -> None:
            self.registrations.extend(params.registrations)

        @client.feature(types.WINDOW_SHOW_MESSAGE)
        def show(ls, params: types.ShowMessageParams) -> None:
            self.messages.append(params.message)

        @client.feature(types.WINDOW_LOG_MESSAGE)
        def log(ls, params: types.LogMessageParams) -> None:
            self.messages.append(params.message)

    def open(self, name: str, text: str) -> str:
        path = self.folder / name
        path.write_text(text, encoding="utf-8")
        uri = path.as_uri()
        self.texts[uri], self.versions[uri] = text, 1
        self.client.text_document_did_open(types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=text)))
        return uri

    def change(self, uri: str, changes: list) -> int:
        self.versions[uri] += 1
        for change in changes:
            if isinstance(change, types.TextDocumentContentChangeWholeDocument):
                self.texts[uri] = change.text
            else:
                self.texts[uri] = apply_utf16(self.texts[uri], [types.TextEdit(range=change.range, new_text=change.text)])
        self.client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=self.versions[uri]),
            content_changes=changes))
        return self.versions[uri]

    def replace(self, uri: str, text: str) -> int:
        return self.change(uri, [types.TextDocumentContentChangeWholeDocument(text=text)])

    async def published(self, uri: str, accept=None) -> list[types.Diagnostic]:
        """The next diagnostics pushed for `uri` that `accept` accepts (by
        default: those of the document's current version)."""
        accept = accept or (lambda params: params.version == self.versions[uri])
        while True:
            params = await within(self.pushed[uri].get())
            if accept(params):
                return list(params.diagnostics)

    async def actions(self, uri: str, range_: types.Range, only=None) -> list[types.CodeAction]:
        return await within(self.client.text_document_code_action_async(types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri), range=range_,
            context=types.CodeActionContext(diagnostics=[], only=only))))


@contextlib.asynccontextmanager
async def editor(folder: Path, spec: str = VSCODE, settings: dict | None = None, options: dict | None = None):
    """A `qalint server` process and a client with the capabilities of `spec`;
    on leaving, shutdown and exit, and the server must end with status 0."""
    session = Editor(folder, settings)
    client = session.client
    exits: list[int | None] = []
    notify = client.server_exit

    async def server_exit(process) -> None:  # pygls' hook, called when the process ends
        exits.append(process.returncode)
        await notify(process)

    client.server_exit = server_exit
    await client.start_io(sys.executable, "-m", "qalint", "server", cwd=str(folder))
    try:
        result = await within(client.initialize_session(types.InitializeParams(
            capabilities=client_capabilities(spec), root_uri=folder.as_uri(), initialization_options=options,
            workspace_folders=[types.WorkspaceFolder(uri=folder.as_uri(), name=folder.name)])))
        yield session, result
    finally:
        await within(client.shutdown_session())
        await within(client.stop())
    assert exits == [0]
    assert client.error is None


def apply_utf16(text: str, edits: list[types.TextEdit]) -> str:
    """Apply LSP edits with UTF-16 positions (a client's work, written apart
    from the server's conversion) to a text with LF line ends."""
    lines = text.split("\n")

    def offset(position: types.Position) -> int:
        start = sum(len(line) + 1 for line in lines[:position.line])
        units = index = 0
        while units < position.character:
            units += 2 if ord(lines[position.line][index]) > 0xFFFF else 1
            index += 1
        return start + index

    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        text = text[:offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end):]
    return text


def in_editor(folder: Path, body, spec: str = VSCODE, **settings) -> None:
    """Run `body(session, initialize_result)` in an editor session on `folder`."""
    async def scenario():
        async with editor(folder, spec, **settings) as (session, result):
            await body(session, result)

    asyncio.run(scenario())


@pytest.mark.parametrize("spec, encoding, columns", [
    (VSCODE, "utf-16", (13, 15)),  # one emoji before: +1
    (EMACS, "utf-32", (12, 14)),  # code points, as qalint counts them
])
def test_open_pushes_diagnostics_in_the_negotiated_encoding(tmp_path, spec, encoding, columns):
    async def body(session: Editor, result) -> None:
        assert result.capabilities.position_encoding == encoding
        uri = session.open("antwoorden.md", ANSWERS)
        diagnostics = await session.published(uri)
        assert found(diagnostics) == [("QA403", (16, columns[0], 16, columns[1]))]
        (doubled,) = diagnostics
        assert doubled.severity == types.DiagnosticSeverity.Warning
        assert doubled.source == "qalint"
        assert doubled.message == "doubled word 'de'"

    in_editor(tmp_path, body, spec)


def test_hover_shows_the_rule_and_a_code_action_applies_its_fix(tmp_path):
    async def body(session: Editor, _) -> None:
        uri = session.open("antwoorden.md", ANSWERS)
        (doubled,) = await session.published(uri)
        hover = await within(session.client.text_document_hover_async(types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=16, character=14))))
        assert "QA403 doubled-word" in hover.contents.value and "What it does" in hover.contents.value
        actions = await session.actions(uri, doubled.range)
        titles = [a.title for a in actions]
        assert "QA403: remove the second 'de' (safe fix)" in titles
        assert "QA403: disable for this line" in titles
        fix = actions[titles.index("QA403: remove the second 'de' (safe fix)")]
        assert fix.kind == types.CodeActionKind.QuickFix and fix.is_preferred
        fixed = apply_utf16(session.texts[uri], fix.edit.changes[uri])
        assert fixed.split("\n")[16] == "🙂 Het is de beste keuze voor het land."
        session.replace(uri, fixed)
        assert await session.published(uri) == []

    in_editor(tmp_path, body)


# A line separator (U+2028) and a form feed, as conversions leave them: no line break in
# LSP (only CRLF, CR and LF are), so the lines after them keep their numbers.
SEPARATORS = ANSWERS.replace("Wat kost het nieuwe beleid?", "Wat kost het\u2028nieuwe beleid?\x0c")


def test_change_that_skips_a_number_reports_the_gap_and_can_be_suppressed(tmp_path):
    async def body(session: Editor, _) -> None:
        uri = session.open("antwoorden.md", SEPARATORS)
        await session.published(uri)
        # "**Vraag 3**" and "**Antwoord 3**" become 4, as two incremental changes.
        session.change(uri, [
            types.TextDocumentContentChangePartial(range=types.Range(
                start=types.Position(line=18, character=8), end=types.Position(line=18, character=9)), text="4"),
            types.TextDocumentContentChangePartial(range=types.Range(
                start=types.Position(line=22, character=11), end=types.Position(line=22, character=12)), text="4"),
        ])
        diagnostics = await session.published(uri)
        assert found(diagnostics) == [("QA101", (18, 8, 18, 9)), ("QA403", (16, 13, 16, 15))]
        (gap,) = [d for d in diagnostics if d.code == "QA101"]
        assert gap.message == "question number skipped: expected 3, found 4"
        assert gap.severity == types.DiagnosticSeverity.Error
        actions = await session.actions(uri, gap.range)
        (disable,) = [a for a in actions if a.title == "QA101: disable for this line"]
        suppressed = apply_utf16(session.texts[uri], disable.edit.changes[uri])
        assert suppressed.split("\n")[18:20] == ["<!-- qalint: disable-next-line=QA101 -->", "**Vraag 4**"]
        session.replace(uri, suppressed)
        # The gap is suppressed, and the comment is used (no QA001).
        assert [d.code for d in await session.published(uri)] == ["QA403"]
        # Saving checks at once; closing clears the document's diagnostics.
        document = types.TextDocumentIdentifier(uri=uri)
        session.client.text_document_did_save(types.DidSaveTextDocumentParams(text_document=document))
        assert [d.code for d in await session.published(uri)] == ["QA403"]
        session.client.text_document_did_close(types.DidCloseTextDocumentParams(text_document=document))
        assert await session.published(uri, lambda params: params.version is None) == []

    in_editor(tmp_path, body)


def test_pulled_diagnostics_outline_and_definition_in_utf8(tmp_path):
    async def body(session: Editor, result) -> None:
        assert result.capabilities.position_encoding == "utf-8"
        assert result.capabilities.diagnostic_provider is not None
        uri = session.open("antwoorden.md", ANSWERS)
        document = types.TextDocumentIdentifier(uri=uri)
        report = await within(session.client.text_document_diagnostic_async(
            types.DocumentDiagnosticParams(text_document=document)))
        assert report.kind == "full"
        assert found(report.items) == [("QA403", (16, 15, 16, 17))]  # after a four-byte emoji
        again = await within(session.client.text_document_diagnostic_async(
            types.DocumentDiagnosticParams(text_document=document, previous_result_id=report.result_id)))
        assert again.kind == "unchanged"

        symbols = await within(session.client.text_document_document_symbol_async(
            types.DocumentSymbolParams(text_document=document)))
        assert [s.name for s in symbols] == ["Vraag 1", "Vraag 2", "Vraag 3"]
        first = symbols[0]
        assert [c.name for c in first.children] == ["Wat kost het nieuwe beleid? 🎉", "Antwoord 1"]
        assert span(first.selection_range) == (2, 2, 2, 9)  # "Vraag 1" inside "**Vraag 1**"
        assert span(first.children[0].range) == (2, 2, 4, 32)  # the question ends after "🎉" (4 bytes)
        assert span(first.children[1].selection_range) == (6, 2, 6, 12)

        # "Zie ook het antwoord op vraag 2." on line 9: the "2" is at byte 50.
        locations = await within(session.client.text_document_definition_async(types.DefinitionParams(
            text_document=document, position=types.Position(line=8, character=50))))
        assert [(loc.uri, span(loc.range)) for loc in locations] == [(uri, (14, 2, 14, 12))]  # "Antwoord 2"
        nowhere = await within(session.client.text_document_definition_async(types.DefinitionParams(
            text_document=document, position=types.Position(line=4, character=3))))
        assert nowhere is None
        assert not session.pushed  # a client that pulls is not pushed to as well

    in_editor(tmp_path, body, NEOVIM)


def test_related_information_and_fix_all(tmp_path):
    async def body(session: Editor, _) -> None:
        uri = session.open("keten.md", CHAIN)
        diagnostics = await session.published(uri)
        assert found(diagnostics) == [
            ("QA303", (8, 26, 8, 27)), ("QA401", (4, 31, 4, 40)),
            ("QA403", (24, 69, 24, 71)), ("QA404", (20, 26, 20, 33)),
        ]
        (chain,) = [d for d in diagnostics if d.code == "QA303"]
        assert [(r.message, r.location.uri, span(r.location.range)) for r in chain.related_information] == [
            ("answer 2", uri, (14, 2, 14, 12)), ("answer 3 (via 2)", uri, (22, 2, 22, 12))]
        whole = types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=0))
        (action,) = await session.actions(uri, whole, only=[types.CodeActionKind.SourceFixAll])
        assert action.kind == "source.fixAll.qalint" and action.edit is None  # VS Code resolves it
        resolved = await within(session.client.code_action_resolve_async(action))
        fixed = apply_utf16(session.texts[uri], resolved.edit.changes[uri])
        assert fixed == CHAIN.replace("terzake", "ter zake").replace("de de", "de")

    in_editor(tmp_path, body)


def test_word_list_configuration_files_and_client_settings_recheck(tmp_path):
    async def body(session: Editor, _) -> None:
        uri = session.open("keten.md", CHAIN)
        diagnostics = await session.published(uri)
        # VS Code registers file watchers when asked: the configuration files and word lists.
        (watching,) = [r for r in session.registrations if r.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES]
        assert {w["globPattern"] for w in watching.register_options["watchers"]} >= {
            "**/pyproject.toml", "**/qalint.toml", "**/.qalint-words.txt"}
        (unknown,) = [d for d in diagnostics if d.code == "QA401"]
        actions = await session.actions(uri, unknown.range)
        titles = [a.title for a in actions]
        assert "QA401: replace with 'ontvangen'" in titles
        assert "QA401: add 'ontvangne' to the project word list" in titles
        # lsprotocol's client decodes a CodeAction that carries a command as a bare
        # Command, so the command the action names is executed as documented here.
        await within(session.client.workspace_execute_command_async(types.ExecuteCommandParams(
            command="qalint.addWord", arguments=[uri, "ontvangne"])))
        assert (tmp_path / ".qalint-words.txt").read_text(encoding="utf-8").splitlines()[-1] == "ontvangne"
        codes = [d.code for d in await session.published(uri, lambda p: True)]
        assert codes == ["QA303", "QA404", "QA403"]

        session.client.workspace_did_change_configuration(types.DidChangeConfigurationParams(
            settings={"qalint": {"severity": {"QA403": "error"}, "ignore": ["QA303"]}}))
        diagnostics = await session.published(uri, lambda p: True)
        assert [(d.code, d.severity) for d in diagnostics] == [
            ("QA404", types.DiagnosticSeverity.Warning), ("QA403", types.DiagnosticSeverity.Error)]

        (tmp_path / "qalint.toml").write_text('ignore = ["QA404"]\n', encoding="utf-8")
        session.client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[
            types.FileEvent(uri=(tmp_path / "qalint.toml").as_uri(), type=types.FileChangeType.Created)]))
        assert [d.code for d in await session.published(uri, lambda p: True)] == ["QA403"]

        # A broken configuration is one diagnostic at the document's start, naming file and key.
        (tmp_path / "qalint.toml").write_text('ignor = ["QA404"]\n', encoding="utf-8")
        session.client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[
            types.FileEvent(uri=(tmp_path / "qalint.toml").as_uri(), type=types.FileChangeType.Changed)]))
        (broken,) = await session.published(uri, lambda p: True)
        assert span(broken.range) == (0, 0, 0, 0) and broken.severity == types.DiagnosticSeverity.Error
        assert "qalint.toml" in broken.message and "ignor" in broken.message

    in_editor(tmp_path, body)


def test_each_workspace_folder_has_its_own_configuration(tmp_path):
    strict, lenient = tmp_path / "strict", tmp_path / "lenient"
    for folder in (strict, lenient / "drafts"):
        folder.mkdir(parents=True)
    (lenient / "qalint.toml").write_text('ignore = ["QA403"]\n', encoding="utf-8")

    async def body(session: Editor, _) -> None:
        session.client.workspace_did_change_workspace_folders(types.DidChangeWorkspaceFoldersParams(
            event=types.WorkspaceFoldersChangeEvent(added=[
                types.WorkspaceFolder(uri=folder.as_uri(), name=folder.name) for folder in (strict, lenient)],
                removed=[])))
        first = session.open("strict/antwoorden.md", ANSWERS)
        assert found(await session.published(first)) == [("QA403", (16, 13, 16, 15))]
        second = session.open("lenient/drafts/antwoorden.md", ANSWERS)  # found upward, as on the command line
        assert await session.published(second) == []

    in_editor(tmp_path, body)


def test_initialization_options_and_unusable_settings(tmp_path):
    async def body(session: Editor, _) -> None:
        uri = session.open("antwoorden.md", ANSWERS)
        assert await session.published(uri) == []  # QA403 ignored from the start
        for settings in ({"qalint": {"select": ["QA999"]}}, {"qalint": {"severity": {"QA403": "error"}}}):
            session.client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings=settings))
        # The unusable settings are shown and skipped; the next ones replace the first.
        assert [(d.code, d.severity) for d in await session.published(uri)] == [
            ("QA403", types.DiagnosticSeverity.Error)]
        assert any("QA999" in message for message in session.messages)

    in_editor(tmp_path, body, EMACS, options={"ignore": ["QA403"]})


def test_exit_without_shutdown_is_an_error(tmp_path):
    exits: list[int | None] = []

    async def scenario():
        client = LanguageClient()

        async def server_exit(process) -> None:
            exits.append(process.returncode)

        client.server_exit = server_exit
        await client.start_io(sys.executable, "-m", "qalint", "server", cwd=str(tmp_path))
        await within(client.initialize_session(types.InitializeParams(capabilities=types.ClientCapabilities())))
        client.exit(None)
        await within(client.stop())

    asyncio.run(scenario())
    assert exits == [1]


# -- position conversion, in-process --------------------------------------
def positions_of(text: str, encoding: str):
    from qalint.document import Document
    from qalint.server.positions import Positions

    return Positions(Document("t.md", text), encoding)


def test_positions_count_code_units_of_the_encoding_on_each_line():
    # "a😀b" CRLF "é😀c": the emoji is 2 UTF-16 units and 4 UTF-8 bytes, "é" 2 UTF-8 bytes.
    text = "a😀b\r\né😀c"
    c_offset = text.index("c")
    for encoding, character in (("utf-16", 3), ("utf-8", 6), ("utf-32", 2)):
        positions = positions_of(text, encoding)
        assert positions.position(c_offset) == types.Position(line=1, character=character)
        assert positions.offset(types.Position(line=1, character=character)) == c_offset
    utf16 = positions_of(text, "utf-16")
    assert utf16.position(text.index("b")) == types.Position(line=0, character=3)
    # Past the end of a line: its end (before the CRLF); past the last line: the text's end.
    assert utf16.offset(types.Position(line=0, character=99)) == text.index("\r")
    assert utf16.offset(types.Position(line=5, character=0)) == len(text)


def test_changes_apply_at_lsp_lines_not_python_lines():
    from qalint.server.positions import apply_change

    text = "a\u2028b\x0cc\r\né😀c\n"  # one LSP line break before "é" (CRLF); U+2028 and FF are text
    at = types.Range(start=types.Position(line=1, character=3), end=types.Position(line=1, character=4))
    assert apply_change(text, types.TextDocumentContentChangePartial(range=at, text="C")) == "a\u2028b\x0cc\r\né😀C\n"
    assert apply_change(text, types.TextDocumentContentChangeWholeDocument(text="new")) == "new"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "utf-32"])
def test_positions_round_trip_on_every_offset(encoding):
    text = "# Vraag 1 😀\r\n\r\n**Antwoord 1**\rJa 🎉🎉 ë\n\tZie vraag 2.\n"
    positions = positions_of(text, encoding)
    inside_crlf = {i for i in range(1, len(text)) if text[i - 1:i + 1] == "\r\n"}  # LSP cannot name these
    for offset in set(range(len(text) + 1)) - inside_crlf:
        assert positions.offset(positions.position(offset)) == offset


# -- random documents, in-process: the server's answers stay inside the text ----
def _inside(range_: types.Range, outer: types.Range) -> bool:
    def key(p: types.Position) -> tuple[int, int]:
        return p.line, p.character

    return key(outer.start) <= key(range_.start) <= key(range_.end) <= key(outer.end)


@functools.lru_cache(maxsize=1)
def _checker():
    from qalint.server.checker import Checker

    return Checker(registry())


@examples(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines, newline)
def test_random_documents_give_ranges_inside_the_text(parts, separator):
    from qalint.server.actions import code_actions
    from qalint.server.diagnostics import diagnostics
    from qalint.server.outline import answer_span, document_symbols, referral_at
    from qalint.server.positions import Positions

    checker = _checker()
    text = separator.join(parts).replace("\x00", "")
    checked = checker.check(Path("random.md"), text)
    positions = Positions(checked.doc)
    whole = positions.range(0, len(text))
    uri = "file:///random.md"
    for diagnostic in diagnostics(checked, positions, uri):
        assert _inside(diagnostic.range, whole)
        for related in diagnostic.related_information or []:
            assert _inside(related.location.range, whole)
    params = types.CodeActionParams(text_document=types.TextDocumentIdentifier(uri=uri), range=whole,
                                    context=types.CodeActionContext(diagnostics=[]))
    recheck = lambda fixed: checker.check(Path("random.md"), fixed).result.findings  # noqa: E731
    for action in code_actions(checked, positions, uri, params, recheck, lazy=False):
        for edit in (action.edit.changes[uri] if action.edit else []):
            assert _inside(edit.range, whole)
    structure = checked.structure
    if structure is None:
        return

    def nested(symbols, outer: types.Range) -> None:
        for symbol in symbols:
            assert _inside(symbol.range, outer) and _inside(symbol.selection_range, symbol.range)
            nested(symbol.children or [], symbol.range)

    nested(document_symbols(structure, checked.doc, positions), whole)
    for reference in structure.references:
        found = referral_at(structure, reference.start)
        assert found is not None and found[1]
        for target in found[1]:
            span = answer_span(structure, checked.doc, target.value)
            assert span is None or 0 <= span[0] <= span[1] <= len(text)



# -- "disable for this line" on real layouts, in-process -------------------------
@pytest.mark.parametrize("name, step", [
    ("antwoorden-kamervragen-defecten.md", 1),  # one defect of every rule: each finding
    ("verslag-schriftelijk-overleg-2020.md", 8),  # the real report: every 8th finding
])
def test_disable_for_this_line_silences_the_finding_and_nothing_else(name, step):
    import re
    from collections import Counter

    from qalint.server.actions import UNSUPPRESSIBLE, suppress_line
    from qalint.server.positions import UTF32, Positions

    checker = _checker()
    path = Path(__file__).resolve().parent.parent / "examples" / name
    text = path.read_text(encoding="utf-8")
    checked = checker.check(path, text)
    positions = Positions(checked.doc, UTF32)

    def kinds(findings):  # line numbers in messages move with the inserted line
        return Counter((f.code, re.sub(r"\d+", "#", f.message)) for f in findings)

    findings = [f for f in checked.result.findings if f.code not in UNSUPPRESSIBLE][::step]
    assert len(findings) >= 15
    for finding in findings:
        edit = suppress_line(finding, checked, positions)
        start, end = positions.offset(edit.range.start), positions.offset(edit.range.end)
        after = checker.check(path, text[:start] + edit.new_text + text[end:]).result.findings
        on_its_line = [f for f in checked.result.findings if f.code == finding.code and f.line == finding.line]
        expected = kinds(f for f in checked.result.findings if f not in on_its_line)
        assert not kinds(after) - expected, (finding.line, finding.code)  # nothing new, no QA001
        lost = expected - kinds(after)
        # A comment line between the halves of a paragraph cut by a page break separates them.
        assert set(code for code, _ in lost) <= {"QA506"}, (finding.line, finding.code, lost)


def test_client_settings_read_like_command_line_options():
    from qalint.server.checker import SettingsError, overrides_from

    assert overrides_from(None).select is None
    assert overrides_from({"qalint": None}).ignore == []
    options = overrides_from({"qalint": {"select": "QA1, QA3", "extend-select": ["QA401"],
                                         "ignore": ["QA104"], "severity": {"QA205": "error"}}})
    assert (options.select, options.extend_select, options.ignore, options.severity) == (
        ["QA1", "QA3"], ["QA401"], ["QA104"], {"QA205": "error"})
    assert overrides_from({"ignore": ["QA403"]}).ignore == ["QA403"]  # Helix sends the object itself
    for wrong in ({"qalint": {"ignore": [3]}}, {"qalint": {"severity": {"QA205": "fatal"}}}, {"qalint": "QA1"}):
        with pytest.raises(SettingsError):
            overrides_from(wrong)
