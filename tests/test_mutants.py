"""Cases that a mutation run over rules/ showed no test decided: each test
names the change to the rule it catches (a mutant that survived every
other rule test). Expectations are written from the text."""

from __future__ import annotations

import tomllib
from pathlib import Path

from conftest import ROOT, lint, span, where

import qalint
from qalint.engine.fixes import apply_fixes
from qalint.engine.linter import Linter, Overrides
from qalint.engine.plugins import load_registry
from qalint.source.reading import decode


def found(text: str, code: str, path: str = "doc.md", **settings) -> list[tuple[tuple[int, int, int, int], str]]:
    return [(where(f), f.message) for f in lint(text, path, select=[code], **settings) if f.code == code]


HEAD = "Vragen van het lid Jansen (VVD) aan de minister van Financiën over de begroting (ingezonden 3 maart 2024).\n\n"


# -- rules/spelling.py -------------------------------------------------------

def test_a_typo_in_the_shared_half_of_a_compound_is_still_a_typo():
    """`overheidz- en defensiebeleid`: only a first half that is a word with
    its linking letters (`overheids-`) is a shared half; `overheidz` ends
    in no linking `s` (mutant: `endswith(link) and ...` -> `or`)."""
    text = HEAD + "Het overheidz- en defensiebeleid wordt dit jaar herzien, zo schrijft de minister.\n"
    assert [w for w, _ in found(text, "QA401")] == [span(text, 3, "overheidz")]


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


# -- rules/terms.py ----------------------------------------------------------

def test_a_less_used_form_that_wins_says_why():
    """"CETA verdrag" twice, "CETA-verdrag" once: the compound wins because
    Dutch does not write it apart, and the message says so, not "1 times"
    (mutant: `count > n` -> `count is not n`)."""
    text = HEAD + "Het CETA verdrag is ondertekend. Over het CETA verdrag is gestemd; het CETA-verdrag geldt voorlopig.\n"
    assert found(text, "QA503") == [
        (span(text, 3, "CETA verdrag"), "'CETA verdrag' is also written 'CETA-verdrag' (a Dutch compound is not written apart)"),
        (span(text, 3, "CETA verdrag", 2), "'CETA verdrag' is also written 'CETA-verdrag' (a Dutch compound is not written apart)"),
    ]


# -- rules/conversion.py -----------------------------------------------------

def test_a_hyphen_at_a_line_end_inside_a_code_block_is_code():
    """Only paragraphs are prose: a file name broken in a code block is left
    alone (mutant: `kind != PARAGRAPH` -> `kind > PARAGRAPH` lets code and
    HTML blocks through)."""
    text = HEAD + "De bestanden staan in de map:\n\n```text\nbestandsnaam: verslag-\nschriftelijk-overleg.md\n```\n\nEen veilig-\nheidsstrategie volgt.\n"
    assert [w for w, _ in found(text, "QA508")] == [span(text, 10, "veilig-")]


def test_a_term_used_three_times_one_letter_from_a_word_is_a_typo():
    """"strafvervolgning" three times in lower case: one sign of a term of
    art, and "strafvervolging" is one edit away, so each use is reported
    (mutant: one sign is enough for a term of art)."""
    text = HEAD + (
        "De minister acht strafvervolgning in deze zaak niet opportuun. Ook kost strafvervolgning veel tijd, "
        "en het OM kiest bij lichte fraude vaak voor een boete in plaats van strafvervolgning.\n"
    )
    assert [w for w, _ in found(text, "QA401")] == [span(text, 3, "strafvervolgning", n) for n in (1, 2, 3)]


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


# -- rules/conversion.py: split paragraphs ------------------------------------

SPLIT_HEAD = HEAD + "Vraag 1\n\nWat staat er in de tussenrapportage?\n\nAntwoord 1\n\n"
CUT = "aandacht besteed aan de versnelling van technologische ontwikkelingen<sup>1</sup> in de"
NOTES = "---\n\n<sup>1</sup> Kamerstuk 33 694, nr. 57.\n"


def test_a_document_that_ends_in_footnotes_after_a_cut_paragraph_is_checked():
    """The last paragraph stops mid-sentence and only footnotes follow: no
    second half to join, and no crash (mutant: `following >= len(blocks)`
    -> `>`, which reads past the last block)."""
    text = SPLIT_HEAD + f"Uiteraard is er in de tussenrapportage {CUT}\n\n" + NOTES
    assert found(text, "QA506") == []


def test_joining_a_bold_half_closes_the_bold_before_the_moved_footnotes():
    """Bold covers the first half only: the fix joins the halves, closes the
    bold after the second and puts the footnotes after the paragraph, two
    insertions at one place made one edit (mutant: they stay two and
    overlap)."""
    text = SPLIT_HEAD + f"**Uiteraard is er in de tussenrapportage {CUT}**\n\n" + NOTES + "\nvolgende hoofdstukken.\n"
    findings = lint(text, select=["QA506"])
    assert apply_fixes(text, findings).text == SPLIT_HEAD + (
        f"**Uiteraard is er in de tussenrapportage {CUT} volgende hoofdstukken.**\n\n" + NOTES
    )


# -- rules/missing.py: a lost answer -----------------------------------------

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


# -- rules/spelling.py: names and terms of art ------------------------------

def test_a_term_with_two_signs_is_a_term_whatever_it_resembles():
    """"strafvervolgning" three times, once capitalised at a sentence start:
    two signs of a term of art, so it is not reported although
    "strafvervolging" is one edit away (mutant: `or` -> `and`)."""
    text = HEAD + (
        "De minister acht strafvervolgning hier niet opportuun. Strafvervolgning kost veel tijd, en het OM kiest "
        "bij lichte fraude vaak voor een boete in plaats van strafvervolgning.\n"
    )
    assert found(text, "QA401") == []


def test_a_name_spelt_two_ways_equally_often_is_left_alone():
    """"Bontenbal" twice and "Bontebal" twice: neither is the document's more
    frequent spelling of the other; written once, "Bontebal" is (mutant:
    the search for a more frequent spelling goes on past names used no
    more often)."""
    text = HEAD + "Het lid Bontenbal vroeg het eerder. Volgens Bontenbal is dat niet zo, maar Bontebal heeft dat nooit bevestigd en ook Bontebal zweeg.\n"
    assert found(text, "QA401") == []
    once = text.replace(" en ook Bontebal zweeg", "")
    assert found(once, "QA401") == [(span(once, 3, "Bontebal"), "unknown name 'Bontebal'; did you mean Bontenbal?")]


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


def test_a_cut_paragraph_needs_eight_words_before_the_break():
    """The first half of a split paragraph has at least eight words: eight
    are enough (mutant: `< 8` -> `<= 8` asks for nine)."""
    text = SPLIT_HEAD + "De tussenrapportage besteedt aandacht aan de versnelling van\n\ntechnologische ontwikkelingen.\n"
    assert [w for w, _ in found(text, "QA506")] == [span(text, 9, "versnelling [[van]]")]


# -- rules/terms.py: the suggested form --------------------------------------

def test_the_suggested_form_keeps_the_lower_case_of_the_variant():
    """"zero emissie" beside twice "zero-emissie": the suggestion is
    "zero-emissie" as the sentence writes it (mutant: the first letter
    dropped when it is lower case)."""
    text = HEAD + "Canada werkt aan zero-emissie vervoer. Het zero-emissie vervoer groeit, maar zero emissie vervoer blijft duur.\n"
    assert [(where(f), f.suggestions) for f in lint(text, select=["QA503"])] == [(span(text, 3, "zero emissie"), ["zero-emissie"])]


# -- rules/spelling.py: short words and suggestions -------------------------

def test_a_two_letter_typo_is_reported_with_three_suggestions():
    """"ej" for "en": words of two letters are checked too (mutant: only
    from three letters), and up to three suggestions are given, the
    right one first: a word the document uses goes first among equally
    close ones (mutant: two)."""
    text = HEAD + "Het kabinet heeft dat besloten ej de minister schreef het eerder aan de Kamer en de commissie.\n"
    findings = lint(text, select=["QA401"])
    assert [where(f) for f in findings] == [span(text, 3, "ej")]
    assert len(findings[0].suggestions) == 3 and findings[0].suggestions[0] == "en"


def test_two_different_names_are_no_spellings_of_each_other():
    """"Bontebal" once beside "Paternotte" three times: a name is only
    compared with names one letter from it (mutant: with any name that is
    not its inflection)."""
    text = HEAD + "Het lid Paternotte vroeg het. Volgens Paternotte en Bontebal is dat zo, en Paternotte herhaalde het.\n"
    assert found(text, "QA401") == []


# -- rules/missing.py: lost answers and referrals to grouped answers --------

CONSULTATION = "### Inbreng van de leden van de VVD-fractie\n\nHoeveel posten krijgen extra personeel?\n\n**1. Antwoord van het kabinet**\n\n**Twaalf.**\n\n"


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


def test_a_typo_used_twice_is_no_term_of_art():
    """"verantwoordlijkhed" twice, two letters from the word it means: a
    word becomes a term of art from three uses (mutant: from two)."""
    text = HEAD + "De verantwoordlijkhed ligt bij de gemeente. Het kabinet wil die verantwoordlijkhed niet overnemen.\n"
    assert [w for w, _ in found(text, "QA401")] == [span(text, 3, "verantwoordlijkhed", n) for n in (1, 2)]


# -- rules/numbering.py: renumbering upward ----------------------------------

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


# -- rules/spelling.py: where a document ends --------------------------------

def test_a_deferral_notice_cut_off_mid_word_is_truncated():
    """The notice is the document's last paragraph and belongs to no
    question or answer: its end is checked as the document's end
    (mutant: the document's last paragraph never looked at)."""
    text = HEAD + (
        "Vraag 1\nHoeveel kost het?\n\nVraag 2\nWie betaalt?\n\nMededeling\n\n"
        "De vragen kunnen niet binnen de gebruikelijke termijn worden beantwoord. Ik streef ernaar de vragen "
        "zo spoedig mogelijk te beant\n"
    )
    assert found(text, "QA513") == [(span(text, 11, "te [[beant]]"), "document ends mid-word: 'beant' (text cut off?)")]
