"""The Q&A structure of a document, parsed once and shared by every rule.

The parser reads blocks (see `blocks`) and a layout profile (see `profiles`)
and produces a `model.Structure`: the header, sections, items (question
blocks, answer markers and bodies), questions left without an answer,
referrals between answers (`referral_text`), footnote markers and definitions
(`footnotes`) and the document's kind (`kinds`).  Everything keeps
code-point offsets into the original text.
"""

from __future__ import annotations

import re

from ..source.blocks import HEADING, HTML, PARAGRAPH, RULE, Block, block_span
from ..source.document import Document
from .footnotes import DEFINITION, find_footnotes
from .kinds import answer_kind, detect_kind, is_deferral, set_kind  # noqa: F401  (is_deferral re-exported)
# The structure's data types live in `model`; rules import them from here.
from .model import (  # noqa: F401  (re-exported)
    ANSWERS, DEFERRAL, DEFERRAL_NOTICE, DOCUMENT_KINDS, EMPTY, NOT_QA, PLACEHOLDER, QUESTIONS_ONLY, REFERRAL,
    SUBSTANTIVE, UNANSWERED_KINDS, FootnoteMark, Item, Marker, NumberRef, Reference, Section, Structure, Unanswered,
)
from ..profiles import Profile
from .referral_text import find_references, match_numbers
from .schemes import SCHEMES
from ..source.textutil import breaks_off, plain_text, starts_emphasised, starts_lowercase

# Characters at each end of a long paragraph that are searched for question cues.
_CUE_WINDOW = 300
# Blocks taken as the title block of a document in which no marker was found.
_FALLBACK_HEADER_BLOCKS = 8
# Score of a block that asks outright (a "?" or a request).
_STRONG = 2
_SUPPRESSION_COMMENT = re.compile(r"^\s*<!--")
# Lines, from a bare number's own, in which its question shows a question mark (for detection).
_BARE_REACH = 3


def parse_structure(doc: Document, profile: Profile, kind: str = "auto") -> Structure:
    """The document's structure under `profile` (rules get it, parsed once, as
    `context.analysis.structure`); `kind` is one of DOCUMENT_KINDS, or "auto"
    to detect it."""
    structure = _Parser(doc, profile).parse()
    if kind != "auto":
        set_kind(structure, kind)
    return structure


def marker_counts(doc: Document, profiles: list[Profile]) -> list[int]:
    """How many lines look like each profile's markers (for auto-detection).
    Every line of the prose counts: plain-text extractions often have no blank
    lines, so a marker can be any line of a long paragraph. A marker that is
    only a number counts when a question mark follows within two lines:
    flattened tables and footnotes leave numbers on their own lines."""
    patterns = [profile.detection_regexes for profile in profiles]
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
    return counts


def _matches_any(regexes: list, line: str) -> bool:
    return any(r.match(line) for r in regexes)


def _asks_near(doc: Document, line: int) -> bool:
    return any("?" in doc.line_text(i) for i in range(line, min(line + _BARE_REACH, doc.line_count)))


class _Parser:
    def __init__(self, doc: Document, profile: Profile) -> None:
        self.doc = doc
        self.profile = profile
        self.blocks = self._split_at_markers(doc.blocks)
        self.structure = Structure(profile, self.blocks)
        self._texts: dict[int, str] = {}
        self._content_starts = self.structure.content_starts

    def _split_at_markers(self, blocks: list[Block]) -> list[Block]:
        """Start a new block at every marker line inside a paragraph, for
        documents that put "Q1: ..." and "A1: ..." on consecutive lines."""
        profile = self.profile
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
                if not (line := self.doc.line_text(line_index))[:1].isspace() and _matches_any(regexes, self._unglued(line)[0])
            ]
            bounds = [block.start_line, *cuts, block.end_line]
            for start, end in zip(bounds, bounds[1:]):
                for part in self._split_bare_item(start, end):
                    result.append(Block(block.kind, *part, block.level, block.in_container))
        return result

    def _split_bare_item(self, start: int, end: int) -> list[tuple[int, int]]:
        """Lines that open with a bare item number ("3"), in text without blank
        lines: the number, the question up to its question mark, the answer."""
        first = self.doc.line_text(start)
        if end - start < 2 or not any((m := r.match(first)) and not m.groupdict().get("rest") for r in self.profile.item_regexes):
            return [(start, end)]
        asked = next((i + 1 for i in range(start + 1, end - 1) if self.doc.line_text(i).rstrip().endswith("?")), None)
        return [(start, start + 1), (start + 1, asked), (asked, end)] if asked else [(start, start + 1), (start + 1, end)]

    def _unglued(self, line: str) -> tuple[str, int]:
        """The line without page furniture at its start ("...Aanhangsel 1Antwoord 3"),
        and how many characters were cut."""
        furniture = self.profile.furniture_regex
        match = furniture.match(line) if furniture is not None else None
        if match is None or not line[match.end():].strip():
            return line, 0
        return line[match.end():], match.end()

    # -- block helpers -----------------------------------------------------
    def raw(self, index: int) -> str:
        start, end = block_span(self.doc, self.blocks[index])
        return self.doc.text[start:end]

    def text(self, index: int) -> str:
        """Plain text of a block; for an inline marker, the text after the marker."""
        if index not in self._texts:
            raw = self.raw(index)
            cut = self._content_starts.get(index)
            if cut is not None:
                raw = self.doc.text[cut : block_span(self.doc, self.blocks[index])[1]]
            self._texts[index] = plain_text(self.profile.without_furniture(raw))
        return self._texts[index]

    # -- classification ----------------------------------------------------
    def marker(self, index: int) -> tuple[str, Marker | None]:
        """What kind of boundary block `index` is: marker, section or content."""
        block = self.blocks[index]
        if block.kind == RULE:
            return "rule", None
        if block.kind == HTML and _SUPPRESSION_COMMENT.match(self.raw(index)):
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
            rest, cut = self._unglued(line)
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
        label = _marker_label(label_text)
        if inline:
            # Closing emphasis of the marker ("**A:** text") is not answer text.
            following = base + match.start("rest") + len(rest) - len(rest.lstrip("*_ \t"))
        content_start = following
        if content_start is not None:
            self._content_starts[index] = content_start
            self._texts.pop(index, None)
        return Marker(
            kind, index, match_numbers(self.profile, match, "nums", base),
            base + stripped_start, base + max(end, stripped_start), label,
            content_start is not None,
        )

    def score(self, index: int) -> int:
        """Positive for blocks that ask, negative for blocks that answer."""
        if starts_emphasised(self.raw(index)):
            return -_STRONG
        text = self.text(index)
        profile = self.profile
        if profile.placeholder_regex and profile.placeholder_regex.match(text):
            return -_STRONG  # before the "?" test: "???" is a placeholder
        if "?" in text:
            return _STRONG
        if self.answer_kind([index])[0] != SUBSTANTIVE:
            return -_STRONG
        if len(text) > 2 * _CUE_WINDOW:
            # A paragraph asks at its start ("De leden ... vragen") or its end
            # ("Graag ontvangen zij een reactie."); the middle is context.
            text = text[:_CUE_WINDOW] + " … " + text[-_CUE_WINDOW:]
        if profile.request_cue_regex and profile.request_cue_regex.search(text):
            return _STRONG
        if profile.question_cue_regex and profile.question_cue_regex.search(text):
            return 1
        return 0

    # -- answers -----------------------------------------------------------
    def answer_kind(self, blocks: list[int]) -> tuple[str, list[int]]:
        """What the answer in `blocks` is (see `kinds.answer_kind`), and the numbers a referral names."""
        return answer_kind(self.profile, " ".join(self.text(i) for i in blocks))

    # -- splitting runs of content blocks --------------------------------
    def units(self, blocks: list[int]) -> list[list[int]]:
        """Group blocks that a page break cut apart (no closing punctuation,
        or a next block starting in lower case)."""
        units: list[list[int]] = []
        for index in blocks:
            if units:
                previous = self.text(units[-1][-1])
                current = self.text(index)
                if current and (breaks_off(previous) or starts_lowercase(current)):
                    units[-1].append(index)
                    continue
            units.append([index])
        return units

    def asks(self, unit: list[int]) -> bool:
        return sum(self.score(i) for i in unit) >= _STRONG

    def split_tail(self, blocks: list[int], minimum: int) -> tuple[list[int], list[int]]:
        """Split into (answer part, trailing question part); the question part
        is the suffix with the highest score, at least `minimum`."""
        units = self.units(blocks)
        scores = [sum(self.score(i) for i in unit) for unit in units]
        best_k, best = len(units), 0
        total = 0
        for k in range(len(units) - 1, -1, -1):
            total += scores[k]
            # A question block opens with a question-like unit; taking the
            # whole run (an empty answer) needs a clear question at its start.
            opens = scores[k] >= (_STRONG if k == 0 else 1)
            if opens and total > best and total >= minimum:
                best_k, best = k, total
        head = [i for unit in units[:best_k] for i in unit]
        tail = [i for unit in units[best_k:] for i in unit]
        return head, tail

    def split_head(self, blocks: list[int]) -> tuple[list[int], list[int]]:
        """Split into (question part, answer part) for layouts where the
        question comes first: the question is the prefix with the highest score."""
        units = self.units(blocks)
        best_k, best, total = min(1, len(units)), None, 0
        for k, unit in enumerate(units, start=1):
            total += sum(self.score(i) for i in unit)
            if best is None or total > best:
                best_k, best = k, total
        head = [i for unit in units[:best_k] for i in unit]
        tail = [i for unit in units[best_k:] for i in unit]
        return head, tail

    # -- main ----------------------------------------------------------------
    def parse(self) -> Structure:
        structure = self.structure
        events: list[tuple[str, int, Marker | None]] = []
        for index in range(len(self.blocks)):
            kind, marker = self.marker(index)
            if marker and ((kind == "item" and not marker.inline) or marker.bare) and not self._asks_after(index, marker):
                # A bare number is a question only if a question follows it
                # (flattened tables and footnotes also leave numbers on their own lines).
                kind, marker = "content", None
                self._content_starts.pop(index, None)
                self._texts.pop(index, None)
            events.append((kind, index, marker))
        # Headings before the first section or marker belong to the title block.
        in_header = True
        for position, (kind, index, marker) in enumerate(events):
            if kind in ("section", "answer", "question", "item"):
                in_header = False
            elif kind == "heading":
                events[position] = ("content" if in_header else "section", index, None)
        SCHEMES[self.profile.scheme].pair(self, events)
        self._classify_answers()
        find_references(self.doc, self.profile, self.blocks, structure)
        find_footnotes(self.doc, self.profile, self.blocks, structure)
        self._find_header_fallback(events)
        detect_kind(self.doc, self.profile, self.blocks, structure, self.text)
        return structure

    def _asks_after(self, index: int, marker: Marker) -> bool:
        following = index if marker.inline else index + 1
        return following < len(self.blocks) and self.score(following) > 0

    def new_section(self, index: int) -> int:
        """Open a section at block `index`; its position among the sections."""
        self.structure.sections.append(Section(index, self.text(index)))
        return len(self.structure.sections) - 1

    def _classify_answers(self) -> None:
        s = self.structure
        for position, item in enumerate(s.items):
            item.kind, item.referral_targets = self.answer_kind(item.answer_blocks)
            for number in item.numbers:
                s.by_number.setdefault(number, position)
            for marker in item.question_markers:
                for n in marker.numbers:
                    s.by_number.setdefault(n.value, position)

    def _find_header_fallback(self, events) -> None:
        """Without any marker or section, the first headings and paragraphs
        are taken as the title block."""
        s = self.structure
        if s.items or s.unanswered or s.header_blocks:
            return
        s.header_blocks.extend(
            index for _, index, _ in events
            if index < _FALLBACK_HEADER_BLOCKS and self.blocks[index].kind in (HEADING, PARAGRAPH)
        )


_LABEL_NUMBERS = re.compile(r"\d+(?:\s*(?:[,/&–-]|\b[^\W\d_]{1,3}\b(?:\s+[^\W\d_]{2,3})?)\s*\d+)*[.):]?")


def _marker_label(text: str) -> str:
    """A marker's wording with numbers, markup and spacing normalised away."""
    text = plain_text(text)
    text = _LABEL_NUMBERS.sub(" ", text)
    return " ".join(text.strip(" .:)").split())
