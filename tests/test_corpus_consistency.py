"""Every consistency finding qalint gives on the 24 real Dutch written-question
documents (tests/fixtures/kamervragen/, copied unchanged from the development
corpus), each checked by hand at its line and listed with the reason it is
right. The report's own findings are in tests/test_consistency.py.

Precision on these documents (right / total, before the fixes that came out
of this review):
  QA501 marker-style       0 / 0   (each document writes its markers one way)
  QA502 citation-format    7 / 7
  QA504 impossible-date    0 / 0
  QA505 contradicting-date 0 / 1   ("Met ingang van 17 januari 2025" is a date
                                    from which a rule applies, not a cited letter;
                                    fixed, the finding is gone)
  QA506 split-paragraph    0 / 0
  QA507 conversion-debris  0 / 0
  QA509 duplicate-question 0 / 0
"""

from __future__ import annotations

import pytest

from conftest import FIXTURES, lint, span, where

CORPUS = FIXTURES / "kamervragen"
DOCUMENTS = sorted(p.name for p in CORPUS.glob("*.txt"))
CODES = ["QA501", "QA502", "QA504", "QA505", "QA506", "QA507", "QA509"]

# Per document: (code, line, text covered, reason). Documents not named here
# get none of CODES.
EXPECTED = {
    "60-antwoord-antwoord-op-vragen-van-het-lid-ceder-ove.txt": [
        ("QA502", 25, "Kamerstuk 19637, nr. 3203",
         "footnote 1 writes dossier 19 637 without its space, as 07 and 80 cite the same dossier with it"),
    ],
    "67-antwoord-antwoord-op-vragen-van-de-leden-hirsch-e.txt": [
        ("QA502", 43, "Kamerstuk 36180, nr. 107", "question 1 cites the motion Dobbe as dossier 36180, no space"),
        ("QA502", 46, "Kamerstuk 36180, nr. 107", "answer 1 repeats the same unspaced dossier number"),
        ("QA502", 46, "Kamerstuk 36600, nr. 13", "answer 1 cites the letter on civil society as 36600, no space"),
        ("QA502", 52, "Kamerstuk 36600, nr. 13", "answer 3 cites the same letter, no space"),
        ("QA502", 58, "Kamerstuk 36600, nr. 13", "answer 5 cites the same letter, no space"),
    ],
    "70-antwoord-antwoord-op-vragen-van-het-lid-teunissen.txt": [
        ("QA502", 69, "Kamerstuk 31 793 nr. 274",
         "footnote 5 (glued to its number, '5Kamerstuk') has no comma before nr."),
    ],
}


def consistency(name):
    text = (CORPUS / name).read_text(encoding="utf-8")
    found = [(f.code, where(f)) for f in lint(text, name, select=CODES)]
    return text, found


@pytest.mark.parametrize("name", DOCUMENTS, ids=[n[:12] for n in DOCUMENTS])
def test_consistency_findings_on_the_real_documents(name):
    text, found = consistency(name)
    expected = [(code, span(text, line, covered)) for code, line, covered, _ in EXPECTED.get(name, [])]
    assert sorted(found) == sorted(expected)


def test_every_listed_document_is_in_the_corpus():
    assert set(EXPECTED) <= set(DOCUMENTS) and len(DOCUMENTS) == 24
