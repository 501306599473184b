"""Benchmark: prints start-up, parsing and checking figures.

    python -m qalint.bench [DOCUMENT]

DOCUMENT defaults to the real example in examples/. Figures are the best of
several runs (wall clock) on this machine; nothing is asserted.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DEFAULT_DOCUMENT = Path("examples/verslag-schriftelijk-overleg-2020.md")


def best_of(runs: int, action) -> float:
    """Shortest wall time of `runs` calls, in seconds."""
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - start)
    return best


def command_time(args: list[str], runs: int = 7) -> float:
    return best_of(runs, lambda: subprocess.run(args, capture_output=True, check=False))


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    document = Path(argv[0]) if argv else DEFAULT_DOCUMENT
    if not document.is_file():
        print(f"bench: {document}: no such file (pass a document)", file=sys.stderr)
        return 2
    from .document import Document
    from .blocks import parse_blocks
    from .engine import Linter, Overrides
    from .plugins import load_registry
    from .reading import decode
    from .structure import get_structure

    qalint = [sys.executable, "-m", "qalint"]
    data = document.read_bytes()
    size_mb = len(data) / 1e6
    print(f"document: {document} ({len(data) / 1024:.0f} KiB)")

    with tempfile.TemporaryDirectory() as folder:
        empty = Path(folder) / "empty.md"
        empty.write_text("")
        print(f"qalint --version:              {command_time(qalint + ['--version']) * 1000:7.1f} ms wall")
        print(f"qalint check (empty file):     {command_time(qalint + ['check', '--isolated', str(empty)]) * 1000:7.1f} ms wall")
        print(f"qalint check (this document):  {command_time(qalint + ['check', '--isolated', str(document)]) * 1000:7.1f} ms wall")

    registry = load_registry()
    linter = Linter(registry, Overrides(isolated=True))
    text = decode(str(document), data).text
    probe = linter.check(Document(str(document), text), document)
    profile = registry.profiles[probe.profile]

    def parse() -> None:
        doc = Document(str(document), text)
        parse_blocks(doc)
        get_structure(doc, profile)

    parse_s = best_of(20, parse)
    print(f"structure parsing ({profile.name}): {parse_s * 1000:7.1f} ms  ({size_mb / parse_s:.1f} MB/s)")

    structure_rules = Linter(
        registry, Overrides(isolated=True, select=["numbering", "reference", "missing-answer"])
    )
    check_s = best_of(20, lambda: structure_rules.check(Document(str(document), text), document))
    print(f"engine + structure rules:      {check_s * 1000:7.1f} ms  ({size_mb / check_s:.1f} MB/s)")
    all_s = best_of(10, lambda: linter.check(Document(str(document), text), document))
    print(f"engine + all rules:            {all_s * 1000:7.1f} ms  ({size_mb / all_s:.1f} MB/s)")
    no_spelling = Linter(registry, Overrides(isolated=True, ignore=["spelling"]))
    without_s = best_of(10, lambda: no_spelling.check(Document(str(document), text), document))
    print(f"spelling adds (warm, in-process): {(all_s - without_s) * 1000:7.1f} ms")
    spelling_only = [sys.executable, "-m", "qalint", "check", "--isolated", "--select", "spelling", str(document)]
    nothing = [sys.executable, "-m", "qalint", "check", "--isolated", "--select", "QA001", str(document)]
    base = command_time(nothing, runs=3)
    warm = command_time(spelling_only, runs=3)
    with tempfile.TemporaryDirectory() as cache:
        environment = {**os.environ, "QALINT_CACHE_DIR": cache}
        cold = best_of(1, lambda: subprocess.run(spelling_only, capture_output=True, env=environment))
        for learnt in Path(cache).glob("words-*"):
            learnt.unlink()  # keep the compiled word lists, forget what was learnt
        compiled = best_of(1, lambda: subprocess.run(spelling_only, capture_output=True, env=environment))
    print(f"spelling adds (new process):   {(warm - base) * 1000:7.1f} ms with the disk cache, "
          f"{(compiled - base) * 1000:.1f} ms cold with compiled dictionaries, "
          f"{(cold - base) * 1000:.1f} ms with nothing cached")
    prose = sum(len(word) * n for word, n in _prose(text, registry, linter, document).counts().items()) / 1e6
    print(f"spelling throughput:           {prose / max(all_s - without_s, 1e-9):.1f} MB/s of prose (warm)")

    with tempfile.TemporaryDirectory() as folder:
        copies = 40
        for index in range(copies):
            (Path(folder) / f"copy{index:02}.md").write_bytes(data)
        for jobs in (1, os.cpu_count() or 1):
            seconds = command_time(qalint + ["check", "--isolated", "--quiet", "--jobs", str(jobs), folder], runs=3)
            print(f"{copies} copies, --jobs {jobs}:         {seconds * 1000:7.1f} ms wall ({copies * size_mb / seconds:.1f} MB/s)")

    hunspell = shutil.which("hunspell")
    if hunspell:
        seconds = command_time([hunspell, "-d", "nl_NL", "-l", str(document)], runs=3)
        print(f"hunspell -d nl_NL -l (for comparison): {seconds * 1000:7.1f} ms wall; "
              f"qalint's spelling in a new process takes {(warm - base) / seconds:.2f}x that")
    else:
        print("hunspell -l: not installed, no side-by-side figure")
    return 0


def _prose(text, registry, linter, document):
    from .document import Document
    from .structure import get_structure
    from .tokens import prose

    doc = Document(str(document), text)
    profile = registry.profiles[linter.check(doc, document).profile]
    return prose(doc, get_structure(doc, profile))


if __name__ == "__main__":
    raise SystemExit(main())
