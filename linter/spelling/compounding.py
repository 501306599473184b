"""Hunspell's compounding, answered from a compiled table: compounds of parts
flagged to open, continue and close one (COMPOUNDBEGIN/MIDDLE/END), and
compounds that follow a COMPOUNDRULE (Dutch numerals: `vijf|honderd`,
`acht|jarig`), minus the joins the dictionary refuses (CHECKCOMPOUNDPATTERN,
CHECKCOMPOUNDCASE, CHECKCOMPOUNDDUP) and compounds that need a capital
(FORCEUCASE).

The settings travel in the compiled table as JSON; a part's flags are bits
of its table value (see `affixes.py`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Callable

from .affixes import BEGIN, END, FORBIDDEN, FORCE_CAPITAL, KEEPCASE, MIDDLE, flag_bits
from .affixfile import AffixFile



@dataclass(frozen=True)
class CompoundSettings:
    """What a dictionary says about compounds, in table bits."""

    flagged: bool = False  # parts flagged to open, continue and close compounds
    minimum: int = 3  # COMPOUNDMIN
    check_case: bool = False
    check_dup: bool = False
    # COMPOUNDRULE: per part, (bit of the flag on a whole word, bit on a closing form, "", "*" or "?")
    rules: tuple[tuple[tuple[int, int, str], ...], ...] = ()
    # CHECKCOMPOUNDPATTERN: (end letters, bit on the part before, start letters, bit on the part after)
    patterns: tuple[tuple[str, int, str, int], ...] = ()
    joined: tuple[str, ...] = ()  # letter pairs that are one letter ("ij")
    rule_stems: int = field(init=False, default=0)  # any flag a rule's inner part needs
    rule_ends: int = field(init=False, default=0)  # any flag a rule's last part needs

    def __post_init__(self) -> None:
        object.__setattr__(self, "rule_stems", _union(stem for rule in self.rules for stem, _, _ in rule))
        object.__setattr__(self, "rule_ends", _union(end for rule in self.rules for _, end, _ in rule))

    @classmethod
    def of(cls, affixes: AffixFile) -> CompoundSettings:
        bits = flag_bits(affixes)
        return cls(
            flagged=bool(affixes.compound_flags), minimum=affixes.compound_min,
            check_case=affixes.check_case, check_dup=affixes.check_dup,
            rules=tuple(tuple((bits[("stem", flag)], bits[("end", flag)], mark) for flag, mark in rule)
                        for rule in affixes.compound_rules),
            patterns=tuple((p.end, bits.get(("root", p.end_flag), 0), p.begin, bits.get(("root", p.begin_flag), 0))
                           for p in affixes.compound_patterns),
            joined=tuple(affixes.joined),
        )

    def to_json(self) -> str:
        return json.dumps([self.flagged, self.minimum, self.check_case, self.check_dup,
                           self.rules, self.patterns, self.joined])

    @classmethod
    def from_json(cls, text: str) -> CompoundSettings:
        flagged, minimum, check_case, check_dup, rules, patterns, joined = json.loads(text)
        return cls(flagged, minimum, check_case, check_dup,
                   tuple(tuple(tuple(part) for part in rule) for rule in rules),
                   tuple(tuple(pattern) for pattern in patterns), tuple(joined))


def _union(bits) -> int:
    total = 0
    for bit in bits:
        total |= bit
    return total


class Compounds:
    """Whether a word is a compound the dictionary accepts, its parts looked
    up with `bits` (a form's table value, 0 when not listed)."""

    def __init__(self, settings: CompoundSettings, bits: Callable[[str], int]) -> None:
        self.settings = settings
        self.bits = bits
        self.active = settings.flagged or bool(settings.rules)
        # Patterns by the first letter of the next part, or else the last
        # letter of the part before ("" when they test flags only).
        self._patterns: dict[str, list[tuple[str, int, str, int]]] = {}
        for pattern in settings.patterns:
            end, _, begin, _ = pattern
            self._patterns.setdefault("<" + begin[0] if begin else ">" + end[-1:], []).append(pattern)

    def accepts(self, word: str, capitalised: bool, recased: bool = False) -> bool:
        """`word` as written is a compound; `capitalised`: the word the
        reader wrote has a capital (FORCEUCASE compounds need one);
        `recased`: `word` is that word in another case, so that a first part
        kept in its case (KEEPCASE: "januari") refuses the compound."""
        settings = self.settings
        if len(word) < 2 * settings.minimum:
            return False
        refused = FORBIDDEN | (KEEPCASE if recased else 0)
        failed: dict[tuple[int, int], bool] = {}
        seen = 0  # the flags of the words the compound could open with
        for cut in self._cuts(word, 0):
            bits = self.bits(word[:cut])
            seen |= bits
            if (settings.flagged and bits & BEGIN and not bits & refused and not self._refused_cut(word, cut)
                    and self._closes(word, 0, cut, bits, 0, capitalised, failed)):
                return True
        # A rule's compound opens with a word that has a rule's flag: most words have none.
        return bool(seen & settings.rule_stems) and self._ruled(word, 0, (), refused, capitalised)

    def _cuts(self, word: str, start: int) -> range:
        return range(start + self.settings.minimum, len(word) - self.settings.minimum + 1)

    def _flagged(self, word: str, start: int, before: int, capitalised: bool, failed: dict) -> bool:
        """Whether word[start:] completes a compound after a part with bits
        `before`. Ends that failed after such a part are not tried again."""
        if (start, before) in failed:
            return False
        for cut in self._cuts(word, start):
            if self._refused_cut(word, cut):  # before the lookup: it costs less
                continue
            bits = self.bits(word[start:cut])
            if (bits & MIDDLE and not bits & FORBIDDEN and not self._refused_join(word, start, before, bits)
                    and self._closes(word, start, cut, bits, before, capitalised, failed)):
                return True
        failed[(start, before)] = True
        return False

    def _closes(self, word: str, start: int, cut: int, bits: int, before: int, capitalised: bool,
                failed: dict) -> bool:
        """Whether the part word[start:cut] (with `bits`), which may end
        there, is followed by a closing part or by more parts that complete
        the compound."""
        tail = self.bits(word[cut:])
        if (tail & END and not tail & FORBIDDEN and (capitalised or not tail & FORCE_CAPITAL)
                and not (self.settings.check_dup and word[start:cut] == word[cut:])
                and not self._refused_join(word, cut, bits, tail)):
            return True
        return self._flagged(word, cut, bits, capitalised, failed)

    def _refused_cut(self, word: str, cut: int) -> bool:
        """A join Hunspell cannot make here: inside a letter pair it reads as
        one letter, or (CHECKCOMPOUNDCASE) beside a capital or a letter
        without case, hyphens aside."""
        if word[cut - 1:cut + 1] in self.settings.joined:
            return True
        if self.settings.check_case:
            before, after = word[cut - 1], word[cut]
            return "-" not in (before, after) and (_no_lower_case(before) or _no_lower_case(after))
        return False

    def _refused_join(self, word: str, cut: int, before: int, after: int) -> bool:
        """CHECKCOMPOUNDPATTERN: the parts before and after `cut` may not meet."""
        for key in ("<" + word[cut], ">" + word[cut - 1], ">"):
            for end, end_bit, begin, begin_bit in self._patterns.get(key, ()):
                if (word.startswith(begin, cut) and word.endswith(end, 0, cut)
                        and (not end_bit or before & end_bit) and (not begin_bit or after & begin_bit)):
                    return True
        return False

    def _ruled(self, word: str, start: int, inner: tuple[int, ...], refused: int, capitalised: bool) -> bool:
        """Whether word[start:] completes a COMPOUNDRULE compound after the
        whole words with bits `inner` (`refused`: bits that refuse the first)."""
        settings = self.settings
        refused = refused if not inner else FORBIDDEN
        for cut in self._cuts(word, start):
            bits = self.bits(word[start:cut])
            if not bits & settings.rule_stems or bits & refused:
                continue
            parts = (*inner, bits)
            tail = self.bits(word[cut:])
            if (tail & settings.rule_ends and (capitalised or not tail & FORCE_CAPITAL)
                    and any(_follows(rule, parts, tail) for rule in settings.rules)):
                return True
            if self._ruled(word, cut, parts, 0, capitalised):
                return True
        return False


def _follows(rule: tuple[tuple[int, int, str], ...], inner: tuple[int, ...], last: int) -> bool:
    """Whether whole words with bits `inner` and a closing form with bits
    `last` follow `rule` (its `*` and `?` as in a regular expression)."""

    def match(i: int, j: int) -> bool:
        if i == len(rule):
            return j == len(inner) + 1
        stem, end, mark = rule[i]
        fits = j < len(inner) and bool(inner[j] & stem) or j == len(inner) and bool(last & end)
        if mark == "*":
            return match(i + 1, j) or (fits and match(i, j + 1))
        if mark == "?":
            return match(i + 1, j) or (fits and match(i + 1, j + 1))
        return fits and match(i + 1, j + 1)

    return match(0, 0)


def _no_lower_case(letter: str) -> bool:
    """A capital or a character without case (Hunspell's test: upper-casing
    leaves it as it is)."""
    upper = letter.upper()
    return upper == letter or len(upper) != 1
