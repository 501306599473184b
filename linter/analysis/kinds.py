"""What kind of document it is, and which sentences promise a later answer.

A document answers questions, lists them as submitted (no answer markers at
all), is a deferral notice (the answers are postponed), or has no Q&A
structure. Deferrals are recognised by their parts, as the profile lists
them: a promise, a "later" and an "inform", in any order.
"""

from __future__ import annotations

import re
from typing import Callable

from ..source.blocks import PARAGRAPH, Block, block_span
from ..source.document import Document
from ..profiles import Profile
from ..source.textutil import sentences, word_count
from .model import (
    ANSWERS, DEFERRAL, DEFERRAL_NOTICE, EMPTY, NOT_QA, PLACEHOLDER, QUESTIONS_ONLY, REFERRAL, SUBSTANTIVE, Structure,
)
from .referral_text import internal_references

_SENTENCE_END = re.compile(r"[.?!]")
# How far a sentence is followed to see whether it asks.
_SENTENCE_REACH = 300
# Speaker turns that make a document a transcript.
_TRANSCRIPT_TURNS = 2
# Longest answer that can still be nothing but a referral or a deferral.
_SHORT_ANSWER_WORDS = 60
_SHORT_ANSWER_CHARS = 600
# Fewer words than this left beside a referral or deferral: the answer is only that.
_LEFT_WORDS = 3


def detect_kind(
    doc: Document, profile: Profile, blocks: list[Block], s: Structure, text_of: Callable[[int], str],
) -> None:
    """Answers, questions only, a deferral notice or no Q&A at all."""
    if _is_transcript(doc, profile, blocks, s):
        set_kind(s, NOT_QA)
        return
    if any(item.answer_blocks or (item.answer_marker and item.answer_marker.kind == "answer") for item in s.items):
        s.kind = ANSWERS
        return
    s.notice = _find_notice(doc, profile, blocks, s, text_of)
    if s.notice is not None:
        s.kind = DEFERRAL_NOTICE
    elif s.items or s.unanswered:
        s.kind = QUESTIONS_ONLY
    else:
        s.kind = NOT_QA


def _is_transcript(doc: Document, profile: Profile, blocks: list[Block], s: Structure) -> bool:
    """A debate transcript: paragraphs that open with a speaker ("De voorzitter:",
    "Mevrouw Jansen (VVD):"), other than the layout's own markers, at least two
    and no fewer than the answer markers (an answer may quote a debate).
    Questions asked in a debate are no written questions."""
    cue = profile.speaker_regex
    if cue is None:
        return False
    markers = {m.block for m in s.answer_markers + s.question_markers}
    turns = sum(
        1 for index, block in enumerate(blocks)
        if block.kind == PARAGRAPH and index not in markers and cue.match(doc.line_text(block.start_line))
    )
    answers = sum(1 for m in s.answer_markers if m.kind == "answer")
    return turns >= max(_TRANSCRIPT_TURNS, answers)


def _find_notice(
    doc: Document, profile: Profile, blocks: list[Block], s: Structure, text_of: Callable[[int], str],
) -> tuple[int, int] | None:
    """Text saying the answers are postponed: a notice cue in any sentence
    that asks nothing (plain-text extractions glue the notice to the last
    question), or a deferral outside the questions."""
    asked = {b for item in s.items for b in item.question_blocks} | {b for u in s.unanswered for b in u.blocks}
    cue = profile.deferral_notice_regex
    for index, block in enumerate(blocks):
        if block.kind != PARAGRAPH:
            continue
        start, end = block_span(doc, block)
        for match in cue.finditer(doc.text, start, end) if cue is not None else ():
            if not _asks(doc.text, match.end(), end):
                return match.span()
        if index in asked:
            continue
        if any(is_deferral(profile, sentence) for sentence in sentences(text_of(index))):
            line = block.start_line
            return doc.line_starts[line], doc.line_ends[line]
    return None


def _asks(text: str, start: int, end: int) -> bool:
    """Whether the sentence going on at `start` ends in a question mark."""
    stop = _SENTENCE_END.search(text, start, min(end, start + _SENTENCE_REACH))
    return stop is not None and stop.group() == "?"


def answer_kind(profile: Profile, text: str) -> tuple[str, list[int]]:
    """Whether an answer's text is empty, a placeholder, only a deferral, only
    a referral (with the numbers it names) or substantive."""
    text = text.strip()
    if profile.answer_label_regex is not None:
        text = profile.answer_label_regex.sub("", text, count=1)  # "Antwoord: PM"
    if not text:
        return EMPTY, []
    if profile.placeholder_regex and profile.placeholder_regex.match(text):
        return PLACEHOLDER, []
    if len(text) > _SHORT_ANSWER_CHARS or word_count(text, _SHORT_ANSWER_WORDS) > _SHORT_ANSWER_WORDS:
        # Referral-only and deferral-only answers are short by nature.
        return SUBSTANTIVE, []
    parts = sentences(text)
    # A deferral may be one clause of a sentence that also answers
    # ("Het kabinet heeft cassatie ingesteld; over de uitkomst wordt u geïnformeerd").
    clauses = [clause for sentence in parts for clause in sentence.split(";")]
    rest = [c for c in clauses if not is_deferral(profile, c)]
    if len(rest) < len(clauses) and word_count(" ".join(rest), _LEFT_WORDS) < _LEFT_WORDS:
        return DEFERRAL, []
    targets = _referral_only(profile, parts)
    if targets:
        return REFERRAL, targets
    return SUBSTANTIVE, []


def _referral_only(profile: Profile, parts: list[str]) -> list[int]:
    """The numbers an answer refers to when it is nearly empty once the
    referral phrases are taken out ("Zie ook het antwoord op vraag 28."). A
    sentence of its own without a referral answers ("Ja, veertig. Zie ook
    het antwoord op vraag 1.")."""
    if not profile.reference_regexes:
        return []
    targets: list[int] = []
    rest = []
    for sentence in parts:
        cut = 0
        referrals = internal_references(profile, sentence, 0)
        if not referrals and word_count(sentence, 1):
            return []
        for start, end, numbers in referrals:
            targets.extend(n.value for n in numbers)
            rest.append(sentence[cut:start])
            cut = end
        rest.append(sentence[cut:])
    return targets if targets and word_count(" ".join(rest), _LEFT_WORDS) < _LEFT_WORDS else []


def set_kind(structure: Structure, kind: str) -> None:
    """Impose a document kind: a document declared not to be Q&A has no structure."""
    structure.kind = kind
    if kind == NOT_QA:
        structure.items, structure.unanswered, structure.references = [], [], []
        structure.by_number = {}


def is_deferral(profile: Profile, sentence: str) -> bool:
    """Whether a sentence promises a later answer: one of the profile's
    phrases, or a promise, a "later" and an "inform" part in any order
    ("De Rekenkamer informeert u separaat over het antwoord")."""
    if profile.deferral_regex is not None and profile.deferral_regex.search(sentence):
        return True
    parts = profile.deferral_part_regexes
    if parts is None:
        return False
    found = [[m.span() for m in regex.finditer(sentence)][:6] for regex in parts]
    if not all(found):
        return False
    # "Later" is a word of its own; a promise may itself inform ("informeert u separaat").
    return any(
        not _overlap(a, b) and not _overlap(b, c) for a in found[0] for b in found[1] for c in found[2]
    )


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]
