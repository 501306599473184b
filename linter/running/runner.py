"""Finding the documents to check and checking them, each in a worker process
within its time budget (in parallel when many), then writing the fixed files."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from ..engine.config import ConfigError
from ..source.document import Document
from ..engine.linter import WORDS_FILE, FileResult, Linter
from ..engine.fixes import FixError, fix_in_passes, unified_diff, write_fixed
from .pathfilter import PathFilter
from ..source.reading import ReadError, decode, read_file
from .workers import announce, run_all

if TYPE_CHECKING:
    from .resultcache import ResultCache

STDIN = "-"
DOCUMENT_SUFFIXES = (".md", ".markdown", ".txt")
# Below this many files, starting worker processes costs more than it saves.
PARALLEL_THRESHOLD = 8


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
    data: bytes | None = None  # what standard input held, read before checking


def discover(paths: list[str], linter: Linter, stdin_filename: str | None) -> tuple[list[Target], list[str], list[str]]:
    """Targets in a deterministic order, errors for missing paths, warnings."""
    targets: list[Target] = []
    errors: list[str] = []
    warnings: list[str] = []
    seen: set[Path] = set()
    skip = PathFilter(linter.overrides)
    for raw in paths:
        if linter.overrides.force_exclude and _force_excluded(raw, stdin_filename, linter, skip):
            continue
        if raw == STDIN:
            name = stdin_filename or "<stdin>"
            targets.append(Target(Path(stdin_filename or "stdin.md"), name, stdin=True))
            continue
        path = Path(raw)
        if path.is_dir():
            before = len(errors)
            found = sorted(_walk(path, linter, errors, skip))
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


def _force_excluded(raw: str, stdin_filename: str | None, linter: Linter, skip: PathFilter) -> bool:
    """`--force-exclude`: a path named on the command line (or the name given
    to standard input) that the exclusions cover is skipped."""
    if raw == STDIN and not stdin_filename:
        return False
    path = Path(stdin_filename if raw == STDIN else raw)
    try:
        return skip.skipped_file(path, linter.config_for(path))
    except ConfigError:
        return False  # reported when the file is checked


def _walk(root: Path, linter: Linter, errors: list[str], skip: PathFilter):
    for directory, subdirectories, files in os.walk(root):
        folder = Path(directory)
        try:
            config = linter.config_for(folder / "_")
        except ConfigError as error:  # skip this folder, keep checking the others
            errors.append(str(error))
            subdirectories[:] = []
            continue
        subdirectories[:] = sorted(
            d for d in subdirectories if not skip.skipped_entry(folder, d, True, config)
        )
        for name in files:
            if name == WORDS_FILE:
                continue  # the project word list is data for the spelling rules, not a document
            if name.lower().endswith(DOCUMENT_SUFFIXES) and not skip.skipped_entry(folder, name, False, config):
                yield folder / name


def read_target(target: Target, linter: Linter) -> tuple[Document, bytes | None]:
    """The target's document and the bytes it was decoded from (standard
    input is read here unless it was read before checking)."""
    config = linter.config_for(target.path)
    if target.stdin:
        data = target.data if target.data is not None else sys.stdin.buffer.read()
    else:
        data = read_file(target.path, target.display, config.max_file_size)
    return decode(target.display, data or b"", config.encoding), data


def check_target(target: Target, linter: Linter, mode: FixMode = FixMode(), cache: "ResultCache | None" = None) -> FileResult:
    """Check one document (in a worker process); a fixed file is written
    afterwards by `write_fixes`, in the parent, which never stops mid-write."""
    try:
        announce("while reading the file")
        doc, data = read_target(target, linter)
        result = cache.check(linter, doc, target.path) if cache is not None else linter.check(doc, target.path)
        if mode.active:
            result = _fix(target, linter, mode, doc, result, data or b"")
        return result
    except (ReadError, ConfigError) as error:
        return FileResult(target.display, errors=[str(error)])
    except RecursionError:
        return FileResult(target.display, errors=[f"{target.display}: document too deeply nested, skipped"])


def _fix(target: Target, linter: Linter, mode: FixMode, doc: Document, result: FileResult, data: bytes) -> FileResult:
    """Apply fixes pass by pass, then diff, or keep the bytes to write."""
    unfixed = result
    original = doc.text
    results = [result]

    def recheck(text: str) -> list:
        results.append(linter.check(Document(doc.path, text, doc.encoding, doc.has_bom), target.path))
        return results[-1].findings

    text, fixed = fix_in_passes(original, result.findings, recheck, mode.unsafe)
    result = results[-1]
    result.fixed = fixed
    if mode.diff:
        result.diff = unified_diff(target.display, original, text)
    elif target.stdin or text != original:
        try:
            fixed_data = text.encode(doc.encoding)
        except UnicodeEncodeError as error:
            unfixed.errors.append(
                f"{target.display}: the fixes add {text[error.start]!r}, which {doc.encoding} cannot encode; "
                "fixes not written"
            )
            return unfixed
        if target.stdin:
            result.output = fixed_data
        else:
            result.pending = (data, fixed_data, unfixed.findings)
    return result


def write_fixes(target: Target, result: FileResult) -> FileResult:
    """Write the fixed file a check left pending; when it cannot be written,
    the findings reported are those of the file as it stays."""
    if result.pending is not None:
        original, fixed_data, unfixed_findings = result.pending
        result.pending = None
        try:
            write_fixed(target.path, original, fixed_data)
        except FixError as error:
            result.errors.append(str(error))
            result.findings, result.fixed = unfixed_findings, 0
    return result


def run(
    targets: list[Target], linter: Linter, jobs: int, mode: FixMode = FixMode(),
    cache: "ResultCache | None" = None, progress: Callable[[], None] = lambda: None,
) -> list[FileResult]:
    """Check every target, each in a worker process within its time budget;
    `progress` is called once per document checked."""
    targets = [replace(t, data=sys.stdin.buffer.read()) if t.stdin else t for t in targets]
    workers = jobs if len(targets) >= PARALLEL_THRESHOLD else 1
    results = run_all(
        targets, partial(check_target, linter=linter, mode=mode, cache=cache), workers,
        [linter.budget(t.path) for t in targets],
        lambda target, why: FileResult(target.display, errors=[f"{target.display}: {why}; skipped"]),
        progress, finish=linter.save_learnt,  # each worker keeps what its spellers learnt
    )
    linter.save_learnt()  # and so does this process, when it checked documents itself
    return [write_fixes(target, result) for target, result in zip(targets, results)]
