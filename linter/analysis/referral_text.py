"""Referrals between answers ("zie het antwoord op vraag 28") and the
numbers in them ("62, 63 en 64", "5 tot en met 7")."""

from __future__ import annotations

import re

from ..source.blocks import HEADING, PARAGRAPH, Block, block_span
from ..source.document import Document
from .footnotes import DEFINITION
from .model import NumberRef, Reference, Structure
from ..profiles import Profile

_DIGITS = re.compile(r"\d{1,4}")
# How far before "vraag" a referral phrase can start ("Zie voor een toelichting ook het antwoord op vraag").
_REFERENCE_REACH = 160


def find_references(doc: Document, profile: Profile, blocks: list[Block], s: Structure) -> None:
    """Fill the structure's referrals between answers (never a marker's own wording)."""
    if not profile.reference_regexes:
        return
    owner: dict[int, tuple[int | None, bool]] = {}
    for position, item in enumerate(s.items):
        for b in item.question_blocks:
            owner[b] = (position, False)
        for b in item.answer_blocks:
            owner[b] = (position, True)
    header = set(s.header_blocks)
    # A marker is never a referral ("Antwoord op vraag 3" heads answer 3).
    markers = {m.block for m in s.answer_markers + s.question_markers}
    for index, block in enumerate(blocks):
        if block.kind not in (PARAGRAPH, HEADING) or index in header:
            continue
        start, end = block_span(doc, block)
        if index in markers:
            if index not in s.content_starts:
                continue
            start = s.content_starts[index]
        raw = doc.text[start:end]
        if DEFINITION.match(raw):
            continue
        item, in_answer = owner.get(index, (None, False))
        for ref_start, ref_end, targets in internal_references(profile, raw, start):
            if targets:
                s.references.append(Reference(ref_start, ref_end, targets, item, in_answer))


def internal_references(profile: Profile, text: str, base: int) -> list[tuple[int, int, list[NumberRef]]]:
    """Referrals in `text` that point inside this document, in order and
    without overlaps (the earliest, then the longest match wins)."""
    nouns = profile.number_noun_regex
    if nouns is None:
        windows = [(0, len(text))]
    else:
        # Every referral names a question ("vraag 28"): the patterns run only
        # in a window around each such noun, not over the whole paragraph.
        windows = []
        for noun in nouns.finditer(text):
            start, end = max(0, noun.start() - _REFERENCE_REACH), min(len(text), noun.end() + 60)
            if windows and start <= windows[-1][1]:
                windows[-1] = (windows[-1][0], end)
            else:
                windows.append((start, end))
    external = profile.external_reference_regex
    matches = sorted(
        (
            m for start, end in windows for pattern in profile.reference_regexes
            for m in pattern.finditer(text, start, end)
        ),
        key=lambda m: (m.start(), -m.end()),
    )
    found = []
    reached = -1
    for match in matches:
        if match.start() < reached:
            continue
        reached = match.end()
        if external and external.match(text, match.end()):
            continue
        found.append((base + match.start(), base + match.end(), match_numbers(profile, match, "nums", base)))
    return found


def match_numbers(profile: Profile, match: re.Match, group: str, base: int) -> list[NumberRef]:
    """The numbers a pattern's group captured, with their offsets."""
    if group not in match.re.groupindex or match.group(group) is None:
        return []
    return parse_numbers(profile, match.group(group), base + match.start(group))


def parse_numbers(profile: Profile, text: str, base: int) -> list[NumberRef]:
    """Numbers in a list such as "62, 63 en 64" or "5 tot en met 7", ranges expanded."""
    found = [(int(m.group()), m.start(), m.end()) for m in _DIGITS.finditer(text)]
    numbers: list[NumberRef] = []
    for position, (value, start, end) in enumerate(found):
        if position:
            previous_value, previous_start, previous_end = found[position - 1]
            between = text[previous_end:start]
            if profile.range_regex.match(between) and 0 < value - previous_value <= 200:
                for implied in range(previous_value + 1, value):
                    numbers.append(NumberRef(implied, base + previous_start, base + end))
        numbers.append(NumberRef(value, base + start, base + end))
    return numbers
