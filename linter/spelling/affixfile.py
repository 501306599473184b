"""A Hunspell .aff file read as data: its affix classes and the directives
that decide which words it accepts. A directive qalint does not implement
refuses the dictionary (AffixFileError) rather than being ignored, so that
qalint never accepts a word Hunspell rejects for a rule it skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, NamedTuple


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
    compound_flags: dict[str, str] = field(default_factory=dict)  # flag -> "begin", "middle" or "end"
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


_COMPOUND_KEYS = {"COMPOUNDBEGIN": "begin", "COMPOUNDMIDDLE": "middle", "COMPOUNDEND": "end"}
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
    key = parts[0]
    if key in _NOT_ABOUT_ACCEPTANCE or (key in _TABLES and len(parts) == 2 and parts[1].isdigit()):
        return  # nothing to follow, or the count line of a table
    if key in _FLAG_KEYS:
        setattr(affixes, _FLAG_KEYS[key], parts[1])
    elif key in _COMPOUND_KEYS:
        affixes.compound_flags[parts[1]] = _COMPOUND_KEYS[key]
    elif key in _DIRECTIVES:
        _DIRECTIVES[key](affixes, parts)
    else:
        raise ValueError(f"directive {key} is not supported")


def _read_flag_type(affixes: AffixFile, parts: list[str]) -> None:
    affixes.flag_type = {"long": "long", "num": "num"}.get(parts[1], "short")  # "UTF-8": one character


def _read_compound_min(affixes: AffixFile, parts: list[str]) -> None:
    affixes.compound_min = max(1, int(parts[1]))  # Hunspell reads 0 as 1


def _read_replacement(affixes: AffixFile, parts: list[str]) -> None:
    if "_" not in parts[2]:  # a replacement by two words is no spelling of one
        affixes.replacements.append((parts[1], parts[2]))


def _read_affix(affixes: AffixFile, parts: list[str]) -> None:
    flag, prefix = parts[1], parts[0] == "PFX"
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


# Directives with more to read than one flag, and what reads them.
_DIRECTIVES: dict[str, Callable[[AffixFile, list[str]], None]] = {
    "SET": lambda affixes, parts: None,  # the encoding, read before the rest
    "FLAG": _read_flag_type,
    "COMPOUNDMIN": _read_compound_min,
    "CHECKCOMPOUNDCASE": lambda affixes, parts: setattr(affixes, "check_case", True),
    "CHECKCOMPOUNDDUP": lambda affixes, parts: setattr(affixes, "check_dup", True),
    "COMPOUNDRULE": lambda affixes, parts: affixes.compound_rules.append(_compound_rule(parts[1], affixes)),
    "CHECKCOMPOUNDPATTERN": lambda affixes, parts: affixes.compound_patterns.append(_compound_pattern(parts[1:])),
    "REP": _read_replacement,
    "OCONV": lambda affixes, parts: affixes.conversions.append((parts[1], parts[2])),
    "PFX": _read_affix,
    "SFX": _read_affix,
}
# Directives whose first line gives the number of lines that follow.
_TABLES = frozenset({"COMPOUNDRULE", "CHECKCOMPOUNDPATTERN", "REP", "OCONV"})
