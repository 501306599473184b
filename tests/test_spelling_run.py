"""The speller belongs to the engine run: one per language and word list,
kept for the run's documents, a bounded number at once, and what it learnt
saved once, when the run ends, never by a rule. Run data reaches the rules
as typed run settings, apart from the plugins' settings."""

from __future__ import annotations

from pathlib import Path

from conftest import registry, run_cli
from qalint.engine.linter import Linter, Overrides
from qalint.analysis.run import RunSettings
from qalint.source.document import Document
from qalint.spelling.spellers import Spellers

TEXT = "Het kabinet noemt de strafvervolgning en de zqrwetgevingen.\n"


def _learnt(folder: Path) -> str:
    return "".join(path.read_text(encoding="utf-8") for path in folder.glob("words-*"))


def test_what_the_spellers_learnt_is_saved_when_the_run_ends_not_while_checking(tmp_path, monkeypatch):
    linter = Linter(registry(), Overrides(isolated=True, select=["QA401"]))
    linter.check(Document("warm.md", "Het kabinet antwoordt.\n"))  # the dictionaries are open
    monkeypatch.setenv("QALINT_CACHE_DIR", str(tmp_path))
    findings = linter.check(Document("doc.md", TEXT)).findings
    assert [f.message.split(";")[0] for f in findings] == [
        "unknown word 'strafvervolgning'", "unknown word 'zqrwetgevingen'",
    ]
    assert _learnt(tmp_path) == ""  # checking wrote nothing
    linter.save_learnt()
    assert "corrections\tzqrwetgevingen\t" in _learnt(tmp_path)  # a word no other test checks


def test_a_command_line_run_saves_what_its_workers_learnt(capsys, tmp_path, monkeypatch):
    doc = tmp_path / "doc.md"
    doc.write_text("Het kabinet noemt de zqxregelingen.\n")
    cache = tmp_path / "cache"
    run_cli(capsys, "check", "--isolated", "--quiet", "--select", "QA401", str(doc))  # the dictionaries are open
    monkeypatch.setenv("QALINT_CACHE_DIR", str(cache))
    code, out, _ = run_cli(capsys, "check", "--isolated", "--no-cache", "--select", "QA401", str(doc))
    assert code == 1 and "zqxregelingen" in out
    # The document was checked in a forked worker, which saved as it ended.
    assert "corrections\tzqxregelingen\t" in _learnt(cache)


def test_an_engine_keeps_one_speller_per_language_and_word_list():
    linter = Linter(registry(), Overrides(isolated=True, select=["QA401"]))
    for text in ("Het kabinet antwoordt.\n", "De minister antwoordt.\n", "The minister replies to the house.\n"):
        linter.check(Document("doc.md", text))
    assert len(linter.spellers) == 2  # Dutch and English, each built once
    other = Linter(registry(), Overrides(isolated=True, select=["QA401"]))
    other.check(Document("doc.md", "Het kabinet antwoordt.\n"))
    assert len(other.spellers) == 1 and other.spellers is not linter.spellers


def test_spellers_keep_the_last_few_word_lists_only():
    spellers = Spellers(limit=2)
    profile = registry().profiles["vraag-antwoord"]
    built = [spellers.speller("nl", profile, RunSettings(words=(f"qalintterm{n}",))) for n in range(4)]
    assert len(spellers) == 2
    assert spellers.speller("nl", profile, RunSettings(words=("qalintterm3",))) is built[3]
    assert built[0].known("qalintterm0") and not built[3].known("qalintterm0")


def test_the_python_api_shares_a_bounded_set_of_spellers():
    import qalint
    from qalint import api
    from qalint.spelling.spellers import DEFAULT_LIMIT

    for n in range(DEFAULT_LIMIT + 3):
        config = qalint.load_config(select=["QA401"], words=[f"qalintterm{n}"])
        assert not qalint.check_text(f"De qalintterm{n} geldt.\n", "doc.md", config)
    assert len(api._spellers) == DEFAULT_LIMIT


def test_run_settings_are_typed_and_plugin_settings_hold_only_configured_settings(tmp_path):
    (tmp_path / "qalint.toml").write_text('language = "en"\nwords = ["qalintterm"]\nkind = "not-qa"\n')
    (tmp_path / ".qalint-words.txt").write_text("zqrterm\n")
    doc = tmp_path / "doc.md"
    doc.write_text("De minister antwoordt.\n")
    context = Linter(registry()).context_for(Document(str(doc), doc.read_text()), doc)
    assert context.run == RunSettings(language="en", document_language="nl", kind="not-qa", words=("qalintterm",),
                                      words_file=str(tmp_path / ".qalint-words.txt"))
    assert context.run.text_language("nl") == "en"
    assert set(context.settings) == set(registry().settings_schema)
    assert context.analysis.structure.kind == "not-qa"


def test_a_python_api_call_saves_what_it_learnt_as_it_returns(tmp_path, monkeypatch):
    import qalint

    config = qalint.load_config(select=["QA401"])
    qalint.check_text("Het kabinet antwoordt.\n", "warm.md", config)
    monkeypatch.setenv("QALINT_CACHE_DIR", str(tmp_path))
    assert len(qalint.check_text("De zqyverordeningen gelden.\n", "doc.md", config)) == 1
    assert "corrections\tzqyverordeningen\t" in _learnt(tmp_path)


def test_a_language_server_session_keeps_its_spellers_and_saves_them_at_its_end(tmp_path, monkeypatch):
    from qalint.server.checker import Checker

    checker = Checker(registry())
    checker.check(tmp_path / "warm.md", "Het kabinet antwoordt.\n")
    spellers = checker.spellers
    monkeypatch.setenv("QALINT_CACHE_DIR", str(tmp_path / "cache"))
    checker.reload()  # a word list or configuration changed: a new engine, the same spellers
    findings = checker.check(tmp_path / "doc.md", "De zqwbeschikkingen gelden.\n").result.findings
    assert [f.message for f in findings if f.code == "QA401"] == ["unknown word 'zqwbeschikkingen'"]
    assert checker.linter.spellers is spellers
    assert _learnt(tmp_path / "cache") == ""
    checker.save_learnt()  # as `qalint server` does when the session ends
    assert "corrections\tzqwbeschikkingen\t" in _learnt(tmp_path / "cache")


def test_suggestions_do_not_depend_on_the_order_python_hashes_strings(tmp_path):
    # "mogelijksprake" has corrections of its first part reached through
    # several second parts; which one was kept used to follow set order.
    import json
    import os
    import subprocess
    import sys

    doc = tmp_path / "doc.md"
    doc.write_text("Het is mogelijk dat mogelijksprake is van een fout.\n", encoding="utf-8")
    suggestions = set()
    for seed in ("1", "6"):
        env = dict(os.environ, PYTHONHASHSEED=seed, QALINT_CACHE_DIR=str(tmp_path / f"cache-{seed}"))
        out = subprocess.run(
            [sys.executable, "-m", "qalint", "check", "--isolated", "--no-cache", "--select", "QA401",
             "--format", "json", str(doc)], capture_output=True, text=True, env=env,
        ).stdout
        [finding] = json.loads(out)["findings"]
        suggestions.add(tuple(finding["suggestions"]))
    assert len(suggestions) == 1
    assert next(iter(suggestions))[0] == "mogelijk sprake"
