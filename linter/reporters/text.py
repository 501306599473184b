"""Text output: `path:line:col: CODE message`, the source line and a caret."""

from __future__ import annotations

from collections import Counter

from . import Report


def render_text(report: Report) -> str:
    findings = report.findings
    lines: list[str] = []
    if report.statistics:
        counts = Counter(f.code for f in findings)
        names = {f.code: f.rule for f in findings}
        for code, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
            lines.append(f"{count:>5}  {code}  {names[code]}")
    else:
        for finding in findings:
            lines.append(f"{finding.path}:{finding.line}:{finding.column}: {finding.code} {finding.message}")
            if not report.quiet:
                lines.extend(_source(finding))
                if finding.suggestions:
                    lines.append(f"      = suggestion: {', '.join(finding.suggestions)}")
    if not report.quiet and not report.statistics:
        lines.append(_summary(report))
    return "\n".join(lines) + ("\n" if lines else "")


def _source(finding) -> list[str]:
    source = finding.source_line.replace("\t", " ").replace("\ufeff", " ")
    number = str(finding.line)
    gutter = " " * len(number)
    start = finding.column - 1 - finding.source_start
    if finding.source_start:  # the line was cut to a window around the span
        source, start = "…" + source, start + 1
    width = (finding.end_column - finding.column) if finding.end_line == finding.line else len(source) - start
    width = max(1, min(width, len(source) - start))
    return [
        f" {gutter} |",
        f" {number} | {source}",
        f" {gutter} | {' ' * start}{'^' * width}",
    ]


def _summary(report: Report) -> str:
    findings = report.findings
    if not findings and report.all_errors:  # a file that could not be checked did not pass
        errors = len(report.all_errors)
        return f"No findings, but {errors} error{'s' if errors != 1 else ''}: not every file was checked."
    if not findings:
        return f"All checks passed ({len(report.results)} file{'s' if len(report.results) != 1 else ''})."
    counts = Counter(f.severity for f in findings)
    parts = ", ".join(f"{counts[level]} {level}" for level in ("error", "warning", "info") if counts[level])
    return f"Found {len(findings)} finding{'s' if len(findings) != 1 else ''} ({parts}) in {len(report.results)} file{'s' if len(report.results) != 1 else ''}."
