"""`qalint server`, started as a subprocess and spoken to in LSP over stdio,
with the capabilities real editors send: VS Code (UTF-16, pushed diagnostics),
Emacs (UTF-32, pushed) and Neovim 0.11 (UTF-8, pulled diagnostics). Expected
positions are counted by hand from the documents below.
"""

from __future__ import annotations

import asyncio
import sys

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

from lsp_session import EMACS, NEOVIM, VSCODE, Editor, apply_utf16, found, in_editor, span, within

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


def test_settings_the_server_asks_the_client_for(tmp_path):
    async def body(session: Editor, _) -> None:
        uri = session.open("antwoorden.md", ANSWERS)
        # The answer to workspace/configuration may come before or after the first check.
        assert await session.published(uri, lambda params: not params.diagnostics) == []

    in_editor(tmp_path, body, settings={"ignore": ["QA403"]})


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


ENDLESS_PLUGIN = """
    from qalint import Rule, hookimpl

    class Endless(Rule):
        code = "QA963"
        name = "endless"
        category = "consistency"

        def check(self, context):
            while "aaaa" in context.document.text:
                pass
            return []

    @hookimpl
    def qalint_rules():
        return [Endless]
"""


def test_a_check_over_its_time_budget_is_stopped_and_the_server_answers_on(tmp_path):
    from test_plugins import fake_distribution

    site = tmp_path / "site"
    fake_distribution(site, "endless", {"endless": "endless_mod"}, {"endless_mod": ENDLESS_PLUGIN})
    folder = tmp_path / "project"
    folder.mkdir()
    (folder / "qalint.toml").write_text("timeout = 1\n")

    async def body(session: Editor, _) -> None:
        uri = session.open("antwoorden.md", ANSWERS.replace("veel geld", "aaaa"))
        (stopped,) = await session.published(uri)
        assert stopped.severity == types.DiagnosticSeverity.Error
        assert stopped.message.endswith(
            "antwoorden.md: not checked within 1 s (the `timeout` setting) in rule QA963 (endless); skipped")
        # The stopped check's process is replaced: the next version is checked.
        session.change(uri, [types.TextDocumentContentChangeWholeDocument(text=ANSWERS)])
        assert found(await session.published(uri)) == [("QA403", (16, 12, 16, 14))]

    in_editor(folder, body, EMACS, env={"PYTHONPATH": str(site)})
