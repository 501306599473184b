"""Configuration: `[tool.qalint]` in pyproject.toml, or qalint.toml / .qalint.toml.

The nearest configuration file upward from a checked file applies to it. A
configuration is validated against a JSON Schema (built from the core keys
and the keys plugins contribute); an invalid key or value is one line naming
the file, the key and what is allowed.
"""

from __future__ import annotations

import fnmatch
import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import Any

from ..source.reading import encoding_problem
from .rule import CATEGORIES, SEVERITIES, Rule
from ..analysis.model import DOCUMENT_KINDS
from .validation import Remembered, schema_errors

CONFIG_FILES = ("qalint.toml", ".qalint.toml", "pyproject.toml")
DEFAULT_EXCLUDE = (
    ".git", ".hg", ".svn", ".venv", "venv", ".tox", ".nox", "node_modules",
    "__pycache__", "build", "dist", "site-packages", ".mypy_cache", ".pytest_cache",
)
DEFAULT_MAX_FILE_SIZE = 20 * 1024 * 1024
DEFAULT_TIMEOUT = 10.0  # seconds a document may take

_CORE_PROPERTIES: dict[str, Any] = {
    "select": {"type": "array", "items": {"type": "string"}},
    "extend-select": {"type": "array", "items": {"type": "string"}},
    "ignore": {"type": "array", "items": {"type": "string"}},
    "severity": {
        "type": "object",
        "additionalProperties": {"enum": list(SEVERITIES)},
    },
    "per-file-ignores": {
        "type": "object",
        "additionalProperties": {"type": "array", "items": {"type": "string"}},
    },
    "profile": {"type": "string"},
    "kind": {
        "enum": ["auto", *DOCUMENT_KINDS],
        "description": "The document kind instead of detecting it.",
    },
    "language": {"enum": ["auto", "nl", "en"]},
    "words": {"type": "array", "items": {"type": "string"}},
    "exclude": {"type": "array", "items": {"type": "string"}},
    "extend-exclude": {"type": "array", "items": {"type": "string"}},
    "fail-level": {"enum": list(SEVERITIES)},
    "encoding": {"type": "string"},
    "max-file-size": {"type": "integer", "minimum": 1},
    "timeout": {"type": "number", "exclusiveMinimum": 0},
}


CORE_KEYS = frozenset(_CORE_PROPERTIES)


class ConfigError(Exception):
    """A configuration problem, as one line for the user."""


@dataclass
class Config:
    path: Path | None = None  # the file it was read from
    root: Path = field(default_factory=Path.cwd)
    select: list[str] | None = None
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    profile: str = "auto"
    kind: str = "auto"
    language: str = "auto"
    words: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=lambda: list(DEFAULT_EXCLUDE))
    fail_level: str = "warning"
    encoding: str = "utf-8"
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    timeout: float = DEFAULT_TIMEOUT
    settings: dict[str, Any] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return str(self.path) if self.path else "<defaults>"

    def ignored_codes(self, path: Path) -> list[str]:
        codes: list[str] = []
        for pattern, selectors in self.per_file_ignores.items():
            if matches_any(path, [pattern], self.root):
                codes.extend(selectors)
        return codes


def matches_any(path: Path, patterns: list[str], root: Path) -> bool:
    """Whether a path, relative to `root`, matches a glob or names a part."""
    try:
        relative = PurePosixPath(path.resolve().relative_to(_resolved(root)).as_posix())
    except ValueError:
        relative = PurePosixPath(path.as_posix())
    whole, part = _globs(tuple(patterns))
    if whole.match(str(relative)) or whole.match(relative.name):
        return True
    return part is not None and any(part.match(name) for name in relative.parts)


@lru_cache(maxsize=64)
def _resolved(root: Path) -> Path:
    return root.resolve()


@lru_cache(maxsize=64)
def _globs(patterns: tuple[str, ...]) -> tuple[re.Pattern, re.Pattern | None]:
    """The patterns as one expression (`fnmatch` compiles and tries each on
    every part of every path otherwise), and those without a slash as another."""
    def union(globs: list[str]) -> re.Pattern:
        return re.compile("|".join(fnmatch.translate(glob) for glob in globs) or "(?!)")

    parts = [glob for glob in patterns if "/" not in glob]
    return union(list(patterns)), union(parts) if parts else None


def schema(plugin_properties: dict[str, Any]) -> dict[str, Any]:
    """The JSON Schema of the `[tool.qalint]` table."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "qalint configuration",
        "type": "object",
        "properties": {**_CORE_PROPERTIES, **plugin_properties},
        "additionalProperties": False,
    }


def read_config_file(path: Path) -> dict[str, Any] | None:
    """The qalint table of a configuration file; None when a pyproject.toml
    has no `[tool.qalint]`."""
    if path.exists() and not path.is_file():  # a named pipe would block the run
        raise ConfigError(f"{path}: not a regular file")
    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except OSError as error:
        raise ConfigError(f"{path}: cannot read: {error.strerror or error}") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: invalid TOML: {error}") from None
    if path.name != "pyproject.toml":
        return data
    tool = data.get("tool", {})
    if not isinstance(tool, dict):
        raise ConfigError(f"{path}: `tool` must be a table, not {_toml_type(tool)}")
    table = tool.get("qalint")
    if table is not None and not isinstance(table, dict):
        raise ConfigError(f"{path}: `tool.qalint` must be a table, not {_toml_type(table)}")
    return table


def _toml_type(value: Any) -> str:
    names = {bool: "a boolean", int: "an integer", float: "a float", str: "a string", list: "an array"}
    return names.get(type(value), "a date or time")


def find_config_file(directory: Path) -> tuple[Path, dict[str, Any]] | None:
    for folder in (directory, *directory.parents):
        for name in CONFIG_FILES:
            candidate = folder / name
            if candidate.is_file():
                table = read_config_file(candidate)
                if table is not None:
                    return candidate, table
    return None


def validate(table: dict[str, Any], path: Path, plugin_properties: dict[str, Any]) -> None:
    full_schema = schema(plugin_properties)
    memo = Remembered("valid-configurations", [table, full_schema])
    if memo.known():
        return
    errors = schema_errors(table, full_schema)
    if not errors:
        memo.remember()
        return
    error = errors[0]
    key = ".".join(str(part) for part in error.absolute_path)
    prefix = "[tool.qalint]" if path.name == "pyproject.toml" else ""
    where = f"{path}: {prefix}{' ' if prefix and key else ''}{key}".rstrip()
    if error.validator == "additionalProperties" and not error.absolute_path:
        unknown = sorted(set(table) - set(schema(plugin_properties)["properties"]))
        allowed = ", ".join(sorted(schema(plugin_properties)["properties"]))
        raise ConfigError(f"{path}: unknown key {unknown[0]!r} (allowed: {allowed})")
    raise ConfigError(f"{where}: {error.message}")


def build_config(path: Path | None, table: dict[str, Any], plugin_properties: dict[str, Any]) -> Config:
    if path is not None:
        validate(table, path, plugin_properties)
        problem = encoding_problem(table.get("encoding", "utf-8"))
        if problem is not None:
            raise ConfigError(f"{path}: encoding: {problem}")
    config = Config(path=path, root=path.parent if path else Path.cwd())
    config.select = table.get("select")
    config.extend_select = table.get("extend-select", [])
    config.ignore = table.get("ignore", [])
    config.severity = table.get("severity", {})
    config.per_file_ignores = table.get("per-file-ignores", {})
    config.profile = table.get("profile", "auto")
    config.kind = table.get("kind", "auto")
    config.language = table.get("language", "auto")
    config.words = table.get("words", [])
    config.exclude = table.get("exclude", list(DEFAULT_EXCLUDE)) + table.get("extend-exclude", [])
    config.fail_level = table.get("fail-level", "warning")
    config.encoding = table.get("encoding", "utf-8")
    config.max_file_size = table.get("max-file-size", DEFAULT_MAX_FILE_SIZE)
    config.timeout = table.get("timeout", DEFAULT_TIMEOUT)
    config.settings = {
        key: table.get(key, spec.get("default")) for key, spec in plugin_properties.items()
    }
    return config


_CODE_OR_ALL = re.compile(r"^(qa\d*|all)$", re.IGNORECASE)


def resolve_selectors(selectors: list[str], rules: dict[str, type[Rule]], where: str) -> set[str]:
    """Rule codes named by selectors: a code (QA101), a prefix (QA1), a
    category (numbering), a rule name (numbering-gap) or ALL, in any case."""
    codes: set[str] = set()
    names = {rule.name: code for code, rule in rules.items()}
    for written in selectors:
        selector = written.upper() if _CODE_OR_ALL.match(written) else written.lower()
        matched: set[str]
        if selector == "ALL":
            matched = set(rules)
        elif selector in CATEGORIES:
            matched = {code for code, rule in rules.items() if rule.category == selector}
        elif selector in names:
            matched = {names[selector]}
        else:
            matched = {code for code in rules if code.startswith(selector)} if selector.startswith("QA") else set()
        if not matched:
            raise ConfigError(f"{where}: unknown rule selector {written!r} (see `qalint rules`)")
        codes |= matched
    return codes
