"""Conversion damage: what PDF and HTML conversion leave behind."""

from __future__ import annotations

import re
from typing import Iterable

from qalint.analysis.page_breaks import furniture_lines, notes_start
from qalint.source.blocks import HEADING, PARAGRAPH, RULE, block_span
from qalint.engine.rule import Context, Finding, Fix, Rule
from qalint.source.textutil import breaks_off, plain_text, starts_lowercase

from .extraction import repair_finding
from qalint.languages import conjunctions
from qalint.spelling.wordbreaks import HYPHENATION

class SplitParagraph(Rule):
    """## What it does
    Reports a paragraph cut in two by a page break during conversion: it ends
    without closing punctuation and the next paragraph starts in lower case,
    possibly after the page's footnotes and the next page's running footer
    (which a plain-text extraction keeps inside the paragraphs, with no blank
    line). The fix joins the halves and moves what stood between them after
    the joined paragraph.

    ## Why it matters
    Split paragraphs break sentences for readers, search and any pipeline
    that works per paragraph. The fix is safe: it only moves text.

    ## Example
    ```
    Uiteraard is er in de

    tussenrapportage aandacht besteed aan ...
    ```
    """

    code = "QA506"
    name = "split-paragraph"
    category = "consistency"
    severity = "warning"
    fix_safety = "safe"

    def check(self, context: Context) -> Iterable[Finding]:
        doc, profile = context.document, context.profile
        structure = context.structure
        blocks = structure.blocks
        markers = {m.block for m in structure.answer_markers + structure.question_markers}
        definitions = {doc.line_of(d.start) for d in structure.footnote_definitions}

        def paragraph(index: int) -> bool:
            block = blocks[index]
            return block.kind == PARAGRAPH and not block.in_container

        def between(index: int) -> bool:  # footnotes, thematic breaks, page furniture
            block = blocks[index]
            return block.kind == RULE or block.start_line in definitions or \
                furniture_lines(doc, profile, block) == block.end_line - block.start_line

        for index in range(len(blocks) - 1):
            if not paragraph(index):
                continue
            following = index + 1
            while following < len(blocks) and between(following):
                following += 1
            if following == len(blocks) or not paragraph(following) or following in markers:
                continue
            first, second = blocks[index], blocks[following]
            head = second.start_line + furniture_lines(doc, profile, second)
            # Footnotes end a page only where furniture opens the next one.
            first_end = notes_start(doc, first) if head > second.start_line else first.end_line
            # A marker's block is a first half when text follows the marker ("Antwoord 3" / "De eerste ...").
            if index in markers and first_end - first.start_line < 2:
                continue
            if breaks_off(self._plain(doc, first.start_line, first_end)) and \
                    starts_lowercase(self._plain(doc, head, second.end_line)):
                yield self._finding(context, (first.start_line, first_end), (head, second.end_line))

    @staticmethod
    def _plain(doc, start_line: int, end_line: int) -> str:
        return plain_text(doc.text[doc.line_starts[start_line]:doc.line_ends[end_line - 1]])

    def _finding(self, context: Context, first: tuple[int, int], second: tuple[int, int]) -> Finding:
        """Join the halves (lines `first` and `second`, end exclusive); what
        stands between them goes after the joined paragraph."""
        doc = context.document
        text = doc.text
        first_start, end = doc.line_starts[first[0]], doc.line_ends[first[1] - 1]
        second_start, second_end = doc.line_starts[second[0]], doc.line_ends[second[1] - 1]
        seam, closing = _balanced_seam(text, first_start, end, second_start, second_end)
        edits = [seam] + ([closing] if closing else [])
        kept = [line for line in range(first[1], second[0]) if doc.line_text(line).strip()]
        if kept:
            moved = text[doc.line_starts[kept[0]]:doc.line_ends[kept[-1]]]
            edits.append((second_end, second_end, doc.newline + doc.newline + moved))
        last_word_start = text.rfind(" ", 0, end) + 1
        fix = Fix("join the two halves of the paragraph",
                  tuple(context.edit(*edit) for edit in _merge_insertions(edits)), safe=True)
        return context.finding(
            last_word_start, end,
            "paragraph ends mid-sentence and continues after a page break", fix=fix,
        )


_EMPHASIS = ("**", "__", "*", "_")


def _wrapping(text: str) -> str | None:
    """The emphasis that wraps all of a paragraph (`**...**`), if one does."""
    for mark in _EMPHASIS:
        inner = text[len(mark):-len(mark)]
        if len(text) > 2 * len(mark) and text.startswith(mark) and text.endswith(mark) and mark not in inner:
            return mark
    return None


def _balanced_seam(text: str, first_start: int, first_end: int, second_start: int, second_end: int):
    """The edit that joins two halves, and an insertion that keeps emphasis
    whole: "**...in de**" + "tussenrapportage...." reads "**...in de
    tussenrapportage....**", never a closer mid-paragraph; emphasis on both
    halves ("**...en**" + "**gewelddadig...**") becomes one run."""
    first, second = text[first_start:first_end].strip(), text[second_start:second_end].rstrip()
    first_end = first_start + len(text[first_start:first_end].rstrip())
    second_end = second_start + len(second)
    first_start = first_end - len(first)
    before, after = _wrapping(first), _wrapping(second)
    left, right = first_end, second_start
    closing = None
    if before and before == after:
        left, right = left - len(before), right + len(after)
    elif before and not after and before not in second:
        left = left - len(before)
        closing = (second_end, second_end, before)
    elif after and not before and after not in first:
        right = right + len(after)
        closing = (first_start, first_start, after)
    # A word hyphenated across the page ("vertegenwoor-" / "digt") is joined
    # with its hyphen, which QA508 then takes out; "buitenland-" / "en
    # veiligheidsbeleid" shares a compound part.
    hyphenated = text[left - 1] == "-" and text[left - 2:left - 1].isalpha()
    joiner = "" if hyphenated and _first_word(second) not in conjunctions() else " "
    return (left, right, joiner), closing


def _first_word(text: str) -> str:
    words = text.split(None, 1)
    return words[0].lower() if words else ""


def _merge_insertions(edits: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Insertions at one place become one edit (fixes may not overlap)."""
    merged: list[tuple[int, int, str]] = []
    for start, end, content in sorted(edits, key=lambda e: (e[0], e[1])):
        if merged and start == end == merged[-1][0] == merged[-1][1]:
            merged[-1] = (start, end, merged[-1][2] + content)
        else:
            merged.append((start, end, content))
    return merged


class ConversionDebris(Rule):
    """## What it does
    Reports page and column markers and navigation text that a PDF or HTML
    conversion left in the text: `Pagina 3 van 12`, `Column 268`, `157W`,
    `- 4 -`, `Terug naar boven`, `Skip to main content`.

    ## Why it matters
    Debris ends up in quotes, search snippets and datasets as if it were
    part of the answer.

    ## Example
    ```
    ...het kabinet heeft

    Pagina 7 van 21

    besloten om ...
    ```
    """

    code = "QA507"
    name = "conversion-debris"
    category = "consistency"
    severity = "warning"

    def check(self, context: Context) -> Iterable[Finding]:
        pattern = context.profile.debris_regex
        if pattern is None:
            return
        doc = context.document
        for block in context.structure.blocks:
            if block.kind not in (PARAGRAPH, HEADING):
                continue
            for line_index in range(block.start_line, block.end_line):
                start, end = context.line_span(line_index)
                line = doc.text[start:end]
                core = line.strip("*_# ")
                if core and pattern.fullmatch(core):
                    yield context.finding(start, end, f"conversion debris: {core!r}")


# The word before the hyphen is part of the match (tried from a word's first
# letter only), so finding where it starts costs nothing extra.
_LINE_END_HYPHEN = re.compile(
    r"(?<![^\W\d_])(?P<word>[^\W\d_]{2,}+)-[ \t]*+(?:\r\n|\r|\n)[ \t]*+(?=(?P<following>[^\W\d_]{2,})?)"
)

_LINK = re.compile(r"https?://|www\.", re.I)


def _link_start(text: str, word_start: int) -> int | None:
    """Where the link that `word_start` is part of begins ("(https://...",
    "1https://..." with a footnote number glued on), if it is in one."""
    token_start = word_start
    while token_start > 0 and not text[token_start - 1].isspace():
        token_start -= 1
    link = _LINK.search(text, token_start, word_start)
    return link.start() if link else None


class LineEndHyphenation(Rule):
    """## What it does
    Reports a word split by a hyphen at a line end inside a paragraph
    (`all-` / `out`, `veilig-` / `heid`), left by hard-wrapped conversion,
    and such a hyphen left inside a line once the extraction joined the
    lines (`internatio-naal` where `internationaal` is a word and a part is
    not). A link broken at a line end after one of its hyphens is reported
    as a broken link, from its start.

    ## Why it matters
    The split word is not found by search and is read as two words by any
    pipeline. At a line end, whether the hyphen belongs to the word
    (`all-out`) or only to the line break (`veiligheid`) is for a person to
    decide: no fix. Inside a line the fix joins the word; it is safe when
    the first part is no word (`internatio`), unsafe otherwise.

    ## Example
    ```
    een veilig-
    heidsstrategie
    in overeenstemming met internatio-nale verdragen   ->   internationale
    ```
    """

    code = "QA508"
    name = "line-end-hyphenation"
    category = "consistency"
    severity = "warning"
    fix_safety = "safe"

    def check(self, context: Context) -> Iterable[Finding]:
        doc = context.document
        for block in context.structure.blocks:
            if block.kind != PARAGRAPH or block.end_line - block.start_line < 2:
                continue
            start, end = block_span(doc, block)
            for match in _LINE_END_HYPHEN.finditer(doc.text, start, end):
                following = match.group("following")
                if following and following.islower() and following not in conjunctions():
                    link = _link_start(doc.text, match.start("word"))
                    if link is None:
                        yield context.finding(match.start("word"), match.end("word") + 1, "word split by a hyphen at a line end")
                    else:  # the hyphen is the link's own: the link is what is broken
                        yield context.finding(link, match.end("word") + 1, "link split at a line end (after a hyphen)")
        for repair in context.analysis.spelling.repairs:
            if repair.kind == HYPHENATION:
                yield repair_finding(context, repair, f"hyphenation left inside a line: {repair.fixed!r}")


RULES = [SplitParagraph, ConversionDebris, LineEndHyphenation]
