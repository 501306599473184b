"""The Q&A structure of the real example (layout A) and of layouts B, C, E."""

from pathlib import Path

from conftest import registry, span
from qalint.source.reading import decode
from qalint.analysis.model import DEFERRAL, REFERRAL, SUBSTANTIVE
from qalint.analysis.structure import parse_structure


def structure_of(text: str, profile: str, path: str = "doc.md"):
    doc = decode(path, text.encode("utf-8"))
    return doc, parse_structure(doc, registry().profiles[profile])


def test_real_example_parses_completely(corpus_text):
    doc, s = structure_of(corpus_text, "schriftelijk-overleg")
    assert [item.numbers for item in s.items] == [[n] for n in range(1, 73)]
    assert all(item.question_blocks for item in s.items), "every answer has its question block"
    assert all(item.answer_blocks for item in s.items), "every answer has a body"
    assert not s.unanswered
    assert [x.title for x in s.sections][0] == "Inbreng van de leden van de VVD-fractie"
    assert len(s.sections) == 8  # one per faction
    assert sorted(int(m.label) for m in s.footnote_markers) == list(range(1, 10))
    assert sorted(int(d.label) for d in s.footnote_definitions) == list(range(1, 10))


def test_real_example_marker_positions(corpus_text):
    doc, s = structure_of(corpus_text, "schriftelijk-overleg")
    first = s.items[0].answer_marker.numbers[0]
    assert (doc.position(first.start), doc.position(first.end)) == ((24, 8), (24, 9))  # "#### **1."
    last = s.items[-1].answer_marker.numbers[0]
    assert (doc.position(last.start), doc.position(last.end)) == ((742, 3), (742, 5))  # "**72."
    assert s.items[16].answer_marker.label == "Antwoord van kabinet"
    assert s.items[0].answer_marker.label == "Antwoord van het kabinet"


def test_real_example_question_and_body_lines(corpus_text):
    doc, s = structure_of(corpus_text, "schriftelijk-overleg")
    line = lambda b: s.blocks[b].start_line + 1
    item = s.items[0]
    assert [line(b) for b in item.question_blocks] == [20, 22]  # faction opening + question
    assert [line(b) for b in item.answer_blocks] == [26, 28]  # bold part and the page-break rest
    item = s.items[7]  # answer 8: its body runs around a footnote block (lines 84-86)
    assert [line(b) for b in item.answer_blocks] == [82, 88]


def test_real_example_references(corpus_text):
    doc, s = structure_of(corpus_text, "schriftelijk-overleg")
    found = [(doc.position(r.start).line, [t.value for t in r.targets]) for r in s.references]
    assert found == [
        (214, [5]), (288, [11]), (314, [17]), (372, [15]), (430, [28]), (440, [28]),
        (450, [24]), (582, [28]), (670, [62]), (692, [28]), (706, [41]),
        (712, [62, 63, 64]), (744, [28]),
    ]
    grouped = s.references[11]
    assert [doc.position(t.start) for t in grouped.targets] == [
        span(corpus_text, 712, "62")[:2], span(corpus_text, 712, "63")[:2], span(corpus_text, 712, "64")[:2]
    ]
    kinds = {item.numbers[0]: item.kind for item in s.items}
    assert kinds[39] == REFERRAL and kinds[72] == REFERRAL and kinds[67] == REFERRAL
    # Answer 5 says something and then promises a letter: substantive, not a deferral.
    assert kinds[5] == SUBSTANTIVE


def test_real_example_header_block(corpus_text):
    doc, s = structure_of(corpus_text, "schriftelijk-overleg")
    assert [s.blocks[b].start_line + 1 for b in s.header_blocks] == [3, 5, 8, 10, 12, 15]


LAYOUT_C = """Vragen van het lid Jansen aan de minister over wachttijden (ingezonden 3 maart 2024).

Vraag 1
Bent u bekend met het bericht?

Antwoord 1
Ja.

Vraag 2
Hoeveel verzoeken zijn ontvangen?

Vraag 3
Hoeveel zijn afgehandeld?

Antwoord 2 en 3
In 2023 zijn 4.812 verzoeken ontvangen, waarvan 91 procent is afgehandeld.

Vraag 4, 5 en 6
Welke maatregelen neemt u?

Antwoord op vraag 4 tot en met 6
Zie het antwoord op vraag 2.

Vraag 7
Wanneer informeert u de Kamer?
"""


def test_layout_c_grouped_questions_and_answers():
    doc, s = structure_of(LAYOUT_C, "vraag-antwoord", "vragen.txt")
    assert [[n.value for n in m.numbers] for m in s.answer_markers] == [[1], [2, 3], [4, 5, 6]]
    assert [[n.value for m in i.question_markers for n in m.numbers] for i in s.items] == [[1], [2, 3], [4, 5, 6]]
    assert s.items[0].kind == SUBSTANTIVE  # "Ja." is a real answer
    assert s.items[2].kind == REFERRAL
    assert len(s.unanswered) == 1 and [n.value for n in s.unanswered[0].marker.numbers] == [7]


LAYOUT_B = """Lijst van vragen en antwoorden over de Rijksuitgaven

1

Hoeveel is in 2023 uitgegeven aan consulaire zaken en in welke regio's?

In 2023 is 48 miljoen euro uitgegeven, verdeeld als volgt:

Dublin

22

Meath

1

2

Welke kosten zijn hiermee gemoeid?

Het antwoord op deze vraag volgt in een afzonderlijke brief.

3

Hoe verhoudt zich dat tot 2022?

Zie het antwoord op vraag 2.
"""


def test_layout_b_bare_numbers_and_table_debris():
    doc, s = structure_of(LAYOUT_B, "lijst-van-vragen", "lijst.md")
    # "22" and "1" in answer 1 are flattened-table debris, not items: no question follows them.
    assert [i.numbers for i in s.items] == [[1], [2], [3]]
    assert [i.kind for i in s.items] == [SUBSTANTIVE, DEFERRAL, REFERRAL]
    line = lambda b: s.blocks[b].start_line + 1
    assert [line(b) for b in s.items[0].question_blocks] == [5]
    assert [line(b) for b in s.items[0].answer_blocks] == [7, 9, 11, 13, 15]


LAYOUT_E = """# Frequently asked questions

Q1: How do I apply for a passport?
A1: Apply online through the passport service.

Q2: How long does it take?
A2: We will write to the member with the figures.

Q3: Can I travel while my application is processed?
A3: See the answer to question 1.
"""


def test_layout_e_inline_faq_markers():
    doc, s = structure_of(LAYOUT_E, "written-questions", "faq.md")
    assert [i.numbers for i in s.items] == [[1], [2], [3]]
    assert [i.kind for i in s.items] == [SUBSTANTIVE, DEFERRAL, REFERRAL]
    assert [t.value for r in s.references for t in r.targets] == [1]


def test_profile_is_detected_automatically(corpus_text):
    from qalint.engine.linter import Linter, Overrides

    linter = Linter(registry(), Overrides(isolated=True))
    for text, path, expected in (
        (corpus_text, "a.md", "schriftelijk-overleg"),
        (LAYOUT_C, "c.txt", "vraag-antwoord"),
        (LAYOUT_B, "b.md", "lijst-van-vragen"),
        (LAYOUT_E, "e.md", "written-questions"),
    ):
        doc = decode(path, text.encode())
        assert linter.check(doc, Path(path)).profile == expected


def test_every_built_in_profile_compiles():
    from qalint.profiles import build_profiles, builtin_profile_files, read_profile_file

    raw = [read_profile_file(p) for p in builtin_profile_files()]
    profiles = build_profiles(raw, tuple(r["name"] for r in raw))
    assert sorted(profiles) == [
        "dail-questions", "eu-written-questions", "genummerde-vragen", "lijst-van-vragen", "numbered-questions",
        "schriftelijk-overleg", "uk-written-questions", "veelgestelde-vragen", "vraag-antwoord", "written-questions",
    ]
