"""`qalint check`: discover, check (here, in workers or on Dask), report,
fix, and the exit status."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from .common import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, UsageError, kind, print_lines, registry

if TYPE_CHECKING:
    from ..engine.linter import FileResult, Linter, Overrides
    from ..reporters import Report
    from ..running.runner import FixMode

_LEVELS = ("error", "warning", "info")


def run_check(args) -> int:
    from ..engine.linter import Linter
    from ..running.runner import FixMode, discover

    rules = registry()
    linter = Linter(rules, overrides(args))
    paths = args.paths or ["."]
    targets, errors, warnings = discover(paths, linter, args.stdin_filename)
    print_lines("warning", warnings)
    if args.show_files or args.show_settings:
        return _show(args, targets, paths, linter, errors)
    mode = FixMode(fix=args.fix and not args.diff, diff=args.diff, unsafe=args.unsafe_fixes)
    results = _results(args, targets, linter, mode)
    if args.show_structure:
        _print_structures(results)
    fixed_stdin = next((result.output for result in results if result.output is not None), None)
    # `--fix -`: the fixed text goes to standard output, the report to stderr.
    stream = sys.stderr if fixed_stdin is not None else sys.stdout
    report = _report(args, results, rules, errors, stream)
    if args.diff:
        return _print_diff(results, report)
    if fixed_stdin is not None:
        sys.stdout.flush()
        sys.stdout.buffer.write(fixed_stdin)  # in the input's own encoding
        sys.stdout.flush()
    if args.add_unknown_words:
        _add_unknown_words(results, linter, args.force)
    _write_report(args, report, stream)
    print_lines("error", report.all_errors)
    return _exit_status(args, report, linter)


def _show(args, targets, paths: list[str], linter: "Linter", errors: list[str]) -> int:
    """`--show-files`, `--show-settings`: what would be checked, and how."""
    from .showsettings import show_files, show_settings

    print(show_files(targets) if args.show_files else show_settings(targets, paths, linter), end="")
    print_lines("error", errors)
    return EXIT_ERROR if errors else EXIT_OK


def _add_unknown_words(results: list["FileResult"], linter: "Linter", force: bool) -> None:
    from ..spelling.wordlist import add_unknown_words

    for line in add_unknown_words(results, linter, force=force):
        print(f"qalint: {line}", file=sys.stderr)


def overrides(args) -> "Overrides":
    """The options of `qalint check` that take precedence over configuration files."""
    from ..engine.linter import Overrides

    return Overrides(
        select=args.select, extend_select=args.extend_select, ignore=args.ignore,
        severity=_severities(args.severity), profile=args.profile, kind=kind(args),
        show_structure=args.show_structure, config_file=Path(args.config) if args.config else None,
        isolated=args.isolated, exclude=args.exclude, extend_exclude=args.extend_exclude,
        force_exclude=args.force_exclude, respect_gitignore=args.respect_gitignore, timeout=args.timeout,
    )


def _severities(items: list[str]) -> dict[str, str]:
    """`--severity CODE=LEVEL`, repeated."""
    severity = {}
    for item in items:
        code, sep, level = item.partition("=")
        if not sep or level not in _LEVELS:
            raise UsageError(f"--severity {item!r}: expected CODE={'|'.join(_LEVELS)}")
        severity[code.strip()] = level
    return severity


def _results(args, targets, linter: "Linter", mode: "FixMode") -> list["FileResult"]:
    from ..running.runner import run
    from .terminal import Progress

    if args.dask_scheduler:
        return _run_on_cluster(args.dask_scheduler, targets, linter, mode)
    progress = Progress(len(targets))
    try:
        cache = _result_cache(args, linter.registry, mode)
        return run(targets, linter, max(1, args.jobs), mode, cache=cache, progress=progress.advance)
    finally:
        progress.close()


def _run_on_cluster(address: str, targets, linter: "Linter", mode: "FixMode") -> list["FileResult"]:
    from ..running.cluster import ClusterUnavailable, run_on_cluster

    if mode.active:
        raise UsageError("--fix and --diff write local files: run them without --dask-scheduler")
    try:
        return run_on_cluster(address, targets, linter)
    except ClusterUnavailable as error:
        raise UsageError(str(error)) from None


def _result_cache(args, rules, mode: "FixMode"):
    """The result cache of this run, or None (`--no-cache`, fixing, no cache folder)."""
    from ..running.resultcache import ResultCache

    if args.no_cache or mode.active or args.show_structure:  # the structure is not cached
        return None
    return ResultCache.open(Path(args.cache_dir) if args.cache_dir else None, rules)


def _print_structures(results: list["FileResult"]) -> None:
    from ..analysis.extract import summary_line

    for result in results:
        if result.structure is not None:
            print(summary_line(result.path, result.structure), file=sys.stderr)


def _report(args, results: list["FileResult"], rules, errors: list[str], stream: TextIO) -> "Report":
    from ..reporters import Report
    from .terminal import terminal_width, use_color

    return Report(
        results, rules, errors, quiet=args.quiet, statistics=args.statistics,
        color=not args.output_file and use_color(args.color, stream),
        width=None if args.output_file else terminal_width(stream), unsafe_fixes=args.unsafe_fixes,
    )


def _print_diff(results: list["FileResult"], report: "Report") -> int:
    """`--diff`: the fixes on stdout, what they would fix on stderr; nothing written."""
    sys.stdout.write("".join(result.diff for result in results))
    print_lines("error", report.all_errors)
    fixable = sum(result.fixed for result in results)
    print(f"Would fix {fixable} finding{'s' if fixable != 1 else ''}.", file=sys.stderr)
    return EXIT_ERROR if report.all_errors else (EXIT_FINDINGS if fixable else EXIT_OK)


def _write_report(args, report: "Report", stream: TextIO) -> None:
    from ..reporters import render

    output = render(report, args.format)
    fixed = sum(result.fixed for result in report.results)
    if fixed and args.format == "text" and not args.quiet:
        output += f"Fixed {fixed} finding{'s' if fixed != 1 else ''}.\n"
    if not args.output_file:
        stream.write(output)
        return
    try:
        Path(args.output_file).write_text(output, encoding="utf-8")
    except OSError as error:
        raise UsageError(f"{args.output_file}: cannot write: {error.strerror or error}") from None


def _exit_status(args, report: "Report", linter: "Linter") -> int:
    from ..engine.linter import fails

    if report.all_errors:
        return EXIT_ERROR
    if args.exit_zero:
        return EXIT_OK
    failed = any(
        fails(result.findings, args.fail_level or linter.config_for(Path(result.path)).fail_level)
        for result in report.results
    )
    return EXIT_FINDINGS if failed else EXIT_OK
