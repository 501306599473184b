"""Reading files into documents, with one clear line for every failure."""

from __future__ import annotations

import codecs
from pathlib import Path

from .document import Document

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class ReadError(Exception):
    """A file that cannot be checked, as one line for the user."""


def decode(path: str, data: bytes, encoding: str = "utf-8") -> Document:
    """Decode bytes into a document; the BOM stays in the text as U+FEFF so
    that columns count it and `text.encode(encoding)` gives the bytes back."""
    for bom, bom_encoding in _BOMS:
        if data.startswith(bom):
            encoding = bom_encoding
            break
    else:
        bom = b""
        if b"\x00" in data[:8192]:
            raise ReadError(f"{path}: binary file (contains NUL bytes), skipped")
    try:
        # Decoded with the BOM, which stays in the text as U+FEFF.
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        raise ReadError(
            f"{path}:{line}:{column}: not valid {encoding}: byte 0x{data[error.start]:02x} "
            f"cannot be decoded; set `encoding` in the configuration if the file uses another encoding"
        ) from None
    except LookupError:
        raise ReadError(f"{path}: unknown encoding {encoding!r}") from None
    return Document(path, text, encoding=encoding, has_bom=bool(bom))


def too_large(display: str, size: int, max_size: int) -> str:
    return (f"{display}: file too large ({size / 1048576:.1f} MiB, limit "
            f"{max_size / 1048576:.1f} MiB; raise `max-file-size`), skipped")


def read_document(path: Path, display: str, encoding: str, max_size: int) -> Document:
    try:
        size = path.stat().st_size
        if size > max_size:
            raise ReadError(too_large(display, size, max_size))
        data = path.read_bytes()
    except FileNotFoundError:
        raise ReadError(f"{display}: no such file") from None
    except IsADirectoryError:
        raise ReadError(f"{display}: is a directory") from None
    except PermissionError:
        raise ReadError(f"{display}: permission denied") from None
    except OSError as error:
        raise ReadError(f"{display}: cannot read: {error.strerror or error}") from None
    return decode(display, data, encoding)
