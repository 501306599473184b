"""Applying fixes: edits on the original text, in one pass without overlap,
written atomically and never over a file that changed during the run."""

from __future__ import annotations

import difflib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from .rule import Edit, Finding

# Fixing re-checks the fixed text; fixes that overlapped get their turn in the next pass.
MAX_FIX_PASSES = 10


class FixError(Exception):
    """A fixed file could not be written, as one line for the user."""


@dataclass
class FixOutcome:
    text: str
    applied: list[Finding]


def apply_fixes(text: str, findings: list[Finding], unsafe: bool = False) -> FixOutcome:
    """Apply the fixes of `findings` that do not overlap an earlier one.
    Fixes whose edits overlap are left for a later pass."""
    taken: list[Edit] = []
    applied: list[Finding] = []
    candidates = sorted(
        (f for f in findings if f.fix is not None and (f.fix.safe or unsafe)),
        key=lambda f: min(e.start for e in f.fix.edits),
    )
    for finding in candidates:
        edits = finding.fix.edits
        if any(_overlaps(edit, other) for edit in edits for other in taken):
            continue
        taken.extend(edits)
        applied.append(finding)
    result = []
    position = 0
    for edit in sorted(taken, key=lambda e: (e.start, e.end)):
        result.append(text[position:edit.start])
        result.append(edit.content)
        position = edit.end
    result.append(text[position:])
    return FixOutcome("".join(result), applied)


def fix_in_passes(text: str, findings: list[Finding], recheck: Callable[[str], list[Finding]],
                  unsafe: bool = False) -> tuple[str, int]:
    """The text with its fixes applied pass by pass (each pass on the findings
    of the text the previous one left), and how many findings were fixed."""
    fixed = 0
    for _ in range(MAX_FIX_PASSES):
        outcome = apply_fixes(text, findings, unsafe)
        if not outcome.applied:
            break
        fixed += len(outcome.applied)
        text = outcome.text
        findings = recheck(text)
    return text, fixed


def _overlaps(a: Edit, b: Edit) -> bool:
    if a.start == a.end and b.start == b.end:
        return a.start == b.start  # two insertions at one place: order would be arbitrary
    return a.start < b.end and b.start < a.end


def unified_diff(path: str, before: str, after: str) -> str:
    return "".join(difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True),
        fromfile=f"a/{path.lstrip('/')}", tofile=f"b/{path.lstrip('/')}",
    ))


def write_atomically(path: Path, original: bytes, data: bytes) -> None:
    """Replace `path` with `data` unless it no longer holds `original`."""
    try:
        if path.read_bytes() != original:
            raise FixError(f"{path}: changed on disk during the run; fixes not written")
        mode = path.stat().st_mode
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".qalint", dir=path.parent)
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            os.chmod(temporary, mode & 0o7777)
            os.replace(temporary, path)
        except BaseException:
            if os.path.exists(temporary):
                os.unlink(temporary)
            raise
    except OSError as error:
        raise FixError(f"{path}: cannot write fixes: {error.strerror or error}") from None
