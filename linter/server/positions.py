"""Code-point offsets of the engine <-> LSP positions in the negotiated encoding.

qalint counts Unicode code points; LSP counts 0-based lines and, by default,
UTF-16 code units (an emoji is two), or UTF-8 bytes or UTF-32 code points when
client and server agree on them in `initialize`. Lines break at CRLF, CR and
LF, in LSP as in `Document`, so line numbers agree without conversion.
"""

from __future__ import annotations

from lsprotocol import types

from ..source.document import Document

UTF8, UTF16, UTF32 = (types.PositionEncodingKind.Utf8, types.PositionEncodingKind.Utf16,
                      types.PositionEncodingKind.Utf32)


def units(text: str, encoding: str) -> int:
    """Length of `text` in the code units of `encoding`."""
    if encoding == UTF32:
        return len(text)
    if encoding == UTF8:
        return len(text.encode("utf-8", errors="surrogatepass"))
    return len(text) + sum(1 for c in text if c > "\uffff")


class Positions:
    """Converts positions of one document text."""

    def __init__(self, doc: Document, encoding: str = UTF16) -> None:
        self.doc = doc
        self.encoding = encoding

    def position(self, offset: int) -> types.Position:
        doc = self.doc
        offset = max(0, min(offset, len(doc.text)))
        line = doc.line_of(offset)
        before = doc.text[doc.line_starts[line]:offset]
        return types.Position(line=line, character=units(before, self.encoding))

    def range(self, start: int, end: int) -> types.Range:
        return types.Range(start=self.position(start), end=self.position(end))

    def offset(self, position: types.Position) -> int:
        """Code-point offset of a client position (clamped to its line, as LSP asks)."""
        doc = self.doc
        if position.line >= doc.line_count:
            return len(doc.text)
        start, end = doc.line_starts[position.line], doc.line_ends[position.line]
        if self.encoding == UTF32:
            return min(start + position.character, end)
        counted = 0
        for index in range(start, end):
            if counted >= position.character:
                return index
            counted += units(doc.text[index], self.encoding)
        return end


def apply_change(text: str, change: types.TextDocumentContentChangeEvent, encoding: str = UTF16) -> str:
    """The text after one change the client sent. Applied here rather than by
    pygls, which breaks lines as `str.splitlines` does (at form feeds, U+2028
    and more) where LSP breaks them only at CRLF, CR and LF."""
    if isinstance(change, types.TextDocumentContentChangeWholeDocument):
        return change.text
    positions = Positions(Document("", text), encoding)
    start, end = positions.offset(change.range.start), positions.offset(change.range.end)
    return text[:start] + change.text + text[max(start, end):]
