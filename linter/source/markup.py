"""The Markdown markup around a marker or heading line: heading hashes and
emphasis before the text, closing emphasis after it. Profiles wrap their
marker patterns in it (`MARKUP_BEFORE`, `MARKUP_AFTER`), and the analysis
splits a marker line along the same pieces (`split_marker_line`) to compare
how markers are written."""

from __future__ import annotations

import re
from typing import NamedTuple

# A byte-order mark and up to three spaces: still the start of a Markdown block.
_LEAD = r"\ufeff?[ \t]{0,3}"
_HASHES = r"#{1,6}[ \t]++"
# Possessive runs, and one run per kind of character, keep a match linear on
# a line of asterisks or spaces (nested runs of `*` and ` ` backtrack exponentially).
MARKUP_BEFORE = rf"^{_LEAD}(?:{_HASHES})?(?:[*_][*_ \t]*+)?"
# A marker line may end with a suppression comment (`<!-- qalint: disable-line -->`).
MARKUP_AFTER = r"[ \t]*+(?:[.:][ \t]*+)?[*_]*+[ \t]*+(?:(?<=[ \t])#++[ \t]*+)?(?:<!--\s*+qalint:[^<>]*-->[ \t]*+)?$"

# One emphasis run around the text; where the text ends is found by hand,
# which stays linear on a line with long runs of spaces.
_HEAD = re.compile(rf"(?P<lead>{_LEAD})(?P<hashes>{_HASHES})?(?P<open>\*\*|__|\*|_)?")


class MarkerLine(NamedTuple):
    """A marker or heading line in its parts (offsets within the line)."""

    lead_end: int  # where the markup starts, after the lead
    level: int  # heading level, 0 for a paragraph
    emphasis: str  # the emphasis around the text: "**", "__", "*", "_" or ""
    core: str  # the text inside the markup
    trail_start: int  # where the closing emphasis ends, before trailing spaces

    @property
    def style(self) -> tuple[int, str]:
        return self.level, self.emphasis


def split_marker_line(line: str) -> MarkerLine | None:
    """The line in its parts; None when it has no text or its emphasis does
    not close as it opens (such a line is left alone)."""
    head = _HEAD.match(line)
    core_start = head.end()
    trail_start = max(core_start, len(line.rstrip(" \t")))
    # The text is as short as it can be: a closing `**` wins over a closing `*`.
    close = ""
    if trail_start - 2 >= core_start and line[trail_start - 2:trail_start] in ("**", "__"):
        close = line[trail_start - 2:trail_start]
    elif trail_start - 1 >= core_start and line[trail_start - 1] in "*_":
        close = line[trail_start - 1]
    core = line[core_start:trail_start - len(close)]
    emphasis = head.group("open") or ""
    if not core.strip() or close != emphasis:
        return None
    level = len((head.group("hashes") or "").strip())
    return MarkerLine(head.end("lead"), level, emphasis, core, trail_start)


def write_marker_line(style: tuple[int, str], core: str) -> str:
    """The text `core` in the markup `style` (heading level, emphasis)."""
    level, emphasis = style
    return ("#" * level + " " if level else "") + emphasis + core + emphasis
