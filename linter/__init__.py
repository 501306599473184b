"""qalint: a data-quality and consistency linter for Q&A reports."""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"
__all__ = ["__version__", "hookimpl", "Rule", "Finding", "Fix", "Edit", "Context"]


def __getattr__(name: str) -> Any:
    # Imported on first use, so `qalint --version` does not load the engine.
    if name == "hookimpl":
        from .hookspecs import hookimpl

        return hookimpl
    if name in ("Rule", "Finding", "Fix", "Edit", "Context"):
        from . import rule

        return getattr(rule, name)
    raise AttributeError(name)
