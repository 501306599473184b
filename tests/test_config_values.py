"""Configuration values are checked by type every time, whatever an earlier
run remembered; a `tool` or `tool.qalint` that is no table and an encoding
that does not exist are one-line errors."""

from __future__ import annotations

import pytest

from conftest import run_cli


def check(capsys, gap_file):
    code, out, err = run_cli(capsys, "check", "--quiet", gap_file)
    return code, err


@pytest.mark.parametrize("content, problem", [
    ("tool = 1\n", "`tool` must be a table, not an integer"),
    ('tool = "qalint"\n', "`tool` must be a table, not a string"),
    ("[tool]\nqalint = 1\n", "`tool.qalint` must be a table, not an integer"),
    ("[tool]\nqalint = [1, 2]\n", "`tool.qalint` must be a table, not an array"),
    ("[tool]\nqalint = 2024-01-01\n", "`tool.qalint` must be a table, not a date or time"),
])
def test_tool_tables_that_are_no_tables(capsys, gap_file, content, problem):
    config = gap_file.parent / "pyproject.toml"
    config.write_text(content)
    assert check(capsys, gap_file) == (2, f"qalint: error: {config}: {problem}\n")


def test_pyproject_with_other_tools_only_is_still_skipped(capsys, gap_file):
    (gap_file.parent / "pyproject.toml").write_text("[tool.black]\nline-length = 100\n")
    assert check(capsys, gap_file) == (1, "")


@pytest.mark.parametrize("encoding, problem", [
    ('"utf-8\\u0000"', "unknown encoding 'utf-8\\x00'"),
    ('"klingon-8"', "unknown encoding 'klingon-8'"),
    ('"rot13"', "'rot13' is not a text encoding"),
])
def test_unknown_encodings(capsys, gap_file, encoding, problem):
    config = gap_file.parent / "qalint.toml"
    config.write_text(f"encoding = {encoding}\n")
    assert check(capsys, gap_file) == (2, f"qalint: error: {config}: encoding: {problem}\n")


def test_a_value_valid_as_a_string_is_checked_again_as_a_date(capsys, gap_file):
    config = gap_file.parent / "qalint.toml"
    config.write_text('words = ["2024-01-01"]\n')
    assert check(capsys, gap_file) == (1, "")  # valid, and remembered as valid
    config.write_text("words = [2024-01-01]\n")  # a TOML date, which JSON would write as the same text
    assert check(capsys, gap_file) == (
        2, f"qalint: error: {config}: words.0: datetime.date(2024, 1, 1) is not of type 'string'\n"
    )


def test_a_number_valid_once_is_checked_again_as_a_boolean(capsys, gap_file):
    config = gap_file.parent / "qalint.toml"
    config.write_text("numbering-start = 1\n")
    assert check(capsys, gap_file) == (1, "")
    config.write_text("numbering-start = true\n")
    assert check(capsys, gap_file) == (2, f"qalint: error: {config}: numbering-start: True is not of type 'integer'\n")
