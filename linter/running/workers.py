"""Checking documents in worker processes, each within a time budget.

A document whose check takes longer than its budget is stopped by killing
the worker process that checks it, which stops anything: a loop in Python,
a catastrophic pattern of `re` or `regex` in a plugin rule, C code that
never looks at signals, a rule that catches every exception. Through shared
memory the worker tells its parent what it is doing (which rule is running),
so that the error can name it, and when it is doing one-time set-up
(compiling the dictionaries) that no document's budget should pay for. A
worker that dies is replaced; the other documents are still checked.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import multiprocessing.connection
import os
import signal
import time
from contextlib import contextmanager
from typing import Any, Callable, Iterator, Sequence, TypeVar

Item = TypeVar("Item")
Value = TypeVar("Value")

_PHASE_BYTES = 96
_PR_SET_PDEATHSIG = 1  # prctl option, from <linux/prctl.h>
# Waiting on the pipes wakes up at least this often to look at the clocks.
_POLL_SECONDS = 0.5
# An idle worker has this long to end its batch (save what it learnt) before it is stopped.
_FINISH_SECONDS = 5.0


class _Shared:
    """What a worker shares with its parent: the phase, and paused time."""

    def __init__(self) -> None:
        self.phase = multiprocessing.RawArray(ctypes.c_char, _PHASE_BYTES)
        self.paused_since = multiprocessing.RawValue(ctypes.c_double, 0.0)
        self.paused_total = multiprocessing.RawValue(ctypes.c_double, 0.0)


_shared: _Shared | None = None  # set in a worker process
# This process's ends of its workers' pipes: a new worker closes its copies,
# so that each worker sees its pipe close when this process ends.
_parent_ends: set[Any] = set()


def announce(phase: str) -> None:
    """Say what the current document's check is doing, e.g. "in rule QA301
    (broken-reference)": a stopped check is reported with the last phase."""
    if _shared is not None:
        _shared.phase.value = phase.encode("utf-8")[: _PHASE_BYTES - 1]


@contextmanager
def untimed() -> Iterator[None]:
    """Time spent inside does not count against the document's budget."""
    shared = _shared
    if shared is None or shared.paused_since.value:  # not a worker, or already paused
        yield
        return
    shared.paused_since.value = time.monotonic()
    try:
        yield
    finally:
        shared.paused_total.value += time.monotonic() - shared.paused_since.value
        shared.paused_since.value = 0.0


def _end_with_parent(parent: int) -> None:
    """Have the kernel stop this worker when its parent ends, even killed
    (Linux: a worker stuck in a pattern would never see its pipe close)."""
    try:
        ctypes.CDLL(None).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux
        pass
    if os.getppid() != parent:  # the parent ended before that took effect
        os._exit(1)


def _serve(connection: Any, shared: _Shared, job: Callable[[Any], Any], finish: Callable[[], None]) -> None:
    global _shared
    _shared = shared
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    while True:
        try:
            message = connection.recv()
        except (EOFError, OSError):
            return
        if message is None:  # the batch is done
            finish()
            return
        index, item = message
        try:
            connection.send((index, job(item), None))
        except BaseException as error:  # a result that cannot be sent, or a bug in the job
            connection.send((index, None, f"{type(error).__name__}: {error}"))


class _Worker:
    """A forked process that checks one item at a time (forked by hand, not
    with multiprocessing.Process, which would close this process's stdin)."""

    def __init__(self, job: Callable[[Any], Any], finish: Callable[[], None]) -> None:
        self.shared = _Shared()
        self.connection, child = multiprocessing.Pipe()
        parent = os.getpid()
        self.pid = os.fork()
        if self.pid == 0:  # the worker: serve, then leave without running the parent's exit handlers
            status = 1
            try:
                _end_with_parent(parent)
                for end in _parent_ends | {self.connection}:
                    end.close()
                _serve(child, self.shared, job, finish)
                status = 0
            finally:
                os._exit(status)
        child.close()
        _parent_ends.add(self.connection)
        self.exit_status: int | None = None
        self.index = -1
        self.started = 0.0
        self.budget = 0.0

    def give(self, index: int, item: Any, budget: float) -> None:
        self.shared.phase.value = b""
        self.shared.paused_total.value = 0.0
        self.index, self.budget, self.started = index, budget, time.monotonic()
        self.connection.send((index, item))

    def remaining(self, now: float) -> float:
        paused = self.shared.paused_total.value
        if self.shared.paused_since.value:
            paused += now - self.shared.paused_since.value
        return self.budget - (now - self.started - paused)

    @property
    def phase(self) -> str:
        return self.shared.phase.value.decode("utf-8", errors="replace")

    def finish(self) -> None:
        """Let an idle worker end its batch (`finish` runs in it) within a
        few seconds, then stop it."""
        try:
            self.connection.send(None)
            self.connection.poll(_FINISH_SECONDS)  # readable once the worker's end closes: it has left
        except OSError:
            pass
        self.stop()

    def stop(self) -> None:
        try:
            os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.exit_status = os.waitstatus_to_exitcode(os.waitpid(self.pid, 0)[1])
        _parent_ends.discard(self.connection)
        self.connection.close()


def run_all(
    items: Sequence[Item],
    job: Callable[[Item], Value],
    jobs: int,
    budgets: Sequence[float],
    failed: Callable[[Item, str], Value],
    progress: Callable[[], None] = lambda: None,
    finish: Callable[[], None] = lambda: None,
) -> list[Value]:
    """`job(item)` for every item, in up to `jobs` worker processes (forked
    now: they share what this process loaded). An item whose job takes
    longer than its budget in seconds, or whose worker dies, gives
    `failed(item, why)` instead. `progress()` follows each item's end;
    `finish()` runs in each worker when all items are done."""
    if not items:
        return []
    if not hasattr(os, "fork"):  # no cheap workers (Windows): checked in this process, without a budget
        return [_then(job(item), progress) for item in items]
    pool = _Pool(items, job, budgets, failed, progress, finish)
    try:
        pool.start(max(1, min(jobs, len(items))))
        while pool.pending or pool.busy:
            pool.hand_out()
            pool.collect()
            pool.stop_overdue()
        pool.finish_idle()
    finally:
        pool.stop_all()
    return pool.results


class _Pool:
    """The workers of one `run_all`, the items waiting and the results."""

    def __init__(self, items: Sequence[Any], job: Callable[[Any], Any], budgets: Sequence[float],
                 failed: Callable[[Any, str], Any], progress: Callable[[], None], finish: Callable[[], None]) -> None:
        self.items, self.job, self.budgets, self.failed, self.progress = items, job, budgets, failed, progress
        self.finish = finish
        self.results: list[Any] = [None] * len(items)
        self.pending = list(range(len(items)))[::-1]
        self.idle: list[_Worker] = []
        self.busy: dict[Any, _Worker] = {}

    def start(self, count: int) -> None:
        self.idle = [_Worker(self.job, self.finish) for _ in range(count)]

    def hand_out(self) -> None:
        while self.pending and self.idle:
            worker, index = self.idle.pop(), self.pending.pop()
            worker.give(index, self.items[index], self.budgets[index])
            self.busy[worker.connection] = worker

    def collect(self) -> None:
        """Wait for results, at most until the first budget runs out."""
        now = time.monotonic()
        wait = min(_POLL_SECONDS, max(0.0, min(w.remaining(now) for w in self.busy.values())))
        for connection in multiprocessing.connection.wait(list(self.busy), timeout=wait):
            worker = self.busy.pop(connection)
            try:
                index, value, error = connection.recv()
            except (EOFError, OSError):  # the worker died: a crash in C code, os._exit in a rule
                self.retire(worker, _ended)
                continue
            self.results[index] = value if error is None else self.failed(self.items[index], f"internal error: {error}")
            self.progress()
            self.idle.append(worker)

    def stop_overdue(self) -> None:
        now = time.monotonic()
        for connection, worker in list(self.busy.items()):
            if worker.remaining(now) <= 0:
                del self.busy[connection]
                self.retire(worker, _overdue)

    def retire(self, worker: _Worker, why: Callable[[_Worker], str]) -> None:
        """Stop a worker that died or ran out of time; its item failed, and a
        new worker takes its place while items wait. `why(worker)` is read
        once it is stopped (its exit status is known)."""
        phase = worker.phase  # read before the worker is stopped
        worker.stop()
        self.results[worker.index] = self.failed(self.items[worker.index], f"{why(worker)} {phase}".rstrip())
        self.progress()
        if self.pending:
            self.idle.append(_Worker(self.job, self.finish))

    def finish_idle(self) -> None:
        """All items done: each worker ends its batch (`finish` runs in it)."""
        while self.idle:
            self.idle.pop().finish()

    def stop_all(self) -> None:
        for worker in self.idle + list(self.busy.values()):
            worker.stop()


def _overdue(worker: _Worker) -> str:
    return f"not checked within {worker.budget:g} s (the `timeout` setting)"


def _ended(worker: _Worker) -> str:
    return f"the checking process ended (exit status {worker.exit_status})"


class KeptWorker:
    """One worker process kept from item to item, for a caller that has one
    item at a time (the language server): what the worker loads and learns
    stays warm, and each item is still stopped when it runs out of budget.
    A worker that ran out of time or died is replaced at the next item."""

    def __init__(self, job: Callable[[Any], Any], finish: Callable[[], None] = lambda: None) -> None:
        self.job, self._finish = job, finish
        self._worker: _Worker | None = None

    def run(self, item: Item, budget: float, failed: Callable[[str], Value]) -> Value:
        """`job(item)` in the worker, or `failed(why)` when it takes longer
        than `budget` seconds or fails."""
        if not hasattr(os, "fork"):  # no cheap workers (Windows): in this process, without a budget
            return self.job(item)
        if self._worker is None:
            self._worker = _Worker(self.job, self._finish)
        worker = self._worker
        worker.give(0, item, budget)
        while (remaining := worker.remaining(time.monotonic())) > 0:
            if not worker.connection.poll(min(_POLL_SECONDS, remaining)):
                continue
            try:
                _, value, error = worker.connection.recv()
            except (EOFError, OSError):  # the worker died
                return failed(self._stopped(_ended))
            return value if error is None else failed(f"internal error: {error}")
        return failed(self._stopped(_overdue))

    def _stopped(self, why: Callable[[_Worker], str]) -> str:
        worker, self._worker = self._worker, None
        phase = worker.phase  # read before the worker is stopped
        worker.stop()
        return f"{why(worker)} {phase}".rstrip()

    def close(self) -> None:
        """End the worker (`finish` runs in it first); the next item starts a new one."""
        if self._worker is not None:
            worker, self._worker = self._worker, None
            worker.finish()


def _then(value: Value, progress: Callable[[], None]) -> Value:
    progress()
    return value
