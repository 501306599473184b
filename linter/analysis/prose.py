"""The prose of a document, for word-level rules: markup, URLs, code, tags,
footnote markers, identifiers and file names are blanked out (keeping every
offset), and words are counted in bulk. Only the occurrences a rule asks
about are turned into `Word`s with their context, which keeps a spelling
check of a long report to a few regular-expression passes."""

from __future__ import annotations

import operator
import re
from array import array
from collections import Counter
from typing import Iterable, Iterator, NamedTuple

from ..source.blocks import HEADING, PARAGRAPH, TABLE, block_span
from ..source.document import Document
from .model import Structure

# Spans blanked out before words are read (same length, so offsets hold),
# each tried only where the text holds its trigger. Each stays linear on long
# runs: a run is scanned from its start only (look-behind), and bracketed
# spans stop at the next opening bracket.
_MASKS = [
    (("`",), re.compile(r"`[^`\n]*`")),  # inline code
    (("http", "www."), re.compile(r"<https?://[^>\s]*>|https?://[^\s)\]>]*|www\.[^\s)\]>]*", re.I)),  # URLs
    (("](",), re.compile(r"\]\([^)\]\n]*\)")),  # link targets
    (("[^",), re.compile(r"\[\^[^\[\]\n]*\]")),  # footnote markers
    (("<",), re.compile(r"<sup>[^<\n]*</sup>|<[^>\n]{1,200}>")),  # tags, with superscripts
    (("²", "³", "¹", "¼", "½", "¾", "⁰", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"),
     re.compile(r"[\u00b2\u00b3\u00b9\u00bc-\u00be\u2070-\u209f]+")),  # superscript digits, fractions
    (("@",), re.compile(r"(?<![\w.+-])[\w.+-]++@[\w-]+(?:\.[\w-]+)+")),  # e-mail addresses
    ((".",), re.compile(r"(?<![\w-])[\w-]++\.(?:pdf|docx?|xlsx?|pptx?|odt|html?|txt|md|csv|zip|xml|json)\b", re.I)),  # files
]
# A word: letters, with inner apostrophes ("risico's"); not glued to digits or
# underscores, which make identifiers ("2020Z11446", "F35"). Hyphens separate
# words, so "COVID-19-uitbraak" yields "COVID" and "uitbraak".
# Soft hyphens and zero-width characters inside a word are part of it (the
# spelling rules look the word up without them).
WORD = re.compile(r"(?<![\w'’])[^\W\d_]+(?:['’\u00ad\u200b-\u200d\u2060][^\W\d_]+)*(?![\w'’])")
_CHUNK = re.compile(r"[\w'’-]+")  # a hyphenated whole: "COVID-19-uitbraak"
_SENTENCE_END = set(".!?:;")
_SKIP_BACK = set(" \t*_#>\"'“‘([-–—\u00a0")


class Word(NamedTuple):
    text: str
    start: int
    end: int
    chunk_start: int  # the hyphenated whole this word is part of
    chunk_end: int
    sentence_start: bool  # first word of a sentence (capital letters are expected)


class Prose:
    """The prose blocks of a document, masked."""

    def __init__(self, doc: Document, structure: Structure) -> None:
        self.doc = doc
        self.segments: list[tuple[int, str]] = []  # (offset of the block, masked text)
        self._counts: Counter | None = None
        # The segments each word occurs in, with the counts (arrays: a long
        # report holds hundreds of thousands of (word, segment) pairs).
        self._word_segments: dict[str, array] = {}
        self._repeats: set[int] = set()  # segments where a word follows one of the same letters
        for block in structure.blocks:
            if block.kind not in (PARAGRAPH, HEADING, TABLE):
                continue
            start, end = block_span(doc, block)
            raw = doc.text[start:end]
            if raw.lstrip().startswith("[") and "]:" in raw[:200]:
                continue  # link reference definitions
            self.segments.append((start, mask(raw)))

    def counts(self) -> Counter:
        """How often each word (as written) occurs."""
        if self._counts is None:
            self._counts = Counter()
            segments = self._word_segments
            for index, (_, masked) in enumerate(self.segments):
                words = WORD.findall(masked)
                self._counts.update(words)
                for word in set(words):
                    where = segments.get(word)
                    if where is None:
                        where = segments[word] = array("I")
                    where.append(index)
                lowered = list(map(str.lower, words))
                if any(map(operator.eq, lowered, lowered[1:])):
                    self._repeats.add(index)
        return self._counts

    def occurrences(self, words: set[str]) -> list[Word]:
        """Every occurrence of these words, in document order, with context."""
        if not words:
            return []
        found = []
        for index in self.blocks_with(words):
            base, masked = self.segments[index]
            chunks = _Chunks(masked)
            found += [
                self._word(base, masked, match, chunks) for match in WORD.finditer(masked) if match.group() in words
            ]
        return found

    def matches(self, pattern: re.Pattern, blocks: Iterable[int] | None = None) -> Iterator[tuple[int, re.Match]]:
        """(offset of the block, match) for a pattern run over the masked prose,
        or over those of its blocks given by index."""
        for index in sorted(blocks) if blocks is not None else range(len(self.segments)):
            base, masked = self.segments[index]
            for match in pattern.finditer(masked):
                yield base, match

    def blocks_with(self, words: set[str]) -> list[int]:
        """The blocks that hold one of these words (as written)."""
        self.counts()
        segments = self._word_segments
        return sorted({index for word in words if word in segments for index in segments[word]})

    def blocks_with_repeats(self) -> set[int]:
        """The blocks where a word follows a word of the same letters (a
        doubled word can be nowhere else)."""
        self.counts()
        return self._repeats

    @staticmethod
    def _word(base: int, masked: str, match, chunks: "_Chunks") -> Word:
        start, end = match.start(), match.end()
        chunk_start, chunk_end = chunks.around(start)
        opens = masked[start].isupper() and start == chunk_start and _opens_sentence(masked, start)
        return Word(match.group(), base + start, base + end, base + chunk_start, base + chunk_end, opens)


class _Chunks:
    """The hyphenated wholes of a masked segment, found as words ask for
    them (in document order) and each once: a chunk of 2,000 hyphenated
    words is scanned once, not 2,000 times, and a segment with one word to
    look at is not scanned whole."""

    def __init__(self, masked: str) -> None:
        self.masked = masked
        self.last = (0, 0)  # the chunk found last (start, end of its match)
        self.last_span = (0, 0)

    def around(self, position: int) -> tuple[int, int]:
        """The chunk that holds the word starting at `position`."""
        start, end = self.last
        if not start <= position < end:
            masked = self.masked
            start = position
            while start > 0 and _CHUNK.match(masked, start - 1, start):
                start -= 1
            end = _CHUNK.match(masked, start).end()
            self.last = (start, end)
            # Trailing hyphens belong to the text around, not to the word ("overheids- en").
            self.last_span = (start, start + len(masked[start:end].rstrip("-")))
        return self.last_span


def mask(text: str) -> str:
    """The text with code, URLs, tags, footnote markers, addresses and file
    names blanked (offsets kept): what is no prose."""
    for triggers, pattern in _MASKS:
        if any(trigger in text for trigger in triggers):
            text = pattern.sub(lambda m: " " * len(m.group()), text)
    return text


def _opens_sentence(text: str, position: int) -> bool:
    index = position - 1
    while index >= 0 and (text[index] in _SKIP_BACK or text[index].isspace()):
        index -= 1
    if index < 0:
        return True
    if text[index] == ")":  # after a list number: "1) Welke"
        return index > 0 and text[index - 1].isdigit()
    if text[index] not in _SENTENCE_END:
        return False
    # An initial or a short abbreviation before the full stop ("Sean M. Zeigler", "mr. Jansen") opens no sentence.
    word = re.search(r"(\w+)\.$", text[max(0, index - 6):index + 1])
    return not (word and text[index] == "." and len(word.group(1)) <= 2 and word.group(1).isalpha())
