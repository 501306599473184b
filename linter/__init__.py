"""qalint: a data-quality and consistency linter for Q&A reports.

The Python API (see `qalint.api`): `check_text`, `check_paths`,
`extract_text`, `load_config`; the plugin types: `hookimpl`, `Rule`, `Finding`, `Fix`,
`Edit`, `Context`. Everything is imported on first use, so `import qalint`
and `qalint --version` stay cheap.
"""

from __future__ import annotations

from typing import Any

from .version import __version__
__all__ = [
    "__version__", "check_text", "check_paths", "extract_text", "load_config", "Config", "ConfigError", "Findings",
    "hookimpl", "Rule", "Finding", "Fix", "Edit", "Context",
]
_API = ("check_text", "check_paths", "extract_text", "load_config", "Config", "ConfigError", "Findings")


def __getattr__(name: str) -> Any:
    if name in _API:
        from . import api

        return getattr(api, name)
    if name == "hookimpl":
        from .engine.hookspecs import hookimpl

        return hookimpl
    if name in ("Rule", "Finding", "Fix", "Edit", "Context"):
        from .engine import rule

        return getattr(rule, name)
    raise AttributeError(name)
