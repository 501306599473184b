"""The Q&A structure of a document as data: what the parser produces and
every rule reads (markers with their numbers, items, questions left without
an answer, referrals, footnotes, the document's kind)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..source.blocks import Block
from ..profiles import Profile

# Document kinds.
ANSWERS = "answers"  # questions with their answers
QUESTIONS_ONLY = "questions-only"  # the questions as submitted, no answer markers at all
DEFERRAL_NOTICE = "deferral-notice"  # the answers are postponed
NOT_QA = "not-qa"  # no question-and-answer structure
DOCUMENT_KINDS = (ANSWERS, QUESTIONS_ONLY, DEFERRAL_NOTICE, NOT_QA)

# Answer kinds.
EMPTY = "empty"
PLACEHOLDER = "placeholder"
DEFERRAL = "deferral"
REFERRAL = "referral"
SUBSTANTIVE = "substantive"
UNANSWERED_KINDS = (EMPTY, PLACEHOLDER, DEFERRAL)

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
    bare: bool = False  # only a number ("3."): a question only when the text after it asks
    glued: tuple[int, int] | None = None  # page furniture on the same line before the marker


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
        # An unnumbered answer ("Antwoord" after "Vraag 3") takes its question's numbers.
        numbered = self.answer_marker is not None and self.answer_marker.numbers
        markers = [self.answer_marker] if numbered else self.question_markers
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
    kind: str = ANSWERS
    # Where a deferral notice says the answers are postponed (offsets), when found.
    notice: tuple[int, int] | None = None

    @property
    def answer_markers(self) -> list[Marker]:
        return [item.answer_marker for item in self.items if item.answer_marker]

    @property
    def question_markers(self) -> list[Marker]:
        return [m for item in self.items for m in item.question_markers] + [
            u.marker for u in self.unanswered if u.marker
        ]
