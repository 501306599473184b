"""Report formats: text for people, JSON for editors and pipelines, SARIF for
code scanning, GitHub workflow annotations."""

from __future__ import annotations

from .report import Report

__all__ = ["FORMATS", "Report", "render"]
FORMATS = ("text", "json", "sarif", "github")


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
