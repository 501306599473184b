"""A client session with `qalint server` over stdio, for the server tests.

The client is pytest-lsp's (pygls' client, which also checks every answer
against the capabilities the client declared), started with the capabilities
a real editor sends. The machine may be slow and shared: every wait is generous.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import sys
from collections import defaultdict
from pathlib import Path

from lsprotocol import types
from pytest_lsp import LanguageClient, client_capabilities

# Seconds any one answer may take: the first check may compile the dictionaries.
TIMEOUT = 240.0
VSCODE, EMACS, NEOVIM = "visual-studio-code", "emacs", "neovim@v0.11"


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
async def editor(folder: Path, spec: str = VSCODE, settings: dict | None = None, options: dict | None = None,
                 env: dict | None = None):
    """A `qalint server` process (with `env` added to its environment) and a
    client with the capabilities of `spec`; on leaving, shutdown and exit,
    and the server must end with status 0."""
    session = Editor(folder, settings)
    client = session.client
    exits: list[int | None] = []
    notify = client.server_exit

    async def server_exit(process) -> None:  # pygls' hook, called when the process ends
        exits.append(process.returncode)
        await notify(process)

    client.server_exit = server_exit
    await client.start_io(sys.executable, "-m", "qalint", "server", cwd=str(folder),
                          env={**os.environ, **(env or {})})
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


def in_editor(folder: Path, body, spec: str = VSCODE, **client) -> None:
    """Run `body(session, initialize_result)` in an editor session on `folder`
    (`client`: the settings it answers with, the initialization options)."""
    async def scenario():
        async with editor(folder, spec, **client) as (session, result):
            await body(session, result)

    asyncio.run(scenario())
