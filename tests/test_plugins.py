"""Third-party plugins: the example plugin installed for real, and broken
plugins reported by name and skipped."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from conftest import EXAMPLES

LONG_ANSWER_DOC = "Vraag 1\nKlopt het?\n\nAntwoord 1\n" + "woord " * 30 + "\n"


def qalint(*args, pythonpath: Path | None = None, cwd: Path | None = None):
    env = dict(os.environ)
    if pythonpath is not None:
        env["PYTHONPATH"] = str(pythonpath)
    return subprocess.run(
        [sys.executable, "-m", "qalint", *map(str, args)], capture_output=True, text=True, env=env, cwd=cwd
    )


@pytest.fixture(scope="module")
def installed_plugin(tmp_path_factory):
    target = tmp_path_factory.mktemp("site")
    result = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation",
         "--target", str(target), str(EXAMPLES / "plugin")],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
    return target


def test_example_plugin_is_loaded_from_its_entry_point(installed_plugin, tmp_path):
    doc = tmp_path / "vragen.md"
    doc.write_text(LONG_ANSWER_DOC)
    (tmp_path / "qalint.toml").write_text("max-answer-words = 20\n")
    result = qalint("check", "--quiet", "--select", "QA901", doc, pythonpath=installed_plugin)
    assert result.stderr == ""
    assert result.stdout == f"{doc}:4:1: QA901 info: answer has 30 words (limit 20)\n"
    rules = qalint("rule", "QA901", pythonpath=installed_plugin)
    assert "What it does" in rules.stdout


def test_plugin_setting_is_validated(installed_plugin, tmp_path):
    doc = tmp_path / "vragen.md"
    doc.write_text(LONG_ANSWER_DOC)
    (tmp_path / "qalint.toml").write_text("max-answer-words = 0\n")
    result = qalint("check", doc, pythonpath=installed_plugin)
    assert result.returncode == 2
    assert "max-answer-words: 0 is less than the minimum of 1" in result.stderr


def fake_distribution(site: Path, name: str, entry_points: dict[str, str], modules: dict[str, str]) -> None:
    info = site / f"{name.replace('-', '_')}-1.0.dist-info"  # as installers name it
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n")
    lines = "".join(f"{key} = {value}\n" for key, value in entry_points.items())
    (info / "entry_points.txt").write_text(f"[qalint]\n{lines}")
    for module, source in modules.items():
        (site / f"{module}.py").write_text(textwrap.dedent(source))


def test_broken_plugins_are_reported_and_skipped(tmp_path):
    site = tmp_path / "site"
    fake_distribution(site, "broken-import", {"broken_import": "broken_import_mod"}, {
        "broken_import_mod": "raise ImportError('needs a library that is not installed')\n",
    })
    fake_distribution(site, "bad-hook", {"bad_hook": "bad_hook_mod"}, {
        "bad_hook_mod": """
            from qalint import hookimpl

            @hookimpl
            def qalint_rules(unknown_argument):
                return []
        """,
    })
    fake_distribution(site, "bad-rule", {"bad_rule": "bad_rule_mod"}, {
        "bad_rule_mod": """
            from qalint import Rule, hookimpl

            class NoCode(Rule):
                code = "X1"
                name = "no-code"
                category = "numbering"
                def check(self, context):
                    return []

            @hookimpl
            def qalint_rules():
                return [NoCode]
        """,
    })
    doc = tmp_path / "vragen.md"
    doc.write_text("Vraag 1\nKlopt het?\n\nAntwoord 1\nJa.\n\nVraag 3\nEn dit?\n\nAntwoord 3\nNee.\n")
    result = qalint("check", "--quiet", doc, pythonpath=site)
    warnings = result.stderr.splitlines()
    assert len(warnings) == 3
    assert warnings[0].startswith("qalint: warning: plugin 'bad_hook' is incompatible:")
    assert warnings[1] == ("qalint: warning: plugin 'broken_import' (broken_import_mod) failed to load: "
                           "ImportError: needs a library that is not installed; skipped")
    assert warnings[2] == ("qalint: warning: plugin 'bad_rule': NoCode: code 'X1' is not QA followed by "
                           "three digits; rule skipped")
    assert result.stdout == f"{doc}:7:7: QA101 error: question number skipped: expected 2, found 3\n"
    assert result.returncode == 1
