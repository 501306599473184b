"""The command line: formats, exit codes, selection, configuration."""

from __future__ import annotations

import json
import subprocess
import sys

import jsonschema

from conftest import EXAMPLES, GAP_DOC, run_cli as run, span

DEFECTS = EXAMPLES / "antwoorden-kamervragen-defecten.md"
CLEAN = EXAMPLES / "antwoorden-kamervragen-schoon.md"
def test_text_output_has_location_code_source_and_caret(capsys, gap_file):
    code, out, err = run(capsys, "check", gap_file)
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == f"{gap_file}:7:7: QA101 error: question number skipped: expected 2, found 3"
    assert lines[2] == " 7 | Vraag 3"
    assert lines[3] == "   |       ^"
    assert lines[-2:] == ["Found 1 finding (1 error) in 1 file.", "No fixes with --fix (1 with --unsafe-fixes)."]


def test_quiet_prints_only_finding_lines(capsys, gap_file):
    code, out, err = run(capsys, "check", "--quiet", gap_file)
    assert out == f"{gap_file}:7:7: QA101 error: question number skipped: expected 2, found 3\n"


def test_clean_file_exits_zero(capsys):
    code, out, err = run(capsys, "check", CLEAN)
    assert code == 0 and "All checks passed" in out and err == ""


def test_json_report_validates_against_the_shipped_schema(capsys):
    code, out, _ = run(capsys, "check", "--format", "json", DEFECTS, CLEAN)
    assert code == 1
    report = json.loads(out)
    _, schema_text, _ = run(capsys, "schema")
    jsonschema.validate(report, json.loads(schema_text))
    assert report["summary"]["files"] == 2
    assert report["summary"]["findings"] == len(report["findings"]) == 42
    first = report["findings"][0]
    text = DEFECTS.read_text(encoding="utf-8")
    assert (first["line"], first["column"], first["end_line"], first["end_column"]) == span(text, 5, ".. xxxx 2024")
    assert first["category"] == "missing-answer" and first["rule"] == "header-placeholder"


def test_sarif_report(capsys):
    code, out, _ = run(capsys, "check", "--format", "sarif", DEFECTS)
    sarif = json.loads(out)
    assert sarif["version"] == "2.1.0"
    run_ = sarif["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    assert {r["id"] for r in rules} >= {"QA101", "QA301"}
    assert all("What it does" in r["help"]["text"] for r in rules)
    result = run_["results"][0]
    region = result["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (5, 47)
    assert result["partialFingerprints"]["primaryLocationLineHash"]
    assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    assert len({r["partialFingerprints"]["primaryLocationLineHash"] for r in run_["results"]}) == len(run_["results"])


def test_github_annotations(capsys, gap_file):
    code, out, _ = run(capsys, "check", "--format", "github", gap_file)
    assert out == (
        f"::error title=qalint (QA101),file={gap_file},line=7,col=7,endLine=7,endColumn=8"
        "::QA101 question number skipped: expected 2, found 3\n"
    )


def test_statistics(capsys):
    code, out, _ = run(capsys, "check", "--statistics", DEFECTS)
    lines = out.splitlines()
    # count, code, the highest severity, [*] all fixable / [-] some / [ ] none (by --fix alone), name
    assert "    1  QA101  error    [ ]  numbering-gap" in lines
    assert "    1  QA403  warning  [*]  doubled-word" in lines
    assert "    1  QA503  info     [ ]  term-variant" in lines
    assert "    1  QA515  warning  [*]  glued-marker" in lines
    assert lines[-1] == "[*] 10 fixable with --fix (1 more with --unsafe-fixes)."  # QA511, QA512, QA514 among them
    code, out, _ = run(capsys, "check", "--statistics", "--unsafe-fixes", DEFECTS)
    assert "    1  QA503  info     [*]  term-variant" in out.splitlines()


def test_select_ignore_and_exit_zero(capsys, gap_file):
    assert run(capsys, "check", "--ignore", "QA101", gap_file)[0] == 0
    assert run(capsys, "check", "--select", "reference", gap_file)[0] == 0
    assert run(capsys, "check", "--select", "numbering-gap", gap_file)[0] == 1
    assert run(capsys, "check", "--select", "QA1", gap_file)[0] == 1
    assert run(capsys, "check", "--exit-zero", gap_file)[0] == 0


def test_severity_override_and_fail_level(capsys, gap_file):
    code, out, _ = run(capsys, "check", "--format", "json", "--severity", "QA101=info", gap_file)
    assert code == 0  # info is below the default fail level
    assert json.loads(out)["findings"][0]["severity"] == "info"
    assert run(capsys, "check", "--severity", "QA101=info", "--fail-level", "info", gap_file)[0] == 1


def test_unknown_rule_code_is_an_error(capsys, gap_file):
    code, out, err = run(capsys, "check", "--select", "QA999", gap_file)
    assert code == 2
    assert err.strip() == "qalint: error: command line: unknown rule selector 'QA999' (see `qalint rules`)"


def test_bad_severity_value_is_a_usage_error(capsys, gap_file):
    code, _, err = run(capsys, "check", "--severity", "QA101=fatal", gap_file)
    assert code == 2 and "QA101=fatal" in err


def test_stdin_with_filename(capsys, monkeypatch):
    import io

    class Stdin:
        buffer = io.BytesIO(GAP_DOC.encode())

    monkeypatch.setattr(sys, "stdin", Stdin)
    code, out, _ = run(capsys, "check", "--quiet", "--stdin-filename", "report.md", "-")
    assert code == 1
    assert out.startswith("report.md:7:7: QA101")


def test_output_file(capsys, gap_file, tmp_path):
    target = tmp_path / "report.json"
    code, out, _ = run(capsys, "check", "--format", "json", "--output-file", target, gap_file)
    assert code == 1 and out == ""
    assert json.loads(target.read_text())["summary"]["findings"] == 1


def test_rules_and_rule_docs(capsys):
    code, out, _ = run(capsys, "rules")
    assert code == 0 and out.splitlines()[2].startswith("QA101  numbering-gap")
    code, out, _ = run(capsys, "rule", "QA301")
    assert code == 0
    for heading in ("What it does", "Why it matters", "Example"):
        assert heading in out
    assert run(capsys, "rule", "QA999")[0] == 2


def test_every_rule_is_documented():
    from conftest import registry

    for rule in registry().rules.values():
        doc = rule.doc()
        assert all(h in doc for h in ("What it does", "Why it matters", "Example")), rule.code


def test_directory_is_walked_in_order_and_excludes_honoured(capsys, tmp_path):
    (tmp_path / "b.md").write_text(GAP_DOC)
    (tmp_path / "a.txt").write_text(GAP_DOC)
    (tmp_path / "skip").mkdir()
    (tmp_path / "skip" / "c.md").write_text(GAP_DOC)
    (tmp_path / "notes.rst").write_text(GAP_DOC)
    (tmp_path / "qalint.toml").write_text('extend-exclude = ["skip"]\n')
    code, out, _ = run(capsys, "check", "--quiet", tmp_path)
    assert [line.split(":")[0] for line in out.splitlines()] == [str(tmp_path / "a.txt"), str(tmp_path / "b.md")]


def test_version(capsys):
    code, out, _ = run(capsys, "--version")
    assert code == 0 and out.startswith("qalint 0.")


def test_console_script_runs():
    result = subprocess.run(
        [sys.executable, "-m", "qalint", "check", "--quiet", str(CLEAN)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def test_readme_rule_table_matches_the_rules():
    import re

    from conftest import ROOT, registry

    rows = re.findall(r"^\| (QA\d{3}) \| ([a-z-]+) \| ([a-z-]+) \| ([a-z]+) \| ([a-z]*) \|", (ROOT / "README.md").read_text(), re.M)
    documented = {code: (name, category, severity, fix or None) for code, name, category, severity, fix in rows}
    actual = {r.code: (r.name, r.category, r.severity, r.fix_safety) for r in registry().rules.values()}
    assert documented == actual


def test_report_schema_accepts_fields_added_within_1_x(capsys, gap_file):
    """A reader validating against the 1.0 schema must not break when 1.x adds a field."""
    code, out, _ = run(capsys, "check", "--format", "json", "--unsafe-fixes", gap_file)
    report = json.loads(out)
    schema = json.loads(run(capsys, "schema")[1])
    report["added_later"] = 1
    report["tool"]["build"] = "x"
    report["summary"]["fixable"] = 1
    report["findings"][0]["url"] = "https://example.org/QA101"
    report["findings"][0]["fix"]["isolation"] = "file"
    report["findings"][0]["fix"]["edits"][0]["kind"] = "replace"
    jsonschema.validate(report, schema)
    report["findings"][0]["line"] = 0  # what is listed still holds
    import pytest

    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(report, schema)
