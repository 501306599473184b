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

import difflib
import re
from dataclasses import dataclass, field

from .document import Document
from .rule import Finding

KINDS = ("disable-file", "disable-next-line", "disable-line", "disable", "enable")
# Linear time: the body stops at the next `<` or `>`, so no two matches scan the same text.
_COMMENT = re.compile(r"<!--\s*qalint:(?P<body>[^<>]*)-->")
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

    def covers(self, finding: Finding) -> bool:
        if not self.known or not self.first_line <= finding.line <= self.last_line:
            return False
        return self.codes is None or finding.code in self.codes or finding.rule in self.codes


def normalize_code(code: str) -> str:
    """`qa101` -> `QA101`, `Numbering-Gap` -> `numbering-gap`."""
    return code.upper() if _CODE.match(code) else code.lower()


def parse_directives(doc: Document) -> list[Directive]:
    if "qalint:" not in doc.text:
        return []
    directives: list[Directive] = []
    open_ranges: list[Directive] = []
    for match in _COMMENT.finditer(doc.text):
        kind, _, codes = match.group("body").strip().partition("=")
        kind = kind.strip()
        code_set = frozenset(normalize_code(c.strip()) for c in codes.split(",") if c.strip()) if codes.strip() else None
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
            open_ranges.append(directive)
        elif directive.kind == "enable":  # close the matching open ranges
            for opened in open_ranges:
                if opened.last_line == doc.line_count and (
                    code_set is None or opened.codes is None or opened.codes & code_set
                ):
                    opened.last_line = line
            continue
        directives.append(directive)
    return directives


def apply(findings: list[Finding], directives: list[Directive]) -> list[Finding]:
    """Findings not covered by a directive; marks directives as used."""
    if not directives:
        return findings
    kept = []
    for finding in findings:
        covering = [d for d in directives if d.covers(finding)]
        for directive in covering:
            directive.used.add(finding.code)
        if not covering:
            kept.append(finding)
    return kept
