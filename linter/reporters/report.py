"""What a report is made of: the results of a run and how to show them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..engine.linter import FileResult
    from ..engine.plugins import Registry


@dataclass
class Report:
    results: list["FileResult"]
    registry: "Registry"
    errors: list[str] = field(default_factory=list)  # one line each: IO, config, rule errors
    quiet: bool = False
    statistics: bool = False
    color: bool = False  # ANSI colours in the text report
    width: int | None = None  # terminal columns the source windows fit in; None: no limit
    unsafe_fixes: bool = False  # unsafe fixes count as fixable (`--unsafe-fixes`)

    @property
    def findings(self):
        return [f for result in self.results for f in result.findings]

    def fixable(self, finding) -> bool:
        """Whether `--fix` (with the options given) would fix it."""
        return finding.fix is not None and (finding.fix.safe or self.unsafe_fixes)

    @property
    def all_errors(self) -> list[str]:
        # A bad configuration fails every file under it: one line per distinct error.
        return list(dict.fromkeys(self.errors + [e for result in self.results for e in result.errors]))
