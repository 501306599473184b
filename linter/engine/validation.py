"""Validating data against a JSON Schema, remembering what passed.

Importing jsonschema costs more than the rest of a run, so a configuration
table or a set of profiles that was valid before (same content, same schema)
is remembered in the cache folder and not validated again.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from ..cachedir import cache_folder


class Remembered:
    """Whether `payload` passed validation of this `kind` before."""

    def __init__(self, kind: str, payload: Any) -> None:
        # The key is the payload as JSON, which tells every JSON type apart; a
        # payload JSON cannot hold as it is (a TOML date) is validated every time.
        try:
            stamp = hashlib.sha1(json.dumps(payload, sort_keys=True).encode()).hexdigest()[:20]
        except (TypeError, ValueError):
            stamp = None
        folder = cache_folder()
        self.path = folder / kind / stamp if folder and stamp else None

    def known(self) -> bool:
        return self.path is not None and self.path.exists()

    def remember(self) -> None:
        if self.path is None:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.path.touch()
        except OSError:
            pass


def schema_errors(instance: Any, schema: dict[str, Any]) -> list:
    """jsonschema's errors for `instance`, in document order."""
    import jsonschema

    validator = jsonschema.Draft202012Validator(schema)
    return sorted(validator.iter_errors(instance), key=lambda e: [str(p) for p in e.absolute_path])
