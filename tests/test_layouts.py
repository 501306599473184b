"""Layouts B, C and E: clean documents give no findings, defects are found
with the same rules and no per-document tuning."""

from __future__ import annotations

import pytest

from conftest import FIXTURES, lint, span, where

CLEAN = [
    "aanhangsel-vraag-antwoord.md", "uk-written-questions.md", "dail-written-answers.md", "faq.md",
    "verslag-eerste-kamer.md", "eu-written-questions.txt",
]


@pytest.mark.parametrize("name", CLEAN)
def test_clean_documents_have_no_findings(name):
    path = FIXTURES / name
    assert lint(path.read_text(encoding="utf-8"), str(path)) == []


def test_uk_question_without_answer_and_deferral():
    text = (FIXTURES / "uk-written-questions.md").read_text(encoding="utf-8")
    text = text.replace("Answered by Tom Brown on 11 March 2024\n\nIn 2023", "In 2023", 1)
    text = text.replace("In 2023, 74 practices closed or merged. The figures are published by NHS Digital. "
                        "I refer the hon. Member to the answer I gave on 2 February 2024 to Question 9876.\n\n", "")
    text = text.replace("We are recruiting 2,000 more GPs through the Additional Roles scheme.", "We will write to the hon. Member.")
    findings = lint(text, "uk.md")
    assert [(f.code, where(f)) for f in findings] == [
        ("QA201", span(text, 5, "Asked by Jane Smith (Labour, Exampleton)")),
        ("QA205", span(text, 17, "We will write to the hon. Member.")),
    ]


def test_dail_grouped_answer_that_leaves_a_question_out():
    text = (FIXTURES / "dail-written-answers.md").read_text(encoding="utf-8")
    text = text.replace("Questions Nos. 544 to 546, inclusive", "Questions Nos. 544 and 545")
    findings = lint(text, "ie.md")
    assert [(f.code, where(f)) for f in findings] == [("QA201", span(text, 7, "546. Deputy Mary Murphy asked the Minister for Housing if he will make a statement on the matter."))]


def test_dail_numbers_need_not_start_at_one_but_must_not_skip():
    text = (FIXTURES / "dail-written-answers.md").read_text(encoding="utf-8").replace("545.", "547.")
    codes = [f.code for f in lint(text, "ie.md")]
    assert "QA104" not in codes and "QA101" in codes


def test_faq_placeholder_answer():
    text = (FIXTURES / "faq.md").read_text(encoding="utf-8").replace("**A:** 30 June 2024.", "**A:** TBD")
    assert [(f.code, where(f)) for f in lint(text, "faq.md")] == [("QA203", span(text, 9, "TBD"))]


FAQ_HEADINGS = """# Grants: frequently asked questions

## Who can apply?

Any registered charity.

## When is the deadline?

## Can I apply twice?

No. See the answer to question 1.
"""


def test_faq_with_question_headings():
    text = FAQ_HEADINGS
    assert [(f.code, where(f)) for f in lint(text, "faq.md", select=["missing-answer", "reference"])] == [
        ("QA201", span(text, 7, "## [[When is the deadline?]]")),
    ]


EU = """Question for written answer E-1579/02 to the Commission from Jan Jansen (PPE-DE)

Subject: Funding of border controls

Can the Commission state how much was spent in 2001?

Answer given by Mr Vitorino on behalf of the Commission

In 2001 the Commission spent EUR 12 million.

Answer given by Mr Vitorino on behalf of the Commission

The programme continues in 2002.
"""


def test_eu_answer_whose_question_was_lost():
    text = EU
    findings = lint(text, "eu.md", select=["numbering", "missing-answer"])
    assert [(f.code, where(f), f.message) for f in findings] == [
        ("QA105", span(text, 11, "Answer given by Mr Vitorino on behalf of the Commission"), "answer has no question before it"),
    ]


def test_layout_b_answer_label_before_a_placeholder():
    text = "1\n\nWelke kosten zijn er?\n\nAntwoord: PM\n\n2\n\nWie betaalt?\n\nAntwoord: Het Rijk.\n"
    assert [(f.code, f.line) for f in lint(text, "lijst.md", select=["missing-answer"])] == [("QA203", 5)]


def test_dail_grouped_answer_on_the_ministers_line():
    # The usual shape: the minister's line opens with the grouping, so the
    # numbers it names are the answer's and no question is left unanswered.
    text = (FIXTURES / "dail-written-answers.md").read_text(encoding="utf-8")
    grouped = text.replace("Written answers\n\nI propose to take",
                           "**Minister for Housing (Deputy Darragh O'Brien):** I propose to take")
    assert grouped != text
    assert lint(grouped, "ie.md") == []


GROUPED_LIST = """# Lijst van vragen en antwoorden

1

Hoeveel middelen zijn in 2024 onderuitgeput?

In 2024 is € 412 miljoen minder uitgegeven dan begroot.

2

Hoeveel kilometer vaarweg voldeed niet aan de afgesproken diepte?

3

Wat zijn de gevolgen daarvan voor de binnenvaart?

Antwoord op vraag 2 en 3

Ongeveer 140 kilometer vaarweg voldeed tijdelijk niet; schippers voeren met minder lading.

4

Wanneer ontvangt de Kamer de planning?

PM
"""


def test_list_with_an_answer_for_several_questions():
    # Layout B: "Antwoord op vraag 2 en 3" answers both questions before it;
    # its numbers are no referral of the answer to itself.
    findings = lint(GROUPED_LIST, "lijst.md")
    assert [(f.code, where(f)) for f in findings] == [("QA203", span(GROUPED_LIST, 25, "PM"))]


def test_list_answer_that_refers_to_other_questions_is_an_answer():
    # "de antwoorden op de vragen 1 en 3" names questions but asks nothing:
    # the paragraph is item 2's answer, not more of its question.
    text = (
        "# Lijst van vragen en antwoorden\n\n1\n\nHoeveel middelen zijn onderuitgeput?\n\n"
        "In 2024 is € 412 miljoen minder uitgegeven dan begroot.\n\n"
        "2\n\nKunt u aangeven hoe de opschalingskorting zich de komende jaren ontwikkelt?\n\n"
        "De korting wordt vanaf 2026 ingevoerd. Zie voor de bedragen ook de antwoorden op de vragen 1 en 3.\n\n"
        "3\n\nWanneer ontvangt de Kamer de planning?\n\nVoor de zomer.\n"
    )
    assert lint(text, "lijst.md") == []


@pytest.mark.parametrize("asked, answered", [("**Asked by:**", "**Answered by:**"), ("Question from", "Answer from")])
def test_uk_markers_with_a_colon_or_from(asked, answered):
    text = (FIXTURES / "uk-written-questions.md").read_text(encoding="utf-8")
    changed = text.replace("Asked by", asked).replace("Answered by", answered)
    from test_structure import structure_of

    (_, before), (_, after) = structure_of(text, "uk-written-questions"), structure_of(changed, "uk-written-questions")
    assert len(after.items) == len(before.items) == 2 and after.unanswered == []
    assert all(item.answer_marker is not None and item.answer_blocks for item in after.items)
    assert lint(changed, "uk.md") == []


CONSULTATION = """# Government response to the consultation on a landlord database

### Question 1: Should all private landlords be required to register?

Most respondents agreed.

**Response:** All private landlords will be required to register.

### Question 2: What information should the database hold?

**Response:** Contact details, property addresses and compliance certificates.

### Question 3: Should tenants be able to search the database?

**Response:** TBC
"""


def test_consultation_response_with_inline_response_markers():
    # "**Response:** text" answers the question before it; a placeholder
    # response is found (read as questions only, the document hid it).
    findings = lint(CONSULTATION, "consultation.md")
    assert [(f.code, where(f)) for f in findings] == [("QA203", span(CONSULTATION, 15, "TBC"))]


DUTCH_FAQ = """# Veelgestelde vragen over de huurtoeslag

## Wie kan huurtoeslag krijgen?

Iedereen die huurt en een laag inkomen heeft.

## Hoe vraag ik huurtoeslag aan?

Via Mijn toeslagen op de website van de Belastingdienst.

## Wanneer wordt de toeslag uitbetaald?

## Kan ik bezwaar maken?

PM
"""


def test_dutch_faq_with_questions_as_headings():
    # The third question has no answer, the fourth only a placeholder.
    findings = lint(DUTCH_FAQ, "faq.md")
    assert [(f.code, where(f)) for f in findings] == [
        ("QA201", span(DUTCH_FAQ, 11, "Wanneer wordt de toeslag uitbetaald?")),
        ("QA203", span(DUTCH_FAQ, 15, "PM")),
    ]
