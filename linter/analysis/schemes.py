"""How markers relate to questions and answers: the registry of pairing
schemes a profile can name (`scheme = "..."`). Each scheme reads the
classified blocks of a document in order (one method per kind of event) and
turns them into items, unanswered questions and sections; it also says what
its layout can tell about the pairing, so that rules ask the analysis
instead of branching on layouts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..profiles import ANSWER_AFTER_QUESTION, ITEM, QUESTION_AND_ANSWER
from .model import Item, Marker, Structure, Unanswered

if TYPE_CHECKING:
    from .structure import _Parser

# (what the block is: "content", "section", "answer", "question", "item", ...; block index; its marker)
Event = tuple[str, int, "Marker | None"]


class _Pairing:
    """One pass over a document's events; an event of a kind the scheme has
    no `on_<kind>` method for is passed over."""

    def __init__(self, parser: _Parser) -> None:
        self.parser = parser
        self.structure = parser.structure
        self.section: int | None = None

    def run(self, events: list[Event]) -> None:
        for kind, index, marker in events:
            handle = getattr(self, "on_" + kind, None)
            if handle is not None:
                handle(index, marker)
        self.finish()

    def open_section(self, index: int) -> None:
        self.section = self.parser.new_section(index)

    def finish(self) -> None:
        """Close what is still open at the end of the document."""


class _AnswerAfterQuestion(_Pairing):
    """Layout A: unnumbered question paragraphs, then a numbered answer marker."""

    def __init__(self, parser: _Parser) -> None:
        super().__init__(parser)
        self.pending: list[int] = []
        self.current: Item | None = None  # the item whose answer body is being read
        self.seen_boundary = False

    def on_content(self, index: int, marker: None) -> None:
        self.pending.append(index)

    def on_section(self, index: int, marker: None) -> None:
        self.finish()
        self.seen_boundary = True
        self.open_section(index)

    def on_answer(self, index: int, marker: Marker) -> None:
        parser = self.parser
        if self.current is not None:
            body, question = parser.split_tail(self.pending, 1)
            self.current.answer_blocks = body
        elif not self.seen_boundary:
            header, question = parser.split_tail(self.pending, 1)
            self.structure.header_blocks.extend(header)
        else:
            question = self.pending
        item = Item(answer_marker=marker, question_blocks=question, section=self.section)
        item.asking_units = [unit[0] for unit in parser.units(question) if parser.asks(unit)]
        if marker.inline:
            item.answer_blocks = [index]
        self.structure.items.append(item)
        self.current, self.pending, self.seen_boundary = item, [], True

    def finish(self) -> None:
        if self.current is not None:
            body, tail = self.parser.split_tail(self.pending, 2)
            self.current.answer_blocks = body
            if tail:
                self.structure.unanswered.append(Unanswered(tail, self.section))
        elif not self.seen_boundary:
            self.structure.header_blocks.extend(self.pending)
        self.current, self.pending = None, []


class _QuestionAndAnswer(_Pairing):
    """Layouts C and E: question markers, then answer markers (numbered, grouped or not)."""

    def __init__(self, parser: _Parser) -> None:
        super().__init__(parser)
        self.questions: list[tuple[Marker, list[int]]] = []  # open questions in order
        self.target: list[int] | None = self.structure.header_blocks  # where content goes

    def on_content(self, index: int, marker: None) -> None:
        last = self.questions[-1] if self.questions else None
        if last is not None and last[0].opens_answer and self.target is last[1]:
            self._answer(None, [index], set())  # text after a question heading is its answer
        elif self.target is not None:
            self.target.append(index)

    def on_section(self, index: int, marker: None) -> None:
        self._flush_unanswered()
        s = self.structure
        if not s.items and self.target is s.header_blocks:
            s.header_blocks.append(index)
        self.open_section(index)
        self.target = None

    def on_question(self, index: int, marker: Marker) -> None:
        blocks = [index] if marker.inline else []
        last = self.questions[-1] if self.questions else None
        if last is not None and not last[1] and not last[0].numbers and not marker.numbers:
            # "Asked by X" then "To ask the Secretary of State ...": one question.
            last[1].extend(blocks)
            self.target = last[1]
            return
        self.questions.append((marker, blocks))
        self.target = blocks

    def on_answer(self, index: int, marker: Marker) -> None:
        self._answer(marker, [index] if marker.inline else [], {n.value for n in marker.numbers})

    def _answer(self, marker: Marker | None, blocks: list[int], numbers: set[int]) -> None:
        kept = self._answered_questions(numbers)
        item = Item(
            question_markers=[m for m, _ in kept], answer_marker=marker,
            question_blocks=[b for _, question in kept for b in question], answer_blocks=blocks,
            section=self.section,
        )
        self.questions.clear()
        self.structure.items.append(item)
        self.target = item.answer_blocks

    def _answered_questions(self, numbers: set[int]) -> list[tuple[Marker, list[int]]]:
        """Of the open questions before an answer, those it answers; the others
        are recorded as unanswered. A numbered answer answers the questions
        whose numbers it names (all of them, when it names none: a mismatch
        is QA105's); an unnumbered one answers the last question."""
        questions = self.questions
        covered = [(m, b) for m, b in questions if numbers & {n.value for n in m.numbers}]
        if numbers and covered:
            kept = covered
        elif numbers and any(m.numbers for m, _ in questions):
            kept = list(questions)
        else:
            kept = questions[-1:]
        for marker, blocks in questions:
            if all(marker is not k for k, _ in kept):
                self.structure.unanswered.append(Unanswered(blocks, self.section, marker))
        return kept

    def _flush_unanswered(self) -> None:
        for marker, blocks in self.questions:
            self.structure.unanswered.append(Unanswered(blocks, self.section, marker))
        self.questions.clear()

    def finish(self) -> None:
        self._flush_unanswered()
        # A numbered question answered later by a grouped answer is not unanswered.
        s = self.structure
        answered = {n.value for m in s.answer_markers for n in m.numbers}
        s.unanswered = [
            u for u in s.unanswered
            if not (u.marker and u.marker.numbers and all(n.value in answered for n in u.marker.numbers))
        ]


class _Items(_Pairing):
    """Layout B: a number, the question, then the answer."""

    def __init__(self, parser: _Parser) -> None:
        super().__init__(parser)
        self.item: Item | None = None
        self.pending: list[int] = self.structure.header_blocks

    def on_content(self, index: int, marker: None) -> None:
        self.pending.append(index)

    def on_section(self, index: int, marker: None) -> None:
        self.finish()
        self.item, self.pending = None, []
        self.open_section(index)

    def on_item(self, index: int, marker: Marker) -> None:
        self.finish()
        self.item = Item(answer_marker=marker, section=self.section)
        self.structure.items.append(self.item)
        self.pending = self.item.answer_blocks

    def on_answer(self, index: int, marker: Marker) -> None:
        """"Antwoord op vraag 5 tot en met 7" after items 5, 6 and 7 that hold
        only their questions: one item, which the text after it answers. Where
        it answers no such items it is text of the item it stands in."""
        numbers = {n.value for n in marker.numbers}
        item = self.item
        if item is None or not item.numbers or not set(item.numbers) <= numbers:
            self.pending.append(index)
            return
        self.finish()
        self.item, items = None, self.structure.items
        if item.answer_blocks:  # the item had its answer already
            item.answer_blocks.append(index)
            self.pending = item.answer_blocks
            return
        group = [items.pop()]
        while items and items[-1].numbers and set(items[-1].numbers) <= numbers and not items[-1].answer_blocks:
            group.insert(0, items.pop())
        grouped = Item(question_markers=[g.answer_marker for g in group], answer_marker=marker,
                       question_blocks=[b for g in group for b in g.question_blocks],
                       answer_blocks=[index] if marker.inline else [], section=self.section)
        items.append(grouped)
        self.pending = grouped.answer_blocks

    def finish(self) -> None:
        item = self.item
        if item is None:
            return
        content = list(item.answer_blocks)
        if item.answer_marker.inline:
            item.question_blocks = [item.answer_marker.block]
            item.answer_blocks = content
        else:
            item.question_blocks, item.answer_blocks = self.parser.split_head(content)


@dataclass(frozen=True)
class Scheme:
    """A pairing scheme and what its layout tells about the pairing."""

    name: str
    pairing: type[_Pairing]
    # Answers follow question markers: an answer with neither a number nor a
    # question before it lost its question (at a page break, in conversion).
    marks_questions: bool = False
    # Questions are unmarked paragraphs before a numbered answer: where one
    # answer number is skipped, its question may still be there.
    unmarked_questions: bool = False

    def pair(self, parser: _Parser, events: list[Event]) -> None:
        """Fill the parser's structure with items, unanswered questions and sections."""
        self.pairing(parser).run(events)


SCHEMES: dict[str, Scheme] = {scheme.name: scheme for scheme in (
    Scheme(ANSWER_AFTER_QUESTION, _AnswerAfterQuestion, unmarked_questions=True),
    Scheme(QUESTION_AND_ANSWER, _QuestionAndAnswer, marks_questions=True),
    Scheme(ITEM, _Items),
)}


def questionless_answers(structure: Structure) -> list[Marker]:
    """Answer markers with neither a number nor a question before them."""
    return [
        item.answer_marker for item in structure.items
        if item.answer_marker is not None and not item.answer_marker.numbers and not item.question_markers
    ]
