"""Compiled tables shipped with qalint, so that the first run on a machine
does not spend a second and more expanding the Dutch dictionary before it
checks anything: it unpacks the table into the cache folder instead.

Only OpenTaal's nl_NL is shipped: its licences (revised BSD and/or CC BY
3.0) allow redistribution with the licence, which is kept beside the table
in `compiled/`. A shipped table names the affix file and word list it was
compiled from (their SHA-256) and the format of qalint's tables; when the
installed dictionary or that format differs, it is ignored and the
dictionary compiled as before. After either changes, regenerate it with

    python -m qalint.spelling.ship_tables

File layout: a JSON header line (what it was compiled from), then the table
of `lexicon.py`, its entries in sorted order, zlib-compressed.
"""

from __future__ import annotations

import hashlib
import json
import zlib
from pathlib import Path

from .lexicon import table_bytes, write_atomically

FOLDER = Path(__file__).with_name("compiled")
# The languages shipped: those whose dictionary's licence allows it (see above).
LANGUAGES = ("nl",)


def shipped_path(stem: str) -> Path:
    """Where the table of the dictionary `stem` is shipped, if it is."""
    return FOLDER / f"{stem}.table.zz"


def identity(folder: Path, stem: str, version: str) -> dict[str, str]:
    """What a shipped table must have been compiled from to stand for the
    dictionary `stem` in `folder` under the table format `version`."""
    return {
        "format": version,
        "aff": hashlib.sha256((folder / f"{stem}.aff").read_bytes()).hexdigest(),
        "dic": hashlib.sha256((folder / f"{stem}.dic").read_bytes()).hexdigest(),
    }


def ships(folder: Path, stem: str, version: str) -> bool:
    """Whether qalint ships the table of exactly the dictionary `stem` in
    `folder` under the table format `version`."""
    shipped = _read_shipped(stem)
    return shipped is not None and shipped[0] == identity(folder, stem, version)


def unpack_shipped(target: Path, folder: Path, stem: str, version: str) -> bool:
    """Write the shipped table of the dictionary `stem` in `folder` to
    `target`; False when qalint ships none for exactly that dictionary and
    format (or the shipped file is damaged). Raises OSError when `target`
    cannot be written."""
    shipped = _read_shipped(stem)
    if shipped is None or shipped[0] != identity(folder, stem, version):
        return False
    try:
        table = zlib.decompress(shipped[1])
    except zlib.error:
        return False
    write_atomically(target, table)
    return True


def _read_shipped(stem: str) -> tuple[dict, bytes] | None:
    """The header and the compressed table shipped for `stem`, if any."""
    try:
        with open(shipped_path(stem), "rb") as handle:
            return json.loads(handle.readline()), handle.read()
    except (OSError, ValueError):
        return None


def write_shipped(stem: str, entries: dict[bytes, bytes], header: dict[str, str]) -> Path:
    """Write the table of `entries` as the shipped table of `stem`."""
    path = shipped_path(stem)
    FOLDER.mkdir(exist_ok=True)
    table = table_bytes(dict(sorted(entries.items())))
    path.write_bytes(json.dumps(header, sort_keys=True).encode("ascii") + b"\n" + zlib.compress(table, 9))
    return path
