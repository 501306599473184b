"""Finding the documents to check and checking them, in parallel when many."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from .config import ConfigError
from .engine import FileResult, Linter
from .reading import ReadError, decode, read_document

STDIN = "-"
DOCUMENT_SUFFIXES = (".md", ".markdown", ".txt")
# Below this many files, starting worker processes costs more than it saves.
PARALLEL_THRESHOLD = 8


@dataclass(frozen=True)
class Target:
    path: Path  # where it lives (for configuration)
    display: str  # how findings name it
    stdin: bool = False


def discover(paths: list[str], linter: Linter, stdin_filename: str | None) -> tuple[list[Target], list[str], list[str]]:
    """Targets in a deterministic order, errors for missing paths, warnings."""
    targets: list[Target] = []
    errors: list[str] = []
    warnings: list[str] = []
    seen: set[Path] = set()
    for raw in paths:
        if raw == STDIN:
            name = stdin_filename or "<stdin>"
            targets.append(Target(Path(stdin_filename or "stdin.md"), name, stdin=True))
            continue
        path = Path(raw)
        if path.is_dir():
            before = len(errors)
            found = sorted(_walk(path, linter, errors))
            if not found and len(errors) == before:
                warnings.append(f"{raw}: no documents (*.md, *.markdown, *.txt) found")
            for item in found:
                if item.resolve() not in seen:
                    seen.add(item.resolve())
                    targets.append(Target(item, str(item)))
        elif path.exists() or path.is_symlink():
            if path.resolve() not in seen:
                seen.add(path.resolve())
                targets.append(Target(path, raw))
        else:
            errors.append(f"{raw}: no such file or directory")
    return targets, errors, warnings


def _walk(root: Path, linter: Linter, errors: list[str]):
    for directory, subdirectories, files in os.walk(root):
        folder = Path(directory)
        try:
            config = linter.config_for(folder / "_")
        except ConfigError as error:  # skip this folder, keep checking the others
            errors.append(str(error))
            subdirectories[:] = []
            continue
        subdirectories[:] = sorted(
            d for d in subdirectories if not config.is_excluded(folder / d)
        )
        for name in files:
            if name.lower().endswith(DOCUMENT_SUFFIXES):
                candidate = folder / name
                if not config.is_excluded(candidate):
                    yield candidate


def check_target(target: Target, linter: Linter) -> FileResult:
    try:
        config = linter.config_for(target.path)
        if target.stdin:
            doc = decode(target.display, sys.stdin.buffer.read(), config.encoding)
        else:
            doc = read_document(target.path, target.display, config.encoding, config.max_file_size)
        return linter.check(doc, target.path)
    except (ReadError, ConfigError) as error:
        return FileResult(target.display, errors=[str(error)])
    except RecursionError:
        return FileResult(target.display, errors=[f"{target.display}: document too deeply nested, skipped"])


_worker_linter: Linter | None = None


def _check_in_worker(target: Target) -> FileResult:
    assert _worker_linter is not None
    return check_target(target, _worker_linter)


def run(targets: list[Target], linter: Linter, jobs: int) -> list[FileResult]:
    files = [t for t in targets if not t.stdin]
    if jobs > 1 and len(files) >= PARALLEL_THRESHOLD and sys.platform != "win32":
        import concurrent.futures
        import multiprocessing

        global _worker_linter
        _worker_linter = linter  # inherited by the forked workers
        context = multiprocessing.get_context("fork")
        with concurrent.futures.ProcessPoolExecutor(jobs, mp_context=context) as pool:
            results = list(pool.map(_check_in_worker, files, chunksize=max(1, len(files) // (jobs * 4))))
        results += [check_target(t, linter) for t in targets if t.stdin]
    else:
        results = [check_target(t, linter) for t in targets]
    return results
