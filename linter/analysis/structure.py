"""The Q&A structure of a document, parsed once and shared by every rule.

The parser reads blocks (see `blocks`) and a layout profile (see `profiles`)
and produces a `model.Structure`: the header, sections, items (question
blocks, answer markers and bodies), questions left without an answer,
referrals between answers (`referral_text`), footnote markers and definitions
(`footnotes`) and the document's kind (`kinds`). Blocks are classified by
`markers` and paired by the profile's scheme (`schemes`); the parser scores
what asks and what answers, for the schemes to split runs of text by.
Everything keeps code-point offsets into the original text.
"""

from __future__ import annotations

import re

from ..profiles import Profile
from ..source.blocks import HEADING, PARAGRAPH, block_span
from ..source.document import Document
from ..source.textutil import breaks_off, plain_text, starts_emphasised, starts_lowercase
from .footnotes import find_footnotes
from .kinds import answer_kind, detect_kind, set_kind
from .markers import MarkerReader, split_at_markers
from .model import SUBSTANTIVE, Marker, Section, Structure
from .referral_text import find_references, internal_references
from .schemes import SCHEMES

# Characters at each end of a long paragraph that are searched for question cues.
_CUE_WINDOW = 300
# Blocks taken as the title block of a document in which no marker was found.
_FALLBACK_HEADER_BLOCKS = 8
# Score of a block that asks outright (a "?" or a request).
_STRONG = 2
# A referral names a number: text without a digit has none to take out.
_DIGIT = re.compile(r"\d")


def parse_structure(doc: Document, profile: Profile, kind: str = "auto") -> Structure:
    """The document's structure under `profile` (rules get it, parsed once, as
    `context.analysis.structure`); `kind` is one of DOCUMENT_KINDS, or "auto"
    to detect it."""
    structure = _Parser(doc, profile).parse()
    if kind != "auto":
        set_kind(structure, kind)
    return structure


class _Parser:
    def __init__(self, doc: Document, profile: Profile) -> None:
        self.doc = doc
        self.profile = profile
        self.blocks = split_at_markers(doc, profile, doc.blocks)
        self.structure = Structure(profile, self.blocks)
        self._texts: dict[int, str] = {}
        self._content_starts = self.structure.content_starts
        self._markers = MarkerReader(doc, profile, self.blocks, self._content_starts)

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

    def marker(self, index: int) -> tuple[str, Marker | None]:
        """What kind of boundary block `index` is (see `markers.MarkerReader`)."""
        found = self._markers.classify(index)
        if index in self._content_starts:
            self._texts.pop(index, None)  # its text starts after the marker
        return found

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
        # "Zie de antwoorden op de vragen 2 en 4" names questions but asks nothing.
        for start, end, _ in reversed(internal_references(profile, text, 0) if _DIGIT.search(text) else ()):
            text = text[:start] + text[end:]
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
