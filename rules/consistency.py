"""Consistency: one document, one form for each thing."""

from __future__ import annotations

import re
from collections import Counter
from typing import Iterable, NamedTuple

from qalint.source.blocks import prose_spans
from qalint.engine.rule import Context, Finding, Fix, Rule
from qalint.analysis.structure import Marker
from qalint.source.textutil import plain_text, word_count

# A marker or heading line: heading hashes, emphasis, the text, closing
# emphasis and trailing spaces. The head is a pattern; where the text ends is
# found by hand, which stays linear on a line with long runs of spaces.
_MARKER_HEAD = re.compile(r"(?P<lead>\ufeff?[ \t]{0,3})(?P<hashes>#{1,6}[ \t]+)?(?P<open>\*\*|__|\*|_)?")


class _MarkerLine(NamedTuple):
    lead_end: int
    hashes: str
    open: str
    core: str
    close: str
    trail_start: int


def _split_marker_line(line: str) -> _MarkerLine:
    head = _MARKER_HEAD.match(line)
    core_start = head.end()
    trail_start = max(core_start, len(line.rstrip(" \t")))
    # The text is as short as it can be: a closing `**` wins over a closing `*`.
    close = ""
    if trail_start - 2 >= core_start and line[trail_start - 2:trail_start] in ("**", "__"):
        close = line[trail_start - 2:trail_start]
    elif trail_start - 1 >= core_start and line[trail_start - 1] in "*_":
        close = line[trail_start - 1]
    return _MarkerLine(
        head.end("lead"), head.group("hashes") or "", head.group("open") or "",
        line[core_start:trail_start - len(close)], close, trail_start,
    )


def _markup(line: str) -> tuple[tuple[int, str], _MarkerLine] | None:
    parts = _split_marker_line(line)
    if not parts.core.strip():
        return None
    level = len(parts.hashes.strip())
    if parts.close != parts.open:
        return None  # unbalanced emphasis: leave the line alone
    return (level, parts.open), parts


def _show(style: tuple[int, str]) -> str:
    level, emphasis = style
    return ("#" * level + " " if level else "") + f"{emphasis}…{emphasis}"


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
        structure = context.structure
        groups: list[tuple[str, list[tuple[int, Marker | None]]]] = [
            ("answer marker", [(m.block, m) for m in structure.answer_markers if not m.inline]),
            ("question marker", [(m.block, m) for m in structure.question_markers if not m.inline]),
        ]
        # Section headings of one pattern are one element ("Inbreng van de leden
        # van de X-fractie"); another pattern is another level of the outline.
        for pattern in context.profile.section_regexes:
            groups.append(("section heading", [
                (s.block, None) for s in structure.sections
                if pattern.match(context.document.line_text(structure.blocks[s.block].start_line))
            ]))
        for kind, members in groups:
            yield from self._check_group(context, kind, members)

    def _check_group(self, context: Context, kind: str, members) -> Iterable[Finding]:
        doc = context.document
        parsed = []
        for block, marker in members:
            line_index = context.structure.blocks[block].start_line
            found = _markup(doc.line_text(line_index))
            if found is not None:
                parsed.append((line_index, marker, found[0], found[1]))
        if len(parsed) < 2:
            return
        dominant_style, style_reason = _dominant_style(context, kind, parsed)
        dominant_label, label_reason, well_formed = _dominant_label(context, parsed)
        for line_index, marker, style, match in parsed:
            problems = []
            core = match.core
            if style != dominant_style:
                problems.append(f"written as {_show(style)}, {style_reason} {_show(dominant_style)}")
            if marker is not None and dominant_label and marker.label and marker.label != dominant_label:
                if marker.label in " ".join(core.split()):
                    core = " ".join(core.split()).replace(marker.label, dominant_label)
                reason = "most are" if marker.label in well_formed else label_reason
                problems.append(f"worded {marker.label!r}, {reason} {dominant_label!r}")
            if not problems:
                continue
            base = doc.line_starts[line_index]
            start, end = base + match.lead_end, base + match.trail_start
            level, emphasis = dominant_style if (dominant_style[0] or not style[0]) else style
            replacement = ("#" * level + " " if level else "") + emphasis + core + emphasis
            # A heading stays a heading: never rewritten as a paragraph.
            fix = Fix(f"rewrite as {replacement}", (context.edit(start, end, replacement),), safe=True)
            suggestions = [replacement]
            if replacement == doc.text[start:end]:
                fix, suggestions = None, []
            yield context.finding(start, end, f"{kind} {'; '.join(problems)}", suggestions, fix)


# Headings win over paragraphs once at least 1 in this many markers of a kind is one.
HEADINGS_SHARE = 3


def _dominant_style(context: Context, kind: str, parsed) -> tuple[tuple[int, str], str]:
    """The markup every marker of the group should have, and why: the
    configured one; else, where headings are a real part of the group, the
    most used heading form (turning them into paragraphs would flatten the
    outline); else the most used form. A lone heading among paragraphs is
    the odd one out: reported, but never fixed into a paragraph."""
    configured = context.settings.get("marker-markup")
    if configured and kind != "section heading":
        wanted = _markup(configured.replace("…", "x"))
        if wanted is not None:
            return wanted[0], "the configured form is"
    styles = Counter(style for _, _, style, _ in parsed)
    headings = Counter({style: n for style, n in styles.items() if style[0]})
    if headings and len(headings) < len(styles) and sum(headings.values()) * HEADINGS_SHARE >= len(parsed):
        styles, reason = headings, "most headings are"
    else:
        reason = "most are"
    return max(styles, key=lambda s: (styles[s], -_first(parsed, s))), reason


def _dominant_label(context: Context, parsed) -> tuple[str | None, str, set[str]]:
    """The wording every marker should have (the most used of the
    well-formed wordings the profile names, else the most used), why, and
    the well-formed wordings found."""
    if not context.profile.fixed_wording:
        return None, "", set()
    labels = Counter(m.label for _, m, _, _ in parsed if m is not None and m.label)
    if not labels:
        return None, "", set()
    pattern = context.profile.marker_wording_regex
    well_formed = Counter({l: n for l, n in labels.items() if pattern is not None and pattern.fullmatch(l)})
    if well_formed and len(well_formed) < len(labels):
        labels, reason = well_formed, "the well-formed wording is"
    else:
        reason = "most are"
    return max(labels, key=lambda l: (labels[l], -_first_label(parsed, l))), reason, set(well_formed)


def _first(parsed, style) -> int:
    return next((i for i, item in enumerate(parsed) if item[2] == style), -1)


def _first_label(parsed, label) -> int:
    return next(i for i, item in enumerate(parsed) if item[1] is not None and item[1].label == label)


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
