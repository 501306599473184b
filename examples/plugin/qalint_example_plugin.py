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
        for item in context.structure.items:
            if item.answer_marker is None:
                continue
            words = len(context.blocks_text(item.answer_blocks).split())
            if words > limit:
                marker = item.answer_marker
                yield context.finding(marker.start, marker.end, f"answer has {words} words (limit {limit})")


@hookimpl
def qalint_rules():
    return [LongAnswer]


@hookimpl
def qalint_config_schema():
    return {"max-answer-words": {"type": "integer", "minimum": 1, "default": 400}}
