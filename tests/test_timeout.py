"""The per-document time budget (`timeout`): a document that takes longer is
stopped, reported with the rule that was running, and the others are still
checked, with one worker process or many."""

from __future__ import annotations

import time

import pytest

from conftest import GAP_DOC, run_cli
from misbehaving_plugin import use_plugins
from qalint.running.workers import run_all, untimed

GAP_LINE = "7:7: QA101 error: question number skipped: expected 2, found 3"


@pytest.mark.parametrize("rule, name", [("QA960", "catastrophic-pattern"), ("QA961", "endless-loop")])
def test_a_document_over_its_budget_is_stopped_and_named(capsys, monkeypatch, tmp_path, rule, name):
    use_plugins(monkeypatch, "CatastrophicPattern")
    slow = tmp_path / "banner.md"
    slow.write_text("aaaa\n")  # what sends the plugin's rules down their slow path
    other = tmp_path / "vragen.md"
    other.write_text(GAP_DOC)
    code, out, err = run_cli(capsys, "check", "--isolated", "--quiet", "--jobs", "1", "--timeout", "0.5",
                             "--select", f"QA101,{rule}", slow, other)
    assert code == 2
    assert err.splitlines() == [
        f"qalint: error: {slow}: not checked within 0.5 s (the `timeout` setting) in rule {rule} ({name}); skipped"
    ]
    assert out == f"{other}:{GAP_LINE}\n"


def test_the_budget_holds_with_many_workers(capsys, monkeypatch, tmp_path):
    use_plugins(monkeypatch, "CatastrophicPattern")
    (tmp_path / "qalint.toml").write_text("timeout = 0.5\n")  # from the configuration this time
    documents = []
    for number in range(9):  # enough files for worker processes in parallel
        path = tmp_path / f"doc{number}.md"
        path.write_text(GAP_DOC if number != 4 else "aaaa\n")
        documents.append(path)
    code, out, err = run_cli(capsys, "check", "--quiet", "--jobs", "3", "--select", "QA101,QA960", tmp_path)
    assert err.splitlines() == [
        f"qalint: error: {documents[4]}: not checked within 0.5 s (the `timeout` setting) "
        "in rule QA960 (catastrophic-pattern); skipped"
    ]
    assert out.splitlines() == [f"{path}:{GAP_LINE}" for path in documents if path != documents[4]]
    assert code == 2


def test_a_rule_that_ends_its_process_is_reported(capsys, monkeypatch, gap_file, tmp_path):
    use_plugins(monkeypatch, "ExitsTheProcess")
    other = tmp_path / "other.md"
    other.write_text(GAP_DOC)
    code, out, err = run_cli(capsys, "check", "--isolated", "--quiet", "--select", "QA101,QA962", gap_file, other)
    assert err.splitlines() == [
        f"qalint: error: {path}: the checking process ended (exit status 7) in rule QA962 (exits-the-process); "
        "skipped" for path in (gap_file, other)
    ]
    assert code == 2


def test_timeout_must_be_positive(capsys, gap_file, tmp_path):
    code, _, err = run_cli(capsys, "check", "--timeout", "0", gap_file)
    assert (code, err) == (2, "qalint: error: command line: --timeout 0: expected a number of seconds above 0\n")
    config = tmp_path / "qalint.toml"
    config.write_text('timeout = "10"\n')
    code, _, err = run_cli(capsys, "check", gap_file)
    assert (code, err) == (2, f"qalint: error: {config}: timeout: '10' is not of type 'number'\n")


def _sleep(seconds: float) -> str:
    time.sleep(seconds)
    return "done"


def _sleep_untimed(seconds: float) -> str:
    with untimed():  # one-time set-up, such as compiling the dictionaries
        time.sleep(seconds)
    return "done"


def test_untimed_set_up_does_not_count_against_the_budget():
    failed = lambda item, why: why  # noqa: E731
    assert run_all([0.8], _sleep_untimed, 1, [0.3], failed) == ["done"]
    assert run_all([0.8, 0.0], _sleep, 1, [0.3, 0.3], failed) == ["not checked within 0.3 s (the `timeout` setting)", "done"]
