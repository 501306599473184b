"""Marker lines, as a profile describes them: which blocks open with an
answer, question or item marker, a section heading or a footnote, what a
marker says (its numbers and wording) and where the text after it starts.
Also the splitting of paragraphs at marker lines, and the count of
marker-like lines by which a document's profile is chosen."""

from __future__ import annotations

import re

from ..profiles import Profile
from ..source.blocks import HEADING, HTML, PARAGRAPH, RULE, Block, block_span
from ..source.document import Document
from ..source.textutil import plain_text
from .footnotes import DEFINITION
from .model import Marker
from .referral_text import match_numbers

_SUPPRESSION_COMMENT = re.compile(r"^\s*<!--")
# Lines, from a bare number's own, in which its question shows a question mark (for detection).
_BARE_REACH = 3
_LABEL_NUMBERS = re.compile(r"\d+(?:\s*(?:[,/&–-]|\b[^\W\d_]{1,3}\b(?:\s+[^\W\d_]{2,3})?)\s*\d+)*[.):]?")


def marker_counts(doc: Document, profiles: list[Profile]) -> list[int]:
    """How many lines look like each profile's markers (for auto-detection).
    Every line of the prose counts: plain-text extractions often have no blank
    lines, so a marker can be any line of a long paragraph. A marker that is
    only a number counts when a question mark follows within two lines:
    flattened tables and footnotes leave numbers on their own lines."""
    patterns = [profile.detection_regexes for profile in profiles]
    headings = [profile.heading_detection_regex for profile in profiles]
    counts = [0] * len(profiles)
    for block in doc.blocks:
        if block.kind not in (HEADING, PARAGRAPH):
            continue
        for line in range(block.start_line, block.end_line):
            text = doc.line_text(line)
            for position, (worded, bare) in enumerate(patterns):
                if (worded is not None and worded.match(text)) or (
                    bare is not None and bare.match(text) and _asks_near(doc, line)
                ):
                    counts[position] += 1
        if block.kind == HEADING:  # an FAQ page's question headings
            text = doc.line_text(block.start_line)
            counts = [n + bool(h is not None and h.match(text)) for n, h in zip(counts, headings)]
    return counts


def _asks_near(doc: Document, line: int) -> bool:
    return any("?" in doc.line_text(i) for i in range(line, min(line + _BARE_REACH, doc.line_count)))


def split_at_markers(doc: Document, profile: Profile, blocks: list[Block]) -> list[Block]:
    """Start a new block at every marker line inside a paragraph, for
    documents that put "Q1: ..." and "A1: ..." on consecutive lines."""
    regexes = (
        profile.answer_regexes + profile.question_regexes + profile.bare_question_regexes
        + profile.item_regexes + profile.section_regexes
    )
    result: list[Block] = []
    for block in blocks:
        if block.kind != PARAGRAPH or block.end_line - block.start_line < 2:
            result.append(block)
            continue
        cuts = [
            line_index for line_index in range(block.start_line + 1, block.end_line)
            if not (line := doc.line_text(line_index))[:1].isspace()
            and any(r.match(unglued(profile, line)[0]) for r in regexes)
        ]
        bounds = [block.start_line, *cuts, block.end_line]
        for start, end in zip(bounds, bounds[1:]):
            for part in _split_bare_item(doc, profile, start, end):
                result.append(Block(block.kind, *part, block.level, block.in_container))
    return result


def _split_bare_item(doc: Document, profile: Profile, start: int, end: int) -> list[tuple[int, int]]:
    """Lines that open with a bare item number ("3"), in text without blank
    lines: the number, the question up to its question mark, the answer."""
    first = doc.line_text(start)
    if end - start < 2 or not any((m := r.match(first)) and not m.groupdict().get("rest") for r in profile.item_regexes):
        return [(start, end)]
    asked = next((i + 1 for i in range(start + 1, end - 1) if doc.line_text(i).rstrip().endswith("?")), None)
    return [(start, start + 1), (start + 1, asked), (asked, end)] if asked else [(start, start + 1), (start + 1, end)]


def unglued(profile: Profile, line: str) -> tuple[str, int]:
    """The line without page furniture at its start ("...Aanhangsel 1Antwoord 3"),
    and how many characters were cut."""
    furniture = profile.furniture_regex
    match = furniture.match(line) if furniture is not None else None
    if match is None or not line[match.end():].strip():
        return line, 0
    return line[match.end():], match.end()


class MarkerReader:
    """Classifies the blocks of one document; where a marker shares its block
    with text, records where the text starts in `content_starts`."""

    def __init__(self, doc: Document, profile: Profile, blocks: list[Block], content_starts: dict[int, int]) -> None:
        self.doc = doc
        self.profile = profile
        self.blocks = blocks
        self.content_starts = content_starts

    def classify(self, index: int) -> tuple[str, Marker | None]:
        """What kind of boundary block `index` is: marker, section or content."""
        block = self.blocks[index]
        if block.kind == RULE:
            return "rule", None
        if block.kind == HTML:
            start, end = block_span(self.doc, block)
            if _SUPPRESSION_COMMENT.match(self.doc.text[start:end]):
                return "skip", None
        if block.kind not in (HEADING, PARAGRAPH):
            return "content", None
        line = self.doc.line_text(block.start_line)
        if DEFINITION.match(line):
            return "footnote", None
        found = self._glued_marker(index, line) or self._heading_question(index, line)
        if found is not None:
            return found
        if any(r.match(line) for r in self.profile.section_regexes):
            return "section", None
        if block.kind == HEADING and not block.in_container:
            return "heading", None
        return "content", None

    def _glued_marker(self, index: int, line: str) -> tuple[str, Marker] | None:
        """The marker the line opens with, also after page furniture glued before it."""
        base = self.doc.line_starts[self.blocks[index].start_line]
        found = self._match_marker(index, line, base)
        if found is None:
            rest, cut = unglued(self.profile, line)
            found = self._match_marker(index, rest, base + cut) if cut else None
            if found is not None:
                found[1].glued = (base, base + cut)
        return found

    def _heading_question(self, index: int, line: str) -> tuple[str, Marker] | None:
        """A question heading ("## How do I ...?"); in plain text a question
        alone on its line ("* How do I ...?") is the FAQ's heading."""
        block = self.blocks[index]
        if block.kind != HEADING and (self.doc.is_markdown or block.end_line - block.start_line != 1):
            return None
        base = self.doc.line_starts[block.start_line]
        for pattern in self.profile.heading_question_regexes:
            match = pattern.match(line)
            if match:
                marker = self._make_marker("question", index, match, line, base)
                marker.opens_answer = True
                return "question", marker
        return None

    def _match_marker(self, index: int, line: str, base: int) -> tuple[str, Marker] | None:
        profile = self.profile
        for kind, regexes, bare in (
            ("answer", profile.answer_regexes, False),
            ("question", profile.question_regexes, False),
            ("question", profile.bare_question_regexes, True),
            ("item", profile.item_regexes, False),
        ):
            for pattern in regexes:
                match = pattern.match(line)
                if match:
                    marker = self._make_marker(kind, index, match, line, base)
                    marker.bare = bare
                    return kind, marker
        return None

    def _make_marker(self, kind: str, index: int, match: re.Match, line: str, base: int) -> Marker:
        groups = match.groupdict()
        rest = groups.get("rest")
        inline = bool(rest and rest.strip(" \t*_"))
        block = self.blocks[index]
        # Text on the lines after the marker line belongs to the question or answer.
        following = None
        if not inline and block.kind == PARAGRAPH and block.end_line - block.start_line > 1:
            following = self.doc.line_starts[block.start_line + 1]
        stripped_start = len(line) - len(line.lstrip(" \t\ufeff#*_"))
        end = len(line.rstrip(" \t*_#"))
        label_text = line[stripped_start:match.start("rest")] if inline else line[stripped_start:end]
        if inline:
            # Closing emphasis of the marker ("**A:** text") is not answer text.
            following = base + match.start("rest") + len(rest) - len(rest.lstrip("*_ \t"))
        if following is not None:
            self.content_starts[index] = following
        return Marker(
            kind, index, match_numbers(self.profile, match, "nums", base),
            base + stripped_start, base + max(end, stripped_start), _marker_label(label_text),
            following is not None,
        )


def _marker_label(text: str) -> str:
    """A marker's wording with numbers, markup and spacing normalised away."""
    text = plain_text(text)
    text = _LABEL_NUMBERS.sub(" ", text)
    return " ".join(text.strip(" .:)").split())
