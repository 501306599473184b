"""What a page break of a converted document leaves between the two halves
of a paragraph it cut: the footnotes at the foot of the page, and the page
furniture (running footer, colophon) at the head of the next. A plain-text
extraction keeps them in the paragraphs themselves, with no blank line
between ("... In de ziekenhuissector" / "1NOS, 29 oktober 2024, ..." /
"ah-tk-20242025-594" / "zijn de meeste tarieven ...")."""

from __future__ import annotations

import re

from ..profiles import Profile
from ..source.blocks import Block
from ..source.document import Document

# A footnote as extraction leaves it: its number glued to or just before its
# text ("1NOS, 29 oktober 2024", "2 Kamerstuk 25 242", "1https://...").
_NOTE = re.compile(r"^[ \t]*+\d{1,3}[ \t]?(https?:|www\.|[^\W\d_])")


def furniture_lines(doc: Document, profile: Profile, block: Block) -> int:
    """How many of the block's first lines are only page furniture."""
    count = 0
    while block.start_line + count < block.end_line and profile.is_furniture_line(doc.line_text(block.start_line + count)):
        count += 1
    return count


def notes_start(doc: Document, block: Block) -> int:
    """The line where footnotes at the end of a block start (the block's end
    when none does); everything from the first footnote on is notes, their
    wrapped lines included. The block's first line is never one."""
    for line in range(block.start_line + 1, block.end_line):
        match = _NOTE.match(doc.line_text(line))
        if match and (len(match.group(1)) > 1 or match.group(1).isupper()):  # a link, or a capital
            return line
    return block.end_line
