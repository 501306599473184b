"""Block structure of a document: headings, paragraphs, HTML, code, rules.

Markdown is parsed with markdown-it-py at block level only (inline parsing is
not needed to find Q&A structure and would triple the cost); plain text is
split into paragraphs at blank lines.  Every block keeps its source line range,
so rules can report exact positions on the original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the document parses its blocks through this module
    from .document import Document

# Block kinds.
HEADING = "heading"
PARAGRAPH = "paragraph"
HTML = "html"
CODE = "code"
RULE = "rule"  # thematic break, `---`
TABLE = "table"


@dataclass(frozen=True)
class Block:
    kind: str
    start_line: int  # 0-based, inclusive
    end_line: int  # 0-based, exclusive
    level: int = 0  # heading level; 0 for other kinds
    in_container: bool = False  # inside a list item or block quote


@lru_cache(maxsize=1)
def _markdown_parser():
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark").enable("table")
    parser.disable("inline")
    return parser


def parse_blocks(doc: Document) -> tuple[list[Block], set[str]]:
    """The document's leaf blocks in source order, and the normalised labels
    of its Markdown reference-link definitions (read once, as `doc.blocks`
    and `doc.link_references`)."""
    if not doc.text.strip():
        return [], set()  # nothing to parse (and no parser to load)
    if doc.is_markdown:
        return _markdown_blocks(doc)
    return _text_blocks(doc), set()


def _markdown_blocks(doc: Document) -> tuple[list[Block], set[str]]:
    text = doc.text
    references: set[str] = set()
    blocks: list[Block] = []
    first, size = 0, PART_SIZE
    for cut in (*_cuts(doc), doc.line_count):
        end = doc.line_starts[cut] if cut < doc.line_count else len(text)
        if end - doc.line_starts[first] < size and cut < doc.line_count:
            continue
        part = text[doc.line_starts[first]:end]
        if first == 0 and part.startswith("\ufeff"):
            # Dropping the BOM keeps line numbers; markdown-it would read it as text.
            part = part[1:]
        env: dict = {}
        found = _blocks_of(_markdown_parser().parse(part, env), first)
        if cut < doc.line_count and found and found[-1].end_line >= cut:
            # A block runs into the cut (a fence or comment still open): parse
            # on, in a part twice as long, so that no text is parsed more than
            # a few times over.
            size *= 2
            continue
        blocks += found
        references |= set(env.get("references", {}))
        first, size = cut, PART_SIZE
    return blocks, references


def _blocks_of(tokens, first_line: int) -> list[Block]:
    blocks: list[Block] = []
    depth = 0
    for token in tokens:
        if token.type in ("bullet_list_open", "ordered_list_open", "blockquote_open"):
            depth += 1
        elif token.type in ("bullet_list_close", "ordered_list_close", "blockquote_close"):
            depth -= 1
        if token.map is None:
            continue
        start, end = token.map
        kind = _KIND_OF_TOKEN.get(token.type)
        if kind is None:
            continue
        level = int(token.tag[1]) if kind == HEADING else 0
        blocks.append(Block(kind, first_line + start, first_line + end, level, depth > 0))
    return blocks


# A long document is parsed in parts of about this many characters (while it
# parses, markdown-it holds some seven bytes per character of its input) ...
PART_SIZE = 200_000
# ... cut before a line that starts a new block whatever came before it: after
# a blank line, at the margin, not a list item, quote, table, HTML or code. A
# part whose last block runs up to the cut (a fence or an HTML comment still
# open) is parsed again together with the next one.
_CUT_BEFORE = re.compile(r"[^\s>*+\-\d<`~|]")


def _cuts(doc: Document) -> list[int]:
    """Lines before which the document may be cut into parts."""
    if len(doc.text) <= PART_SIZE:
        return []
    text, starts, ends = doc.text, doc.line_starts, doc.line_ends
    cuts, last = [], 0
    for index in range(1, doc.line_count):
        if (starts[index] - last >= PART_SIZE and _CUT_BEFORE.match(text, starts[index])
                and not text[starts[index - 1]:ends[index - 1]].strip(" \t")):
            cuts.append(index)
            last = starts[index]
    return cuts


_KIND_OF_TOKEN = {
    "heading_open": HEADING,
    "paragraph_open": PARAGRAPH,
    "html_block": HTML,
    "fence": CODE,
    "code_block": CODE,
    "hr": RULE,
    "table_open": TABLE,
}


def _text_blocks(doc: Document) -> list[Block]:
    blocks: list[Block] = []
    start = None
    for index in range(doc.line_count):
        blank = not doc.line_text(index).strip()
        if blank and start is not None:
            blocks.append(Block(PARAGRAPH, start, index))
            start = None
        elif not blank and start is None:
            start = index
    if start is not None:
        blocks.append(Block(PARAGRAPH, start, doc.line_count))
    return blocks


def block_span(doc: Document, block: Block) -> tuple[int, int]:
    """Offsets of a block's text, without its final line break."""
    return doc.line_starts[block.start_line], doc.line_ends[block.end_line - 1]


def prose_spans(doc: Document, blocks: list[Block]) -> list[tuple[int, int]]:
    """Offsets of the paragraphs and headings: where prose can be."""
    return [block_span(doc, b) for b in blocks if b.kind in (PARAGRAPH, HEADING)]
