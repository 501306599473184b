"""Checking on a Dask cluster (`pip install 'qalint[dask]'`).

`qalint check --dask-scheduler ADDRESS PATHS` reads the files here and sends
their text, with the configuration that applies to each (and the words of
its `.qalint-words.txt`), in batches to the cluster: workers need qalint
installed, not the files. A worker process keeps its rules and opened
dictionaries between batches (they are loaded once per process). Results
come back batch by batch and are reported in the order of a local run. A
batch whose worker dies is run again by Dask (up to its
`distributed.scheduler.allowed-failures`); one that keeps killing workers
is reported as an error for each of its documents, never dropped.

`check_bag` does the same for a `dask.bag` of texts from Python.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from ..engine.config import Config, ConfigError
from ..engine.linter import FileResult, Linter, Overrides
from ..source.reading import ReadError, decode, read_file

if TYPE_CHECKING:
    import dask.bag

    from .runner import Target

# A batch closes at this much text or this many documents: enough work to
# outweigh a round trip to the scheduler, small enough to spread.
BATCH_CHARACTERS = 1_000_000
BATCH_DOCUMENTS = 64
# Batches in flight per worker thread: the cluster never idles, and the
# client never holds the text of a whole archive at once.
IN_FLIGHT_PER_THREAD = 2
CONNECT_TIMEOUT = 30  # seconds


class Job(NamedTuple):
    """One document as a worker receives it."""

    path: str  # as findings name it
    location: Path  # where it lives, resolved here (for `per-file-ignores`): workers have other folders
    text: str
    encoding: str
    has_bom: bool
    config: Config  # resolved here, with the project's words in `words`


class ClusterUnavailable(Exception):
    """Dask is not installed or the scheduler cannot be reached (one line)."""


def check_batch(jobs: list[Job], overrides: Overrides) -> list[FileResult]:
    """Run on a worker: the results of a batch, in its order."""
    from ..api import registry
    from ..source.document import Document

    linters: dict[int, Linter] = {}  # documents of one configuration share an engine
    results = []
    for job in jobs:
        linter = linters.get(id(job.config))
        if linter is None:
            linter = linters[id(job.config)] = Linter(registry(), overrides, config=job.config, word_lists=False)
        doc = Document(job.path, job.text, job.encoding, job.has_bom)
        try:
            results.append(linter.check(doc, job.location))
        except RecursionError:
            results.append(FileResult(job.path, errors=[f"{job.path}: document too deeply nested, skipped"]))
    for linter in linters.values():
        linter.save_learnt()  # the batch is done: keep what its spellers learnt
    return results


def run_on_cluster(address: str, targets: list[Target], linter: Linter) -> list[FileResult]:
    """The results of `targets` checked on the cluster at `address`, in order."""
    client = connect(address)
    try:
        return list(stream(client, targets, linter))
    finally:
        client.close()


def connect(address: str) -> Any:
    try:
        from distributed import Client
    except ImportError:
        raise ClusterUnavailable("--dask-scheduler needs Dask: pip install 'qalint[dask]'") from None
    try:
        return Client(address, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError, ValueError) as error:
        raise ClusterUnavailable(f"--dask-scheduler {address}: cannot connect: {error}") from None


def stream(client: Any, targets: list[Target], linter: Linter) -> Iterator[FileResult]:
    """Results in the order of `targets`, as their batches come back."""
    from distributed import as_completed

    window = max(1, IN_FLIGHT_PER_THREAD * sum(client.nthreads().values()))
    batches = _batches(targets, linter)
    pending: dict[Any, int] = {}
    done: dict[int, list[FileResult]] = {}
    local: dict[int, list[FileResult]] = {}  # files that failed before leaving (unreadable, bad configuration)
    paths: dict[int, list[str]] = {}  # of each batch in flight
    running = as_completed()
    next_out = 0
    exhausted = False
    while True:
        while not exhausted and len(pending) < window:
            item = next(batches, None)
            if item is None:
                exhausted = True
                break
            number, jobs, failed = item
            local[number] = failed
            if jobs:
                future = client.submit(check_batch, jobs, linter.overrides, pure=False)
                pending[future] = number
                paths[number] = [job.path for job in jobs]
                running.add(future)
            else:
                done[number] = []
        while next_out in done:
            yield from _merge(local.pop(next_out), done.pop(next_out))
            next_out += 1
        if not pending:
            if exhausted:
                return
            continue
        future = next(running)
        number = pending.pop(future)
        done[number] = _outcome(future, paths.pop(number))


def _outcome(future: Any, paths: list[str]) -> list[FileResult]:
    try:
        return future.result()
    except Exception as error:  # KilledWorker after the retries, or a failure of qalint on the worker
        reason = f"{type(error).__name__}: {' '.join(str(error).split())[:200]}"
        return [FileResult(path, errors=[f"{path}: not checked on the cluster ({reason})"]) for path in paths]


def _merge(failed: list[tuple[int, FileResult]], checked: list[FileResult]) -> Iterator[FileResult]:
    """A batch's results with those of its files that never left, in order."""
    checked_iter = iter(checked)
    position = 0
    for index, result in failed:
        while position < index:
            yield next(checked_iter)
            position += 1
        yield result
        position += 1
    yield from checked_iter


def _batches(targets: list[Target], linter: Linter) -> Iterator[tuple[int, list[Job], list[tuple[int, FileResult]]]]:
    """(number, jobs, files that failed here with their place in the batch)."""
    number = 0
    jobs: list[Job] = []
    failed: list[tuple[int, FileResult]] = []
    characters = 0
    configs: dict[tuple[int, Path | None], Config] = {}
    for target in targets:
        try:
            job = _job(target, linter, configs)
        except (ReadError, ConfigError) as error:
            failed.append((len(jobs) + len(failed), FileResult(target.display, errors=[str(error)])))
            continue
        jobs.append(job)
        characters += len(job.text)
        if characters >= BATCH_CHARACTERS or len(jobs) >= BATCH_DOCUMENTS:
            yield number, jobs, failed
            number, jobs, failed, characters = number + 1, [], [], 0
    if jobs or failed:
        yield number, jobs, failed


def _job(target: Target, linter: Linter, configs: dict[tuple[int, Path | None], Config]) -> Job:
    config = linter.config_for(target.path)
    if target.stdin:
        import sys

        data = target.data if target.data is not None else sys.stdin.buffer.read()
    else:
        data = read_file(target.path, target.display, config.max_file_size)
    doc = decode(target.display, data, config.encoding)
    words_file = linter.words_file_for(target.path)
    key = (id(config), words_file)
    if key not in configs:  # one object per configuration: a batch pickles it once
        configs[key] = config if words_file is None else dataclasses.replace(
            config, words=[*config.words, *_read_words(words_file)]
        )
    return Job(doc.path, target.path.resolve(), doc.text, doc.encoding, doc.has_bom, configs[key])


def _read_words(path: Path) -> list[str]:
    from ..spelling.spellers import read_word_file

    return sorted(read_word_file(str(path)))


def check_bag(bag: dask.bag.Bag, config: Config | None = None) -> dask.bag.Bag:
    """A bag of `qalint.Findings`, one for each document of `bag`: texts, or
    (path, text) pairs (a text alone is named `report.md`). Computed where
    the bag is, with `config` (default: the defaults) for every document."""
    return bag.map(_check_item, config=config)


def _check_item(item: str | tuple[str, str], config: Config | None) -> Any:
    from ..api import check_text

    path, text = ("report.md", item) if isinstance(item, str) else item
    return check_text(text, path, config)

