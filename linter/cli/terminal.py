"""What the terminal can show: colour, its width, the display width of text,
and a progress line on standard error."""

from __future__ import annotations

import os
import shutil
import sys
import time
from functools import cache
from typing import IO, Callable

COLOR_CHOICES = ("auto", "always", "never")
_STYLES = {
    "bold": "1", "red": "31", "yellow": "33", "blue": "34", "cyan": "36", "green": "32", "dim": "2",
}
SEVERITY_STYLE = {"error": "red", "warning": "yellow", "info": "blue"}
# Source windows never get narrower than this, however narrow the terminal says it is.
MIN_WIDTH = 40


def use_color(choice: str, stream: IO[str]) -> bool:
    """`--color`: always, never, or auto (a terminal, unless NO_COLOR; FORCE_COLOR forces it)."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return _is_tty(stream) and os.environ.get("TERM") != "dumb"


def _is_tty(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class Painter:
    """Wraps text in ANSI styles, or leaves it alone when colour is off."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled

    def __call__(self, text: str, *styles: str) -> str:
        if not self.enabled or not styles or not text:
            return text
        codes = ";".join(_STYLES[s] for s in styles)
        return f"\x1b[{codes}m{text}\x1b[0m"


def terminal_width(stream: IO[str]) -> int | None:
    """Columns of the terminal the report goes to; None when it is not one
    (a file or a pipe gets the full windows, stable for tools)."""
    if not _is_tty(stream):
        return None
    return max(MIN_WIDTH, shutil.get_terminal_size().columns)  # COLUMNS, when set, wins


def char_width(char: str) -> int:
    """Cells a character takes: 2 for East Asian wide, 0 for combining marks."""
    if " " <= char <= "~":
        return 1
    width = _wcwidth()(char)
    return 1 if width < 0 else width  # control characters are shown as one cell


def display_width(text: str) -> int:
    if text.isascii() and text.isprintable():
        return len(text)
    return sum(char_width(c) for c in text)


@cache
def _wcwidth() -> Callable[[str], int]:
    # Imported when a character outside printable ASCII is measured: the
    # package costs more to import than many a whole check.
    from wcwidth import wcwidth

    return wcwidth


class Progress:
    """`checked 120/200 files` on standard error, rewritten in place, for runs
    on a terminal that last (pipes and CI logs stay clean, short runs quiet)."""

    def __init__(self, total: int, stream: IO[str] | None = None, delay: float = 1.0) -> None:
        self.stream = stream or sys.stderr
        self.total = total
        self.enabled = total > 1 and _is_tty(self.stream)
        self.shown_after = time.monotonic() + delay
        self.done = 0
        self.shown = False

    def advance(self) -> None:
        self.done += 1
        if self.enabled and time.monotonic() >= self.shown_after:
            self.stream.write(f"\rchecked {self.done}/{self.total} files")
            self.stream.flush()
            self.shown = True

    def close(self) -> None:
        if self.shown:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()
