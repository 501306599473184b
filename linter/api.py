"""The Python API: check texts and files from programs, notebooks and batch
jobs. Stable like the JSON report: within qalint 1.x, functions and
finding fields are only added, never removed or changed.

    import qalint
    config = qalint.load_config("pyproject.toml")      # or load_config(select=["QA1"])
    for finding in qalint.check_text(text, "answers.md", config):
        print(finding.line, finding.column, finding.code, finding.message)
    pairs = qalint.extract_text(text, "answers.md")["pairs"]

Every call builds its own engine from the configuration it is given, so
calls with different configurations never see each other's settings, and
calls from several threads at once are safe. What is shared is read-only or
keyed by what it depends on: the loaded rules and profiles, the spelling
dictionaries (opened once per process) and the spellers of the last few
word lists used (what they learnt is saved as each call ends).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .engine.config import Config, ConfigError, build_config, find_config_file, read_config_file, validate
from .spelling.spellers import Spellers

if TYPE_CHECKING:
    from .engine.linter import FileResult, Linter
    from .engine.plugins import Registry
    from .engine.rule import Finding

PathLike = str | os.PathLike[str]
_registry: Registry | None = None
_registry_lock = threading.Lock()
# Shared by the calls, for the last few word lists only (a batch job may use many).
_spellers = Spellers()


class Findings(list):
    """The findings of a call, in report order (by file, then position),
    with `errors`: one line for each file or rule that could not be checked
    (the same lines the command prints on standard error)."""

    def __init__(self, findings: Iterable[Finding] = (), errors: Iterable[str] = ()) -> None:
        super().__init__(findings)
        self.errors: list[str] = list(errors)

    @classmethod
    def of(cls, results: list[FileResult], errors: Iterable[str] = ()) -> Findings:
        return cls((f for r in results for f in r.findings), [*errors, *(e for r in results for e in r.errors)])


def registry() -> Registry:
    """The built-in rules and installed plugins, loaded once per process."""
    global _registry
    with _registry_lock:
        if _registry is None:
            from .engine.plugins import load_registry

            _registry = load_registry()
        return _registry


def load_config(source: PathLike | Mapping[str, Any] | None = None, /, **settings: Any) -> Config:
    """A configuration, validated like a configuration file.

    `source` is a configuration file (`qalint.toml`, `.qalint.toml` or a
    `pyproject.toml` with `[tool.qalint]`), a folder (the nearest file upward
    from it applies, as on the command line), a mapping with the keys of
    `[tool.qalint]`, or None for the defaults. Keyword arguments set keys on
    top, with `_` for `-`: `load_config(select=["QA1"], fail_level="error")`.
    Raises `qalint.ConfigError` (one line naming the file and key)."""
    path: Path | None = None
    table: dict[str, Any] = {}
    if isinstance(source, Mapping):
        table = dict(source)
    elif source is not None:
        location = Path(source)
        if location.is_dir():
            found = find_config_file(location.resolve())
            if found is not None:
                path, table = found[0], dict(found[1])
        else:
            path, table = location, dict(read_config_file(location) or {})
    table.update({key.replace("_", "-"): value for key, value in settings.items()})
    plugin_settings = registry().settings_schema
    if path is None and table:
        validate(table, Path("load_config()"), plugin_settings)
    config = build_config(path, table, plugin_settings)
    _linter(config).selection(config)  # unknown rule codes and profiles fail here, not later
    return config


def check_text(text: str, path: str = "report.md", config: Config | None = None) -> Findings:
    """The findings of one document given as text. `path` names it in the
    findings, says whether it is Markdown (`.txt`: plain text) and is matched
    against `per-file-ignores`. Without `config` the defaults apply and
    nothing is read from disk but the dictionaries; with a configuration
    loaded from a file, the `.qalint-words.txt` upward from that file's
    folder applies too."""
    from .source.document import Document
    from .engine.linter import FileResult

    config = config if config is not None else _defaults()
    doc = Document(path, text, has_bom=text.startswith("\ufeff"))
    if len(text) * 4 > config.max_file_size and len(text.encode("utf-8", "surrogatepass")) > config.max_file_size:
        from .source.reading import too_large

        return Findings(errors=[too_large(path, len(text.encode("utf-8", "surrogatepass")), config.max_file_size)])
    location = config.root / path if config.path is not None else Path(path)
    linter = _linter(config, word_lists=config.path is not None)
    try:
        result = linter.check(doc, location)
    except RecursionError:
        result = FileResult(path, errors=[f"{path}: document too deeply nested, skipped"])
    linter.save_learnt()
    return Findings.of([result])


def extract_text(text: str, path: str = "report.md", config: Config | None = None) -> dict[str, Any]:
    """The question-and-answer structure of one document given as text: the
    object `qalint extract --format json` prints for it under "documents"
    (`path`, `profile`, `language`, `kind` and `pairs`, each pair with its
    `numbers`, `question`, `answer` with its `status`, and `refers_to`; see
    `qalint schema --extract`). `path` and `config` as for `check_text`."""
    from .source.document import Document
    from .analysis.extract import document_record

    config = config if config is not None else _defaults()
    doc = Document(path, text, has_bom=text.startswith("\ufeff"))
    location = config.root / path if config.path is not None else Path(path)
    return document_record(_linter(config, word_lists=config.path is not None).context_for(doc, location))


def check_paths(paths: Iterable[PathLike], config: Config | None = None, *, jobs: int = 1) -> Findings:
    """The findings of files and folders (their `*.md`, `*.markdown` and
    `*.txt`, minus `exclude`), as `qalint check PATHS` reports them. Without
    `config` each file gets the nearest configuration file upward from it
    (and its `.qalint-words.txt`); with one, that applies to every file.
    `jobs` > 1 checks many files in that many processes."""
    from .engine.linter import Linter
    from .running.runner import discover, run

    linter = _linter(config) if config is not None else Linter(registry(), spellers=_spellers)
    targets, errors, _ = discover([os.fspath(p) for p in paths], linter, None)
    return Findings.of(run([t for t in targets if not t.stdin], linter, max(1, jobs)), errors)


def _defaults() -> Config:
    return build_config(None, {}, registry().settings_schema)


def _linter(config: Config, word_lists: bool = True) -> Linter:
    from .engine.linter import Linter

    return Linter(registry(), config=config, word_lists=word_lists, spellers=_spellers)



__all__ = ["Config", "ConfigError", "Findings", "check_paths", "check_text", "extract_text", "load_config"]
