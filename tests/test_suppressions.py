"""Suppression comments and the rule that reports unused ones."""

from conftest import lint, span, where

DOC = """Vraag 1
Klopt het?

Antwoord 1
Ja.

{before}Vraag 3
Klopt dat ook?

Antwoord 3
Zie het antwoord op vraag 7.
{after}"""


def found(text):
    return [(f.code, where(f)) for f in lint(text)]


def test_unsuppressed():
    text = DOC.format(before="", after="")
    assert found(text) == [("QA101", span(text, 7, "Vraag [[3]]")), ("QA301", span(text, 11, "vraag [[7]]"))]


def test_disable_next_line_for_one_code():
    text = DOC.format(before="<!-- qalint: disable-next-line=QA101 -->\n", after="")
    assert found(text) == [("QA301", span(text, 12, "vraag [[7]]"))]


def test_disable_and_enable_range_by_rule_name():
    text = DOC.format(before="<!-- qalint: disable=numbering-gap,QA301 -->\n", after="<!-- qalint: enable -->\n")
    assert found(text) == []


def test_enable_ends_the_range():
    text = "<!-- qalint: disable=QA301 -->\n<!-- qalint: enable=QA301 -->\n" + DOC.format(before="", after="")
    assert [code for code, _ in found(text)] == ["QA001", "QA101", "QA301"]


def test_disable_file_and_disable_everything():
    text = "<!-- qalint: disable-file -->\n" + DOC.format(before="", after="")
    assert found(text) == []
    text = DOC.format(before="<!-- qalint: disable -->\n", after="")
    assert found(text) == []


def test_unused_and_unknown_suppressions_are_reported():
    text = "<!-- qalint: disable-next-line=QA203 -->\n" + DOC.format(before="", after="<!-- qalint: disable=QA999 -->\n")
    findings = lint(text)
    assert [(f.code, where(f), f.message) for f in findings if f.code == "QA001"] == [
        ("QA001", span(text, 1, "<!-- qalint: disable-next-line=QA203 -->"), "suppression of QA203 suppresses nothing"),
        ("QA001", span(text, 13, "<!-- qalint: disable=QA999 -->"), "suppression names unknown rule QA999"),
    ]


def test_unused_suppression_rule_can_be_ignored():
    text = "<!-- qalint: disable=QA203 -->\n" + DOC.format(before="", after="")
    assert "QA001" not in [f.code for f in lint(text, select=["numbering", "reference"])]


def test_codes_and_names_in_any_case():
    text = DOC.format(before="<!-- qalint: disable-next-line=qa101 -->\n", after="")
    assert found(text) == [("QA301", span(text, 12, "vraag [[7]]"))]
    text = DOC.format(before="<!-- qalint: Disable=Numbering-Gap,qa301 -->\n", after="")
    assert found(text) == []


def test_disable_line_at_the_end_of_the_line():
    plain = DOC.format(before="", after="")
    text = plain.replace("vraag 7.\n", "vraag 7. <!-- qalint: disable-line=QA301 -->\n")
    assert found(text) == [("QA101", span(text, 7, "Vraag [[3]]"))]
    # It covers its own line only.
    text = plain.replace("Klopt dat ook?\n", "Klopt dat ook? <!-- qalint: disable-line -->\n")
    assert [code for code, _ in found(text)] == ["QA101", "QA001", "QA301"]


def test_disable_line_on_a_marker_line_keeps_the_marker():
    # The comment at the end of "Vraag 3" must not hide the marker (no cascade of findings).
    for marker in ("Vraag 3", "**Vraag 3**"):
        text = DOC.format(before="", after="").replace("Vraag 3\n", f"{marker} <!-- qalint: disable-line=QA101 -->\n")
        assert found(text) == [("QA301", span(text, 11, "vraag [[7]]"))]


def test_a_misspelled_directive_is_reported_and_suppresses_nothing():
    text = DOC.format(before="<!-- qalint: disable-nextline=QA101 -->\n", after="<!-- qalint: frobnicate -->\n")
    findings = lint(text)
    assert [(f.code, where(f), f.message) for f in findings if f.code == "QA002"] == [
        ("QA002", span(text, 7, "<!-- qalint: disable-nextline=QA101 -->"),
         "unknown suppression directive 'disable-nextline'; did you mean 'disable-next-line'?"),
        ("QA002", span(text, 13, "<!-- qalint: frobnicate -->"),
         "unknown suppression directive 'frobnicate' (known: disable-file, disable-next-line, disable-line, disable, enable)"),
    ]
    assert "QA101" in [f.code for f in findings]


def test_directive_parsing_time_grows_linearly():
    import time

    def seconds(n):
        text = "<!-- qalint: disable" + " " * n + "x\n" + "<!-- qalint:" * (n // 20)
        start = time.perf_counter()
        from qalint.source.document import Document
        from qalint.engine.suppressions import parse_directives

        parse_directives(Document("x.md", text))
        return time.perf_counter() - start

    small, large = min(seconds(20_000) for _ in range(3)), min(seconds(200_000) for _ in range(3))
    assert large < small * 30  # ten times the text: far from a hundred times the time
