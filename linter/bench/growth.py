"""Adversarial growth: how the cost of qalint's patterns grows with input.

A pattern that backtracks turns a line of asterisks or a run of spaces into
minutes of work. Every compiled pattern of every profile and every
module-level pattern of qalint's modules is run over strings built to make
backtracking patterns slow, at a small and a large size; a linear pattern
costs about (large / small) times as much on the large one. The benchmark
prints the table, the tests hold every ratio to the linear bound.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import time
from functools import lru_cache
from typing import Callable, Iterator, NamedTuple

import regex

SMALL = 1024
LARGE = 64 * 1024


def _repeat(unit: str, tail: str = "x") -> Callable[[int], str]:
    return lambda size: (unit * (size // len(unit) + 1))[: max(0, size - len(tail))] + tail


# Input shapes, each a function of the size in code points.
SHAPES: dict[str, Callable[[int], str]] = {
    "asterisks": _repeat("*"),
    "underscores": _repeat("_"),
    "emphasis and spaces": _repeat("* _ "),
    "dots": _repeat("."),
    "spaces": _repeat(" "),
    "tabs": _repeat("\t"),
    "digits": _repeat("1"),
    "numbers and commas": _repeat("1, "),
    "footnote openers": _repeat("[^"),
    "comment openers": _repeat("<!--"),
    "hyphenated line ends": _repeat("ab-\n"),
    "hyphenated CR line ends": _repeat("ab-\r"),
    "unclosed superscripts": _repeat("<sup>"),
    "unclosed directive": lambda size: "<!-- qalint: disable=" + "\n" * max(0, size - 21),
    "repeated directives": _repeat("<!-- qalint: disable=QA101 -->\n"),
    "unclosed directives": _repeat("<!-- qalint: disable=QA101 "),
    "marker and spaces": lambda size: "Vraag 1" + " " * max(0, size - 8) + "x",
    "word, spaces, word": lambda size: "woord" + " " * max(0, size - 10) + "woord",
    "words and spaces": _repeat("zie   "),
    "letters": _repeat("a"),
}


class NamedPattern(NamedTuple):
    name: str
    pattern: re.Pattern


def profile_patterns() -> list[NamedPattern]:
    """Every compiled pattern of every built-in profile, once per distinct pattern."""
    from ..engine.plugins import load_registry
    from ..profiles import COMPILED_PATTERNS

    found: dict[tuple, NamedPattern] = {}
    for profile in load_registry(entry_points=False).profiles.values():
        for key in COMPILED_PATTERNS:
            value = getattr(profile, key)
            several = isinstance(value, (list, tuple))
            for index, pattern in enumerate(value if several else [value]):
                if pattern is not None:
                    name = f"{profile.name}.{key}" + (f"[{index}]" if several else "")
                    found.setdefault((pattern.pattern, pattern.flags), NamedPattern(name, pattern))
    return list(found.values())


def module_patterns() -> list[NamedPattern]:
    """Every pattern bound at module level in qalint and its rules (also
    inside module-level lists and tuples)."""
    import qalint
    import qalint.rules

    found: dict[tuple, NamedPattern] = {}
    for package in (qalint, qalint.rules):
        for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            if info.name.endswith("__main__"):
                continue
            module = importlib.import_module(info.name)
            for attribute, value in vars(module).items():
                for pattern in _patterns_in(value):
                    name = f"{info.name.removeprefix('qalint.')}.{attribute}"
                    found.setdefault((pattern.pattern, pattern.flags), NamedPattern(name, pattern))
    return list(found.values())


def _patterns_in(value, depth: int = 0) -> Iterator[re.Pattern]:
    if isinstance(value, (re.Pattern, regex.Pattern)):
        yield value
    elif isinstance(value, (list, tuple)) and depth < 2:
        for element in value:
            yield from _patterns_in(element, depth + 1)


def run_once(pattern: re.Pattern, text: str) -> None:
    """What rules do with a pattern: match at the start, find every match."""
    pattern.match(text)
    for _ in pattern.finditer(text):
        pass


def best_time(action: Callable[[], object], runs: int, clock: Callable[[], float] = time.process_time) -> float:
    """Shortest time of `runs` calls, in seconds; by default processor time,
    not wall time, so that other work on a shared machine counts little."""
    best = float("inf")
    for _ in range(runs):
        start = clock()
        action()
        best = min(best, clock() - start)
    return best


class Growth(NamedTuple):
    small: float  # seconds
    large: float

    @property
    def ratio(self) -> float:
        return self.large / self.small if self.small > 0 else float("inf")


def measure(action: Callable[[str], object], small_text: str, large_text: str, runs: int = 3) -> Growth:
    """Best-of-`runs` cost of `action` on a small and a large input."""
    return Growth(
        best_time(lambda: action(small_text), runs * 3),
        best_time(lambda: action(large_text), runs),
    )


def is_linear(growth: Growth, factor: float, slack: float = 3.0, constant: float = 0.02) -> bool:
    """Whether the large case costs at most about `factor` times the small
    one (times `slack` for a noisy machine) plus a constant."""
    return growth.large <= factor * growth.small * slack + constant


def pattern_growth(pattern: re.Pattern, shape: str, runs: int = 3) -> Growth:
    make = SHAPES[shape]
    return measure(lambda text: run_once(pattern, text), make(SMALL), make(LARGE), runs)


# Documents of each shape with `n` units (answers, footnotes, lines ...),
# named with the file name they are checked under.
def _answers(n: int) -> str:
    return "".join(f"Vraag {i}\nKlopt het dat dit zo is?\n\nAntwoord {i}\nJa, dat klopt.\n\n" for i in range(1, n + 1))


def _referral_chain(n: int) -> str:
    parts = ["Vraag 1\nKlopt het dat dit zo is?\n\nAntwoord 1\nJa, dat klopt.\n\n"]
    parts += [
        f"Vraag {i}\nKlopt het dat dit zo is?\n\nAntwoord {i}\nZie het antwoord op vraag {i - 1}.\n\n"
        for i in range(2, n + 1)
    ]
    return "".join(parts)


def _footnotes(n: int) -> str:
    # Markers in the text, then their notes: as many notes as markers.
    text = "".join(f"Dit staat in de brief[^{i}] van de minister.\n\n" for i in range(1, n + 1))
    return text + "".join(f"[^{i}]: Kamerstuk 29 754, nr. {i}\n\n" for i in range(1, n + 1))


def _suppressions(n: int) -> str:
    # Every second number is skipped (a QA101 each), each finding suppressed.
    return "".join(
        f"<!-- qalint: disable-next-line=QA101 -->\nVraag {2 * i - 1}\nKlopt het?\n\n"
        f"Antwoord {2 * i - 1}\nJa.\n\n"
        for i in range(1, n + 1)
    )


def _hyphenated(n: int) -> str:
    return "Dit is een veilig-\nheidsstrategie en een ab-\n" * n + "einde.\n"


def _hyphen_chain(n: int) -> str:
    return "-".join(["blarp"] * n) + "\n"  # one chunk of n unknown words


def _spaces(n: int) -> str:
    return "woord" + " " * n + "woord\n"


def _banner(n: int) -> str:
    """A plain-text FAQ that opens with a box of asterisks."""
    inside = ["", "FREQUENTLY ASKED QUESTIONS", "About the scheme and how to apply", ""]
    box = "\n".join(["*" * 70] + [f"*   {line:<65}*" for line in inside] + ["*" * 70]) + "\n\n"
    faq = "".join(
        f"Q{i}: How do I apply for the scheme number {i}?\n"
        f"A{i}: You apply online; see the website for the form.\n\n"
        for i in range(1, n + 1)
    )
    return box + faq


DOCUMENT_SHAPES: dict[str, tuple[str, Callable[[int], str], int]] = {
    # name: (file name, document of n units, n of the smallest case)
    "many answers": ("answers.md", _answers, 250),
    "referral chain": ("chain.md", _referral_chain, 250),
    "footnotes": ("notes.md", _footnotes, 250),
    "suppressions": ("suppressed.md", _suppressions, 250),
    "hyphenated line ends": ("hyphens.md", _hyphenated, 250),
    "hyphen chain": ("chain-of-words.md", _hyphen_chain, 500),
    "many-space paragraph": ("spaces.md", _spaces, 8192),
    "asterisk banner": ("faq.txt", _banner, 25),
}


@lru_cache(maxsize=1)
def _linter():
    from ..engine.linter import Linter, Overrides
    from ..engine.plugins import load_registry

    return Linter(load_registry(entry_points=False), Overrides(isolated=True))


def check_text(text: str, path: str):
    """Run every rule on `text` (no configuration files), as `qalint check` does."""
    from pathlib import Path

    from ..source.reading import decode

    return _linter().check(decode(path, text.encode("utf-8")), Path(path))


def document_growth(shape: str, factor: int = 8, runs: int = 2) -> Growth:
    """Cost of checking a document of the shape at its smallest size and at
    `factor` times that size."""
    path, make, n = DOCUMENT_SHAPES[shape]
    return measure(lambda text: check_text(text, path), make(n), make(n * factor), runs)
