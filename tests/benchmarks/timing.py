"""Timing shared by the benchmarks (run by hand, never by the test suite)."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def median_seconds(action: Callable[[], object], runs: int = 5) -> float:
    """The median wall time of ``action`` over ``runs`` runs."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)
