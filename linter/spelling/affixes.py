"""Hunspell dictionaries read as data: the affix file's rules applied to the
word list, giving every word form the dictionary accepts on its own (what
Hunspell's `unmunch` does), with what each form may do in a compound.

Hunspell answers a lookup by stripping affixes at run time and, for Dutch,
by exploring compounds; loading its nl_NL dictionary takes a quarter of a
second. qalint expands the dictionary once and keeps the forms in a
table read in place (see `lexicon.py`), so a run opens a file instead.
"""

from __future__ import annotations

import marshal
import os
import threading
from itertools import islice
from pathlib import Path
from typing import Callable, Iterator, NamedTuple

from .affixfile import AffixFile

# What a form may do, as bits of its table value.
WORD = 1  # accepted on its own
STEM = 2  # a word of the list itself, without affixes
NOUN = 4  # a stem with noun flags (plural, diminutive or compounding classes)
KEEPCASE = 8  # accepted only in the case written
FORBIDDEN = 16  # listed as a wrong form
COMPOUND_PART = 32  # only valid inside a compound
BEGIN = 64  # may open a compound (Hunspell's COMPOUNDBEGIN)
MIDDLE = 128  # may stand inside one (COMPOUNDMIDDLE)
END = 256  # may close one (COMPOUNDEND)
FORCE_CAPITAL = 512  # closes a compound only in a capitalised word (FORCEUCASE)
# Above these, one bit per (role, flag) of `flag_bits`: the flags that
# compound rules and compound patterns test on a form's root.
_FIRST_FLAG_BIT = 1 << 16

_PLACES = {"begin": BEGIN, "middle": MIDDLE, "end": END}
# Flags that mark nouns in OpenTaal's nl_NL: compounding (C?), plural (Z?)
# and diminutive (Y?) classes.
_NOUN_FLAG_PREFIXES = ("C", "Z", "Y")


def flag_bits(affixes: AffixFile) -> dict[tuple[str, str], int]:
    """One bit per flag that compound rules test ("stem": on the word itself,
    "end": on the root of a form that may close a rule's compound) and per
    flag that compound patterns test on a part's root ("root")."""
    bits: dict[tuple[str, str], int] = {}
    bit = _FIRST_FLAG_BIT
    rule_flags = sorted({flag for rule in affixes.compound_rules for flag, _ in rule})
    pattern_flags = sorted({f for p in affixes.compound_patterns for f in (p.end_flag, p.begin_flag) if f})
    for role, flags in (("stem", rule_flags), ("end", rule_flags), ("root", pattern_flags)):
        for flag in flags:
            bits[(role, flag)] = bit
            bit <<= 1
    return bits


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
    expansion = _Expansion(affixes)
    for word, flag_list in _entries(dic, affixes, part):
        expansion.entry(word, flag_list, expansion.add)
        if _hidden_capitals(word, flag_list, affixes):
            # Hunspell reads "DDoS", "kV" and "NGO/S" also as hidden "Ddos",
            # "Kv", "Ngo/S" that match only a word in capitals: "DDOS", "NGOS".
            lower = word.lower()
            expansion.entry(lower[:1].upper() + lower[1:], flag_list, expansion.add_in_capitals)
    return expansion.forms


class _Root(NamedTuple):
    """What a word's flags give all its forms."""

    flags: frozenset[str]
    own: int  # the word's own compound places
    as_word: int  # the bits of the word itself
    as_end: int  # of forms that may close a rule's compound (suffixed or permitted ones)
    as_any: int  # of any form
    stem_flags: frozenset[str]  # keep-case and forbidden, which hold for every form


Add = Callable[[str, frozenset[str], int], None]


class _Expansion:
    """The forms of a word list under one affix file, gathered in `forms`."""

    def __init__(self, affixes: AffixFile) -> None:
        self.affixes = affixes
        self.forms: dict[str, int] = {}
        self._compound_flags = {flag: _PLACES[place] for flag, place in affixes.compound_flags.items()}
        self._bits_of_flag = flag_bits(affixes)
        self._tested = frozenset(flag for _, flag in self._bits_of_flag)
        self._roots: dict[tuple[str, ...], _Root] = {}  # many words share their flags

    def entry(self, word: str, flag_list: list[str], add: Add) -> None:
        """Add `word` and its affixed forms through `add`."""
        root = self._root(tuple(flag_list))
        add(word, root.flags, root.as_word)
        for form, continuation, cross in self._suffixed(word, root.flags, 0):
            self._add_suffixed(form, continuation, cross, root, add)
        permit = self.affixes.permit
        for form, continuation in self._prefixed(word, root.flags, False):
            closing = root.as_end if permit in continuation else root.as_any
            add(form, continuation | root.stem_flags,
                closing | _place(root.own, self._compound_bits(continuation), permit in continuation, BEGIN))
            for both, suffix_continuation, _ in self._suffixed(form, continuation, 1):
                add(both, continuation | suffix_continuation | root.stem_flags,
                    closing | self._compound_bits(continuation | suffix_continuation))

    def _add_suffixed(self, form: str, continuation: frozenset[str], cross: bool, root: _Root, add: Add) -> None:
        """A suffixed form, and its forms with a prefix too where the suffix combines."""
        permit = self.affixes.permit
        add(form, continuation | root.stem_flags,
            root.as_end | _place(root.own, self._compound_bits(continuation), permit in continuation, END))
        if not cross:
            return
        for both, prefix_continuation in self._prefixed(form, root.flags | continuation, True):
            edges = (BEGIN if permit in continuation else 0) | (END if permit in prefix_continuation else 0)
            add(both, continuation | prefix_continuation | root.stem_flags,
                (root.as_end if permit in prefix_continuation else root.as_any)
                | _place(root.own & edges, self._compound_bits(continuation | prefix_continuation), False, 0))

    def add(self, form: str, flags: frozenset[str], bits: int) -> None:
        affixes = self.affixes
        if affixes.forbidden in flags:
            bits |= FORBIDDEN
        elif affixes.only_in_compound in flags:
            bits = (bits | COMPOUND_PART) & ~END  # a linking element never closes a compound
        else:
            bits |= WORD
        if affixes.keepcase in flags:
            bits |= KEEPCASE
        form = affixes.convert(form)
        self.forms[form] = self.forms.get(form, 0) | bits

    def add_in_capitals(self, form: str, flags: frozenset[str], bits: int) -> None:
        affixes = self.affixes
        if not flags & {affixes.forbidden, affixes.only_in_compound, affixes.keepcase}:
            capitals = affixes.convert(form).upper()
            self.forms[capitals] = self.forms.get(capitals, 0) | WORD

    def _root(self, flag_list: tuple[str, ...]) -> _Root:
        root = self._roots.get(flag_list)
        if root is None:
            affixes = self.affixes
            flags = frozenset(flag_list)
            noun = NOUN if affixes.flag_type == "long" and any(f[:1] in _NOUN_FLAG_PREFIXES for f in flag_list) else 0
            own = self._compound_bits(flags)
            as_stem, as_end, as_any = self._root_bits(flags)
            stem_flags = frozenset(f for f in (affixes.keepcase, affixes.forbidden) if f in flags)
            root = self._roots[flag_list] = _Root(flags, own, STEM | noun | own | as_stem, as_end, as_any, stem_flags)
        return root

    def _root_bits(self, flags: frozenset[str]) -> tuple[int, int, int]:
        """The bits a root's flags give its forms: the word itself, forms that
        may close a rule's compound (suffixed or permitted ones), any form."""
        every = FORCE_CAPITAL if self.affixes.forceucase in flags else 0
        end = stem = 0
        for flag in flags & self._tested:
            every |= self._bits_of_flag.get(("root", flag), 0)
            end |= self._bits_of_flag.get(("end", flag), 0)
            stem |= self._bits_of_flag.get(("stem", flag), 0)
        return stem | end | every, end | every, every

    def _compound_bits(self, flags: frozenset[str]) -> int:
        bits = 0
        for flag in flags:
            bits |= self._compound_flags.get(flag, 0)
        return bits

    def _suffixed(self, word: str, flags: frozenset[str], depth: int) -> Iterator[tuple[str, frozenset[str], bool]]:
        """(form, its continuation flags, cross product) for each suffix; a
        suffix's continuation may allow one more (Hunspell's twofold suffixes)."""
        for flag in flags:
            affix_class = self.affixes.classes.get(flag)
            if affix_class is None or affix_class.prefix:
                continue
            for strip, add, matches, rule_continuation in affix_class.rules:
                if (strip and not word.endswith(strip)) or (matches is not None and matches(word) is None):
                    continue
                form = (word[: len(word) - len(strip)] if strip else word) + add
                yield form, rule_continuation, affix_class.cross_product
                if depth == 0 and rule_continuation:
                    for outer, continuation, cross in self._suffixed(form, rule_continuation, 1):
                        yield outer, continuation | rule_continuation, cross and affix_class.cross_product

    def _prefixed(self, word: str, flags: frozenset[str], cross_only: bool) -> Iterator[tuple[str, frozenset[str]]]:
        for flag in flags:
            affix_class = self.affixes.classes.get(flag)
            if affix_class is None or not affix_class.prefix or (cross_only and not affix_class.cross_product):
                continue
            for strip, add, matches, continuation in affix_class.rules:
                if (strip and not word.startswith(strip)) or (matches is not None and matches(word) is None):
                    continue
                yield add + word[len(strip):], continuation


def expand_side_by_side(affixes: AffixFile, dic: Path) -> dict[str, int]:
    """`expand`, two thirds of the word list in a forked process (this one
    has the table to build and write afterwards) when the machine has the
    cores and this process may fork (no other threads: a fork copies the
    locks they hold)."""
    if not hasattr(os, "fork") or (os.cpu_count() or 1) < 2 or threading.active_count() > 1:
        return expand(affixes, dic)
    read, write = os.pipe()
    child = os.fork()
    if child == 0:  # expand the other parts, hand them over, leave without this process's exit handlers
        try:
            os.close(read)
            with os.fdopen(write, "wb") as out:
                out.write(marshal.dumps(_merged(expand(affixes, dic, (1, 3)), expand(affixes, dic, (2, 3)))))
        finally:
            os._exit(0)
    os.close(write)
    forms = expand(affixes, dic, (0, 3))
    with os.fdopen(read, "rb") as handle:
        data = handle.read()
    os.waitpid(child, 0)
    try:
        others = marshal.loads(data)
    except (EOFError, ValueError, TypeError):  # the child failed: its parts are expanded here
        others = _merged(expand(affixes, dic, (1, 3)), expand(affixes, dic, (2, 3)))
    return _merged(forms, others)


def _merged(forms: dict[str, int], more: dict[str, int]) -> dict[str, int]:
    for form, bits in more.items():
        forms[form] = forms.get(form, 0) | bits
    return forms


def _hidden_capitals(word: str, flag_list: list[str], affixes: AffixFile) -> bool:
    """Whether Hunspell adds a capitalised twin of a word of mixed case (or of
    capitals with affixes) that matches the word written in capitals."""
    if affixes.forbidden in flag_list or affixes.keepcase in flag_list or word.lower() == word:
        return False
    if word.upper() == word:
        return bool(flag_list)
    return not (word[:1].isupper() and word[1:] == word[1:].lower())


def _place(stem: int, affix: int, permitted: bool, edge: int) -> int:
    """Where an affixed form may stand in a compound: where its affix says,
    and where its stem may, at the edge the affix is on only unless the
    affix permits more."""
    return affix | (stem if permitted else stem & edge)
