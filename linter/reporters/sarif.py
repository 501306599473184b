"""SARIF 2.1.0 output, fit for GitHub code scanning."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path

from ..version import __version__
from .report import Report

_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _uri(path: str) -> str:
    candidate = Path(path)
    if candidate.is_absolute():
        try:
            candidate = candidate.relative_to(Path.cwd())
        except ValueError:
            return candidate.as_uri()
    return candidate.as_posix()


def render_sarif(report: Report) -> str:
    rules = sorted(report.registry.rules.values(), key=lambda r: r.code)
    index = {rule.code: i for i, rule in enumerate(rules)}
    occurrences: Counter = Counter()
    results = []
    for f in report.findings:
        # Stable across edits elsewhere in the file: code, path and the line's text.
        key = hashlib.sha256(f"{f.code}\0{f.path}\0{f.source_line.strip()}".encode()).hexdigest()[:16]
        occurrences[key] += 1
        result = {
            "ruleId": f.code,
            "ruleIndex": index.get(f.code, -1),
            "level": _LEVEL[f.severity],
            "message": {"text": f.message},
            "locations": [{
                "physicalLocation": {
                    "artifactLocation": {"uri": _uri(f.path), "uriBaseId": "%SRCROOT%"},
                    "region": {
                        "startLine": f.line, "startColumn": f.column,
                        "endLine": f.end_line, "endColumn": f.end_column,
                    },
                }
            }],
            "partialFingerprints": {"primaryLocationLineHash": f"{key}:{occurrences[key]}"},
        }
        if f.data:  # SARIF's property bag: the JSON report's `data`
            result["properties"] = dict(f.data)
        results.append(result)
    run = {
        "tool": {
            "driver": {
                "name": "qalint",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": [_rule(rule) for rule in rules],
            }
        },
        "columnKind": "unicodeCodePoints",
        "results": results,
        "invocations": [{
            "executionSuccessful": not report.all_errors,
            "toolExecutionNotifications": [
                {"level": "error", "message": {"text": error}} for error in report.all_errors
            ],
        }],
    }
    document = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _rule(rule) -> dict:
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary()},
        "fullDescription": {"text": rule.summary()},
        "help": {"text": rule.doc(), "markdown": rule.doc()},
        "defaultConfiguration": {"level": _LEVEL[rule.severity]},
        "properties": {"category": rule.category, "tags": [rule.category]},
    }
