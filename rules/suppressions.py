"""Suppression comments that suppress nothing or that qalint cannot read."""

from __future__ import annotations

from typing import Iterable

from qalint.engine.rule import Context, Finding, Rule


class UnusedSuppression(Rule):
    """## What it does
    Reports a `<!-- qalint: disable... -->` comment that suppressed no
    finding, or that names a rule code qalint does not know. The engine
    reports this after all other rules ran, like ruff's unused-noqa.

    ## Why it matters
    Stale suppressions hide future defects on their lines and mislead the
    next editor into thinking a problem is known and accepted.

    ## Example
    ```
    <!-- qalint: disable-next-line=QA301 -->
    Zie het antwoord op vraag 28.          <- answer 28 exists: nothing to suppress
    ```
    """

    code = "QA001"
    name = "unused-suppression"
    category = "consistency"
    severity = "warning"

    def check(self, context: Context) -> Iterable[Finding]:
        # Findings come from the engine once it knows which comments were used.
        return ()


class UnknownDirective(Rule):
    """## What it does
    Reports a `<!-- qalint: ... -->` comment whose directive is none of
    `disable`, `enable`, `disable-next-line`, `disable-line` and
    `disable-file` (a misspelling such as `disable-nextline`), with the
    directive it probably meant. The engine reports it, like QA001.

    ## Why it matters
    A misspelled directive suppresses nothing, silently: the findings it was
    meant to hide come back, or worse, the writer believes a rule is off.

    ## Example
    ```
    <!-- qalint: disable-nextline=QA101 -->   <- did you mean 'disable-next-line'?
    ```
    """

    code = "QA002"
    name = "unknown-directive"
    category = "consistency"
    severity = "warning"

    def check(self, context: Context) -> Iterable[Finding]:
        return ()  # reported by the engine, which reads the comments


RULES = [UnusedSuppression, UnknownDirective]
