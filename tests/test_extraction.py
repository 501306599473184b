"""Conversion damage to words (QA508 inside a line, QA511-QA514) and the
spelling check on real PDF and Word extractions: every finding on the 24
extractions in fixtures/kamervragen/ is listed, checked by hand, in
fixtures/kamervragen/expected-findings.tsv with its repair and a verdict."""

from __future__ import annotations

from collections import Counter

from conftest import FIXTURES, lint, run_cli, span, where

KAMERVRAGEN = FIXTURES / "kamervragen"
CODES = ["QA401", "QA508", "QA511", "QA512", "QA513", "QA514"]
# Precision of each rule on these extractions, counted by hand (verdicts in
# the list): QA511 645 of 646, QA508 inside a line 91 of 92, QA401 36 of 39.
MINIMUM_PRECISION = 0.9


def hand_checked() -> list[list[str]]:
    lines = (KAMERVRAGEN / "expected-findings.tsv").read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line and not line.startswith("#")]


def found_rows() -> list[list[str]]:
    rows = []
    for path in sorted(KAMERVRAGEN.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for f in lint(text, str(path), select=CODES):
            if f.code == "QA508" and "line end" in f.message:
                continue  # the hyphen at a line end, checked in test_consistency
            repair = f.fix.edits[0].content if f.fix else (f.suggestions[0] if f.suggestions else "-")
            safety = ("safe" if f.fix.safe else "unsafe") if f.fix else "-"
            rows.append([path.name[:2], str(f.line), str(f.column), f.code,
                         text[f.start:f.end].replace("\n", "\\n"), repair, safety])
    return rows


def test_extractions_give_the_hand_checked_findings_with_their_repairs():
    expected = hand_checked()
    assert found_rows() == [row[:7] for row in expected]
    total = Counter(row[3] for row in expected)
    right = Counter(row[3] for row in expected if row[7].startswith("ok"))
    assert {code: right[code] for code in total} == {"QA401": 36, "QA508": 91, "QA511": 645}
    for code in total:
        assert right[code] / total[code] >= MINIMUM_PRECISION, code


def test_run_together_words_are_no_longer_unknown_words():
    # What the extraction glued together is reported once, by QA511, not as a typo.
    assert not {row[4] for row in hand_checked() if row[3] == "QA401"} & {"vanhet", "inhet", "zegtdat", "hetkabinet"}
    split = {row[4]: row[5] for row in hand_checked() if row[3] == "QA511"}
    assert split["vanhet"] == "van het" and split["hetkabinet"] == "het kabinet" and split["inhet"] == "in het"


def test_fix_splits_the_safe_run_together_words_and_changes_nothing_else(capsys, tmp_path):
    name = "45-antwoord-antwoord-op-vragen-van-het-lid-koekkoek.txt"
    original = (KAMERVRAGEN / name).read_text(encoding="utf-8")
    copy = tmp_path / name
    copy.write_text(original, encoding="utf-8")
    run_cli(capsys, "check", "--isolated", "--select", "QA511", "--fix", copy)
    # The expected text: the safe splits of the hand-checked list, applied by hand.
    lines = original.split("\n")
    safe = [row for row in hand_checked() if row[0] == "45" and row[3] == "QA511" and row[6] == "safe"]
    for row in sorted(safe, key=lambda r: (int(r[1]), int(r[2])), reverse=True):
        index, column = int(row[1]) - 1, int(row[2]) - 1
        assert lines[index][column:column + len(row[4])] == row[4]
        lines[index] = lines[index][:column] + row[5] + lines[index][column + len(row[4]):]
    assert len(safe) == 73
    assert copy.read_text(encoding="utf-8") == "\n".join(lines)


def findings(text, path="doc.md", **kw):
    return [(f.code, where(f), f.suggestions[:2]) for f in lint(text, path, **kw)
            if f.code in CODES or f.code == "QA503"]


def test_a_split_needs_evidence_and_compounds_are_never_split():
    text = ("De verantwoordelijkheid ligt bijhet ziekenhuis en vanhet kabinet. De beleidsevaluatie volgt;\n"
            "ereen is geen reden voor een passendeoplossing.\n")
    assert findings(text) == [
        ("QA511", span(text, 1, "bijhet"), ["bij het"]),
        ("QA511", span(text, 1, "vanhet"), ["van het"]),
        ("QA511", span(text, 2, "ereen"), ["er een"]),
        ("QA511", span(text, 2, "passendeoplossing"), ["passende oplossing"]),
    ]
    # An inflected adjective before a noun is evidence, but not enough for --fix.
    assert [f.fix.safe for f in lint(text, select=["QA511"])] == [True, True, True, False]


def test_in_a_clean_document_a_weak_split_is_only_a_suggestion():
    # Nothing else is run together: one function word ("in") or an adjective
    # is not enough to call these words run together.
    text = "Er is geen reden voor een passendeoplossing.\n"
    assert findings(text) == [("QA401", span(text, 1, "passendeoplossing"), ["passende oplossing", "passeendeoplossing"])]
    english = "Install the plugin and run the check again.\n"
    assert [f.code for f in lint(english, select=CODES)] == ["QA401"]  # "plugin": no "plug in"


def test_glued_to_a_capitalised_word():
    text = "Het bezoek van deSecretaris-Generaal aan Kazan en hetRIEC-samenwerkingsverband.\n"
    assert findings(text) == [
        ("QA511", span(text, 1, "deSecretaris"), ["de Secretaris"]),
        ("QA511", span(text, 1, "hetRIEC"), ["het RIEC"]),
    ]


def test_identifiers_in_the_prose_are_not_words_run_together():
    text = "Call isValid() first, then obj.isEmpty, and check isValidInput before theCommittee meets.\n"
    assert [(f.code, where(f)) for f in lint(text, select=["QA511"])] == [("QA511", span(text, 1, "theCommittee"))]


def test_a_typo_in_a_clean_document_stays_a_typo():
    # "miniter" splits into "mini ter", but a dictionary word is one letter away
    # and nothing else in the document is run together.
    text = "De miniter heeft de brief over het beleid ontvangen.\n"
    assert findings(text) == [("QA401", span(text, 1, "miniter"), ["minister", "mini ter"])]


def test_word_broken_at_a_line_end_without_hyphen(capsys, tmp_path):
    text = "Nederland komt zijn verplich\ntingen na, zoals afgesproken.\n"
    assert findings(text) == [("QA512", span(text, 1, "verplich")[:2] + span(text, 2, "tingen")[2:],
                               ["verplichtingen"])]
    doc = tmp_path / "doc.md"
    doc.write_text(text)
    run_cli(capsys, "check", "--isolated", "--fix", doc)
    assert doc.read_text() == "Nederland komt zijn verplichtingen na, zoals afgesproken.\n"


def test_hyphenation_inside_a_line_is_qa508_not_a_term_variant():
    text = ("Dit is in lijn met internationale verdragen en internationale afspraken.\n\n"
            "Het kabinet handelt in overeenstemming met internatio-nale verdragsverplichtingen.\n")
    assert findings(text) == [("QA508", span(text, 3, "internatio-nale"), ["internationale"])]


def test_truncated_question():
    text = "**Vraag 1**\n\nWat is uw oordeel over de bezetting van het terri\n\n**Antwoord 1**\n\nDat is onwenselijk.\n"
    assert findings(text) == [("QA513", span(text, 3, "terri"), [])]
    assert lint(text, select=["QA513"])[0].message == "question ends mid-word: 'terri' (text cut off?)"


def test_soft_hyphens_are_one_finding_and_the_words_are_checked_without_them(capsys, tmp_path):
    text = "De internatio\u00adnale samenwerking en de samen\u200bwerking met de ontwikke\u00adlingslanden.\n"
    assert findings(text) == [("QA514", span(text, 1, "\u00ad"), [])]
    assert lint(text, select=["QA514"])[0].message == "3 soft hyphens or zero-width characters inside words"
    doc = tmp_path / "doc.md"
    doc.write_text(text)
    run_cli(capsys, "check", "--isolated", "--fix", doc)
    assert doc.read_text() == "De internationale samenwerking en de samenwerking met de ontwikkelingslanden.\n"


def test_non_breaking_space_inside_a_number_stays_part_of_it():
    text = "Zie Kamerstuk 33\u00a0694, nr. 43, over 12\u00a0500 aanvragen.\n"
    assert [f.code for f in lint(text)] == []


def test_names_and_terms_of_art_in_a_technical_faq():
    # rclone and adb are written in code, backend in a heading and four
    # times; only the real typo "logg" is reported.
    text = (FIXTURES / "faq-tool.md").read_text(encoding="utf-8")
    assert findings(text, "faq.md") == [("QA401", span(text, 21, "logg"), ["log", "loge"])]


def test_text_output_names_the_rule_that_dominates_a_file(capsys):
    path = KAMERVRAGEN / "45-antwoord-antwoord-op-vragen-van-het-lid-koekkoek.txt"
    _, out, _ = run_cli(capsys, "check", "--isolated", path)
    # 111: with the two lines of the PDF footer (QA507).
    assert f"{path}: 93 of 111 findings are QA511 run-together-words (73 fixable with --fix, " \
           "20 with --unsafe-fixes)" in out.splitlines()


ENGLISH_HYPHENS = (
    "# Questions\n\n"
    "Councils can co-ordinate their bids, re-examine their co-operation agreements and "
    "write to the pre-school team about well-being, anti-social behaviour, in-patient care, "
    "long-term plans and the Labour (Co-op) group. The recom-mendation stands.\n"
)


def test_english_hyphens_are_left_alone_and_a_hyphenation_remnant_is_not():
    # English writes "re-examine" beside "reexamine" and hyphenates after a
    # prefix; only "recom-mendation", two halves that are no words, is damage.
    from conftest import lint, span, where

    found = [(f.code, where(f)) for f in lint(ENGLISH_HYPHENS, "faq.md", select=["QA508"])]
    assert found == [("QA508", span(ENGLISH_HYPHENS, 3, "recom-mendation"))]


def test_a_document_that_ends_with_an_address_is_not_cut_off():
    from conftest import lint

    ends = {
        "an e-mail address": "Vragen kunt u sturen naar belastingen@example.gov.uk",
        "a link": "Zie https://www.rijksoverheid.nl/onderwerpen/belastingen",
        "a cut word": "Daarnaast spreek ik met de Turkse ambassa",
    }
    text = "Vraag 1\nWat is de stand van zaken?\n\nAntwoord 1\n{}\n"
    found = {name: [f.code for f in lint(text.format(end), select=["QA513"])] for name, end in ends.items()}
    assert found == {"an e-mail address": [], "a link": [], "a cut word": ["QA513"]}  # the answer and the document end at one place: one finding
