"""Random text and random Markdown never crash a rule or `extract`, and
every position stays inside the document."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings, strategies as st

from conftest import lint
from qalint.source.reading import decode

FRAGMENTS = [
    "Vraag 1", "Antwoord 1", "Antwoord 2 en 3", "Vraag 4 tot en met 6", "**3. Antwoord van het kabinet**",
    "#### **7. Antwoord van kabinet**", "### Inbreng van de leden van de ABC-fractie", "Q1: Why?", "A1: Because.",
    "Zie het antwoord op vraag 2.", "zie ook vraag 99", "<sup>1</sup>", "<sup>2</sup> Bron.", "[^1]", "[^1]: Noot.",
    "---", "PM", "...", "Vastgesteld .....", "**Nr.   VERSLAG**", "<!-- qalint: disable=QA101 -->",
    "<!-- qalint: enable -->", "<!-- qalint: disable-next-line -->", "```", "> quote", "- item", "1. item",
    "| a | b |", "|---|---|", "[x][y]", "[z](#nope)", "De leden van de ABC-fractie vragen of dat klopt?",
    "U wordt hierover separaat geïnformeerd.", "³", "\t", "\ufeff", "\r", "\r\n", "", " ", "12", "Dublin",
    "Antwoord op vraag 3", "Antwoord vraag 4-7:", "Antwoord", "3. Bent u bekend met het bericht?", "Mededeling",
    "Tweede Kamer, vergaderjaar 2024–2025, Aanhangsel 1Antwoord 3", "De voorzitter: Dank u.", "* How do I apply?",
    "niet binnen de gebruikelijke termijn worden beantwoord", "XXX", "[invullen]",
]

lines = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=30)), max_size=40)
newline = st.sampled_from(["\n", "\r\n", "\r"])


def check_positions(text: str, path: str) -> None:
    doc = decode(path, text.encode("utf-8", "surrogatepass"))
    for finding in lint(text.encode("utf-8", "surrogatepass"), path):
        assert 1 <= finding.line <= doc.line_count
        assert 1 <= finding.end_line <= doc.line_count
        assert (finding.line, finding.column) <= (finding.end_line, finding.end_column)
        assert 0 <= finding.start <= finding.end <= len(doc.text)
        assert doc.position(finding.start) == (finding.line, finding.column)
        assert doc.position(finding.end) == (finding.end_line, finding.end_column)
        assert finding.message


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_random_text_never_crashes(text):
    check_positions(text.replace("\x00", ""), "random.txt")


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines, newline, st.sampled_from(["doc.md", "doc.txt"]))
def test_random_markdown_never_crashes(parts, separator, path):
    check_positions(separator.join(parts).replace("\x00", ""), path)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines, newline, st.sampled_from(["doc.md", "doc.txt"]))
def test_random_documents_extract_within_the_schema(parts, separator, path):
    import json

    import jsonschema

    from conftest import registry
    from qalint.engine.linter import Linter, Overrides
    from qalint.analysis.extract import document_record, render
    from qalint.profiles import PROFILE_DIR

    text = separator.join(parts).replace("\x00", "")
    doc = decode(path, text.encode("utf-8", "surrogatepass"))
    record = document_record(Linter(registry(), Overrides(isolated=True)).context_for(doc))
    schema = json.loads((PROFILE_DIR.parent / "schemas" / "extract.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(json.loads(render([record], "json")), schema)
    for pair in record["pairs"]:
        for part in (pair["question"], pair["answer"]):
            if part is not None:
                assert 1 <= part["line"] <= part["end_line"] <= doc.line_count
