"""`qalint check examples/` reports exactly the seeded defects."""

from conftest import EXAMPLES, lint, span, where

DEFECTS = EXAMPLES / "antwoorden-kamervragen-defecten.md"
CLEAN = EXAMPLES / "antwoorden-kamervragen-schoon.md"


def test_clean_example_has_no_findings():
    assert lint(CLEAN.read_text(encoding="utf-8"), str(CLEAN)) == []


def test_defective_example_reports_every_seeded_defect_and_nothing_else():
    text = DEFECTS.read_text(encoding="utf-8")
    expected = [
        ("QA204", span(text, 5, ".. xxxx 2024")),
        ("QA104", span(text, 7, "Vraag [[2]]")),  # **Vraag 2** opens the document
        ("QA314", span(text, 21, "<sup>[[3]]</sup>")),  # <sup>3</sup> before any <sup>2</sup>
        ("QA101", span(text, 23, "Vraag [[5]]")),  # Vraag 5 after Vraag 3
        ("QA203", span(text, 29, "PM")),
        ("QA102", span(text, 31, "Vraag [[5]]")),  # a second Vraag 5
        ("QA205", span(text, 37, "Het antwoord op deze vraag volgt in een afzonderlijke brief.")),
        ("QA206", span(text, 45, "Zie het antwoord op vraag 5")),  # 5 is a placeholder
        ("QA103", span(text, 47, "Vraag [[6]]")),  # Vraag 6 after Vraag 7
        ("QA202", span(text, 51, "Antwoord 6")),
        ("QA105", span(text, 57, "Antwoord [[18]]")),  # Vraag 8 answered as Antwoord 18
        ("QA321", span(text, 59, "[rapport][jaarverslag]")),
        ("QA322", span(text, 59, "#toelichting-bij-het-jaarverslag")),
        ("QA304", span(text, 67, "Zie het antwoord op vraag 10")),  # 9 -> 10 -> 9
        ("QA303", span(text, 83, "vraag [[12]]")),  # 11 -> 12 -> 3
        ("QA311", span(text, 99, "<sup>[[4]]</sup>")),  # <sup>4</sup> has no note
        ("QA302", span(text, 99, "vraag [[13]]")),  # answer 13 refers to 13
        ("QA301", span(text, 99, "40")),
        ("QA201", span(text, 101, "Vraag 14")),
        ("QA001", span(text, 105, "<!-- qalint: disable-next-line=QA301 -->")),
        ("QA106", span(text, 106, "Vraag [[1]]")),  # numbering starts again at Vraag 1
        ("QA312", span(text, 118, "<sup>[[2]]</sup>")),
        ("QA313", span(text, 122, "<sup>[[3]]</sup>")),
    ]
    found = [(f.code, where(f)) for f in lint(text, str(DEFECTS))]
    assert found == expected


def test_defective_example_holds_one_defect_of_every_built_in_rule():
    from conftest import registry

    text = DEFECTS.read_text(encoding="utf-8")
    assert sorted({f.code for f in lint(text, str(DEFECTS))}) == sorted(registry().rules)
