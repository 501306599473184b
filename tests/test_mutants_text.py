"""Cases that a mutation run over rules/ showed no test decided, for the
rules that read the text (spelling, terms, extraction damage, consistency):
each test names the change to the rule it catches. Expectations are written
from the text."""

from __future__ import annotations

from conftest import lint, span, where
from mutant_cases import HEAD, found

import qalint
from qalint.engine.fixes import apply_fixes


# -- rules/spelling.py -------------------------------------------------------


def test_a_typo_in_the_shared_half_of_a_compound_is_still_a_typo():
    """`overheidz- en defensiebeleid`: only a first half that is a word with
    its linking letters (`overheids-`) is a shared half; `overheidz` ends
    in no linking `s` (mutant: `endswith(link) and ...` -> `or`)."""
    text = HEAD + "Het overheidz- en defensiebeleid wordt dit jaar herzien, zo schrijft de minister.\n"
    assert [w for w, _ in found(text, "QA401")] == [span(text, 3, "overheidz")]


def test_names_from_code_spans_and_bracketed_compound_halves_are_words():
    """`rclone` in a code span makes rclone in the prose a name;
    "(veiligheids)beleid" writes two compounds at once (mutants: code names
    only when also CamelCase; the bracket not seen)."""
    text = HEAD + "De gegevens staan in `rclone`; met rclone worden ze gekopieerd. Het (veiligheids)beleid wordt herzien.\n"
    assert found(text, "QA401") == []


def test_domain_names_are_not_words():
    """The top-level domain after a dot is part of a domain name, not a
    word to check (mutant: the dot is looked for one place too far)."""
    text = HEAD + "De cijfers staan op Rijksoverheid.nl, Europa.eu, Data.gov en Belgium.be, en op Opendata.info.\n"
    assert found(text, "QA401") == []


def test_a_two_letter_typo_is_reported_with_three_suggestions():
    """"ej" for "en": words of two letters are checked too (mutant: only
    from three letters), and up to three suggestions are given, the
    right one first: a word the document uses goes first among equally
    close ones (mutant: two)."""
    text = HEAD + "Het kabinet heeft dat besloten ej de minister schreef het eerder aan de Kamer en de commissie.\n"
    findings = lint(text, select=["QA401"])
    assert [where(f) for f in findings] == [span(text, 3, "ej")]
    assert len(findings[0].suggestions) == 3 and findings[0].suggestions[0] == "en"


def test_a_typo_before_a_comma_at_a_line_end_is_checked():
    """"ontvangne," at a line end: a comma is no hyphen (mutant: any
    character up to "-" before the line end counts as a word break)."""
    text = HEAD + "Het bericht is mij bekend, de cijfers zijn ontvangne,\nmaar nog niet verwerkt.\n"
    assert [w for w, _ in found(text, "QA401")] == [span(text, 3, "ontvangne")]


def test_a_typo_used_twice_is_no_term_of_art():
    """"verantwoordlijkhed" twice, two letters from the word it means: a
    word becomes a term of art from three uses (mutant: from two)."""
    text = HEAD + "De verantwoordlijkhed ligt bij de gemeente. Het kabinet wil die verantwoordlijkhed niet overnemen.\n"
    assert [w for w, _ in found(text, "QA401")] == [span(text, 3, "verantwoordlijkhed", n) for n in (1, 2)]


def test_a_term_used_three_times_one_letter_from_a_word_is_a_typo():
    """"strafvervolgning" three times in lower case: one sign of a term of
    art, and "strafvervolging" is one edit away, so each use is reported
    (mutant: one sign is enough for a term of art)."""
    text = HEAD + (
        "De minister acht strafvervolgning in deze zaak niet opportuun. Ook kost strafvervolgning veel tijd, "
        "en het OM kiest bij lichte fraude vaak voor een boete in plaats van strafvervolgning.\n"
    )
    assert [w for w, _ in found(text, "QA401")] == [span(text, 3, "strafvervolgning", n) for n in (1, 2, 3)]


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


def test_two_different_names_are_no_spellings_of_each_other():
    """"Bontebal" once beside "Paternotte" three times: a name is only
    compared with names one letter from it (mutant: with any name that is
    not its inflection)."""
    text = HEAD + "Het lid Paternotte vroeg het. Volgens Paternotte en Bontebal is dat zo, en Paternotte herhaalde het.\n"
    assert found(text, "QA401") == []


def test_a_name_one_letter_off_at_the_same_length_is_reported():
    """"Paternitte" once beside "Paternotte" twice: one letter replaced, the
    length unchanged (mutant: only names of another length compared)."""
    text = HEAD + "Het lid Paternotte vroeg het eerder. Volgens Paternotte is dat niet zo, maar Paternitte heeft dat nooit bevestigd.\n"
    assert found(text, "QA401") == [(span(text, 3, "Paternitte"), "unknown name 'Paternitte'; did you mean Paternotte?")]


def test_a_name_used_three_times_is_a_name_of_its_own():
    """"Bontebal" three times beside "Bontenbal" four times: used three
    times, it is a name of its own, not a misspelling (mutant: from four)."""
    text = HEAD + "Volgens Bontebal, Bontebal en Bontebal klopt het niet; Bontenbal, Bontenbal, Bontenbal en Bontenbal zeggen van wel.\n"
    assert found(text, "QA401") == []


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


def test_the_suggested_form_keeps_the_lower_case_of_the_variant():
    """"zero emissie" beside twice "zero-emissie": the suggestion is
    "zero-emissie" as the sentence writes it (mutant: the first letter
    dropped when it is lower case)."""
    text = HEAD + "Canada werkt aan zero-emissie vervoer. Het zero-emissie vervoer groeit, maar zero emissie vervoer blijft duur.\n"
    assert [(where(f), f.suggestions) for f in lint(text, select=["QA503"])] == [(span(text, 3, "zero emissie"), ["zero-emissie"])]


def test_a_linking_s_is_decided_by_use_and_a_tie_decides_nothing():
    """"Halfjaarsrapportage" twice, "Halfjaarrapportage" once: both are
    right, the more used wins, with or without the s; once each, nothing
    is reported (mutants: the less used wins, the form with s wins, or a
    tie goes to it)."""
    text = HEAD + "De Halfjaarsrapportage verscheen in mei. De Halfjaarsrapportage bevat de cijfers; de Halfjaarrapportage niet.\n"
    assert [(where(f), f.suggestions) for f in lint(text, select=["QA503"])] == [
        (span(text, 3, "Halfjaarrapportage"), ["Halfjaarsrapportage"]),
    ]
    fewer = HEAD + "De Halfjaarrapportage verscheen in mei. De Halfjaarrapportage bevat de cijfers; de Halfjaarsrapportage niet.\n"
    assert [(where(f), f.suggestions) for f in lint(fewer, select=["QA503"])] == [
        (span(fewer, 3, "Halfjaarsrapportage"), ["Halfjaarrapportage"]),
    ]
    tie = HEAD + "De Halfjaarsrapportage verscheen in mei. De Halfjaarrapportage bevat de cijfers.\n"
    assert found(tie, "QA503") == []


# -- rules/conversion.py -----------------------------------------------------


def test_a_hyphen_at_a_line_end_inside_a_code_block_is_code():
    """Only paragraphs are prose: a file name broken in a code block is left
    alone (mutant: `kind != PARAGRAPH` -> `kind > PARAGRAPH` lets code and
    HTML blocks through)."""
    text = HEAD + "De bestanden staan in de map:\n\n```text\nbestandsnaam: verslag-\nschriftelijk-overleg.md\n```\n\nEen veilig-\nheidsstrategie volgt.\n"
    assert [w for w, _ in found(text, "QA508")] == [span(text, 10, "veilig-")]


SPLIT_HEAD = HEAD + "Vraag 1\n\nWat staat er in de tussenrapportage?\n\nAntwoord 1\n\n"


CUT = "aandacht besteed aan de versnelling van technologische ontwikkelingen<sup>1</sup> in de"


NOTES = "---\n\n<sup>1</sup> Kamerstuk 33 694, nr. 57.\n"


def test_a_cut_paragraph_needs_eight_words_before_the_break():
    """The first half of a split paragraph has at least eight words: eight
    are enough (mutant: `< 8` -> `<= 8` asks for nine)."""
    text = SPLIT_HEAD + "De tussenrapportage besteedt aandacht aan de versnelling van\n\ntechnologische ontwikkelingen.\n"
    assert [w for w, _ in found(text, "QA506")] == [span(text, 9, "versnelling [[van]]")]


def test_a_document_that_ends_in_footnotes_after_a_cut_paragraph_is_checked():
    """The last paragraph stops mid-sentence and only footnotes follow: no
    second half to join, and no crash (mutant: `following >= len(blocks)`
    -> `>`, which reads past the last block)."""
    text = SPLIT_HEAD + f"Uiteraard is er in de tussenrapportage {CUT}\n\n" + NOTES
    assert found(text, "QA506") == []
    # The same in a long document, of more blocks than Python keeps one
    # object per number for (mutant: `>=` -> `is`).
    long = SPLIT_HEAD + "Ja, dat klopt.\n\n" * 300 + f"Uiteraard is er in de tussenrapportage {CUT}\n\n" + NOTES
    assert found(long, "QA506") == []


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


def test_joining_a_bold_second_half_opens_the_bold_before_the_first():
    """Bold covers the second half only: the joined paragraph is bold as a
    whole (mutant: the seam ends inside the opening `**`)."""
    text = SPLIT_HEAD + f"Uiteraard is er in de tussenrapportage {CUT}\n\n**volgende hoofdstukken.**\n"
    findings = lint(text, select=["QA506"])
    assert apply_fixes(text, findings).text == SPLIT_HEAD + f"**Uiteraard is er in de tussenrapportage {CUT} volgende hoofdstukken.**\n"


# -- rules/consistency.py ----------------------------------------------------


def test_the_configured_marker_markup_wins_over_the_majority():
    """`marker-markup = "## …"`: the three bold answer markers are reported,
    not the one heading that has the configured form, though most are bold
    (mutant: the setting applies to section headings only)."""
    text = HEAD + (
        "Vraag 1\nHoeveel?\n\n**Antwoord 1**\n\nTwaalf.\n\n"
        "Vraag 2\nWanneer?\n\n## Antwoord 2\n\nIn 2025.\n\n"
        "Vraag 3\nWaarom?\n\n**Antwoord 3**\n\nOmdat het nodig is.\n\n"
        "Vraag 4\nHoe lang?\n\n**Antwoord 4**\n\nTwee jaar.\n"
    )
    findings = qalint.check_text(text, "doc.md", qalint.load_config(select=["QA501"], marker_markup="## …"))
    assert [where(f) for f in findings] == [span(text, n, f"**Antwoord {k}**") for n, k in ((6, 1), (20, 3), (27, 4))]


def test_headings_that_are_a_third_of_the_markers_win():
    """Two of five answer markers are headings: headings are a real part
    of the outline, so the three bold markers become headings (mutant:
    only when headings are exactly a third)."""
    numbers = (1, 2, 3, 4, 5)
    markup = {1: "## Antwoord 1", 2: "**Antwoord 2**", 3: "## Antwoord 3", 4: "**Antwoord 4**", 5: "**Antwoord 5**"}
    text = HEAD + "".join(f"Vraag {n}\nKlopt dat?\n\n{markup[n]}\n\nJa.\n\n" for n in numbers)
    lines = {n: 3 + 7 * (n - 1) + 3 for n in numbers}
    assert [w for w, _ in found(text, "QA501")] == [span(text, lines[n], markup[n]) for n in (2, 4, 5)]


def test_a_repeated_question_of_two_paragraphs_is_reported_at_its_first():
    """The duplicate question block is reported where it starts (mutant: at
    its last paragraph)."""
    question = "Hoeveel posten krijgen extra personeel?\n\nEn wanneer begint dat personeel?\n\n"
    text = HEAD + "Vraag 1\n" + question + "Antwoord 1\nTwaalf, in september.\n\nVraag 2\n" + question + "Antwoord 2\nZie het antwoord op vraag 1.\n"
    assert [w for w, _ in found(text, "QA509")] == [span(text, 12, "Hoeveel posten krijgen extra personeel?")]


# -- rules/extraction.py -----------------------------------------------------


def test_a_single_soft_hyphen_is_one_character():
    """One soft hyphen: the message is singular (mutant: "1 soft hyphens")."""
    text = HEAD + "Het kabinet steunt de internatio\u00adnale aanpak.\n"
    assert found(text, "QA514") == [(span(text, 3, "\u00ad"), "1 soft hyphen or zero-width character inside words")]
