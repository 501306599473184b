"""The commands that describe rather than check: `extract`, `rules`,
`rule`, `profiles`, `schema`."""

from __future__ import annotations

import sys
from pathlib import Path

from .common import EXIT_ERROR, EXIT_OK, UsageError, config_errors, kind, print_lines, registry


def extract_command(args) -> int:
    from ..engine.linter import Linter, Overrides
    from ..analysis.extract import document_record, render
    from ..source.reading import ReadError
    from ..running.runner import discover, read_target

    overrides = Overrides(
        profile=args.profile, kind=kind(args),
        config_file=Path(args.config) if args.config else None, isolated=args.isolated,
    )
    linter = Linter(registry(), overrides)
    targets, errors, warnings = discover(args.paths or ["."], linter, args.stdin_filename)
    print_lines("warning", warnings)
    documents = []
    for target in targets:
        try:
            doc, _data = read_target(target, linter)
            record = document_record(linter.context_for(doc, target.path))
        except (ReadError, *config_errors()) as error:
            errors.append(str(error))
            continue
        if record["kind"] == "not-qa":
            print(f"qalint: {target.display}: no questions or answers found (not a Q&A document)", file=sys.stderr)
        documents.append(record)
    sys.stdout.write(render(documents, args.format))
    print_lines("error", errors)
    return EXIT_ERROR if errors else EXIT_OK


def rules_command(args) -> int:
    rules = sorted(registry().rules.values(), key=lambda r: r.code)
    if args.format == "json":
        import json

        data = [
            {"code": r.code, "name": r.name, "category": r.category, "severity": r.severity,
             "fix": r.fix_safety, "summary": r.summary()}
            for r in rules
        ]
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return EXIT_OK
    for r in rules:
        print(f"{r.code}  {r.name:<26} {r.category:<15} {r.severity:<8} {r.summary()}")
    return EXIT_OK


def rule_command(args) -> int:
    loaded = registry()
    rule = loaded.rules.get(args.code.upper()) or loaded.rule_by_name().get(args.code)
    if rule is None:
        raise UsageError(f"unknown rule {args.code!r} (see `qalint rules`)")
    fix = {"safe": "safe fix available", "unsafe": "unsafe fix available", None: "no fix"}[rule.fix_safety]
    print(f"# {rule.name} ({rule.code})\n")
    print(f"Category: {rule.category}. Default severity: {rule.severity}. {fix.capitalize()}.\n")
    print(rule.doc())
    return EXIT_OK


def profiles_command(args) -> int:
    for name, profile in sorted(registry().profiles.items()):
        print(f"{name:<22} {profile.language:<3} {profile.description}")
    return EXIT_OK


def schema_command(args) -> int:
    import json

    if args.config:
        from ..engine.config import schema

        print(json.dumps(schema(registry().settings_schema), indent=2))
    else:
        name = "extract.schema.json" if args.extract else "report.schema.json"
        print((Path(__file__).parent.parent / "schemas" / name).read_text(encoding="utf-8"), end="")
    return EXIT_OK
