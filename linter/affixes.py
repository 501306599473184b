"""Hunspell dictionaries read as data: the affix file's rules applied to the
word list, giving every word form the dictionary accepts on its own (what
Hunspell's `unmunch` does), with what each form may do in a compound.

Hunspell answers a lookup by stripping affixes at run time and, for Dutch,
by exploring compounds; loading its nl_NL dictionary takes a quarter of a
second. qalint expands the dictionary once and keeps the forms in a
memory-mapped table (see `lexicon.py`), so a run opens a file instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
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
FORCE_CAPITAL = 512  # closes a compound only in a capitalised word (FORCEUCASE)
# Above these, one bit per (role, flag) of `AffixFile.flag_bits`: the flags
# that compound rules and compound patterns test on a form's root.
_FIRST_FLAG_BIT = 1 << 16

# Flags that mark nouns in OpenTaal's nl_NL: compounding (C?), plural (Z?)
# and diminutive (Y?) classes.
_NOUN_FLAG_PREFIXES = ("C", "Z", "Y")


class AffixFileError(ValueError):
    """A directive or rule of an affix file that qalint cannot follow: it
    refuses the dictionary rather than accept words Hunspell rejects."""


# Directives that change nothing about which words are accepted: suggestions,
# keyboard layout and tokenising (qalint suggests and splits words itself;
# WARN only marks accepted words).
_NOT_ABOUT_ACCEPTANCE = frozenset({
    "TRY", "KEY", "MAP", "PHONE", "NOSUGGEST", "NONGRAMSUGGEST", "MAXCPDSUGS", "MAXNGRAMSUGS",
    "MAXDIFF", "ONLYMAXDIFF", "NOSPLITSUGS", "SUGSWITHDOTS", "WORDCHARS", "BREAK", "WARN",
})


class CompoundPattern(NamedTuple):
    """CHECKCOMPOUNDPATTERN: a join refused when the part before ends in
    `end` (and its root has `end_flag`) and the next starts with `begin`
    (and its root has `begin_flag`); empty strings match anything."""

    end: str
    end_flag: str
    begin: str
    begin_flag: str


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
    compound_patterns: list[CompoundPattern] = field(default_factory=list)
    compound_rules: list[list[tuple[str, str]]] = field(default_factory=list)  # COMPOUNDRULE: (flag, "", "*" or "?")
    compound_min: int = 3  # COMPOUNDMIN: the shortest part
    check_case: bool = False  # CHECKCOMPOUNDCASE: no capital or caseless letter at a join
    check_dup: bool = False  # CHECKCOMPOUNDDUP: no part twice in a row
    forceucase: str | None = None  # FORCEUCASE: a compound closed by such a word needs a capital
    joined: list[str] = field(default_factory=list)  # ICONV letter pairs read as one letter ("ij")
    replacements: list[tuple[str, str]] = field(default_factory=list)  # REP: common misspellings, fixed
    flag_bits: dict[tuple[str, str], int] = field(default_factory=dict)  # (role, flag) -> its bit

    @property
    def compounds(self) -> bool:
        """Whether the dictionary forms compounds of its own."""
        return bool(self.compound_flags or self.compound_rules)

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
    """An affix condition (letters, `.` and bracketed classes) as a matcher;
    a bracket left open raises ValueError."""
    if text in (".", ""):
        return None
    pattern, rest = [], text
    while rest:
        if rest[0] == "[":
            close = rest.find("]", 2 if rest[1:2] == "^" else 1)
            if close < 0:
                raise ValueError(f"affix condition {text!r} has an unclosed bracket")
            negated = rest[1:2] == "^"
            letters = rest[2 if negated else 1:close]
            pattern.append(("[^" if negated else "[") + "".join(re.escape(c) for c in letters) + "]")
            rest = rest[close + 1:]
        else:
            pattern.append("." if rest[0] == "." else re.escape(rest[0]))
            rest = rest[1:]
    return re.compile(("^" if prefix else "") + "".join(pattern) + ("" if prefix else "$")).search


_COMPOUND_KEYS = {"COMPOUNDBEGIN": BEGIN, "COMPOUNDMIDDLE": MIDDLE, "COMPOUNDEND": END}
# Directives that name one flag, and the attribute that keeps it.
_FLAG_KEYS = {"KEEPCASE": "keepcase", "FORBIDDENWORD": "forbidden", "ONLYINCOMPOUND": "only_in_compound",
              "COMPOUNDPERMITFLAG": "permit", "FORCEUCASE": "forceucase"}


def read_affix_file(path: Path) -> AffixFile:
    """The rules of the affix file `path`. Raises AffixFileError, naming the
    file and line, for a directive qalint does not implement (Hunspell would
    judge words by it) or an affix condition that does not compile."""
    affixes = AffixFile(encoding=_encoding(path))
    lines = path.read_text(encoding=affixes.encoding, errors="replace").lstrip("\ufeff").splitlines()
    input_conversions = []
    for number, line in enumerate(lines, 1):
        parts = _fields(line)
        if not parts:
            continue
        try:
            if parts[0] == "ICONV":
                input_conversions.extend([(number, parts)] if len(parts) == 3 else [])
            else:
                _read_directive(affixes, parts)
        except IndexError:
            raise AffixFileError(f"{path.name} line {number}: {parts[0]} without its value") from None
        except ValueError as error:
            raise AffixFileError(f"{path.name} line {number}: {error}") from None
    for number, parts in input_conversions:
        problem = _input_conversion(affixes, parts[1], parts[2])
        if problem:
            raise AffixFileError(f"{path.name} line {number}: {problem}")
    affixes.compound_patterns = [
        p._replace(end=affixes.convert(p.end), begin=affixes.convert(p.begin)) for p in affixes.compound_patterns
    ]
    _assign_flag_bits(affixes)
    return affixes


def _fields(line: str) -> list[str]:
    """The fields of a line, without a comment (a first field of "#", or a
    later one after the directive and its value: "#" may be a flag)."""
    parts = line.split()
    for index, part in enumerate(parts):
        if part.startswith("#") and index != 1:
            return parts[:index]
    return parts


def _read_directive(affixes: AffixFile, parts: list[str]) -> None:
    key, count_line = parts[0], len(parts) == 2 and parts[1].isdigit()
    if key in _NOT_ABOUT_ACCEPTANCE or key == "SET":
        return
    if key == "FLAG":
        affixes.flag_type = {"long": "long", "num": "num", "UTF-8": "short"}.get(parts[1], "short")
    elif key in _FLAG_KEYS:
        setattr(affixes, _FLAG_KEYS[key], parts[1])
    elif key in _COMPOUND_KEYS:
        affixes.compound_flags[parts[1]] = _COMPOUND_KEYS[key]
    elif key == "COMPOUNDMIN":
        affixes.compound_min = max(1, int(parts[1]))
    elif key in ("CHECKCOMPOUNDCASE", "CHECKCOMPOUNDDUP"):
        setattr(affixes, "check_case" if key == "CHECKCOMPOUNDCASE" else "check_dup", True)
    elif key == "COMPOUNDRULE" and not count_line:
        affixes.compound_rules.append(_compound_rule(parts[1], affixes))
    elif key == "CHECKCOMPOUNDPATTERN" and not count_line:
        affixes.compound_patterns.append(_compound_pattern(parts[1:]))
    elif key == "REP" and not count_line:
        if "_" not in parts[2]:
            affixes.replacements.append((parts[1], parts[2]))
    elif key == "OCONV" and not count_line:
        affixes.conversions.append((parts[1], parts[2]))
    elif key in ("PFX", "SFX"):
        _read_affix(affixes, key == "PFX", parts)
    elif not count_line:
        raise ValueError(f"directive {key} is not supported")


def _read_affix(affixes: AffixFile, prefix: bool, parts: list[str]) -> None:
    flag = parts[1]
    if flag not in affixes.classes:  # the class header: flag, cross product, count
        affixes.classes[flag] = _AffixClass(prefix, parts[2] == "Y")
        return
    strip = "" if parts[2] == "0" else parts[2]
    add, _, continuation = parts[3].partition("/")
    add = "" if add == "0" else add
    condition = _condition(parts[4] if len(parts) > 4 else ".", prefix)
    affixes.classes[flag].rules.append(_Affix(strip, add, condition, frozenset(affixes.flags(continuation))))


def _compound_rule(text: str, affixes: AffixFile) -> list[tuple[str, str]]:
    """COMPOUNDRULE `(N4)(Nh)*` or `n*1t`: each part's flag and quantifier."""
    if affixes.flag_type == "short":
        tokens = list(text)
    else:
        tokens = re.findall(r"\(([^()]+)\)|([*?])", text)
        if "".join(f"({flag})" if flag else mark for flag, mark in tokens) != text:
            raise ValueError(f"compound rule {text!r} is not a sequence of (flag) and * or ?")
        tokens = [flag or mark for flag, mark in tokens]
    rule: list[tuple[str, str]] = []
    for token in tokens:
        if token in "*?":
            if not rule or rule[-1][1]:
                raise ValueError(f"compound rule {text!r}: {token} follows no flag")
            rule[-1] = (rule[-1][0], token)
        else:
            rule.append((token, ""))
    return rule


def _compound_pattern(fields: list[str]) -> CompoundPattern:
    if len(fields) > 2:
        raise ValueError("CHECKCOMPOUNDPATTERN with a replacement (simplified compounds) is not supported")
    (end, _, end_flag), (begin, _, begin_flag) = (field.partition("/") for field in fields)
    if end == "0" or "." in begin:
        raise ValueError("CHECKCOMPOUNDPATTERN with an unmodified stem (0) or a wildcard is not supported")
    return CompoundPattern(end, end_flag, begin, begin_flag)


def _input_conversion(affixes: AffixFile, source: str, target: str) -> str | None:
    """Why an ICONV pair cannot be followed, if it cannot. The compiled table
    is in the output spelling (OCONV), so an input conversion that OCONV
    undoes changes nothing, except that the pair becomes one letter."""
    if (source, target) == ("’", "'"):
        return None  # every lookup reads ’ as '
    if (target, source) not in affixes.conversions:
        return f"ICONV {source} {target} is not undone by an OCONV, which qalint needs"
    if len(source) == 2 and source.islower():
        affixes.joined.append(source)
    return None


def _assign_flag_bits(affixes: AffixFile) -> None:
    """One bit per flag that compound rules test ("stem": on the word itself,
    "end": on the root of a form that may close a rule's compound) and per
    flag that compound patterns test on a part's root ("root")."""
    bit = _FIRST_FLAG_BIT
    rule_flags = sorted({flag for rule in affixes.compound_rules for flag, _ in rule})
    pattern_flags = sorted({f for p in affixes.compound_patterns for f in (p.end_flag, p.begin_flag) if f})
    for role, flags in (("stem", rule_flags), ("end", rule_flags), ("root", pattern_flags)):
        for flag in flags:
            affixes.flag_bits[(role, flag)] = bit
            bit <<= 1


def _entries(path: Path, affixes: AffixFile) -> Iterator[tuple[str, list[str]]]:
    with open(path, encoding=affixes.encoding, errors="replace") as handle:
        next(handle, None)  # the word count
        for line in handle:
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


def expand(affixes: AffixFile, dic: Path) -> dict[str, int]:
    """Every form of the word list `dic` under the rules of `affixes`, with
    its bits (see the constants above)."""
    classes = affixes.classes
    compound_flags = affixes.compound_flags
    forms: dict[str, int] = {}

    def compound_bits(flags) -> int:
        bits = 0
        for flag in flags:
            bits |= compound_flags.get(flag, 0)
        return bits

    def add(form: str, flags, bits: int) -> None:
        if affixes.forbidden in flags:
            bits |= FORBIDDEN
        elif affixes.only_in_compound in flags:
            bits = (bits | COMPOUND_PART) & ~END  # a linking element never closes a compound
        else:
            bits |= WORD
        if affixes.keepcase in flags:
            bits |= KEEPCASE
        form = affixes.convert(form)
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
    flag_bits = affixes.flag_bits
    tested = frozenset(flag for _, flag in flag_bits)

    def root_bits(flags: frozenset[str]) -> tuple[int, int, int]:
        """The bits a root's flags give its forms: the word itself, forms that
        may close a rule's compound (suffixed or permitted ones), any form."""
        every = FORCE_CAPITAL if affixes.forceucase in flags else 0
        end = stem = 0
        for flag in flags & tested:
            every |= flag_bits.get(("root", flag), 0)
            end |= flag_bits.get(("end", flag), 0)
            stem |= flag_bits.get(("stem", flag), 0)
        return stem | end | every, end | every, every

    def entry(word: str, flag_list: list[str], add: Callable[[str, frozenset[str], int], None]) -> None:
        flags = frozenset(flag_list)
        noun = NOUN if affixes.flag_type == "long" and any(f[:1] in _NOUN_FLAG_PREFIXES for f in flag_list) else 0
        own = compound_bits(flags)
        as_stem, as_end, as_any = root_bits(flags)
        add(word, flags, STEM | noun | own | as_stem)
        stem_flags = {f for f in (affixes.keepcase, affixes.forbidden) if f in flags}
        for form, continuation, cross in suffixed(word, flags, 0):
            add(form, continuation | stem_flags,
                as_end | _place(own, compound_bits(continuation), permit in continuation, END))
            if cross:
                for both, prefix_continuation in prefixed(form, flags | continuation, True):
                    edges = (BEGIN if permit in continuation else 0) | (END if permit in prefix_continuation else 0)
                    add(both, continuation | prefix_continuation | stem_flags,
                        (as_end if permit in prefix_continuation else as_any)
                        | _place(own & edges, compound_bits(continuation | prefix_continuation), False, 0))
        for form, continuation in prefixed(word, flags, False):
            closing = as_end if permit in continuation else as_any
            add(form, continuation | stem_flags,
                closing | _place(own, compound_bits(continuation), permit in continuation, BEGIN))
            for both, suffix_continuation, _ in suffixed(form, continuation, 1):
                add(both, continuation | suffix_continuation | stem_flags,
                    closing | compound_bits(continuation | suffix_continuation))

    def add_in_capitals(form: str, flags, bits: int) -> None:
        if not flags & {affixes.forbidden, affixes.only_in_compound, affixes.keepcase}:
            capitals = affixes.convert(form).upper()
            forms[capitals] = forms.get(capitals, 0) | WORD

    for word, flag_list in _entries(dic, affixes):
        entry(word, flag_list, add)
        if _hidden_capitals(word, flag_list, affixes):
            # Hunspell reads "DDoS", "kV" and "NGO/S" also as hidden "Ddos",
            # "Kv", "Ngo/S" that match only a word in capitals: "DDOS", "NGOS".
            lower = word.lower()
            entry(lower[:1].upper() + lower[1:], flag_list, add_in_capitals)
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
