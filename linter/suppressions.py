"""Suppression comments, which survive Markdown rendering:

    <!-- qalint: disable=QA301 --> ... <!-- qalint: enable=QA301 -->
    <!-- qalint: disable-next-line=QA101 -->
    <!-- qalint: disable-file -->

Without `=CODES` a comment applies to every rule. Codes may also be rule
names (`numbering-gap`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .document import Document
from .rule import Finding

_DIRECTIVE = re.compile(
    r"<!--\s*qalint:\s*(?P<kind>disable-file|disable-next-line|disable|enable)"
    r"(?:\s*=\s*(?P<codes>[^>]*?))?\s*-->"
)


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

    def covers(self, finding: Finding) -> bool:
        if not self.first_line <= finding.line <= self.last_line:
            return False
        return self.codes is None or finding.code in self.codes or finding.rule in self.codes


def parse_directives(doc: Document) -> list[Directive]:
    if "qalint:" not in doc.text:
        return []
    directives: list[Directive] = []
    open_ranges: list[Directive] = []
    for match in _DIRECTIVE.finditer(doc.text):
        codes = match.group("codes")
        code_set = frozenset(c.strip() for c in codes.split(",") if c.strip()) if codes else None
        line = doc.position(match.start()).line
        directive = Directive(match.group("kind"), code_set, match.start(), match.end(), line)
        if directive.kind == "disable-file":
            directive.first_line, directive.last_line = 1, doc.line_count
        elif directive.kind == "disable-next-line":
            directive.first_line = directive.last_line = line + 1
        elif directive.kind == "disable":
            directive.first_line, directive.last_line = line, doc.line_count
            open_ranges.append(directive)
        else:  # enable: close the matching open ranges
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
