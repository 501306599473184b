"""Memory that grows with the input by a bounded factor: long Markdown is
parsed in parts with the blocks of a single parse, and the Python memory of a
whole check stays within a few bytes per byte of input."""

from __future__ import annotations

import tracemalloc

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from conftest import EXAMPLES, FIXTURES, lint
from qalint.source import blocks
from qalint.source.document import Document

# Lines that open, continue or close every kind of block, among them those a
# cut must not fall inside: fences, HTML comments and blocks, lists, quotes.
STARTS = [
    "```", "~~~", "```python", "    indented code", "<!-- comment", "-->", "<div>", "</div>", "<pre>", "</pre>",
    "- item", "  continued", "1. item", "> quote", "| a | b |", "|---|---|", "# Heading", "Title", "===", "---",
    "[label]: /url", "Vraag 1", "Antwoord 1", "Tekst van een alinea.", "\u00a0", " ", "",
]


def blocks_in_parts(text: str, size: int) -> tuple[list, set]:
    doc = Document("doc.md", text)
    original = blocks.PART_SIZE
    blocks.PART_SIZE = size
    try:
        return doc.blocks, doc.link_references
    finally:
        blocks.PART_SIZE = original


def blocks_at_once(text: str) -> tuple[list, set]:
    return blocks_in_parts(text, 10**12)


def test_a_long_document_parsed_in_parts_has_the_blocks_of_one_parse(monkeypatch):
    documents = [path.read_text(encoding="utf-8") for path in sorted([*EXAMPLES.glob("*.md"), *FIXTURES.glob("*.md")])]
    tricky = "\n\n```\ncode\n\nstill code\n```\n\n<!-- a comment\n\nover blank lines -->\n\nAfter.\n"
    text = "\n\n".join(documents * 2) + tricky * 30 + "\n\n```\nnever closed\n\n" + "\n\n".join(documents)
    in_parts = blocks_in_parts(text, 2000)
    assert in_parts == blocks_at_once(text)
    monkeypatch.setattr(blocks, "PART_SIZE", 2000)
    assert len(blocks._cuts(Document("doc.md", text))) > 50  # it was cut


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(STARTS), max_size=80), st.sampled_from(["\n", "\r\n"]), st.integers(1, 60))
def test_random_markdown_in_parts_has_the_blocks_of_one_parse(lines, newline, size):
    text = newline.join(lines)
    assert blocks_in_parts(text, size) == blocks_at_once(text)


@pytest.fixture(scope="module")
def long_report() -> str:
    return (EXAMPLES / "verslag-schriftelijk-overleg-2020.md").read_text(encoding="utf-8")


def traced_peak(text: str) -> int:
    lint(text[:2000], "warm.md")  # rules, profiles and dictionaries loaded beforehand
    tracemalloc.start()
    try:
        lint(text, "report.md")
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_memory_of_a_check_grows_in_proportion_to_the_input(long_report):
    """Python's memory while checking a report four times as long grows at
    most about four times, and stays within a dozen bytes per byte of input
    at its peak (the text alone takes two: it holds characters beyond
    Latin-1; lowering the whole text at once took twelve more)."""
    one, four = traced_peak(long_report), traced_peak(long_report * 4)
    size = len((long_report * 4).encode("utf-8"))
    assert four < 4.6 * one
    assert four < 12 * size
