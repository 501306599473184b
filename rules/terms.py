"""Term variants: one term, written in several ways (QA503)."""

from __future__ import annotations

from typing import Iterable

from qalint.engine.rule import Context, Finding, Fix, Rule


class TermVariant(Rule):
    """## What it does
    Reports a term written in several forms that differ only in hyphens,
    spaces or case (`Open Skies-verdrag` beside `Open Skies verdrag`,
    `defensieministers` beside `defensie-ministers`): each form used less
    often than the most common one, with the most common one as suggestion.
    Forms that differ in a linking `s` (`Halfjaarrapportage` beside
    `Halfjaarsrapportage`) are decided by the dictionary when it knows only
    one of them, else by use.

    ## Why it matters
    Variants split search results and indexes. Which form is right is a
    judgement, so the finding is `info` and its fix is unsafe.

    ## Example
    ```
    het Open Skies verdrag ... het Open Skies verdrag ... het Open Skies-verdrag
                                                              ^^^^^^^^^^^^^ also written "Skies verdrag"
    ```
    """

    code = "QA503"
    name = "term-variant"
    category = "consistency"
    severity = "info"
    fix_safety = "unsafe"

    def check(self, context: Context) -> Iterable[Finding]:
        for variant in context.analysis.term_variants:
            start, end, replacement = variant.start, variant.end, variant.replacement
            fix = Fix(f"write {replacement}", (context.edit(start, end, replacement),), safe=False)
            message = f"{variant.original!r} is also written {variant.other!r} ({variant.reason})"
            yield context.finding(start, end, message, [replacement], fix)


RULES = [TermVariant]
