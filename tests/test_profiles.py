"""Layout profiles are checked: against the profile JSON Schema, and every
pattern compiles. A broken profile file is an error naming the file and key;
a broken plugin profile is reported by plugin name and skipped."""

from __future__ import annotations

import json

import jsonschema
import pytest

from conftest import GAP_DOC, run_cli
from qalint.profiles.schema import validate_profiles
from qalint.profiles import SCHEMA_PATH, ProfileError, builtin_profile_files, read_profile_file

LAYOUT = {"name": "mijn-layout", "description": "test", "language": "nl", "scheme": "question-and-answer"}


def test_every_built_in_profile_file_is_valid():
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    for path in builtin_profile_files():
        jsonschema.validate(read_profile_file(path), schema)


@pytest.mark.parametrize("change, message", [
    ({"answer_markerz": ["Antwoord (?P<nums>{nums})"]}, "mijn.toml: unknown key 'answer_markerz'"),
    ({"scheme": "vraag-dan-antwoord"}, "mijn.toml: scheme: 'vraag-dan-antwoord' is not one of"),
    ({"answer_markers": ["Antwoord", "Antwoord (?P<nums>{nums}"]}, "mijn.toml: answer_markers[1]: pattern does not compile"),
    ({"deferral_later": "separaat"}, "mijn.toml: deferral_later: 'separaat' is not of type 'array'"),
])
def test_a_broken_profile_is_an_error_naming_file_and_key(change, message):
    with pytest.raises(ProfileError) as error:
        validate_profiles([{**LAYOUT, **change}], ["mijn.toml"])
    assert str(error.value).startswith(message)


def test_a_misspelled_key_in_a_profile_file_stops_the_command_line(tmp_path, monkeypatch, capsys):
    profile = tmp_path / "mijn-layout.toml"
    profile.write_text(
        'name = "mijn-layout"\ndescription = "test"\nlanguage = "nl"\nscheme = "question-and-answer"\n'
        "answer_marker = ['Antwoord (?P<nums>{nums})']\n",
        encoding="utf-8",
    )
    import qalint.engine.plugins

    files = builtin_profile_files()
    monkeypatch.setattr(qalint.engine.plugins, "builtin_profile_files", lambda: [*files, profile])
    document = tmp_path / "vragen.md"
    document.write_text(GAP_DOC, encoding="utf-8")
    code, out, err = run_cli(capsys, "check", "--isolated", document)
    assert code == 2 and out == ""
    assert err == f"qalint: error: {profile}: unknown key 'answer_marker'\n"


def test_a_plugin_profile_that_does_not_compile_is_skipped_by_plugin_name():
    import types

    import qalint
    from qalint.engine.plugins import load_registry

    plugin = types.ModuleType("kapotte_plugin")
    plugin.qalint_profiles = qalint.hookimpl(
        lambda: [{**LAYOUT, "name": "kapot", "question_markers": ["Vraag ((?P<nums>{nums})"]}]
    )
    registry = load_registry(extra_plugins=(plugin,), entry_points=False)
    assert "kapot" not in registry.profiles and "vraag-antwoord" in registry.profiles
    assert registry.warnings == [
        "plugin 'kapotte_plugin': profile 'kapot': question_markers[0]: pattern does not compile: "
        "missing ) at position 20; its profiles skipped"
    ]


def test_the_schema_names_exactly_the_schemes_the_parser_has():
    from qalint.analysis.schemes import SCHEMES

    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert sorted(schema["properties"]["scheme"]["enum"]) == sorted(SCHEMES)


ENGLISH_FAQ = """# Council tax: frequently asked questions

## 1. How do I apply for a discount?

Apply online. You will need:

1. your council tax account number;
2. the names of everyone who lives with you;
3. proof of your income.

## 2. When will I hear back?

Within four weeks.

## 3. Can I appeal?

Yes, within two months of our decision.
"""


def test_a_profile_of_the_documents_language_wins_when_it_finds_markers():
    # The numbered list in answer 1 looks like Dutch numbered questions; an
    # English profile finds the questions too and is the one to use.
    from pathlib import Path

    from conftest import registry
    from qalint.engine.config import Config
    from qalint.engine.linter import Linter, Overrides
    from qalint.source.document import Document

    linter = Linter(registry(), Overrides(isolated=True))
    profile = linter.choose_profile(Document("faq.md", ENGLISH_FAQ), Config(), "en")
    assert profile.language == "en"
