"""Finding the documents to check and checking them, in parallel when many."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from .config import ConfigError
from .document import Document
from .engine import FileResult, Linter
from .fixes import FixError, apply_fixes, unified_diff, write_atomically
from .reading import ReadError, decode, read_document

STDIN = "-"
DOCUMENT_SUFFIXES = (".md", ".markdown", ".txt")
# Below this many files, starting worker processes costs more than it saves.
PARALLEL_THRESHOLD = 8


# Fixing re-checks the fixed text; fixes that overlapped get their turn in the next pass.
MAX_FIX_PASSES = 10


@dataclass(frozen=True)
class FixMode:
    fix: bool = False  # write the fixed file
    diff: bool = False  # print a diff instead of writing
    unsafe: bool = False  # include unsafe fixes

    @property
    def active(self) -> bool:
        return self.fix or self.diff


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
                resolved = item.resolve()
                if resolved not in seen:
                    seen.add(resolved)
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


def check_target(target: Target, linter: Linter, mode: FixMode = FixMode()) -> FileResult:
    try:
        config = linter.config_for(target.path)
        if target.stdin:
            data = sys.stdin.buffer.read()
            doc = decode(target.display, data, config.encoding)
        else:
            data = None
            doc = read_document(target.path, target.display, config.encoding, config.max_file_size)
        result = linter.check(doc, target.path)
        if mode.active and not result.errors:
            result = _fix(target, linter, mode, doc, result, data)
        return result
    except (ReadError, ConfigError, FixError) as error:
        return FileResult(target.display, errors=[str(error)])
    except RecursionError:
        return FileResult(target.display, errors=[f"{target.display}: document too deeply nested, skipped"])


def _fix(target: Target, linter: Linter, mode: FixMode, doc: Document, result: FileResult, data: bytes | None) -> FileResult:
    """Apply fixes pass by pass, then write (or diff, or print for stdin)."""
    original = doc.text
    text = original
    fixed = 0
    for _ in range(MAX_FIX_PASSES):
        outcome = apply_fixes(text, result.findings, mode.unsafe)
        if not outcome.applied:
            break
        fixed += len(outcome.applied)
        text = outcome.text
        result = linter.check(Document(doc.path, text, doc.encoding, doc.has_bom), target.path)
    result.fixed = fixed
    if mode.diff:
        result.diff = unified_diff(target.display, original, text)
    elif target.stdin:
        result.output = text
    elif text != original:
        current = target.path.read_bytes() if data is None else data
        if current.decode(doc.encoding, errors="replace") != original:
            raise FixError(f"{target.display}: changed on disk during the run; fixes not written")
        write_atomically(target.path, current, text.encode(doc.encoding))
    return result


_worker: tuple[Linter, FixMode] | None = None


def _check_in_worker(target: Target) -> FileResult:
    assert _worker is not None
    return check_target(target, *_worker)


def run(targets: list[Target], linter: Linter, jobs: int, mode: FixMode = FixMode()) -> list[FileResult]:
    files = [t for t in targets if not t.stdin]
    if jobs > 1 and len(files) >= PARALLEL_THRESHOLD and sys.platform != "win32":
        import concurrent.futures
        import multiprocessing

        global _worker
        _worker = (linter, mode)  # inherited by the forked workers
        context = multiprocessing.get_context("fork")
        with concurrent.futures.ProcessPoolExecutor(jobs, mp_context=context) as pool:
            results = list(pool.map(_check_in_worker, files, chunksize=max(1, len(files) // (jobs * 4))))
        results += [check_target(t, linter, mode) for t in targets if t.stdin]
    else:
        results = [check_target(t, linter, mode) for t in targets]
    return results
