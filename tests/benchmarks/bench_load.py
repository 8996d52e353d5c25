"""Benchmark: load and validate a 20,000-item pack, against PyYAML's C loader alone.

Run by hand: ``python tests/benchmarks/bench_load.py``. Prints medians and the ratio; the
target is a ratio of at most 1.3. Also times ``kzlearn --help`` and checks what it imports.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from kzlearn.packs import load_pack

ITEMS = 20_000
RUNS = 5


def make_pack(items: int) -> str:
    """A pack with ``items`` items of every type, a fact per ten items."""
    lines = ["id: bench", 'title: {ar: "اختبار", en: "Benchmark"}', "language: ar", "facts:"]
    for f in range(items // 10):
        lines += [
            f"  - id: f{f}",
            "    kind: date",
            f'    about: {{ar: "حدث رقم {f}", en: "event {f}"}}',
            f"    value: {1900 + f % 120}-{1 + f % 12:02d}-{1 + f % 28:02d}",
            f'    evidence: "نص من المصدر رقم {f}"',
        ]
    lines.append("items:")
    for i in range(items):
        kind = i % 6
        lines += [f"  - id: i{i}", f"    fact: f{i // 10}"]
        lines.append(f'    prompt: {{ar: "سؤال {i}؟", en: "Question {i}?"}}')
        if kind == 0:
            lines += ["    type: mcq", f'    choices: ["أ{i}", "ب{i}", "ج{i}", "د{i}"]']
            lines.append(f'    answer: "ب{i}"')
        elif kind == 1:
            lines += ["    type: true_false", "    answer: true"]
        elif kind == 2:
            lines += ["    type: short", f'    answer: "جواب {i}"', '    accept: ["alt"]']
        elif kind == 3:
            lines += ["    type: cloze", f'    text: "في عام {{{{1991}}}} حدث {i}"']
        elif kind == 4:
            lines += ["    type: order", f'    sequence: ["a{i}", "b{i}", "c{i}"]']
        else:
            lines += ["    type: match", "    pairs:"]
            lines += [
                f'      - {{left: "l{i}", right: "r{i}"}}',
                f'      - {{left: "m{i}", right: "s{i}"}}',
            ]
    return "\n".join(lines) + "\n"


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.yaml"
        path.write_text(make_pack(ITEMS), encoding="utf-8")
        size = path.stat().st_size
        text = path.read_text(encoding="utf-8")
        ratios, base_times, our_times = [], [], []
        for _ in range(RUNS):  # alternate, so that a noisy machine favours neither
            started = time.perf_counter()
            yaml.load(text, Loader=yaml.CSafeLoader)
            base_times.append(time.perf_counter() - started)
            started = time.perf_counter()
            load_pack(path)
            our_times.append(time.perf_counter() - started)
            ratios.append(our_times[-1] / base_times[-1])
        baseline, ours = statistics.median(base_times), statistics.median(our_times)
    print(f"pack: {ITEMS} items, {size / 1e6:.1f} MB")
    print(f"PyYAML CSafeLoader parse only : {baseline * 1000:8.0f} ms (median of {RUNS})")
    print(f"kzlearn load_pack + validate  : {ours * 1000:8.0f} ms (median of {RUNS})")
    print(f"ratio (median of paired runs) : {statistics.median(ratios):8.2f}x (target <= 1.3x)")

    help_times = []
    for _ in range(7):
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "kzlearn", "--help"], capture_output=True, check=True
        )
        help_times.append(time.perf_counter() - started)
    bare = []
    for _ in range(7):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], capture_output=True, check=True)
        bare.append(time.perf_counter() - started)
    help_ms, bare_ms = statistics.median(help_times) * 1000, statistics.median(bare) * 1000
    print(f"kzlearn --help                : {help_ms:8.1f} ms median of 7")
    print(f"python -c pass (baseline)     : {bare_ms:8.1f} ms median of 7")
    trace = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "kzlearn", "--help"],
        capture_output=True,
        text=True,
        check=True,
    )
    imported = {line.split("|")[-1].strip().split(".")[0] for line in trace.stderr.splitlines()}
    heavy = sorted(imported & {"pydantic", "textual", "genanki"})
    print(f"-X importtime heavy modules   : {heavy or 'none'}")


if __name__ == "__main__":
    main()
