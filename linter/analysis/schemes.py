"""How markers relate to questions and answers, one function per scheme a
profile can name (`scheme = "..."`): each turns the classified blocks of a
document into items, unanswered questions and sections."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .model import Item, Marker, Unanswered
from ..profiles import ANSWER_AFTER_QUESTION, ITEM, QUESTION_AND_ANSWER

if TYPE_CHECKING:
    from .structure import _Parser

# (what the block is: "content", "section", "answer", "question", "item", ...; block index; its marker)
Event = tuple[str, int, "Marker | None"]


def answer_after_question(parser: _Parser, events: list[Event]) -> None:
    """Layout A: unnumbered question paragraphs, then a numbered answer marker."""
    s = parser.structure
    pending: list[int] = []
    current: Item | None = None  # the item whose answer body is being read
    section: int | None = None
    seen_boundary = False

    def close() -> None:
        nonlocal current, pending
        if current is not None:
            body, tail = parser.split_tail(pending, 2)
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
            section = parser.new_section(index)
        elif kind == "answer":
            if current is not None:
                body, question = parser.split_tail(pending, 1)
                current.answer_blocks = body
            elif not seen_boundary:
                header, question = parser.split_tail(pending, 1)
                s.header_blocks.extend(header)
            else:
                question = pending
            item = Item(answer_marker=marker, question_blocks=question, section=section)
            item.asking_units = [unit[0] for unit in parser.units(question) if parser.asks(unit)]
            if marker.inline:
                item.answer_blocks = [index]
            s.items.append(item)
            current, pending, seen_boundary = item, [], True
    close()

def question_and_answer(parser: _Parser, events: list[Event]) -> None:
    """Layouts C and E: question markers, then answer markers (numbered, grouped or not)."""
    s = parser.structure
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
            kept = _answered_questions(parser, questions, set(), section)
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
            section = parser.new_section(index)
            target, item = None, None
        elif kind == "question":
            blocks = [index] if marker.inline else []
            if questions and not questions[-1][1] and not questions[-1][0].numbers and not marker.numbers:
                # "Asked by X" then "To ask the Secretary of State ...": one question.
                questions[-1][1].extend(blocks)
                target, item = questions[-1][1], None
                continue
            questions.append((marker, blocks))
            target, item = blocks, None
        elif kind == "answer":
            item = Item(answer_marker=marker, section=section)
            numbers = {n.value for n in marker.numbers}
            kept = _answered_questions(parser, questions, numbers, section)
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

def _answered_questions(parser: _Parser, questions, numbers: set[int], section):
    """Of the open questions before an answer, those it answers; the others
    are recorded as unanswered. A numbered answer answers the questions
    whose numbers it names (all of them, when it names none: a mismatch
    is QA105's); an unnumbered one answers the last question."""
    s = parser.structure
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

def items(parser: _Parser, events: list[Event]) -> None:
    """Layout B: a number, the question, then the answer."""
    s = parser.structure
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
            item.question_blocks, item.answer_blocks = parser.split_head(content)

    for kind, index, marker in events:
        if kind == "content":
            pending.append(index)
        elif kind == "section":
            close()
            item = None
            section = parser.new_section(index)
            pending = []
        elif kind == "item":
            close()
            item = Item(answer_marker=marker, section=section)
            s.items.append(item)
            pending = item.answer_blocks
    close()


SCHEMES = {ANSWER_AFTER_QUESTION: answer_after_question, QUESTION_AND_ANSWER: question_and_answer, ITEM: items}
