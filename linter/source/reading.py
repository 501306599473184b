"""Reading files into documents, with one clear line for every failure."""

from __future__ import annotations

import codecs
import stat
import sys
from pathlib import Path

from .document import Document

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


# What a file that is not a regular file is, for the error line.
_KINDS = (
    (stat.S_ISFIFO, "a named pipe"), (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
)


class ReadError(Exception):
    """A file that cannot be checked, as one line for the user."""


def encoding_problem(encoding: str) -> str | None:
    """Why `encoding` cannot decode documents, or None."""
    try:
        codec = codecs.lookup(encoding)
    except (LookupError, ValueError):  # ValueError: a NUL in the name
        return f"unknown encoding {encoding!r}"
    if not getattr(codec, "_is_text_encoding", True):
        return f"{encoding!r} is not a text encoding"
    return None


def _without_bom(encoding: str) -> str:
    """The codec that decodes and encodes a file without a BOM as it is:
    `utf-8-sig` and `utf-16` would add a BOM when the fixed file is written."""
    name = codecs.lookup(encoding).name
    if name == "utf-8-sig":
        return "utf-8"
    if name in ("utf-16", "utf-32"):
        return f"{name}-{'le' if sys.byteorder == 'little' else 'be'}"  # what their decoders assume
    return encoding


def decode(path: str, data: bytes, encoding: str = "utf-8") -> Document:
    """Decode bytes into a document; the BOM stays in the text as U+FEFF so
    that columns count it and `text.encode(encoding)` gives the bytes back."""
    for bom, bom_encoding in _BOMS:
        if data.startswith(bom):
            encoding = bom_encoding
            break
    else:
        bom = b""
        problem = encoding_problem(encoding)
        if problem is not None:
            raise ReadError(f"{path}: {problem}")
        encoding = _without_bom(encoding)
        if b"\x00" in data[:8192] and not encoding.startswith(("utf-16", "utf-32")):
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
    return Document(path, text, encoding=encoding, has_bom=bool(bom))


def too_large(display: str, size: int, max_size: int) -> str:
    return (f"{display}: file too large ({size / 1048576:.1f} MiB, limit "
            f"{max_size / 1048576:.1f} MiB; raise `max-file-size`), skipped")


def read_file(path: Path, display: str, max_size: int) -> bytes:
    """The bytes of a regular file: a named pipe or a device is refused
    rather than read (reading a pipe would wait for ever)."""
    try:
        status = path.stat()
        for is_kind, kind in _KINDS:
            if is_kind(status.st_mode):
                raise ReadError(f"{display}: not a regular file ({kind}), skipped")
        size = status.st_size
        if size > max_size:
            raise ReadError(too_large(display, size, max_size))
        return path.read_bytes()
    except FileNotFoundError:
        raise ReadError(f"{display}: no such file") from None
    except IsADirectoryError:
        raise ReadError(f"{display}: is a directory") from None
    except PermissionError:
        raise ReadError(f"{display}: permission denied") from None
    except OSError as error:
        raise ReadError(f"{display}: cannot read: {error.strerror or error}") from None
