"""Missing answers: unanswered questions, empty, placeholder and deferred answers."""

from __future__ import annotations

import re
from typing import Iterable

from qalint.analysis.model import (
    ANSWERS, DEFERRAL, DEFERRAL_NOTICE, EMPTY, PLACEHOLDER, REFERRAL, UNANSWERED_KINDS, Item, Structure,
)
from qalint.analysis.prose import mask
from qalint.source.blocks import block_span
from qalint.engine.rule import Context, Finding, Rule
from qalint.source.textutil import plain_text, word_count


_KIND_WORDS = {EMPTY: "empty", PLACEHOLDER: "a placeholder", DEFERRAL: "only a deferral"}
# Words a line next to a placeholder has when it is prose, not a table cell.
_PROSE_WORDS = 4
# Longest line that can still be only a placeholder ("TODO" and a short note, in markup).
_PLACEHOLDER_CHARS = 100


def _answer_name(item: Item) -> str:
    numbers = item.numbers
    return f"answer {numbers[0]}" if numbers else "the answer"


class UnansweredQuestion(Rule):
    """## What it does
    Reports a question block that no answer follows before the next question,
    the next section heading or the end of the document. Where questions are
    unnumbered paragraphs, also the question whose answer went missing: one
    answer number is skipped (no duplicate explains it) and the question
    block before the next answer holds two questions.

    ## Why it matters
    A question left without an answer is the defect a committee clerk most
    needs to catch before a report is sent; in datasets it silently pairs
    the question with the wrong answer.

    Only in documents that answer questions: the questions as submitted
    (no answer markers at all) and deferral notices are not reported here.

    ## Example
    ```
    Welke kosten zijn hiermee gemoeid?      <- no answer follows

    ### Inbreng van de leden van de D66-fractie
    ```
    """

    code = "QA201"
    name = "unanswered-question"
    category = "missing-answer"
    severity = "error"

    def check(self, context: Context) -> Iterable[Finding]:
        if context.structure.kind != ANSWERS:
            return
        for unanswered in context.structure.unanswered:
            if unanswered.marker is not None:
                start, end = unanswered.marker.start, unanswered.marker.end
            elif unanswered.blocks:
                start, end = context.block_line_span(unanswered.blocks[0])
            else:
                continue
            yield context.finding(start, end, "question has no answer")
        yield from self._lost_answers(context)

    def _lost_answers(self, context: Context) -> Iterable[Finding]:
        """Where questions are unnumbered paragraphs and one answer number is
        missing, the question block before the next answer holds two
        questions: the first lost its answer."""
        for item, missing in context.analysis.lost_answers:
            start, end = context.block_line_span(item.question_blocks[0])
            yield context.finding(start, end, f"question has no answer (answer {missing} is missing)")


class EmptyAnswer(Rule):
    """## What it does
    Reports an answer marker with nothing after it: the next question, section
    or the end of the document follows directly.

    ## Why it matters
    An empty answer is an answer that was never written or was lost in
    conversion.

    ## Example
    ```
    **12. Antwoord van het kabinet**

    De leden van de D66-fractie vragen ...   <- the next question, no answer
    ```
    """

    code = "QA202"
    name = "empty-answer"
    category = "missing-answer"
    severity = "error"

    def check(self, context: Context) -> Iterable[Finding]:
        for item in context.structure.items:
            if item.kind == EMPTY and item.answer_marker is not None:
                marker = item.answer_marker
                yield context.finding(marker.start, marker.end, f"{_answer_name(item)} is empty")


class _AnswerKindRule(Rule):
    """Reports answers the structure classified as `answer_kind`, at the
    first line of the answer text."""

    category = "missing-answer"
    answer_kind = ""
    description = ""

    def check(self, context: Context) -> Iterable[Finding]:
        for item in context.structure.items:
            if item.kind == self.answer_kind and item.answer_blocks:
                start, end = context.block_line_span(item.answer_blocks[0])
                yield context.finding(start, end, f"{_answer_name(item)} {self.description}")


class PlaceholderAnswer(_AnswerKindRule):
    """## What it does
    Reports an answer that is only a placeholder: `PM`, `p.m.`, `TODO`, `...`,
    `[nog te beantwoorden]`, `Volgt.`, `N.t.b.`, `(antwoord volgt)`, in any
    markup; in a longer answer, a paragraph (or line) that is nothing but a
    placeholder: `PM`, `TODO`, `[invullen]`, `XXX`; and a placeholder inside
    a sentence: `[insert figure]`, `[invullen: bedrag]`, `in xxxx 2026`,
    `TBC`. The profile of the layout lists the placeholders.

    ## Why it matters
    Placeholders are left in drafts under deadline; a report sent with one
    has an unanswered question that looks answered, or an answer with a
    part still missing.

    ## Example
    ```
    **7. Antwoord van het kabinet**

    **PM**
    ```
    """

    code = "QA203"
    name = "placeholder-answer"
    severity = "error"
    answer_kind = PLACEHOLDER
    description = "is a placeholder"

    def check(self, context: Context) -> Iterable[Finding]:
        yield from super().check(context)
        for item in context.structure.items:
            if item.kind == PLACEHOLDER:
                continue
            found = list(self._placeholder_lines(context, item))
            yield from found
            yield from self._inline(context, item, [(f.start, f.end) for f in found])

    @staticmethod
    def _placeholder_lines(context: Context, item) -> Iterable[Finding]:
        """Paragraphs or lines of a longer answer that are only a placeholder."""
        pattern = context.profile.paragraph_placeholder_regex
        if pattern is None:
            return
        doc = context.document
        content = context.structure.content_starts.get(item.answer_blocks[0]) if item.answer_blocks else None
        for block in item.answer_blocks:
            lines = range(context.structure.blocks[block].start_line, context.structure.blocks[block].end_line)
            for line in lines:
                if doc.line_ends[line] - doc.line_starts[line] > _PLACEHOLDER_CHARS:
                    continue  # prose, not a placeholder
                start, end = context.line_span(line)
                start = max(start, content or start)
                if start < end and pattern.match(plain_text(doc.text[start:end])) and _stands_alone(doc, line):
                    yield context.finding(start, end, f"{_answer_name(item)} holds a placeholder: {doc.text[start:end]!r}")

    @staticmethod
    def _inline(context: Context, item, reported: list[tuple[int, int]]) -> Iterable[Finding]:
        """Placeholders inside the answer's sentences ("[insert figure]", "in
        xxxx"), not in code, links or addresses (a block is masked only when
        the pattern is found in it)."""
        patterns = context.profile.inline_placeholder_regexes
        doc = context.document
        for block in item.answer_blocks if patterns else ():
            base, end = block_span(doc, context.structure.blocks[block])
            raw = doc.text[base:end]
            matches = sorted((m for pattern in patterns for m in pattern.finditer(raw)), key=lambda m: m.start())
            masked = mask(raw) if matches else raw
            for match in matches:
                start = base + match.start()
                if masked[match.start():match.end()] == match.group() and not any(a <= start < b for a, b in reported):
                    reported.append((start, base + match.end()))
                    yield context.finding(start, base + match.end(), f"{_answer_name(item)} holds a placeholder: {match.group()!r}")


def _stands_alone(doc, line: int) -> bool:
    """A line of its own between prose (or a paragraph of its own), not a
    cell of a flattened table, where "p.m." is an amount: no short line right
    next to it, and no number cell among the two lines of text either side.
    The lines around count whatever block the parser put them in: a table's
    number lines may have been taken for markers."""
    for step in (-1, 1):
        seen, neighbour = 0, line + step
        while seen < 2 and 0 <= neighbour < doc.line_count and abs(neighbour - line) <= _TABLE_REACH:
            text = doc.line_text(neighbour).strip()
            if text:
                if _NUMBER_CELL.match(text) or (abs(neighbour - line) == 1 and word_count(text, _PROSE_WORDS) < _PROSE_WORDS):
                    return False
                seen += 1
            neighbour += step
    return True


# A cell of a flattened table: an amount, a year, a percentage.
_NUMBER_CELL = re.compile(r"^[\d.,%€$£ -]++$")
# Lines either way in which the cells of a flattened table are looked for.
_TABLE_REACH = 4


class HeaderPlaceholder(Rule):
    """## What it does
    Reports unfilled placeholders in the title block: `Vastgesteld .....`,
    `bij brief van ...`, `Nr.` without a number, `.. xxxx 2025`.

    ## Why it matters
    The title block identifies the document; a report published with
    placeholders there cannot be cited or filed.

    ## Example
    ```
    **Nr.                VERSLAG**      <- Nr. without a number
    Vastgesteld .....                    <- no date
    ```
    """

    code = "QA204"
    name = "header-placeholder"
    category = "missing-answer"
    severity = "warning"

    def check(self, context: Context) -> Iterable[Finding]:
        patterns = context.profile.header_placeholder_regexes
        structure = context.structure
        doc = context.document
        for index in structure.header_blocks:
            block = structure.blocks[index]
            for line_index in range(block.start_line, block.end_line):
                base = doc.line_starts[line_index]
                line = doc.line_text(line_index)
                spans = sorted({
                    match.span("p") if "p" in match.re.groupindex else match.span()
                    for pattern in patterns for match in pattern.finditer(line)
                })
                for start, end in spans:
                    yield context.finding(
                        base + start, base + end,
                        f"unfilled placeholder in the title block: {line[start:end].strip()!r}",
                    )


class DeferredAnswer(_AnswerKindRule):
    """## What it does
    Reports an answer that only promises a later answer ("U wordt hierover
    separaat geïnformeerd", "volgt in een afzonderlijke brief", "I will write
    to the member"). An answer that says something and also promises a letter
    is not reported.

    ## Why it matters
    A deferral is a question left open. Reported as `info` so that teams can
    choose to gate on it with `--severity QA205=error`.

    ## Example
    ```
    **2. Antwoord van het kabinet**

    Het antwoord op deze vraag volgt in een afzonderlijke brief.
    ```
    """

    code = "QA205"
    name = "deferred-answer"
    severity = "info"
    answer_kind = DEFERRAL
    description = "only promises a later answer"


class DeferralNotice(Rule):
    """## What it does
    Reports, once, a document that is a deferral notice: the questions are
    listed, no answer marker follows, and a notice says the answers are
    postponed ("kunnen niet binnen de gebruikelijke termijn worden
    beantwoord", "Ik streef ernaar de vragen zo spoedig mogelijk te
    beantwoorden"). Its questions are not reported as unanswered.

    ## Why it matters
    A deferral notice is an open promise: teams that track answers want to
    know the questions are still open, without one error per question.
    Reported as `info`; gate on it with `--severity QA207=warning`.

    ## Example
    ```
    Vraag 9
    Gaat u in overleg met de NZa?
    Mededeling
    De vragen ... kunnen niet binnen de gebruikelijke termijn worden beantwoord.
    ```
    """

    code = "QA207"
    name = "deferral-notice"
    category = "missing-answer"
    severity = "info"

    def check(self, context: Context) -> Iterable[Finding]:
        structure = context.structure
        if structure.kind != DEFERRAL_NOTICE:
            return
        count = len(structure.items) + len(structure.unanswered)
        if structure.notice is not None:
            start, end = structure.notice
        else:
            start, end = context.line_span(0)
        questions = f"{count} question{'s' if count != 1 else ''}"
        yield context.finding(start, end, f"deferral notice: the answers to {questions} are postponed")


class ReferralToUnanswered(Rule):
    """## What it does
    Reports an answer that only refers to other answers when every answer it
    leads to is itself empty, a placeholder or a deferral.

    ## Why it matters
    "Zie het antwoord op vraag 2", where answer 2 only says that a letter
    will follow, leaves the question unanswered although it looks answered.
    A real list of questions had three such answers.

    ## Example
    ```
    2  ... Het antwoord volgt in een afzonderlijke brief.
    3  ... Zie het antwoord op vraag 2.     <- leads only to a deferral
    ```
    """

    code = "QA206"
    name = "referral-to-unanswered"
    category = "missing-answer"
    severity = "warning"

    def check(self, context: Context) -> Iterable[Finding]:
        structure = context.structure
        first_reference = _first_reference_per_item(structure)
        graph = context.analysis.referrals
        for position, item in enumerate(structure.items):
            if item.kind != REFERRAL or position not in first_reference:
                continue
            reached = graph.reaches(position)
            if reached and all(structure.items[t].kind in UNANSWERED_KINDS for t in reached):
                ends = sorted({structure.items[t].numbers[0] for t in reached if structure.items[t].numbers})
                kinds = sorted({_KIND_WORDS[structure.items[t].kind] for t in reached})
                reference = first_reference[position]
                yield context.finding(
                    reference.start, reference.end,
                    f"{_answer_name(item)} only refers to answer {', '.join(map(str, ends))}, "
                    f"which is {' or '.join(kinds)}",
                )


def _first_reference_per_item(structure: Structure) -> dict:
    first: dict = {}
    for reference in structure.references:
        if reference.in_answer and reference.item is not None:
            first.setdefault(reference.item, reference)
    return first


RULES = [
    UnansweredQuestion, EmptyAnswer, PlaceholderAnswer, HeaderPlaceholder, DeferredAnswer, ReferralToUnanswered,
    DeferralNotice,
]
