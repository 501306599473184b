"""`qalint check examples/` reports exactly the seeded defects."""

from conftest import EXAMPLES, lint, span, where

DEFECTS = EXAMPLES / "antwoorden-kamervragen-defecten.md"
DEFERRAL = EXAMPLES / "uitstel-beantwoording.md"
CLEAN = EXAMPLES / "antwoorden-kamervragen-schoon.md"


def test_clean_example_has_no_findings():
    assert lint(CLEAN.read_text(encoding="utf-8"), str(CLEAN)) == []


def test_defective_example_reports_every_seeded_defect_and_nothing_else():
    text = DEFECTS.read_text(encoding="utf-8")
    expected = [
        ("QA204", span(text, 5, ".. xxxx 2024")),
        ("QA104", span(text, 7, "Vraag [[2]]")),  # **Vraag 2** opens the document
        ("QA508", span(text, 9, "afde-")),  # "afde-" / "ling?"
        ("QA502", span(text, 14, "Kamerstuk 36200 V, nr.1")),
        ("QA507", span(text, 16, "Pagina 2 van 3")),
        ("QA401", span(text, 20, "ontvangne")),  # ontvangen
        ("QA314", span(text, 24, "<sup>[[3]]</sup>")),  # <sup>3</sup> before any <sup>2</sup>
        ("QA505", span(text, 24, "12 januari 2019")),  # next to 2024Z01234
        # "verplich" / "tingen": verplichtingen, both halves
        ("QA512", span(text, 24, "verplich")[:2] + span(text, 25, "tingen")[2:]),
        ("QA101", span(text, 27, "Vraag [[5]]")),  # Vraag 5 after Vraag 3
        ("QA511", span(text, 29, "vandie")),  # van die
        ("QA203", span(text, 33, "PM")),
        ("QA102", span(text, 35, "Vraag [[5]]")),  # a second Vraag 5
        ("QA404", span(text, 37, "terzake")),  # ter zake
        ("QA205", span(text, 41, "Het antwoord op deze vraag volgt in een afzonderlijke brief.")),
        ("QA515", span(text, 43, "**[[Vraag 7]]**")),  # glued to the footer "... Aanhangsel 2"
        ("QA514", span(text, 45, "\u00ad")),  # a soft hyphen in "mede-werkers"
        ("QA206", span(text, 49, "Zie het antwoord op vraag 5")),  # 5 is a placeholder
        ("QA103", span(text, 51, "Vraag [[6]]")),  # Vraag 6 after Vraag 7
        ("QA503", span(text, 53, "wacht-tijden")),  # twice "wachttijden"
        ("QA202", span(text, 55, "Antwoord 6")),
        ("QA105", span(text, 61, "Antwoord [[18]]")),  # Vraag 8 answered as Antwoord 18
        ("QA321", span(text, 63, "[rapport][jaarverslag]")),
        ("QA322", span(text, 63, "#toelichting-bij-het-jaarverslag")),
        ("QA304", span(text, 71, "Zie het antwoord op vraag 10")),  # 9 -> 10 -> 9
        ("QA509", span(text, 75, "Welke posten krijgen extra personeel?")),  # as Vraag 9
        ("QA501", span(text, 77, "__Antwoord 10__")),  # the others are **Antwoord N**
        ("QA403", span(text, 83, "de [[de]]")),
        ("QA303", span(text, 87, "vraag [[12]]")),  # 11 -> 12 -> 3
        ("QA402", span(text, 91, "defensieuitgaven")),  # defensie-uitgaven
        ("QA311", span(text, 103, "<sup>[[4]]</sup>")),  # <sup>4</sup> has no note
        ("QA302", span(text, 103, "vraag [[13]]")),  # answer 13 refers to 13
        ("QA301", span(text, 103, "40")),
        ("QA201", span(text, 105, "Vraag 14")),
        ("QA513", span(text, 107, "campag")),  # the question stops mid-word
        ("QA001", span(text, 109, "<!-- qalint: disable-next-line=QA301 -->")),
        ("QA106", span(text, 110, "Vraag [[1]]")),  # numbering starts again at Vraag 1
        ("QA504", span(text, 116, "31 juni 2023")),
        ("QA506", span(text, 116, "op [[de]]")),  # "... op de" / "posten in Europa"
        ("QA312", span(text, 124, "<sup>[[2]]</sup>")),
        ("QA313", span(text, 128, "<sup>[[3]]</sup>")),
        ("QA002", span(text, 130, "<!-- qalint: disable-nextline=QA313 -->")),  # disable-next-line, misspelt
    ]
    found = [(f.code, where(f)) for f in lint(text, str(DEFECTS))]
    assert found == expected


def test_deferral_notice_example_is_one_info_finding():
    text = DEFERRAL.read_text(encoding="utf-8")
    found = [(f.code, f.severity, where(f)) for f in lint(text, str(DEFERRAL))]
    assert found == [
        ("QA207", "info", span(text, 21, "niet binnen de gebruikelijke termijn worden beantwoord")),
    ]


def test_the_defective_examples_hold_one_defect_of_every_built_in_rule():
    from conftest import registry

    found = {f.code for path in (DEFECTS, DEFERRAL) for f in lint(path.read_text(encoding="utf-8"), str(path))}
    assert sorted(found) == sorted(registry().rules)
