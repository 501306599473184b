"""Text output: `path:line:col: CODE [*] severity: message`, the source line
and carets, fitted to the terminal; a summary of what `--fix` would do."""

from __future__ import annotations

from collections import Counter

from ..engine.rule import SEVERITIES, SEVERITY_RANK
from ..cli.terminal import SEVERITY_STYLE, Painter, char_width, display_width
from .report import Report

FIX_MARK = "[*]"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' if count != 1 else ''}"


def render_text(report: Report) -> str:
    paint = Painter(report.color)
    findings = report.findings
    lines: list[str] = []
    if report.statistics:
        lines.extend(_statistics(report, paint))
    else:
        for finding in findings:
            lines.append(finding_line(finding, report, paint))
            if not report.quiet:
                lines.extend(_source(finding, report.width, paint))
                if finding.suggestions:
                    lines.append(f"      = suggestion: {', '.join(finding.suggestions)}")
    if not report.quiet and not report.statistics:
        lines.extend(_dominant_rules(findings))
        lines.append(_summary(report))
    if not report.quiet:
        lines.extend(_fixable(report))
    return "\n".join(lines) + ("\n" if lines else "")


def finding_line(finding, report: Report, paint: Painter) -> str:
    mark = f" {paint(FIX_MARK, 'cyan')}" if report.fixable(finding) else ""
    severity = paint(finding.severity, SEVERITY_STYLE[finding.severity], "bold")
    location = f"{paint(finding.path, 'bold')}:{finding.line}:{finding.column}:"
    return f"{location} {paint(finding.code, 'red', 'bold')}{mark} {severity}: {finding.message}"


def _statistics(report: Report, paint: Painter) -> list[str]:
    """One line per rule: count, code, the highest severity, [*] when all are fixable."""
    findings = report.findings
    counts = Counter(f.code for f in findings)
    names = {f.code: f.rule for f in findings}
    severity: dict[str, str] = {}
    fixable: Counter = Counter()
    for f in findings:
        if f.code not in severity or SEVERITY_RANK[f.severity] > SEVERITY_RANK[severity[f.code]]:
            severity[f.code] = f.severity
        fixable[f.code] += report.fixable(f)
    lines = []
    for code, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        mark = FIX_MARK if fixable[code] == count else "[-]" if fixable[code] else "[ ]"
        level = severity[code]
        lines.append(
            f"{count:>5}  {paint(code, 'red', 'bold')}  "
            f"{paint(f'{level:<7}', SEVERITY_STYLE[level])}  {mark}  {names[code]}"
        )
    return lines


def _source(finding, width: int | None, paint: Painter) -> list[str]:
    source = finding.source_line.replace("\t", " ").replace("\ufeff", " ")
    number = str(finding.line)
    gutter = " " * len(number)
    start = finding.column - 1 - finding.source_start
    cut_left = finding.source_start > 0  # the line was cut to a window around the span
    span = (finding.end_column - finding.column) if finding.end_line == finding.line else len(source) - start
    span = max(1, min(span, len(source) - start))
    if width is not None:
        source, start, span, fit_left, cut_right = _fit(source, start, span, width - len(number) - 4 - 2)
        cut_left = cut_left or fit_left
    else:
        cut_right = False
    shown = ("…" if cut_left else "") + source + ("…" if cut_right else "")
    pad = display_width(source[:start]) + (1 if cut_left else 0)
    carets = max(1, display_width(source[start:start + span]))
    bar = paint("|", "blue")
    return [
        f" {gutter} {bar}",
        f" {paint(number, 'blue')} {bar} {shown}",
        f" {gutter} {bar} {' ' * pad}{paint('^' * carets, SEVERITY_STYLE[finding.severity], 'bold')}",
    ]


# A rule dominates a file's findings from this many on, when it has most of them.
_DOMINANT_FROM = 10


def _dominant_rules(findings) -> list[str]:
    """One line per file whose findings are mostly one rule's ("the
    extraction ran 289 word pairs together"), with how many --fix repairs."""
    by_path: dict[str, list] = {}
    for finding in findings:
        by_path.setdefault(finding.path, []).append(finding)
    lines = (_dominant_rule(path, found) for path, found in by_path.items())
    return [line for line in lines if line]


def _dominant_rule(path: str, found: list) -> str | None:
    """The line for one file's findings, or None when no rule dominates them."""
    code, count = Counter(f.code for f in found).most_common(1)[0]
    if count < _DOMINANT_FROM or count * 2 <= len(found):
        return None
    ruled = [f for f in found if f.code == code]
    fixes = [f.fix for f in ruled if f.fix is not None]
    safe = sum(fix.safe for fix in fixes)
    unsafe = len(fixes) - safe
    fixable = [f"{safe} fixable with --fix"] if safe else []
    fixable += [f"{unsafe} with --unsafe-fixes"] if unsafe else []
    return (f"{path}: {count} of {len(found)} findings are {code} {ruled[0].rule}"
            + (f" ({', '.join(fixable)})" if fixable else ""))


def _fit(source: str, start: int, span: int, cells: int) -> tuple[str, int, int, bool, bool]:
    """Cut `source` to at most `cells` display cells, keeping the span's start
    in view with some text before it. Returns the piece, the span's start and
    length in it, and whether text was cut on the left and on the right."""
    if display_width(source) <= cells:
        return source, start, span, False, False
    begin = start
    # Context before the span: a third of the width, more when the line ends soon after it.
    room = max(1, cells // 3, cells - display_width(source[start:]))
    used = 0
    while begin > 0 and used + char_width(source[begin - 1]) <= room:
        begin -= 1
        used += char_width(source[begin])
    end = begin
    used = 0
    while end < len(source) and used + char_width(source[end]) <= cells:
        used += char_width(source[end])
        end += 1
    piece = source[begin:end]
    span = max(1, min(span, end - start))
    return piece, start - begin, span, begin > 0, end < len(source)


def _summary(report: Report) -> str:
    findings = report.findings
    files = _plural(len(report.results), "file")
    errors = len(report.all_errors)
    if not findings:
        if errors:
            return f"No findings, but {_plural(errors, 'error')}: not every file was checked."
        return f"All checks passed ({files})."
    counts = Counter(f.severity for f in findings)
    parts = ", ".join(f"{counts[level]} {level}" for level in SEVERITIES if counts[level])
    tail = f"; {_plural(errors, 'error')}" if errors else ""
    return f"Found {_plural(len(findings), 'finding')} ({parts}) in {files}{tail}."


def _fixable(report: Report) -> list[str]:
    """`3 fixable with --fix (2 more with --unsafe-fixes).`"""
    fixes = [f.fix for f in report.findings if f.fix is not None]
    safe = sum(fix.safe for fix in fixes)
    unsafe = len(fixes) - safe
    if report.unsafe_fixes:
        return [f"{FIX_MARK} {len(fixes)} fixable with --fix --unsafe-fixes."] if fixes else []
    if not fixes:
        return []
    if not safe:
        return [f"No fixes with --fix ({unsafe} with --unsafe-fixes)."]
    more = f" ({unsafe} more with --unsafe-fixes)" if unsafe else ""
    return [f"{FIX_MARK} {safe} fixable with --fix{more}."]
