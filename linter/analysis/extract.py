"""The Q&A structure as data: what `qalint extract` prints.

Built from the same Structure the rules read, so a user checking the parse
sees exactly what the rules saw: each question (or grouped question block)
with its numbers, its answer and the answer's status, and the numbers the
answer refers to.
"""

from __future__ import annotations

import csv
import io
import json
from typing import TYPE_CHECKING, Any

from ..source.blocks import block_span
from ..source.textutil import plain_text
from .model import DEFERRAL, EMPTY, PLACEHOLDER, REFERRAL, SUBSTANTIVE, Item, Marker, Structure

if TYPE_CHECKING:
    from ..engine.rule import Context

VERSION = "1.0"
STATUS = {SUBSTANTIVE: "answered", EMPTY: "empty", PLACEHOLDER: "placeholder", DEFERRAL: "deferred", REFERRAL: "referral"}
CSV_COLUMNS = (
    "path", "profile", "language", "kind", "numbers", "question", "question_line", "question_end_line",
    "answer", "answer_line", "answer_end_line", "status", "refers_to",
)


def document_record(context: Context) -> dict[str, Any]:
    """One document of the extract: where it is, how it was read, its pairs."""
    return {
        "path": context.document.path,
        "profile": context.profile.name,
        "language": context.run.text_language(context.profile.language),
        "kind": context.structure.kind,
        "pairs": pairs(context),
    }


def pairs(context: Context) -> list[dict[str, Any]]:
    """Every question with its answer, in document order."""
    structure = context.structure
    referred = _referrals_per_item(structure)
    found: list[tuple[int, dict[str, Any]]] = []
    for position, item in enumerate(structure.items):
        question_markers, answer_markers = markers_of(item)
        question = _part(context, question_markers, item.question_blocks)
        answer = _part(context, answer_markers, item.answer_blocks)
        if answer is not None:
            answer["status"] = STATUS[item.kind]
        pair = {"numbers": item.numbers, "question": question, "answer": answer, "refers_to": referred.get(position, [])}
        start = _start(context, question_markers + answer_markers, item.question_blocks + item.answer_blocks)
        found.append((start, pair))
    for unanswered in structure.unanswered:
        markers = [unanswered.marker] if unanswered.marker else []
        pair = {
            "numbers": [n.value for m in markers for n in m.numbers],
            "question": _part(context, markers, unanswered.blocks),
            "answer": None,
            "refers_to": [],
        }
        found.append((_start(context, markers, unanswered.blocks), pair))
    found.sort(key=lambda entry: entry[0])
    return [pair for _, pair in found]


def markers_of(item: Item) -> tuple[list[Marker], list[Marker]]:
    """The markers heading an item's question and its answer; in a list of
    questions (layout B) the item's number heads the question."""
    marker = item.answer_marker
    if marker is not None and marker.kind == "item":
        return [marker], []
    return item.question_markers, [marker] if marker else []


def _part(context: Context, markers: list[Marker], blocks: list[int]) -> dict[str, Any] | None:
    """A question or answer: its plain text and its first and last line (1-based)."""
    if not markers and not blocks:
        return None
    structure, doc = context.structure, context.document
    texts = []
    for index in blocks:
        start, end = block_span(doc, structure.blocks[index])
        raw = doc.text[structure.content_starts.get(index, start):end]
        texts.append(plain_text(context.profile.without_furniture(raw)))
    lines = [doc.line_of(m.start) + 1 for m in markers] + [structure.blocks[b].start_line + 1 for b in blocks]
    last = max([structure.blocks[b].end_line for b in blocks] + lines)
    return {"text": "\n\n".join(t for t in texts if t), "line": min(lines), "end_line": last}


def _start(context: Context, markers: list[Marker], blocks: list[int]) -> int:
    offsets = [m.start for m in markers]
    offsets += [context.document.line_starts[context.structure.blocks[b].start_line] for b in blocks]
    return min(offsets, default=0)


def _referrals_per_item(structure: Structure) -> dict[int, list[int]]:
    """Numbers each answer refers to, in order, once each."""
    found: dict[int, list[int]] = {}
    for reference in structure.references:
        if reference.in_answer and reference.item is not None:
            numbers = found.setdefault(reference.item, [])
            numbers.extend(t.value for t in reference.targets if t.value not in numbers)
    return found


def summary(context: Context) -> dict[str, Any]:
    """Profile, kind and counts of one document (`check --show-structure`)."""
    found = pairs(context)
    statuses = [pair["answer"]["status"] if pair["answer"] else None for pair in found]
    return {
        "profile": context.profile.name,
        "kind": context.structure.kind,
        "pairs": len(found),
        "answered": statuses.count("answered"),
        "deferred": statuses.count("deferred"),
        "placeholder": statuses.count("placeholder"),
        "referral": statuses.count("referral"),
        "unanswered": statuses.count(None) + statuses.count("empty"),
    }


def summary_line(path: str, counts: dict[str, Any]) -> str:
    return (
        f"{path}: profile {counts['profile']}, kind {counts['kind']}: {counts['pairs']} pairs "
        f"({counts['answered']} answered, {counts['deferred']} deferred, {counts['placeholder']} placeholder, "
        f"{counts['referral']} referral-only, {counts['unanswered']} unanswered)"
    )


def render(documents: list[dict[str, Any]], form: str) -> str:
    """The extract as JSON (one object), JSONL (one pair a line) or CSV (one pair a row)."""
    if form == "json":
        return json.dumps({"version": VERSION, "documents": documents}, ensure_ascii=False, indent=2) + "\n"
    rows = [
        {**{k: d[k] for k in ("path", "profile", "language", "kind")}, **pair}
        for d in documents for pair in d["pairs"]
    ]
    if form == "jsonl":
        return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    out = io.StringIO()
    writer = csv.DictWriter(out, CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        question, answer = row["question"] or {}, row["answer"] or {}
        writer.writerow({
            **{k: row[k] for k in ("path", "profile", "language", "kind")},
            "numbers": " ".join(map(str, row["numbers"])),
            "question": question.get("text", ""), "question_line": question.get("line", ""),
            "question_end_line": question.get("end_line", ""),
            "answer": answer.get("text", ""), "answer_line": answer.get("line", ""),
            "answer_end_line": answer.get("end_line", ""), "status": answer.get("status", ""),
            "refers_to": " ".join(map(str, row["refers_to"])),
        })
    return out.getvalue()
