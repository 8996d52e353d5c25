"""Benchmark: process start to the first question on screen, against a trivial Textual app.

Run by hand: ``python tests/benchmarks/bench_startup.py``. Both run headless in a fresh
process and exit after their first frame; the target is a ratio of at most 2. kzlearn starts
as the command line does (packs through kzlearn.cache): "cold" with an empty cache every
run (a first start after installing or editing a pack), "warm" with the cache filled.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = 15

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
from kzlearn.quiz.session import QuizOptions
from kzlearn.tui.app import KzlearnApp
from kzlearn.tui.screens import QuizScreen

class FirstQuestion(KzlearnApp):
    def on_mount(self):  # Textual runs KzlearnApp.on_mount too: handlers run per class
        self.set_interval(0.002, self.check)

    def check(self):
        screen = self.screen
        if isinstance(screen, QuizScreen) and screen.question is not None:
            self.call_after_refresh(self.exit)

import os
from kzlearn.store.sqlite import Store

items = {}
packs = resolve_packs(["kz-independence", "morocco-kazakhstan"], items=items)
with Store(os.environ["KZLEARN_DB"]) as store:  # as `kzlearn quiz --db FILE` does

    def reviewer():
        from kzlearn.review.srs import Reviewer

        return Reviewer(store)

    FirstQuestion(packs, options=QuizOptions(seed=1), start_quiz=True, items=items,
                  reviewer=reviewer).run(headless=True)
"""


def run_ms(code: str, env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, env=env)
    return (time.perf_counter() - started) * 1000


def main() -> None:
    """Runs alternate (trivial, cold, warm) so that a noisy machine favours none of them."""
    with tempfile.TemporaryDirectory() as tmp:
        cache = Path(tmp) / "cache"
        env = {**os.environ, "KZLEARN_CACHE": str(cache), "KZLEARN_DB": str(Path(tmp) / "p.db")}
        trivial, cold, warm = [], [], []
        for _ in range(RUNS):
            trivial.append(run_ms(TRIVIAL, env))
            shutil.rmtree(cache, ignore_errors=True)
            cold.append(run_ms(KZLEARN, env))
            warm.append(run_ms(KZLEARN, env))
    median = statistics.median
    cold_ratio = median(c / t for c, t in zip(cold, trivial, strict=True))
    warm_ratio = median(w / t for w, t in zip(warm, trivial, strict=True))
    print(f"trivial Textual app, first frame    : {median(trivial):5.0f} ms (median of {RUNS})")
    print(f"kzlearn first question, cold cache  : {median(cold):5.0f} ms, {cold_ratio:.2f}x")
    print(
        f"kzlearn first question, warm cache  : {median(warm):5.0f} ms, {warm_ratio:.2f}x"
        " (target <= 2x; ratios: median of paired runs)"
    )


if __name__ == "__main__":
    main()
