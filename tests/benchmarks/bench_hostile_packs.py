"""Benchmark: large but legal packs (issue 14): 100,000 mcq items and 40,000 unknown keys.

Run by hand: ``PYTHONPATH=. python tests/benchmarks/bench_hostile_packs.py [CASE...]`` (point
PYTHONPATH at another checkout to measure it the same way). Each case runs ``kzlearn
validate`` in a fresh process (so peak memory is that of one validation) and prints wall
time and peak RSS, next to PyYAML's C loader parsing the same file in a fresh process (the
baseline, measured in the same run). Targets: under 10 s and 400 MB for the items.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ITEMS = 100_000
UNKNOWN_KEYS = 40_000


def mcq_pack(items: int) -> str:
    """A pack of ``items`` multiple-choice items (about 80 bytes each)."""
    lines = ["id: big", "title: Big", "language: en", "items:"]
    lines += [
        f"- {{id: q{i}, type: mcq, prompt: Q{i}?, choices: [a{i}, b{i}, c{i}], answer: b{i}}}"
        for i in range(items)
    ]
    return "\n".join(lines) + "\n"


def unknown_keys_pack(keys: int, where: str) -> str:
    """A pack with ``keys`` unknown keys: in one item, at the top, or one in each item."""
    lines = ["id: keys", "title: Keys", "language: en"]
    if where == "top":
        return "\n".join(lines + [f"unknown_key_{i}: {i}" for i in range(keys)]) + "\n"
    lines.append("items:")
    if where == "each":
        lines += [
            f"- {{id: q{i}, type: true_false, prompt: P, answer: true, promt{i}: x}}"
            for i in range(keys)
        ]
    else:
        lines += ["- id: q", "  type: true_false", "  prompt: P", "  answer: true"]
        lines += [f"  unknown_key_{i}: {i}" for i in range(keys)]
    return "\n".join(lines) + "\n"


CASES = {
    "keys-in-one-item": lambda: unknown_keys_pack(UNKNOWN_KEYS, "one"),
    "keys-at-top": lambda: unknown_keys_pack(UNKNOWN_KEYS, "top"),
    "keys-one-per-item": lambda: unknown_keys_pack(UNKNOWN_KEYS, "each"),
    "items": lambda: mcq_pack(ITEMS),
}


def _run(code: list[str]) -> tuple[float, float, int]:
    """Wall seconds, peak RSS (MB) and exit status of one fresh child process."""
    started = time.perf_counter()
    child = subprocess.Popen(code, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    return seconds, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def measure(path: Path) -> None:
    load = f"import yaml; yaml.load(open({str(path)!r}), yaml.CSafeLoader)"
    parse = [sys.executable, "-c", load]
    validate = [sys.executable, "-m", "kzlearn", "validate", str(path)]
    base = _run(parse)
    ours = _run(validate)
    size = path.stat().st_size / 1e6
    print(f"{path.name} ({size:.1f} MB)")
    print(f"  PyYAML CSafeLoader parse : {base[0]:6.1f} s  peak {base[1]:6.0f} MB")
    print(f"  kzlearn validate         : {ours[0]:6.1f} s  peak {ours[1]:6.0f} MB  exit {ours[2]}")
    print(f"  ratio                    : {ours[0] / base[0]:6.1f}x")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for case in sys.argv[1:] or list(CASES):
            path = Path(tmp) / f"{case}.yaml"
            path.write_text(CASES[case](), encoding="utf-8")
            measure(path)


if __name__ == "__main__":
    main()
