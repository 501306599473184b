"""Compiling dictionaries in a background process, so that the first run on a
machine waits for none but the one its document is checked against.

    python -m qalint.spelling.compile_tables LANGUAGE FOLDER STEM [LANGUAGE FOLDER STEM ...]

The process is started detached (its own session, no standard streams), at
low priority, and leaves a marker beside the table it is compiling so that
the runs started meanwhile (or the workers of one `--jobs` run) do not start
another. A marker older than `STALE_MARKER` seconds belongs to a compile that
died and is ignored.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .dictionary import Dictionary

STALE_MARKER = 300
_STARTED: list[subprocess.Popen] = []  # kept so that no warning says a child was forgotten


def compile_in_background(dictionaries: list[Dictionary]) -> None:
    """Start one process compiling the tables of `dictionaries` (those no
    other process is compiling already)."""
    arguments = []
    for dictionary in dictionaries:
        if _claim(dictionary.marker_path()):
            arguments += [dictionary.language, str(dictionary.folder), dictionary.stem]
    if not arguments:
        return
    try:
        _STARTED.append(subprocess.Popen(
            [sys.executable, "-m", "qalint.spelling.compile_tables", *arguments],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            start_new_session=True,
        ))
    except OSError:
        pass  # the next run that needs the table compiles it itself


def _claim(marker: Path | None) -> bool:
    if marker is None:
        return False
    try:
        if time.time() - marker.stat().st_mtime < STALE_MARKER:
            return False
        marker.unlink()
    except FileNotFoundError:
        pass
    except OSError:
        return False
    try:
        marker.parent.mkdir(parents=True, exist_ok=True)
        os.close(os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644))
        return True
    except OSError:  # another run claimed it first, or the folder cannot be written
        return False
