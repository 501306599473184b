"""How a document numbers its answers (or its questions, where they carry the
numbers): the markers that hold the sequence, every place it breaks, the
renumbering that would mend it, answers whose numbers match no question, and
questions whose answer went missing. Facts only: the numbering rules judge
and word them."""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass
from functools import cached_property

from ..profiles import Profile
from .model import Item, Marker, NumberRef, Structure

# Kinds of break in a sequence.
GAP = "gap"  # a number skipped
DUPLICATE = "duplicate"  # a number used again
ORDER = "order"  # a number lower than one before it
START = "start"  # the first number is not the configured first one
RESTART = "restart"  # the numbering starts again


@dataclass(frozen=True)
class SequenceBreak:
    kind: str  # GAP, DUPLICATE, ORDER, START or RESTART
    number: NumberRef  # the number found
    expected: int  # the number the sequence called for
    noun: str  # what is numbered: "answer", "question" or "item"


@dataclass(frozen=True)
class Mismatch:
    """An answer number that matches no question: the question numbers of the
    item (empty when the answer follows no numbered question)."""

    number: NumberRef
    questions: tuple[int, ...]


def noun(marker: Marker) -> str:
    return {"question": "question", "item": "item"}.get(marker.kind, "answer")


class Numbering:
    """The numbering of one document, where the first number should be `start`."""

    def __init__(self, structure: Structure, profile: Profile, text: str, start: int) -> None:
        self.structure = structure
        self.profile = profile
        self.text = text  # the document's
        self.start = start

    @cached_property
    def markers(self) -> list[Marker]:
        """The markers that hold the sequence, in document order: the question
        markers where questions carry numbers (answers are matched to them),
        else the answer markers."""
        if self.profile.question_numbering:
            return sorted(self.structure.question_markers, key=lambda m: m.start)
        return self.structure.answer_markers

    @cached_property
    def breaks(self) -> list[SequenceBreak]:
        """Every break in the sequence, markdownlint-style (expected vs found)."""
        numbered = [m for m in self.markers if m.numbers]
        start = self.start
        if not self.profile.fixed_start and numbered:
            # Numbers continue from elsewhere (an order paper): the first one found starts the run.
            start = min(m.numbers[0].value for m in numbered)
        if self.profile.numbering == "section":
            return [b for group in self._per_section(numbered) for b in _run_breaks(group, start, True)]
        breaks: list[SequenceBreak] = []
        runs = _runs(numbered, start)
        for position, run in enumerate(runs):
            if position:
                previous = max(n.value for m in runs[position - 1] for n in m.numbers)
                breaks.append(SequenceBreak(RESTART, run[0].numbers[0], previous + 1, noun(run[0])))
            breaks.extend(_run_breaks(run, start, position == 0))
        return breaks

    def _per_section(self, markers: list[Marker]) -> list[list[Marker]]:
        starts = [s.block for s in self.structure.sections]  # in document order
        groups: dict[int, list[Marker]] = {}
        for marker in markers:
            groups.setdefault(bisect.bisect_left(starts, marker.block), []).append(marker)
        return list(groups.values())

    @cached_property
    def renumbering(self) -> list[tuple[NumberRef, int]] | None:
        """(number as written, the number it becomes) to number the items
        `start`, `start + 1` ... in document order (questions and answers
        alike), with every referral to a renumbered item. None when items
        carry grouped numbers, the numbering restarts or runs per section:
        then the intent is unclear."""
        items = [item for item in self.structure.items if item.numbers]
        markers_of = [_numbered_markers(item) for item in items]
        if any(len(m.numbers) != 1 for markers in markers_of for m in markers):
            return None
        if self.profile.numbering == "section" or len(_runs([ms[0] for ms in markers_of], self.start)) > 1:
            return None
        new_number = {id(item): self.start + position for position, item in enumerate(items)}
        edits = []
        for item, markers in zip(items, markers_of):
            wanted = new_number[id(item)]
            edits += [(m.numbers[0], wanted) for m in markers if m.numbers[0].value != wanted]
        return edits + self._referral_edits(new_number)

    def _referral_edits(self, new_number: dict[int, int]) -> list[tuple[NumberRef, int]]:
        structure, text = self.structure, self.text
        edits = []
        for target in (t for reference in structure.references for t in reference.targets):
            item_index = structure.by_number.get(target.value)
            if text[target.start:target.end] != str(target.value) or item_index is None:
                continue  # a number implied by a range, or a broken referral
            wanted = new_number.get(id(structure.items[item_index]))
            if wanted is not None and wanted != target.value:
                edits.append((target, wanted))
        return edits


def _numbered_markers(item: Item) -> list[Marker]:
    """The item's answer marker and question markers that carry numbers."""
    return [m for m in [item.answer_marker, *item.question_markers] if m is not None and m.numbers]


def _runs(markers: list[Marker], start: int) -> list[list[Marker]]:
    """Split a sequence where the numbering starts again: back at the first
    number after having gone at least two past it."""
    runs: list[list[Marker]] = [[]]
    highest: int | None = None
    for marker in markers:
        value = marker.numbers[0].value
        if highest is not None and value <= start and highest > value + 1:
            runs.append([])
            highest = None
        runs[-1].append(marker)
        top = max(n.value for n in marker.numbers)
        highest = top if highest is None else max(highest, top)
    return runs


def _run_breaks(run: list[Marker], start: int, check_start: bool) -> list[SequenceBreak]:
    breaks: list[SequenceBreak] = []
    # Where each number is used last: a skipped number used later is no gap.
    # (The numbers a gap skips lie below the next expected one, so all gaps
    # together look up each number at most once.)
    last_use = {n.value: position for position, marker in enumerate(run) for n in marker.numbers}
    seen: set[int] = set()
    last: int | None = None
    for position, marker in enumerate(run):
        expected = start if last is None else last + 1
        kind = _break_kind(marker.numbers[0].value, expected, last, seen, check_start)
        skipped = range(expected, marker.numbers[0].value)
        if kind in (GAP, START) and all(last_use.get(v, -1) > position for v in skipped):
            kind = None  # the skipped numbers come later: out of order, not lost
        if kind is not None:
            breaks.append(SequenceBreak(kind, marker.numbers[0], expected, noun(marker)))
        seen.update(n.value for n in marker.numbers)
        top = max(n.value for n in marker.numbers)
        last = top if last is None else max(last, top)
    return breaks


def _break_kind(value: int, expected: int, last: int | None, seen: set[int], check_start: bool) -> str | None:
    if value in seen:
        return DUPLICATE
    if last is not None and value < expected:
        return ORDER
    if value > expected:
        return GAP if last is not None else (START if check_start else None)
    return None


def mismatched_answers(structure: Structure) -> list[Mismatch]:
    """Answer numbers that match neither the question(s) the answer follows
    nor, for an answer that follows no numbered question, any question."""
    asked = {n.value for m in structure.question_markers for n in m.numbers}
    found = []
    for item in structure.items:
        answer = item.answer_marker
        if answer is None:
            continue
        questions = {n.value for m in item.question_markers for n in m.numbers}
        known = questions or asked
        found.extend(Mismatch(n, tuple(sorted(questions))) for n in answer.numbers if n.value not in known)
    return found


def lost_answers(structure: Structure) -> list[tuple[Item, int]]:
    """(item, missing number) where one answer number is skipped (no
    duplicate explains it: a mistyped number would leave one behind) and the
    question block before the next answer asks two questions: the first lost
    its answer."""
    counts = Counter(n for item in structure.items for n in item.numbers)
    numbered = [item for item in structure.items if len(item.numbers) == 1]
    found = []
    for previous, item in zip(numbered, numbered[1:]):
        missing = previous.numbers[0] + 1
        if (
            item.numbers[0] == missing + 1 and missing not in counts and counts[item.numbers[0]] == 1
            and len(item.asking_units) >= 2 and item.section == previous.section
        ):
            found.append((item, missing))
    return found
