"""The benchmark's spelling figures: what spelling adds to a run, warm and
cold, a first run on a new machine, new prose in a new process, and Hunspell
on the same file."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from importlib import import_module
from pathlib import Path

from .timing import best_of, command_time


def spelling_in_new_processes(document: Path) -> None:
    """What spelling adds to a whole `qalint check` run: with its caches, with
    only the compiled dictionaries, and on a machine that never ran qalint."""
    run = [sys.executable, "-m", "qalint", "check", "--isolated", "--no-cache", str(document)]
    without = run[:4] + ["--ignore", "spelling"] + run[4:]
    first = _first_run(run)
    with tempfile.TemporaryDirectory() as cache:
        environment = _fresh_machine(cache)
        subprocess.run(run, capture_output=True, env=environment)
        _wait_for_background_compiles(Path(cache))

        def cold() -> None:
            for learnt in Path(cache).glob("words-*"):
                learnt.unlink()  # keep the compiled dictionaries, forget every word
            subprocess.run(run, capture_output=True, env=environment)

        # Taken in turns, so that a busy moment of the machine hits all three alike.
        base = warm = compiled = float("inf")
        for _ in range(7):
            base = min(base, best_of(1, lambda: subprocess.run(without, capture_output=True, env=environment)))
            warm = min(warm, best_of(1, lambda: subprocess.run(run, capture_output=True, env=environment)))
            compiled = min(compiled, best_of(1, cold))
    print(f"spelling adds to a run:        {(warm - base) * 1000:7.1f} ms warm (its cache), "
          f"{(compiled - base) * 1000:.1f} ms cold (dictionaries compiled, no word seen before)")
    print(f"first run on a machine:        {first * 1000:7.1f} ms (best of 3, empty cache: {_dutch_table()}; "
          f"{(first - warm) * 1000:.0f} ms more than a warm run of {warm * 1000:.0f} ms)")


def _first_run(run: list[str], runs: int = 3) -> float:
    """Seconds of `run` on a machine that never ran qalint: an empty cache
    folder, best of `runs`, each in a new folder once the background compiles
    of the run before have finished (they would slow the next one down)."""
    best = float("inf")
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as cache:
            started = time.perf_counter()
            subprocess.run(run, capture_output=True, env=_fresh_machine(cache))
            best = min(best, time.perf_counter() - started)
            _wait_for_background_compiles(Path(cache))
    return best


def _dutch_table() -> str:
    """How a first run gets the Dutch table: unpacked or compiled."""
    from ..spelling.dictionary import CACHE_VERSION, dictionary
    from ..spelling.prebuilt import ships

    dutch = dictionary("nl")
    return "unpacks the shipped Dutch table" if ships(dutch.folder, dutch.stem, CACHE_VERSION) else (
        "compiles the Dutch table (the shipped one is of another release)")


def _wait_for_background_compiles(cache: Path, timeout: float = 300) -> None:
    """The first run leaves the English tables to a background process."""
    deadline = time.monotonic() + timeout
    while (len(list(cache.glob("lexicon-*.bin"))) < 3 or list(cache.glob("*.compiling"))) and time.monotonic() < deadline:
        time.sleep(0.1)


def new_prose_seconds(document: Path) -> float:
    """The spelling rules alone on a document in a new process whose cache
    holds the compiled dictionaries but no word."""
    with tempfile.TemporaryDirectory() as cache:
        for compiled in _cache_folder().glob("lexicon-*"):
            shutil.copy(compiled, cache)
        child = [sys.executable, "-m", "qalint.bench", "--time-spelling", str(document)]
        result = subprocess.run(child, capture_output=True, text=True, env=_fresh_machine(cache))
    return float(result.stdout.strip() or "nan")


def time_spelling(document: Path) -> float:
    """Seconds the spelling rules take on `document` in this (new) process,
    the document's structure parsed beforehand."""
    from ..source.document import Document
    from ..engine.linter import Linter, Overrides
    from ..engine.plugins import load_registry
    from ..source.reading import decode

    import_module("..spelling.analysis", __package__)  # loaded before the clock starts: loading is no spelling
    registry = load_registry()
    text = decode(str(document), document.read_bytes()).text
    doc = Document(str(document), text)
    linter = Linter(registry, Overrides(isolated=True))
    parsed = linter.context_for(doc, document).analysis
    parsed.structure  # parsed beforehand: the rules share it
    rules = [rule for rule in registry.rules.values() if rule.category == "spelling"]
    started = time.perf_counter()
    context = linter.context_for(doc, document)  # the language and profile, as a check finds them
    context.analysis = parsed
    for rule in rules:
        context.rule = rule
        list(rule().check(context))
    return time.perf_counter() - started


def hunspell_comparison(document: Path, text: str, spelling_seconds: float) -> None:
    """Hunspell on the same file: the `hunspell -l` command when installed,
    and always the same library through chunspell (load nl_NL, check every word)."""
    command = shutil.which("hunspell")
    if command:
        seconds = command_time([command, "-d", "nl_NL", "-l", str(document)], runs=3)
        print(f"hunspell -d nl_NL -l:          {seconds * 1000:7.1f} ms wall "
              f"(qalint's spelling of new prose takes {spelling_seconds / seconds:.2f}x that)")
    try:
        import hunspell
    except ImportError:
        return
    from ..spelling.dictionary import dictionary
    from ..analysis.prose import WORD

    words = WORD.findall(text)
    nl = dictionary("nl")

    def check_all() -> None:
        speller = hunspell.Hunspell(nl.stem, hunspell_data_dir=str(nl.folder))
        for word in words:
            speller.spell(word)

    seconds = best_of(1, check_all)
    print(f"Hunspell library (chunspell), load nl_NL and check all {len(words)} words: {seconds * 1000:.0f} ms "
          f"(qalint's spelling of new prose takes {spelling_seconds / seconds:.2f}x that)")


def _fresh_machine(folder: str) -> dict[str, str]:
    """The environment of a qalint that has only `folder` to cache in (the
    temporary folder too: compiled dictionaries may also be found there)."""
    return {**os.environ, "QALINT_CACHE_DIR": folder, "TMPDIR": folder}


def _cache_folder() -> Path:
    from ..cachedir import cache_folder

    folder = cache_folder()
    if folder is None:
        raise SystemExit("bench: the cache folder is switched off (QALINT_CACHE_DIR is empty)")
    return folder


def prose_bytes(text, registry, linter, document) -> tuple[int, int]:
    """UTF-8 bytes of the prose blocks the spelling rules read, and of the
    words in them."""
    from ..source.document import Document
    from ..analysis.analysis import Analysis

    doc = Document(str(document), text)
    profile = registry.profiles[linter.check(doc, document).profile]
    blocks = Analysis(doc, profile).prose
    return (sum(len(masked.encode("utf-8")) for _, masked in blocks.segments),
            sum(len(word.encode("utf-8")) * n for word, n in blocks.counts().items()))
