"""The Q&A structure in the editor: an outline of sections, questions and
answers, and where a referral ("zie het antwoord op vraag 28") leads."""

from __future__ import annotations

from lsprotocol import types

from ..source.blocks import block_span
from ..source.document import Document
from ..analysis.extract import STATUS, markers_of
from ..analysis.model import REFERRAL, SUBSTANTIVE, Item, Marker, NumberRef, Reference, Structure, Unanswered
from .positions import Positions

# Longest question text shown beside an outline entry.
_DETAIL_CHARS = 80


def answer_span(structure: Structure, doc: Document, number: int) -> tuple[int, int] | None:
    """Where the answer numbered `number` starts: its marker, else its first line."""
    position = structure.by_number.get(number)
    if position is None:
        return None
    item = structure.items[position]
    marker = item.answer_marker or (item.question_markers[0] if item.question_markers else None)
    if marker is not None and (item.answer_marker or not item.answer_blocks):
        return marker.start, marker.end
    if not item.answer_blocks:
        return None
    start = block_span(doc, structure.blocks[item.answer_blocks[0]])[0]
    return start, doc.line_ends[doc.line_of(start)]


def referral_at(structure: Structure, offset: int) -> tuple[Reference, list[NumberRef]] | None:
    """The referral around `offset` and the numbers meant: the one under the
    offset, else all of them."""
    for reference in structure.references:
        if reference.start <= offset <= reference.end:
            under = [t for t in reference.targets if t.start <= offset <= t.end]
            return reference, under or list(reference.targets)
    return None


def referred_answers(structure: Structure, doc: Document, start: int, end: int) -> list[tuple[str, tuple[int, int]]]:
    """(label, answer span) for every answer a referral touching [start, end)
    leads to (numbers within the span are preferred to the whole referral),
    and on through answers that only refer further: "answer 3 (via 2)"."""
    found: list[tuple[str, tuple[int, int]]] = []
    seen: set[int] = set()
    for reference in structure.references:
        if reference.end < start or end < reference.start:
            continue
        inside = [t for t in reference.targets if start <= t.start and t.end <= end]
        found += _followed(structure, doc, [t.value for t in inside or reference.targets], seen)
    return found


def _followed(
    structure: Structure, doc: Document, numbers: list[int], seen: set[int],
) -> list[tuple[str, tuple[int, int]]]:
    """(label, span) of the answers numbered `numbers` and of those they only
    refer on to, not yet `seen`."""
    found = []
    pending: list[tuple[int, int | None]] = [(number, None) for number in numbers]
    while pending:
        number, via = pending.pop(0)
        span = answer_span(structure, doc, number)
        if span is None or number in seen:
            continue
        seen.add(number)
        found.append((f"answer {number}" + (f" (via {via})" if via is not None else ""), span))
        item = structure.items[structure.by_number[number]]
        if item.kind == REFERRAL:
            pending += [(onward, number) for onward in item.referral_targets]
    return found


def document_symbols(structure: Structure, doc: Document, positions: Positions) -> list[types.DocumentSymbol]:
    """Sections holding their questions and answers, in document order."""
    sections = [_symbol(section.title or "section", types.SymbolKind.Namespace,
                        block_span(doc, structure.blocks[section.block]), positions)
                for section in structure.sections]
    top: list[types.DocumentSymbol] = []
    placed = [(item.section, _item_symbol(item, structure, doc, positions)) for item in structure.items]
    placed += [(u.section, _unanswered_symbol(u, structure, doc, positions)) for u in structure.unanswered]
    for section, symbol in placed:
        if symbol is None:
            continue
        if section is not None and section < len(sections):
            _adopt(sections[section], symbol)
        else:
            top.append(symbol)
    symbols = top + sections
    symbols.sort(key=_symbol_start)
    for section in sections:
        section.children = sorted(section.children or [], key=_symbol_start)
    return symbols


def _symbol_start(symbol: types.DocumentSymbol) -> tuple[int, int]:
    return symbol.range.start.line, symbol.range.start.character


def _unanswered_symbol(
    unanswered: Unanswered, structure: Structure, doc: Document, positions: Positions,
) -> types.DocumentSymbol | None:
    """A question no answer follows."""
    spans = [block_span(doc, structure.blocks[b]) for b in unanswered.blocks]
    marker = unanswered.marker
    if marker:
        spans.append((marker.start, marker.end))
    if not spans:
        return None
    name = _marker_text(doc, marker) if marker else _first_words(doc, spans[0])
    selection = _span_of([marker] if marker else [])
    return _symbol(name, types.SymbolKind.Key, _union(spans), positions, selection, "no answer")


def _item_symbol(item: Item, structure: Structure, doc: Document, positions: Positions) -> types.DocumentSymbol | None:
    """A question and its answer, paired as `qalint extract` pairs them: named
    by the marker heading it, with the question's first words and the
    answer's marker as children."""
    question_markers, answer_markers = markers_of(item)
    question = _spans(structure, doc, item.question_blocks, question_markers)
    answer = _spans(structure, doc, item.answer_blocks, answer_markers)
    if not question and not answer:
        return None
    children = []
    if question:
        if item.question_blocks:  # the question's words, after a marker that shares its block
            first = item.question_blocks[0]
            name = _first_words(doc, (structure.content_starts.get(first, question[0][0]), question[0][1]))
        else:
            name = _marker_text(doc, question_markers[0])
        children.append(_symbol(name, types.SymbolKind.Key, _union(question), positions, _span_of(question_markers)))
    if answer:
        detail = STATUS[item.kind] if item.kind != SUBSTANTIVE else None
        name = _marker_text(doc, answer_markers[0]) if answer_markers else "answer"
        children.append(_symbol(name, types.SymbolKind.String, _union(answer), positions,
                                _span_of(answer_markers), detail))
    heading = (question_markers or answer_markers)[:1]
    name = _marker_text(doc, heading[0] if heading else None) or children[0].name
    symbol = _symbol(name, types.SymbolKind.Number, _union(question + answer), positions, _span_of(heading))
    symbol.children = children
    return symbol


def _spans(structure: Structure, doc: Document, blocks: list[int], markers: list[Marker]) -> list[tuple[int, int]]:
    """The spans of `blocks`, then of `markers`."""
    return [block_span(doc, structure.blocks[b]) for b in blocks] + [(m.start, m.end) for m in markers]


def _span_of(markers: list[Marker]) -> tuple[int, int] | None:
    """The first marker's span, if there is one."""
    return (markers[0].start, markers[0].end) if markers else None


def _symbol(name: str, kind: types.SymbolKind, span: tuple[int, int], positions: Positions,
            selection: tuple[int, int] | None = None, detail: str | None = None) -> types.DocumentSymbol:
    """A symbol over `span`, selected on `selection` (else the span's first line)."""
    doc = positions.doc
    if selection is None:
        selection = span[0], max(span[0], min(span[1], doc.line_ends[doc.line_of(span[0])]))
    return types.DocumentSymbol(name=name or "?", kind=kind, range=positions.range(*span),
                                selection_range=positions.range(*selection), detail=detail)


def _adopt(parent: types.DocumentSymbol, child: types.DocumentSymbol) -> None:
    parent.children = (parent.children or []) + [child]
    if (child.range.end.line, child.range.end.character) > (parent.range.end.line, parent.range.end.character):
        parent.range = types.Range(start=parent.range.start, end=child.range.end)


def _union(spans: list[tuple[int, int]]) -> tuple[int, int]:
    return min(s for s, _ in spans), max(e for _, e in spans)


def _marker_text(doc: Document, marker: Marker | None) -> str:
    return doc.text[marker.start:marker.end].strip("*_ #:").strip() if marker else ""


def _first_words(doc: Document, span: tuple[int, int]) -> str:
    line = doc.text[span[0]:doc.line_ends[doc.line_of(span[0])]].strip(" *_#>\t")
    return line if len(line) <= _DETAIL_CHARS else line[:_DETAIL_CHARS - 1].rstrip() + "…"
