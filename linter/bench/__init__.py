"""Benchmark: prints start-up, parsing and checking figures.

    python -m qalint.bench [DOCUMENT]
    python -m qalint.bench --server [DOCUMENT]   (only the language server's re-check)
    python -m qalint.bench --growth     only the adversarial growth tables

DOCUMENT defaults to the real example in examples/. Figures are the best of
several runs (wall clock; processor time for the growth tables) on this
machine; nothing is asserted here (the tests hold the growth to linear).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .spelling_costs import hunspell_comparison, new_prose_seconds, prose_bytes, spelling_in_new_processes, time_spelling
from .timing import best_of, command_time

DEFAULT_DOCUMENT = Path("examples/verslag-schriftelijk-overleg-2020.md")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--time-spelling"]:
        print(time_spelling(Path(argv[1])))
        return 0
    if argv[:1] == ["--growth"]:
        _growth_tables()
        return 0
    server_only = argv[:1] == ["--server"]
    argv = argv[1:] if server_only else argv
    document = Path(argv[0]) if argv else DEFAULT_DOCUMENT
    if not document.is_file():
        print(f"bench: {document}: no such file (pass a document)", file=sys.stderr)
        return 2
    if server_only:
        _server_recheck(document, document.read_text(encoding="utf-8"))
        return 0
    qalint = [sys.executable, "-m", "qalint"]
    data = document.read_bytes()
    print(f"document: {document} ({len(data) / 1024:.0f} KiB)")
    _start_up(qalint, document)
    text = _in_process(document, data)
    _server_recheck(document, text)
    _copies(qalint, data)
    _result_cache(qalint, data)
    _many_files(qalint)
    _memory(document, data)
    _growth_tables()
    return 0


def _start_up(qalint: list[str], document: Path) -> None:
    """The command's start-up, alone and with the document."""
    with tempfile.TemporaryDirectory() as folder:
        empty = Path(folder) / "empty.md"
        empty.write_text("")
        print(f"qalint --version:              {command_time(qalint + ['--version']) * 1000:7.1f} ms wall")
        print(f"qalint check (empty file):     {command_time(qalint + ['check', '--isolated', '--no-cache', str(empty)]) * 1000:7.1f} ms wall")
        print(f"qalint check (this document):  {command_time(qalint + ['check', '--isolated', '--no-cache', str(document)]) * 1000:7.1f} ms wall")


def _in_process(document: Path, data: bytes) -> str:
    """Parsing, the engine with some and all rules, and spelling; returns the text."""
    from ..source.document import Document
    from ..engine.linter import Linter, Overrides
    from ..engine.plugins import load_registry
    from ..source.reading import decode
    from ..analysis.structure import parse_structure

    size_mb = len(data) / 1e6
    registry = load_registry()
    linter = Linter(registry, Overrides(isolated=True))
    text = decode(str(document), data).text
    profile = registry.profiles[linter.check(Document(str(document), text), document).profile]
    parse_s = best_of(20, lambda: parse_structure(Document(str(document), text), profile))
    print(f"structure parsing ({profile.name}): {parse_s * 1000:7.1f} ms  ({size_mb / parse_s:.1f} MB/s)")

    def engine(overrides: Overrides, runs: int) -> float:
        selected = Linter(registry, overrides)
        return best_of(runs, lambda: selected.check(Document(str(document), text), document))

    check_s = engine(Overrides(isolated=True, select=["numbering", "reference", "missing-answer"]), 20)
    print(f"engine + structure rules:      {check_s * 1000:7.1f} ms  ({size_mb / check_s:.1f} MB/s)")
    all_s = engine(Overrides(isolated=True), 10)
    print(f"engine + all rules:            {all_s * 1000:7.1f} ms  ({size_mb / all_s:.1f} MB/s)")
    without_s = engine(Overrides(isolated=True, ignore=["spelling"]), 10)
    print(f"spelling adds (warm, in-process): {(all_s - without_s) * 1000:7.1f} ms")
    spelling_in_new_processes(document)
    prose_mb, words_mb = (size / 1e6 for size in prose_bytes(text, registry, linter, document))
    seconds = min(new_prose_seconds(document) for _ in range(5))
    print(f"spelling of new prose:         {seconds * 1000:7.1f} ms for {prose_mb * 1000:.0f} KB of prose, "
          f"{words_mb * 1000:.0f} KB of it in words ({prose_mb / seconds:.2f} MB/s; a new process, "
          f"no word seen before, dictionaries compiled)")
    hunspell_comparison(document, text, seconds)
    from .suggestions import suggestion_accuracy

    injected, reported, right = suggestion_accuracy(document, text)
    print(f"suggestions (QA401):           first suggestion right for {right} of {reported} injected "
          f"one-letter typos reported ({right / max(reported, 1):.2f}); {reported} of {injected} reported")
    return text


def _copies(qalint: list[str], data: bytes, copies: int = 40) -> None:
    """Copies of the document in one folder, in one process and in one per core."""
    size_mb = len(data) / 1e6
    with tempfile.TemporaryDirectory() as folder:
        for index in range(copies):
            (Path(folder) / f"copy{index:02}.md").write_bytes(data)
        for jobs in (1, os.cpu_count() or 1):
            seconds = command_time(qalint + ["check", "--isolated", "--quiet", "--no-cache", "--jobs", str(jobs), folder], runs=3)
            print(f"{copies} copies, --jobs {jobs}:         {seconds * 1000:7.1f} ms wall ({copies * size_mb / seconds:.1f} MB/s)")


def _result_cache(qalint: list[str], data: bytes, copies: int = 200) -> None:
    """A run over many files, then the same run again with nothing changed."""
    with tempfile.TemporaryDirectory() as folder:
        documents, cache = Path(folder) / "documents", Path(folder) / "results"
        documents.mkdir()
        for index in range(copies):
            (documents / f"copy{index:03}.md").write_bytes(data)
        command = qalint + ["check", "--isolated", "--quiet", "--cache-dir", str(cache), str(documents)]
        first = command_time(command, runs=1)
        again = command_time(command, runs=3)
        print(f"{copies} copies, first run:       {first * 1000:7.1f} ms wall (results cached)")
        print(f"{copies} copies, unchanged again: {again * 1000:7.1f} ms wall ({again / first:.1%} of the first)")


def _growth_tables() -> None:
    """Per adversarial input, the pattern it costs most; per document shape,
    the whole engine; each at a small and a large size. Linear growth is
    about the ratio of the sizes; a backtracking pattern or a rule that
    rescans shows as a far larger ratio."""
    from . import growth

    patterns = growth.profile_patterns() + growth.module_patterns()
    print(f"\nadversarial growth: {len(patterns)} patterns, {growth.SMALL // 1024} KB and {growth.LARGE // 1024} KB "
          f"(linear: about x{growth.LARGE // growth.SMALL}), the slowest pattern on each input")
    print(f"  {'input':26} {'small':>9} {'large':>9} {'ratio':>7}  pattern")
    for shape in growth.SHAPES:
        result, name = max(
            ((growth.pattern_growth(p.pattern, shape), p.name) for p in patterns), key=lambda row: row[0].large
        )
        print(f"  {shape:26} {result.small * 1000:7.2f}ms {result.large * 1000:7.2f}ms {result.ratio:7.1f}  {name}")
    print("documents through every rule, n and 8n units (linear: about x8)")
    for shape, (_, _, units) in growth.DOCUMENT_SHAPES.items():
        result = growth.document_growth(shape)
        print(f"  {shape + f' ({units})':26} {result.small * 1000:7.1f}ms {result.large * 1000:7.1f}ms {result.ratio:7.1f}")


def _many_files(qalint: list[str], count: int = 1000) -> None:
    """Files per second on many small files: one process, all cores, and a
    local Dask cluster of as many worker processes."""
    cores = os.cpu_count() or 1
    small = Path("examples/antwoorden-kamervragen-defecten.md")
    data = small.read_bytes() if small.is_file() else b"Vraag 1\nKlopt het?\n\nAntwoord 1\nJa.\n"
    with tempfile.TemporaryDirectory() as folder:
        for index in range(count):
            (Path(folder) / f"doc{index:04}.md").write_bytes(data)
        check = qalint + ["check", "--isolated", "--quiet", "--no-cache"]
        rates = {}
        for jobs in sorted({1, cores}):
            seconds = command_time(check + ["--jobs", str(jobs), folder], runs=3)
            rates[jobs] = count / seconds
            print(f"{count} small files, --jobs {jobs}:   {seconds * 1000:7.0f} ms wall ({rates[jobs]:.0f} files/s)")
        if cores > 1:
            print(f"--jobs {cores} speed-up:           {rates[cores] / rates[1]:7.2f}x on {cores} cores")
        try:
            from distributed import LocalCluster
        except ImportError:
            print("local Dask cluster:            not measured (pip install 'qalint[dask]')")
            return
        with LocalCluster(n_workers=cores, threads_per_worker=1, processes=True, dashboard_address=None,
                          silence_logs=50) as cluster:
            command = check + ["--dask-scheduler", cluster.scheduler_address, folder]
            subprocess.run(command, capture_output=True)  # the workers load the rules and dictionaries once
            seconds = command_time(command, runs=3)
            print(f"{count} small files, Dask ({cores} workers): {seconds * 1000:7.0f} ms wall ({count / seconds:.0f} files/s)")


def _memory(document: Path, data: bytes) -> None:
    """Peak memory (RSS) of `qalint check` in a new process (the larger of
    the process and the worker it checks in), against the size of its input:
    copies of the document, up to 3 MB."""
    # The process's own high-water mark from /proc (ru_maxrss would carry over that
    # of this benchmark, which forked it), and that of the worker it checks in.
    probe = ("import re, resource, sys\nfrom qalint.cli import main\nmain(sys.argv[1:])\n"
             "own = int(re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read()).group(1))\n"
             "print(max(own, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss), file=sys.stderr)")

    def peak_mb(path: Path) -> float:
        result = subprocess.run([sys.executable, "-c", probe, "check", "--isolated", "--quiet", "--no-cache",
                                 "--timeout", "3600", str(path)],
                                capture_output=True, text=True)
        return int(result.stderr.strip().splitlines()[-1]) / 1024

    with tempfile.TemporaryDirectory() as folder:
        empty = Path(folder) / "empty.md"
        empty.write_text("")
        base = peak_mb(empty)
        print(f"peak RSS, empty file:          {base:7.1f} MB")
        previous = None
        for copies in sorted({1, max(1, round(1e6 / len(data))), max(1, round(3e6 / len(data)))}):
            path = Path(folder) / f"x{copies}.md"
            path.write_bytes(data * copies)
            size, peak = len(data) * copies / 1e6, peak_mb(path)
            growth = f", {(peak - previous[1]) / (size - previous[0]):.1f} MB per MB more" if previous else ""
            print(f"peak RSS, {size:5.2f} MB of input:   {peak:7.1f} MB "
                  f"({(peak - base) / size:.1f} MB per MB over an empty file{growth})")
            previous = (size, peak)


def _server_recheck(document: Path, text: str) -> None:
    """What `qalint server` does after a one-character change, in this process
    with warm dictionaries: apply the change to its copy of the text, check it,
    convert the findings to diagnostics and encode the notification."""
    import json

    from lsprotocol import types
    from pygls.protocol import default_converter

    from ..server.checker import Checker
    from ..server.diagnostics import diagnostics
    from ..server.positions import Positions, apply_change

    uri = document.resolve().as_uri()
    checker = Checker()
    converter = default_converter()
    checker.check(document, text)  # warm: dictionaries loaded, words analysed
    # A space near the middle of the text: the keystroke lands in prose.
    middle = text.find(" ", len(text) // 2)
    line = text.count("\n", 0, middle)
    column = middle - (text.rfind("\n", 0, middle) + 1)
    at = types.Range(start=types.Position(line=line, character=column), end=types.Position(line=line, character=column))
    typed = types.Range(start=at.start, end=types.Position(line=line, character=column + 1))
    keystrokes = iter([types.TextDocumentContentChangePartial(range=at, text="x"),
                       types.TextDocumentContentChangePartial(range=typed, text="")] * 16)
    timings: dict[str, float] = {"check": float("inf"), "all": float("inf"), "cpu": float("inf")}

    current = [text]

    def recheck() -> None:
        started, cpu = time.perf_counter(), time.process_time()
        current[0] = apply_change(current[0], next(keystrokes))  # typed, then deleted: the text stays the report
        checked = checker.check(document, current[0])
        checking = time.perf_counter() - started
        found = diagnostics(checked, Positions(checked.doc), uri)
        json.dumps(converter.unstructure(types.PublishDiagnosticsParams(uri=uri, diagnostics=found)))
        timings["check"] = min(timings["check"], checking)
        timings["all"] = min(timings["all"], time.perf_counter() - started)
        timings["cpu"] = min(timings["cpu"], time.process_time() - cpu)

    best_of(30, recheck)
    # CPU time as well: the server's own share, beside the check in its worker process.
    print(f"server re-check after a one-character change: {timings['all'] * 1000:7.1f} ms wall, "
          f"{timings['cpu'] * 1000:.1f} ms CPU in the server process (change and check {timings['check'] * 1000:.1f} ms, "
          f"diagnostics and JSON {(timings['all'] - timings['check']) * 1000:.1f} ms; warm, checked in the "
          "server's worker process)")
