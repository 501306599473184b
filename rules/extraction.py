"""Damage done to words by PDF and Word text extraction: words run together,
words broken at a line end, text cut off, invisible characters left inside
words. The words are found by the spelling analysis
(`context.analysis.spelling`), so the spelling rules do not report them a
second time."""

from __future__ import annotations

import re
from typing import Iterable

from qalint.engine.rule import Context, Finding, Fix, Rule

from qalint.spelling.wordbreaks import INVISIBLE, LINE_BREAK, RUN_TOGETHER, Repair


def repair_finding(context: Context, repair: Repair, message: str) -> Finding:
    """A finding over the repaired span, with the repair as suggestion and fix."""
    fix = Fix(f"write {repair.fixed}", (context.edit(repair.start, repair.end, repair.fixed),), safe=repair.safe)
    suggestions = [repair.fixed, *repair.alternatives][:3]
    return context.finding(repair.start, repair.end, message, suggestions, fix)


class _RepairRule(Rule):
    """Reports the repairs of one kind the spelling analysis found."""

    kind = ""
    message = ""  # with {written} and {fixed}

    def check(self, context: Context) -> Iterable[Finding]:
        for repair in context.analysis.spelling.repairs:
            if repair.kind == self.kind:
                yield repair_finding(context, repair, self.message.format(written=repair.written, fixed=repair.fixed))


class RunTogetherWords(_RepairRule):
    """## What it does
    Reports a token that is no word but two (or three) words run together
    by the extraction (`vanhet`, `kunnenworden`, `deSecretaris`), with the
    split as suggestion and fix. A split needs evidence: a frequent function
    word of the language (`van`, `het`, `de`, `u`), an inflected adjective
    before a word (`passende oplossing`), or the document writing the words
    apart more often. Compounds the dictionary or the compound rules accept
    are never split (`beleidsevaluatie`), nor code in the prose
    (`isValid()`). In a document where little else is run together, a
    split with one function word is only a suggestion of QA401
    (`miniter`: `minister`, `mini ter`).

    ## Why it matters
    Run-together words defeat search and every word count, and reported as
    unknown words they bury the real typos. The fix is safe when the split is
    the only plausible one of two dictionary words with a function word and
    no dictionary word is one letter away; otherwise it is unsafe.

    ## Example
    ```
    de verantwoordelijkheid ligt bijhet ziekenhuis   ->   bij het
    ```
    """

    code = "QA511"
    name = "run-together-words"
    category = "consistency"
    severity = "warning"
    fix_safety = "safe"
    kind = RUN_TOGETHER
    message = "words run together: {written!r} is {fixed!r}"


class LineEndBreak(_RepairRule):
    """## What it does
    Reports a word broken at a line end without a hyphen (`verplich` /
    `tingen`) where the joined word is a dictionary word; the fix joins the
    halves. It is safe when neither half is a word on its own.

    ## Why it matters
    Each half is read as a word of its own by search, by word counts and by
    the spelling check, which would report two unknown words.

    ## Example
    ```
    de verplich
    tingen van de lidstaten   ->   verplichtingen
    ```
    """

    code = "QA512"
    name = "line-end-break"
    category = "consistency"
    severity = "warning"
    fix_safety = "safe"
    kind = LINE_BREAK
    message = "word broken at a line end: {fixed!r}"


class TruncatedText(Rule):
    """## What it does
    Reports a question, an answer or a document that stops mid-word: no
    closing punctuation and a last word that no dictionary knows (`... de
    Turkse terri`).

    ## Why it matters
    Text cut off by the extraction or by a copy is lost to every reader; a
    spelling check would call it a typo and hide that something is missing.

    ## Example
    ```
    Vraag 3
    Wat is uw oordeel over de bezetting van het terri
    ```
    """

    code = "QA513"
    name = "truncated-text"
    category = "consistency"
    severity = "warning"

    def check(self, context: Context) -> Iterable[Finding]:
        for start, end, part in context.analysis.spelling.truncated:
            word = context.document.text[start:end]
            yield context.finding(start, end, f"{part} ends mid-word: {word!r} (text cut off?)")


# An invisible character between two letters ("internatio\u00adnaal").
_INSIDE_WORD = re.compile(r"(?<=[^\W\d_])" + INVISIBLE.pattern + r"+(?=[^\W\d_])")


class InvisibleCharacters(Rule):
    """## What it does
    Reports, once per document, soft hyphens (U+00AD) and zero-width
    characters inside words, left by conversion. The spelling rules check
    the words without them; the fix removes them (safe: nothing visible
    changes). Non-breaking spaces are not reported: inside a number
    (`33 694`) they belong to it.

    ## Why it matters
    The words look right but are not found by search, by word counts or by
    a reader's copy and paste.

    ## Example
    ```
    internatio\\u00adnaal   ->   internationaal
    ```
    """

    code = "QA514"
    name = "invisible-characters"
    category = "consistency"
    severity = "warning"
    fix_safety = "safe"

    def check(self, context: Context) -> Iterable[Finding]:
        text = context.document.text
        if not INVISIBLE.search(text):
            return
        matches = list(_INSIDE_WORD.finditer(text))
        if not matches:
            return
        count = sum(len(m.group()) for m in matches)
        edits = tuple(context.edit(m.start(), m.end(), "") for m in matches)
        fix = Fix("remove the invisible characters inside words", edits, safe=True)
        first = matches[0]
        yield context.finding(
            first.start(), first.end(),
            f"{count} soft hyphen{'s' if count != 1 else ''} or zero-width character{'s' if count != 1 else ''} inside words",
            fix=fix,
        )


RULES = [RunTogetherWords, LineEndBreak, TruncatedText, InvisibleCharacters]
