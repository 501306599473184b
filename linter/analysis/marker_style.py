"""How a document writes its markers: the answer markers, question markers
and section headings it should write alike, each line split into its markup
and its text (see `source.markup`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Pattern

from ..profiles import Profile
from ..source.document import Document
from ..source.markup import MarkerLine, split_marker_line
from .model import Marker, Structure

ANSWER_MARKER = "answer marker"
QUESTION_MARKER = "question marker"
SECTION_HEADING = "section heading"


@dataclass(frozen=True)
class WrittenMarker:
    line: int  # 0-based line index of the marker's line
    marker: Marker | None  # None for a section heading
    parts: MarkerLine


@dataclass(frozen=True)
class MarkerGroup:
    """Lines of one element of the document, which it should write alike."""

    kind: str  # ANSWER_MARKER, QUESTION_MARKER or SECTION_HEADING
    members: list[WrittenMarker]
    # The markers share one wording (false in layouts whose markers name people).
    one_wording: bool
    # The well-formed wordings the profile names, if it names any.
    well_formed: Pattern | None


def marker_groups(doc: Document, profile: Profile, structure: Structure) -> list[MarkerGroup]:
    """The answer markers and the question markers on lines of their own,
    and the section headings of each section pattern: headings of one pattern
    are one element ("Inbreng van de leden van de X-fractie"), another
    pattern is another level of the outline."""
    groups = [
        (ANSWER_MARKER, [(m.block, m) for m in structure.answer_markers if not m.inline]),
        (QUESTION_MARKER, [(m.block, m) for m in structure.question_markers if not m.inline]),
    ]
    for pattern in profile.section_regexes:
        groups.append((SECTION_HEADING, [
            (s.block, None) for s in structure.sections
            if pattern.match(doc.line_text(structure.blocks[s.block].start_line))
        ]))
    return [
        MarkerGroup(kind, _written(doc, structure, members), profile.fixed_wording, profile.marker_wording_regex)
        for kind, members in groups
    ]


def _written(doc: Document, structure: Structure, members: list[tuple[int, Marker | None]]) -> list[WrittenMarker]:
    written = []
    for block, marker in members:
        line = structure.blocks[block].start_line
        parts = split_marker_line(doc.line_text(line))
        if parts is not None:
            written.append(WrittenMarker(line, marker, parts))
    return written
