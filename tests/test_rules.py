"""Pass and fail cases of every structure rule, with exact positions."""

from __future__ import annotations

import pytest

from conftest import lint, span, where

C_HEAD = "Vragen van het lid Jansen aan de minister (ingezonden 3 maart 2024).\n\n"


def qa(*pairs: tuple[str, str]) -> str:
    """A layout C document from (number, answer text) pairs."""
    parts = [C_HEAD]
    for number, answer in pairs:
        parts.append(f"Vraag {number}\nKlopt het dat het bericht over {number} juist is?\n\nAntwoord {number}\n{answer}\n\n")
    return "".join(parts)


def answer_line(k: int) -> int:
    """Line of the answer text of pair k in a `qa` document."""
    return 1 + 6 * k


def found(text, path="doc.md", **kw):
    return [(f.code, where(f)) for f in lint(text, path, **kw)]


# -- references ------------------------------------------------------------

@pytest.mark.parametrize("phrase, needle", [
    ("Zie het antwoord op vraag 9.", "vraag [[9]]"),
    ("Zie ook het antwoord op vraag 9.", "vraag [[9]]"),
    ("Zie antwoord vraag 9.", "vraag [[9]]"),
    ("Zie ook vraag 9.", "vraag [[9]]"),
    ("Zie hierover het antwoord op vraag 9.", "vraag [[9]]"),
    ("De bij vraag 9 genoemde kosten dalen.", "vraag [[9]]"),
    ("Zie ook antwoorden op vragen 1, 2 en 9.", "en [[9]]"),
    ("Zie de antwoorden op de vragen 1 en 9.", "en [[9]]"),
    ("Zie het antwoord op vraag 1 en vraag 9.", "vraag [[9]]"),
])
def test_dutch_referral_phrasings_to_a_missing_number(phrase, needle):
    text = qa((1, "Ja."), (2, "Nee."), (3, phrase))
    assert found(text) == [("QA301", span(text, answer_line(3), needle))]


def test_range_referral_is_expanded():
    text = qa((1, "Ja."), (2, "Nee."), (3, "Zie de antwoorden op de vragen 4 tot en met 6."))
    line = answer_line(3)
    assert found(text) == [
        ("QA301", span(text, line, "vragen [[4]]")),
        ("QA301", span(text, line, "[[4 tot en met 6]]")),  # 5 is implied by the range
        ("QA301", span(text, line, "met [[6]]")),
    ]


@pytest.mark.parametrize("phrase, needle", [
    ("See the answer to question 9.", "question [[9]]"),
    ("See my answer to Question No. 9.", "No. [[9]]"),
    ("I refer the member to the answer I gave to question 9.", "question [[9]]"),
    ("I refer the hon. Member to the answer I gave to question 9.", "question [[9]]"),
])
def test_english_referral_phrasings(phrase, needle):
    text = f"Q1: Is it true?\nA1: Yes.\n\nQ2: Why?\nA2: {phrase}\n"
    assert found(text, "faq.md") == [("QA301", span(text, 5, needle))]


def test_referrals_into_other_documents_are_left_alone():
    text = qa((1, "Ja."), (2, "Zie het antwoord op vraag 12 van het lid Jansen (Aanhangsel Handelingen, nr. 1234)."))
    assert found(text) == []


def test_self_reference():
    text = qa((1, "Ja."), (2, "Zie het antwoord op vraag 2."))
    assert found(text) == [("QA302", span(text, answer_line(2), "vraag [[2]]"))]


def test_chain_is_reported_with_the_whole_chain_unless_the_final_answer_is_named():
    text = qa((1, "Ja, het klopt."), (2, "Zie het antwoord op vraag 1."), (3, "Zie het antwoord op vraag 2."))
    findings = lint(text)
    assert [(f.code, where(f)) for f in findings] == [("QA303", span(text, answer_line(3), "vraag [[2]]"))]
    assert findings[0].message == "referral chain 3 -> 2 -> 1: refer to 1 directly"
    text = qa((1, "Ja, het klopt."), (2, "Zie het antwoord op vraag 1."), (3, "Zie de antwoorden op de vragen 1 en 2."))
    assert found(text) == []


def test_cycle_is_reported_once():
    text = qa((1, "Zie het antwoord op vraag 2."), (2, "Zie het antwoord op vraag 1."))
    findings = lint(text)
    assert [(f.code, where(f)) for f in findings] == [("QA304", span(text, answer_line(1), "Zie het antwoord op vraag 2"))]
    assert findings[0].message.startswith("referral cycle 1 -> 2 -> 1")


# -- missing answers -------------------------------------------------------

def test_one_word_answers_are_answers():
    assert found(qa((1, "Ja."), (2, "Nee."))) == []


@pytest.mark.parametrize("placeholder", ["PM", "p.m.", "**TODO**", "...", "[nog te beantwoorden]", "Volgt.", "N.t.b.", "(antwoord volgt)", "_PM_"])
def test_placeholders(placeholder):
    text = qa((1, "Ja."), (2, placeholder))
    assert found(text) == [("QA203", span(text, answer_line(2), placeholder))]


def test_deferral_is_info_and_a_substantive_answer_with_a_promise_is_not():
    text = qa((1, "U wordt hierover separaat geïnformeerd."))
    findings = lint(text)
    assert [(f.code, f.severity, where(f)) for f in findings] == [
        ("QA205", "info", span(text, answer_line(1), "U wordt hierover separaat geïnformeerd."))
    ]
    text = qa((1, "In 2023 zijn 312 aanvragen afgewezen, vooral wegens onvolledige dossiers. U wordt hierover separaat geïnformeerd."))
    assert found(text) == []


def test_english_deferral():
    text = "Q1: How many?\nA1: I will write to the hon. Member with the figures.\n"
    assert [f.code for f in lint(text, "faq.md")] == ["QA205"]


def test_referral_to_a_deferral_layout_b():
    text = (
        "1\n\nWelke kosten zijn er?\n\nHet antwoord op deze vraag volgt in een afzonderlijke brief.\n\n"
        "2\n\nWie betaalt?\n\nZie het antwoord op vraag 1.\n\n"
        "3\n\nWanneer?\n\nZie het antwoord op vraag 1.\n"
    )
    findings = lint(text, "lijst.md")
    assert [(f.code, where(f)) for f in findings] == [
        ("QA205", span(text, 5, "Het antwoord op deze vraag volgt in een afzonderlijke brief.")),
        ("QA206", span(text, 11, "Zie het antwoord op vraag 1")),
        ("QA206", span(text, 17, "Zie het antwoord op vraag 1")),
    ]


def test_unanswered_last_question_layout_c():
    text = qa((1, "Ja.")) + "Vraag 2\nWanneer komt de brief?\n"
    assert found(text) == [("QA201", span(text, answer_line(1) + 2, "Vraag 2"))]


def test_empty_answer_layout_c():
    text = qa((1, "Ja.")) + "Vraag 2\nWanneer?\n\nAntwoord 2\n\nVraag 3\nWaarom?\n\nAntwoord 3\nDaarom.\n"
    assert found(text) == [("QA202", span(text, answer_line(1) + 5, "Antwoord 2"))]


def test_header_placeholders():
    text = "## 36 200 Begroting\n\n**Nr.   VERSLAG**\nVastgesteld .....\n\nDe vragen zijn bij brief van ... beantwoord.\n\n### Inbreng van de leden van de ABC-fractie\n\nKlopt het?\n\n#### **1. Antwoord van het kabinet**\n\n**Ja.**\n"
    assert found(text) == [
        ("QA204", span(text, 3, "**[[Nr.]]")),
        ("QA204", span(text, 4, ".....")),
        ("QA204", span(text, 6, "...")),
    ]
    filled = text.replace("Nr.   VERSLAG", "Nr. 12   VERSLAG").replace(".....", "12 juni 2024").replace("van ...", "van 3 juni 2024")
    assert found(filled) == []


# -- numbering ---------------------------------------------------------------

def test_layout_a_numbering_messages_name_expected_and_found():
    answers = [1, 2, 4, 4, 6, 5, 7]
    body = "".join(f"Kan de minister toelichten hoe het staat met punt {i}?\n\n**{n}. Antwoord van het kabinet**\n\n**Het staat goed.**\n\n" for i, n in enumerate(answers))
    text = "### Inbreng van de leden van de ABC-fractie\n\n" + body
    findings = lint(text)
    lines = [i + 1 for i, line in enumerate(text.split("\n")) if "Antwoord van" in line]
    assert [(f.code, f.line, f.message) for f in findings] == [
        ("QA101", lines[2], "answer number skipped: expected 3, found 4"),
        ("QA102", lines[3], "duplicate answer number: expected 5, found 4 again"),
        ("QA103", lines[5], "answer number out of order: expected 7, found 5"),
    ]


def test_grouped_numbers_are_matched_and_mismatches_reported():
    text = (C_HEAD + "Vraag 1\nKlopt het?\n\nAntwoord 1\nJa.\n\nVraag 2\nWaarom?\n\nVraag 3\nWanneer?\n\n"
            "Antwoord 2 en 3\nDaarom, in mei.\n\nVraag 4\nHoe?\n\nAntwoord 5\nZo.\n")
    assert found(text) == [("QA105", span(text, 21, "Antwoord [[5]]"))]


# -- footnotes -----------------------------------------------------------------

def test_footnote_forms():
    text = (
        "Tekst met een noot<sup>1</sup> en een tweede[^2] en een derde³ en m<sup>2</sup>.\n\n"
        "---\n\n<sup>1</sup> Bron een.\n\n[^2]: Bron twee.\n\n³ Bron drie.\n"
    )
    assert found(text) == []
    missing = text.replace("³ Bron drie.\n", "")
    assert found(missing) == [("QA311", span(missing, 1, "derde[[³]]"))]


def test_units_in_superscript_are_not_footnote_markers():
    """m<sup>2</sup> and km<sup>3</sup> are square and cubic units, also at
    the very start of a document; with no notes 2 and 3 they would otherwise
    be reported as undefined footnotes."""
    text = (
        "300 m<sup>2</sup> grond ligt bij een bekken van 5 km<sup>3</sup>; zie de brief<sup>1</sup> "
        "en de bijlage<sup>4</sup>.\n\n---\n\n<sup>1</sup> Kamerstuk 29 754, nr. 507.\n"
    )
    assert found(text) == [("QA311", span(text, 1, "bijlage<sup>[[4]]</sup>"))]


def test_footnotes_out_of_order_say_which_number_was_expected():
    """A marker used again is passed over; the order goes on after it."""
    text = ("Eerst<sup>1</sup>, weer<sup>1</sup>, dan<sup>3</sup> en dan<sup>2</sup>.\n\n---\n\n"
            "<sup>1</sup> Een.\n\n<sup>2</sup> Twee.\n\n<sup>3</sup> Drie.\n")
    findings = [f for f in lint(text, "doc.md") if f.code == "QA314"]
    assert [(where(f), f.message) for f in findings] == [
        (span(text, 1, "dan<sup>[[3]]</sup>"), "footnote out of sequence: expected 2, found 3"),
        (span(text, 1, "dan<sup>[[2]]</sup>"), "footnote out of sequence: expected 4, found 2"),
    ]


def test_links_to_headings_and_named_anchors_are_found_and_others_reported():
    """A heading's slug and the names of `<a name>` and `{#id}` anchors are
    link targets; the slug of a paragraph or of code is not."""
    text = (
        "# Inbreng van de leden\n\n"
        "Zie [boven](#inbreng-van-de-leden), [de bron](#bron-1), [de tabel](#tabel) en [weg](#zie-ook).\n\n"
        '<a name="Bron-1"></a>De bron.\n\n'
        "De tabel {#tabel}\n\n"
        "Zie ook\n\n"
        "    Zie ook\n"  # indented: code
    )
    assert found(text) == [("QA322", span(text, 3, "[weg]([[#zie-ook]])"))]
    assert not [f for f in lint(text, "doc.txt") if f.code == "QA322"]  # plain text has no links


def test_link_references_by_label_collapsed_and_only_in_markdown():
    text = ("Zie [het rapport][jaarverslag], [jaarverslag][] en [de brief][brief].\n\n"
            "[jaarverslag]: https://example.org/jaarverslag\n")
    column = text.index("[de brief]") + 1
    assert found(text) == [("QA321", (1, column, 1, column + len("[de brief][brief]")))]
    assert found(text, "doc.txt") == []  # plain text has no link references


def test_fused_footnote_digits_and_years_in_layout_b():
    text = (
        "1\n\nHoeveel geeft het Rijk uit aan de Rijksuitgaven1 in het jaar 20222?\n\n"
        "Ongeveer 3 miljard euro.\n\n---\n\n<sup>1</sup> Rijksjaarverslag.\n\n<sup>2</sup> Miljoenennota 2022.\n"
    )
    assert found(text, "lijst.md") == []


def test_emptied_answer_before_a_question_that_opens_without_a_question_mark():
    text = (
        "### Inbreng van de leden van de ABC-fractie\n\nKlopt het dat de begroting stijgt?\n\n"
        "**1. Antwoord van het kabinet**\n\n"
        "De leden van de ABC-fractie lezen op pagina 3 over de begroting voor 2025.\n\n"
        "Hoeveel geld is er gereserveerd?\n\n"
        "**2. Antwoord van het kabinet**\n\n**Er is 3 miljoen euro gereserveerd.**\n"
    )
    assert found(text) == [("QA202", span(text, 5, "1. Antwoord van het kabinet"))]


def test_an_faq_refers_to_its_questions_as_q_and_a_number():
    from conftest import lint, span, where

    text = (
        "**Q1: Does the scheme cover heating oil?**\n\nA1: See the answer to Q2.\n\n"
        "**Q2: Is there support for businesses off the gas grid?**\n\nA2: See the answer to Q1.\n\n"
        "**Q3: How long will the scheme last?**\n\nA3: Until March, as Q1 and Q2 explain.\n"
    )
    found = [(f.code, where(f)) for f in lint(text, "faq.md", select=["QA3"])]
    assert found == [("QA304", span(text, 3, "See the answer to Q2"))]  # the referral, as in Dutch
