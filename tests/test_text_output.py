"""The text report on a terminal: colour, source windows that fit its width,
carets under wide and combining characters, progress."""

from __future__ import annotations

import io

import pytest

from conftest import lint, registry, run_cli as run


def render(findings, **options) -> str:
    from qalint.engine.linter import FileResult
    from qalint.reporters import Report
    from qalint.reporters.text import render_text

    return render_text(Report([FileResult("doc.md", findings=findings)], registry(), **options))


def doubled(prefix: str, suffix: str = "") -> tuple[str, list]:
    """A document whose only finding is the doubled "de" after `prefix`."""
    text = f"{prefix}de de brief.{suffix}\n"
    return text, [f for f in lint(text, select=["QA403"])]


def caret_columns(report: str) -> tuple[str, str]:
    lines = report.splitlines()
    return lines[2], lines[3]


def test_carets_line_up_under_east_asian_wide_characters():
    from wcwidth import wcswidth

    text, findings = doubled("東京の会議で ")
    source, carets = caret_columns(render(findings))
    # Each wide character takes two cells: the carets start under the second "de".
    shown = source.split("| ", 1)[1]
    start = carets.split("| ", 1)[1].index("^")
    assert wcswidth(shown[:shown.index("de de") + 3]) == start
    assert carets.endswith("^^")


def test_carets_line_up_after_combining_marks():
    text, findings = doubled("Cafe\u0301 ")  # "é" written as e + combining acute
    source, carets = caret_columns(render(findings))
    assert carets.split("| ", 1)[1] == " " * len("Café de ") + "^^"


def test_long_lines_are_cut_to_the_terminal_width():
    words = " ".join(f"woord{i}" for i in range(60))
    text, findings = doubled(words + " ", " " + words)
    source, carets = caret_columns(render(findings, width=60))
    assert len(source) <= 60 and source.split("| ", 1)[1].startswith("…") and source.endswith("…")
    assert source.index("de de") + 3 == carets.index("^")
    # Near the end of a line the window shows more of what comes before.
    text, findings = doubled(words + " ")
    source, carets = caret_columns(render(findings, width=60))
    assert len(source) >= 55 and source.endswith("de de brief.")
    # Without a terminal the window is the one the finding carries.
    source, carets = caret_columns(render(findings))
    assert not source.endswith("…") and len(source) > 60


def test_cutting_keeps_wide_characters_whole():
    from wcwidth import wcswidth

    text, findings = doubled("東京" * 40 + " ")
    source, carets = caret_columns(render(findings, width=50))
    assert wcswidth(source) <= 50
    shown = source.split("| ", 1)[1]
    assert wcswidth(shown[:shown.index("de de") + 3]) == carets.split("| ", 1)[1].index("^")


def test_colour_only_when_asked_or_on_a_terminal(monkeypatch):
    from qalint.cli.terminal import use_color

    class Tty(io.StringIO):
        def isatty(self):
            return True

    for name in ("NO_COLOR", "FORCE_COLOR", "TERM"):
        monkeypatch.delenv(name, raising=False)
    assert use_color("auto", Tty()) and not use_color("auto", io.StringIO())
    assert use_color("always", io.StringIO()) and not use_color("never", Tty())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not use_color("auto", Tty())
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert use_color("auto", io.StringIO())


def test_coloured_report_says_the_same(capsys, gap_file):
    import re

    code, plain, _ = run(capsys, "check", "--color", "never", gap_file)
    code, coloured, _ = run(capsys, "check", "--color", "always", gap_file)
    assert "\x1b[" not in plain and "\x1b[31;1mQA101\x1b[0m" in coloured
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == plain


def test_each_line_has_the_severity_and_fixable_ones_a_mark(capsys, tmp_path):
    doc = tmp_path / "doc.md"
    doc.write_text("Vraag 1\nKlopt de de brief?\n\nAntwoord 1\nJa.\n\nVraag 3\nEn?\n\nAntwoord 3\nNee.\n")
    code, out, _ = run(capsys, "check", "--select", "QA101,QA403", doc)
    lines = out.splitlines()
    assert f"{doc}:2:10: QA403 [*] warning: doubled word 'de'" in lines
    assert [line for line in lines if ":7:7:" in line][0].startswith(f"{doc}:7:7: QA101 error: ")
    assert lines[-1] == "[*] 1 fixable with --fix (1 more with --unsafe-fixes)."
    code, out, _ = run(capsys, "check", "--select", "QA101,QA403", "--unsafe-fixes", doc)
    assert f"{doc}:7:7: QA101 [*] error: " in out
    assert out.splitlines()[-1] == "[*] 2 fixable with --fix --unsafe-fixes."


def test_output_format_is_the_same_option_as_format(capsys, gap_file):
    assert run(capsys, "check", "--output-format", "json", gap_file)[1] == run(capsys, "check", "--format", "json", gap_file)[1]


@pytest.mark.parametrize("total, tty, delay, shown", [
    (50, True, 0, True), (50, False, 0, False), (1, True, 0, False), (50, True, 60, False),
])
def test_progress_only_for_long_runs_on_a_terminal(total, tty, delay, shown):
    from qalint.cli.terminal import Progress

    class Stream(io.StringIO):
        def isatty(self):
            return tty

    stream = Stream()
    progress = Progress(total, stream, delay=delay)
    for _ in range(total):
        progress.advance()
    progress.close()
    assert (f"checked {total}/{total} files" in stream.getvalue()) == shown
    assert stream.getvalue().endswith("\x1b[2K") == shown  # the line is cleared at the end


def test_width_is_the_terminals_and_no_limit_elsewhere(monkeypatch):
    from qalint.cli.terminal import MIN_WIDTH, terminal_width

    class Tty(io.StringIO):
        def isatty(self):
            return True

    monkeypatch.setenv("COLUMNS", "100")
    assert terminal_width(Tty()) == 100 and terminal_width(io.StringIO()) is None
    monkeypatch.setenv("COLUMNS", "10")
    assert terminal_width(Tty()) == MIN_WIDTH


def test_the_run_reports_progress_once_per_document(tmp_path):
    from qalint.engine.linter import Linter, Overrides
    from qalint.running.runner import discover, run

    from conftest import GAP_DOC

    for index in range(3):
        (tmp_path / f"doc{index}.md").write_text(GAP_DOC)
    linter = Linter(registry(), Overrides(isolated=True))
    targets, _, _ = discover([str(tmp_path)], linter, None)
    ticks = []
    results = run(targets, linter, 2, progress=lambda: ticks.append(1))
    assert len(results) == 3 and len(ticks) == 3
