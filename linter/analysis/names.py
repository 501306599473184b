"""What a document itself says about its words: a word it writes in code, in
a link target, in its title or a heading, or capitalised at the start of a
sentence and in lower case elsewhere, is a name or a term of art (`rclone`,
`sudo`, `adb`), not a typo."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterable

from ..source.blocks import CODE, HEADING, block_span
from ..source.letters import LETTERS
from ..source.textutil import ends_sentence
from .prose import Word

if TYPE_CHECKING:
    from ..source.document import Document
    from .model import Structure

_CODE_SPAN = re.compile(r"`([^`\n]+)`")
_LINK_TARGET = re.compile(r"\]\(([^)\n]*)\)|<(https?://[^>\s]*)>")


def written_as_names(doc: Document, structure: Structure) -> tuple[frozenset[str], frozenset[str]]:
    """(words the document writes in code or link targets, words it writes
    in its title or headings), in lower case. The first are names whatever
    they resemble; the second unless a dictionary word is one letter away,
    as a heading can hold a typo too."""
    text = doc.text
    code = set()
    for pattern in (_CODE_SPAN, _LINK_TARGET):
        for match in pattern.finditer(text):
            code.update(_words(next(g for g in match.groups() if g is not None)))
    titles = set()
    for index, block in enumerate(structure.blocks):
        start, end = block_span(doc, block)
        # The title: a heading, or a first line of the title block that is no sentence.
        title = index in structure.header_blocks[:1] and block.end_line - block.start_line == 1 \
            and not ends_sentence(text[start:end])
        if block.kind in (CODE, HEADING) or title:
            (code if block.kind == CODE else titles).update(_words(text[start:end]))
    return frozenset(code), frozenset(titles)


def capitalised_and_lower(words: Iterable[Word]) -> frozenset[str]:
    """Words (in lower case) written capitalised at the start of a sentence
    and in lower case elsewhere: used as words, consistently."""
    starts, lower = set(), set()
    for word in words:
        if word.sentence_start and word.text[:1].isupper() and word.text[1:].islower():
            starts.add(word.text.lower())
        elif word.text.islower():
            lower.add(word.text)
    return frozenset(starts & lower)


def _words(text: str) -> set[str]:
    return {w.lower() for w in LETTERS.findall(text)}
