"""Referrals between answers: "zie het antwoord op vraag 28" must lead somewhere."""

from __future__ import annotations

from typing import Iterable

from qalint.engine.rule import Context, Finding, Rule
from qalint.analysis.model import REFERRAL, Structure




def _own_numbers(structure: Structure, item: int | None) -> set[int]:
    return set(structure.items[item].numbers) if item is not None else set()


class BrokenReference(Rule):
    """## What it does
    Reports a referral to a question or answer number that does not exist in
    the document, in every phrasing of the layout profile: "zie (ook) het
    antwoord op vraag 91", "zie ook vraag 24", "antwoorden op vragen 62, 63 en
    64", "vragen 3 tot en met 5", "see the answer to question 12", "I refer
    the member to the answer I gave to question 4". Referrals that name
    another document ("het antwoord op vraag 3 van het lid X") are left alone,
    and so are referrals to a question that is asked but left without an
    answer (QA201 reports that question).

    ## Why it matters
    A referral that points nowhere leaves the reader without an answer.

    ## Example
    ```
    **39. Antwoord van kabinet**

    **Zie het antwoord op vraag 91.**   <- there is no answer 91
    ```
    """

    code = "QA301"
    name = "broken-reference"
    category = "reference"
    severity = "error"

    def check(self, context: Context) -> Iterable[Finding]:
        structure = context.structure
        if not structure.by_number:
            return
        # A question left without an answer exists: that is QA201's finding, not a broken referral.
        asked = {n.value for u in structure.unanswered if u.marker for n in u.marker.numbers}
        for reference in structure.references:
            for target in reference.targets:
                if target.value not in structure.by_number and target.value not in asked:
                    yield context.finding(
                        target.start, target.end,
                        f"referral to question {target.value}, which does not exist",
                    )


class SelfReference(Rule):
    """## What it does
    Reports an answer that refers to its own number.

    ## Why it matters
    "Zie het antwoord op vraag 12" inside answer 12 is a mistyped number: the
    reader is sent in a circle and the intended answer is unknown.

    ## Example
    ```
    **12. Antwoord van het kabinet**

    Zie het antwoord op vraag 12.   <- refers to itself
    ```
    """

    code = "QA302"
    name = "self-reference"
    category = "reference"
    severity = "error"

    def check(self, context: Context) -> Iterable[Finding]:
        structure = context.structure
        for reference in structure.references:
            if not reference.in_answer:
                continue
            own = _own_numbers(structure, reference.item)
            for target in reference.targets:
                if target.value in own:
                    yield context.finding(
                        target.start, target.end,
                        f"answer {target.value} refers to itself",
                    )


class ReferralChain(Rule):
    """## What it does
    Reports an answer that only refers to another answer which itself only
    refers to a third, and names the chain (a long one by its first
    answers and its last).

    ## Why it matters
    Readers following "zie vraag 41" find only "zie vraag 28"; referring to
    the final answer directly saves them a step and shows whether the chain
    ends in a real answer. An answer that already names the final target
    ("zie vragen 62, 63 en 64") is not reported.

    ## Example
    ```
    67: Zie het antwoord op vraag 41.
    41: Zie het antwoord op vraag 28.   <- chain 67 -> 41 -> 28
    ```
    """

    code = "QA303"
    name = "referral-chain"
    category = "reference"
    severity = "warning"

    def check(self, context: Context) -> Iterable[Finding]:
        structure = context.structure
        graph = context.analysis.referrals
        for reference in structure.references:
            position = reference.item
            if position is None or not reference.in_answer or structure.items[position].kind != REFERRAL:
                continue
            for target in reference.targets:
                middle = structure.by_number.get(target.value)
                if middle is None or middle == position or structure.items[middle].kind != REFERRAL:
                    continue
                end = graph.chain_end(position, middle)
                if end is None:
                    continue  # a cycle, reported by QA304
                final = structure.items[end]
                if set(final.numbers) & set(structure.items[position].referral_targets):
                    continue
                yield context.finding(
                    target.start, target.end,
                    f"referral chain {graph.walk_text([position], middle)}: refer to "
                    f"{final.numbers[0] if final.numbers else 'the final answer'} directly",
                )


class ReferralCycle(Rule):
    """## What it does
    Reports answers that only refer to each other in a circle.

    ## Why it matters
    "Zie vraag 8" in answer 7 and "zie vraag 7" in answer 8 answer neither
    question.

    ## Example
    ```
    7: Zie het antwoord op vraag 8.
    8: Zie het antwoord op vraag 7.   <- cycle 7 -> 8 -> 7
    ```
    """

    code = "QA304"
    name = "referral-cycle"
    category = "reference"
    severity = "error"

    def check(self, context: Context) -> Iterable[Finding]:
        structure = context.structure
        graph = context.analysis.referrals
        reported: set[int] = set()
        for reference in structure.references:
            position = reference.item
            if position is None or position in reported or not reference.in_answer:
                continue
            if structure.items[position].kind != REFERRAL:
                continue
            if graph.on_cycle(position) and not graph.reaches(position):
                graph.mark_reachable(position, reported)
                yield context.finding(
                    reference.start, reference.end,
                    f"referral cycle {graph.walk_text([], position)}: none of these answers the question",
                )


RULES = [BrokenReference, SelfReference, ReferralChain, ReferralCycle]
