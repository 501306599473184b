"""Suppression comments, which survive Markdown rendering:

    <!-- qalint: disable=QA301 --> ... <!-- qalint: enable=QA301 -->
    <!-- qalint: disable-next-line=QA101 -->
    text of the line <!-- qalint: disable-line=QA401 -->
    <!-- qalint: disable-file -->

Without `=CODES` a comment applies to every rule. Codes may also be rule
names (`numbering-gap`); both in any case. A `qalint:` comment with another
directive (`disable-nextline`) is kept as an unknown directive, for QA002.
"""

from __future__ import annotations

import bisect
import difflib
import re
from collections import defaultdict
from dataclasses import dataclass, field

from ..source.document import Document
from .rule import Finding

KINDS = ("disable-file", "disable-next-line", "disable-line", "disable", "enable")
# Linear on any input: a body takes no "<" or ">", so no two matches scan the
# same text, and an unclosed comment is scanned once, not once per line.
_DIRECTIVE = re.compile(r"<!--\s*qalint:(?P<body>[^<>]*)-->")
_CODE = re.compile(r"^qa\d+$", re.IGNORECASE)


@dataclass
class Directive:
    kind: str
    codes: frozenset[str] | None  # None: every rule
    start: int
    end: int
    line: int  # 1-based
    first_line: int = 0  # lines it covers, 1-based inclusive
    last_line: int = 0
    used: set[str] = field(default_factory=set)

    @property
    def known(self) -> bool:
        return self.kind in KINDS

    def suggestion(self) -> str | None:
        """The directive an unknown one probably meant."""
        close = difflib.get_close_matches(self.kind.lower(), KINDS, n=1, cutoff=0.6)
        return close[0] if close else None

    def applies_to(self, code: str, rule: str) -> bool:
        return self.known and (self.codes is None or code in self.codes or rule in self.codes)


@dataclass(frozen=True)
class SuppressionAnalysis:
    """A document's suppression comments after the rules' findings met them
    (each directive's `used` names the codes it suppressed), for the rules
    that judge the comments (QA001, QA002)."""

    directives: tuple[Directive, ...] = ()
    known_rules: frozenset[str] = frozenset()  # codes and names of every registered rule

    def unknown_rules(self, directive: Directive) -> list[str]:
        """The codes or names a directive gives that no rule has."""
        return sorted((directive.codes or frozenset()) - self.known_rules)


def normalize_code(code: str) -> str:
    """`qa101` -> `QA101`, `Numbering-Gap` -> `numbering-gap`."""
    return code.upper() if _CODE.match(code) else code.lower()


class _OpenRanges:
    """`disable` directives not yet closed by an `enable`, by code, so that
    each enable looks only at the ranges it closes."""

    def __init__(self, line_count: int) -> None:
        self.line_count = line_count
        self.every: list[Directive] = []  # disable without codes
        self.by_code: dict[str, list[Directive]] = defaultdict(list)

    def add(self, directive: Directive) -> None:
        if directive.codes is None:
            self.every.append(directive)
        else:
            for code in directive.codes:
                self.by_code[code].append(directive)

    def close(self, codes: frozenset[str] | None, line: int) -> None:
        if codes is None:
            groups = [self.every, *self.by_code.values()]
        else:
            groups = [self.every, *(self.by_code.pop(code, []) for code in codes)]
        for group in groups:
            for opened in group:
                if opened.last_line == self.line_count:
                    opened.last_line = line
        self.every = []
        if codes is None:
            self.by_code.clear()


def parse_directives(doc: Document) -> list[Directive]:
    if "qalint:" not in doc.text:
        return []
    directives: list[Directive] = []
    open_ranges = _OpenRanges(doc.line_count)
    for match in _DIRECTIVE.finditer(doc.text):
        kind, _, codes = match.group("body").strip().partition("=")
        kind, codes = kind.strip(), codes.strip()
        code_set = frozenset(normalize_code(c.strip()) for c in codes.split(",") if c.strip()) if codes else None
        line = doc.position(match.start()).line
        directive = Directive(kind.lower() if kind.lower() in KINDS else kind, code_set, match.start(), match.end(), line)
        if directive.kind == "disable-file":
            directive.first_line, directive.last_line = 1, doc.line_count
        elif directive.kind == "disable-next-line":
            directive.first_line = directive.last_line = line + 1
        elif directive.kind == "disable-line":
            directive.first_line = directive.last_line = line
        elif directive.kind == "disable":
            directive.first_line, directive.last_line = line, doc.line_count
            open_ranges.add(directive)
        elif directive.kind == "enable":  # close the matching open ranges
            open_ranges.close(code_set, line)
            continue
        directives.append(directive)
    return directives


def apply(findings: list[Finding], directives: list[Directive]) -> list[Finding]:
    """Findings not covered by a directive; marks directives as used.
    Per rule, the findings' lines are sorted and the directives' ranges
    merged, so the cost grows with findings plus directives times rules."""
    if not directives:
        return findings
    lines: dict[tuple[str, str], list[int]] = defaultdict(list)
    for finding in findings:
        lines[(finding.code, finding.rule)].append(finding.line)
    covered: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for (code, rule), found in lines.items():
        found.sort()
        ranges = []
        for directive in directives:
            if not directive.applies_to(code, rule):
                continue
            ranges.append((directive.first_line, directive.last_line))
            first = bisect.bisect_left(found, directive.first_line)
            if first < len(found) and found[first] <= directive.last_line:
                directive.used.add(code)
        covered[(code, rule)] = _merged(ranges)
    return [f for f in findings if not _within(f.line, covered[(f.code, f.rule)])]


def _merged(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Inclusive line ranges, sorted and joined where they overlap."""
    merged: list[tuple[int, int]] = []
    for first, last in sorted(ranges):
        if merged and first <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], last))
        else:
            merged.append((first, last))
    return merged


def _within(line: int, ranges: list[tuple[int, int]]) -> bool:
    index = bisect.bisect_right(ranges, (line, float("inf"))) - 1
    return index >= 0 and ranges[index][0] <= line <= ranges[index][1]
