"""Consistency: one document, one form for each thing."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Iterable

from qalint.blocks import prose_spans
from qalint.rule import Context, Finding, Fix, Rule
from qalint.structure import Marker
from qalint.textutil import plain_text, word_count

# A marker or heading line: heading hashes, emphasis, the text, closing emphasis.
_MARKER_LINE = re.compile(
    r"^(?P<lead>\ufeff?[ \t]{0,3})(?P<hashes>#{1,6}[ \t]+)?(?P<open>\*\*|__|\*|_)?"
    r"(?P<core>.*?)(?P<close>\*\*|__|\*|_)?(?P<trail>[ \t]*)$"
)


def _markup(line: str) -> tuple[tuple[int, str], re.Match] | None:
    match = _MARKER_LINE.match(line)
    if not match or not match.group("core").strip():
        return None
    level = len(match.group("hashes").strip()) if match.group("hashes") else 0
    emphasis = match.group("open") or ""
    if (match.group("close") or "") != emphasis:
        return None  # unbalanced emphasis: leave the line alone
    return (level, emphasis), match


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
        styles = Counter(style for _, _, style, _ in parsed)
        configured = context.settings.get("marker-markup")
        if configured and kind != "section heading":
            wanted = _markup(configured.replace("…", "x"))
            if wanted is not None:
                styles = Counter({wanted[0]: len(parsed) + 1})  # the configured form wins
        labels = Counter(
            m.label for _, m, _, _ in parsed if m is not None and m.label and context.profile.fixed_wording
        )
        dominant_style = max(styles, key=lambda s: (styles[s], -_first(parsed, s)))
        dominant_label = max(labels, key=lambda l: (labels[l], -_first_label(parsed, l))) if labels else None
        for line_index, marker, style, match in parsed:
            problems = []
            core = match.group("core")
            if style != dominant_style:
                problems.append(f"written as {_show(style)}, most are {_show(dominant_style)}")
            if marker is not None and dominant_label and marker.label and marker.label != dominant_label:
                if marker.label in " ".join(core.split()):
                    core = " ".join(core.split()).replace(marker.label, dominant_label)
                problems.append(f"worded {marker.label!r}, most are {dominant_label!r}")
            if not problems:
                continue
            base = doc.line_starts[line_index]
            start, end = base + match.end("lead"), base + match.start("trail")
            level, emphasis = dominant_style
            replacement = ("#" * level + " " if level else "") + emphasis + core + emphasis
            fix = Fix(f"rewrite as {replacement}", (context.edit(start, end, replacement),), safe=True)
            yield context.finding(start, end, f"{kind} {'; '.join(problems)}", [replacement], fix)


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


_SEGMENT = re.compile(r"(\W*)(\w+(?:-\w+)*)")
_HYPHENATED = re.compile(r"(?<![\w-])[^\W\d_]\w*(?:-\w+)+")


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
        doc = context.document
        spans = prose_spans(context.document, context.structure.blocks)
        yield from self._linking_s_variants(context, spans)
        # Only terms written with a hyphen somewhere can have hyphen variants.
        terms: dict[str, list[str]] = {}
        for start, end in spans:
            for token in _HYPHENATED.finditer(doc.text, start, end):
                key = token.group().replace("-", "").lower()
                if len(key) >= 6:
                    terms.setdefault(key, token.group().lower().split("-"))
        if not terms:
            return
        # Every way to write each term: a hyphen, a space or nothing at its hyphens.
        places: dict[str, dict[str, list[tuple[int, int]]]] = defaultdict(lambda: defaultdict(list))
        for start, end in spans:
            # Lowered span by span: str.lower() of a whole report holds twelve
            # bytes per character while it works.
            lowered = doc.text[start:end].lower()
            if len(lowered) != end - start:  # "İ" lowers to two code points: keep offsets exact
                lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in doc.text[start:end])
            position = start
            previous_key = previous_word = None
            previous_start = 0
            for gap, word in _SEGMENT.findall(lowered):
                position += len(gap)
                token_start = position
                position += len(word)
                key = word.replace("-", "") if "-" in word else word
                if key in terms:
                    places[key][word].append((token_start, position))
                if previous_key is not None and gap == " " and previous_key + key in terms:
                    places[previous_key + key][f"{previous_word} {word}"].append((previous_start, position))
                previous_key, previous_word, previous_start = key, word, token_start
        for key in sorted(places):
            forms = places[key]
            if len(forms) < 2:
                continue
            counts = {form: len(where) for form, where in forms.items()}
            majority, top = max(counts.items(), key=lambda item: (item[1], "-" in item[0]))
            if list(counts.values()).count(top) > 1:
                continue  # no majority to follow
            first_start, first_end = forms[majority][0]
            shown = doc.text[first_start:first_end]
            for form, occurrences in forms.items():
                if form == majority:
                    continue
                for start, end in occurrences:
                    original = doc.text[start:end]
                    replacement = _match_case(original, majority)
                    fix = Fix(f"write {replacement}", (context.edit(start, end, replacement),), safe=False)
                    yield context.finding(
                        start, end,
                        f"{original!r} is also written {shown!r} ({top} times)", [replacement], fix,
                    )


    def _linking_s_variants(self, context: Context, spans) -> Iterable[Finding]:
        """`Halfjaarrapportage` beside `Halfjaarsrapportage`: when the
        dictionary knows one form only, the other is reported; when it knows
        both or neither, the less used one."""
        doc = context.document
        counts = Counter(word.lower() for start, end in spans for word in _LONG_WORD.findall(doc.text, start, end))
        pairs = []
        for word in counts:
            for index in range(_PART, len(word) - _PART):
                if word[index] == "s" and word[:index] + word[index + 1:] in counts:
                    pairs.append((word, word[:index] + word[index + 1:]))
        if not pairs:
            return
        # Where the words of a pair are: found again, for them only (a long
        # report has hundreds of thousands of long words).
        paired = {word for pair in pairs for word in pair}
        occurrences: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for start, end in spans:
            for match in _LONG_WORD.finditer(doc.text, start, end):
                if match.group().lower() in paired:
                    occurrences[match.group().lower()].append(match.span())
        from qalint.dictionary import DictionaryUnavailable, dictionary

        try:
            known = dictionary("en" if context.profile.language == "en" else "nl").known
        except DictionaryUnavailable:
            return
        for with_s, without_s in pairs:
            verdicts = {form: known(form) for form in (with_s, without_s)}
            if verdicts[with_s] != verdicts[without_s]:
                right = with_s if verdicts[with_s] else without_s
                why = "the dictionary has"
            elif counts[with_s] != counts[without_s]:
                right = with_s if counts[with_s] > counts[without_s] else without_s
                why = f"{counts[right]} times"
            else:
                continue
            wrong = without_s if right == with_s else with_s
            for start, end in occurrences[wrong]:
                original = doc.text[start:end]
                replacement = _match_case(original, right)
                fix = Fix(f"write {replacement}", (context.edit(start, end, replacement),), safe=False)
                yield context.finding(
                    start, end, f"{original!r} is also written {replacement!r} ({why})", [replacement], fix,
                )


# Parts on either side of a linking "s" are at least this long.
_PART = 4
_LONG_WORD = re.compile(r"(?<![\w-])[^\W\d_]{9,}(?![\w-])")


def _match_case(original: str, form: str) -> str:
    """`form` with the capitals of `original` where the letters line up."""
    letters = iter(ch for ch in original if ch.isalpha())
    result = []
    for ch in form:
        if ch.isalpha():
            source = next(letters, ch)
            result.append(ch.upper() if source.isupper() else ch)
        else:
            result.append(ch)
    return "".join(result)


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


RULES = [MarkerStyle, CitationFormat, TermVariant, DuplicateQuestion]
