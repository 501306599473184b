"""The hooks through which built-in and third-party plugins extend qalint.

A plugin is a module (or object) with functions decorated by
`qalint.hookimpl`, registered under the entry-point group `qalint`:

    [project.entry-points.qalint]
    my_rules = "my_package.qalint_plugin"
"""

from __future__ import annotations

from typing import Any

import pluggy

PROJECT = "qalint"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def qalint_rules() -> list[type]:
    """Rule classes (subclasses of `qalint.Rule`) the plugin provides."""


@hookspec
def qalint_profiles() -> list[dict[str, Any]]:
    """Layout profiles, each a mapping with the keys of a profile TOML file."""


@hookspec
def qalint_config_schema() -> dict[str, Any]:
    """JSON Schema properties for settings the plugin adds to `[tool.qalint]`.

    Each property may carry a `default`, which becomes the setting's value
    when the configuration does not set it.
    """
