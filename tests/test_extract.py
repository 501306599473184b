"""`qalint extract` against the hand counts of the development corpus, and its
JSON, JSONL and CSV forms, schema and `check --show-structure`."""

from __future__ import annotations

import csv
import io
import json
import tomllib
from pathlib import Path

import jsonschema
import pytest

from conftest import FIXTURES, run_cli

COUNTS = tomllib.loads((Path(__file__).parent / "data" / "corpus_counts.toml").read_text(encoding="utf-8"))["document"]
PATHS = [(FIXTURES / entry["file"]).resolve() for entry in COUNTS]


@pytest.fixture(scope="module")
def extracted():
    from qalint.cli import main

    out = io.StringIO()
    import contextlib

    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        assert main(["extract", "--isolated", *map(str, PATHS)]) == 0
    return json.loads(out.getvalue())


def test_extract_validates_against_its_schema(extracted, capsys):
    code, schema_text, _ = run_cli(capsys, "schema", "--extract")
    assert code == 0
    jsonschema.validate(extracted, json.loads(schema_text))
    assert extracted["version"] == "1.0"


@pytest.mark.parametrize("entry", COUNTS, ids=[Path(e["file"]).name[:12] for e in COUNTS])
def test_extract_gives_the_hand_counts(extracted, entry):
    document = next(d for d in extracted["documents"] if Path(d["path"]).resolve() == (FIXTURES / entry["file"]).resolve())
    pairs = document["pairs"]
    assert document["kind"] == entry["kind"]
    assert [p["numbers"] for p in pairs] == entry["pairs"]
    assert sum(len(p["numbers"]) for p in pairs) == entry["questions"]
    assert all(p["question"] and p["question"]["text"] for p in pairs), "every pair has its question"
    answered = [p for p in pairs if p["answer"] and p["answer"]["status"] != "empty"]
    assert len(answered) == entry["answered"]
    referrals = {str(p["numbers"][0]): p["refers_to"] for p in answered if p["answer"]["status"] == "referral"}
    assert referrals == entry.get("referrals", {})
    assert all(p["answer"]["status"] in ("answered", "referral") for p in answered)


def test_pair_text_and_lines_come_without_markers(extracted):
    document = next(d for d in extracted["documents"] if d["path"].endswith("70-antwoord-antwoord-op-vragen-van-het-lid-teunissen.txt"))
    first, fourth = document["pairs"][0], document["pairs"][3]
    # Lines 11-15: "Vraag 1" / the question / a footnote number "1" / "Antwoord 1" / "Ja."
    assert first["question"] == {
        "text": "Bent u bekend met het recente wetenschappelijke rapport «The 2024 state ofthe climate report: "
                "Perilous times on planet Earth» gepubliceerd in BioScience8 oktober jl.? 1",
        "line": 11, "end_line": 13,
    }
    assert first["answer"] == {"text": "Ja.", "line": 14, "end_line": 15, "status": "answered"}
    assert fourth["answer"] == {"text": "Zie het antwoord op vraag 2 en 3.", "line": 39, "end_line": 40, "status": "referral"}
    assert fourth["refers_to"] == [2, 3]


def test_page_footers_are_not_answer_text(extracted):
    document = next(d for d in extracted["documents"] if d["path"].endswith("01-antwoord-antwoord-op-vragen-van-het-lid-dani-lle.txt"))
    answer_2 = document["pairs"][1]["answer"]["text"]
    assert "ah-tk-20242025-594" not in answer_2 and "Aanhangsel 1" not in answer_2
    assert answer_2.endswith("verkoop met boekwinst van onroerend goedof het versneld nemen van verliezen.")


def test_jsonl_is_one_pair_a_line_and_csv_one_pair_a_row(capsys):
    path = FIXTURES / "kamervragen" / "80-antwoord-antwoord-op-vragen-van-het-lid-boomsma-o.txt"
    code, out, _ = run_cli(capsys, "extract", "--isolated", "--format", "jsonl", path)
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and [(r["path"], r["kind"], r["numbers"]) for r in rows] == [
        (str(path), "answers", [1]), (str(path), "answers", [2, 3, 4, 5, 6]),
    ]
    code, out, _ = run_cli(capsys, "extract", "--isolated", "--format", "csv", path)
    table = list(csv.DictReader(io.StringIO(out)))
    assert [(r["numbers"], r["question_line"], r["answer_line"], r["status"], r["answer"]) for r in table] == [
        ("1", "11", "13", "answered", "Ja"), ("2 3 4 5 6", "15", "17", "answered", table[1]["answer"]),
    ]
    assert table[1]["answer"].startswith("Abusievelijk is er in de verwerking")


def test_a_document_without_questions_says_so(capsys, tmp_path):
    letter = tmp_path / "brief.md"
    letter.write_text("# Brief\n\nGeachte voorzitter,\n\nHierbij zend ik u het jaarverslag.\n", encoding="utf-8")
    code, out, err = run_cli(capsys, "extract", "--isolated", letter)
    assert code == 0
    assert json.loads(out)["documents"] == [
        {"path": str(letter), "profile": json.loads(out)["documents"][0]["profile"], "language": "nl",
         "kind": "not-qa", "pairs": []},
    ]
    assert f"{letter}: no questions or answers found (not a Q&A document)" in err


def test_kind_on_the_command_line_and_in_the_configuration(capsys, tmp_path):
    path = tmp_path / "vragen.txt"
    path.write_text("Vraag 1\nKlopt het bericht?\n\nVraag 2\nWat gaat u doen?\n", encoding="utf-8")
    code, out, _ = run_cli(capsys, "check", "--isolated", "-q", path)
    assert code == 0 and out == ""  # questions as submitted: nothing is missing
    code, out, _ = run_cli(capsys, "check", "--isolated", "-q", "--kind", "answers", path)
    assert code == 1 and out.count("QA201 error: question has no answer") == 2
    (tmp_path / "qalint.toml").write_text('kind = "answers"\n', encoding="utf-8")
    code, out, _ = run_cli(capsys, "check", "-q", path)
    assert code == 1 and out.count("QA201") == 2
    (tmp_path / "qalint.toml").write_text('kind = "antwoorden"\n', encoding="utf-8")
    code, _, err = run_cli(capsys, "check", "-q", path)
    assert code == 2 and "kind" in err


def test_not_qa_kind_drops_the_structure(capsys, tmp_path):
    path = tmp_path / "vragen.txt"
    path.write_text("Vraag 1\nKlopt het bericht?\n\nAntwoord 2\nJa.\n", encoding="utf-8")
    code, out, _ = run_cli(capsys, "check", "--isolated", "-q", "--select", "numbering,missing-answer", path)
    assert code == 1 and "QA105" in out
    code, out, _ = run_cli(capsys, "check", "--isolated", "-q", "--kind", "not-qa", "--select", "numbering,missing-answer", path)
    assert code == 0 and out == ""


def test_show_structure_prints_one_line_per_document(capsys):
    paths = [FIXTURES / "kamervragen" / name for name in (
        "01-antwoord-antwoord-op-vragen-van-het-lid-dani-lle.txt", "08-uitstel-uitstel-beantwoording-vragen-van-de-lede.txt",
    )]
    code, _, err = run_cli(capsys, "check", "--isolated", "--select", "missing-answer", "--show-structure", *paths)
    assert [line for line in err.splitlines() if "profile" in line] == [
        f"{paths[0]}: profile vraag-antwoord, kind answers: 11 pairs "
        "(10 answered, 0 deferred, 0 placeholder, 1 referral-only, 0 unanswered)",
        f"{paths[1]}: profile vraag-antwoord, kind deferral-notice: 9 pairs "
        "(0 answered, 0 deferred, 0 placeholder, 0 referral-only, 9 unanswered)",
    ]
