"""Structured data on findings: QA401 names its word in `data`, the JSON
and SARIF reports carry it, worker processes and the result cache keep it,
and `--add-unknown-words` and the language server read it."""

from __future__ import annotations

import json

import jsonschema

from conftest import GAP_DOC, lint, run_cli, span, where
from misbehaving_plugin import use_plugins

# GAP_DOC (QA101 at 7:7) with an invented word in answer 3, on line 11.
UNKNOWN_WORD_DOC = GAP_DOC.replace("Nee.", "Nee, de qalintwoord is onbekend.")


def test_misspelling_names_its_word_in_data():
    (gap, unknown) = lint(UNKNOWN_WORD_DOC, select=["QA101", "QA401"])
    assert (unknown.code, where(unknown)) == ("QA401", span(UNKNOWN_WORD_DOC, 11, "qalintwoord"))
    assert unknown.data == {"word": "qalintwoord"}
    assert gap.data == {}


def test_json_report_carries_data_only_where_a_rule_gives_it(capsys, tmp_path):
    doc = tmp_path / "vragen.md"
    doc.write_text(UNKNOWN_WORD_DOC, encoding="utf-8")
    code, out, _ = run_cli(capsys, "check", "--isolated", "--format", "json", doc)
    report = json.loads(out)
    jsonschema.validate(report, json.loads(run_cli(capsys, "schema")[1]))
    assert report["version"] == "1.1"
    by_code = {f["code"]: f for f in report["findings"]}
    assert by_code["QA401"]["data"] == {"word": "qalintwoord"}
    assert "data" not in by_code["QA101"]


def test_report_schema_wants_data_as_strings(capsys, tmp_path):
    doc = tmp_path / "vragen.md"
    doc.write_text(UNKNOWN_WORD_DOC, encoding="utf-8")
    report = json.loads(run_cli(capsys, "check", "--isolated", "--format", "json", doc)[1])
    schema = json.loads(run_cli(capsys, "schema")[1])
    (unknown,) = [f for f in report["findings"] if f["code"] == "QA401"]
    unknown["data"] = {"word": 3}
    try:
        jsonschema.validate(report, schema)
    except jsonschema.ValidationError:
        return
    raise AssertionError("a number in data passed the schema")


def test_sarif_results_carry_data_as_properties(capsys, tmp_path):
    doc = tmp_path / "vragen.md"
    doc.write_text(UNKNOWN_WORD_DOC, encoding="utf-8")
    sarif = json.loads(run_cli(capsys, "check", "--isolated", "--format", "sarif", doc)[1])
    results = {r["ruleId"]: r for r in sarif["runs"][0]["results"]}
    assert results["QA401"]["properties"] == {"word": "qalintwoord"}
    assert "properties" not in results["QA101"]


def test_data_survives_worker_processes_and_the_result_cache(capsys, tmp_path):
    for name in ("een.md", "twee.md"):
        (tmp_path / name).write_text(UNKNOWN_WORD_DOC, encoding="utf-8")
    cache = tmp_path / "cache"

    def words():
        out = run_cli(capsys, "check", "--isolated", "--format", "json", "--jobs", "2",
                      "--cache-dir", cache, tmp_path / "een.md", tmp_path / "twee.md")[1]
        return [f["data"] for f in json.loads(out)["findings"] if f["code"] == "QA401"]

    assert words() == [{"word": "qalintwoord"}] * 2  # from the workers
    assert any(cache.rglob("*"))
    assert words() == [{"word": "qalintwoord"}] * 2  # from the cache


def test_a_rule_whose_data_is_not_strings_loses_that_finding(capsys, monkeypatch, gap_file):
    use_plugins(monkeypatch, "BadData")
    code, out, err = run_cli(capsys, "check", "--isolated", "--quiet", "--select", "QA959", gap_file)
    assert code == 2
    assert out.splitlines() == [f"{gap_file}:1:1: QA959 warning: data of strings"]
    assert err.splitlines() == [
        f"qalint: error: {gap_file}: rule QA959 (bad-data) of plugin 'BadData': yielded a finding with data "
        "{'count': 3}, not a mapping of strings to strings; dropped",
    ]


def test_unknown_words_come_from_data_not_from_the_report_text():
    from qalint.spelling.wordlist import reported_words

    # Where the report's source window no longer shows the word (a long line
    # cut for display), the data still names it.
    (finding,) = lint("Vraag 1\nIs de qalintwoord bekend?\n", select=["QA401"])
    finding.source_line, finding.source_start = "…", 0
    assert reported_words([finding]) == ({"qalintwoord"}, set())
    finding.suggestions = ["qalintwoorden"]
    assert reported_words([finding]) == (set(), {"qalintwoord"})
    assert reported_words([finding], force=True) == ({"qalintwoord"}, set())
    finding.data = {}
    assert reported_words([finding]) == (set(), set())


def test_the_language_servers_add_word_action_reads_data():
    from pathlib import Path

    from lsprotocol import types

    from qalint.server.actions import ADD_WORD, code_actions
    from qalint.server.checker import Checker
    from qalint.server.positions import Positions
    from conftest import registry

    checked = Checker(registry()).check(Path("vragen.md"), UNKNOWN_WORD_DOC)
    positions = Positions(checked.doc)
    uri = "file:///vragen.md"
    params = types.CodeActionParams(text_document=types.TextDocumentIdentifier(uri=uri),
                                    range=positions.range(0, len(UNKNOWN_WORD_DOC)),
                                    context=types.CodeActionContext(diagnostics=[]))

    def added():
        actions = code_actions(checked, positions, uri, params, lambda text: [], lazy=True)
        return [a.command.arguments for a in actions if a.command and a.command.command == ADD_WORD]

    assert added() == [[uri, "qalintwoord"]]
    (unknown,) = [f for f in checked.result.findings if f.code == "QA401"]
    unknown.data = {"word": "qalintwoorden"}  # what the rule named, not the text under the span
    assert added() == [[uri, "qalintwoorden"]]
