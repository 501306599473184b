"""Configuration files: discovery, validation errors, options."""

from __future__ import annotations

import pytest

from conftest import GAP_DOC, run_cli as run


@pytest.fixture
def project(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "vragen.md").write_text(GAP_DOC, encoding="utf-8")
    return tmp_path


def test_pyproject_table_is_found_upward(capsys, project):
    (project / "pyproject.toml").write_text('[tool.qalint]\nignore = ["QA101"]\n')
    assert run(capsys, "check", project / "docs" / "vragen.md")[0] == 0


def test_pyproject_without_table_is_skipped_for_a_higher_config(capsys, project):
    (project / "docs" / "pyproject.toml").write_text('[project]\nname = "x"\n')
    (project / "qalint.toml").write_text('ignore = ["numbering"]\n')
    assert run(capsys, "check", project / "docs" / "vragen.md")[0] == 0


def test_unknown_key_is_one_line_naming_file_and_key(capsys, project):
    config = project / "qalint.toml"
    config.write_text('selectt = ["QA101"]\n')
    code, out, err = run(capsys, "check", project / "docs")
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"qalint: error: {config}: unknown key 'selectt' (allowed: ")


def test_invalid_value_names_key_and_allowed_values(capsys, project):
    config = project / "pyproject.toml"
    config.write_text('[tool.qalint]\nseverity = { QA101 = "fatal" }\n')
    code, out, err = run(capsys, "check", project / "docs" / "vragen.md")
    assert code == 2
    assert err.strip() == (
        f"qalint: error: {config}: [tool.qalint] severity.QA101: "
        "'fatal' is not one of ['error', 'warning', 'info']"
    )


def test_invalid_toml(capsys, project):
    (project / "qalint.toml").write_text("select = [\n")
    code, _, err = run(capsys, "check", project / "docs" / "vragen.md")
    assert code == 2 and "invalid TOML" in err and err.count("\n") == 1


def test_unknown_rule_in_config_is_an_error(capsys, project):
    config = project / "qalint.toml"
    config.write_text('ignore = ["QA777"]\n')
    code, _, err = run(capsys, "check", project / "docs" / "vragen.md")
    assert code == 2 and f"{config}: unknown rule selector 'QA777'" in err


def test_unknown_profile_in_config_is_an_error(capsys, project):
    (project / "qalint.toml").write_text('profile = "nope"\n')
    code, _, err = run(capsys, "check", project / "docs" / "vragen.md")
    assert code == 2 and "unknown profile 'nope'" in err


def test_bad_config_in_one_folder_does_not_stop_the_others(capsys, project):
    (project / "docs" / "qalint.toml").write_text("bogus = 1\n")
    (project / "other").mkdir()
    (project / "other" / "vragen.md").write_text(GAP_DOC)
    code, out, err = run(capsys, "check", "--quiet", project)
    assert code == 2
    assert "bogus" in err
    assert str(project / "other" / "vragen.md") + ":7:7: QA101" in out


def test_per_file_ignores_and_severity(capsys, project):
    (project / "qalint.toml").write_text(
        'per-file-ignores = { "docs/*.md" = ["QA101"] }\nseverity = { numbering = "info" }\n'
    )
    assert run(capsys, "check", project / "docs" / "vragen.md")[0] == 0
    (project / "qalint.toml").write_text('severity = { numbering = "info" }\nfail-level = "info"\n')
    assert run(capsys, "check", project / "docs" / "vragen.md")[0] == 1


def test_numbering_start_setting(capsys, project):
    (project / "docs" / "vragen.md").write_text(GAP_DOC.replace("Vraag 1", "Vraag 0").replace("Antwoord 1", "Antwoord 0"))
    (project / "qalint.toml").write_text("numbering-start = 0\nignore = ['QA101']\n")
    assert run(capsys, "check", project / "docs" / "vragen.md")[0] == 0


def test_explicit_config_and_isolated(capsys, project, tmp_path):
    (project / "qalint.toml").write_text('ignore = ["QA101"]\n')
    assert run(capsys, "check", "--isolated", project / "docs" / "vragen.md")[0] == 1
    other = tmp_path / "strict.toml"
    other.write_text("select = ['ALL']\n")
    assert run(capsys, "check", "--config", other, project / "docs" / "vragen.md")[0] == 1


def test_config_schema_command(capsys):
    import json

    code, out, _ = run(capsys, "schema", "--config")
    schema = json.loads(out)
    assert "numbering-start" in schema["properties"] and schema["additionalProperties"] is False
