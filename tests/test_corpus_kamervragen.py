"""Every structural finding qalint gives on the 24 real Dutch written-question
documents (tests/fixtures/kamervragen/, copied unchanged from the development
corpus), each with the reason it is right. The real report keeps its findings
(tests/test_corpus.py)."""

from __future__ import annotations

import pytest

from conftest import FIXTURES, lint, span, where

CORPUS = FIXTURES / "kamervragen"
STRUCTURE = {"numbering", "reference", "missing-answer"}
DOCUMENTS = sorted(p.name for p in CORPUS.glob("*.txt"))


def structural(path):
    text = path.read_text(encoding="utf-8")
    findings = lint(text, str(path), select=["numbering", "reference", "missing-answer", "QA515"])
    return text, [(f.code, f.severity, where(f)) for f in findings if f.category in STRUCTURE or f.code == "QA515"]


EXPECTED = {
    # Deferral notices: the nine (six) questions are listed, "Mededeling" says
    # they "kunnen niet binnen de gebruikelijke termijn worden beantwoord".
    # One info finding at that statement; no question is reported unanswered.
    "08-uitstel-uitstel-beantwoording-vragen-van-de-lede.txt": lambda text: [
        ("QA207", "info", span(text, 43, "niet binnen de gebruikelijke termijnworden beantwoord")),
    ],
    "65-uitstel-uitstel-beantwoording-vragen-van-het-lid.txt": lambda text: [
        ("QA207", "info", span(text, 36, "niet binnen de gebruikelijke termijn kunnenworden beantwoord")),
    ],
}


@pytest.mark.parametrize("name", DOCUMENTS, ids=[n[:12] for n in DOCUMENTS])
def test_structural_findings_on_the_real_documents(name):
    # Every other document answers each of its questions under a marker qalint
    # reads (see tests/data/corpus_counts.toml), or is a questions-only
    # document (07, 51, 68): questions as submitted lack no answer. The two
    # referral-only answers (01: 8 -> 7, 70: 4 -> 2 and 3) point at real answers.
    text, found = structural(CORPUS / name)
    assert found == EXPECTED.get(name, lambda text: [])(text)


def test_the_corpus_holds_24_documents():
    assert len(DOCUMENTS) == 24


def _lines(name):
    return (CORPUS / name).read_text(encoding="utf-8").split("\n")


def _findings(lines, name="doc.txt"):
    text = "\n".join(lines)
    return text, [(f.code, where(f)) for f in lint(text, name, select=["numbering", "reference", "missing-answer"])]


@pytest.mark.parametrize("name, first, count, question_line", [
    # An answer removed (its marker and text) in each marker form: the question it answered is reported, nothing else.
    ("01-antwoord-antwoord-op-vragen-van-het-lid-dani-lle.txt", 29, 2, 28),  # Vraag 3 / Antwoord 3
    ("49-antwoord-antwoord-op-vragen-van-het-lid-joseph-ov.txt", 46, 2, 45),  # "8. ...?" / Antwoord vraag 8:
    ("59-antwoord-antwoord-op-vragen-van-lid-thijssen-over.txt", 25, 2, 23),  # bare "4" / Antwoord
    ("67-antwoord-antwoord-op-vragen-van-de-leden-hirsch-e.txt", 30, 2, 28),  # Vraag 5 / Antwoord
    ("09-antwoord-antwoord-op-vragen-van-het-lid-van-nispe.txt", 27, 2, 25),  # Vraag 4 / Antwoord op vraag 4
])
def test_a_removed_answer_leaves_one_unanswered_question(name, first, count, question_line):
    lines = _lines(name)
    del lines[first:first + count]
    text, found = _findings(lines)
    marker = lines[question_line - 1]
    assert found == [("QA201", span(text, question_line, marker.strip()))]


def test_injected_placeholder_deferral_and_broken_referral_in_a_real_document():
    lines = _lines("01-antwoord-antwoord-op-vragen-van-het-lid-dani-lle.txt")
    lines[54:56] = ["PM", ""]  # answer 6
    lines[74] = "Uw Kamer wordt hierover voor de zomer nader geïnformeerd."  # answer 10
    lines[63] = "Zie het antwoord op vraag 12."  # answer 8 (there is no 12)
    text, found = _findings(lines)
    assert found == [
        ("QA203", span(text, 55, "PM")),
        ("QA301", span(text, 64, "vraag [[12]]")),
        ("QA205", span(text, 75, lines[74])),
    ]
