"""Loading plugins: the built-in rules and every `qalint` entry point.

A plugin that fails to import, does not match the hook specifications or
returns unusable rules is reported with its name and skipped; the others
still run.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

import pluggy

from . import hookspecs
from ..cachedir import cache_folder
from .config import CORE_KEYS
from ..profiles.schema import validate_profiles
from ..profiles import Profile, ProfileError, build_profiles, builtin_profile_files, read_profile_file
from .rule import Rule, validate_rule_class

ENTRY_POINT_GROUP = "qalint"
BUILTIN = "qalint.rules"


@dataclass
class Registry:
    rules: dict[str, type[Rule]] = field(default_factory=dict)
    profiles: dict[str, Profile] = field(default_factory=dict)
    settings_schema: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    origins: dict[str, str] = field(default_factory=dict)  # rule code -> the plugin that gave it

    def rule_by_name(self) -> dict[str, type[Rule]]:
        return {rule.name: rule for rule in self.rules.values()}

    def plugin_of(self, code: str) -> str | None:
        """The name of the third-party plugin a rule comes from (None: built in)."""
        origin = self.origins.get(code)
        return origin if origin != BUILTIN else None


def load_registry(extra_plugins: tuple[Any, ...] = (), entry_points: bool = True) -> Registry:
    """Register the built-in rules, entry-point plugins and `extra_plugins`."""
    # By name: the built-in rules sit on top of the engine, which never imports them itself.
    builtin = importlib.import_module(BUILTIN)
    manager = _plugin_manager()
    registry = Registry()
    _register(manager, registry, builtin, BUILTIN)
    if entry_points:
        for entry_point in _entry_points():
            try:
                plugin = entry_point.load()
            except KeyboardInterrupt:
                raise
            except BaseException as error:  # SystemExit too: a broken plugin must not stop the run
                registry.warnings.append(
                    f"plugin {entry_point.name!r} ({entry_point.value}) failed to load: "
                    f"{type(error).__name__}: {_one_line(error)}; skipped"
                )
                continue
            _register(manager, registry, plugin, entry_point.name)
    for plugin in extra_plugins:
        _register(manager, registry, plugin, getattr(plugin, "__name__", repr(plugin)))
    _collect(manager, registry)
    return registry


@dataclass(frozen=True)
class PluginEntry:
    """A `qalint` entry point: a name and `module` or `module:attribute`."""

    name: str
    value: str

    def load(self) -> Any:
        module_name, _, attribute = self.value.partition(":")
        plugin = importlib.import_module(module_name.strip())
        for part in filter(None, attribute.strip().split(".")):
            plugin = getattr(plugin, part)
        return plugin


def _entry_points() -> list[PluginEntry]:
    """The installed plugins. Finding them with importlib.metadata costs a
    fifth of qalint's start-up, so the answer is kept in the cache folder
    until a folder on sys.path changes (installing a plugin changes it)."""
    # The first entry is the script's folder or the working folder, which
    # changes with every edit but holds no installed distributions.
    folders = [entry for entry in sys.path[1:] if entry and os.path.isdir(entry)]
    stamp = hashlib.sha1(
        "\0".join(f"{f}:{os.stat(f).st_mtime_ns}" for f in folders).encode()
    ).hexdigest()[:16]
    cache = cache_folder()
    path = cache / f"plugins-{stamp}.json" if cache else None
    found = _read_entry_points(path) if path is not None else None
    if found is not None:
        return found
    import importlib.metadata

    found = sorted(
        (PluginEntry(e.name, e.value) for e in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP)),
        key=lambda e: e.name,
    )
    if path is not None:
        _save_entry_points(path, found)
    return found


def _read_entry_points(path: Path) -> list[PluginEntry] | None:
    """The plugins kept in `path`, or None when it is missing or unreadable."""
    try:
        return [PluginEntry(name, value) for name, value in json.loads(path.read_text(encoding="utf-8"))]
    except (OSError, ValueError, TypeError):
        return None


def _save_entry_points(path: Path, found: list[PluginEntry]) -> None:
    """Keep the plugins in `path`, removing what earlier stamps kept."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        for old in path.parent.glob("plugins-*.json"):
            old.unlink()
        path.write_text(json.dumps([[e.name, e.value] for e in found]), encoding="utf-8")
    except OSError:
        pass  # not kept: found again next time


def _register(manager: pluggy.PluginManager, registry: Registry, plugin: Any, name: str) -> None:
    try:
        manager.register(plugin, name=name)
    except Exception as error:  # pluggy.PluginValidationError, ValueError for duplicates
        registry.warnings.append(f"plugin {name!r} is incompatible: {_one_line(error)}; skipped")


def _call_each(manager: pluggy.PluginManager, registry: Registry, hook_name: str, kind: type) -> Iterator[tuple[str, Any]]:
    """Call one hook of every plugin separately, so one failure skips one
    plugin; a result that is not a `kind` is reported and skipped too."""
    hook = getattr(manager.hook, hook_name)
    for impl in reversed(hook.get_hookimpls()):
        try:
            result = impl.function()
        except KeyboardInterrupt:
            raise
        except BaseException as error:  # SystemExit too
            registry.warnings.append(
                f"plugin {impl.plugin_name!r} failed in {hook_name}: {type(error).__name__}: {_one_line(error)}; skipped"
            )
            continue
        if result is None:
            continue
        if not isinstance(result, kind):
            registry.warnings.append(
                f"plugin {impl.plugin_name!r}: {hook_name}() returned {type(result).__name__}, "
                f"not a {kind.__name__}; skipped"
            )
            continue
        yield impl.plugin_name, result


def _collect(manager: pluggy.PluginManager, registry: Registry) -> None:
    """What every plugin's hooks give: rules, then profiles, then settings."""
    _collect_rules(manager, registry)
    _collect_profiles(manager, registry)
    _collect_settings(manager, registry)


def _collect_rules(manager: pluggy.PluginManager, registry: Registry) -> None:
    for plugin_name, rules in _call_each(manager, registry, "qalint_rules", list):
        for rule in rules:
            problem = validate_rule_class(rule)
            if problem is None and rule.code in registry.rules:
                problem = f"rule code {rule.code} is already used by {registry.rules[rule.code].__name__}"
            if problem is not None:
                registry.warnings.append(f"plugin {plugin_name!r}: {problem}; rule skipped")
                continue
            registry.rules[rule.code] = rule
            registry.origins[rule.code] = plugin_name


def _collect_profiles(manager: pluggy.PluginManager, registry: Registry) -> None:
    files = builtin_profile_files()
    builtin_raw = [read_profile_file(path) for path in files]
    validate_profiles(builtin_raw, [str(path) for path in files])  # a broken built-in file is an error
    registry.profiles = build_profiles(builtin_raw)
    for plugin_name, profiles in _call_each(manager, registry, "qalint_profiles", list):
        try:
            registry.profiles.update(_plugin_profiles(profiles, builtin_raw, registry.profiles))
        except ProfileError as error:
            registry.warnings.append(f"plugin {plugin_name!r}: {error}; its profiles skipped")


def _collect_settings(manager: pluggy.PluginManager, registry: Registry) -> None:
    for plugin_name, schema in _call_each(manager, registry, "qalint_config_schema", dict):
        problem = _settings_problem(schema, registry.settings_schema)
        if problem is not None:
            registry.warnings.append(f"plugin {plugin_name!r}: {problem}; its settings skipped")
            continue
        registry.settings_schema.update(schema)


def _settings_problem(schema: dict, known: dict[str, Any]) -> str | None:
    """Why a plugin's settings cannot be added, or None."""
    for key, spec in schema.items():
        if not isinstance(key, str) or not isinstance(spec, dict):
            return f"setting {key!r} is not a JSON Schema object"
    for key in schema:
        if key in known or key in CORE_KEYS:
            return f"setting {key!r} is already defined"
    return None


def _plugin_profiles(profiles: list, builtin_raw: list[dict[str, Any]], known: dict[str, Profile]) -> dict[str, Profile]:
    """One plugin's profiles, checked and compiled (a bad pattern shows now)."""
    # Against the profile schema, patterns compiled; remembered once valid.
    validate_profiles(profiles, [
        f"profile {p['name']!r}" if isinstance(p, dict) and isinstance(p.get("name"), str) else "a profile"
        for p in profiles
    ])
    for profile in profiles:
        if profile["name"] in known:
            raise ProfileError(f"profile {profile['name']!r}: the name is already used")
    built: dict[str, Profile] = {}
    for name in (profile["name"] for profile in profiles):
        try:
            built.update({k: v for k, v in build_profiles(builtin_raw + profiles, (name,)).items() if k == name})
        except ProfileError:
            raise
        except Exception as error:  # a pattern error of the `regex` module is no ValueError
            raise ProfileError(f"profile {name!r}: {_one_line(error)}") from None
    return built


def _one_line(error: Exception) -> str:
    return " ".join(str(error).split())


def _plugin_manager() -> pluggy.PluginManager:
    manager = pluggy.PluginManager(hookspecs.PROJECT)
    manager.add_hookspecs(hookspecs)
    return manager
