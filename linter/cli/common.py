"""What the commands share: exit statuses, usage errors, the registry."""

from __future__ import annotations

import sys

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class UsageError(Exception):
    pass


def config_errors() -> tuple[type[Exception], ...]:
    """The errors of configuration files and profiles: one line each, exit 2."""
    from ..engine.config import ConfigError
    from ..profiles import ProfileError

    return (ConfigError, ProfileError)


def registry():
    """The rules and profiles, plugins' included; a plugin's warnings on stderr."""
    from ..engine.plugins import load_registry

    loaded = load_registry()
    for warning in loaded.warnings:
        print(f"qalint: warning: {warning}", file=sys.stderr)
    return loaded


def kind(args) -> str | None:
    """`--kind`, None for detection."""
    return args.kind if args.kind and args.kind != "auto" else None


def print_lines(kind_of_line: str, lines: list[str]) -> None:
    """`qalint: error: ...` (or warning) lines on stderr."""
    for line in lines:
        print(f"qalint: {kind_of_line}: {line}", file=sys.stderr)
