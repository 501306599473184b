"""The command line's arguments: the commands and their options."""

from __future__ import annotations

import argparse
import difflib
import os

from ..version import __version__
from ..reporters import FORMATS
from .terminal import COLOR_CHOICES


class Parser(argparse.ArgumentParser):
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


def build_parser() -> tuple[Parser, dict[str, Parser]]:
    parser = Parser(
        prog="qalint",
        description="A data-quality and consistency linter for Q&A reports.",
    )
    parser.add_argument("--version", action="version", version=f"qalint {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)

    check = commands.add_parser("check", help="check documents (default command)")
    check_arguments(check)
    extract = commands.add_parser("extract", help="print the question-and-answer structure as data")
    extract.add_argument("paths", nargs="*", metavar="PATH", help="files or directories; - reads standard input")
    extract.add_argument("--format", choices=("json", "jsonl", "csv"), default="json")
    extract.add_argument("--stdin-filename", help="the path to report (and configure) standard input as")
    extract.add_argument("--profile", help="layout profile to use instead of detecting one")
    extract.add_argument("--kind", choices=kinds(), help="document kind to assume instead of detecting it")
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


def check_arguments(check: argparse.ArgumentParser) -> None:
    check.add_argument("paths", nargs="*", metavar="PATH", help="files or directories; - reads standard input")
    check.add_argument("--stdin-filename", help="the path to report (and configure) standard input as")
    check.add_argument("--select", type=codes, help="rules to run: codes, prefixes, categories, names or ALL")
    check.add_argument("--extend-select", type=codes, default=[], help="rules to run in addition")
    check.add_argument("--ignore", type=codes, default=[], help="rules not to run")
    check.add_argument("--severity", action="append", default=[], metavar="CODE=LEVEL",
                       help="set the severity of a rule (error, warning, info); repeatable")
    check.add_argument("--profile", help="layout profile to use instead of detecting one (see `qalint profiles`)")
    check.add_argument("--kind", choices=kinds(), help="document kind to assume instead of detecting it")
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
    check.add_argument("--exclude", type=codes, help="patterns of paths not to check (replace the configured ones)")
    check.add_argument("--extend-exclude", type=codes, default=[], help="patterns of paths not to check, in addition")
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


def kinds() -> list[str]:
    from ..analysis.model import DOCUMENT_KINDS

    return ["auto", *DOCUMENT_KINDS]


def codes(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]
