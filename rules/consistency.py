"""Consistency: one document, one form for each thing."""

from __future__ import annotations

from collections import Counter
from typing import Iterable

from qalint.analysis.marker_style import SECTION_HEADING, MarkerGroup, WrittenMarker
from qalint.engine.rule import Context, Finding, Fix, Rule
from qalint.source.blocks import prose_spans
from qalint.source.markup import split_marker_line, write_marker_line
from qalint.source.textutil import plain_text, word_count


def _show(style: tuple[int, str]) -> str:
    return write_marker_line(style, "…")


class MarkerStyle(Rule):
    """## What it does
    Reports an answer marker, question marker or section heading written in a
    different markup (`##`, `####`, bold only) or wording ("Antwoord van
    kabinet" beside "Antwoord van het kabinet") than most markers of its
    kind in the document. The fix rewrites it in the dominant form.

    ## Why it matters
    Reports stitched together from several contributors mix forms; readers
    see an uneven document, and extraction that keys on one form misses the
    others. The fix is safe: only markup and the marker's fixed wording change.

    ## Example
    ```
    **16. Antwoord van het kabinet**
    #### **17. Antwoord van kabinet**   <- most markers are "**…**" and "Antwoord van het kabinet"
    ```
    """

    code = "QA501"
    name = "marker-style"
    category = "consistency"
    severity = "warning"
    fix_safety = "safe"

    def check(self, context: Context) -> Iterable[Finding]:
        for group in context.analysis.marker_groups:
            if len(group.members) >= 2:
                yield from self._check_group(context, group)

    def _check_group(self, context: Context, group: MarkerGroup) -> Iterable[Finding]:
        dominant_style, style_reason = _dominant_style(context, group)
        dominant_label, label_reason, well_formed = _dominant_label(group)
        for written in group.members:
            parts, marker = written.parts, written.marker
            problems = []
            core = parts.core
            if parts.style != dominant_style:
                problems.append(f"written as {_show(parts.style)}, {style_reason} {_show(dominant_style)}")
            # A grouped marker ("Antwoorden 6 en 7", "Antwoord op vraag 5 tot en met 7") has its own wording.
            grouped = marker is not None and len(marker.numbers) > 1
            if marker is not None and not grouped and dominant_label and marker.label and marker.label != dominant_label:
                if marker.label in " ".join(core.split()):
                    core = " ".join(core.split()).replace(marker.label, dominant_label)
                reason = "most are" if marker.label in well_formed else label_reason
                problems.append(f"worded {marker.label!r}, {reason} {dominant_label!r}")
            if problems:
                yield _restyled(context, group.kind, written, dominant_style, core, problems)


def _restyled(
    context: Context, kind: str, written: WrittenMarker, style: tuple[int, str], core: str, problems: list[str],
) -> Finding:
    """The finding for a marker line, with the fix that writes it as `core` in `style`."""
    doc = context.document
    base = doc.line_starts[written.line]
    start, end = base + written.parts.lead_end, base + written.parts.trail_start
    # A heading stays a heading: never rewritten as a paragraph.
    replacement = write_marker_line(style if (style[0] or not written.parts.level) else written.parts.style, core)
    fix = Fix(f"rewrite as {replacement}", (context.edit(start, end, replacement),), safe=True)
    suggestions = [replacement]
    if replacement == doc.text[start:end]:
        fix, suggestions = None, []
    return context.finding(start, end, f"{kind} {'; '.join(problems)}", suggestions, fix)


# Headings win over paragraphs once at least 1 in this many markers of a kind is one.
HEADINGS_SHARE = 3


def _dominant_style(context: Context, group: MarkerGroup) -> tuple[tuple[int, str], str]:
    """The markup every marker of the group should have, and why: the
    configured one; else, where headings are a real part of the group, the
    most used heading form (turning them into paragraphs would flatten the
    outline); else the most used form. A lone heading among paragraphs is
    the odd one out: reported, but never fixed into a paragraph."""
    configured = context.settings.get("marker-markup")
    if configured and group.kind != SECTION_HEADING:
        wanted = split_marker_line(configured.replace("…", "x"))
        if wanted is not None:
            return wanted.style, "the configured form is"
    members = group.members
    styles = Counter(m.parts.style for m in members)
    headings = Counter({style: n for style, n in styles.items() if style[0]})
    if headings and len(headings) < len(styles) and sum(headings.values()) * HEADINGS_SHARE >= len(members):
        styles, reason = headings, "most headings are"
    else:
        reason = "most are"
    return max(styles, key=lambda s: (styles[s], -_first(members, s))), reason


def _dominant_label(group: MarkerGroup) -> tuple[str | None, str, set[str]]:
    """The wording every marker should have (the most used of the
    well-formed wordings the profile names, else the most used), why, and
    the well-formed wordings found."""
    if not group.one_wording:
        return None, "", set()
    labels = Counter(m.marker.label for m in group.members if m.marker is not None and m.marker.label)
    if not labels:
        return None, "", set()
    pattern = group.well_formed
    well_formed = Counter({l: n for l, n in labels.items() if pattern is not None and pattern.fullmatch(l)})
    if well_formed and len(well_formed) < len(labels):
        labels, reason = well_formed, "the well-formed wording is"
    else:
        reason = "most are"
    return max(labels, key=lambda l: (labels[l], -_first_label(group.members, l))), reason, set(well_formed)


def _first(members: list[WrittenMarker], style: tuple[int, str]) -> int:
    return next((i for i, m in enumerate(members) if m.parts.style == style), -1)


def _first_label(members: list[WrittenMarker], label: str) -> int:
    return next(i for i, m in enumerate(members) if m.marker is not None and m.marker.label == label)


class CitationFormat(Rule):
    """## What it does
    Reports a citation of a parliamentary paper written in another form than
    the profile's canonical one (Dutch: `Kamerstuk 33 694, nr. 47`): a
    dossier number without its space (`33694`), no space after `nr.`, no full
    stop (`nr 507`), no comma before `nr.`, lower-case `kamerstuk`. The fix
    writes the canonical form.

    ## Why it matters
    Search and citation extraction match one form; `Kamerstuk 33694, nr.43`
    is missed by both and looks careless in a published report.

    ## Example
    ```
    (Kamerstuk 29 521, nr.402)   ->  (Kamerstuk 29 521, nr. 402)
    ```
    """

    code = "QA502"
    name = "citation-format"
    category = "consistency"
    severity = "warning"
    fix_safety = "safe"

    def check(self, context: Context) -> Iterable[Finding]:
        profile = context.profile
        pattern = profile.citation_regex
        if pattern is None:
            return
        doc = context.document
        for start, end in prose_spans(context.document, context.structure.blocks):
            for match in pattern.finditer(doc.text, start, end):
                canonical = profile.citation_template.format(**{
                    k: (v or "") for k, v in match.groupdict().items()
                })
                canonical = canonical[0].upper() + canonical[1:]
                written = match.group()
                if _same_citation(written, canonical):
                    continue
                fix = Fix(f"write {canonical}", (context.edit(match.start(), match.end(), canonical),), safe=True)
                yield context.finding(
                    match.start(), match.end(),
                    f"citation {written!r} is not in the canonical form {canonical!r}", [canonical], fix,
                )


def _same_citation(written: str, canonical: str) -> bool:
    # A non-breaking space where the canonical form has a space is the same citation.
    return written.replace("\u00a0", " ") == canonical


# Tried only after a word (or at the start): a run of non-word characters
# with no word after it is scanned once.
class DuplicateQuestion(Rule):
    """## What it does
    Reports a question block whose text (white space and markup ignored)
    already appeared earlier in the document.

    ## Why it matters
    A question pasted twice gets two answers or, worse, one answer that is
    then missing elsewhere.

    ## Example
    ```
    Vraag 3: Welke kosten zijn hiermee gemoeid?
    ...
    Vraag 9: Welke kosten zijn hiermee gemoeid?   <- asked before, at line 12
    ```
    """

    code = "QA509"
    name = "duplicate-question"
    category = "consistency"
    severity = "warning"

    def check(self, context: Context) -> Iterable[Finding]:
        seen: dict[str, int] = {}
        for item in context.structure.items:
            if not item.question_blocks:
                continue
            text = plain_text(context.blocks_text(item.question_blocks)).lower()
            if word_count(text, 4) < 4:
                continue
            start, end = context.block_line_span(item.question_blocks[0])
            if text in seen:
                yield context.finding(start, end, f"the same question was asked before, at line {seen[text]}")
            else:
                seen[text] = context.document.position(start).line


RULES = [MarkerStyle, CitationFormat, DuplicateQuestion]
