"""`qalint server`: the language server (pygls over stdio).

Diagnostics are pushed on open, after a pause in typing and on save, to
clients that do not pull them; clients that pull (`textDocument/diagnostic`)
get them on request, and a refresh when the configuration changes, so that
no editor shows them twice.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from urllib.parse import urlparse

from lsprotocol import types
from pygls.capabilities import get_capability
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from ..version import __version__
from ..engine.config import CONFIG_FILES, ConfigError
from ..engine.linter import WORDS_FILE
from ..spelling.wordlist import append_words
from .checker import Checked, Checker, SettingsError
from .diagnostics import diagnostics
from .positions import UTF16, Positions, apply_change

# Typing pauses this long before a changed document is checked.
DEBOUNCE_SECONDS = 0.2
# Files whose change re-checks every open document.
WATCHED_FILES = (*CONFIG_FILES, WORDS_FILE)
SETTINGS_SECTION = "qalint"


class QalintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("qalint", __version__)
        self.checker = Checker()
        self._open: dict[str, tuple[str, int]] = {}  # text and version of each open document
        self._checked: dict[str, Checked] = {}
        self._pending: dict[str, asyncio.Task] = {}
        self.generation = 0  # counts configuration changes, for pull result ids
        self.shut_down = False  # the client asked for shutdown before exit

    # -- documents ---------------------------------------------------------
    def path_of(self, uri: str) -> Path:
        """The file a document stands for: configuration is looked up from it."""
        if urlparse(uri).scheme == "file":
            return Path(to_fs_path(uri) or uri)
        name = Path(urlparse(uri).path).name or "untitled.md"  # untitled:Untitled-1
        return self.folder_of(None) / name

    def folder_of(self, path: Path | None) -> Path:
        """The workspace folder holding `path` (without a path: the first one),
        else the file's own folder (or the current folder)."""
        folders = [Path(to_fs_path(f.uri) or ".") for f in self.workspace.folders.values()]
        if self.workspace.root_path:
            folders.append(Path(self.workspace.root_path))
        for folder in folders:
            if path is None or path.is_relative_to(folder):
                return folder
        return path.parent if path is not None else Path.cwd()

    def open_document(self, document: types.TextDocumentItem) -> None:
        self._open[document.uri] = document.text, document.version

    def change_document(self, params: types.DidChangeTextDocumentParams) -> None:
        uri = params.text_document.uri
        text = self.text_of(uri)
        for change in params.content_changes:
            text = apply_change(text, change, self.encoding)
        self._open[uri] = text, params.text_document.version

    def text_of(self, uri: str) -> str:
        """An open document's text, else the file's."""
        if uri in self._open:
            return self._open[uri][0]
        return self.workspace.get_text_document(uri).source

    def checked(self, uri: str) -> Checked:
        """The check of the document's current text (re-used while it is unchanged)."""
        text = self.text_of(uri)
        cached = self._checked.get(uri)
        if cached is None or cached.doc.text != text:
            cached = self._checked[uri] = self.checker.check(self.path_of(uri), text)
        return cached

    @property
    def encoding(self) -> str:
        return self.workspace.position_encoding or UTF16

    def positions(self, checked: Checked) -> Positions:
        return Positions(checked.doc, self.encoding)

    def recheck(self, uri: str):
        """Findings of a text as this document, for fixing pass by pass."""
        path = self.path_of(uri)
        return lambda text: self.checker.check(path, text).result.findings

    def forget(self, uri: str) -> None:
        self._open.pop(uri, None)
        self._checked.pop(uri, None)
        pending = self._pending.pop(uri, None)
        if pending is not None:
            pending.cancel()

    # -- diagnostics -------------------------------------------------------
    @property
    def pulls(self) -> bool:
        return get_capability(self.client_capabilities, "text_document.diagnostic") is not None

    def publish(self, uri: str) -> None:
        pending = self._pending.pop(uri, None)
        if pending is not None and pending is not asyncio.current_task():
            pending.cancel()
        if self.pulls:
            return
        checked = self.checked(uri)
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=uri, version=self._open[uri][1] if uri in self._open else None,
            diagnostics=diagnostics(checked, self.positions(checked), uri),
        ))

    def publish_later(self, uri: str) -> None:
        pending = self._pending.pop(uri, None)
        if pending is not None:
            pending.cancel()
        self._pending[uri] = asyncio.ensure_future(self._publish_after_pause(uri))

    async def _publish_after_pause(self, uri: str) -> None:
        await asyncio.sleep(DEBOUNCE_SECONDS)
        self.publish(uri)

    def recheck_all(self) -> None:
        """After a change of configuration, word list or settings."""
        self.generation += 1
        self._checked.clear()
        if self.pulls:
            if get_capability(self.client_capabilities, "workspace.diagnostics.refresh_support", False):
                self.workspace_diagnostic_refresh(None)
            return
        for uri in list(self._open):
            self.publish(uri)

    # -- settings ----------------------------------------------------------
    def apply_settings(self, settings, recheck: bool = True) -> None:
        """Use the client's settings; unusable ones are shown and the previous kept."""
        try:
            self.checker.configure(settings)
        except (SettingsError, ConfigError) as error:
            self.window_show_message(types.ShowMessageParams(type=types.MessageType.Error, message=str(error)))
            return
        if recheck:
            self.recheck_all()

    async def pull_settings(self) -> None:
        """Ask the client for the `qalint` settings section, when it can be asked."""
        if not get_capability(self.client_capabilities, "workspace.configuration", False):
            return
        answer = await self.workspace_configuration_async(
            types.ConfigurationParams(items=[types.ConfigurationItem(section=SETTINGS_SECTION)])
        )
        if answer and answer[0]:
            self.apply_settings(answer[0])

    async def watch_files(self) -> None:
        """Ask the client to report changes of configuration files and word lists."""
        if not get_capability(self.client_capabilities,
                              "workspace.did_change_watched_files.dynamic_registration", False):
            return
        watchers = [types.FileSystemWatcher(glob_pattern=f"**/{name}") for name in WATCHED_FILES]
        try:
            await self.client_register_capability_async(types.RegistrationParams(registrations=[types.Registration(
                id="qalint-watched-files", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                register_options=types.DidChangeWatchedFilesRegistrationOptions(watchers=watchers),
            )]))
        except Exception as error:  # the client refused: saving a configuration file still re-checks
            self.window_log_message(types.LogMessageParams(
                type=types.MessageType.Warning, message=f"qalint: files are not watched: {error}"))

    def add_word(self, uri: str, word: str) -> None:
        path = self.path_of(uri)
        try:
            target = self.checker.words_file(path, self.folder_of(path))
            added = append_words(target, {word})
        except (ConfigError, OSError) as error:
            self.window_show_message(types.ShowMessageParams(type=types.MessageType.Error,
                                                             message=f"qalint: cannot add {word!r}: {error}"))
            return
        if added:
            self.window_log_message(types.LogMessageParams(type=types.MessageType.Info,
                                                           message=f"qalint: added {word!r} to {target}"))
        self.checker.reload()
        self.recheck_all()
