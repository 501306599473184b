"""Checking layout profiles: against the profile JSON Schema
(`schemas/profile.schema.json`), and every pattern compiles. A problem is
named by its source (a file, or a plugin's profile) and key."""

from __future__ import annotations

import re
from typing import Any

from . import SCHEMA, ProfileError, compile_pattern, regex_error
from ..engine.validation import Remembered, schema_errors

_PROPERTIES: dict[str, Any] = SCHEMA["properties"]
_PATTERN_KEYS = {
    k for k, v in _PROPERTIES.items() if v.get("format") == "regex" or v.get("items", {}).get("format") == "regex"
}


def validate_profiles(raw: list[dict[str, Any]], sources: list[str]) -> None:
    """Check profile mappings against the profile schema and compile their
    patterns; the first problem is a ProfileError naming its source and key.
    A set of profiles that passed before is not checked again."""
    memo = Remembered("valid-profiles", [raw, SCHEMA])
    if memo.known():
        return
    for item, source in zip(raw, sources):
        problem = profile_problem(item)
        if problem:
            raise ProfileError(f"{source}: {problem}")
    memo.remember()


def profile_problem(item: Any) -> str | None:
    """What is wrong with one profile mapping (naming the key), or None."""
    if not isinstance(item, dict):
        return f"a profile is a mapping of keys, not {type(item).__name__}"
    unknown = sorted(set(item) - set(_PROPERTIES))
    if unknown:
        return f"unknown key {unknown[0]!r}"
    errors = schema_errors(item, SCHEMA)
    if errors:
        error = errors[0]
        key = "".join(f"[{part}]" if isinstance(part, int) else part for part in error.absolute_path)
        return f"{key}: {error.message}" if key else error.message
    for key in sorted(_PATTERN_KEYS & set(item)):
        values = item[key] if isinstance(item[key], list) else [item[key]]
        for position, pattern in enumerate(values):
            try:
                # {nums} stands for a list of numbers; any number pattern tests the rest.
                compile_pattern(pattern.replace("{nums}", r"\d+"))
            except (re.error, regex_error()) as error:
                where = f"{key}[{position}]" if isinstance(item[key], list) else key
                return f"{where}: pattern does not compile: {error}"
    return None
