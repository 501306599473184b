"""The JSON report: a versioned, stable contract (see `qalint schema`)."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from ..version import __version__
from .report import Report

# 1.1 added the optional `data` of a finding.
REPORT_VERSION = "1.1"


def finding_dict(finding) -> dict[str, Any]:
    fix = None
    if finding.fix is not None:
        fix = {
            "message": finding.fix.message,
            "applicability": "safe" if finding.fix.safe else "unsafe",
            "edits": [
                {
                    "line": e.line, "column": e.column,
                    "end_line": e.end_line, "end_column": e.end_column,
                    "content": e.content,
                }
                for e in finding.fix.edits
            ],
        }
    found = {
        "path": finding.path,
        "line": finding.line,
        "column": finding.column,
        "end_line": finding.end_line,
        "end_column": finding.end_column,
        "code": finding.code,
        "rule": finding.rule,
        "category": finding.category,
        "severity": finding.severity,
        "message": finding.message,
        "suggestions": list(finding.suggestions),
        "fix": fix,
    }
    if finding.data:
        found["data"] = dict(finding.data)
    return found


def report_dict(report: Report) -> dict[str, Any]:
    findings = report.findings
    return {
        "version": REPORT_VERSION,
        "tool": {"name": "qalint", "version": __version__},
        "findings": [finding_dict(f) for f in findings],
        "summary": {
            "files": len(report.results),
            "findings": len(findings),
            "by_severity": dict(sorted(Counter(f.severity for f in findings).items())),
            "by_code": dict(sorted(Counter(f.code for f in findings).items())),
            "errors": report.all_errors,
        },
    }


def render_json(report: Report) -> str:
    return json.dumps(report_dict(report), ensure_ascii=False, indent=2) + "\n"
