"""The `qalint` command line."""

from __future__ import annotations

import argparse
import difflib
import os
import sys
from pathlib import Path

from .. import __version__
from ..reporters import FORMATS
from .terminal import COLOR_CHOICES

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    """argparse, with "did you mean" for a misspelled option."""

    def options(self) -> list[str]:
        return [o for action in self._actions for o in action.option_strings if o.startswith("--")]

    def unrecognized(self, extra: list[str], also: list[str] | None = None) -> None:
        options = self.options() + [o for o in also or [] if o not in self.options()]
        hints = []
        for item in extra:
            close = difflib.get_close_matches(item.split("=", 1)[0], options, n=1) if item.startswith("-") else []
            hints.append(f"{item} (did you mean {close[0]}?)" if close else item)
        self.error(f"unrecognized arguments: {' '.join(hints)}")


def _parser() -> tuple[_Parser, dict[str, _Parser]]:
    parser = _Parser(
        prog="qalint",
        description="A data-quality and consistency linter for Q&A reports.",
    )
    parser.add_argument("--version", action="version", version=f"qalint {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    check = commands.add_parser("check", help="check documents (default command)")
    _check_arguments(check)
    extract = commands.add_parser("extract", help="print the question-and-answer structure as data")
    extract.add_argument("paths", nargs="*", metavar="PATH", help="files or directories; - reads standard input")
    extract.add_argument("--format", choices=("json", "jsonl", "csv"), default="json")
    extract.add_argument("--stdin-filename", help="the path to report (and configure) standard input as")
    extract.add_argument("--profile", help="layout profile to use instead of detecting one")
    extract.add_argument("--kind", choices=_kinds(), help="document kind to assume instead of detecting it")
    extract.add_argument("--config", help="use this configuration file and no other")
    extract.add_argument("--isolated", action="store_true", help="ignore all configuration files")
    rules = commands.add_parser("rules", help="list the rules")
    rules.add_argument("--format", choices=("text", "json"), default="text")
    rule = commands.add_parser("rule", help="show the documentation of one rule")
    rule.add_argument("code")
    commands.add_parser("profiles", help="list the layout profiles")
    schema = commands.add_parser("schema", help="print the JSON Schema of the JSON report")
    schema.add_argument("--config", action="store_true", help="print the configuration schema instead")
    schema.add_argument("--extract", action="store_true", help="print the schema of `qalint extract` instead")
    server = commands.add_parser("server", help="run the language server (LSP over standard input and output)")
    server.add_argument("--stdio", action="store_true", help="accepted for clients that pass it; stdio is the only transport")
    return parser, dict(commands.choices)


def _check_arguments(check: argparse.ArgumentParser) -> None:
    check.add_argument("paths", nargs="*", metavar="PATH", help="files or directories; - reads standard input")
    check.add_argument("--stdin-filename", help="the path to report (and configure) standard input as")
    check.add_argument("--select", type=_codes, help="rules to run: codes, prefixes, categories, names or ALL")
    check.add_argument("--extend-select", type=_codes, default=[], help="rules to run in addition")
    check.add_argument("--ignore", type=_codes, default=[], help="rules not to run")
    check.add_argument("--severity", action="append", default=[], metavar="CODE=LEVEL",
                       help="set the severity of a rule (error, warning, info); repeatable")
    check.add_argument("--profile", help="layout profile to use instead of detecting one (see `qalint profiles`)")
    check.add_argument("--kind", choices=_kinds(), help="document kind to assume instead of detecting it")
    check.add_argument("--show-structure", action="store_true",
                       help="print each document's profile, kind and question/answer counts (on stderr)")
    check.add_argument("--output-format", "--format", dest="format", choices=FORMATS, default="text",
                       help="report format (--format is the same option)")
    check.add_argument("--output-file", help="write the report to this file")
    check.add_argument("--color", choices=COLOR_CHOICES, default="auto",
                       help="colour the text report: auto (a terminal, unless NO_COLOR), always, never")
    check.add_argument("--statistics", action="store_true",
                       help="show the number of findings per rule, with severity and fixability")
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    check.add_argument("--fix", action="store_true", help="apply safe fixes to the files")
    check.add_argument("--unsafe-fixes", action="store_true", help="also apply unsafe fixes (with --fix or --diff)")
    check.add_argument("--diff", action="store_true", help="print the fixes as a unified diff; write nothing")
    check.add_argument("--add-unknown-words", action="store_true",
                       help="append the words reported as misspelled to the project word list (.qalint-words.txt); "
                            "words with a close dictionary suggestion only with --force")
    check.add_argument("--force", action="store_true", help="with --add-unknown-words: add likely typos too")
    check.add_argument("--fail-level", choices=("error", "warning", "info"),
                       help="lowest severity that makes the exit code 1 (default: warning)")
    check.add_argument("-q", "--quiet", action="store_true", help="only the finding lines, no source or summary")
    check.add_argument("--config", help="use this configuration file and no other")
    check.add_argument("--isolated", action="store_true", help="ignore all configuration files")
    check.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="parallel processes for many files")
    check.add_argument("--dask-scheduler", metavar="ADDRESS",
                       help="check on this Dask cluster (tcp://host:8786) instead of this machine's cores")
    check.add_argument("--exclude", type=_codes, help="patterns of paths not to check (replace the configured ones)")
    check.add_argument("--extend-exclude", type=_codes, default=[], help="patterns of paths not to check, in addition")
    check.add_argument("--force-exclude", action="store_true",
                       help="apply the exclusions to files named on the command line too (pre-commit)")
    check.add_argument("--no-respect-gitignore", dest="respect_gitignore", action="store_false",
                       help="check files that .gitignore and .ignore files ignore")
    check.add_argument("--show-files", action="store_true", help="list the files that would be checked, and stop")
    check.add_argument("--show-settings", action="store_true",
                       help="print the settings that apply to the first file, and stop")
    check.add_argument("--no-cache", action="store_true", help="check every file again; do not read or write the result cache")
    check.add_argument("--cache-dir", help="folder of the result cache (default: the qalint cache folder)")
    check.add_argument("--timeout", type=float, metavar="SECONDS",
                       help="stop checking a document after this many seconds (default: `timeout`, 10)")


def _kinds() -> list[str]:
    from ..analysis.model import DOCUMENT_KINDS

    return ["auto", *DOCUMENT_KINDS]


def _codes(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser, commands = _parser()
    try:
        argv = _with_command(argv, parser, commands)
        args, extra = parser.parse_known_args(argv)
        if extra:
            commands.get(args.command, parser).unrecognized(extra, parser.options())  # `--verison` too
    except SystemExit as exit_:
        return EXIT_ERROR if exit_.code not in (0, None) else EXIT_OK
    try:
        status = _dispatch(args)
        sys.stdout.flush()  # a closed pipe shows here, not at exit
        return status
    except (UsageError, *_config_error()) as error:
        print(f"qalint: error: {error}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        # `qalint rules | head -1`: the reader is gone; say nothing more.
        _silence_stdout()
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130


def _silence_stdout() -> None:
    """Point standard output at /dev/null so that the flush at exit is quiet."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass  # not a real file (tests): nothing is flushed at exit


def _dispatch(args) -> int:
    if args.command == "check":
        return _check(args)
    if args.command == "extract":
        return _extract(args)
    if args.command == "rules":
        return _rules(args)
    if args.command == "rule":
        return _rule(args)
    if args.command == "profiles":
        return _profiles()
    if args.command == "server":
        from ..server import serve

        return serve()
    return _schema(args)


def _with_command(argv: list[str], parser: _Parser, commands: dict[str, _Parser]) -> list[str]:
    """`check` is the default command; a first word that is no path but close
    to a command name is a misspelled command, not a file."""
    first = argv[0] if argv else None
    if first in commands or first in ("-h", "--help", "--version"):
        return argv
    looks_like_a_word = first and first.isidentifier()  # `rule.md`, `docs/` are paths
    if looks_like_a_word and not Path(first).exists():
        close = difflib.get_close_matches(first, list(commands), n=1)
        if close:
            parser.error(f"unknown command {first!r} (did you mean {close[0]!r}?)")
    return ["check", *argv]


def _config_error():
    from ..engine.config import ConfigError
    from ..profiles import ProfileError

    return (ConfigError, ProfileError)


def _registry():
    from ..engine.plugins import load_registry

    registry = load_registry()
    for warning in registry.warnings:
        print(f"qalint: warning: {warning}", file=sys.stderr)
    return registry


def _check(args) -> int:
    from ..engine.linter import Linter, Overrides, fails
    from ..reporters import Report, render
    from ..running.runner import FixMode, discover, run
    from .terminal import Progress, terminal_width, use_color

    severity = {}
    for item in args.severity:
        code, sep, level = item.partition("=")
        if not sep or level not in ("error", "warning", "info"):
            raise UsageError(f"--severity {item!r}: expected CODE=error|warning|info")
        severity[code.strip()] = level
    registry = _registry()
    overrides = Overrides(
        select=args.select, extend_select=args.extend_select, ignore=args.ignore,
        severity=severity, profile=args.profile, kind=_kind(args), show_structure=args.show_structure,
        config_file=Path(args.config) if args.config else None, isolated=args.isolated,
        exclude=args.exclude, extend_exclude=args.extend_exclude, force_exclude=args.force_exclude,
        respect_gitignore=args.respect_gitignore, timeout=args.timeout,
    )
    linter = Linter(registry, overrides)
    paths = args.paths or ["."]
    targets, errors, warnings = discover(paths, linter, args.stdin_filename)
    for warning in warnings:
        print(f"qalint: warning: {warning}", file=sys.stderr)
    if args.show_files or args.show_settings:
        from .showsettings import show_files, show_settings

        print(show_files(targets) if args.show_files else show_settings(targets, paths, linter), end="")
        for error in errors:
            print(f"qalint: error: {error}", file=sys.stderr)
        return EXIT_ERROR if errors else EXIT_OK
    mode = FixMode(fix=args.fix and not args.diff, diff=args.diff, unsafe=args.unsafe_fixes)
    cache = _result_cache(args, registry, mode)
    progress = Progress(len(targets))
    if args.dask_scheduler:
        results = _run_on_cluster(args.dask_scheduler, targets, linter, mode)
    else:
        results = run(targets, linter, max(1, args.jobs), mode, cache=cache, progress=progress.advance)
    progress.close()
    if args.show_structure:
        from ..analysis.extract import summary_line

        for result in results:
            if result.structure is not None:
                print(summary_line(result.path, result.structure), file=sys.stderr)
    report_stream = sys.stdout
    stdin_output = [result.output for result in results if result.output is not None]
    if stdin_output:  # `--fix -`: the fixed text goes to standard output, the report to stderr
        report_stream = sys.stderr
    color = not args.output_file and use_color(args.color, report_stream)
    report = Report(
        results, registry, errors, quiet=args.quiet, statistics=args.statistics, color=color,
        width=None if args.output_file else terminal_width(report_stream), unsafe_fixes=args.unsafe_fixes,
    )
    if args.diff:
        sys.stdout.write("".join(result.diff for result in results))
        for error in report.all_errors:
            print(f"qalint: error: {error}", file=sys.stderr)
        fixable = sum(result.fixed for result in results)
        print(f"Would fix {fixable} finding{'s' if fixable != 1 else ''}.", file=sys.stderr)
        return EXIT_ERROR if report.all_errors else (EXIT_FINDINGS if fixable else EXIT_OK)
    if stdin_output:
        sys.stdout.flush()
        sys.stdout.buffer.write(stdin_output[0])  # in the input's own encoding
        sys.stdout.flush()
    if args.add_unknown_words:
        from ..spelling.wordlist import add_unknown_words

        for line in add_unknown_words(results, linter, force=args.force):
            print(f"qalint: {line}", file=sys.stderr)
    output = render(report, args.format)
    fixed = sum(result.fixed for result in results)
    if fixed and args.format == "text" and not args.quiet:
        output += f"Fixed {fixed} finding{'s' if fixed != 1 else ''}.\n"
    if args.output_file:
        try:
            Path(args.output_file).write_text(output, encoding="utf-8")
        except OSError as error:
            raise UsageError(f"{args.output_file}: cannot write: {error.strerror or error}") from None
    else:
        report_stream.write(output)
    all_errors = report.all_errors
    for error in all_errors:
        print(f"qalint: error: {error}", file=sys.stderr)
    if all_errors:
        return EXIT_ERROR
    if args.exit_zero:
        return EXIT_OK
    failed = any(
        fails(result.findings, args.fail_level or linter.config_for(Path(result.path)).fail_level)
        for result in results
    )
    return EXIT_FINDINGS if failed else EXIT_OK


def _run_on_cluster(address: str, targets, linter, mode):
    from ..running.cluster import ClusterUnavailable, run_on_cluster

    if mode.active:
        raise UsageError("--fix and --diff write local files: run them without --dask-scheduler")
    try:
        return run_on_cluster(address, targets, linter)
    except ClusterUnavailable as error:
        raise UsageError(str(error)) from None


def _result_cache(args, registry, mode):
    """The result cache of this run, or None (`--no-cache`, fixing, no cache folder)."""
    from ..running.resultcache import ResultCache

    if args.no_cache or mode.active or args.show_structure:  # the structure is not cached
        return None
    return ResultCache.open(Path(args.cache_dir) if args.cache_dir else None, registry)


def _kind(args) -> str | None:
    return args.kind if args.kind and args.kind != "auto" else None


def _extract(args) -> int:
    from ..engine.linter import Linter, Overrides
    from ..analysis.extract import document_record, render
    from ..source.reading import ReadError
    from ..running.runner import discover, read_target

    overrides = Overrides(
        profile=args.profile, kind=_kind(args),
        config_file=Path(args.config) if args.config else None, isolated=args.isolated,
    )
    linter = Linter(_registry(), overrides)
    targets, errors, warnings = discover(args.paths or ["."], linter, args.stdin_filename)
    for warning in warnings:
        print(f"qalint: warning: {warning}", file=sys.stderr)
    documents = []
    for target in targets:
        try:
            doc, _data = read_target(target, linter)
            record = document_record(linter.context_for(doc, target.path))
        except (ReadError, *_config_error()) as error:
            errors.append(str(error))
            continue
        if record["kind"] == "not-qa":
            print(f"qalint: {target.display}: no questions or answers found (not a Q&A document)", file=sys.stderr)
        documents.append(record)
    sys.stdout.write(render(documents, args.format))
    for error in errors:
        print(f"qalint: error: {error}", file=sys.stderr)
    return EXIT_ERROR if errors else EXIT_OK


def _rules(args) -> int:
    registry = _registry()
    rules = sorted(registry.rules.values(), key=lambda r: r.code)
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


def _rule(args) -> int:
    registry = _registry()
    code = args.code.upper()
    rule = registry.rules.get(code) or registry.rule_by_name().get(args.code)
    if rule is None:
        raise UsageError(f"unknown rule {args.code!r} (see `qalint rules`)")
    fix = {"safe": "safe fix available", "unsafe": "unsafe fix available", None: "no fix"}[rule.fix_safety]
    print(f"# {rule.name} ({rule.code})\n")
    print(f"Category: {rule.category}. Default severity: {rule.severity}. {fix.capitalize()}.\n")
    print(rule.doc())
    return EXIT_OK


def _profiles() -> int:
    registry = _registry()
    for name, profile in sorted(registry.profiles.items()):
        print(f"{name:<22} {profile.language:<3} {profile.description}")
    return EXIT_OK


def _schema(args) -> int:
    import json

    if args.config:
        from ..engine.config import schema

        print(json.dumps(schema(_registry().settings_schema), indent=2))
    else:
        name = "extract.schema.json" if args.extract else "report.schema.json"
        print((Path(__file__).parent.parent / "schemas" / name).read_text(encoding="utf-8"), end="")
    return EXIT_OK
