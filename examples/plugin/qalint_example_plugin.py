"""A minimal qalint plugin: one rule and one setting, through the same hooks
the built-in rules use."""

from qalint import Rule, hookimpl


class LongAnswer(Rule):
    """## What it does
    Reports an answer longer than `max-answer-words` words (default 400).

    ## Why it matters
    Very long answers are hard to read and often hold several answers that
    belong to separate questions.

    ## Example
    ```
    **3. Antwoord van het kabinet**
    (a 900-word answer)
    ```
    """

    code = "QA901"
    name = "long-answer"
    category = "consistency"
    severity = "info"

    def check(self, context):
        limit = context.settings.get("max-answer-words", 400)
        structure = context.structure
        doc = context.document
        for item in structure.items:
            if not item.answer_blocks or item.answer_marker is None:
                continue
            first = structure.blocks[item.answer_blocks[0]]
            last = structure.blocks[item.answer_blocks[-1]]
            text = doc.text[doc.line_starts[first.start_line]:doc.line_ends[last.end_line - 1]]
            words = len(text.split())
            if words > limit:
                marker = item.answer_marker
                yield context.finding(marker.start, marker.end, f"answer has {words} words (limit {limit})")


@hookimpl
def qalint_rules():
    return [LongAnswer]


@hookimpl
def qalint_config_schema():
    return {"max-answer-words": {"type": "integer", "minimum": 1, "default": 400}}
