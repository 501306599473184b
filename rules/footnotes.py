"""Footnotes and links: every marker has its note, every note its marker."""

from __future__ import annotations

import re
from typing import Iterable

from qalint.source.blocks import HEADING, HTML, PARAGRAPH, block_span
from qalint.engine.rule import Context, Finding, Rule
from qalint.analysis.model import FootnoteMark
from qalint.source.textutil import plain_text

# `m<sup>2</sup>` and `km<sup>3</sup>` are units, not footnotes.
_UNIT_BEFORE = re.compile(r"\b(?:[kcdmµ]?m|ft|in)<sup>\s*$")


def _markers(context: Context) -> list[FootnoteMark]:
    doc = context.document
    return [
        m for m in context.structure.footnote_markers
        if not _UNIT_BEFORE.search(doc.text[max(0, m.start - 12):m.start])
    ]


class UndefinedFootnote(Rule):
    """## What it does
    Reports a footnote marker (`<sup>3</sup>`, `[^3]`, `³`) with no footnote
    definition anywhere in the document.

    ## Why it matters
    Footnotes carry the sources (Kamerstukken, URLs). A marker whose note was
    lost in conversion cites nothing.

    ## Example
    ```
    ... een verklaring uitgebracht<sup>3</sup>.   <- no "<sup>3</sup> ..." note
    ```
    """

    code = "QA311"
    name = "undefined-footnote"
    category = "reference"
    severity = "error"

    def check(self, context: Context) -> Iterable[Finding]:
        defined = {d.label for d in context.structure.footnote_definitions}
        for marker in _markers(context):
            if marker.label not in defined:
                yield context.finding(marker.start, marker.end, f"footnote {marker.label} has no definition")


class UnusedFootnote(Rule):
    """## What it does
    Reports a footnote definition that no marker in the text refers to.

    ## Why it matters
    An orphaned note means its marker was deleted or mistyped; the source it
    names no longer supports any statement.

    ## Example
    ```
    ---
    <sup>4</sup> Kamerstuk 29 754, nr. 507     <- no <sup>4</sup> in the text
    ```
    """

    code = "QA312"
    name = "unused-footnote"
    category = "reference"
    severity = "warning"

    def check(self, context: Context) -> Iterable[Finding]:
        used = {m.label for m in _markers(context)}
        for definition in context.structure.footnote_definitions:
            if definition.label not in used:
                yield context.finding(
                    definition.start, definition.end, f"footnote {definition.label} is never referred to"
                )


class DuplicateFootnote(Rule):
    """## What it does
    Reports a footnote number defined more than once.

    ## Why it matters
    With two notes numbered 5 a reader cannot tell which source a marker
    cites.

    ## Example
    ```
    <sup>5</sup> Kamerstuk 29 754, nr. 507
    <sup>5</sup> Kamerstuk 29 754, nr. 524     <- second definition of 5
    ```
    """

    code = "QA313"
    name = "duplicate-footnote"
    category = "reference"
    severity = "error"

    def check(self, context: Context) -> Iterable[Finding]:
        first_line: dict[str, int] = {}
        for definition in context.structure.footnote_definitions:
            if definition.label in first_line:
                yield context.finding(
                    definition.start, definition.end,
                    f"footnote {definition.label} is defined again (first at line {first_line[definition.label]})",
                )
            else:
                first_line[definition.label] = context.document.position(definition.start).line


class FootnoteOrder(Rule):
    """## What it does
    Reports numbered footnote markers that appear out of sequence: the first
    use of each note should follow 1, 2, 3 ... through the text.

    ## Why it matters
    Out-of-sequence markers show that text was moved or a note renumbered by
    hand, and often that a marker points to the wrong note.

    ## Example
    ```
    ...uitgebracht<sup>2</sup> ... zie<sup>4</sup> ... later<sup>3</sup>
    ```
    """

    code = "QA314"
    name = "footnote-order"
    category = "reference"
    severity = "warning"

    def check(self, context: Context) -> Iterable[Finding]:
        defined = {d.label for d in context.structure.footnote_definitions}
        seen: set[str] = set()
        last = 0
        for marker in _markers(context):
            if marker.label in seen or marker.label not in defined or not marker.label.isdigit():
                continue
            seen.add(marker.label)
            value = int(marker.label)
            if value != last + 1:
                yield context.finding(
                    marker.start, marker.end,
                    f"footnote out of sequence: expected {last + 1}, found {value}",
                )
            last = max(last, value)


_REFERENCE_LINK = re.compile(r"(?<![\\\]])\[([^\[\]\n]+)\]\[([^\[\]\n]*)\](?![(:])")
_ANCHOR_LINK = re.compile(r"\]\(#([^)\s]+)\)")
_EXPLICIT_ANCHOR = re.compile(r"""<a\s[^>]*?(?:name|id)\s*=\s*["']([^"']+)["']|\{#([\w-]+)\}""")
_SLUG_DROP = re.compile(r"[^\w\- ]", re.UNICODE)


def _label(text: str) -> str:
    return " ".join(text.lower().split())


def heading_slug(text: str) -> str:
    """The anchor GitHub and most renderers give a heading."""
    return _SLUG_DROP.sub("", plain_text(text).lower()).replace(" ", "-")


class _LinkRule(Rule):
    category = "reference"
    severity = "error"

    @staticmethod
    def paragraphs(context: Context):
        doc = context.document
        for block in context.structure.blocks:
            if block.kind in (PARAGRAPH, HEADING):
                start, end = block_span(doc, block)
                yield start, doc.text[start:end]


class UndefinedLinkReference(_LinkRule):
    """## What it does
    Reports a Markdown reference link (`[text][label]`, `[label][]`) whose
    label has no definition (`[label]: https://...`).

    ## Why it matters
    Renderers print an undefined reference link as plain brackets: the link,
    often the source of a claim, is gone.

    ## Example
    ```
    Zie het [rapport][ar2020].      <- no "[ar2020]: ..." definition
    ```
    """

    code = "QA321"
    name = "undefined-link-reference"

    def check(self, context: Context) -> Iterable[Finding]:
        if not context.document.is_markdown or "][" not in context.document.text:
            return
        defined = context.document.link_references
        for base, text in self.paragraphs(context):
            for match in _REFERENCE_LINK.finditer(text):
                label = match.group(2) or match.group(1)
                if _label(label).upper() not in defined and _label(label) not in defined:
                    yield context.finding(
                        base + match.start(), base + match.end(),
                        f"link reference [{label}] is not defined",
                    )


class BrokenAnchor(_LinkRule):
    """## What it does
    Reports a link to `#anchor` when no heading or explicit anchor in the
    document has that name.

    ## Why it matters
    Tables of contents and "see section" links break silently when a heading
    is renamed.

    ## Example
    ```
    [Inbreng D66](#inbreng-d66)     <- no heading "Inbreng D66"
    ```
    """

    code = "QA322"
    name = "broken-anchor"

    def check(self, context: Context) -> Iterable[Finding]:
        doc = context.document
        if not doc.is_markdown or "](#" not in doc.text:
            return
        anchors = set()
        for block in context.structure.blocks:
            start, end = block_span(doc, block)
            if block.kind == HEADING:
                anchors.add(heading_slug(doc.text[start:end]))
            if block.kind in (HTML, PARAGRAPH, HEADING):
                for match in _EXPLICIT_ANCHOR.finditer(doc.text, start, end):
                    anchors.add((match.group(1) or match.group(2)).lower())
        for base, text in self.paragraphs(context):
            for match in _ANCHOR_LINK.finditer(text):
                anchor = match.group(1)
                if anchor.lower() not in anchors:
                    yield context.finding(
                        base + match.start(1) - 1, base + match.end(1),
                        f"link to #{anchor}, which no heading or anchor defines",
                    )


RULES = [
    UndefinedFootnote, UnusedFootnote, DuplicateFootnote, FootnoteOrder,
    UndefinedLinkReference, BrokenAnchor,
]
