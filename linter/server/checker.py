"""The server's check path: the engine in one worker process, kept warm
between checks.

One registry and one `Linter` serve every document; the spelling dictionaries
stay mapped and the words already analysed stay known, so a re-check after a
keystroke costs the rules only. The worker is forked from the server, so a
check that runs out of its time budget (`timeout`) is stopped, as on the
command line, and the server answers on. Configuration is found per file as
on the command line (`Linter.config_for`); the client's settings go on top,
like command-line options.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..engine.config import ConfigError
from ..source.document import Document
from ..engine.linter import FileResult, Linter, Overrides
from ..engine.plugins import Registry, load_registry
from ..engine.rule import SEVERITIES
from ..analysis.model import Structure
from ..running.workers import KeptWorker
from ..spelling.spellers import Spellers
from ..spelling.wordlist import word_list_for

# Client settings and the options they stand for.
_LIST_SETTINGS = {"select": "select", "extend-select": "extend_select", "extendSelect": "extend_select",
                  "ignore": "ignore"}


@dataclass
class Checked:
    """One check of one text."""

    doc: Document
    result: FileResult
    path: Path
    registry: Registry
    # The Q&A structure the rules saw (parsed once, by the check); None when
    # the document could not be checked.
    structure: Structure | None = None


class SettingsError(Exception):
    """Client settings qalint cannot use, as one line."""


def overrides_from(settings: Any) -> Overrides:
    """Command-line-like options from the client's settings (the `qalint`
    section, or the settings object itself)."""
    if isinstance(settings, dict):
        settings = settings.get("qalint", settings)
    if not settings:
        return Overrides()
    if not isinstance(settings, dict):
        raise SettingsError("qalint settings: expected an object")
    return Overrides(severity=_severity(settings), **_selectors(settings))


def _selectors(settings: dict[str, Any]) -> dict[str, list[str]]:
    """`select`, `extend-select` and `ignore`: lists, or comma-separated strings."""
    options: dict[str, list[str]] = {}
    for key, option in _LIST_SETTINGS.items():
        value = settings.get(key)
        if value is None:
            continue
        if isinstance(value, str):
            value = [part.strip() for part in value.split(",") if part.strip()]
        if not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
            raise SettingsError(f"qalint settings: {key}: expected a list of rule selectors")
        options[option] = value
    return options


def _severity(settings: dict[str, Any]) -> dict[str, str]:
    severity = settings.get("severity") or {}
    if not isinstance(severity, dict) or not all(v in SEVERITIES for v in severity.values()):
        raise SettingsError(f"qalint settings: severity: expected an object of CODE: {'|'.join(SEVERITIES)}")
    return dict(severity)


class Checker:
    def __init__(self, registry: Registry | None = None) -> None:
        self.registry = registry or load_registry()
        self.overrides = Overrides()
        self._linter: Linter | None = None
        self.spellers = Spellers()  # the session's, kept when word lists change
        # Forked at the first check, with the settings of then: a change of settings starts a new one.
        self._worker = KeptWorker(self._check_here, finish=self.spellers.save)

    def configure(self, settings: Any) -> None:
        """Apply client settings; raises SettingsError or ConfigError and keeps
        the previous settings when they are unusable."""
        overrides = overrides_from(settings)
        Linter(self.registry, overrides)  # validates the selectors
        self.overrides = overrides
        self.reload()

    def reload(self) -> None:
        """Forget configuration files and word lists found so far (one changed)."""
        self._linter = None
        self._worker.close()  # it saves what it learnt

    @property
    def linter(self) -> Linter:
        if self._linter is None:
            self._linter = Linter(self.registry, self.overrides, spellers=self.spellers)
        return self._linter

    def save_learnt(self) -> None:
        """Keep what the session's spellers learnt for later sessions and runs
        (the worker's, as it ends, and this process's when it checked itself)."""
        self._worker.close()
        self.spellers.save()

    def check(self, path: Path, text: str) -> Checked:
        """Check an editor's text as the file `path` (for configuration),
        within the file's time budget."""
        # The editor's text is already decoded; its offsets are the ones to report.
        doc = Document(str(path), text)

        def failed(why: str) -> tuple[FileResult, None]:
            return FileResult(doc.path, errors=[f"{doc.path}: {why}; skipped"]), None

        result, structure = self._worker.run((path, text), self.linter.budget(path), failed)
        return Checked(doc, result, path, self.registry, structure)

    def _check_here(self, item: tuple[Path, str]) -> tuple[FileResult, Structure | None]:
        """The check itself, in the worker."""
        path, text = item
        doc = Document(str(path), text)
        try:
            result, analysis = self.linter.check_with_analysis(doc, path)
            return result, analysis.structure
        except ConfigError as error:
            return FileResult(doc.path, errors=[str(error)]), None
        except RecursionError:
            return FileResult(doc.path, errors=[f"{doc.path}: document too deeply nested, skipped"]), None

    def words_file(self, path: Path, fallback: Path) -> Path:
        """The project word list for a file (see `wordlist.word_list_for`)."""
        return word_list_for(self.linter, path, fallback)
