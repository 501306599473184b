"""Which paths are not checked: the `exclude` patterns (configuration or
command line) and `.gitignore` / `.ignore` files, matched the way git
matches them (`pathspec`): a pattern applies below the folder of its file, a
deeper file overrides a shallower one, `!pattern` takes a path back."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..engine.config import Config, matches_any

if TYPE_CHECKING:
    import pathspec

    from ..engine.linter import Overrides

IGNORE_FILES = (".gitignore", ".ignore")


class IgnoreFiles:
    """Answers "is this path ignored?" for paths under any folder, reading
    each folder's ignore files once."""

    def __init__(self) -> None:
        self._specs: dict[Path, pathspec.GitIgnoreSpec | None] = {}
        self._tops: dict[Path, bool] = {}  # folder -> is the top of a repository

    def _spec(self, folder: Path) -> pathspec.GitIgnoreSpec | None:
        if folder not in self._specs:
            lines: list[str] = []
            for name in IGNORE_FILES:
                try:
                    lines += (folder / name).read_text(encoding="utf-8", errors="replace").splitlines()
                except OSError:
                    continue
            self._specs[folder] = _git_ignore_spec(lines) if lines else None
        return self._specs[folder]

    def ignored(self, path: Path) -> bool:
        """Whether `path` or one of its folders is ignored by an ignore file
        between it and the top of its repository (the folder with `.git`)."""
        path = path.absolute()
        return any(self._decide(part) for part in (*reversed(path.parents[:-1]), path))

    def ignored_in(self, folder: Path, name: str, is_dir: bool) -> bool:
        """Whether an entry of a folder being walked is ignored (its folders
        were checked on the way down)."""
        return self._decide(folder.absolute() / name, is_dir)

    def _decide(self, path: Path, is_dir: bool | None = None) -> bool:
        is_dir = path.is_dir() if is_dir is None else is_dir
        for folder in path.parents:
            spec = self._spec(folder)
            if spec is not None:
                relative = path.relative_to(folder).as_posix() + ("/" if is_dir else "")
                verdict = spec.check_file(relative).include
                if verdict is not None:
                    return verdict
            if folder not in self._tops:
                self._tops[folder] = (folder / ".git").exists()
            if self._tops[folder]:
                break  # ignore files above the repository do not apply
        return False


class PathFilter:
    """The exclusions of a run: configured or given patterns, then ignore files."""

    def __init__(self, overrides: "Overrides") -> None:
        self.overrides = overrides
        self.ignore_files = IgnoreFiles() if overrides.respect_gitignore else None

    def excluded(self, path: Path, config: Config) -> bool:
        """Whether an exclude pattern names `path` (command-line patterns are
        relative to the current folder, configured ones to their file)."""
        o = self.overrides
        configured = config.exclude if o.exclude is None else []
        if matches_any(path, configured, config.root):
            return True
        given = (o.exclude or []) + o.extend_exclude
        return bool(given) and matches_any(path, given, Path.cwd())

    def skipped_entry(self, folder: Path, name: str, is_dir: bool, config: Config) -> bool:
        """For a directory walk: an entry that is excluded or ignored."""
        if self.excluded(folder / name, config):
            return True
        return self.ignore_files is not None and self.ignore_files.ignored_in(folder, name, is_dir)

    def skipped_file(self, path: Path, config: Config) -> bool:
        """For a file named on the command line with `--force-exclude`."""
        if self.excluded(path, config):
            return True
        return self.ignore_files is not None and self.ignore_files.ignored(path)


def _git_ignore_spec(lines: list[str]) -> "pathspec.GitIgnoreSpec":
    # Imported for the first ignore file found: a run over named files needs none.
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines(lines)
