"""Language packs: one data file per language, checked against the language
schema when read, used by every module that needs to know the language.
Adding a language is adding a file."""

from __future__ import annotations

import dataclasses
import json

import jsonschema
import pytest

import qalint.languages
from conftest import lint, run_cli
from qalint.engine.linter import guess_language
from qalint.languages import PACK_DIR, SCHEMA_PATH, LanguageError, language, load_packs, packs
from qalint.profiles import build_profiles
from qalint.source.textutil import sentences

ITALIAN = """\
# Italian: enough to recognise it and to read its dates.
description = "Italian"
detection_words = ["il", "della", "che", "non", "sono", "per", "gli", "nel", "questo", "delle", "alla", "dei"]
months = [
    "gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
    "settembre", "ottobre", "novembre", "dicembre",
]
abbreviations = ["pag"]
"""
ITALIAN_TEXT = (
    "Il ministero non ha risposto alla domanda della commissione per il 31 giugno 2020. "
    "Vedi pag. Dodici del documento che gli uffici sono tenuti a pubblicare nel registro dei conti."
)


@pytest.fixture
def with_italian(tmp_path, monkeypatch):
    """The shipped packs and an Italian one in a folder of its own."""
    (tmp_path / "it.toml").write_text(ITALIAN, encoding="utf-8")
    monkeypatch.setattr(qalint.languages, "FOLDERS", (PACK_DIR, tmp_path))
    return tmp_path


def test_every_shipped_pack_is_valid_against_the_schema():
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    import tomllib

    files = sorted(PACK_DIR.glob("*.toml"))
    assert [path.stem for path in files] == ["de", "en", "es", "fr", "nl"]
    for path in files:
        jsonschema.validate(tomllib.loads(path.read_text(encoding="utf-8")), schema)


def test_a_pack_is_read_once_and_cannot_be_changed():
    dutch = language("nl")
    assert dutch is language("nl") is packs()["nl"]
    with pytest.raises(dataclasses.FrozenInstanceError):
        dutch.try_letters = "abc"
    assert language("it") == qalint.languages.Language("it")  # no pack: it knows nothing
    assert not language("it").function_words and not language("it").spells


def test_english_corrections_try_english_letters():
    # English has its own letters (q among them, which Dutch does not try): "uestion" is one q from "question".
    assert "q" in language("en").try_letters and "q" not in language("nl").try_letters
    findings = lint("The uestion was answered by the Secretary of State, and the answer is clear.\n",
                    select=["QA401"])
    assert [(f.code, f.suggestions) for f in findings] == [("QA401", ["question"])]


def test_the_profiles_of_a_language_start_from_its_words():
    layout = {"name": "mijn-layout", "description": "test", "language": "nl", "scheme": "question-and-answer",
              "range_words": ["tm"]}
    profile = build_profiles([layout])["mijn-layout"]
    assert profile.range_words == ["tot en met", "t/m", "tot", "-", "–", "tm"]
    assert profile.deferral_promise[:2] == ["zal", "zullen"] and "terzake" in profile.joined_forms
    english = build_profiles([{**layout, "language": "en", "range_words": []}])["mijn-layout"]
    assert english.range_words == ["to", "through", "-", "–"] and english.compound_prefixes == []


def test_adding_a_language_is_adding_a_file(with_italian):
    assert "it" in packs() and language("it").description == "Italian"
    assert guess_language(ITALIAN_TEXT) == "it"
    assert guess_language("Het kabinet heeft de vragen van de leden beantwoord.") == "nl"
    # Its months are read as dates, its abbreviations end no sentence.
    findings = lint(ITALIAN_TEXT + "\n", select=["QA504"])
    assert [(f.code, ITALIAN_TEXT[f.start:f.end]) for f in findings] == [("QA504", "31 giugno 2020")]
    assert sentences("Vedi pag. Dodici del documento. Fine.") == ["Vedi pag. Dodici del documento.", "Fine."]


def test_without_the_file_the_language_is_unknown():
    assert "it" not in packs()
    assert guess_language(ITALIAN_TEXT) != "it"  # no pack: not recognised
    assert lint(ITALIAN_TEXT + "\n", select=["QA504"]) == []


@pytest.mark.parametrize("text, message", [
    ('description = "Broken"\n', "xx.toml: 'detection_words' is a required property"),
    ('description = "Broken"\ndetection_words = ["x"]\nmonths = ["a"]\n', "xx.toml: months: ['a'] is too short"),
    ('description = "Broken"\ndetection_words = ["x"]\nmonth = []\n', "xx.toml: Additional properties are not allowed"),
    ('description = "Broken"\ndetection_words = ["x"]\n[spelling]\ntry = "a b"\n', "xx.toml: spelling.try: 'a b' does not match"),
    ('description = "Broken"\ndetection_words = ["x"]\n[deferral]\nlater = ["(later"]\n',
     "xx.toml: deferral.later[0]: pattern does not compile"),
    ('description = "Broken\n', "xx.toml: "),
])
def test_a_broken_pack_is_an_error_naming_file_and_key(tmp_path, text, message):
    (tmp_path / "xx.toml").write_text(text, encoding="utf-8")
    with pytest.raises(LanguageError) as error:
        load_packs((tmp_path,))
    assert str(error.value).startswith(f"{tmp_path / message}") and "\n" not in str(error.value)


def test_a_broken_pack_stops_the_command_line_with_one_line(tmp_path, monkeypatch, capsys, gap_file):
    broken = tmp_path / "packs"
    broken.mkdir()
    (broken / "xx.toml").write_text('description = "Broken"\ndetection_words = []\n', encoding="utf-8")
    monkeypatch.setattr(qalint.languages, "FOLDERS", (PACK_DIR, broken))
    code, out, err = run_cli(capsys, "check", "--isolated", gap_file)
    assert code == 2 and out == ""
    assert err.startswith(f"qalint: error: {broken / 'xx.toml'}: detection_words: []") and err.count("\n") == 1
