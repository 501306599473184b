"""Conversion damage to the Q&A structure: a marker glued to a page footer."""

from __future__ import annotations

from typing import Iterable

from qalint.engine.rule import Context, Finding, Fix, Rule


class GluedMarker(Rule):
    """## What it does
    Reports a question or answer marker that the conversion glued to page
    header or footer text on the same line (`...vergaderjaar 2024–2025,
    Aanhangsel 1Antwoord 3`). qalint still reads the marker; the fix puts it
    on a line of its own.

    ## Why it matters
    A reader, a search index or a Q&A pipeline that looks for markers at the
    start of a line loses the answer: it seems to belong to the question
    before it. The fix is safe: it only inserts a line break.

    ## Example
    ```
    ISSN 0921 - 7398’s-Gravenhage 2024Tweede Kamer, vergaderjaar 2024–2025, Aanhangsel 1Antwoord 3
    ```
    """

    code = "QA515"
    name = "glued-marker"
    category = "consistency"
    severity = "warning"
    fix_safety = "safe"

    def check(self, context: Context) -> Iterable[Finding]:
        structure = context.structure
        newline = context.document.newline
        for marker in structure.answer_markers + structure.question_markers:
            if marker.glued is None:
                continue
            noun = "answer" if marker.kind == "answer" else "question"
            # The marker only, without the question or answer text on its line.
            end = min(marker.end, structure.content_starts.get(marker.block, marker.end))
            text = context.document.text[marker.start:end].rstrip()
            end = marker.start + len(text)
            fix = Fix("put the marker on its own line", (context.edit(marker.start, marker.start, newline),))
            yield context.finding(marker.start, end, f"{noun} marker {text!r} glued to page footer text", fix=fix)


RULES = [GluedMarker]
