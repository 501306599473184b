"""Hunspell dictionaries read as data: the affix file's rules applied to the
word list, giving every word form the dictionary accepts on its own (what
Hunspell's `unmunch` does), with what each form may do in a compound.

Hunspell answers a lookup by stripping affixes at run time and, for Dutch,
by exploring compounds; loading its nl_NL dictionary takes a quarter of a
second. qalint expands the dictionary once and keeps the forms in a
memory-mapped table (see `lexicon.py`), so a run opens a file instead.
"""

from __future__ import annotations

import marshal
import os
import re
import threading
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Callable, Iterator, NamedTuple

# What a form may do, as bits of one byte.
WORD = 1  # accepted on its own
STEM = 2  # a word of the list itself, without affixes
NOUN = 4  # a stem with noun flags (plural, diminutive or compounding classes)
KEEPCASE = 8  # accepted only in the case written
FORBIDDEN = 16  # listed as a wrong form
COMPOUND_PART = 32  # only valid inside a compound
BEGIN = 64  # may open a compound (Hunspell's COMPOUNDBEGIN)
MIDDLE = 128  # may stand inside one (COMPOUNDMIDDLE)
END = 256  # may close one (COMPOUNDEND)

# Flags that mark nouns in OpenTaal's nl_NL: compounding (C?), plural (Z?)
# and diminutive (Y?) classes.
_NOUN_FLAG_PREFIXES = ("C", "Z", "Y")


class _Affix(NamedTuple):
    strip: str
    add: str
    matches: Callable[[str], object] | None  # the condition (None: any word)
    continuation: frozenset[str]


@dataclass
class _AffixClass:
    prefix: bool
    cross_product: bool
    rules: list[_Affix] = field(default_factory=list)


@dataclass
class AffixFile:
    """The parts of a Hunspell .aff file that decide which forms exist."""

    encoding: str = "utf-8"
    flag_type: str = "short"
    classes: dict[str, _AffixClass] = field(default_factory=dict)
    keepcase: str | None = None
    forbidden: str | None = None
    only_in_compound: str | None = None
    compound_flags: dict[str, int] = field(default_factory=dict)  # flag -> BEGIN, MIDDLE or END
    permit: str | None = None  # COMPOUNDPERMITFLAG: an affix that may stand inside a compound
    conversions: list[tuple[str, str]] = field(default_factory=list)  # OCONV
    compound_patterns: list[tuple[str, str]] = field(default_factory=list)  # letters that may not meet
    replacements: list[tuple[str, str]] = field(default_factory=list)  # REP: common misspellings, fixed

    def flags(self, text: str) -> list[str]:
        if self.flag_type == "long":
            return [text[i:i + 2] for i in range(0, len(text) - 1, 2)]
        if self.flag_type == "num":
            return [part for part in text.split(",") if part]
        return list(text)

    def convert(self, word: str) -> str:
        for source, target in self.conversions:
            word = word.replace(source, target)
        return word


def _encoding(path: Path) -> str:
    with open(path, "rb") as handle:
        for line in handle:
            if line.startswith(b"SET "):
                return line.split()[1].decode("ascii", "replace")
    return "utf-8"


def _condition(text: str, prefix: bool) -> Callable[[str], object] | None:
    if text in (".", ""):
        return None
    try:
        return re.compile(("^" + text) if prefix else (text + "$")).search
    except re.error:
        return None


_COMPOUND_KEYS = {"COMPOUNDBEGIN": BEGIN, "COMPOUNDMIDDLE": MIDDLE, "COMPOUNDEND": END}


def read_affix_file(path: Path) -> AffixFile:
    affixes = AffixFile(encoding=_encoding(path))
    lines = path.read_text(encoding=affixes.encoding, errors="replace").lstrip("\ufeff").splitlines()
    for line in lines:
        parts = line.split()
        if not parts or parts[0].startswith("#"):
            continue
        key = parts[0]
        if key == "FLAG" and len(parts) > 1:
            affixes.flag_type = {"long": "long", "num": "num"}.get(parts[1], "short")
        elif key == "KEEPCASE" and len(parts) > 1:
            affixes.keepcase = parts[1]
        elif key == "FORBIDDENWORD" and len(parts) > 1:
            affixes.forbidden = parts[1]
        elif key == "ONLYINCOMPOUND" and len(parts) > 1:
            affixes.only_in_compound = parts[1]
        elif key in _COMPOUND_KEYS and len(parts) > 1:
            affixes.compound_flags[parts[1]] = _COMPOUND_KEYS[key]
        elif key == "COMPOUNDPERMITFLAG" and len(parts) > 1:
            affixes.permit = parts[1]
        elif key == "CHECKCOMPOUNDPATTERN" and len(parts) >= 3 and "/" not in parts[1] + parts[2]:
            affixes.compound_patterns.append((parts[1], parts[2]))
        elif key == "REP" and len(parts) >= 3 and "_" not in parts[2]:
            affixes.replacements.append((parts[1], parts[2]))
        elif key == "OCONV" and len(parts) == 3:
            affixes.conversions.append((parts[1], parts[2]))
        elif key in ("PFX", "SFX") and len(parts) >= 4:
            flag = parts[1]
            if flag not in affixes.classes:  # the class header: flag, cross product, count
                affixes.classes[flag] = _AffixClass(key == "PFX", parts[2] == "Y")
                continue
            strip = "" if parts[2] == "0" else parts[2]
            add, _, continuation = parts[3].partition("/")
            add = "" if add == "0" else add
            condition = _condition(parts[4] if len(parts) > 4 else ".", key == "PFX")
            affixes.classes[flag].rules.append(
                _Affix(strip, add, condition, frozenset(affixes.flags(continuation)))
            )
    return affixes


def _entries(path: Path, affixes: AffixFile, part: tuple[int, int]) -> Iterator[tuple[str, list[str]]]:
    """The word list's entries, or every `part[1]`-th one from `part[0]`."""
    with open(path, encoding=affixes.encoding, errors="replace") as handle:
        next(handle, None)  # the word count
        for line in islice(handle, part[0], None, part[1]):
            line = line.lstrip("\ufeff").rstrip("\n")
            if not line or line[0] in "#\t ":
                continue
            entry = line.split("\t", 1)[0].split(" ", 1)[0]
            # "km\/h/Fw": an escaped slash belongs to the word
            word, flags = _split_entry(entry)
            if word:
                yield word, affixes.flags(flags)


def _split_entry(entry: str) -> tuple[str, str]:
    index = 0
    while True:
        slash = entry.find("/", index)
        if slash <= 0:
            return entry.replace("\\/", "/"), ""
        if entry[slash - 1] != "\\":
            return entry[:slash].replace("\\/", "/"), entry[slash + 1:]
        index = slash + 1


def expand(affixes: AffixFile, dic: Path, part: tuple[int, int] = (0, 1)) -> dict[str, int]:
    """Every form of the word list `dic` under the rules of `affixes`, with
    its bits (see the constants above); of one part of the list only when
    `part` (index, count) says so."""
    classes = affixes.classes
    compound_flags = affixes.compound_flags
    forms: dict[str, int] = {}

    compound_items = tuple(compound_flags.items())
    forbidden, only_in_compound, keepcase = affixes.forbidden, affixes.only_in_compound, affixes.keepcase

    def compound_bits(flags) -> int:
        bits = 0
        for flag, bit in compound_items:
            if flag in flags:
                bits |= bit
        return bits

    def add(form: str, flags, bits: int) -> None:
        if forbidden in flags:
            bits |= FORBIDDEN
        elif only_in_compound in flags:
            bits = (bits | COMPOUND_PART) & ~END  # a linking element never closes a compound
        else:
            bits |= WORD
        if keepcase in flags:
            bits |= KEEPCASE
        forms[form] = forms.get(form, 0) | bits

    def suffixed(word: str, flags, depth: int) -> Iterator[tuple[str, frozenset[str], bool]]:
        """(form, its continuation flags, cross product) for each suffix; a
        suffix's continuation may allow one more (Hunspell's twofold suffixes)."""
        for flag in flags:
            affix_class = classes.get(flag)
            if affix_class is None or affix_class.prefix:
                continue
            for strip, add, matches, rule_continuation in affix_class.rules:
                if (strip and not word.endswith(strip)) or (matches is not None and matches(word) is None):
                    continue
                form = (word[: len(word) - len(strip)] if strip else word) + add
                yield form, rule_continuation, affix_class.cross_product
                if depth == 0 and rule_continuation:
                    for outer, continuation, cross in suffixed(form, rule_continuation, 1):
                        yield outer, continuation | rule_continuation, cross and affix_class.cross_product

    def prefixed(word: str, flags, cross_only: bool) -> Iterator[tuple[str, frozenset[str]]]:
        for flag in flags:
            affix_class = classes.get(flag)
            if affix_class is None or not affix_class.prefix or (cross_only and not affix_class.cross_product):
                continue
            for strip, add, matches, continuation in affix_class.rules:
                if (strip and not word.startswith(strip)) or (matches is not None and matches(word) is None):
                    continue
                yield add + word[len(strip):], continuation

    permit = affixes.permit
    for word, flag_list in _entries(dic, affixes, part):
        flags = frozenset(flag_list)
        noun = NOUN if affixes.flag_type == "long" and any(f[:1] in _NOUN_FLAG_PREFIXES for f in flag_list) else 0
        own = compound_bits(flags)
        add(word, flags, STEM | noun | own)
        stem_flags = {f for f in (affixes.keepcase, affixes.forbidden) if f in flags}
        for form, continuation, cross in suffixed(word, flags, 0):
            add(form, continuation | stem_flags, _place(own, compound_bits(continuation), permit in continuation, END))
            if cross:
                for both, prefix_continuation in prefixed(form, flags | continuation, True):
                    edges = (BEGIN if permit in continuation else 0) | (END if permit in prefix_continuation else 0)
                    add(both, continuation | prefix_continuation | stem_flags,
                        _place(own & edges, compound_bits(continuation | prefix_continuation), False, 0))
        for form, continuation in prefixed(word, flags, False):
            add(form, continuation | stem_flags, _place(own, compound_bits(continuation), permit in continuation, BEGIN))
            for both, suffix_continuation, _ in suffixed(form, continuation, 1):
                add(both, continuation | suffix_continuation | stem_flags, compound_bits(continuation | suffix_continuation))
    return _converted(forms, affixes.conversions)


def expand_side_by_side(affixes: AffixFile, dic: Path) -> dict[str, int]:
    """`expand`, half of the word list in a forked process when the machine
    has the cores and this process may fork (no other threads: a fork copies
    the locks they hold)."""
    if not hasattr(os, "fork") or (os.cpu_count() or 1) < 2 or threading.active_count() > 1:
        return expand(affixes, dic)
    read, write = os.pipe()
    child = os.fork()
    if child == 0:  # expand the other half, hand it over, leave without this process's exit handlers
        try:
            os.close(read)
            with os.fdopen(write, "wb") as out:
                out.write(marshal.dumps(expand(affixes, dic, (1, 2))))
        finally:
            os._exit(0)
    os.close(write)
    forms = expand(affixes, dic, (0, 2))
    with os.fdopen(read, "rb") as handle:
        data = handle.read()
    os.waitpid(child, 0)
    try:
        other = marshal.loads(data)
    except (EOFError, ValueError, TypeError):  # the child failed: do its half here
        other = expand(affixes, dic, (1, 2))
    for form, bits in other.items():
        forms[form] = forms.get(form, 0) | bits
    return forms


def _converted(forms: dict[str, int], conversions: list[tuple[str, str]]) -> dict[str, int]:
    """The forms in the dictionary's output spelling (OCONV: "ĳ" -> "ij"),
    converted once at the end: few forms hold a letter to convert."""
    sources = tuple(source for source, _ in conversions)
    for form in [f for f in forms if any(source in f for source in sources)]:
        bits = forms.pop(form)
        for source, target in conversions:
            form = form.replace(source, target)
        forms[form] = forms.get(form, 0) | bits
    return forms


def _place(stem: int, affix: int, permitted: bool, edge: int) -> int:
    """Where an affixed form may stand in a compound: where its affix says,
    and where its stem may, at the edge the affix is on only unless the
    affix permits more."""
    return affix | (stem if permitted else stem & edge)
