"""Consistency: one document, one form for each thing."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Iterable, NamedTuple

from qalint.blocks import prose_spans
from qalint.rule import Context, Finding, Fix, Rule
from qalint.structure import Marker
from qalint.textutil import plain_text, word_count

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


def _dominant_style(context: Context, kind: str, parsed) -> tuple[tuple[int, str], str]:
    """The markup every marker of the group should have, and why: the
    configured one; else, where some are headings, the most used heading
    form (turning headings into paragraphs would flatten the outline);
    else the most used form."""
    configured = context.settings.get("marker-markup")
    if configured and kind != "section heading":
        wanted = _markup(configured.replace("…", "x"))
        if wanted is not None:
            return wanted[0], "the configured form is"
    styles = Counter(style for _, _, style, _ in parsed)
    headings = Counter({style: n for style, n in styles.items() if style[0]})
    if headings and len(headings) < len(styles):
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
_SEGMENT = re.compile(r"(?<!\W)(\W*+)(\w+(?:-\w+)*)")
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
        lowered = doc.text.lower()
        if len(lowered) != len(doc.text):  # "İ" lowers to two code points: keep offsets exact
            lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in doc.text)
        for start, end in spans:
            position = start
            previous_key = previous_word = None
            previous_start = 0
            for gap, word in _SEGMENT.findall(lowered[start:end]):
                position += len(gap)
                token_start = position
                position += len(word)
                key = word.replace("-", "") if "-" in word else word
                if key in terms:
                    places[key][word].append((token_start, position))
                if previous_key is not None and gap == " " and previous_key + key in terms:
                    places[previous_key + key][f"{previous_word} {word}"].append((previous_start, position))
                previous_key, previous_word, previous_start = key, word, token_start
        judge = _FormJudge(context)
        for key in sorted(places):
            forms = places[key]
            if len(forms) < 2 or judge.joins_a_function_word(terms[key]):
                continue
            written = {form: Counter(doc.text[a:b] for a, b in where).most_common(1)[0][0] for form, where in forms.items()}
            ranked = sorted(forms, key=lambda form: judge.rank(written[form], len(forms[form])), reverse=True)
            best = ranked[0]
            if not judge.is_word(written[best]) or judge.rank(written[best], len(forms[best])) == judge.rank(
                    written[ranked[1]], len(forms[ranked[1]])):
                continue  # no well-formed form, or nothing to choose between them
            reason = judge.reason(written[best], len(forms[best]), [(written[f], len(forms[f])) for f in ranked[1:]])
            for form in ranked[1:]:
                for start, end in forms[form]:
                    original = doc.text[start:end]
                    replacement = _match_case(original, written[best])
                    fix = Fix(f"write {replacement}", (context.edit(start, end, replacement),), safe=False)
                    yield context.finding(
                        start, end, f"{original!r} is also written {written[best]!r} ({reason})", [replacement], fix,
                    )

    def _linking_s_variants(self, context: Context, spans) -> Iterable[Finding]:
        """`Halfjaarrapportage` beside `Halfjaarsrapportage`: when the
        dictionary knows one form only, the other is reported; when it knows
        both or neither, the less used one."""
        doc = context.document
        occurrences: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for start, end in spans:
            for match in _LONG_WORD.finditer(doc.text, start, end):
                occurrences[match.group().lower()].append(match.span())
        pairs = []
        for word in occurrences:
            for index in range(_PART, len(word) - _PART):
                if word[index] == "s" and word[:index] + word[index + 1:] in occurrences:
                    pairs.append((word, word[:index] + word[index + 1:]))
        if not pairs:
            return
        from qalint.dictionary import DictionaryUnavailable, dictionary

        try:
            known = dictionary("en" if context.profile.language == "en" else "nl").known
        except DictionaryUnavailable:
            return
        for with_s, without_s in pairs:
            counts = {form: len(occurrences[form]) for form in (with_s, without_s)}
            verdicts = {form: known(form) for form in (with_s, without_s)}
            if verdicts[with_s] != verdicts[without_s]:
                right = with_s if verdicts[with_s] else without_s
                why = "the dictionary has"
            elif counts[with_s] != counts[without_s]:
                right = max(counts, key=counts.get)
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
    """`form` as written, with the case of `original`'s first letter (a
    sentence may start with it) or all in capitals like `original`: never a
    mix of the two spellings (`Non-ProliferatieVerdrag`)."""
    if len(original) > 1 and original.isupper():
        return form.upper()
    head = form.split("-", 1)[0].split(" ", 1)[0]
    if len(head) > 1 and head.isupper():  # an acronym keeps its capitals
        return form
    first = original[:1]
    return (form[:1].upper() if first.isupper() else form[:1].lower()) + form[1:]


_TERM_PART = re.compile(r"[^\s-]+")


class _FormJudge:
    """Which way of writing a term to follow: a form of words, then (in
    Dutch) a compound not written apart, then the dictionary's spelling,
    then the majority."""

    def __init__(self, context: Context) -> None:
        from qalint.engine import FUNCTION_WORDS

        self.language = "en" if context.profile.language == "en" else "nl"
        self.function_words = set(FUNCTION_WORDS.get(self.language, ()))
        self._known = None
        try:
            from qalint.dictionary import dictionary

            self._known = dictionary(self.language).known
        except Exception:  # DictionaryUnavailable: the majority decides
            pass

    def joins_a_function_word(self, parts: list[str]) -> bool:
        """`commissie-Van` beside `commissie van` is a name, not a variant."""
        return any(part in self.function_words for part in parts)

    def _part_known(self, part: str) -> bool:
        # Only a capital that can start a sentence or a title is lowered: "deCentraal" is no "decentraal".
        capitalised = part[1:] == part[1:].lower() or part.isupper()
        return bool(self._known and (self._known(part) or capitalised and self._known(part.lower())))

    def is_word(self, written: str) -> bool:
        """Every part a dictionary word, an acronym, a name or a lower-case
        word: no capital inside a part the dictionary lacks (`deCentraal`)."""
        for part in _TERM_PART.findall(written):
            if self._part_known(part) or not any(c.islower() for c in part):
                continue
            if any(c.isupper() for c in part[1:]):
                return False
        return True

    def rank(self, written: str, count: int) -> tuple:
        in_dictionary = self._known is not None and all(self._part_known(p) for p in _TERM_PART.findall(written))
        # Apart: a space inside a compound, not one before "van" (`Secretaris-Generaal van`).
        pieces = written.lower().split(" ")
        apart = self.language == "nl" and len(pieces) > 1 and not self.function_words & set(pieces)
        return (self.is_word(written), not apart, in_dictionary, count)

    def reason(self, written: str, count: int, others: list[tuple[str, int]]) -> str:
        if all(count > n for _, n in others):
            return f"{count} times"
        mine = self.rank(written, count)
        for index, why in ((0, "the other form is not a word"), (1, "a Dutch compound is not written apart"),
                           (2, "the dictionary's spelling")):
            if any(mine[index] != self.rank(w, n)[index] for w, n in others):
                return why
        return f"{count} times"


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
