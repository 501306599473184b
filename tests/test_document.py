"""Positions: 1-based, code points, end exclusive, on the original text."""

from qalint.source.document import Document
from qalint.source.reading import decode


def test_lf_crlf_and_cr_line_breaks_give_the_same_lines():
    for newline in ("\n", "\r\n", "\r"):
        doc = Document("d.md", newline.join(["ab", "cd", "", "e"]))
        assert doc.line_count == 4
        assert [doc.line_text(i) for i in range(4)] == ["ab", "cd", "", "e"]
        offset = doc.text.index("d")
        assert doc.position(offset) == (2, 2)


def test_crlf_counts_the_cr_but_columns_are_per_line():
    doc = Document("d.md", "a\r\nbc")
    assert doc.position(3).line == 2 and doc.position(3).column == 1
    assert doc.position(2).line == 1 and doc.position(2).column == 3  # the LF of CRLF


def test_bom_is_one_code_point_on_line_one():
    doc = decode("d.md", b"\xef\xbb\xbf# Titel\nx")
    assert doc.has_bom
    assert doc.text[0] == "\ufeff"
    assert doc.position(doc.text.index("T")) == (1, 4)


def test_tabs_and_astral_characters_count_as_one_code_point():
    doc = Document("d.md", "\t😀x")
    assert doc.position(2) == (1, 3)


def test_offset_round_trip():
    doc = Document("d.md", "één\r\ntwee\ndrie")
    for offset in range(len(doc.text) + 1):
        position = doc.position(offset)
        if doc.text[offset - 1 : offset + 1] != "\r\n" or offset == 0:
            assert doc.offset(position.line, position.column) == offset


def test_position_is_clamped_inside_the_document():
    doc = Document("d.md", "abc")
    assert doc.position(99) == (1, 4)
    assert doc.position(-5) == (1, 1)
