"""Footnote markers and definitions: `<sup>3</sup>`, `[^3]`, Unicode
superscripts, and digits fused to a word by PDF conversion ("Rijksuitgaven1")."""

from __future__ import annotations

import bisect
import re

from ..source.blocks import CODE, PARAGRAPH, RULE, Block, block_span
from ..source.document import Document
from .model import FootnoteMark, Structure
from ..profiles import Profile

_SUP_MARKER = re.compile(r"<sup>\s*(\d{1,3})\s*</sup>")
_NOTE_MARKER = re.compile(r"\[\^([^\]\s]{1,20})\](?!:)")
# Unicode superscript digits; a marker only right after a word or punctuation.
_UNICODE_SUP = re.compile(r"([¹²³⁰⁴⁵⁶⁷⁸⁹]+)")
_BEFORE_SUPERSCRIPT = ".,;:!?)]\"'”’"
_SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUP_VALUES = str.maketrans(_SUPERSCRIPT_DIGITS, "0123456789")
# At the start of a line, whatever its line end: CR, LF or CRLF.
DEFINITION = re.compile(
    r"(?<![^\r\n])[ \t]*(?:(?:\*\*|__)?<sup>\s*(?P<sup>\d{1,3})\s*</sup>"
    r"|\[\^(?P<note>[^\]\s]{1,20})\]:"
    r"|(?P<uni>[¹²³⁰⁴⁵⁶⁷⁸⁹]+)(?=[ \t]))"
)
# Footnote digits glued to a word ("Rijksuitgaven1") or a year ("20222").
# (The word's letters are checked to be lower case where this matches.)
_FUSED_MARKER = re.compile(r"(?<=[^\W\d_]{3})(\d{1,2})\b|\b(?:19|20)\d\d(\d{1,2})\b")


def find_footnotes(doc: Document, profile: Profile, blocks: list[Block], s: Structure) -> None:
    """Fill the structure's footnote markers and definitions."""
    # Footnotes are neither read in code blocks nor in thematic breaks.
    skipped = [block_span(doc, b) for b in blocks if b.kind in (CODE, RULE)]
    s.footnote_definitions, def_spans = _definitions(doc.text, skipped)
    s.footnote_markers = _marks(doc.text, (skipped, def_spans))
    if profile.fused_footnotes:
        defined = {d.label for d in s.footnote_definitions}
        s.footnote_markers += _fused_marks(doc, blocks, defined)
    s.footnote_markers.sort(key=lambda m: m.start)


def _definitions(text: str, skipped: list[tuple[int, int]]) -> tuple[list[FootnoteMark], list[tuple[int, int]]]:
    """The footnotes' own labels at the start of their lines, and the spans of those labels' markup."""
    definitions, spans = [], []
    for match in DEFINITION.finditer(text):
        if _inside(match.start(), skipped):
            continue
        group = next(g for g in ("sup", "note", "uni") if match.group(g))
        label = match.group(group).translate(_SUP_VALUES)
        definitions.append(FootnoteMark(label, match.start(group), match.end(group)))
        spans.append((match.start(), match.end()))
    return definitions, spans


def _marks(text: str, skipped: tuple[list[tuple[int, int]], ...]) -> list[FootnoteMark]:
    """Footnote markers in the text, outside each list of `skipped` spans."""
    patterns = [_SUP_MARKER, _NOTE_MARKER]
    if any(digit in text for digit in _SUPERSCRIPT_DIGITS):
        patterns.append(_UNICODE_SUP)
    marks = []
    for pattern in patterns:
        for match in pattern.finditer(text):
            if any(_inside(match.start(), spans) for spans in skipped):
                continue
            before = text[match.start() - 1:match.start()]
            if pattern is _UNICODE_SUP and not (before and (before.isalnum() or before in _BEFORE_SUPERSCRIPT)):
                continue
            marks.append(FootnoteMark(match.group(1).translate(_SUP_VALUES), match.start(1), match.end(1)))
    return marks


def _fused_marks(doc: Document, blocks: list[Block], defined: set[str]) -> list[FootnoteMark]:
    """Digits fused to a word or a year that name a footnote the document defines."""
    text = doc.text
    marks = []
    for block in blocks:
        if block.kind != PARAGRAPH:
            continue
        start, end = block_span(doc, block)
        for match in _FUSED_MARKER.finditer(text, start, end):
            group = 1 if match.group(1) else 2
            if group == 1 and not text[match.start() - 3:match.start()].islower():
                continue
            if match.group(group) in defined:
                marks.append(FootnoteMark(match.group(group), match.start(group), match.end(group)))
    return marks


def _inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    """Whether `offset` falls in one of `spans` (sorted, not overlapping)."""
    index = bisect.bisect_right(spans, (offset, float("inf"))) - 1
    return index >= 0 and spans[index][0] <= offset < spans[index][1]
