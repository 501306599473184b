"""The language server's parts in-process: position conversion, applying the
client's changes, client settings, and answers on random and real documents."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as examples
from lsprotocol import types

from conftest import registry
from test_properties import lines, newline

# -- position conversion, in-process --------------------------------------
def positions_of(text: str, encoding: str):
    from qalint.source.document import Document
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

    from qalint.server.actions import suppress_line, suppressible
    from qalint.server.positions import UTF32, Positions

    checker = _checker()
    path = Path(__file__).resolve().parent.parent / "examples" / name
    text = path.read_text(encoding="utf-8")
    checked = checker.check(path, text)
    positions = Positions(checked.doc, UTF32)

    def kinds(findings):  # line numbers in messages move with the inserted line
        return Counter((f.code, re.sub(r"\d+", "#", f.message)) for f in findings)

    findings = [f for f in checked.result.findings if suppressible(f, checked)][::step]
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


def test_outline_of_numbered_questions_pairs_them_as_extract_does():
    from qalint.server.outline import document_symbols
    from qalint.server.positions import Positions

    text = (
        "Antwoord van minister Jansen (ontvangen 20 november 2024)\n\n"
        "1. Kunt u bevestigen dat de beurs deze maand doorgaat?\n\nAntwoord:\nJa.\n\n"
        "2. Welke bedrijven zijn op deze beurs aanwezig?\n\nAntwoord:\nDat is nog niet bekend.\n"
    )
    checked = _checker().check(Path("beurs.txt"), text)
    symbols = document_symbols(checked.structure, checked.doc, Positions(checked.doc))

    def outline(symbol):
        r = symbol.range
        return symbol.name, (r.start.line, r.start.character, r.end.line, r.end.character)

    # The number heads the question (as in `qalint extract`); "Antwoord:" opens the answer.
    assert [outline(s) for s in symbols] == [
        ("1. Kunt u bevestigen dat de beurs deze maand doorgaat?", (2, 0, 5, 3)),
        ("2. Welke bedrijven zijn op deze beurs aanwezig?", (7, 0, 10, 23)),
    ]
    assert [outline(c) for c in symbols[0].children] == [
        ("Kunt u bevestigen dat de beurs deze maand doorgaat?", (2, 0, 2, 54)), ("Antwoord", (4, 0, 5, 3))]
