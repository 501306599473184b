"""Document kinds, marker forms, deferrals by their parts and placeholder
paragraphs, on small documents written from the layouts of LAYOUTS.md and of
real extractions."""

from __future__ import annotations

import pytest

from conftest import FIXTURES, lint, registry, span, where
from qalint.source.reading import decode
from qalint.analysis.kinds import is_deferral

MISSING = ["missing-answer"]


def found(text, path="doc.txt", select=("numbering", "reference", "missing-answer", "QA515"), **kwargs):
    return [(f.code, where(f)) for f in lint(text, path, select=list(select), **kwargs)]


def test_layout_b_deferral_and_three_referrals_to_it():
    # LAYOUTS.md B: answer 2 is deferred, answers 3, 4 and 5 only refer to it.
    text = (FIXTURES / "lijst-uitgestelde-antwoorden.md").read_text(encoding="utf-8")
    assert found(text, "lijst.md") == [
        ("QA205", span(text, 13, "De Algemene Rekenkamer informeert u separaat over het antwoord op deze vraag.")),
        ("QA206", span(text, 19, "Zie het antwoord op vraag 2")),
        ("QA206", span(text, 25, "Zie het antwoord op vraag 2")),
        ("QA206", span(text, 31, "Zie het antwoord op vraag 2")),
    ]


GLUED = """Vraag 1
Klopt het bericht over de wachttijden?
Antwoord 1
Ja.
Vraag 2
Wat gaat u doen om de wachttijden te verkorten?
ISSN 0921 - 7398’s-Gravenhage 2024Tweede Kamer, vergaderjaar 2024–2025, Aanhangsel 1Antwoord 2
Ik ga in overleg met de gemeenten.
"""


def test_marker_glued_to_a_page_footer_is_read_and_reported_once():
    assert found(GLUED) == [("QA515", span(GLUED, 7, "Antwoord 2"))]


def test_glued_marker_with_its_answer_on_the_same_line():
    text = GLUED.replace("Aanhangsel 1Antwoord 2\n", "Aanhangsel 1Antwoord 2: ")
    assert found(text) == [("QA515", span(text, 7, "Antwoord 2:"))]


def test_glued_marker_fix_puts_it_on_its_own_line(tmp_path, capsys):
    from conftest import run_cli

    path = tmp_path / "antwoorden.txt"
    path.write_bytes(GLUED.replace("\n", "\r\n").encode("utf-8"))
    code, _, _ = run_cli(capsys, "check", "--isolated", "--select", "QA515", "--fix", path)
    assert code == 0
    assert path.read_bytes().decode("utf-8") == GLUED.replace("Aanhangsel 1Antwoord 2", "Aanhangsel 1\nAntwoord 2").replace("\n", "\r\n")


def test_footer_without_a_marker_after_it_is_no_marker():
    text = GLUED.replace("Aanhangsel 1Antwoord 2", "Aanhangsel 1\nAntwoord 2").replace("Antwoord 2\n", "Antwoord 2 volgt nog\n")
    assert ("QA515", span(text, 7, "Aanhangsel 1")) not in found(text)


@pytest.mark.parametrize("marker", ["Antwoord op vraag 1", "Antwoord vraag 1:", "Antwoord 1:", "Antwoord", "Antwoord:"])
def test_answer_heading_forms_are_markers_never_referrals(marker):
    text = f"Vraag 1\nKlopt het bericht?\n\n{marker}\nJa.\n\nVraag 2\nWat gaat u doen?\n\nAntwoord 2\nNiets.\n"
    assert found(text) == []


def test_unnumbered_question_and_answer_headings():
    text = "Vraag:\nBent u bekend met het bericht?\n\nAntwoord:\nJa.\n\nVraag:\nWat gaat u doen?\n\nVraag: En wanneer?\n"
    assert found(text) == [("QA201", span(text, 7, "Vraag:")), ("QA201", span(text, 10, "Vraag: En wanneer?"))]


def test_grouped_questions_and_answers():
    text = (
        "Vraag 1\nKlopt het?\n\nAntwoord 1\nJa.\n\n"
        "Vraag 2, 3 en 4\nWie, wat en waar?\n\nAntwoorden 2, 3 en 4\nDe minister, het plan, Den Haag.\n\n"
        "Vraag 5 tot en met 7\nWanneer, hoe en waarom?\n\nAntwoord 5 tot en met 7\nIn mei, snel, omdat het moet.\n\n"
        "Vraag 8\nEn verder?\n\nAntwoord op vraag 8\nZie het antwoord op vraag 6.\n"
    )
    assert found(text) == []


def test_numbered_questions_with_a_grouped_range_answer():
    text = (
        "1. Bent u bekend met het bericht?\n\nAntwoord vraag 1:\nJa.\n\n"
        "2. Hoeveel mensen zijn getroffen?\n\n3. Wat gaat u doen?\n\nAntwoord vraag 2-3:\nHonderd; overleggen.\n\n"
        "4. Wanneer hoort de Kamer meer?\n"
    )
    assert found(text) == [("QA201", span(text, 13, "4. Wanneer hoort de Kamer meer?"))]


def test_numbered_list_in_an_answer_is_no_question():
    text = (
        "1\nKlopt het bericht?\n\nAntwoord\nJa, om drie redenen:\n\n1. de kosten stijgen.\n\n2. De planning loopt uit.\n\n"
        "2\nWat gaat u doen?\n\nAntwoord\nIk ga in overleg.\n"
    )
    assert found(text) == []


def test_questions_only_document_has_no_missing_answers_and_its_answers_count_when_forced():
    text = "Vragen van het lid Jansen (VVD).\n\nVraag 1\nKlopt het?\n\nVraag 2\nWat gaat u doen?\n"
    assert found(text) == []
    assert [code for code, _ in found(text, kind="answers")] == ["QA201", "QA201"]


def test_deferral_notice_glued_to_the_last_question():
    text = (
        "Mededeling van minister De Vries (ontvangen 1 april 2024).\nVraag 1\nBent u bekend met het bericht?\n"
        "Vraag 2\nHoeveel mensen wachten?\nDe vragen kunnen niet binnen de gestelde termijn worden beantwoord. "
        "Ik zal uw Kamer zo spoedig mogelijk de antwoorden doen toekomen.\n"
    )
    assert found(text) == [("QA207", span(text, 6, "niet binnen de gestelde termijn worden beantwoord"))]


def test_a_question_about_the_term_is_no_notice():
    text = "Vraag 1\nWaarom kunnen de vragen niet binnen de gebruikelijke termijn worden beantwoord?\n"
    assert found(text) == []


def test_deferral_notice_forced_without_a_notice_is_reported_at_the_start():
    text = "Vraag 1\nKlopt het?\n\nVraag 2\nWat gaat u doen?\n"
    assert found(text, kind="deferral-notice") == [("QA207", span(text, 1, "Vraag 1"))]


@pytest.mark.parametrize("sentence", [
    "De Algemene Rekenkamer informeert u separaat over het antwoord op deze vraag.",
    "Hierover wordt u zo spoedig mogelijk geïnformeerd.",
    "Uw Kamer wordt hierover voor de zomer nader geïnformeerd.",
    "Ik kom hierop terug in de voortgangsbrief.",
    "Hierop kom ik terug in het commissiedebat.",
    "Ik kom hier later op terug.",
    "Het antwoord volgt in een afzonderlijke brief.",
    "Ik streef ernaar de vragen zo spoedig mogelijk te beantwoorden.",
    "Ik zal u de antwoorden zo spoedig mogelijk doen toekomen.",
    "Ik informeer uw Kamer voor de zomer over de uitkomsten.",
])
def test_dutch_deferrals_by_their_parts(sentence):
    assert is_deferral(registry().profiles["vraag-antwoord"], sentence)


@pytest.mark.parametrize("sentence", [
    "Ik heb de vragen afzonderlijk en zo spoedig mogelijk beantwoord.",
    "De beantwoording van deze vragen is zo spoedig mogelijk ter hand genomen.",
    "Het is niet gelukt deze vragen binnen de genoemde termijn te beantwoorden.",
    "Het kabinet zal de regelgeving aanpassen.",
    "De Kamer is op 3 maart over de uitkomsten geïnformeerd.",
])
def test_answers_that_are_no_deferrals(sentence):
    assert not is_deferral(registry().profiles["vraag-antwoord"], sentence)


@pytest.mark.parametrize("sentence", [
    "I will write to the hon. Member.",
    "A full reply will be sent shortly.",
    "I shall write to the hon. Member separately.",
    "A copy of the report will be placed in the Library.",
    "The Department will publish the figures in due course.",
])
def test_english_deferrals(sentence):
    assert is_deferral(registry().profiles["written-questions"], sentence)


def test_english_deferral_answer_is_reported():
    text = "**Q1:** How many staff were hired?\n\n**A1:** A full reply will be sent shortly.\n"
    assert found(text, "faq.md") == [("QA205", span(text, 3, "A full reply will be sent shortly."))]


@pytest.mark.parametrize("placeholder", ["PM", "TODO", "[invullen]", "XXX", "**PM**"])
def test_placeholder_paragraph_inside_a_longer_answer(placeholder):
    text = (
        "Vraag 1\nHoe zijn de kosten verdeeld?\n\nAntwoord 1\nDe kosten zijn over de regio's verdeeld naar inwonertal.\n\n"
        f"{placeholder}\n\nDe verdeling wordt jaarlijks herzien.\n\nVraag 2\nWie betaalt?\n\nAntwoord 2\nHet Rijk.\n"
    )
    name = "doc.md" if placeholder.startswith("**") else "doc.txt"
    assert found(text, name) == [("QA203", span(text, 7, placeholder))]


def test_uk_question_without_asked_by_line():
    text = (
        "To ask the Secretary of State for Health, how many GP practices closed in 2023?\n\n"
        "Answered by Tom Brown on 11 March 2024\n\nIn 2023, 74 practices closed.\n\n"
        "To ask the Secretary of State for Health, how many GPs were recruited in 2023?\n"
    )
    assert found(text, "uk.txt") == [("QA201", span(text, 7, text.splitlines()[6]))]


def test_numbered_faq_headings():
    from qalint.analysis.structure import parse_structure

    text = "# FAQ\n\n## 1. Who can apply?\n\nAny charity.\n\n## 2. When is the deadline?\n\n## 3. Can I apply twice?\n\nNo.\n"
    doc = decode("faq.md", text.encode())
    structure = parse_structure(doc, registry().profiles["written-questions"])
    assert [item.numbers for item in structure.items] == [[1], [3]]
    assert [[n.value for n in u.marker.numbers] for u in structure.unanswered] == [[2]]


def test_plain_text_faq_with_bullet_questions():
    text = (FIXTURES / "faq-plain.txt").read_text(encoding="utf-8")
    assert found(text, "faq.txt") == [("QA201", span(text, 7, "* [[When is the deadline?]]"))]
    doc = decode("faq.txt", text.encode())
    from qalint.analysis.structure import parse_structure

    structure = parse_structure(doc, registry().profiles["written-questions"])
    assert [structure.blocks[item.answer_blocks[0]].start_line + 1 for item in structure.items] == [5, 11, 15]


def test_a_debate_transcript_is_no_qa_document(capsys):
    from conftest import run_cli

    path = FIXTURES / "debat-transcript.md"
    assert found(path.read_text(encoding="utf-8"), "debat.md") == []
    code, out, err = run_cli(capsys, "extract", "--isolated", "--format", "jsonl", path)
    assert (code, out) == (0, "")
    assert "not a Q&A document" in err


def test_list_of_questions_in_plain_text_without_blank_lines():
    text = (
        "Lijst van vragen en antwoorden\n1\nWelke kosten zijn hiermee gemoeid?\nDe kosten bedragen 2 miljoen euro.\n"
        "2\nWie betaalt dat?\nZie het antwoord op vraag 4.\n3\nWanneer begint het?\nIn 2025.\n"
    )
    assert found(text) == [("QA301", span(text, 7, "vraag [[4]]"))]


def test_lords_question_to_ask_his_majestys_government():
    text = (
        "Asked by Baroness Smith\n\nTo ask His Majesty's Government what assessment they have made of GP closures.\n\n"
        "Answered by Lord Jones\n\nThe Government publishes the figures every quarter.\n"
    )
    assert found(text, "lords.txt") == []


def test_pm_in_a_flattened_table_is_an_amount_not_a_placeholder():
    text = (
        "Vraag 1\nWat zijn de kosten per jaar?\nAntwoord 1\nDe kosten staan in de tabel hieronder.\n"
        "Jaar\nBedrag\n2025\n12\n2026\np.m.\n2027\n14\nVraag 2\nWie betaalt?\nAntwoord 2\nHet Rijk.\n"
    )
    assert found(text) == []
    text = text.replace("De kosten staan in de tabel hieronder.\n", "De kosten staan in de tabel hieronder.\nPM\nDe bedragen per jaar staan hieronder.\n")
    assert found(text) == [("QA203", span(text, 5, "PM"))]


def test_an_answer_quoting_a_debate_stays_an_answer():
    text = (
        "Vraag 1\nWat zei de minister in het debat?\n\nAntwoord 1\nDe minister zei het volgende.\n\n"
        "De voorzitter: Het woord is aan de minister.\n\nMinister De Vries: Wij gaan dit onderzoeken.\n\n"
        "Vraag 2\nWanneer komt het onderzoek?\n\nAntwoord 2\nIn mei.\n\nVraag 3\nWat kost het?\n\nAntwoord 3\nNiets.\n\n"
        "Vraag 4\nEn daarna?\n"
    )
    assert found(text) == [("QA201", span(text, 23, "Vraag 4"))]


def test_english_list_of_numbered_questions():
    text = (FIXTURES / "numbered-questions.md").read_text(encoding="utf-8")
    assert found(text, "list.md") == [
        ("QA205", span(text, 13, "The cost will be reported separately in the budget letter.")),
    ]


@pytest.mark.parametrize("text", [
    "Question 1\nHow many nurses were recruited?\nAnswer\nWe recruited 1,200 nurses.\nQuestion 2\nHow many left?\nAnswer\nAbout 300.\n",
    "1. Bent u bekend met het bericht?\n\nAntwoord 1\nJa.\n\n2. Wat gaat u doen?\n\nAntwoord 2\nIk ga in overleg.\n",
])
def test_unnumbered_english_answers_and_numbered_dutch_answers_to_numbered_questions(text):
    assert found(text) == []


def test_written_answers_with_the_member_before_to_ask():
    text = (FIXTURES / "scottish-written-answers.txt").read_text(encoding="utf-8")
    assert found(text, "sp.txt") == []
    assert found(text.replace("Answered by Tom Brown (02/03/2024):\nWe are recruiting 200 more GPs.\n", ""), "sp.txt") == [
        ("QA201", span(text, 7, text.splitlines()[6])),
    ]


def test_to_ask_at_the_end_of_a_wrapped_line_opens_a_question():
    # Plain text wraps the member's line right after "To ask"; the second
    # question, now without its answer, is still a question of its own.
    text = (FIXTURES / "scottish-written-answers.txt").read_text(encoding="utf-8")
    wrapped = text.replace("(Scottish Labour): To ask the Scottish Government what", "(Scottish Labour): To ask\nthe Scottish Government what")
    assert wrapped != text
    unanswered = wrapped.replace("Answered by Tom Brown (02/03/2024):\nWe are recruiting 200 more GPs.\n", "")
    assert found(unanswered, "sp.txt") == [("QA201", span(unanswered, 7, unanswered.splitlines()[6]))]
