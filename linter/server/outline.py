"""The Q&A structure in the editor: an outline of sections, questions and
answers, and where a referral ("zie het antwoord op vraag 28") leads."""

from __future__ import annotations

from lsprotocol import types

from ..source.blocks import block_span
from ..source.document import Document
from ..analysis.extract import STATUS, markers_of
from ..analysis.model import REFERRAL, SUBSTANTIVE, Item, Marker, NumberRef, Reference, Structure
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
        pending = [(t.value, None) for t in inside or reference.targets]
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
    for item in structure.items:
        symbol = _item_symbol(item, structure, doc, positions)
        if symbol is None:
            continue
        if item.section is not None and item.section < len(sections):
            _adopt(sections[item.section], symbol)
        else:
            top.append(symbol)
    for unanswered in structure.unanswered:
        spans = [block_span(doc, structure.blocks[b]) for b in unanswered.blocks]
        if unanswered.marker:
            spans.append((unanswered.marker.start, unanswered.marker.end))
        if spans:
            name = _marker_text(doc, unanswered.marker) if unanswered.marker else _first_words(doc, spans[0])
            selection = (unanswered.marker.start, unanswered.marker.end) if unanswered.marker else None
            symbol = _symbol(name, types.SymbolKind.Key, _union(spans), positions, selection, "no answer")
            if unanswered.section is not None and unanswered.section < len(sections):
                _adopt(sections[unanswered.section], symbol)
            else:
                top.append(symbol)
    symbols = top + sections
    symbols.sort(key=lambda s: (s.range.start.line, s.range.start.character))
    for section in sections:
        section.children = sorted(section.children or [], key=lambda s: (s.range.start.line, s.range.start.character))
    return symbols


def _item_symbol(item: Item, structure: Structure, doc: Document, positions: Positions) -> types.DocumentSymbol | None:
    """A question and its answer, paired as `qalint extract` pairs them: named
    by the marker heading it, with the question's first words and the
    answer's marker as children."""
    question_markers, answer_markers = markers_of(item)
    question = [block_span(doc, structure.blocks[b]) for b in item.question_blocks]
    markers = [(m.start, m.end) for m in question_markers]
    answer = [block_span(doc, structure.blocks[b]) for b in item.answer_blocks]
    answer_marker = [(m.start, m.end) for m in answer_markers]
    spans = question + markers + answer + answer_marker
    if not spans:
        return None
    children = []
    if question or markers:
        if question:  # the question's words, after a marker that shares its block
            first = item.question_blocks[0]
            name = _first_words(doc, (structure.content_starts.get(first, question[0][0]), question[0][1]))
        else:
            name = _marker_text(doc, question_markers[0])
        children.append(_symbol(name, types.SymbolKind.Key, _union(question + markers), positions,
                                markers[0] if markers else None))
    if answer or answer_marker:
        detail = STATUS[item.kind] if item.kind != SUBSTANTIVE else None
        name = _marker_text(doc, answer_markers[0]) if answer_markers else "answer"
        children.append(_symbol(name, types.SymbolKind.String, _union(answer + answer_marker), positions,
                                answer_marker[0] if answer_marker else None, detail))
    heading = (question_markers or answer_markers or [None])[0]
    name = _marker_text(doc, heading) or children[0].name
    selection = (heading.start, heading.end) if heading else None
    symbol = _symbol(name, types.SymbolKind.Number, _union(spans), positions, selection)
    symbol.children = children
    return symbol


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
