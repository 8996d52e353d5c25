"""Benchmark: process start to the first question on screen, against a trivial Textual app.

Run by hand: ``python tests/benchmarks/bench_startup.py [--runs N]``. Both run headless in a
fresh process and exit after their first frame; the targets are ratios of at most 1.6 with a
warm cache and 2 with a cold one. kzlearn runs as the user runs it, ``python -m kzlearn quiz
PACK... --seed 1 --db FILE``, drawn by first_question_driver (through Textual's
TEXTUAL_DRIVER), which ends it after the refresh that follows the first question. "Cold"
empties the pack cache before the run (a first start after installing or editing a pack),
"warm" finds it filled.

The time is taken at the first frame: each app writes the time of the refresh that follows
its first screen (the trivial app's "hello", kzlearn's first question) to stderr, and the
time to the process's exit, which also counts tearing down, is shown for comparison. So is
the processor time each used until its first frame: on a busy machine it varies less than
the wall time (though it leaves out the child that fills a cold cache).

Both run in an empty folder (``-m`` puts the current folder first on the path: PYTHONPATH
then says which kzlearn runs), from compiled bytecode, as an installed package does: a first
untimed run of each writes it to a temporary PYTHONPYCACHEPREFIX (PYTHONDONTWRITEBYTECODE is
dropped, else kzlearn alone would be compiled from source on every run). Each round runs
the three in a rotating order, so that a noisy machine favours none of them; the ratios are
medians of the rounds' ratios, with their spread.

``--baseline DIR`` also runs the kzlearn of another checkout (``git worktree add DIR REV``)
in the same rounds, with its own cache: a change is judged against its parent on the same
machine at the same moment (a stage timed alone, or a benchmark run an hour apart, misleads
by more than most changes gain).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

RUNS = 15
PACKS = ["kz-independence", "morocco-kazakhstan"]

TRIVIAL = """
import sys, time
from textual.app import App
from textual.widgets import Static

class Trivial(App[None]):
    def compose(self):
        yield Static("hello")

    def on_mount(self):
        self.call_after_refresh(self.first_frame)

    def first_frame(self):
        print(f"first frame at {time.monotonic()} cpu {time.process_time()}", file=sys.stderr)
        self.exit()

Trivial().run(headless=True)
"""


def run_ms(command: list[str], env: dict[str, str], cwd: str) -> tuple[float, float, float]:
    """Milliseconds from the start of ``command`` to its first frame and to its exit, and
    the processor time it used until its first frame."""
    started = time.monotonic()
    done = subprocess.run(
        command, check=True, capture_output=True, text=True, env=env, cwd=cwd, timeout=60
    )
    ended = time.monotonic()
    frames = [line for line in done.stderr.splitlines() if line.startswith("first frame at ")]
    _, _, _, frame, _, cpu = frames[-1].split()
    return (float(frame) - started) * 1000, (ended - started) * 1000, float(cpu) * 1000


def spread(values: list[float]) -> str:
    low, high = min(values), max(values)
    quartiles = statistics.quantiles(values, n=4) if len(values) > 1 else [low, low, low]
    return f"quartiles {quartiles[0]:.2f}-{quartiles[2]:.2f}, range {low:.2f}-{high:.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=RUNS, help=f"rounds ({RUNS})")
    parser.add_argument("--baseline", type=Path, help="another checkout, run in the same rounds")
    arguments = parser.parse_args()
    runs = arguments.runs
    here = Path(__file__).resolve().parent
    with tempfile.TemporaryDirectory() as tmp:
        cache = Path(tmp) / "cache"
        env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
        path = [str(here), *filter(None, [env.get("PYTHONPATH")])]
        env.update(
            KZLEARN_CACHE=str(cache),
            KZLEARN_RTL="app",
            PYTHONPATH=os.pathsep.join(path),
            PYTHONPYCACHEPREFIX=str(Path(tmp) / "bytecode"),
            TEXTUAL_DRIVER="first_question_driver:FirstQuestionDriver",
        )
        db = str(Path(tmp) / "progress.sqlite3")
        kzlearn = [sys.executable, "-m", "kzlearn", "quiz", *PACKS, "--seed", "1", "--db", db]
        trivial_command = [sys.executable, "-c", TRIVIAL]

        def cold(env: dict[str, str]) -> tuple[float, float, float]:
            shutil.rmtree(env["KZLEARN_CACHE"], ignore_errors=True)
            return run_ms(kzlearn, env, tmp)

        kinds: dict[str, Callable[[], tuple[float, float, float]]] = {
            "trivial": lambda: run_ms(trivial_command, env, tmp),
            "cold": lambda: cold(env),
            "warm": lambda: run_ms(kzlearn, env, tmp),
        }
        if arguments.baseline is not None:
            base = arguments.baseline.resolve()
            other = dict(env, KZLEARN_CACHE=str(Path(tmp) / "baseline-cache"))
            other["PYTHONPATH"] = os.pathsep.join([str(base / "tests" / "benchmarks"), str(base)])
            kinds["cold, baseline"] = lambda: cold(other)
            kinds["warm, baseline"] = lambda: run_ms(kzlearn, other, tmp)
        for run in kinds.values():  # bytecode and a filled cache; not timed
            run()
        times: dict[str, list[tuple[float, float, float]]] = {kind: [] for kind in kinds}
        order = list(kinds)
        for round_ in range(runs):
            turn = round_ % len(order)
            for kind in order[turn:] + order[:turn]:
                times[kind].append(kinds[kind]())
    median = statistics.median
    measures = ("first frame", "exit (for comparison)", "first frame, processor time")
    for index, what in enumerate(measures):
        trivial = [t[index] for t in times["trivial"]]
        print(f"until {what}, median of {runs} rounds:")
        print(f"  trivial Textual app           : {median(trivial):5.0f} ms")
        for kind in [k for k in times if k != "trivial"]:
            target = 2.0 if kind.startswith("cold") else 1.6
            mine = [t[index] for t in times[kind]]
            ratios = [k / t for k, t in zip(mine, trivial, strict=True)]
            print(
                f"  kzlearn's first question, {kind}: {median(mine):5.0f} ms, "
                f"{median(ratios):.2f}x (target <= {target}x; {spread(ratios)})"
            )


if __name__ == "__main__":
    main()
