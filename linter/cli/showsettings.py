"""`--show-files` and `--show-settings`: what a run would check, and with
which settings, without checking anything."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..engine.linter import Linter
    from ..running.runner import Target


def show_files(targets: list["Target"]) -> str:
    """One file a line, in the order they would be checked."""
    return "".join(f"{target.display}\n" for target in targets)


def show_settings(targets: list["Target"], paths: list[str], linter: "Linter") -> str:
    """The resolved settings for the first file (or the first path named)."""
    path = targets[0].path if targets else Path(paths[0])
    config = linter.config_for(path)
    selection = linter.selection(config)
    words_file = linter.words_file_for(path)
    o = linter.overrides
    settings = {
        "file": str(targets[0].display if targets else path),
        "configuration": str(config.path) if config.path else None,
        "select": sorted(selection.codes),
        "severity": dict(sorted(selection.severity.items())),
        "per-file-ignores": config.per_file_ignores,
        "profile": o.profile or config.profile,
        "language": config.language,
        "words": config.words,
        "words-file": str(words_file) if words_file else None,
        "exclude": config.exclude if o.exclude is None else o.exclude,
        "extend-exclude (command line)": o.extend_exclude,
        "force-exclude": o.force_exclude,
        "respect-gitignore": o.respect_gitignore,
        "fail-level": config.fail_level,
        "encoding": config.encoding,
        "max-file-size": config.max_file_size,
        **config.settings,
    }
    return json.dumps(settings, ensure_ascii=False, indent=2, default=str) + "\n"
