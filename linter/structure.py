"""The Q&A structure of a document, parsed once and shared by every rule.

The parser reads blocks (see `blocks`) and a layout profile (see `profiles`)
and produces: the header, sections, items (question blocks, answer markers
and bodies), questions left without an answer, referrals between answers,
and footnote markers and definitions.  Everything keeps code-point offsets
into the original text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field


from .blocks import CODE, HEADING, HTML, PARAGRAPH, RULE, Block, block_span, parse_blocks
from .document import Document
from .profiles import ANSWER_AFTER_QUESTION, ITEM, QUESTION_AND_ANSWER, Profile
from .textutil import (
    ends_sentence,
    starts_emphasised,
    plain_text,
    sentences,
    starts_lowercase,
    word_count,
)

# Answer kinds.
EMPTY = "empty"
PLACEHOLDER = "placeholder"
DEFERRAL = "deferral"
REFERRAL = "referral"
SUBSTANTIVE = "substantive"
UNANSWERED_KINDS = (EMPTY, PLACEHOLDER, DEFERRAL)

_DIGITS = re.compile(r"\d{1,4}")
_SUP_MARKER = re.compile(r"<sup>\s*(\d{1,3})\s*</sup>")
_NOTE_MARKER = re.compile(r"\[\^([^\]\s]{1,20})\](?!:)")
# Unicode superscript digits; a marker only right after a word or punctuation.
_UNICODE_SUP = re.compile(r"([¹²³⁰⁴⁵⁶⁷⁸⁹]+)")
_BEFORE_SUPERSCRIPT = ".,;:!?)]\"'”’"
_SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUP_VALUES = str.maketrans(_SUPERSCRIPT_DIGITS, "0123456789")
# At the start of a line, whatever its line end: CR, LF or CRLF.
_DEFINITION = re.compile(
    r"(?<![^\r\n])[ \t]*(?:(?:\*\*|__)?<sup>\s*(?P<sup>\d{1,3})\s*</sup>"
    r"|\[\^(?P<note>[^\]\s]{1,20})\]:"
    r"|(?P<uni>[¹²³⁰⁴⁵⁶⁷⁸⁹]+)(?=[ \t]))"
)
# Footnote digits glued to a word ("Rijksuitgaven1") or a year ("20222").
# (The word's letters are checked to be lower case where this matches.)
_FUSED_MARKER = re.compile(r"(?<=[^\W\d_]{3})(\d{1,2})\b|\b(?:19|20)\d\d(\d{1,2})\b")
# How far before "vraag" a referral phrase can start ("Zie voor een toelichting ook het antwoord op vraag").
_REFERENCE_REACH = 160
# Characters at each end of a long paragraph that are searched for question cues.
_CUE_WINDOW = 300
# Blocks taken as the title block of a document in which no marker was found.
_FALLBACK_HEADER_BLOCKS = 8
# Score of a block that asks outright (a "?" or a request).
_STRONG = 2
# Longest answer that can still be nothing but a referral or a deferral.
_SHORT_ANSWER_WORDS = 60
_SHORT_ANSWER_CHARS = 600
# A paragraph a page break cut off mid-sentence is a long one; a short one
# without closing punctuation ("PM", a heading-like line) stands on its own.
_CUT_PARAGRAPH_WORDS = 8
_SUPPRESSION_COMMENT = re.compile(r"^\s*<!--")


@dataclass(frozen=True)
class NumberRef:
    """A number as written in the text, with its span."""

    value: int
    start: int
    end: int


@dataclass
class Marker:
    kind: str  # "answer", "question" or "item"
    block: int  # index into Structure.blocks
    numbers: list[NumberRef]
    start: int  # span of the marker line without leading markup
    end: int
    label: str  # the marker's wording without numbers, e.g. "Antwoord van het kabinet"
    inline: bool  # the marker's block also holds question or answer text
    opens_answer: bool = False  # a question heading: the text after it is the answer


@dataclass
class Item:
    """One question and its answer."""

    question_markers: list[Marker] = field(default_factory=list)
    answer_marker: Marker | None = None
    question_blocks: list[int] = field(default_factory=list)
    answer_blocks: list[int] = field(default_factory=list)
    section: int | None = None
    kind: str = SUBSTANTIVE
    referral_targets: list[int] = field(default_factory=list)
    # First blocks of the question block's units that ask outright (layouts
    # where questions are unnumbered paragraphs): where each question starts.
    asking_units: list[int] = field(default_factory=list)

    @property
    def numbers(self) -> list[int]:
        markers = [self.answer_marker] if self.answer_marker else self.question_markers
        return [n.value for m in markers for n in m.numbers]


@dataclass
class Unanswered:
    """Question blocks that no answer follows."""

    blocks: list[int]
    section: int | None
    marker: Marker | None = None  # the question marker, in layouts that have one


@dataclass
class Reference:
    start: int
    end: int
    targets: list[NumberRef]
    item: int | None  # index of the item whose answer holds the referral
    in_answer: bool


@dataclass
class FootnoteMark:
    label: str
    start: int
    end: int


@dataclass
class Section:
    block: int
    title: str


@dataclass
class Structure:
    profile: Profile
    blocks: list[Block]
    header_blocks: list[int] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    unanswered: list[Unanswered] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    footnote_markers: list[FootnoteMark] = field(default_factory=list)
    footnote_definitions: list[FootnoteMark] = field(default_factory=list)
    # Answer numbers (and question numbers where both are numbered) -> item index.
    by_number: dict[int, int] = field(default_factory=dict)
    # Blocks that hold a marker and then text: where the text starts.
    content_starts: dict[int, int] = field(default_factory=dict)

    @property
    def answer_markers(self) -> list[Marker]:
        return [item.answer_marker for item in self.items if item.answer_marker]

    @property
    def question_markers(self) -> list[Marker]:
        return [m for item in self.items for m in item.question_markers] + [
            u.marker for u in self.unanswered if u.marker
        ]


def get_structure(doc: Document, profile: Profile) -> Structure:
    """The document's structure under `profile` (parsed once per document)."""
    key = ("structure", profile.name)
    if key not in doc.cache:
        doc.cache[key] = _Parser(doc, profile).parse()
    return doc.cache[key]


def count_marker_matches(doc: Document, profile: Profile) -> int:
    """How many blocks look like this profile's markers (for auto-detection)."""
    if "first_lines" not in doc.cache:
        doc.cache["first_lines"] = [
            doc.line_text(block.start_line) for block in parse_blocks(doc) if block.kind in (HEADING, PARAGRAPH)
        ]
    pattern = profile.detection_regex
    return 0 if pattern is None else sum(1 for line in doc.cache["first_lines"] if pattern.match(line))


class _Parser:
    def __init__(self, doc: Document, profile: Profile) -> None:
        self.doc = doc
        self.profile = profile
        self.blocks = self._split_at_markers(parse_blocks(doc))
        self.structure = Structure(profile, self.blocks)
        self._texts: dict[int, str] = {}
        self._content_starts = self.structure.content_starts

    def _split_at_markers(self, blocks: list[Block]) -> list[Block]:
        """Start a new block at every marker line inside a paragraph, for
        documents that put "Q1: ..." and "A1: ..." on consecutive lines."""
        regexes = self.profile.answer_regexes + self.profile.question_regexes + self.profile.item_regexes
        result: list[Block] = []
        for block in blocks:
            if block.kind != PARAGRAPH or block.end_line - block.start_line < 2:
                result.append(block)
                continue
            start = block.start_line
            for line_index in range(block.start_line + 1, block.end_line):
                line = self.doc.line_text(line_index)
                if line[:1].isspace() or not any(r.match(line) for r in regexes):
                    continue
                result.append(Block(block.kind, start, line_index, block.level, block.in_container))
                start = line_index
            result.append(Block(block.kind, start, block.end_line, block.level, block.in_container))
        return result

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
            self._texts[index] = plain_text(raw)
        return self._texts[index]

    def numbers(self, match: re.Match, group: str, base: int) -> list[NumberRef]:
        if group not in match.re.groupindex or match.group(group) is None:
            return []
        return parse_numbers(self.profile, match.group(group), base + match.start(group))

    # -- classification ----------------------------------------------------
    def marker(self, index: int) -> tuple[str, Marker | None]:
        """What kind of boundary block `index` is: marker, section or content."""
        block = self.blocks[index]
        if block.kind in (RULE,):
            return "rule", None
        if block.kind == HTML and _SUPPRESSION_COMMENT.match(self.raw(index)):
            return "skip", None
        if block.kind not in (HEADING, PARAGRAPH):
            return "content", None
        line_index = block.start_line
        line = self.doc.line_text(line_index)
        base = self.doc.line_starts[line_index]
        if _DEFINITION.match(line):
            return "footnote", None
        for kind, regexes in (
            ("answer", self.profile.answer_regexes),
            ("question", self.profile.question_regexes),
            ("item", self.profile.item_regexes),
        ):
            for pattern in regexes:
                match = pattern.match(line)
                if match:
                    return kind, self._make_marker(kind, index, match, line, base)
        if block.kind == HEADING:
            for pattern in self.profile.heading_question_regexes:
                match = pattern.match(line)
                if match:
                    marker = self._make_marker("question", index, match, line, base)
                    marker.opens_answer = True
                    return "question", marker
        if any(r.match(line) for r in self.profile.section_regexes):
            return "section", None
        if block.kind == HEADING and not block.in_container:
            return "heading", None
        return "content", None

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
            kind, index, self.numbers(match, "nums", base),
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
        text = " ".join(self.text(i) for i in blocks).strip()
        profile = self.profile
        if profile.answer_label_regex is not None:
            text = profile.answer_label_regex.sub("", text, count=1)  # "Antwoord: PM"
        if not text:
            return EMPTY, []
        if profile.placeholder_regex and profile.placeholder_regex.match(text):
            return PLACEHOLDER, []
        if len(text) > _SHORT_ANSWER_CHARS or word_count(text, _SHORT_ANSWER_WORDS) > _SHORT_ANSWER_WORDS:
            # Referral-only and deferral-only answers are short by nature.
            return SUBSTANTIVE, []
        parts = sentences(text)
        if profile.deferral_regex:
            rest = [s for s in parts if not profile.deferral_regex.search(s)]
            if len(rest) < len(parts) and word_count(" ".join(rest), 3) < 3:
                return DEFERRAL, []
        if profile.reference_regexes:
            # A referral-only answer is what remains nearly empty once the
            # referral phrases are taken out ("Zie ook het antwoord op vraag 28.").
            targets: list[int] = []
            rest = []
            for sentence in parts:
                cut = 0
                for start, end, numbers in self._internal_references(sentence, 0):
                    targets.extend(n.value for n in numbers)
                    rest.append(sentence[cut:start])
                    cut = end
                rest.append(sentence[cut:])
            if targets and word_count(" ".join(rest), 3) < 3:
                return REFERRAL, targets
        return SUBSTANTIVE, []

    def _internal_references(self, text: str, base: int) -> list[tuple[int, int, list[NumberRef]]]:
        """Referrals in `text` that point inside this document, in order and
        without overlaps (the earliest, then the longest match wins)."""
        nouns = self.profile.number_noun_regex
        if nouns is None:
            windows = [(0, len(text))]
        else:
            # Every referral names a question ("vraag 28"): the patterns run only
            # in a window around each such noun, not over the whole paragraph.
            windows = []
            for noun in nouns.finditer(text):
                start, end = max(0, noun.start() - _REFERENCE_REACH), min(len(text), noun.end() + 60)
                if windows and start <= windows[-1][1]:
                    windows[-1] = (windows[-1][0], end)
                else:
                    windows.append((start, end))
        external = self.profile.external_reference_regex
        matches = sorted(
            (
                m for start, end in windows for pattern in self.profile.reference_regexes
                for m in pattern.finditer(text, start, end)
            ),
            key=lambda m: (m.start(), -m.end()),
        )
        found = []
        reached = -1
        for match in matches:
            if match.start() < reached:
                continue
            reached = match.end()
            if external and external.match(text, match.end()):
                continue
            found.append((base + match.start(), base + match.end(), self.numbers(match, "nums", base)))
        return found

    # -- splitting runs of content blocks --------------------------------
    def units(self, blocks: list[int]) -> list[list[int]]:
        """Group blocks that a page break cut apart (no closing punctuation,
        or a next block starting in lower case)."""
        units: list[list[int]] = []
        for index in blocks:
            if units:
                previous = self.text(units[-1][-1])
                current = self.text(index)
                cut = not ends_sentence(previous) and word_count(previous, _CUT_PARAGRAPH_WORDS) >= _CUT_PARAGRAPH_WORDS
                if current and (cut or starts_lowercase(current)):
                    units[-1].append(index)
                    continue
            units.append([index])
        return units

    def _asks(self, unit: list[int]) -> bool:
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
            if kind == "item" and marker and not marker.inline:
                # A bare number is an item only if a question follows it
                # (flattened tables also leave bare numbers on their own lines).
                following = index + 1
                if following >= len(self.blocks) or self.score(following) <= 0:
                    kind, marker = "content", None
            events.append((kind, index, marker))
        # Headings before the first section or marker belong to the title block.
        in_header = True
        for position, (kind, index, marker) in enumerate(events):
            if kind in ("section", "answer", "question", "item"):
                in_header = False
            elif kind == "heading":
                events[position] = ("content" if in_header else "section", index, None)
        scheme = self.profile.scheme
        if scheme == ANSWER_AFTER_QUESTION:
            self._parse_answer_after_question(events)
        elif scheme == QUESTION_AND_ANSWER:
            self._parse_question_and_answer(events)
        elif scheme == ITEM:
            self._parse_items(events)
        self._classify_answers()
        self._find_references()
        self._find_footnotes(events)
        self._find_header_fallback(events)
        return structure

    def _new_section(self, index: int) -> None:
        self.structure.sections.append(Section(index, self.text(index)))

    def _parse_answer_after_question(self, events) -> None:
        s = self.structure
        pending: list[int] = []
        current: Item | None = None  # the item whose answer body is being read
        section: int | None = None
        seen_boundary = False

        def close() -> None:
            nonlocal current, pending
            if current is not None:
                body, tail = self.split_tail(pending, 2)
                current.answer_blocks = body
                if tail:
                    s.unanswered.append(Unanswered(tail, section))
            elif not seen_boundary:
                s.header_blocks.extend(pending)
            current, pending = None, []

        for kind, index, marker in events:
            if kind == "content":
                pending.append(index)
            elif kind == "section":
                close()
                seen_boundary = True
                self._new_section(index)
                section = len(s.sections) - 1
            elif kind == "answer":
                if current is not None:
                    body, question = self.split_tail(pending, 1)
                    current.answer_blocks = body
                elif not seen_boundary:
                    header, question = self.split_tail(pending, 1)
                    s.header_blocks.extend(header)
                else:
                    question = pending
                item = Item(answer_marker=marker, question_blocks=question, section=section)
                item.asking_units = [unit[0] for unit in self.units(question) if self._asks(unit)]
                if marker.inline:
                    item.answer_blocks = [index]
                s.items.append(item)
                current, pending, seen_boundary = item, [], True
        close()

    def _parse_question_and_answer(self, events) -> None:
        s = self.structure
        section: int | None = None
        questions: list[tuple[Marker, list[int]]] = []  # open questions in order
        item: Item | None = None
        target: list[int] | None = s.header_blocks

        def flush_unanswered() -> None:
            for marker, blocks in questions:
                s.unanswered.append(Unanswered(blocks, section, marker))
            questions.clear()

        for kind, index, marker in events:
            if kind == "content" and questions and questions[-1][0].opens_answer and target is questions[-1][1]:
                # Text after a question heading is its answer.
                item = Item(section=section)
                kept = self._answered_questions(questions, set(), section)
                item.question_markers = [m for m, _ in kept]
                item.question_blocks = [b for _, blocks in kept for b in blocks]
                questions.clear()
                item.answer_blocks = [index]
                s.items.append(item)
                target = item.answer_blocks
            elif kind == "content":
                if target is not None:
                    target.append(index)
            elif kind == "section":
                flush_unanswered()
                if not s.items and target is s.header_blocks:
                    s.header_blocks.append(index)
                self._new_section(index)
                section = len(s.sections) - 1
                target, item = None, None
            elif kind == "question":
                blocks = [index] if marker.inline else []
                questions.append((marker, blocks))
                target, item = blocks, None
            elif kind == "answer":
                item = Item(answer_marker=marker, section=section)
                numbers = {n.value for n in marker.numbers}
                kept = self._answered_questions(questions, numbers, section)
                item.question_markers = [m for m, _ in kept]
                item.question_blocks = [b for _, blocks in kept for b in blocks]
                questions.clear()
                item.answer_blocks = [index] if marker.inline else []
                s.items.append(item)
                target = item.answer_blocks
        flush_unanswered()
        # A numbered question answered later by a grouped answer is not unanswered.
        answered = {n.value for m in s.answer_markers for n in m.numbers}
        s.unanswered = [
            u for u in s.unanswered
            if not (u.marker and u.marker.numbers and all(n.value in answered for n in u.marker.numbers))
        ]

    def _answered_questions(self, questions, numbers: set[int], section):
        """Of the open questions before an answer, those it answers; the others
        are recorded as unanswered. A numbered answer answers the questions
        whose numbers it names (all of them, when it names none: a mismatch
        is QA105's); an unnumbered one answers the last question."""
        s = self.structure
        covered = [(m, b) for m, b in questions if numbers & {n.value for n in m.numbers}]
        if numbers and covered:
            kept = covered
        elif numbers and any(m.numbers for m, _ in questions):
            kept = list(questions)
        else:
            kept = questions[-1:]
        for q_marker, blocks in questions:
            if all(q_marker is not k for k, _ in kept):
                s.unanswered.append(Unanswered(blocks, section, q_marker))
        return kept

    def _parse_items(self, events) -> None:
        s = self.structure
        section: int | None = None
        item: Item | None = None
        pending: list[int] = s.header_blocks

        def close() -> None:
            if item is None:
                return
            content = list(item.answer_blocks)
            if item.answer_marker.inline:
                item.question_blocks = [item.answer_marker.block]
                item.answer_blocks = content
            else:
                item.question_blocks, item.answer_blocks = self.split_head(content)

        for kind, index, marker in events:
            if kind == "content":
                pending.append(index)
            elif kind == "section":
                close()
                item = None
                self._new_section(index)
                section = len(s.sections) - 1
                pending = []
            elif kind == "item":
                close()
                item = Item(answer_marker=marker, section=section)
                s.items.append(item)
                pending = item.answer_blocks
        close()

    def _classify_answers(self) -> None:
        s = self.structure
        for position, item in enumerate(s.items):
            item.kind, item.referral_targets = self.answer_kind(item.answer_blocks)
            for number in item.numbers:
                s.by_number.setdefault(number, position)
            for marker in item.question_markers:
                for n in marker.numbers:
                    s.by_number.setdefault(n.value, position)

    def _find_references(self) -> None:
        s = self.structure
        if not self.profile.reference_regexes:
            return
        owner: dict[int, tuple[int | None, bool]] = {}
        for position, item in enumerate(s.items):
            for b in item.question_blocks:
                owner[b] = (position, False)
            for b in item.answer_blocks:
                owner[b] = (position, True)
        header = set(s.header_blocks)
        for index, block in enumerate(self.blocks):
            if block.kind not in (PARAGRAPH, HEADING) or index in header:
                continue
            start, end = block_span(self.doc, block)
            raw = self.doc.text[start:end]
            if _DEFINITION.match(raw):
                continue
            item, in_answer = owner.get(index, (None, False))
            for ref_start, ref_end, targets in self._internal_references(raw, start):
                if targets:
                    s.references.append(Reference(ref_start, ref_end, targets, item, in_answer))

    def _find_footnotes(self, events) -> None:
        s = self.structure
        doc = self.doc
        text = doc.text
        # Footnotes are neither read in code blocks nor in thematic breaks.
        skipped = [block_span(doc, b) for b in self.blocks if b.kind in (CODE, RULE)]
        def_spans: list[tuple[int, int]] = []
        for match in _DEFINITION.finditer(text):
            if _inside(match.start(), skipped):
                continue
            group = next(g for g in ("sup", "note", "uni") if match.group(g))
            label = match.group(group).translate(_SUP_VALUES)
            s.footnote_definitions.append(FootnoteMark(label, match.start(group), match.end(group)))
            def_spans.append((match.start(), match.end()))
        patterns = [_SUP_MARKER, _NOTE_MARKER]
        if any(digit in text for digit in _SUPERSCRIPT_DIGITS):
            patterns.append(_UNICODE_SUP)
        for pattern in patterns:
            for match in pattern.finditer(text):
                if _inside(match.start(), def_spans) or _inside(match.start(), skipped):
                    continue
                if pattern is _UNICODE_SUP:
                    before = text[match.start() - 1:match.start()]
                    if not before or not (before.isalnum() or before in _BEFORE_SUPERSCRIPT):
                        continue
                label = match.group(1).translate(_SUP_VALUES)
                s.footnote_markers.append(FootnoteMark(label, match.start(1), match.end(1)))
        if self.profile.fused_footnotes:
            defined = {d.label for d in s.footnote_definitions}
            for index in range(len(self.blocks)):
                if self.blocks[index].kind != PARAGRAPH:
                    continue
                start, end = block_span(doc, self.blocks[index])
                for match in _FUSED_MARKER.finditer(text, start, end):
                    group = 1 if match.group(1) else 2
                    if group == 1 and not text[match.start() - 3:match.start()].islower():
                        continue
                    if match.group(group) in defined:
                        s.footnote_markers.append(
                            FootnoteMark(match.group(group), match.start(group), match.end(group))
                        )
        s.footnote_markers.sort(key=lambda m: m.start)

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


def _inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    """Whether `offset` falls in one of `spans` (sorted, not overlapping)."""
    index = bisect.bisect_right(spans, (offset, float("inf"))) - 1
    return index >= 0 and spans[index][0] <= offset < spans[index][1]


def parse_numbers(profile: Profile, text: str, base: int) -> list[NumberRef]:
    """Numbers in a list such as "62, 63 en 64" or "5 tot en met 7", ranges expanded."""
    found = [(int(m.group()), m.start(), m.end()) for m in _DIGITS.finditer(text)]
    numbers: list[NumberRef] = []
    for position, (value, start, end) in enumerate(found):
        if position:
            previous_value, previous_start, previous_end = found[position - 1]
            between = text[previous_end:start]
            if profile.range_regex.match(between) and 0 < value - previous_value <= 200:
                for implied in range(previous_value + 1, value):
                    numbers.append(NumberRef(implied, base + previous_start, base + end))
        numbers.append(NumberRef(value, base + start, base + end))
    return numbers


_LABEL_NUMBERS = re.compile(r"\d+(?:\s*(?:[,/&–-]|\b[^\W\d_]{1,3}\b(?:\s+[^\W\d_]{2,3})?)\s*\d+)*[.):]?")


def _marker_label(text: str) -> str:
    """A marker's wording with numbers, markup and spacing normalised away."""
    text = plain_text(text)
    text = _LABEL_NUMBERS.sub(" ", text)
    return " ".join(text.strip(" .:)").split())
