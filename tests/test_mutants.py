"""Cases that a mutation run over rules/ showed no test decided, for the
structure rules (numbering, missing answers, referrals): each test names the
change to the rule it catches (a mutant that survived every other rule
test). Expectations are written from the text; the cases of the rules that
read the text are in test_mutants_text.py."""

from __future__ import annotations

import tomllib
from pathlib import Path

from conftest import FIXTURES, ROOT, lint, span, where
from mutant_cases import HEAD, found

import qalint
from qalint.engine.linter import Linter, Overrides
from qalint.engine.plugins import load_registry
from qalint.source.reading import decode


# -- rules/numbering.py ------------------------------------------------------


def test_renumbering_also_rewrites_the_referrals_to_a_renumbered_answer():
    """The unsafe fix of a gap renumbers 3 to 2 and the referral "vraag 3"
    with it; "vraag 1" stays (mutant: referrals never rewritten)."""
    text = HEAD + (
        "Vraag 1\nHoeveel kost het?\n\nAntwoord 1\nVier miljoen euro.\n\n"
        "Vraag 3\nWie betaalt?\n\nAntwoord 3\nHet Rijk. Zie ook het antwoord op vraag 1.\n\n"
        "Vraag 4\nWanneer?\n\nAntwoord 4\nZie het antwoord op vraag 3.\n"
    )
    findings = [f for f in lint(text, select=["QA101"])]
    assert [where(f) for f in findings] == [span(text, 9, "Vraag [[3]]")]
    edits = sorted((e.start, e.end, e.content) for e in findings[0].fix.edits)
    rewritten = [(text[:start].count("\n") + 1, text[start:end], content) for start, end, content in edits]
    assert rewritten == [(9, "3", "2"), (12, "3", "2"), (15, "4", "3"), (18, "4", "3"), (19, "3", "2")]


def test_renumbering_after_a_duplicate_moves_referrals_up():
    """Two questions numbered 2: the fix numbers them 2 and 3, the old 3
    becomes 4 and so does the referral to it (mutant: only referrals
    renumbered downward are rewritten)."""
    text = HEAD + (
        "Vraag 1\nHoeveel kost het?\n\nAntwoord 1\nVier miljoen euro.\n\n"
        "Vraag 2\nWie betaalt?\n\nAntwoord 2\nHet Rijk.\n\n"
        "Vraag 2\nWanneer?\n\nAntwoord 2\nIn 2025.\n\n"
        "Vraag 3\nHoe lang?\n\nAntwoord 3\nTwee jaar; zie ook het antwoord op vraag 1.\n\n"
        "Vraag 4\nWaarom?\n\nAntwoord 4\nZie het antwoord op vraag 3.\n"
    )
    findings = lint(text, select=["QA102"])
    assert [where(f) for f in findings] == [span(text, 15, "Vraag [[2]]")]
    rewritten = [(text[:e.start].count("\n") + 1, text[e.start:e.end], e.content)
                 for e in sorted(findings[0].fix.edits, key=lambda e: e.start)]
    assert rewritten == [(15, "2", "3"), (18, "2", "3"), (21, "3", "4"), (24, "3", "4"),
                         (27, "4", "5"), (30, "4", "5"), (31, "3", "4")]


def test_renumbering_leaves_a_broken_referral_alone():
    """A referral to an answer that does not exist is QA301's, not
    rewritten, and does not stop the fix (mutant: it is looked up and
    crashes the rule)."""
    text = HEAD + (
        "Vraag 1\nHoeveel kost het?\n\nAntwoord 1\nVier miljoen euro.\n\n"
        "Vraag 3\nWie betaalt?\n\nAntwoord 3\nHet Rijk. Zie ook het antwoord op vraag 9.\n"
    )
    findings = lint(text, select=["QA101"])
    assert [(text[e.start:e.end], e.content) for e in findings[0].fix.edits] == [("3", "2"), ("3", "2")]


def test_an_order_paper_numbered_from_544_is_one_run():
    """Dáil questions 544 to 546 answered together: the numbering starts
    where the order paper does (mutant: the second number of a marker
    read, which single numbers do not have)."""
    path = FIXTURES / "dail-written-answers.md"
    assert found(path.read_text(encoding="utf-8"), "numbering", path.name) == []


class _PerSectionNumbering:
    """A layout (as a plugin would add it) that numbers the answers of each
    faction's section from 1: the written consultation with `numbering = "section"`."""

    @staticmethod
    @qalint.hookimpl
    def qalint_profiles():
        profile = tomllib.loads((ROOT / "linter" / "profiles" / "schriftelijk-overleg.toml").read_text(encoding="utf-8"))
        return [{**profile, "name": "schriftelijk-overleg-per-fractie", "numbering": "section"}]


PER_SECTION = (
    "### Inbreng van de leden van de VVD-fractie\n\n"
    "Hoeveel posten krijgen extra personeel?\n\n**1. Antwoord van het kabinet**\n\n**Twaalf.**\n\n"
    "Wanneer begint het personeel?\n\n**2. Antwoord van het kabinet**\n\n**In september.**\n\n"
    "### Inbreng van de leden van de D66-fractie\n\n"
    "Wat kost de uitbreiding?\n\n**1. Antwoord van het kabinet**\n\n**Vier miljoen euro.**\n\n"
    "Wie betaalt dat?\n\n**3. Antwoord van het kabinet**\n\n**Het Rijk.**\n"
)


def _per_section(code: str):
    linter = Linter(load_registry((_PerSectionNumbering,), entry_points=False),
                    Overrides(select=[code], profile="schriftelijk-overleg-per-fractie", isolated=True))
    result = linter.check(decode("doc.md", PER_SECTION.encode()), Path("doc.md"))
    assert not result.errors, result.errors
    return result.findings


def test_numbering_per_section_starts_again_in_each_section():
    """Where each section numbers from 1, the D66 section's "1" is no
    restart and its "3" is a gap (mutant: `numbering == "section"` never
    true, so the document is numbered as one run)."""
    assert [(f.code, where(f)) for f in _per_section("numbering")] == [("QA101", span(PER_SECTION, 25, "**[[3]]."))]


def test_renumbering_is_not_offered_for_per_section_numbering():
    """Renumbering 1, 2, 3 ... through the document would break a layout
    that numbers per section (mutant: the fix offered anyway)."""
    assert [f.fix for f in _per_section("QA101")] == [None]



def test_a_restart_at_a_grouped_number_is_a_restart():
    """After 1, 2, 3 the group "1 en 2" starts the numbering again (mutant:
    a group read by its last number, 2, which is no restart)."""
    pairs = [("1", "Klopt dat?"), ("2", "Klopt dat?"), ("3", "Klopt dat?"), ("1 en 2", "En dit? En dat?"), ("3", "Waarom?")]
    text = HEAD + "".join(f"Vraag {n}\n{q}\n\nAntwoord {n}\nJa.\n\n" for n, q in pairs)
    assert found(text, "numbering") == [(span(text, 21, "Vraag [[1]] en 2"), "question numbering restarts: expected 4, found 1")]


# -- rules/missing.py --------------------------------------------------------


def test_an_amount_in_a_flattened_table_below_prose_is_no_placeholder():
    """`p.m.` as the first cell of a table flattened into lines: prose above
    it, but another cell below, so it is an amount, not a placeholder
    paragraph (mutant: only the line above is looked at)."""
    text = HEAD + (
        "Vraag 1\nWat kost de maatregel?\n\n"
        "Antwoord 1\nDe kosten zijn in de begroting als volgt geraamd, in miljoenen euro per jaar:\n"
        "p.m.\n2,4\n3,1\nDe raming wordt in het voorjaar bijgesteld.\n"
    )
    assert found(text, "QA203") == []
    # The same "p.m." between two lines of prose is a placeholder line.
    prose = text.replace("2,4\n3,1\n", "")
    assert [w for w, _ in found(prose, "QA203")] == [span(prose, 8, "p.m.")]


CONSULTATION = "### Inbreng van de leden van de VVD-fractie\n\nHoeveel posten krijgen extra personeel?\n\n**1. Antwoord van het kabinet**\n\n**Twaalf.**\n\n"


def test_the_lost_answer_between_two_numbered_answers_is_found():
    """A written consultation where answer 2 was removed: the questions
    before "3. Antwoord" are two, and the first of them lost its answer
    (mutant: each answer compared with the one two places on)."""
    text = (
        "### Inbreng van de leden van de VVD-fractie\n\n"
        "De leden van de VVD-fractie vragen hoeveel posten in 2024 extra personeel krijgen?\n\n"
        "**1. Antwoord van het kabinet**\n\n**Twaalf posten krijgen extra personeel.**\n\n"
        "Welke posten zijn dat, en wanneer begint het personeel?\n\n"
        "Wat kost de uitbreiding?\n\n"
        "**3. Antwoord van het kabinet**\n\n**De uitbreiding kost 4 miljoen euro per jaar.**\n"
    )
    assert found(text, "QA201", profile="schriftelijk-overleg") == [
        (span(text, 9, "Welke posten zijn dat, en wanneer begint het personeel?"),
         "question has no answer (answer 2 is missing)"),
    ]


def test_answers_out_of_order_lose_no_answer():
    """Answers 1, 3, 2 in a written consultation: 2 comes after 3, nothing
    is missing, although the block before 2 asks two questions (mutant:
    `number == missing + 1` -> `<=`, which reads answer 4 as missing)."""
    text = (
        "### Inbreng van de leden van de VVD-fractie\n\n"
        "Hoeveel posten krijgen extra personeel?\n\n**1. Antwoord van het kabinet**\n\n**Twaalf.**\n\n"
        "Wat kost de uitbreiding?\n\n**3. Antwoord van het kabinet**\n\n**Vier miljoen euro.**\n\n"
        "Welke posten zijn dat?\n\nWanneer begint het personeel?\n\n**2. Antwoord van het kabinet**\n\n**In september.**\n"
    )
    assert found(text, "QA201", profile="schriftelijk-overleg") == []


def test_a_skipped_number_before_one_question_is_a_mistyped_number():
    """Answer 2 is skipped but one question stands before answer 3: a
    mistyped number (QA101), no lost answer (mutant: one question is
    enough to call its answer lost)."""
    text = CONSULTATION + "Wat kost de uitbreiding?\n\n**3. Antwoord van het kabinet**\n\n**Vier miljoen euro.**\n"
    assert found(text, "QA201", profile="schriftelijk-overleg") == []


def test_a_grouped_answer_after_a_gap_answers_its_two_questions():
    """"4 en 5" after 2, with two questions before it: those are the
    group's questions, not a question that lost answer 3 (mutant: grouped
    answers taken into the lost-answer check)."""
    text = CONSULTATION + (
        "Wanneer begint het personeel?\n\n**2. Antwoord van het kabinet**\n\n**In september.**\n\n"
        "Wat kost de uitbreiding?\n\nWie betaalt die?\n\n**4 en 5. Antwoord van het kabinet**\n\n**Het Rijk, vier miljoen euro.**\n"
    )
    assert found(text, "QA201", profile="schriftelijk-overleg") == []


def test_a_referral_to_a_grouped_deferral_names_the_group_by_its_first_number():
    """Answer 4 refers to question 2, answered with 3 in a deferral: the
    message names answer 2 (mutant: the group's last number, 3)."""
    text = HEAD + (
        "Vraag 1\nWie betaalt?\n\nAntwoord 1\nHet Rijk.\n\n"
        "Vraag 2 en 3\nWanneer? Hoe lang?\n\nAntwoord 2 en 3\nHet antwoord op deze vragen volgt in een afzonderlijke brief.\n\n"
        "Vraag 4\nWat kost het?\n\nAntwoord 4\nZie het antwoord op vraag 2.\n"
    )
    assert found(text, "QA206") == [
        (span(text, 19, "Zie het antwoord op vraag 2"), "answer 4 only refers to answer 2, which is only a deferral"),
    ]


def test_a_deferral_notice_for_one_question_says_question():
    """One question postponed: "1 question" (mutant: "1 questions")."""
    text = HEAD + (
        "Vraag 1\nHoeveel kost het?\n\nMededeling\n\n"
        "De vraag kan niet binnen de gebruikelijke termijn worden beantwoord.\n"
    )
    assert [m for _, m in found(text, "QA207")] == ["deferral notice: the answers to 1 question are postponed"]



def test_a_referral_to_a_deferral_is_reported_in_the_answer_not_the_question():
    """Question 2 mentions answer 1 and answer 2 only refers to it: the
    finding is on the answer's referral (mutant: on the first referral of
    the item, the question's)."""
    text = HEAD + (
        "Vraag 1\nHoeveel kost het?\n\nAntwoord 1\nHet antwoord op deze vraag volgt in een afzonderlijke brief.\n\n"
        "Vraag 2\nWie betaalt, gelet op het antwoord op vraag 1?\n\nAntwoord 2\nZie het antwoord op vraag 1.\n"
    )
    assert found(text, "QA206") == [(span(text, 13, "Zie het antwoord op vraag 1"), "answer 2 only refers to answer 1, which is only a deferral")]


# -- rules/references.py -----------------------------------------------------


def test_a_chain_behind_the_second_of_two_referrals_is_reported():
    """Answer 4 refers to 1 (an answer) and 3 (which only refers to 2): the
    chain through 3 is reported, also after a referral inside a real
    answer (answer 2's). Mutants: the first target, or the first
    reference, that is no referral ends the search."""
    text = HEAD + (
        "Vraag 1\nWie betaalt?\n\nAntwoord 1\nHet Rijk betaalt de kosten.\n\n"
        "Vraag 2\nWanneer?\n\nAntwoord 2\nIn 2025 begint de uitvoering; zie voor de kosten het antwoord op vraag 1.\n\n"
        "Vraag 3\nHoe lang?\n\nAntwoord 3\nZie het antwoord op vraag 2.\n\n"
        "Vraag 4\nWat kost het?\n\nAntwoord 4\nZie de antwoorden op de vragen 1 en 3.\n"
    )
    assert found(text, "QA303") == [(span(text, 25, "en [[3]]"), "referral chain 4 -> 3 -> 2: refer to 2 directly")]
