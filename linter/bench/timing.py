"""Shortest wall times, of a call or of a command."""

from __future__ import annotations

import subprocess
import time

from .growth import best_time


def best_of(runs: int, action) -> float:
    """Shortest wall time of `runs` calls, in seconds."""
    return best_time(action, runs, time.perf_counter)


def command_time(args: list[str], runs: int = 7) -> float:
    return best_of(runs, lambda: subprocess.run(args, capture_output=True, check=False))
