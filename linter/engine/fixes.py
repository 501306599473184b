"""Applying fixes: edits on the original text, checked before they are
applied, in one pass without overlap; writing the fixed file without
breaking links, permissions or a file that changed during the run."""

from __future__ import annotations

import difflib
import errno
import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from .rule import Edit, Finding, Fix

# Fixing re-checks the fixed text; fixes that overlapped get their turn in the next pass.
MAX_FIX_PASSES = 10


class FixError(Exception):
    """A fixed file could not be written, as one line for the user."""


@dataclass
class FixOutcome:
    text: str
    applied: list[Finding]


def fix_problem(fix: object, length: int) -> str | None:
    """Why a fix cannot be applied to a text of `length` code points, or None:
    every edit must lie inside the text and no two edits may overlap."""
    if not isinstance(fix, Fix):
        return f"{type(fix).__name__} is not a Fix"
    edits = fix.edits
    if not isinstance(edits, (tuple, list)) or not edits:
        return "no edits"
    for edit in edits:
        if not isinstance(edit, Edit):
            return f"{type(edit).__name__} is not an Edit"
        if not (isinstance(edit.start, int) and isinstance(edit.end, int) and isinstance(edit.content, str)):
            return "an edit needs integer offsets and text"
        if not 0 <= edit.start <= edit.end <= length:
            return f"edit of offsets {edit.start}-{edit.end} is not inside the text (0-{length})"
    ordered = sorted(edits, key=lambda e: (e.start, e.end))
    for first, second in zip(ordered, ordered[1:]):
        if _overlaps(first, second):
            return f"edits of offsets {first.start}-{first.end} and {second.start}-{second.end} overlap"
    return None


def apply_fixes(text: str, findings: list[Finding], unsafe: bool = False) -> FixOutcome:
    """Apply the valid fixes of `findings` that change the text and do not
    overlap an earlier one. Fixes whose edits overlap are left for a later pass."""
    taken: list[Edit] = []
    applied: list[Finding] = []
    candidates = sorted(
        (
            f for f in findings
            if f.fix is not None and (f.fix.safe or unsafe) and fix_problem(f.fix, len(text)) is None
            and any(text[e.start:e.end] != e.content for e in f.fix.edits)
        ),
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


# -- --diff ---------------------------------------------------------------------
_NO_NEWLINE = "\\ No newline at end of file\n"


def unified_diff(path: str, before: str, after: str) -> str:
    """A unified diff that `patch -p1` applies: lines end at LF only (as
    patch reads them; CR, form feeds and U+2028 stay inside a line), a last
    line without one is marked, and a name with spaces is quoted."""
    name = path.lstrip("/")
    lines = difflib.unified_diff(
        _lf_lines(before), _lf_lines(after), fromfile=_quoted(f"a/{name}"), tofile=_quoted(f"b/{name}"),
    )
    return "".join(line if line.endswith("\n") else line + "\n" + _NO_NEWLINE for line in lines)


def _lf_lines(text: str) -> list[str]:
    lines = text.split("\n")
    return [line + "\n" for line in lines[:-1]] + ([lines[-1]] if lines[-1] else [])


def _quoted(name: str) -> str:
    """A file name as git quotes it when it holds white space, quotes or
    backslashes (GNU patch reads the quoted form)."""
    if not any(c in name for c in ' \t\n\r"\\'):
        return name
    escaped = name.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + escaped.replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r") + '"'


# -- writing --------------------------------------------------------------------
def write_fixed(path: Path, original: bytes, data: bytes) -> None:
    """Write `data` to the file `path` names unless it no longer holds
    `original`. A symbolic link is followed: its target is fixed. A file with
    other hard links, or owned by someone else, is rewritten in place so that
    it stays the same file (so is a file in a folder that takes no new file);
    any other file is replaced atomically (temporary file, then rename). Permissions are kept; a read-only file is refused."""
    target = Path(os.path.realpath(path))
    try:
        status = target.stat()
        if not status.st_mode & 0o222 or not os.access(target, os.W_OK):
            raise FixError(f"{path}: read-only file; fixes not written")
        if target.read_bytes() != original:
            raise FixError(f"{path}: changed on disk during the run; fixes not written")
        if status.st_nlink > 1 or not _replace(target, data, status):
            _rewrite_in_place(target, original, data)
    except OSError as error:
        raise FixError(f"{path}: cannot write fixes: {error.strerror or error}") from None


def _replace(path: Path, data: bytes, status: os.stat_result) -> bool:
    """Replace the file by a new one with its mode and owner; False (and
    nothing changed) when the folder takes no new file or the owner cannot
    be kept."""
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".qalint", dir=path.parent)
    except PermissionError:  # a folder that is not writable, holding a writable file
        return False
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, stat.S_IMODE(status.st_mode))
        written = os.stat(temporary)
        if (written.st_uid, written.st_gid) != (status.st_uid, status.st_gid):
            try:
                os.chown(temporary, status.st_uid, status.st_gid)
            except OSError:
                os.unlink(temporary)
                return False
        os.replace(temporary, path)
        return True
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


def _rewrite_in_place(path: Path, original: bytes, data: bytes) -> None:
    """Overwrite the file's own content; the space a longer text needs is
    reserved first, and on a failed write the original bytes are put back."""
    descriptor = os.open(path, os.O_RDWR)
    try:
        if len(data) > len(original) and hasattr(os, "posix_fallocate"):
            try:
                os.posix_fallocate(descriptor, len(original), len(data) - len(original))
            except OSError as error:
                os.ftruncate(descriptor, len(original))
                if error.errno not in (errno.EOPNOTSUPP, errno.EINVAL):  # a file system without it
                    raise
        try:
            _write_all(descriptor, data)
        except BaseException:
            _write_all(descriptor, original)
            raise
    finally:
        os.close(descriptor)


def _write_all(descriptor: int, data: bytes) -> None:
    """Make the file hold exactly `data`, on disk (unbuffered writes: after a
    failure nothing is left in a buffer to be written later)."""
    os.lseek(descriptor, 0, os.SEEK_SET)
    view = memoryview(data)
    while view:
        view = view[os.write(descriptor, view):]
    os.ftruncate(descriptor, len(data))
    os.fsync(descriptor)
