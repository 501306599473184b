"""Where qalint keeps what it compiles: dictionaries' word lists, what it
learnt about words, the installed plugins. Never inside the project."""

from __future__ import annotations

import os
from pathlib import Path


def cache_folder() -> Path | None:
    """The folder for compiled caches, or None when caching is switched off."""
    configured = os.environ.get("QALINT_CACHE_DIR")
    if configured == "":
        return None
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "qalint"
