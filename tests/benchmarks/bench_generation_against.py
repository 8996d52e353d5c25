"""Benchmark: generation time per fact, this checkout against another (an older commit).

Run by hand: ``python tests/benchmarks/bench_generation_against.py OTHER_CHECKOUT [FACTS]``,
where OTHER_CHECKOUT is a directory holding another version of kzlearn (for example
``git worktree add /tmp/old COMMIT``). Each side generates every item of the same pack
(bench_questions.make_pack, FACTS facts, 5,000 by default) in a fresh process, timed in CPU
seconds; the sides alternate three times and the figure is the ratio of their medians, so a
busy machine favours neither.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent

CODE = r"""
import sys, time
sys.path.insert(0, {bench!r})
from bench_questions import make_pack
from kzlearn.models.validation import validate_pack
from kzlearn.models import Pack
try:
    from kzlearn.questions.generate import generate_items
except ImportError:  # the layout before the questions/ package
    from kzlearn.generate import generate_items
pack = validate_pack(make_pack({facts}))
started = time.process_time()
items = generate_items(pack, seed=1)
print(time.process_time() - started, len(items))
"""


def run(checkout: Path, facts: int) -> tuple[float, int]:
    # Each side builds the pack with its own copy of bench_questions (its imports follow
    # that side's layout); make_pack is the same function in both.
    code = CODE.format(bench=str(checkout / "tests" / "benchmarks"), facts=facts)
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=checkout,
        env={"PYTHONPATH": str(checkout), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=True,
    )
    seconds, items = done.stdout.split()
    return float(seconds), int(items)


def main() -> None:
    other = Path(sys.argv[1]).resolve()
    facts = int(sys.argv[2]) if len(sys.argv) > 2 else 5000
    mine: list[float] = []
    theirs: list[float] = []
    for _ in range(3):
        seconds, theirs_items = run(other, facts)
        theirs.append(seconds)
        seconds, my_items = run(ROOT, facts)
        mine.append(seconds)
    per_fact = [statistics.median(s) / facts * 1e6 for s in (theirs, mine)]
    print(f"other: {per_fact[0]:.0f} µs per fact ({theirs_items} items)")
    print(f"this:  {per_fact[1]:.0f} µs per fact ({my_items} items)")
    print(f"ratio: {per_fact[1] / per_fact[0]:.2f}x")


if __name__ == "__main__":
    main()
