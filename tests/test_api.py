"""The Python API: check_text, check_paths, load_config; findings with the
fields of the JSON report; concurrent calls and calls with different
configurations never see each other's settings."""

from __future__ import annotations

import json
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import jsonschema
import pytest

import qalint
from conftest import GAP_DOC, ROOT, run_cli, span, where

# GAP_DOC with an invented word in answer 3 (line 11): QA401 when the
# project does not list it.
UNKNOWN_WORD_DOC = GAP_DOC.replace("Nee.", "Nee, de qalintwoord is onbekend.")
GAP = ("QA101", span(GAP_DOC, 7, "Vraag [[3]]"))
UNKNOWN = ("QA401", span(UNKNOWN_WORD_DOC, 11, "qalintwoord"))


def found(findings):
    return [(f.code, where(f)) for f in findings]


def test_check_text_reports_with_exact_positions():
    findings = qalint.check_text(GAP_DOC, "vragen.md")
    assert found(findings) == [GAP]
    assert findings[0].path == "vragen.md"
    assert findings.errors == []


def test_check_text_with_a_configuration():
    assert found(qalint.check_text(UNKNOWN_WORD_DOC, "v.md")) == [GAP, UNKNOWN]
    assert found(qalint.check_text(UNKNOWN_WORD_DOC, "v.md", qalint.load_config(select=["spelling"]))) == [UNKNOWN]
    assert found(qalint.check_text(UNKNOWN_WORD_DOC, "v.md", qalint.load_config(words=["qalintwoord"]))) == [GAP]
    severity = qalint.check_text(GAP_DOC, "v.md", qalint.load_config({"severity": {"QA101": "warning"}}))
    assert [f.severity for f in severity] == ["warning"]


def test_findings_have_the_fields_of_the_json_report(tmp_path, capsys):
    path = tmp_path / "vragen.md"
    path.write_text(UNKNOWN_WORD_DOC, encoding="utf-8")
    _, out, _ = run_cli(capsys, "check", "--isolated", "--format", "json", path)
    report = json.loads(out)
    api = [f.to_dict() for f in qalint.check_paths([path], qalint.load_config())]
    assert api == report["findings"]
    schema = json.loads((ROOT / "linter" / "schemas" / "report.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate({**report, "findings": api}, schema)
    finding = qalint.check_text(UNKNOWN_WORD_DOC, "v.md")[1]
    assert (finding.rule, finding.category, finding.severity, finding.fix) == ("misspelling", "spelling", "warning", None)


def test_check_paths_uses_each_files_configuration(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "vragen.md").write_text(GAP_DOC, encoding="utf-8")
    (tmp_path / "b" / "vragen.md").write_text(UNKNOWN_WORD_DOC, encoding="utf-8")
    (tmp_path / "b" / "qalint.toml").write_text('ignore = ["numbering"]\n', encoding="utf-8")
    (tmp_path / "b" / ".qalint-words.txt").write_text("# project words\n", encoding="utf-8")
    (tmp_path / "binary.md").write_bytes(b"\x00\x01")
    findings = qalint.check_paths([tmp_path])
    assert [(Path(f.path).relative_to(tmp_path).as_posix(), f.code, where(f)) for f in findings] == [
        ("a/vragen.md", *GAP), ("b/vragen.md", *UNKNOWN),
    ]
    assert findings.errors == [f"{tmp_path / 'binary.md'}: binary file (contains NUL bytes), skipped"]
    # The word list beside the file applies to it.
    (tmp_path / "b" / ".qalint-words.txt").write_text("qalintwoord\n", encoding="utf-8")
    assert [f.code for f in qalint.check_paths([tmp_path / "b"])] == []
    # A configuration given applies to every file instead.
    assert [f.code for f in qalint.check_paths([tmp_path / "a", tmp_path / "b"], qalint.load_config(select=["QA4"]))] == []
    assert qalint.check_paths([tmp_path / "missing"]).errors == [f"{tmp_path / 'missing'}: no such file or directory"]


def test_load_config_from_a_file_and_a_folder(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.qalint]\nselect = ["QA1"]\n', encoding="utf-8")
    (tmp_path / "docs").mkdir()
    for source in (tmp_path / "pyproject.toml", tmp_path / "docs"):
        config = qalint.load_config(source)
        assert config.select == ["QA1"] and config.path == tmp_path / "pyproject.toml"
    assert qalint.load_config(tmp_path / "pyproject.toml", select=["QA4"]).select == ["QA4"]
    # A configuration read from a file brings the project's word list.
    (tmp_path / ".qalint-words.txt").write_text("qalintwoord\n", encoding="utf-8")
    assert found(qalint.check_text(UNKNOWN_WORD_DOC, "docs/v.md", qalint.load_config(tmp_path, select=["QA4"]))) == []


@pytest.mark.parametrize("source, settings, message", [
    ({"bogus": 1}, {}, "load_config(): unknown key 'bogus'"),
    (None, {"fail_level": "fatal"}, "load_config(): fail-level: 'fatal' is not one of"),
    (None, {"select": ["QA999"]}, "unknown rule selector 'QA999'"),
    (None, {"profile": "nope"}, "unknown profile 'nope'"),
])
def test_load_config_refuses_bad_settings(source, settings, message):
    with pytest.raises(qalint.ConfigError, match=message.replace("(", r"\(").replace(")", r"\)")):
        qalint.load_config(source, **settings)


def test_a_file_too_large_is_refused_with_a_message():
    findings = qalint.check_text("Vraag 1\n" * 20, "big.md", qalint.load_config(max_file_size=100))
    assert list(findings) == [] and findings.errors == [
        "big.md: file too large (0.0 MiB, limit 0.0 MiB; raise `max-file-size`), skipped"
    ]


def test_calls_with_different_configurations_do_not_leak():
    with_word = qalint.load_config(words=["qalintwoord"])
    for config, expected in [(None, [GAP, UNKNOWN]), (with_word, [GAP]), (None, [GAP, UNKNOWN]),
                             (qalint.load_config(select=["QA4"]), [UNKNOWN]), (with_word, [GAP])]:
        assert found(qalint.check_text(UNKNOWN_WORD_DOC, "v.md", config)) == expected


def test_concurrent_calls_from_threads():
    configs = [None, qalint.load_config(words=["qalintwoord"]), qalint.load_config(select=["QA4"]),
               qalint.load_config(ignore=["spelling"], severity={"QA101": "info"})]
    corpus = (ROOT / "examples" / "verslag-schriftelijk-overleg-2020.md").read_text(encoding="utf-8")
    jobs = [(text, config) for text in (UNKNOWN_WORD_DOC, corpus, GAP_DOC) for config in configs] * 3
    expected = [[f.to_dict() for f in qalint.check_text(t, "v.md", c)] for t, c in jobs]
    start = threading.Barrier(4)

    def check(job):
        text, config = job
        return [f.to_dict() for f in qalint.check_text(text, "v.md", config)]

    with ThreadPoolExecutor(4, initializer=start.wait) as pool:
        assert list(pool.map(check, jobs)) == expected
    assert [f["severity"] for f in expected[3]] == ["info"]


def test_extract_text_gives_what_qalint_extract_prints(tmp_path, capsys):
    pairs = qalint.extract_text(GAP_DOC, "vragen.md")["pairs"]
    assert [(p["numbers"], p["question"]["text"], p["question"]["line"], p["answer"]["text"], p["answer"]["status"])
            for p in pairs] == [([1], "Klopt het?", 1, "Ja.", "answered"), ([3], "Klopt dat ook?", 7, "Nee.", "answered")]
    path = tmp_path / "vragen.md"
    path.write_text(GAP_DOC.replace("Nee.", "Zie het antwoord op vraag 1."), encoding="utf-8")
    _, out, _ = run_cli(capsys, "extract", "--isolated", "--format", "json", path)
    [printed] = json.loads(out)["documents"]
    assert qalint.extract_text(path.read_text(encoding="utf-8"), str(path)) == printed
    assert printed["pairs"][1]["refers_to"] == [1]
