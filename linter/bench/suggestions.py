"""How good QA401's suggestions are: single-letter typos injected into the
dictionary words of a document (one per line, fixed seed), and how often the
first suggestion is the word that was there. Printed by `qalint.bench`."""

from __future__ import annotations

import random
import re
from pathlib import Path

_WORD = re.compile(r"(?<![\w-])[a-zà-ÿ]{6,14}(?![\w-])")
_LETTERS = "abdegiklmnoprstuv"
SEED = 4242


def typo(word: str, rng: random.Random) -> str:
    """`word` with one letter deleted, inserted, replaced or swapped with the next."""
    i = rng.randrange(1, len(word) - 1)
    kind = rng.choice(["delete", "insert", "replace", "swap"])
    letter = rng.choice(_LETTERS)
    if kind == "delete":
        return word[:i] + word[i + 1:]
    if kind == "insert":
        return word[:i] + letter + word[i:]
    if kind == "replace":
        return word[:i] + (letter if letter != word[i] else "x") + word[i + 1:]
    if word[i] == word[i + 1]:
        return word[:i] + "q" + word[i + 1:]
    return word[:i] + word[i + 1] + word[i] + word[i + 2:]


def suggestion_accuracy(path: Path, text: str, count: int = 200) -> tuple[int, int, int]:
    """(typos injected, typos QA401 reported, reported typos whose first
    suggestion is the original word)."""
    from ..spelling.dictionary import dictionary
    from ..engine.linter import Linter, Overrides
    from ..engine.plugins import load_registry
    from ..source.reading import decode

    nl, en = dictionary("nl"), dictionary("en")
    rng = random.Random(SEED)
    lines = text.split("\n")
    candidates = [i for i, line in enumerate(lines) if len(line) > 80 and not line.lstrip().startswith(("<", "#", "|"))]
    injected = {}
    for index in sorted(rng.sample(candidates, min(count, len(candidates)))):
        words = [m for m in _WORD.finditer(lines[index]) if nl.known(m.group())]
        if not words:
            continue
        match = rng.choice(words)
        wrong = typo(match.group(), rng)
        if nl.known(wrong) or en.known(wrong):
            continue  # a real-word error: no spelling check can see it
        lines[index] = lines[index][:match.start()] + wrong + lines[index][match.end():]
        injected[(index + 1, match.start() + 1)] = match.group()
    linter = Linter(load_registry(), Overrides(isolated=True, select=["QA401"]))
    result = linter.check(decode(str(path), "\n".join(lines).encode("utf-8")), path)
    reported = {(f.line, f.column): f.suggestions for f in result.findings if (f.line, f.column) in injected}
    right = sum(1 for where, suggestions in reported.items() if suggestions[:1] == [injected[where]])
    return len(injected), len(reported), right
