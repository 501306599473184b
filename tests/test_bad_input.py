"""Bad input gets one clear line and exit 2, never a traceback; the other
files are still checked."""

from __future__ import annotations

from pathlib import Path


from conftest import GAP_DOC, lint, run_cli as run, span, where


def assert_one_error_and_others_checked(capsys, gap_file, bad, expected_error):
    code, out, err = run(capsys, "check", "--quiet", bad, gap_file)
    assert code == 2
    assert err.splitlines() == [f"qalint: error: {expected_error}"]
    assert f"{gap_file}:7:7: QA101" in out
    assert "Traceback" not in err


def test_nonexistent_path(capsys, gap_file, tmp_path):
    missing = tmp_path / "missing.md"
    assert_one_error_and_others_checked(capsys, gap_file, missing, f"{missing}: no such file or directory")


def test_directory_without_documents(capsys, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    code, out, err = run(capsys, "check", empty)
    assert code == 0
    assert err == f"qalint: warning: {empty}: no documents (*.md, *.markdown, *.txt) found\n"


def test_unreadable_file(capsys, gap_file, tmp_path, monkeypatch):
    locked = tmp_path / "locked.md"
    locked.write_text("x")
    real = Path.read_bytes

    def read_bytes(self):  # root can read a mode-000 file, so refuse like the OS would
        if self.name == "locked.md":
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    assert_one_error_and_others_checked(capsys, gap_file, locked, f"{locked}: permission denied")


def test_binary_file(capsys, gap_file, tmp_path):
    binary = tmp_path / "scan.md"
    binary.write_bytes(b"%PDF-1.7\x00\x01\x02binary")
    assert_one_error_and_others_checked(capsys, gap_file, binary, f"{binary}: binary file (contains NUL bytes), skipped")


def test_invalid_utf8(capsys, gap_file, tmp_path):
    latin = tmp_path / "latin.md"
    latin.write_bytes("Vraag 1\nCaf\xe9?\n".encode("latin-1"))
    assert_one_error_and_others_checked(
        capsys, gap_file, latin,
        f"{latin}:2:4: not valid utf-8: byte 0xe9 cannot be decoded; "
        "set `encoding` in the configuration if the file uses another encoding",
    )


def test_other_encoding_from_config(capsys, tmp_path):
    latin = tmp_path / "latin.md"
    latin.write_bytes(GAP_DOC.replace("Klopt het?", "Klopt het café?").encode("latin-1"))
    (tmp_path / "qalint.toml").write_text('encoding = "latin-1"\n')
    code, out, err = run(capsys, "check", "--quiet", latin)
    assert code == 1 and err == "" and ":7:7: QA101" in out


def test_empty_file(capsys, tmp_path):
    empty = tmp_path / "empty.md"
    empty.write_bytes(b"")
    code, out, err = run(capsys, "check", empty)
    assert code == 0 and err == ""


def test_huge_file_is_skipped_with_an_error(capsys, gap_file, tmp_path):
    huge = tmp_path / "huge.md"
    with open(huge, "wb") as handle:
        handle.write((b"Vraag 1\nKlopt het?\n\n" * 4096) * 1000)  # about 50 MB
    assert huge.stat().st_size > 50_000_000
    code, out, err = run(capsys, "check", "--quiet", huge, gap_file)
    assert code == 2
    assert err.startswith(f"qalint: error: {huge}: file too large (")
    assert f"{gap_file}:7:7: QA101" in out


def test_single_one_megabyte_line():
    """A question whose text is one line of a megabyte, with a citation out
    of form and a doubled word at its far end, then a skipped number: each
    found where it is, the long line costing no finding of its own."""
    filler = "het kabinet antwoordt de Kamer en " * 30_000
    lead = "dat staat in "
    text = (f"Vraag 1\n{filler}{lead}Kamerstuk 33694, nr.43 en in de de brief?\n\n"
            "Antwoord 1\nJa.\n\nVraag 3\nWaarom?\n\nAntwoord 3\nNee.\n")
    assert len(filler) > 1_000_000
    citation = len(filler) + len(lead) + 1  # the column of "Kamerstuk" on line 2
    doubled = citation + len("Kamerstuk 33694, nr.43 en in de ")  # the second "de"
    findings = lint(text, "long.md")
    assert [(f.code, where(f)) for f in findings] == [
        ("QA502", (2, citation, 2, citation + len("Kamerstuk 33694, nr.43"))),
        ("QA403", (2, doubled, 2, doubled + 2)),
        ("QA101", (7, 7, 7, 8)),
    ]


def test_crlf_file_positions():
    text = GAP_DOC.replace("\n", "\r\n")
    findings = lint(text, "crlf.md")
    assert [(f.code, where(f)) for f in findings] == [("QA101", span(text, 7, "Vraag [[3]]"))]


def test_bom_file_positions_count_the_bom():
    text = "\ufeff" + GAP_DOC.replace("Vraag 1", "Vraag 2", 1).replace("Antwoord 1", "Antwoord 2", 1)
    findings = lint(text.encode("utf-8"), "bom.md")
    # The BOM is one code point on line 1, so "2" of "Vraag 2" is at column 8, not 7.
    assert [(f.code, where(f)) for f in findings] == [("QA104", (1, 8, 1, 9))]


def test_utf16_file_with_bom(capsys, tmp_path):
    path = tmp_path / "utf16.md"
    path.write_bytes(("\ufeff" + GAP_DOC).encode("utf-16-le"))
    code, out, err = run(capsys, "check", "--quiet", path)
    assert err == "" and f"{path}:7:7: QA101" in out
