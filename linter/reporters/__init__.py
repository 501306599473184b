"""Report formats: text for people, JSON for editors and pipelines, SARIF for
code scanning, GitHub workflow annotations."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..engine import FileResult
    from ..plugins import Registry

FORMATS = ("text", "json", "sarif", "github")


@dataclass
class Report:
    results: list["FileResult"]
    registry: "Registry"
    errors: list[str] = field(default_factory=list)  # one line each: IO, config, rule errors
    quiet: bool = False
    statistics: bool = False

    @property
    def findings(self):
        return [f for result in self.results for f in result.findings]

    @property
    def all_errors(self) -> list[str]:
        return self.errors + [e for result in self.results for e in result.errors]


def render(report: Report, fmt: str) -> str:
    if fmt == "json":
        from .json import render_json

        return render_json(report)
    if fmt == "sarif":
        from .sarif import render_sarif

        return render_sarif(report)
    if fmt == "github":
        from .github import render_github

        return render_github(report)
    from .text import render_text

    return render_text(report)
