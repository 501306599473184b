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


def test_unused_suppression_and_unknown_directive_can_be_ignored_by_code():
    text = "<!-- qalint: disable=QA203 -->\n" + DOC.format(before="<!-- qalint: disable-nextline -->\n", after="")
    assert {"QA001", "QA002"} <= {f.code for f in lint(text)}
    assert {f.code for f in lint(text, ignore=["QA001"])} == {"QA002", "QA101", "QA301"}
    assert {f.code for f in lint(text, ignore=["unknown-directive"])} == {"QA001", "QA101", "QA301"}


# A plugin rule that judges the comments as QA001 does, through context.suppressions.
class _Seen:
    analyses: list = []


def _plugin():
    from qalint import Rule, hookimpl

    class CountsComments(Rule):
        """## What it does\nCounts the comments.\n\n## Why it matters\nTests.\n\n## Example\n`x`\n"""

        code, name, category, after_suppressions = "QA971", "counts-comments", "consistency", True

        def check(self, context):
            _Seen.analyses.append(context.suppressions)
            yield context.finding(0, 1, f"{len(context.suppressions.directives)} comments")

    class SeesNoComments(Rule):
        """## What it does\nLooks for the analysis too early.\n\n## Why it matters\nTests.\n\n## Example\n`x`\n"""

        code, name, category = "QA972", "sees-no-comments", "consistency"

        def check(self, context):
            _Seen.analyses.append(context.suppressions)
            return ()

    class Plugin:
        @staticmethod
        @hookimpl
        def qalint_rules():
            return [CountsComments, SeesNoComments]

    return Plugin


def test_a_rule_after_suppressions_reads_what_the_comments_suppressed():
    from pathlib import Path

    from qalint.engine.linter import Linter, Overrides
    from qalint.engine.plugins import load_registry
    from qalint.source.document import Document

    registry = load_registry(extra_plugins=(_plugin(),), entry_points=False)
    text = "<!-- qalint: disable-file -->\n" + DOC.format(before="<!-- qalint: disable-next-line=QA999 -->\n", after="")
    _Seen.analyses = []
    linter = Linter(registry, Overrides(isolated=True, select=["QA101", "QA301", "QA971", "QA972"]))
    result = linter.check(Document("doc.md", text), Path("doc.md"))
    # disable-file silenced the structure rules but not the late rule's own finding.
    assert [(f.code, f.message) for f in result.findings] == [("QA971", "2 comments")]
    early, late = _Seen.analyses
    assert early is None
    assert [(d.kind, d.used) for d in late.directives] == [("disable-file", {"QA101", "QA301"}), ("disable-next-line", set())]
    assert late.unknown_rules(late.directives[1]) == ["QA999"]
    assert "counts-comments" in late.known_rules and "QA101" in late.known_rules


def test_after_suppressions_must_be_true_or_false():
    from qalint.engine.rule import validate_rule_class

    rule = type(_plugin().qalint_rules()[0].__name__, (_plugin().qalint_rules()[0],), {"after_suppressions": "yes"})
    assert validate_rule_class(rule) == "CountsComments: after_suppressions 'yes' is not True or False"
