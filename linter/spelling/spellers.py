"""The spellers of a run: one per language and word list, built when a
document first needs it and kept while the run lasts, so that what one learns
about compounds serves every document; what they learnt is saved once, when
the run ends (`Linter.save_learnt`)."""

from __future__ import annotations

import threading
from collections import OrderedDict
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..analysis.run import RunSettings
    from ..profiles import Profile
    from .dictionary import Dictionary
    from .speller import Speller

# Spellers kept at once: a server or the Python API may see many word lists.
DEFAULT_LIMIT = 8


class Spellers:
    """The spellers of one run, the `limit` used last at most."""

    def __init__(self, limit: int = DEFAULT_LIMIT) -> None:
        self._spellers: OrderedDict[tuple, Speller] = OrderedDict()
        self._dictionaries: dict[str, Dictionary] = {}  # every dictionary a speller of the run used
        self._limit = limit
        self._lock = threading.Lock()  # the Python API checks from several threads

    def __len__(self) -> int:
        return len(self._spellers)

    def speller(self, language: str, profile: Profile, run: RunSettings) -> Speller:
        """The speller of `language` with the profile's compound prefixes and
        the run's project words (the `words` setting and the word list)."""
        from .dictionary import DictionaryUnavailable
        from .speller import Speller

        words_file = run.words_file
        key = (language, tuple(profile.compound_prefixes), words_file, _modified(words_file), run.words)
        with self._lock:
            speller = self._spellers.get(key)
            if speller is None:
                try:
                    speller = Speller(language, profile.compound_prefixes, project_words(run))
                except DictionaryUnavailable as error:
                    raise RuntimeError(f"spelling dictionaries unavailable: {error}") from None
                self._dictionaries.update((d.language, d) for d in speller.dictionaries)
                self._spellers[key] = speller
                while len(self._spellers) > self._limit:
                    self._spellers.popitem(last=False)
            self._spellers.move_to_end(key)
            return speller

    def save(self) -> None:
        """Append what the run learnt about words to the cache (best effort)."""
        with self._lock:
            used = list(self._dictionaries.values())
        for dictionary in used:
            dictionary.save()


def project_words(run: RunSettings) -> frozenset[str]:
    """The `words` setting and the words of the project word list."""
    words = set(run.words)
    if run.words_file:
        words |= read_word_file(run.words_file, _modified(run.words_file))
    return frozenset(words)


def _modified(path: str | None) -> int:
    try:
        return Path(path).stat().st_mtime_ns if path else 0
    except OSError:
        return 0


@lru_cache(maxsize=16)
def read_word_file(path: str, modified: int = 0) -> frozenset[str]:  # noqa: ARG001 (`modified` keys the cache)
    """A project word list: one word a line, `#` starts a comment."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return frozenset()
    return frozenset(line.split("#", 1)[0].strip() for line in lines if line.split("#", 1)[0].strip())
