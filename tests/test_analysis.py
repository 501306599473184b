"""The analysis as rules see it: facts worked out once per document, typed,
and chosen by the layout's scheme rather than by branches in rules."""

from functools import lru_cache

import pytest

from qalint.analysis.analysis import Analysis
from qalint.analysis.numbering import DUPLICATE, GAP, ORDER, RESTART, START
from qalint.analysis.schemes import SCHEMES
from qalint.engine.plugins import load_registry
from qalint.source.document import Document
from qalint.source.markup import split_marker_line, write_marker_line
from qalint.source.textutil import breaks_off


@lru_cache(maxsize=None)
def _profiles():
    return load_registry(entry_points=False).profiles


def _analysis(text: str, profile: str = "schriftelijk-overleg") -> Analysis:
    return Analysis(Document("report.md", text), _profiles()[profile])


def _answers(*numbers: int) -> str:
    return "".join(
        f"Welke maatregelen neemt u om dit te voorkomen?\n\n**{n}. Antwoord van het kabinet**\n\nDat doen wij.\n\n"
        for n in numbers
    )


def test_each_profile_names_a_registered_scheme():
    for profile in _profiles().values():
        assert SCHEMES[profile.scheme].name == profile.scheme
    assert _analysis("x").scheme is SCHEMES["answer-after-question"]


def test_numbering_breaks_are_facts_with_the_expected_number():
    text = _answers(2, 3, 5, 5, 4)
    breaks = _analysis(text).numbering(1).breaks
    found = [(b.kind, b.number.value, b.expected, b.noun) for b in breaks]
    # 5 after 3 skips nothing for good (4 comes later): out of order, not a gap.
    assert found == [(START, 2, 1, "answer"), (DUPLICATE, 5, 6, "answer"), (ORDER, 4, 6, "answer")]
    found = [(b.kind, b.number.value, b.expected) for b in _analysis(_answers(1, 2, 4, 4, 6)).numbering(1).breaks]
    assert found == [(GAP, 4, 3), (DUPLICATE, 4, 5), (GAP, 6, 5)]
    # The break points at the number as written.
    first = breaks[0].number
    assert text[first.start:first.end] == "2"


def test_numbering_is_kept_per_start_and_worked_out_once():
    analysis = _analysis(_answers(1, 2, 3))
    assert analysis.numbering(1) is analysis.numbering(1)
    assert analysis.numbering(1).breaks == []
    assert [(b.kind, b.expected) for b in analysis.numbering(0).breaks] == [(START, 0)]


def test_a_restart_is_a_break_of_its_own():
    breaks = _analysis(_answers(1, 2, 3, 1, 2)).numbering(1).breaks
    assert [(b.kind, b.number.value, b.expected) for b in breaks] == [(RESTART, 1, 4)]
    assert _analysis(_answers(1, 2, 3, 1, 2)).numbering(1).renumbering is None  # the intent is unclear


def test_renumbering_names_each_number_to_rewrite():
    text = _answers(1, 2, 4) + "Zie het antwoord op vraag 4.\n"
    renumbering = _analysis(text).numbering(1).renumbering
    assert [(text[n.start:n.end], wanted) for n, wanted in renumbering] == [("4", 3), ("4", 3)]
    assert renumbering[1][0].start == text.rindex("4")


def test_answer_numbers_that_match_no_question():
    text = "Vraag 1\n\nKlopt het dat?\n\nAntwoord 2\n\nJa.\n\nAntwoord 7\n\nNee.\n"
    mismatches = _analysis(text, "vraag-antwoord").mismatched_answers
    assert [(m.number.value, m.questions) for m in mismatches] == [(2, (1,)), (7, ())]
    # A layout whose questions carry no numbers has no such fact.
    assert _analysis(_answers(1, 2), "schriftelijk-overleg").mismatched_answers == []


def test_an_answer_after_no_question_only_where_questions_are_marked():
    text = "Vraag 1\n\nKlopt het dat?\n\nAntwoord 1\n\nJa.\n\nAntwoord\n\nNee.\n"
    lost = _analysis(text, "vraag-antwoord").questionless_answers
    assert [text[m.start:m.end] for m in lost] == ["Antwoord"]
    assert _analysis(_answers(1, 2), "schriftelijk-overleg").questionless_answers == []


def test_a_lost_answer_only_where_questions_are_unmarked():
    text = _answers(1) + (
        "Welke kosten zijn hiermee gemoeid?\n\nWanneer wordt de Kamer daarover geïnformeerd?\n\n"
        "**3. Antwoord van het kabinet**\n\nDat doen wij.\n"
    )
    lost = _analysis(text).lost_answers
    assert [(item.numbers, missing) for item, missing in lost] == [([3], 2)]
    assert _analysis(text, "vraag-antwoord").lost_answers == []


def test_marker_groups_split_each_line_into_markup_and_text():
    text = "**1. Antwoord van het kabinet**\n\nJa.\n\n## 2. Antwoord van kabinet\n\nNee.\n"
    groups = {g.kind: g for g in _analysis(text).marker_groups}
    answers = groups["answer marker"]
    assert [(m.line, m.parts.style, m.parts.core) for m in answers.members] == [
        (0, (0, "**"), "1. Antwoord van het kabinet"), (4, (2, ""), "2. Antwoord van kabinet"),
    ]
    assert answers.one_wording and [m.marker.label for m in answers.members] == [
        "Antwoord van het kabinet", "Antwoord van kabinet",
    ]


@pytest.mark.parametrize(("line", "expected"), [
    ("**Antwoord 3**", (0, "**", "Antwoord 3")),
    ("\ufeff  ### _Antwoord 3_  ", (3, "_", "Antwoord 3")),
    ("#### **Antwoord 3*", None),  # emphasis that does not close as it opens
    ("** **", None),  # no text
])
def test_a_marker_line_in_its_parts(line, expected):
    parts = split_marker_line(line)
    assert (parts and (parts.level, parts.emphasis, parts.core)) == expected
    if parts:
        assert line[parts.lead_end:parts.trail_start] == write_marker_line(parts.style, parts.core)


def test_a_paragraph_cut_off_is_long_and_unfinished():
    assert breaks_off("Uiteraard is er in de tussenrapportage aandacht besteed aan de")
    assert not breaks_off("Uiteraard is er in de tussenrapportage aandacht besteed aan de kosten.")
    assert not breaks_off("PM")  # short: stands on its own
