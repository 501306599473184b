"""The `qalint` command line: `main` reads the arguments and runs a command
(`check.py`, `commands.py`); a usage or configuration error is one line and
exit status 2."""

from __future__ import annotations

import difflib
import os
import sys
from pathlib import Path

from .arguments import Parser, build_parser
from .common import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, UsageError, config_errors

__all__ = ["EXIT_ERROR", "EXIT_FINDINGS", "EXIT_OK", "UsageError", "main"]


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser, commands = build_parser()
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
    except (UsageError, *config_errors()) as error:
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
    from . import commands

    if args.command == "check":
        from .check import run_check

        return run_check(args)
    if args.command == "server":
        from ..server import serve

        return serve()
    return {
        "extract": commands.extract_command, "rules": commands.rules_command, "rule": commands.rule_command,
        "profiles": commands.profiles_command, "schema": commands.schema_command,
    }[args.command](args)


def _with_command(argv: list[str], parser: Parser, commands: dict[str, Parser]) -> list[str]:
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
