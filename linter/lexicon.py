"""A compiled dictionary: word forms and their bits in a hash table that is
memory-mapped, not loaded. Opening one costs a fraction of a millisecond
whatever its size, where reading 400,000 Dutch forms into a Python dict
costs a sixth of a second; a lookup costs about a microsecond.

File layout (little-endian): b"QLX2", the slot count (a power of two), then
one 4-byte offset per slot (0 = empty), then the entries, each a key length
(1 byte), the key (UTF-8), a value length (4 bytes) and the value.
"""

from __future__ import annotations

import mmap
import os
import struct
import zlib
from pathlib import Path
from typing import Iterable

_MAGIC = b"QLX2"
_HEADER = struct.Struct("<4sI")
_ENTRY_HEAD = struct.Struct("<B")
_VALUE_HEAD = struct.Struct("<I")


def write_table(path: Path, entries: dict[bytes, bytes]) -> None:
    """Write `entries` as a table, atomically (a reader never sees half a file)."""
    slots = 1 << max(4, (len(entries) * 2 - 1).bit_length())  # at most half full
    mask = slots - 1
    offsets = [0] * slots
    blob = bytearray()
    base = _HEADER.size + 4 * slots
    for key, value in entries.items():
        key = key[:255]
        index = zlib.crc32(key) & mask
        while offsets[index]:
            index = (index + 1) & mask
        offsets[index] = base + len(blob)
        blob += _ENTRY_HEAD.pack(len(key)) + key + _VALUE_HEAD.pack(len(value)) + value
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    with open(temporary, "wb") as handle:
        handle.write(_HEADER.pack(_MAGIC, slots))
        handle.write(struct.pack(f"<{slots}I", *offsets))
        handle.write(blob)
    os.replace(temporary, path)


class Table:
    """A table written by `write_table`, opened read-only."""

    def __init__(self, path: Path) -> None:
        with open(path, "rb") as handle:
            self._map = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
        magic, slots = _HEADER.unpack_from(self._map, 0)
        if magic != _MAGIC or _HEADER.size + 4 * slots > len(self._map):
            raise ValueError(f"{path}: not a qalint word table")
        self._mask = slots - 1
        self._slots = memoryview(self._map)[_HEADER.size:_HEADER.size + 4 * slots].cast("I")

    def get(self, key: bytes) -> bytes | None:
        data, slots, mask = self._map, self._slots, self._mask
        index = zlib.crc32(key) & mask
        size = len(key)
        while True:
            offset = slots[index]
            if not offset:
                return None
            if data[offset] == size and data[offset + 1:offset + 1 + size] == key:
                start = offset + 1 + size
                length = _VALUE_HEAD.unpack_from(data, start)[0]
                return data[start + 4:start + 4 + length]
            index = (index + 1) & mask

    def found(self, keys: Iterable[bytes]) -> dict[bytes, bytes]:
        """The values of those keys the table holds: `get` for many keys at
        once, without a call per key (corrections try a thousand)."""
        data, slots, mask, crc32 = self._map, self._slots, self._mask, zlib.crc32
        values = {}
        for key in keys:
            index = crc32(key) & mask
            while True:
                offset = slots[index]
                if not offset:
                    break
                size = data[offset]
                if data[offset + 1:offset + 1 + size] == key:
                    start = offset + 1 + size
                    length = _VALUE_HEAD.unpack_from(data, start)[0]
                    values[key] = data[start + 4:start + 4 + length]
                    break
                index = (index + 1) & mask
        return values
