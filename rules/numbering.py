"""Numbering rules: answer (and question) numbers run 1, 2, 3 ... once each."""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Iterable

from qalint.engine.rule import Context, Finding, Fix, Rule
from qalint.profiles import QUESTION_AND_ANSWER
from qalint.analysis.structure import Marker, NumberRef


@dataclass
class _Problem:
    kind: str  # gap, duplicate, order, start, restart
    number: NumberRef
    message: str


def _noun(marker: Marker) -> str:
    return {"question": "question", "item": "item"}.get(marker.kind, "answer")


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


def sequence_problems(markers: list[Marker], start: int, per_section: dict[int, int | None] | None) -> list[_Problem]:
    """Walk the numbered markers in order and describe every break in the
    sequence, markdownlint-style (expected vs found)."""
    numbered = [m for m in markers if m.numbers]
    if per_section is not None:
        groups: dict = {}
        for marker in numbered:
            groups.setdefault(per_section[id(marker)], []).append(marker)
        return [p for group in groups.values() for p in _run_problems(group, start, True)]
    problems: list[_Problem] = []
    runs = _runs(numbered, start)
    for position, run in enumerate(runs):
        if position:
            first = run[0].numbers[0]
            previous = max(n.value for m in runs[position - 1] for n in m.numbers)
            problems.append(_Problem(
                "restart", first,
                f"{_noun(run[0])} numbering restarts: expected {previous + 1}, found {first.value}",
            ))
        problems.extend(_run_problems(run, start, position == 0))
    return problems


def _run_problems(run: list[Marker], start: int, check_start: bool) -> list[_Problem]:
    problems: list[_Problem] = []
    # Where each number is used last: a skipped number used later is no gap.
    # (The numbers a gap skips lie below the next expected one, so all gaps
    # together look up each number at most once.)
    last_use = {n.value: position for position, marker in enumerate(run) for n in marker.numbers}
    seen: set[int] = set()
    last: int | None = None
    for position, marker in enumerate(run):
        first = marker.numbers[0]
        noun = _noun(marker)
        expected = start if last is None else last + 1
        value = first.value
        if value in seen:
            problems.append(_Problem(
                "duplicate", first, f"duplicate {noun} number: expected {expected}, found {value} again",
            ))
        elif last is not None and value < expected:
            problems.append(_Problem(
                "order", first, f"{noun} number out of order: expected {expected}, found {value}",
            ))
        elif value > expected and not all(last_use.get(v, -1) > position for v in range(expected, value)):
            if last is not None:
                problems.append(_Problem("gap", first, f"{noun} number skipped: expected {expected}, found {value}"))
            elif check_start:
                problems.append(_Problem("start", first, f"{noun} numbering starts at {value}: expected {expected}"))
        seen.update(n.value for n in marker.numbers)
        top = max(n.value for n in marker.numbers)
        last = top if last is None else max(last, top)
    return problems


class _SequenceRule(Rule):
    category = "numbering"
    severity = "error"
    problem_kind = ""

    fix_safety = "unsafe"

    def check(self, context: Context) -> Iterable[Finding]:
        problems = _all_problems(context)
        # One renumbering fixes every problem: it rides on the first one.
        first = min((p for p in problems if p.kind != "restart"), key=lambda p: p.number.start, default=None)
        for problem in problems:
            if problem.kind == self.problem_kind:
                fix = renumbering_fix(context) if problem is first else None
                yield context.finding(problem.number.start, problem.number.end, problem.message, fix=fix)


def _all_problems(context: Context) -> list[_Problem]:
    """Sequence problems of answers (and numbered questions), computed once
    per document for all the sequence rules."""
    start = context.settings.get("numbering-start", 1)
    key = ("numbering", context.profile.name, start)
    cache = context.document.cache
    if key not in cache:
        structure = context.structure
        # Where questions carry numbers they define the sequence; answers are
        # matched to them by QA105.
        if context.profile.question_numbering:
            markers = sorted(structure.question_markers, key=lambda m: m.start)
        else:
            markers = structure.answer_markers
        per_section = _sections_of(context, markers) if context.profile.numbering == "section" else None
        if not context.profile.fixed_start and markers:
            # Numbers continue from elsewhere (an order paper): the first one found starts the run.
            start = min((m.numbers[0].value for m in markers if m.numbers), default=start)
        cache[key] = sequence_problems(markers, start, per_section)
    return cache[key]


def _sections_of(context: Context, markers: list[Marker]) -> dict[int, int | None]:
    starts = [s.block for s in context.structure.sections]  # in document order
    return {id(marker): bisect.bisect_left(starts, marker.block) for marker in markers}


def renumbering_fix(context: Context) -> Fix | None:
    """Number the items 1, 2, 3 ... in document order (questions and answers
    alike) and rewrite every referral to a renumbered item. None when items
    carry grouped numbers or the numbering restarts: then the intent is unclear."""
    structure = context.structure
    start = context.settings.get("numbering-start", 1)
    items = [item for item in structure.items if item.numbers]
    markers_of = [
        [m for m in [item.answer_marker, *item.question_markers] if m is not None and m.numbers]
        for item in items
    ]
    if any(len(m.numbers) != 1 for markers in markers_of for m in markers):
        return None
    if context.profile.numbering == "section" or len(_runs([ms[0] for ms in markers_of], start)) > 1:
        return None
    new_number = {}
    edits = []
    text = context.document.text
    for position, (item, markers) in enumerate(zip(items, markers_of)):
        wanted = start + position
        new_number[id(item)] = wanted
        for marker in markers:
            number = marker.numbers[0]
            if number.value != wanted:
                edits.append(context.edit(number.start, number.end, str(wanted)))
    for reference in structure.references:
        for target in reference.targets:
            written = text[target.start:target.end]
            item_index = structure.by_number.get(target.value)
            if written != str(target.value) or item_index is None:
                continue  # a number implied by a range, or a broken referral
            wanted = new_number.get(id(structure.items[item_index]))
            if wanted is not None and wanted != target.value:
                edits.append(context.edit(target.start, target.end, str(wanted)))
    if not edits:
        return None
    return Fix("renumber the items and the referrals to them", tuple(edits), safe=False)


class NumberingGap(_SequenceRule):
    """## What it does
    Reports an answer number that skips one or more numbers: answer 17 followed
    by answer 19.

    ## Why it matters
    A skipped number usually means an answer was lost while the report was
    assembled, or a number was mistyped; readers and referrals ("zie het
    antwoord op vraag 18") then point at nothing.

    ## Example
    ```
    **17. Antwoord van het kabinet**
    ...
    **19. Antwoord van het kabinet**   <- expected 18, found 19
    ```
    """

    code = "QA101"
    name = "numbering-gap"
    problem_kind = "gap"


class DuplicateNumber(_SequenceRule):
    """## What it does
    Reports a number used by two answers (or two questions).

    ## Why it matters
    Two answers numbered 16 make every later number and every referral
    ambiguous, and datasets keyed on the number silently drop one.

    ## Example
    ```
    ## 16. Antwoord van het kabinet
    ...
    ## 16. Antwoord van het kabinet   <- expected 17, found 16 again
    ```
    """

    code = "QA102"
    name = "duplicate-number"
    problem_kind = "duplicate"


class NumberOutOfOrder(_SequenceRule):
    """## What it does
    Reports a number that comes after a higher one: answer 19 placed before
    answer 18.

    ## Why it matters
    Out-of-order answers are hard to find and usually mean blocks were pasted
    in the wrong place.

    ## Example
    ```
    **19. Antwoord van het kabinet**
    **18. Antwoord van het kabinet**   <- expected 20, found 18
    ```
    """

    code = "QA103"
    name = "number-out-of-order"
    problem_kind = "order"


class NumberingStart(_SequenceRule):
    """## What it does
    Reports a numbering that does not start at the configured first number
    (`numbering-start`, default 1).

    ## Why it matters
    A report whose first answer is numbered 3 has lost its first answers or
    was cut from a larger document.

    ## Example
    ```
    **3. Antwoord van het kabinet**   <- expected 1, found 3
    ```
    """

    code = "QA104"
    name = "numbering-start"
    problem_kind = "start"


class NumberingRestart(_SequenceRule):
    """## What it does
    Reports a numbering that starts again at 1 inside a document whose layout
    numbers continuously.

    ## Why it matters
    A restart usually means a second question set was appended without its
    own header, so referrals by number become ambiguous.

    ## Example
    ```
    Vraag 12 ... Antwoord 12
    Vraag 1      <- expected 13, found 1
    ```
    """

    code = "QA106"
    name = "numbering-restart"
    problem_kind = "restart"
    fix_safety = None  # where the second set starts is for a person to decide


class UnmatchedNumber(Rule):
    """## What it does
    In layouts that number both questions and answers ("Vraag 4" /
    "Antwoord 4", grouped "Antwoord 2 en 3"), reports an answer whose numbers
    do not match the question(s) it follows, and an answer number with no
    question. In layouts with question and answer markers, also an answer
    that follows no question at all (its question lost at a page break).

    ## Why it matters
    When "Vraag 5" is followed by "Antwoord 6", either the question or the
    answer is mislabelled, and readers cannot tell which answer belongs to
    which question.

    ## Example
    ```
    Vraag 5
    Klopt het dat ...?
    Antwoord 6      <- expected 5, found 6
    ```
    """

    code = "QA105"
    name = "unmatched-number"
    category = "numbering"
    severity = "error"

    def check(self, context: Context) -> Iterable[Finding]:
        structure = context.structure
        if context.profile.scheme == QUESTION_AND_ANSWER:
            # An answer whose question was lost (at a page break, in conversion).
            for item in structure.items:
                marker = item.answer_marker
                if marker is not None and not marker.numbers and not item.question_markers:
                    yield context.finding(marker.start, marker.end, "answer has no question before it")
        if not context.profile.question_numbering:
            return
        asked = {n.value for m in structure.question_markers for n in m.numbers}
        for item in structure.items:
            answer = item.answer_marker
            if answer is None or not answer.numbers:
                continue
            questions = {n.value for m in item.question_markers for n in m.numbers}
            for number in answer.numbers:
                if questions and number.value not in questions:
                    expected = ", ".join(str(v) for v in sorted(questions))
                    yield context.finding(
                        number.start, number.end,
                        f"answer number does not match its question: expected {expected}, found {number.value}",
                    )
                elif not questions and number.value not in asked:
                    yield context.finding(
                        number.start, number.end,
                        f"answer {number.value} has no matching question",
                    )


RULES = [NumberingGap, DuplicateNumber, NumberOutOfOrder, NumberingStart, UnmatchedNumber, NumberingRestart]
