"""Words of the prose, for spelling: markup, URLs, code, tags, footnote
markers, identifiers and file names are left out; positions are the word's
own code points in the original text."""

from __future__ import annotations

import re
from typing import NamedTuple

from .blocks import HEADING, PARAGRAPH, TABLE, block_span
from .document import Document
from .structure import Structure

# Spans blanked out before words are read (same length, so offsets hold).
_MASKS = re.compile(
    r"`[^`\n]*`"  # inline code
    r"|<https?://[^>\s]*>|https?://[^\s)\]>]*|www\.[^\s)\]>]*"  # URLs
    r"|\]\([^)\n]*\)"  # link targets
    r"|\[\^[^\]\n]*\]"  # footnote markers
    r"|<sup>[^<\n]*</sup>|<[^>\n]{1,200}>"  # tags, with superscripts
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # e-mail addresses
    r"|\b[\w-]+\.(?:pdf|docx?|xlsx?|pptx?|odt|html?|txt|md|csv|zip|xml|json)\b",  # file names
    re.I,
)
# A run of word characters joined by hyphens or apostrophes: "COVID-19-uitbraak", "risico's".
_CHUNK = re.compile(r"[\w'’]+(?:-[\w'’]+)*")
_SENTENCE_END = set(".!?:;")
_SKIP_BACK = set(" \t*_#>\"'“‘([-–—\u00a0")
_QUOTES = re.compile(r"[\"“”„][^\"“”„\n]{1,200}[\"“”]|‘[^‘’\n]{1,200}’|(?<!\w)'[^'\n]{1,200}'(?!\w)|(?<![*\w])\*[^*\n]{1,200}\*(?![*\w])|(?<![_\w])_[^_\n]{1,200}_(?![_\w])")


class Word(NamedTuple):
    text: str
    start: int
    end: int
    chunk_start: int  # the hyphenated whole this word is part of
    chunk_end: int
    sentence_start: bool  # first word of a sentence (capital letters are expected)
    foreign: bool  # quoted or in italics: English is tried first


def prose_words(doc: Document, structure: Structure) -> list[Word]:
    key = ("prose_words", id(structure))
    if key not in doc.cache:
        doc.cache[key] = list(_words(doc, structure))
    return doc.cache[key]


def _words(doc: Document, structure: Structure):
    text = doc.text
    for block in structure.blocks:
        if block.kind not in (PARAGRAPH, HEADING, TABLE):
            continue
        start, end = block_span(doc, block)
        raw = text[start:end]
        if raw.lstrip().startswith("[") and "]:" in raw[:200]:
            continue  # link reference definitions
        masked = _MASKS.sub(lambda m: " " * len(m.group()), raw)
        foreign = [m.span() for m in _QUOTES.finditer(masked)]
        for chunk in _CHUNK.finditer(masked):
            chunk_start, chunk_end = chunk.span()
            in_foreign = bool(foreign) and any(a <= chunk_start < b for a, b in foreign)
            # Only a capital letter needs to know whether it opens a sentence.
            opens = masked[chunk_start].isupper() and _opens_sentence(masked, chunk_start)
            offset = 0
            for part in chunk.group().split("-"):
                part_start = chunk_start + offset
                offset += len(part) + 1
                word = part.strip("'’")
                # Only letters (and inner apostrophes): digits and "_" make identifiers.
                if not word or not word.replace("'", "").replace("’", "").isalpha():
                    continue
                word_start = part_start + part.index(word)
                yield Word(
                    word, start + word_start, start + word_start + len(word),
                    start + chunk_start, start + chunk_end,
                    opens and word_start == chunk_start, in_foreign,
                )


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
