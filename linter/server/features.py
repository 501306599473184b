"""The LSP methods `qalint server` answers, registered on a new server."""

from __future__ import annotations

from pathlib import Path

from lsprotocol import types
from pygls.capabilities import get_capability
from pygls.uris import to_fs_path

from .actions import ADD_WORD, FIX_ALL, code_actions, resolve_fix_all
from .app import WATCHED_FILES, QalintServer
from .diagnostics import diagnostics, hover
from .outline import answer_span, document_symbols, referral_at


def create_server() -> QalintServer:
    server = QalintServer()
    for register in (_lifecycle, _documents, _diagnostics_and_actions, _navigation):
        register(server)
    return server


def _lifecycle(server: QalintServer) -> None:
    """Start, settings, watched files, shut-down."""

    @server.feature(types.INITIALIZE)
    def initialize(ls: QalintServer, params: types.InitializeParams) -> None:
        if params.initialization_options:  # nothing is open yet: nothing to re-check
            ls.apply_settings(params.initialization_options, recheck=False)

    @server.feature(types.INITIALIZED)
    async def initialized(ls: QalintServer, params: types.InitializedParams) -> None:
        for warning in ls.checker.registry.warnings:
            ls.window_log_message(types.LogMessageParams(type=types.MessageType.Warning, message=f"qalint: {warning}"))
        await ls.watch_files()
        await ls.pull_settings()

    @server.feature(types.SHUTDOWN)
    def shutdown(ls: QalintServer, params: None) -> None:
        ls.shut_down = True

    @server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
    async def changed_configuration(ls: QalintServer, params: types.DidChangeConfigurationParams) -> None:
        if params.settings:
            ls.apply_settings(params.settings)
        else:  # a client that sends no settings is to be asked
            await ls.pull_settings()

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def changed_files(ls: QalintServer, params: types.DidChangeWatchedFilesParams) -> None:
        if any(Path(to_fs_path(change.uri) or change.uri).name in WATCHED_FILES for change in params.changes):
            ls.checker.reload()
            ls.recheck_all()


def _documents(server: QalintServer) -> None:
    """Open, change, save and close."""

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def opened(ls: QalintServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.open_document(params.text_document)
        ls.publish(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def changed(ls: QalintServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.change_document(params)
        ls.publish_later(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE, types.SaveOptions(include_text=False))
    def saved(ls: QalintServer, params: types.DidSaveTextDocumentParams) -> None:
        uri = params.text_document.uri
        if ls.path_of(uri).name in WATCHED_FILES:  # a configuration or word list edited in the editor
            ls.checker.reload()
            ls.recheck_all()
        else:
            ls.publish(uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def closed(ls: QalintServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        ls.forget(uri)
        if not ls.pulls:
            ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))


def _diagnostics_and_actions(server: QalintServer) -> None:
    """Pulled diagnostics, code actions and their commands, hover."""

    @server.feature(types.TEXT_DOCUMENT_DIAGNOSTIC, types.DiagnosticOptions(
        identifier="qalint", inter_file_dependencies=False, workspace_diagnostics=False))
    def pull(ls: QalintServer, params: types.DocumentDiagnosticParams):
        uri = params.text_document.uri
        checked = ls.checked(uri)
        result_id = f"{ls.generation}:{hash(checked.doc.text):x}"
        if params.previous_result_id == result_id:
            return types.RelatedUnchangedDocumentDiagnosticReport(result_id=result_id)
        return types.RelatedFullDocumentDiagnosticReport(
            items=diagnostics(checked, ls.positions(checked), uri), result_id=result_id)

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
        code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL], resolve_provider=True))
    def actions(ls: QalintServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        uri = params.text_document.uri
        checked = ls.checked(uri)
        resolvable = get_capability(ls.client_capabilities, "text_document.code_action.resolve_support")
        lazy = resolvable is not None and "edit" in resolvable.properties
        return code_actions(checked, ls.positions(checked), uri, params, ls.recheck(uri), lazy)

    @server.feature(types.CODE_ACTION_RESOLVE)
    def resolve(ls: QalintServer, action: types.CodeAction) -> types.CodeAction:
        uri = (action.data or {}).get("uri") if isinstance(action.data, dict) else None
        if action.kind != FIX_ALL or uri is None:
            return action
        checked = ls.checked(uri)
        return resolve_fix_all(action, checked, ls.positions(checked), uri, ls.recheck(uri))

    @server.command(ADD_WORD)
    def add_word(ls: QalintServer, uri: str, word: str) -> None:
        ls.add_word(uri, word)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hovered(ls: QalintServer, params: types.HoverParams) -> types.Hover | None:
        checked = ls.checked(params.text_document.uri)
        positions = ls.positions(checked)
        return hover(checked, positions, positions.offset(params.position))


def _navigation(server: QalintServer) -> None:
    """The outline, and from a referral to the answer it names."""

    @server.feature(types.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
    def symbols(ls: QalintServer, params: types.DocumentSymbolParams) -> list[types.DocumentSymbol]:
        checked = ls.checked(params.text_document.uri)
        structure = checked.structure
        return document_symbols(structure, checked.doc, ls.positions(checked)) if structure else []

    @server.feature(types.TEXT_DOCUMENT_DEFINITION)
    def definition(ls: QalintServer, params: types.DefinitionParams) -> list[types.Location] | None:
        uri = params.text_document.uri
        checked = ls.checked(uri)
        positions = ls.positions(checked)
        structure = checked.structure
        found = referral_at(structure, positions.offset(params.position)) if structure else None
        if found is None:
            return None
        spans = [answer_span(structure, checked.doc, target.value) for target in found[1]]
        return [types.Location(uri=uri, range=positions.range(*span)) for span in spans if span] or None
