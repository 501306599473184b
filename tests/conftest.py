"""Shared helpers: run qalint in-process on text and describe expected spans
by the text they cover, so expectations are written from the document."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

# The tests learn nothing from, and leave nothing in, the user's spelling cache.
os.environ["QALINT_CACHE_DIR"] = tempfile.mkdtemp(prefix="qalint-test-cache-")

from qalint.engine.linter import Linter, Overrides
from qalint.engine.plugins import load_registry
from qalint.source.reading import decode

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
CORPUS = ROOT / "examples" / "verslag-schriftelijk-overleg-2020.md"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

_REGISTRY = None


def registry():
    global _REGISTRY
    if _REGISTRY is None:
        _REGISTRY = load_registry(entry_points=False)
    return _REGISTRY


def lint(text: str, path: str = "doc.md", profile: str | None = None, select=None, **overrides):
    """Findings of qalint on `text`, without configuration files."""
    linter = Linter(registry(), Overrides(select=select, profile=profile, isolated=True, **overrides))
    doc = decode(path, text.encode("utf-8")) if isinstance(text, str) else decode(path, text)
    result = linter.check(doc, Path(path))
    assert not result.errors, result.errors
    return result.findings


def span(text: str, line: int, needle: str, occurrence: int = 1) -> tuple[int, int, int, int]:
    """(line, column, end_line, end_column) of the n-th `needle` on 1-based
    `line` of `text`, in code points, end exclusive. In "Vraag [[5]]" only
    the part in double brackets is the span; the rest locates it."""
    import re

    lines = re.split(r"\r\n|\r|\n", text)
    source = lines[line - 1]
    before, _, rest = needle.partition("[[")
    inner, _, after = rest.partition("]]")
    plain = before + inner + after if rest else needle
    index = -1
    for _ in range(occurrence):
        index = source.index(plain, index + 1)
    if rest:
        index += len(before)
    else:
        inner = needle
    return (line, index + 1, line, index + 1 + len(inner))


def where(finding) -> tuple[int, int, int, int]:
    return (finding.line, finding.column, finding.end_line, finding.end_column)


def codes(findings) -> list[str]:
    return [f.code for f in findings]


@pytest.fixture
def corpus_text() -> str:
    return CORPUS.read_text(encoding="utf-8")


# A layout C document with one defect: question 2 is skipped (QA101 at 7:7).
GAP_DOC = """Vraag 1
Klopt het?

Antwoord 1
Ja.

Vraag 3
Klopt dat ook?

Antwoord 3
Nee.
"""


def run_cli(capsys, *args):
    """Run the command line in-process: (exit status, stdout, stderr)."""
    from qalint.cli import main

    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def gap_file(tmp_path):
    path = tmp_path / "vragen.md"
    path.write_text(GAP_DOC, encoding="utf-8")
    return path
