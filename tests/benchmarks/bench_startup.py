"""Benchmark: process start to the first question on screen, against a trivial Textual app.

Run by hand: ``python tests/benchmarks/bench_startup.py``. Both run headless in a fresh
process and exit after their first frame; the target is a ratio of at most 2.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

RUNS = 9

TRIVIAL = """
from textual.app import App
from textual.widgets import Static

class Trivial(App[None]):
    def compose(self):
        yield Static("hello")

    def on_mount(self):
        self.call_after_refresh(self.exit)

Trivial().run(headless=True)
"""

KZLEARN = """
from kzlearn.cli import resolve_packs
from kzlearn.session import QuizOptions
from kzlearn.tui.app import KzlearnApp
from kzlearn.tui.screens import QuizScreen

class FirstQuestion(KzlearnApp):
    def on_mount(self):  # Textual runs KzlearnApp.on_mount too: handlers run per class
        self.set_interval(0.002, self.check)

    def check(self):
        screen = self.screen
        if isinstance(screen, QuizScreen) and screen.question is not None:
            self.call_after_refresh(self.exit)

FirstQuestion(resolve_packs(["kz-independence", "morocco-kazakhstan"]),
              options=QuizOptions(seed=1), start_quiz=True).run(headless=True)
"""


def median_ms(code: str) -> float:
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def main() -> None:
    trivial = median_ms(TRIVIAL)
    ours = median_ms(KZLEARN)
    print(f"trivial Textual app, first frame   : {trivial:7.0f} ms (median of {RUNS})")
    print(f"kzlearn quiz, first question shown : {ours:7.0f} ms (median of {RUNS})")
    print(f"ratio                              : {ours / trivial:7.2f}x (target <= 2x)")


if __name__ == "__main__":
    main()
