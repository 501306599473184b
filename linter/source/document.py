"""The document model: original text, lines and exact positions.

Positions are counted in Unicode code points on the decoded original text,
so a BOM, a CR of a CRLF line end and a tab each count as one code point.
Lines break at CRLF, CR or LF, exactly where markdown-it-py breaks them, so
its line maps and ours agree.
"""

from __future__ import annotations

import bisect
import re
from array import array
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


class Position(NamedTuple):
    """A 1-based line and column."""

    line: int
    column: int


@dataclass
class Document:
    """One checked file: its path and decoded original text."""

    path: str
    text: str
    encoding: str = "utf-8"
    has_bom: bool = False
    # The facts rules share live in the document's Analysis (`context.analysis`);
    # this is left only for rules/spelling.py until its facts move there too.
    cache: dict = field(default_factory=dict, repr=False)

    @cached_property
    def _blocks(self) -> tuple[list, set[str]]:
        from .blocks import parse_blocks

        return parse_blocks(self)

    @property
    def blocks(self) -> list:
        """The leaf blocks (`blocks.Block`) in source order, parsed once."""
        return self._blocks[0]

    @property
    def link_references(self) -> set[str]:
        """Normalised labels of the Markdown reference-link definitions."""
        return self._blocks[1]

    @cached_property
    def _line_bounds(self) -> tuple[array, array]:
        # Arrays: eight bytes a line, where a list of ints takes thirty-six.
        text = self.text
        starts, ends = array("q", [0]), array("q")
        if "\r" in text:
            for match in _LINE_BREAK.finditer(text):
                ends.append(match.start())
                starts.append(match.end())
        else:  # LF only: str.find is several times faster than a pattern
            position = text.find("\n")
            while position >= 0:
                ends.append(position)
                starts.append(position + 1)
                position = text.find("\n", position + 1)
        ends.append(len(text))
        return starts, ends

    @cached_property
    def newline(self) -> str:
        """The document's line ending (its first one; LF when it has none)."""
        match = _LINE_BREAK.search(self.text)
        return match.group() if match else "\n"

    @property
    def line_starts(self) -> array:
        """Offset of each line's first code point."""
        return self._line_bounds[0]

    @property
    def line_ends(self) -> array:
        """Offset of each line's end, before its line break."""
        return self._line_bounds[1]

    @property
    def line_count(self) -> int:
        return len(self.line_starts)

    def line_text(self, index: int) -> str:
        """Text of the 0-based line `index`, without its line break."""
        return self.text[self.line_starts[index] : self.line_ends[index]]

    def line_of(self, offset: int) -> int:
        """0-based line index holding `offset`."""
        return bisect.bisect_right(self.line_starts, offset) - 1

    def position(self, offset: int) -> Position:
        """1-based line and column of a code-point offset."""
        offset = max(0, min(offset, len(self.text)))
        index = self.line_of(offset)
        return Position(index + 1, offset - self.line_starts[index] + 1)

    def offset(self, line: int, column: int) -> int:
        """Code-point offset of a 1-based line and column."""
        return self.line_starts[line - 1] + column - 1

    @property
    def is_markdown(self) -> bool:
        return not self.path.lower().endswith(".txt")
