"""One document's analysis: every fact the rules share, worked out lazily and once.

Rules reach it as `context.analysis`; each fact is a typed attribute, built
the first time a rule asks for it, so a run that selects only spelling rules
never pairs questions with answers it does not need.
"""

from __future__ import annotations

from collections import Counter
from functools import cached_property
from typing import TYPE_CHECKING

from .run import RunSettings
from .marker_style import MarkerGroup, marker_groups
from .numbering import Mismatch, Numbering, lost_answers, mismatched_answers
from .schemes import SCHEMES, Scheme, questionless_answers

if TYPE_CHECKING:
    from ..spelling.variants import Variant
    from ..profiles import Profile
    from ..source.blocks import Block
    from ..source.document import Document
    from ..spelling.analysis import Spelling
    from .model import FootnoteMark, Item, Marker, Structure
    from .prose import Prose
    from .referrals import Referrals


class Analysis:
    """The facts of one document under one layout profile."""

    def __init__(self, document: Document, profile: Profile, run: RunSettings | None = None) -> None:
        self.document = document
        self.profile = profile
        self.run = run if run is not None else RunSettings()  # the run's settings (kind, language) and spellers
        self._numberings: dict[int, Numbering] = {}

    @property
    def blocks(self) -> list[Block]:
        """The document's leaf blocks in source order."""
        return self.document.blocks

    @cached_property
    def structure(self) -> Structure:
        """Sections, questions, answers, referrals and the document's kind."""
        from .structure import parse_structure

        return parse_structure(self.document, self.profile, self.run.kind)

    @cached_property
    def scheme(self) -> Scheme:
        """How the layout pairs questions with answers (the profile names it)."""
        return SCHEMES[self.profile.scheme]

    def numbering(self, start: int = 1) -> Numbering:
        """The numbering of answers (or of questions, where they carry the
        numbers), where the first number should be `start`."""
        if start not in self._numberings:
            self._numberings[start] = Numbering(self.structure, self.profile, self.document.text, start)
        return self._numberings[start]

    @cached_property
    def mismatched_answers(self) -> list[Mismatch]:
        """Answer numbers that match no question, in layouts that number both."""
        if not self.profile.question_numbering:
            return []
        return mismatched_answers(self.structure)

    @cached_property
    def questionless_answers(self) -> list[Marker]:
        """Answer markers that follow no question, in layouts that mark
        questions: the question was lost (at a page break, in conversion)."""
        if not self.scheme.marks_questions:
            return []
        return questionless_answers(self.structure)

    @cached_property
    def lost_answers(self) -> list[tuple[Item, int]]:
        """(item, missing answer number) where an answer went missing and its
        question is still there, in layouts whose questions are unmarked."""
        if not self.scheme.unmarked_questions:
            return []
        return lost_answers(self.structure)

    @cached_property
    def marker_groups(self) -> list[MarkerGroup]:
        """The markers and section headings the document should write alike."""
        return marker_groups(self.document, self.profile, self.structure)

    @cached_property
    def referrals(self) -> Referrals:
        """The referral graph: which answer refers to which."""
        from .referrals import Referrals

        return Referrals(self.structure)

    @property
    def footnotes(self) -> tuple[list[FootnoteMark], list[FootnoteMark]]:
        """Footnote markers in the text and the notes that define them."""
        return self.structure.footnote_markers, self.structure.footnote_definitions

    @cached_property
    def prose(self) -> Prose:
        """The prose with markup, links and code masked, in segments."""
        from .prose import Prose

        return Prose(self.document, self.structure)

    @property
    def words(self) -> Counter[str]:
        """How often each word of the prose occurs."""
        return self.prose.counts()

    @cached_property
    def spelling(self) -> Spelling:
        """Unknown words with suggestions, closed compounds, extraction
        repairs and truncated words: one pass over the prose, with the run's speller."""
        from ..spelling.analysis import analyse_spelling

        return analyse_spelling(self)

    @cached_property
    def term_variants(self) -> list[Variant]:
        """Terms of art written in more than one form (hyphen, linking s)."""
        from ..spelling.variants import term_variants

        return term_variants(self)
