"""Where qalint keeps what it compiles: dictionaries' word lists, what it
learnt about words, the installed plugins. Never inside the project."""

from __future__ import annotations

import os
import time
from pathlib import Path

# Cache files of other versions unused this long are removed.
_STALE_AFTER = 30 * 24 * 3600


def cache_folder() -> Path | None:
    """The folder for compiled caches, or None when caching is switched off."""
    configured = os.environ.get("QALINT_CACHE_DIR")
    if configured == "":
        return None
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "qalint"


def remove_stale(folder: Path, prefix: str, current: str) -> None:
    """Caches of other dictionaries or qalint versions go once no run has
    used them for a month (another virtual environment may still use an
    older qalint: deleting its table at once would have each compile it anew)."""
    unused_since = time.time() - _STALE_AFTER
    try:
        for old in folder.glob(f"{prefix}*"):
            if old.name != current and old.stat().st_mtime < unused_since:
                old.unlink()
    except OSError:
        pass


def touch(path: Path) -> None:
    """Mark a cache file as used (see `remove_stale`)."""
    try:
        os.utime(path)
    except OSError:
        pass  # a read-only cache folder
