"""Which files are checked (exclusions, ignore files, --force-exclude,
--show-files, --show-settings) and how usage errors read."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import GAP_DOC, run_cli as run


def _tree(tmp_path):
    """a.md, drafts/b.md, notes/c.md, generated/d.md and a .gitignore for generated/ and notes/c.md."""
    for name in ("a.md", "drafts/b.md", "notes/c.md", "generated/d.md", "notes/keep.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(GAP_DOC)
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("generated/\nnotes/*.md\n!notes/keep.md\n")
    return tmp_path


def _shown(capsys, *args):
    code, out, err = run(capsys, "check", "--show-files", *args)
    assert code == 0, err
    return out.splitlines()


def test_gitignore_and_ignore_files_are_respected(capsys, tmp_path, monkeypatch):
    root = _tree(tmp_path)
    monkeypatch.chdir(root)
    assert _shown(capsys, ".") == ["a.md", "drafts/b.md", "notes/keep.md"]
    (root / "drafts" / ".ignore").write_text("b.md\n")
    assert _shown(capsys, ".") == ["a.md", "notes/keep.md"]
    assert _shown(capsys, "--no-respect-gitignore", ".") == [
        "a.md", "drafts/b.md", "generated/d.md", "notes/c.md", "notes/keep.md",
    ]


def test_the_project_word_list_is_not_a_document(capsys, tmp_path, monkeypatch):
    root = _tree(tmp_path)
    (root / ".qalint-words.txt").write_text("# project words\nGBVS\n")
    (root / "notes.txt").write_text(GAP_DOC)
    monkeypatch.chdir(root)
    assert sorted(_shown(capsys, ".")) == ["a.md", "drafts/b.md", "notes.txt", "notes/keep.md"]


def test_exclude_on_the_command_line(capsys, tmp_path, monkeypatch):
    root = _tree(tmp_path)
    monkeypatch.chdir(root)
    assert _shown(capsys, "--extend-exclude", "drafts", ".") == ["a.md", "notes/keep.md"]
    assert _shown(capsys, "--exclude", "a.md,keep.md", ".") == ["drafts/b.md"]


def test_force_exclude_applies_to_files_named_on_the_command_line(capsys, tmp_path, monkeypatch):
    root = _tree(tmp_path)
    monkeypatch.chdir(root)
    (root / "qalint.toml").write_text('extend-exclude = ["drafts"]\n')
    named = ["a.md", "drafts/b.md", "generated/d.md"]
    assert _shown(capsys, *named) == named  # named files are checked ...
    assert _shown(capsys, "--force-exclude", *named) == ["a.md"]  # ... unless forced
    code, out, err = run(capsys, "check", "--force-exclude", "drafts/b.md")
    assert code == 0 and err == "" and "All checks passed (0 files)" in out


def test_show_settings(capsys, tmp_path):
    (tmp_path / "qalint.toml").write_text('ignore = ["QA101"]\nseverity = { qa205 = "error" }\nlanguage = "nl"\n')
    (tmp_path / "a.md").write_text(GAP_DOC)
    code, out, err = run(capsys, "check", "--show-settings", "--select", "numbering", tmp_path / "a.md")
    assert code == 0, err
    settings = json.loads(out)
    assert settings["configuration"] == str(tmp_path / "qalint.toml")
    assert settings["select"] == ["QA102", "QA103", "QA104", "QA105", "QA106"]
    assert settings["severity"] == {"QA205": "error"}
    assert settings["language"] == "nl" and settings["fail-level"] == "warning"


def test_misspelled_option_gets_a_suggestion(capsys, gap_file):
    code, out, err = run(capsys, "check", "--selct", "QA1", gap_file)
    assert code == 2 and out == ""
    assert err.startswith("usage: qalint check")  # the check command's usage, not the top level's
    assert "unrecognized arguments: --selct (did you mean --select?)" in err
    assert "--formt (did you mean --format?)" in run(capsys, "rules", "--formt", "json")[2]
    assert "--verison (did you mean --version?)" in run(capsys, "--verison")[2]


def test_misspelled_command_is_not_taken_for_a_path(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "chekc", "f.md")
    assert code == 2 and "unknown command 'chekc' (did you mean 'check'?)" in err
    # A file of that name is a file, and a name far from every command a path.
    (tmp_path / "chekc").write_text(GAP_DOC)
    assert run(capsys, "chekc")[0] == 1
    for path in ("verslag.md", "rule.md", "rules/"):  # a name with a dot or a slash is a path
        code, out, err = run(capsys, path)
        assert code == 2 and err.strip() == f"qalint: error: {path}: no such file or directory"


def test_one_line_per_distinct_configuration_error(capsys, tmp_path):
    (tmp_path / "qalint.toml").write_text('selct = ["QA1"]\n')
    for name in ("a.md", "b.md", "sub/c.md"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(GAP_DOC)
    code, out, err = run(capsys, "check", tmp_path / "a.md", tmp_path / "b.md", tmp_path)
    assert code == 2
    assert len(err.splitlines()) == 1 and "unknown key 'selct'" in err


def test_no_all_checks_passed_when_a_file_had_an_error(capsys, tmp_path):
    code, out, err = run(capsys, "check", tmp_path / "nonexistent.md")
    assert code == 2 and "All checks passed" not in out
    assert out == "No findings, but 1 error: not every file was checked.\n"


def test_quiet_on_a_closed_pipe():
    import os

    read_end, write_end = os.pipe()
    os.close(read_end)  # `qalint rules | head -1` once head has left
    try:
        result = subprocess.run([sys.executable, "-m", "qalint", "rules"], stdout=write_end,
                                stderr=subprocess.PIPE, text=True, timeout=60)
    finally:
        os.close(write_end)
    assert result.stderr == "" and result.returncode == 2
