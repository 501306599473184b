"""What the spelling rules work out about words (corrections, compound
splits), kept across runs in the cache folder beside the dictionary it
belongs to, so that a second run over the same prose reuses it."""

from __future__ import annotations

import os
import threading
from pathlib import Path

from ..version import __version__
from ..cachedir import cache_folder, remove_stale

# Corrections and compound splits depend on the rules, so a new qalint forgets them.
LEARNT_VERSION = f"{__version__}-3"


class LearntWords:
    """Conclusions about words by kind ("corrections", "compound", ...) for
    the dictionary `stem` with `fingerprint`."""

    def __init__(self, stem: str, fingerprint: str) -> None:
        self.stem = stem
        self.fingerprint = fingerprint
        self._memo: dict[tuple[str, str], str] | None = None
        self._new: dict[tuple[str, str], str] = {}
        self._lock = threading.Lock()  # guards what this run learnt

    def recall(self, kind: str, word: str) -> str | None:
        if self._memo is None:
            self._memo = self._load()
        return self._memo.get((kind, word))

    def remember(self, kind: str, word: str, value: str) -> None:
        if self._memo is None:
            self._memo = self._load()
        self._memo[(kind, word)] = value
        if _plain(word) and _plain(value):
            with self._lock:
                self._new[(kind, word)] = value

    def _file(self) -> Path | None:
        folder = cache_folder()
        return folder / f"words-{self.stem}-{self.fingerprint}-{LEARNT_VERSION}.txt" if folder else None

    def _load(self) -> dict[tuple[str, str], str]:
        memo: dict[tuple[str, str], str] = {}
        path = self._file()
        if path is None or not path.is_file():
            return memo
        try:
            for line in path.read_text(encoding="utf-8").splitlines():
                kind, _, rest = line.partition("\t")
                word, _, value = rest.partition("\t")
                memo[(kind, word)] = value
        except (OSError, UnicodeDecodeError):
            return {}
        return memo

    def save(self) -> None:
        """Append what this run learnt to the cache (best effort)."""
        path = self._file()
        if path is None or not self._new:
            return
        if not path.exists():
            remove_stale(path.parent, f"words-{self.stem}-", path.name)
        with self._lock:
            lines = "".join(f"{kind}\t{word}\t{value}\n" for (kind, word), value in self._new.items())
            self._new = {}
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # One write on an appending descriptor: parallel workers never interleave lines.
            descriptor = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
            try:
                os.write(descriptor, lines.encode("utf-8"))
            finally:
                os.close(descriptor)
        except OSError:
            pass  # a read-only home folder only costs speed


def _plain(text: str) -> bool:
    return not any(c in text for c in "\t\n\r")
