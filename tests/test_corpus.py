"""The real example: no false positives in the structure categories, and
every defect kind injected at random places (fixed seed) is found."""

from __future__ import annotations

import random
import re

import pytest

from conftest import lint, span, where

STRUCTURE = {"numbering", "reference", "missing-answer"}
MARKER = re.compile(r"^(?:#+ )?\*\*(\d+)\. Antwoord")
SEED = 20240601


def structure_findings(text: str):
    return [f for f in lint(text, "verslag.md") if f.category in STRUCTURE]


def test_real_example_has_only_its_header_placeholders(corpus_text):
    found = [(f.code, where(f)) for f in structure_findings(corpus_text)]
    assert found == [
        ("QA204", span(corpus_text, 5, "**[[Nr.]]")),
        ("QA204", span(corpus_text, 6, ".....")),
        ("QA204", span(corpus_text, 10, "bij brief van [[...]]")),
    ]


class Corpus:
    """The example as lines, with the answers a mutation can act on."""

    def __init__(self, text: str) -> None:
        self.lines = text.split("\n")
        self.markers = {int(m.group(1)): i for i, line in enumerate(self.lines) if (m := MARKER.match(line))}

    def simple(self) -> list[int]:
        """Answers with a one-paragraph body followed by a one-paragraph question."""
        result = []
        for number, index in self.markers.items():
            following = self.markers.get(number + 1)
            if following == index + 6 and self.lines[index + 2] and "?" in self.lines[index + 4]:
                result.append(number)
        return result

    def text(self) -> str:
        return "\n".join(self.lines)


@pytest.fixture
def corpus(corpus_text):
    return Corpus(corpus_text)


def picks(candidates, count=4, salt=0):
    return random.Random(SEED + salt).sample(sorted(candidates), count)


def found_at(findings, code, line):
    return any(f.code == code and f.line == line for f in findings)


def test_renumbered_answer_is_a_gap_then_a_duplicate(corpus_text):
    for number in picks(range(2, 71), salt=1):
        c = Corpus(corpus_text)
        index = c.markers[number]
        c.lines[index] = c.lines[index].replace(f"**{number}.", f"**{number + 1}.")
        findings = structure_findings(c.text())
        assert found_at(findings, "QA101", index + 1), number
        assert found_at(findings, "QA102", c.markers[number + 1] + 1), number


def test_swapped_numbers_are_out_of_order(corpus_text):
    for number in picks(range(2, 70), salt=2):
        c = Corpus(corpus_text)
        first, second = c.markers[number], c.markers[number + 1]
        c.lines[first] = c.lines[first].replace(f"**{number}.", f"**{number + 1}.")
        c.lines[second] = c.lines[second].replace(f"**{number + 1}.", f"**{number}.")
        findings = structure_findings(c.text())
        assert [f.code for f in findings if f.category == "numbering"] == ["QA103"], number
        assert found_at(findings, "QA103", second + 1)


def test_removed_answer_is_a_gap_at_the_next_number_and_its_question_is_unanswered(corpus_text):
    c0 = Corpus(corpus_text)
    # Answers whose question is one paragraph right after the previous answer's bold body.
    candidates = [
        n for n in c0.simple()
        if "?" in c0.lines[c0.markers[n] - 2] and c0.lines[c0.markers[n] - 4].startswith("**")
    ]
    for number in picks(candidates, salt=3):
        c = Corpus(corpus_text)
        index = c.markers[number]
        del c.lines[index:index + 4]  # marker, blank, body, blank
        findings = structure_findings(c.text())
        assert found_at(findings, "QA101", c0.markers[number + 1] - 4 + 1), number
        assert found_at(findings, "QA201", index - 2 + 1), number  # the question that lost its answer


def test_mistyped_number_is_not_a_lost_answer(corpus_text):
    c = Corpus(corpus_text)
    index = c.markers[30]
    c.lines[index] = c.lines[index].replace("**30.", "**31.")
    assert [f.code for f in structure_findings(c.text()) if f.category != "missing-answer" or f.code != "QA204"] == [
        "QA101", "QA102",
    ]


def test_emptied_answer_is_reported_at_its_marker(corpus_text):
    c0 = Corpus(corpus_text)
    for number in picks(c0.simple(), salt=4):
        c = Corpus(corpus_text)
        index = c.markers[number]
        del c.lines[index + 2:index + 4]  # body and its blank line
        findings = structure_findings(c.text())
        assert found_at(findings, "QA202", index + 1), number


PLACEHOLDERS = ["**PM**", "p.m.", "TODO", "...", "[nog te beantwoorden]", "**Volgt.**", "N.t.b.", "(antwoord volgt)"]


def test_placeholder_answers_in_any_markup(corpus_text):
    c0 = Corpus(corpus_text)
    numbers = picks(c0.simple(), count=len(PLACEHOLDERS), salt=5)
    for number, placeholder in zip(numbers, PLACEHOLDERS):
        c = Corpus(corpus_text)
        index = c.markers[number]
        c.lines[index + 2] = placeholder
        findings = structure_findings(c.text())
        assert found_at(findings, "QA203", index + 3), (number, placeholder)


def test_deferral_only_answer_is_info_and_referrals_to_it_are_reported(corpus_text):
    c0 = Corpus(corpus_text)
    deferred, referring = picks(c0.simple(), count=2, salt=6)
    c = Corpus(corpus_text)
    c.lines[c.markers[deferred] + 2] = "**Uw Kamer wordt hierover separaat geïnformeerd.**"
    c.lines[c.markers[referring] + 2] = f"**Zie het antwoord op vraag {deferred}.**"
    findings = structure_findings(c.text())
    deferral = [f for f in findings if f.code == "QA205"]
    assert [f.line for f in deferral] == [c.markers[deferred] + 3]
    assert deferral[0].severity == "info"
    assert found_at(findings, "QA206", c.markers[referring] + 3)


def test_referrals_to_missing_numbers_and_to_themselves(corpus_text):
    c0 = Corpus(corpus_text)
    for number in picks(c0.simple(), salt=7):
        c = Corpus(corpus_text)
        body = c.markers[number] + 2
        c.lines[body] = c.lines[body].rstrip("*") + f" Zie ook het antwoord op vraag 9{number % 10}.**"
        findings = structure_findings(c.text())
        target = span(c.text(), body + 1, f"vraag [[9{number % 10}]]")
        assert [("QA301", target)] == [(f.code, where(f)) for f in findings if f.code == "QA301"]
        c = Corpus(corpus_text)
        c.lines[body] = c.lines[body].rstrip("*") + f" Zie ook het antwoord op vraag {number}.**"
        findings = structure_findings(c.text())
        target = span(c.text(), body + 1, f"vraag [[{number}]]")
        assert [("QA302", target)] == [(f.code, where(f)) for f in findings if f.code == "QA302"]


def test_deleted_footnote_definitions(corpus_text):
    for label in picks(range(1, 10), count=3, salt=8):
        c = Corpus(corpus_text)
        definition = next(i for i, l in enumerate(c.lines) if l.startswith(f"<sup>{label}</sup> "))
        marker = next(i for i, l in enumerate(c.lines) if f"<sup>{label}</sup>" in l)
        del c.lines[definition]
        findings = structure_findings(c.text())
        assert [(f.code, f.line) for f in findings if f.code == "QA311"] == [("QA311", marker + 1)]


def test_stray_footnote_marker(corpus_text):
    c0 = Corpus(corpus_text)
    for number in picks(c0.simple(), count=3, salt=9):
        c = Corpus(corpus_text)
        body = c.markers[number] + 2
        c.lines[body] = c.lines[body].replace(". ", ".<sup>12</sup> ", 1)
        findings = structure_findings(c.text())
        assert [(f.code, f.line) for f in findings if f.code == "QA311"] == [("QA311", body + 1)]


def test_unanswered_question_appended_to_a_section(corpus_text):
    c0 = Corpus(corpus_text)
    section_starts = [i for i, l in enumerate(c0.lines) if "Inbreng van de leden" in l][1:]
    for start in picks(section_starts, count=3, salt=10):
        c = Corpus(corpus_text)
        c.lines[start:start] = ["Kan de minister toelichten hoe dit wordt gefinancierd?", ""]
        findings = structure_findings(c.text())
        assert [(f.code, f.line) for f in findings if f.category == "missing-answer" and f.code != "QA204"] == [
            ("QA201", start + 1)
        ]
    c = Corpus(corpus_text)
    c.lines.extend(["", "De leden van de SGP-fractie vragen tot slot wanneer de volgende rapportage verschijnt."])
    findings = structure_findings(c.text())
    assert found_at(findings, "QA201", len(c.lines))
