"""Every built-in rule against its fixture document: only that rule
selected, the findings compared by position and code with those marked by
hand in the sidecar (see tests/fixtures/rules/README.md)."""

from __future__ import annotations

import pytest
from expectations import fixture_codes, read_expected

import qalint
from qalint.engine.plugins import load_registry


def _reported(code: str):
    expected = read_expected(code)
    config = qalint.load_config(select=[code], **{k.replace("-", "_"): v for k, v in expected.settings.items()})
    text = expected.document.read_bytes().decode("utf-8")
    findings = qalint.check_text(text, expected.document.name, config)
    assert not findings.errors, findings.errors
    # Other rules a fixture selects (a suppression needs the rule it suppresses) are not compared.
    return expected, {(f.line, f.column, f.end_line, f.end_column, f.code): f.message for f in findings if f.code == code}


@pytest.mark.parametrize("code", fixture_codes())
def test_rule_reports_what_its_fixture_marks(code):
    expected, reported = _reported(code)
    missing = {span: fragment for span, fragment in expected.findings.items() if span not in reported}
    unexpected = {span: message for span, message in reported.items() if span not in expected.findings and span not in expected.false}
    assert (missing, unexpected) == ({}, {}), "hand-marked findings not reported / reported but not marked"
    for span, fragment in expected.findings.items():
        assert fragment.lower() in reported[span].lower(), (span, reported[span])


@pytest.mark.parametrize("code", fixture_codes())
def test_known_misses_and_false_findings_are_still_so(code):
    """A known miss that is now reported, or a false finding that is gone,
    is progress: move it to the expected findings (or delete it)."""
    expected, reported = _reported(code)
    assert [span for span in expected.misses if span in reported] == []
    assert [span for span in expected.false if span not in reported] == []


def test_every_built_in_rule_has_a_fixture():
    built_in = set(load_registry(entry_points=False).rules)
    assert built_in, "no built-in rules found"
    assert sorted(built_in - set(fixture_codes())) == []
