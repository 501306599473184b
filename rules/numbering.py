"""Numbering rules: answer (and question) numbers run 1, 2, 3 ... once each."""

from __future__ import annotations

from typing import Iterable

from qalint.analysis.model import NumberRef
from qalint.analysis.numbering import DUPLICATE, GAP, ORDER, RESTART, START
from qalint.engine.rule import Context, Finding, Fix, Rule


class _SequenceRule(Rule):
    """Reports the breaks of one kind in the numbering the analysis found."""

    category = "numbering"
    severity = "error"
    problem_kind = ""
    # Worded from the break: {noun}, {expected}, {found}.
    message = ""

    fix_safety = "unsafe"

    def check(self, context: Context) -> Iterable[Finding]:
        numbering = context.analysis.numbering(context.settings.get("numbering-start", 1))
        breaks = numbering.breaks
        # One renumbering fixes every break: it rides on the first one.
        first = min((b for b in breaks if b.kind != RESTART), key=lambda b: b.number.start, default=None)
        for found in breaks:
            if found.kind == self.problem_kind:
                fix = _renumbering_fix(context, numbering.renumbering) if found is first else None
                message = self.message.format(noun=found.noun, expected=found.expected, found=found.number.value)
                yield context.finding(found.number.start, found.number.end, message, fix=fix)


def _renumbering_fix(context: Context, renumbering: list[tuple[NumberRef, int]] | None) -> Fix | None:
    """Number the items in document order and rewrite every referral to a renumbered item."""
    if not renumbering:
        return None
    edits = tuple(context.edit(number.start, number.end, str(wanted)) for number, wanted in renumbering)
    return Fix("renumber the items and the referrals to them", edits, safe=False)


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
    problem_kind = GAP
    message = "{noun} number skipped: expected {expected}, found {found}"


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
    problem_kind = DUPLICATE
    message = "duplicate {noun} number: expected {expected}, found {found} again"


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
    problem_kind = ORDER
    message = "{noun} number out of order: expected {expected}, found {found}"


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
    problem_kind = START
    message = "{noun} numbering starts at {found}: expected {expected}"


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
    problem_kind = RESTART
    message = "{noun} numbering restarts: expected {expected}, found {found}"
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
        analysis = context.analysis
        for marker in analysis.questionless_answers:
            yield context.finding(marker.start, marker.end, "answer has no question before it")
        for mismatch in analysis.mismatched_answers:
            number = mismatch.number
            if mismatch.questions:
                expected = ", ".join(str(v) for v in mismatch.questions)
                message = f"answer number does not match its question: expected {expected}, found {number.value}"
            else:
                message = f"answer {number.value} has no matching question"
            yield context.finding(number.start, number.end, message)


RULES = [NumberingGap, DuplicateNumber, NumberOutOfOrder, NumberingStart, UnmatchedNumber, NumberingRestart]
