"""Findings as LSP diagnostics, and the rule documentation shown on hover."""

from __future__ import annotations

from lsprotocol import types

from ..engine.rule import Finding
from .checker import Checked
from .outline import referred_answers
from .positions import Positions

SOURCE = "qalint"
SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}
# Findings about referrals: they get the referred answers as related information.
_REFERRAL_CATEGORIES = ("reference", "missing-answer")
# A suppression that suppresses nothing: editors grey it out.
_UNUSED_SUPPRESSION = "QA001"


def diagnostic(finding: Finding, checked: Checked, positions: Positions, uri: str) -> types.Diagnostic:
    related = None
    structure = checked.structure if finding.category in _REFERRAL_CATEGORIES else None
    if structure is not None:
        related = [
            types.DiagnosticRelatedInformation(
                location=types.Location(uri=uri, range=positions.range(*span)),
                message=label,
            )
            for label, span in referred_answers(structure, checked.doc, finding.start, finding.end)
        ] or None
    return types.Diagnostic(
        range=positions.range(finding.start, finding.end),
        message=finding.message,
        severity=SEVERITY[finding.severity],
        code=finding.code,
        source=SOURCE,
        related_information=related,
        tags=[types.DiagnosticTag.Unnecessary] if finding.code == _UNUSED_SUPPRESSION else None,
        data={"rule": finding.rule, "fix": finding.fix.safe if finding.fix else None},
    )


def diagnostics(checked: Checked, positions: Positions, uri: str) -> list[types.Diagnostic]:
    """The findings, and the errors (configuration, a failing rule) at the
    document's start so that they are seen."""
    found = [diagnostic(f, checked, positions, uri) for f in checked.result.findings]
    start = positions.range(0, 0)
    found += [types.Diagnostic(range=start, message=error, severity=types.DiagnosticSeverity.Error, source=SOURCE)
              for error in checked.result.errors]
    return found


def hover(checked: Checked, positions: Positions, offset: int) -> types.Hover | None:
    """The documentation of the rules whose findings cover `offset`."""
    covering = [f for f in checked.result.findings if f.start <= offset <= f.end]
    if not covering:
        return None
    parts = []
    for code in dict.fromkeys(f.code for f in covering):
        rule = checked.registry.rules[code]
        fix = {"safe": "safe fix", "unsafe": "unsafe fix", None: "no fix"}[rule.fix_safety]
        parts.append(f"**{rule.code} {rule.name}** ({rule.category}, {fix})\n\n{rule.doc()}")
    first = min(f.start for f in covering)
    last = max(f.end for f in covering)
    return types.Hover(
        contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value="\n\n---\n\n".join(parts)),
        range=positions.range(first, last),
    )
