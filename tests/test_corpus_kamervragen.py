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
