"""Language packs: what qalint knows of a language, as data.

One TOML file per language, named by its code (`nl.toml`, `en.toml`), holds
the words the analysis and the rules need: detection words, function words,
month names, the vocabulary of number lists and deferrals, and what the
speller needs (the letters it tries, vowel clashes, compound links). Layout
phrasings stay in the profiles. Each pack is checked against
`schemas/language.schema.json` when read; adding a language is adding a file.
"""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

PACK_DIR = Path(__file__).parent
# Where packs are read from, in order (a later folder's pack of the same language wins).
FOLDERS: tuple[Path, ...] = (PACK_DIR,)
SCHEMA_PATH = PACK_DIR.parent / "schemas" / "language.schema.json"
# Pack lists that the profiles of the language start from: (table, key) -> profile key.
PROFILE_KEYS = {
    ("numbers", "list_words"): "list_words",
    ("numbers", "range_words"): "range_words",
    ("numbers", "nouns"): "number_nouns",
    ("deferral", "promise"): "deferral_promise",
    ("deferral", "later"): "deferral_later",
    ("deferral", "inform"): "deferral_inform",
    ("spelling", "compound_prefixes"): "compound_prefixes",
    ("spelling", "allowed_doubles"): "allowed_doubles",
    ("spelling", "joined_forms"): "joined_form_list",
}


class LanguageError(ValueError):
    """A language pack is malformed."""


@dataclass(frozen=True)
class Language:
    """One language's pack. A language without a pack knows nothing: every
    list is empty."""

    code: str
    description: str = ""
    detection_words: tuple[str, ...] = ()
    function_words: frozenset[str] = frozenset()
    single_letter_words: frozenset[str] = frozenset()
    conjunctions: frozenset[str] = frozenset()
    name_particles: frozenset[str] = frozenset()
    months: tuple[str, ...] = ()
    abbreviations: frozenset[str] = frozenset()
    try_letters: str = ""
    vowel_clashes: frozenset[str] = frozenset()
    compound_links: tuple[str, ...] = ()
    # Profile key -> the words every profile of the language starts from.
    profile_lists: Mapping[str, tuple[str, ...]] = field(default_factory=dict, hash=False, compare=False)

    @property
    def spells(self) -> bool:
        """Whether qalint checks the spelling of this language (it knows the letters to try)."""
        return bool(self.try_letters)


def language(code: str | None) -> Language:
    """The pack of language `code`; one that knows nothing when there is none."""
    return packs().get(code or "") or Language(code or "")


def packs() -> Mapping[str, Language]:
    """Every pack in `FOLDERS`, by language code, read and checked once."""
    return load_packs(FOLDERS)


@cache
def load_packs(folders: tuple[Path, ...]) -> Mapping[str, Language]:
    """The packs in `folders`; a LanguageError names the first broken one."""
    from ..engine.validation import Remembered  # a helper only: the packs sit below every layer

    raw: dict[str, tuple[Path, dict[str, Any]]] = {}
    for folder in folders:
        for path in sorted(Path(folder).glob("*.toml")):
            raw[path.stem] = (path, read_toml(path))
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    memo = Remembered("valid-languages", [{code: data for code, (_, data) in sorted(raw.items())}, schema])
    if not memo.known():
        for path, data in raw.values():
            problem = pack_problem(data, schema)
            if problem:
                raise LanguageError(f"{path}: {problem}")
        memo.remember()
    return MappingProxyType({code: _build(code, data) for code, (_, data) in raw.items()})


def read_toml(path: Path, error_type: type[Exception] = LanguageError) -> dict[str, Any]:
    """A TOML file's table; `error_type` names the file and the problem."""
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise error_type(f"{path}: {error}") from None


def pack_problem(data: dict[str, Any], schema: dict[str, Any]) -> str | None:
    """What is wrong with one pack (naming the key), or None."""
    from ..engine.validation import schema_errors

    errors = schema_errors(data, schema)
    if errors:
        error = errors[0]
        key = ".".join(str(part) for part in error.absolute_path)
        return f"{key}: {error.message}" if key else error.message
    for key, patterns in data.get("deferral", {}).items():
        for position, pattern in enumerate(patterns):
            try:
                _compile(pattern)
            except Exception as error:  # re.error, or the `regex` module's own error
                return f"deferral.{key}[{position}]: pattern does not compile: {error}"
    return None


def _compile(pattern: str) -> None:
    try:
        re.compile(pattern)
    except re.error:
        import regex  # patterns that need it (\p{L}) compile there, as profile patterns do

        regex.compile(pattern)


def _build(code: str, data: dict[str, Any]) -> Language:
    spelling = data.get("spelling", {})
    return Language(
        code=code,
        description=data["description"],
        detection_words=tuple(data["detection_words"]),
        function_words=frozenset(data.get("function_words", ())),
        single_letter_words=frozenset(data.get("single_letter_words", ())),
        conjunctions=frozenset(data.get("conjunctions", ())),
        name_particles=frozenset(data.get("name_particles", ())),
        months=tuple(name.lower() for name in data.get("months", ())),
        abbreviations=frozenset(data.get("abbreviations", ())),
        try_letters=spelling.get("try", ""),
        vowel_clashes=frozenset(spelling.get("vowel_clashes", ())),
        compound_links=tuple(spelling.get("compound_links", ())),
        profile_lists=MappingProxyType({
            profile_key: tuple(data[table][key])
            for (table, key), profile_key in PROFILE_KEYS.items() if key in data.get(table, {})
        }),
    )


@dataclass(frozen=True)
class _AllLanguages:
    """What holds in a document of any language with a pack: the text
    alone does not say which language a sentence or a date is in."""

    conjunctions: frozenset[str]
    name_particles: frozenset[str]
    abbreviations: frozenset[str]
    months: Mapping[str, int] = field(hash=False, compare=False)


@cache
def _all_languages(folders: tuple[Path, ...]) -> _AllLanguages:
    loaded = load_packs(folders).values()
    return _AllLanguages(
        conjunctions=frozenset().union(*(pack.conjunctions for pack in loaded)),
        name_particles=frozenset().union(*(pack.name_particles for pack in loaded)),
        abbreviations=frozenset().union(*(pack.abbreviations for pack in loaded)),
        months=MappingProxyType({name: number for pack in loaded for number, name in enumerate(pack.months, start=1)}),
    )


def conjunctions() -> frozenset[str]:
    """Words that may follow a shared compound part, in any language
    ("buitenland- en", "pre- and")."""
    return _all_languages(FOLDERS).conjunctions


def name_particles() -> frozenset[str]:
    """Words that open a surname ("De Jong", "von Braun"), in any language:
    names cross languages."""
    return _all_languages(FOLDERS).name_particles


def abbreviations() -> frozenset[str]:
    """Abbreviations whose full stop ends no sentence, in any language."""
    return _all_languages(FOLDERS).abbreviations


def months() -> Mapping[str, int]:
    """Month names in any language, with their number (1-12)."""
    return _all_languages(FOLDERS).months
