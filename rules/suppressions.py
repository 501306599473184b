"""Suppression comments that suppress nothing or that qalint cannot read.

Both rules run after the engine matched the other rules' findings against
the comments (`after_suppressions`), and read what it found on
`context.suppressions`."""

from __future__ import annotations

from typing import Iterable

from qalint.engine.rule import Context, Finding, Rule
from qalint.engine.suppressions import KINDS


class UnusedSuppression(Rule):
    """## What it does
    Reports a `<!-- qalint: disable... -->` comment that suppressed no
    finding, or that names a rule code qalint does not know. It runs after
    all other rules, once their findings met the comments, like ruff's
    unused-noqa.

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
    after_suppressions = True

    def check(self, context: Context) -> Iterable[Finding]:
        analysis = context.suppressions
        for directive in analysis.directives if analysis else ():
            if not directive.known:
                continue  # QA002's
            unknown = analysis.unknown_rules(directive)
            if unknown:
                yield context.finding(directive.start, directive.end,
                                      f"suppression names unknown rule {', '.join(unknown)}")
            elif not directive.used:
                what = ", ".join(sorted(directive.codes)) if directive.codes else "any rule"
                yield context.finding(directive.start, directive.end, f"suppression of {what} suppresses nothing")


class UnknownDirective(Rule):
    """## What it does
    Reports a `<!-- qalint: ... -->` comment whose directive is none of
    `disable`, `enable`, `disable-next-line`, `disable-line` and
    `disable-file` (a misspelling such as `disable-nextline`), with the
    directive it probably meant. Like QA001, no comment suppresses it.

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
    after_suppressions = True

    def check(self, context: Context) -> Iterable[Finding]:
        analysis = context.suppressions
        for directive in analysis.directives if analysis else ():
            if directive.known:
                continue
            close = directive.suggestion()
            hint = f"; did you mean {close!r}?" if close else f" (known: {', '.join(KINDS)})"
            yield context.finding(directive.start, directive.end,
                                  f"unknown suppression directive {directive.kind!r}{hint}")


RULES = [UnusedSuppression, UnknownDirective]
