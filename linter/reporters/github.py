"""GitHub Actions workflow commands: one annotation per finding."""

from __future__ import annotations

from .report import Report

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(report: Report) -> str:
    lines = []
    for f in report.findings:
        lines.append(
            f"::{_LEVEL[f.severity]} title={_property(f'qalint ({f.code})')},file={_property(f.path)},"
            f"line={f.line},col={f.column},endLine={f.end_line},endColumn={f.end_column}"
            f"::{_data(f'{f.code} {f.message}')}"
        )
    for error in report.all_errors:
        lines.append(f"::error title=qalint::{_data(error)}")
    return "\n".join(lines) + ("\n" if lines else "")
