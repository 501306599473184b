"""Fixes: what --fix and --diff change, and the machinery around them."""

from __future__ import annotations

import os
import shutil
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from conftest import CORPUS, lint, run_cli
from qalint.engine.fixes import FixError, apply_fixes, write_fixed
from qalint.engine.rule import Edit, Finding, Fix


def test_fix_normalises_markers_citations_and_split_paragraphs(capsys, tmp_path):
    import re

    copy = tmp_path / "verslag.md"
    shutil.copy(CORPUS, copy)
    before = copy.read_text(encoding="utf-8")
    code, out, err = run_cli(capsys, "check", "--isolated", "--fix", "--quiet", copy)
    after = copy.read_text(encoding="utf-8")
    markers = [line for line in after.split("\n") if re.search(r"\d+\. Antwoord van", line)]
    # Every answer marker is a heading in the most used heading form, with the
    # well-formed wording: none of the 39 headings became a paragraph.
    assert len(markers) == 72 and all(re.fullmatch(r"#### \*\*\d+\. Antwoord van het kabinet\*\*", m) for m in markers)
    assert "Kamerstuk 29 521, nr. 402" in after and "nr.402" not in after
    # The bold answer cut by a page break is one bold paragraph, not bold up to the seam.
    assert "Uiteraard is er in de tussenrapportage aandacht" in after and "in de** " not in after
    assert "bijeenkomst in november.**" in after
    code, out, err = run_cli(capsys, "check", "--isolated", "--quiet", "--select", "QA501,QA502,QA506", copy)
    assert (code, out) == (0, "")
    # No content is lost: apart from white space, markup and the punctuation of
    # citations, the only characters that came are the "het" of the 56 article-less
    # markers and the hyphen of "defensie-uitgaven" (QA402).
    assert _characters(after) == _characters(before) + Counter("het" * 56) + Counter("-")


def _characters(text: str) -> Counter:
    return Counter(c for c in text.lower() if not c.isspace() and c not in "#*.,")


def test_diff_shows_the_change_and_writes_nothing(capsys, tmp_path):
    copy = tmp_path / "verslag.md"
    shutil.copy(CORPUS, copy)
    code, out, err = run_cli(capsys, "check", "--isolated", "--diff", copy)
    assert code == 1
    assert copy.read_bytes() == CORPUS.read_bytes()
    assert "\n-## **2. Antwoord van het kabinet**\n" in out and "\n+#### **2. Antwoord van het kabinet**\n" in out
    assert "\n-**72. Antwoord van kabinet**\n" in out and "\n+#### **72. Antwoord van het kabinet**\n" in out
    assert err.strip().startswith("Would fix ")
    # Every line the diff removes is a line of the document, in order, and
    # what it keeps and adds reads as the document with the citations fixed.
    original = CORPUS.read_text(encoding="utf-8").splitlines()
    removed = [line[1:] for line in out.splitlines()[2:] if line.startswith("-")]
    added = [line[1:] for line in out.splitlines()[2:] if line.startswith("+")]
    assert _in_order(removed, original)
    assert any("nr.402" in line for line in removed) and not any("nr.402" in line for line in added)
    assert any("Kamerstuk 29 521, nr. 402" in line for line in added)
    # The report's last line has no line break (answer marker 72, changed, is
    # its last line but two): the diff shows it as context, marked so that
    # `patch` applies it.
    assert not CORPUS.read_text(encoding="utf-8").endswith("\n")
    assert out.endswith("\n **Zie het antwoord op vraag 28.**\n\\ No newline at end of file\n")
    assert out.count("\\ No newline at end of file") == 1


def _in_order(lines: list[str], document: list[str]) -> bool:
    position = 0
    for line in lines:
        try:
            position = document.index(line, position) + 1
        except ValueError:
            return False
    return True


def test_diff_of_a_small_document_is_the_expected_unified_diff(capsys, tmp_path):
    doc = tmp_path / "vragen.md"
    doc.write_text("Vraag 1\nStaat het in Kamerstuk 33694, nr.43?\n\nAntwoord 1\nJa, zie de de brief.\n\n"
                   "Vraag 2\nEn verder?\n\nAntwoord 2\nNiets.\n\nVraag 3\nEn de rest?\n\nAntwoord 3\n"
                   "Zie het antwoord op vraag 2.\n")
    before = doc.read_bytes()
    code, out, err = run_cli(capsys, "check", "--isolated", "--diff", doc)
    name = str(doc).lstrip("/")
    assert (code, doc.read_bytes()) == (1, before)
    assert out == (
        f"--- a/{name}\n+++ b/{name}\n"
        "@@ -1,8 +1,8 @@\n"  # the two changes and three lines of context around them
        " Vraag 1\n"
        "-Staat het in Kamerstuk 33694, nr.43?\n"
        "+Staat het in Kamerstuk 33 694, nr. 43?\n"
        " \n"
        " Antwoord 1\n"
        "-Ja, zie de de brief.\n"
        "+Ja, zie de brief.\n"
        " \n"
        " Vraag 2\n"
        " En verder?\n"
    )
    assert err.strip() == "Would fix 2 findings."


def test_unsafe_fixes_only_when_asked(capsys, tmp_path):
    doc = tmp_path / "vragen.md"
    doc.write_text("Vraag 1\nKlopt het?\n\nAntwoord 1\nJa.\n\nVraag 3\nWaarom?\n\nAntwoord 3\nZie het antwoord op vraag 1.\n\n"
                   "Vraag 4\nHoe?\n\nAntwoord 4\nZie het antwoord op vraag 3 en vraag 9.\n")
    run_cli(capsys, "check", "--fix", doc)
    assert "Vraag 3" in doc.read_text()
    run_cli(capsys, "check", "--fix", "--unsafe-fixes", doc)
    assert doc.read_text() == (
        "Vraag 1\nKlopt het?\n\nAntwoord 1\nJa.\n\nVraag 2\nWaarom?\n\nAntwoord 2\nZie het antwoord op vraag 1.\n\n"
        "Vraag 3\nHoe?\n\nAntwoord 3\nZie het antwoord op vraag 2 en vraag 9.\n"  # 9 did not exist: left alone
    )


def test_crlf_and_bom_are_preserved(capsys, tmp_path):
    doc = tmp_path / "crlf.md"
    text = "\ufeffHet staat in Kamerstuk 33694, nr.43.\r\n\r\nEn verder niets.\r\n"
    doc.write_bytes(text.encode("utf-8"))
    run_cli(capsys, "check", "--isolated", "--fix", doc)
    assert doc.read_bytes() == "\ufeffHet staat in Kamerstuk 33 694, nr. 43.\r\n\r\nEn verder niets.\r\n".encode("utf-8")


def test_split_paragraph_fix_keeps_crlf_and_moves_footnotes(capsys, tmp_path):
    doc = tmp_path / "split.md"
    text = ("Het kabinet heeft in 2023 besloten om de steun aan de regio verder\r\n\r\n---\r\n\r\n"
            "<sup>1</sup> Bron.\r\n\r\nuit te breiden<sup>1</sup>.\r\n")
    doc.write_bytes(text.encode())
    run_cli(capsys, "check", "--isolated", "--fix", doc)
    assert doc.read_bytes().decode() == (
        "Het kabinet heeft in 2023 besloten om de steun aan de regio verder uit te breiden<sup>1</sup>."
        "\r\n\r\n---\r\n\r\n<sup>1</sup> Bron.\r\n"
    )


HALF = "Het kabinet heeft in 2023 besloten om de steun aan de regio verder"


@pytest.mark.parametrize("first, second, joined", [
    # Bold up to the page break: the bold goes on to the end, no closer mid-paragraph.
    (f"**{HALF}**", "uit te breiden.", f"**{HALF} uit te breiden.**"),
    # Bold after it: the bold starts with the paragraph.
    (HALF, "**uit te breiden.**", f"**{HALF} uit te breiden.**"),
    # Both halves bold (or in italics): one run.
    (f"**{HALF}**", "**uit te breiden.**", f"**{HALF} uit te breiden.**"),
    (f"_{HALF}_", "_uit te breiden._", f"_{HALF} uit te breiden._"),
    # Emphasis inside a half is left as it is.
    (f"{HALF} *echt*", "uit te breiden.", f"{HALF} *echt* uit te breiden."),
    (f"**{HALF}**", "uit te **breiden**.", f"**{HALF}** uit te **breiden**."),
])
def test_split_paragraph_fix_keeps_emphasis_whole(capsys, tmp_path, first, second, joined):
    doc = tmp_path / "split.md"
    doc.write_text(f"{first}\n\n{second}\n")
    run_cli(capsys, "check", "--isolated", "--select", "QA506", "--fix", doc)
    assert doc.read_text() == joined + "\n"


def test_split_bold_paragraph_with_footnotes_between(capsys, tmp_path):
    doc = tmp_path / "split.md"
    doc.write_text(f"**{HALF}**\n\n<sup>1</sup> Bron.\n\nuit te breiden<sup>1</sup>.\n")
    run_cli(capsys, "check", "--isolated", "--select", "QA506", "--fix", doc)
    assert doc.read_text() == f"**{HALF} uit te breiden<sup>1</sup>.**\n\n<sup>1</sup> Bron.\n"


def _finding(start, end, content, safe=True):
    return Finding("x", start, end, 1, 1, 1, 1, "QA999", "x", "consistency", "warning", "m",
                   fix=Fix("f", (Edit(start, end, content),), safe))


def test_overlapping_fixes_are_applied_in_separate_passes():
    text = "abcdef"
    outcome = apply_fixes(text, [_finding(1, 4, "X"), _finding(2, 5, "Y"), _finding(5, 6, "Z")])
    assert outcome.text == "aXeZ"
    assert len(outcome.applied) == 2


def test_unsafe_fix_needs_the_flag():
    assert apply_fixes("abc", [_finding(0, 1, "X", safe=False)]).text == "abc"
    assert apply_fixes("abc", [_finding(0, 1, "X", safe=False)], unsafe=True).text == "Xbc"


def test_atomic_write_leaves_no_temporary_file_and_keeps_the_mode(tmp_path):
    path = tmp_path / "doc.md"
    path.write_bytes(b"old")
    os.chmod(path, 0o640)
    write_fixed(path, b"old", b"new")
    assert path.read_bytes() == b"new"
    assert (path.stat().st_mode & 0o777) == 0o640
    assert os.listdir(tmp_path) == ["doc.md"]


def test_failed_write_keeps_the_original(tmp_path, monkeypatch):
    path = tmp_path / "doc.md"
    path.write_bytes(b"old")

    def broken_replace(source, target):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(FixError, match="No space left on device"):
        write_fixed(path, b"old", b"new")
    assert path.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["doc.md"]


def test_file_changed_on_disk_is_not_written(capsys, tmp_path, monkeypatch):
    from qalint.engine.linter import Linter

    doc = tmp_path / "doc.md"
    doc.write_text("Zie Kamerstuk 33694, nr. 1.\n")
    original_check = Linter.check

    def check_then_someone_edits(self, document, path=None):
        result = original_check(self, document, path)
        doc.write_text("Someone else saved this meanwhile.\n")
        return result

    monkeypatch.setattr(Linter, "check", check_then_someone_edits)
    code, out, err = run_cli(capsys, "check", "--isolated", "--fix", doc)
    assert code == 2
    assert err.strip() == f"qalint: error: {doc}: changed on disk during the run; fixes not written"
    assert doc.read_text() == "Someone else saved this meanwhile.\n"


FRAGMENTS = [
    "**1. Antwoord van het kabinet**", "#### **2. Antwoord van kabinet**", "## **3. Antwoord van kabinet**",
    "**4. Antwoord van kabinet**", "### **Inbreng van de leden van de ABC-fractie**",
    "Kan de minister dat toelichten?", "Zie Kamerstuk 33694, nr.12 en Kamerstukken 29 754, nr 507.",
    "Het kabinet heeft in 2023 besloten om de steun aan de regio verder", "uit te breiden naar drie landen.",
    "---", "<sup>1</sup> Bron.", "Het Open Skies-verdrag.", "Het Open Skies verdrag.", "Het Open Skies verdrag.",
    "**Het antwoord is ja.**", "Zie het antwoord op vraag 2.",
]


def fix_all(text: str) -> tuple[str, int]:
    """The --fix loop, checking at every pass that only the edited spans changed."""
    passes = 0
    while True:
        findings = lint(text.encode("utf-8"), "doc.md")
        outcome = apply_fixes(text, findings)
        if not outcome.applied:
            return text, passes
        edits = sorted((e for f in outcome.applied for e in f.fix.edits), key=lambda e: e.start)
        _assert_only_edits_changed(text, outcome.text, edits)
        text = outcome.text
        passes += 1
        assert passes < 10


def _assert_only_edits_changed(before: str, after: str, edits) -> None:
    """What lies outside the edits is still there, in order, and the text
    grew or shrank by what the edits replace: nothing else changed."""
    assert all(a.end <= b.start for a, b in zip(edits, edits[1:]))  # no two edits overlap
    assert len(after) == len(before) + sum(len(e.content) - (e.end - e.start) for e in edits)
    assert after.startswith(before[:edits[0].start]) and after.endswith(before[edits[-1].end:])
    position = edits[0].start
    for a, b in zip(edits, edits[1:]):
        untouched = before[a.end:b.start]
        found = after.find(untouched, position)
        assert found >= 0, f"text between edits at {a.end} and {b.start} changed"
        position = found + len(untouched)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=25), st.sampled_from(["\n\n", "\r\n\r\n"]))
def test_fixing_generated_documents_leaves_no_fixable_finding(parts, separator):
    fixed, _ = fix_all(separator.join(parts) + separator)
    remaining = lint(fixed.encode("utf-8"), "doc.md")
    assert not [f for f in remaining if f.fix is not None and f.fix.safe]


def test_fixing_the_real_example_leaves_no_fixable_finding(corpus_text):
    fixed, passes = fix_all(corpus_text)
    assert passes >= 1
    assert not [f for f in lint(fixed.encode("utf-8"), "doc.md") if f.fix is not None and f.fix.safe]


def test_fix_on_standard_input_prints_the_fixed_text(capsys, monkeypatch):
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("Zie Kamerstuk 33694, nr.1.\n".encode())))
    code, out, err = run_cli(capsys, "check", "--isolated", "--fix", "-")
    assert out == "Zie Kamerstuk 33 694, nr. 1.\n"
    assert "Fixed 1 finding." in err


def test_invalid_fixes_are_never_applied():
    text = "abcdef"
    overlapping = Finding("x", 0, 1, 1, 1, 1, 1, "QA999", "x", "consistency", "warning", "m",
                          fix=Fix("f", (Edit(0, 4, ""), Edit(1, 6, ""))))
    past_the_end = _finding(6, 9, "tail")
    backwards = _finding(4, 2, "X")
    outcome = apply_fixes(text, [overlapping, past_the_end, backwards, _finding(0, 1, "A")])
    assert (outcome.text, len(outcome.applied)) == ("Abcdef", 1)


def test_a_fix_that_changes_nothing_does_not_count():
    assert apply_fixes("abc", [_finding(0, 1, "a")]).applied == []


PAGE_BREAK = (
    "Antwoord 1\n"
    "Het kabinet werkt aan de afspraken met de organisaties die de sector vertegenwoor-\n"
    "1NOS, 29 oktober 2024, Bericht over het akkoord.\n"
    " \n"
    "ah-tk-20242025-594\n"
    "ISSN 0921 - 7398’s-Gravenhage 2024Tweede Kamer, vergaderjaar 2024–2025, Aanhangsel 1\n"
    "digen, zoals in het akkoord staat.\n"
    "Vraag 2\n"
)


def test_a_plain_text_page_break_is_joined_and_its_footnote_and_footer_moved(capsys, tmp_path):
    # The extraction keeps the foot of the page (footnote) and the head of
    # the next (running footer) inside the paragraphs; the word hyphenated
    # across the page keeps its hyphen (QA508 takes it out).
    doc = tmp_path / "split.txt"
    doc.write_text(PAGE_BREAK, encoding="utf-8")
    run_cli(capsys, "check", "--isolated", "--select", "QA506", "--fix", doc)
    assert doc.read_text(encoding="utf-8") == (
        "Antwoord 1\n"
        "Het kabinet werkt aan de afspraken met de organisaties die de sector vertegenwoor-digen, zoals in het "
        "akkoord staat.\n"
        "\n"
        "1NOS, 29 oktober 2024, Bericht over het akkoord.\n"
        " \n"
        "ah-tk-20242025-594\n"
        "ISSN 0921 - 7398’s-Gravenhage 2024Tweede Kamer, vergaderjaar 2024–2025, Aanhangsel 1\n"
        "Vraag 2\n"
    )


def test_a_shared_compound_part_at_a_page_break_keeps_its_space(capsys, tmp_path):
    doc = tmp_path / "split.md"
    doc.write_text(f"{HALF} buitenland-\n\nen veiligheidsbeleid.\n")
    run_cli(capsys, "check", "--isolated", "--select", "QA506", "--fix", doc)
    assert doc.read_text() == f"{HALF} buitenland- en veiligheidsbeleid.\n"
