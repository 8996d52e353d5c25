"""Benchmark: hostile and large importer inputs, each answered (a pack or an error) quickly.

Run by hand from the repository: ``python tests/benchmarks/bench_hostile.py [--timeout S]
[--size BYTES] [CASE ...]``. Each case runs in its own process (so a hang is cut at the
timeout and peak memory is that case's own, VmHWM); the baseline is an honest GIFT
file of the same size, in the same run. The target: every hostile input of 1 MB under 2 s.
Point PYTHONPATH at another checkout to measure it (inputs the old code cannot take are
reported as over the timeout).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MB = 1_000_000


def _gift(text: str) -> Callable[[Path], tuple[str, Path]]:
    def make(tmp: Path) -> tuple[str, Path]:
        path = tmp / "in.gift"
        path.write_text(text, encoding="utf-8")
        return "gift", path

    return make


def _csv(text: str) -> Callable[[Path], tuple[str, Path]]:
    def make(tmp: Path) -> tuple[str, Path]:
        path = tmp / "in.csv"
        path.write_text(text, encoding="utf-8")
        return "csv", path

    return make


def _anki(
    notes: Callable[[], list[tuple[object, object, object]]],
) -> Callable[[Path], tuple[str, Path]]:
    def make(tmp: Path) -> tuple[str, Path]:
        from tests.hostile import apkg, collection

        return "anki", apkg(tmp / "in.apkg", collection(tmp / "in.anki2", notes()))

    return make


def _view(tmp: Path) -> tuple[str, Path]:
    from tests.hostile import recursive_view_apkg

    return "anki", recursive_view_apkg(tmp)


def _honest_gift(size: int) -> str:
    out: list[str] = []
    length = 0
    while length < size:
        out.append(f"::q{len(out)}:: What is {len(out)}? {{=answer ~wrong ~other}}\n\n")
        length += len(out[-1])
    return "".join(out)


def cases(size: int) -> dict[str, Callable[[Path], tuple[str, Path]]]:
    """Every case, by name: ``size`` is the byte size of the sized ones."""
    return {
        "baseline-honest-gift": _gift(_honest_gift(size)),
        "gift-name-43-bytes": _gift("::" + "\\" * 40 + "x"),
        "gift-name-backslashes": _gift("::" + "\\" * size),
        "gift-100k-lt": _gift("Q " + "<" * 100_000 + " {=a}"),
        "gift-lt": _gift("Q " + "<" * size + " {=a}"),
        "gift-many-questions": _gift("Q {=a}\n\n" * (size // 8)),
        "gift-most-questions": _gift("Q {=a}\n\n" * 49_999),  # just under the limit
        "csv-most-rows": _csv("a,b\n" * 49_999),
        "gift-many-answers": _gift("Q {" + "=a" * (size // 2) + "}"),
        "csv-72k-line": _csv('",' * 36_000 + "\n"),  # csv.Sniffer: quadratic
        "csv-long-line": _csv('",' * (size // 2) + "\n"),
        "csv-100k-rows": _csv(
            "".join(f"term {i},definition of term {i}\n" for i in range(100_000))
        ),
        "csv-1m-rows": _csv("".join(f"t{i},d{i}\n" for i in range(1_000_000))),
        "csv-tiny-rows": _csv("a,b\n" * (size // 4)),
        # Anki's #html:true with a two-character separator: no CSV field limit applies.
        "csv-html-150k": _csv("#separator:::\n#html:true\na::" + "<a " * 50_000 + "\n"),
        "csv-html": _csv("#separator:::\n#html:true\na::" + "<a " * (size // 3) + "\n"),
        "anki-recursive-view": _view,
        "anki-cloze-9.6k": _anki(lambda: [(1, 1, "{{c1::" + "::" * 4_800 + "\x1fb")]),
        "anki-cloze": _anki(lambda: [(1, 1, "{{c1::" + "::" * (size // 2) + "\x1fb")]),
        "anki-media-100k": _anki(lambda: [(1, 1, "<img " * 20_000 + "\x1fb")]),
        "anki-media": _anki(lambda: [(1, 1, "<img " * (size // 5) + "\x1fb")]),
        "anki-sound": _anki(lambda: [(1, 1, "[sound:" * (size // 7) + "\x1fb")]),
    }


CHILD = """
import json, sys, time
from kzlearn.errors import KzlearnError
kind, path = sys.argv[1], sys.argv[2]
start = time.perf_counter()
try:
    if kind == "anki":
        from kzlearn.interop.anki_import import read_apkg
        read_apkg(path, pack_id="bench")
    else:
        from kzlearn.files import read_user_text
        if kind == "gift":
            from kzlearn.interop.gift import parse_gift as parse
        else:
            from kzlearn.interop.tabular import parse_terms as parse
        parse(read_user_text(path), path, pack_id="bench")
    outcome = "pack"
except KzlearnError as error:
    outcome = "error: " + str(error).splitlines()[0][-70:]
seconds = time.perf_counter() - start
# VmHWM, not ru_maxrss: Linux keeps the parent's peak in ru_maxrss across exec.
hwm = [l for l in open("/proc/self/status") if l.startswith("VmHWM")][0]
peak = int(hwm.split()[1]) // 1024
print(json.dumps({"seconds": seconds, "peak_mb": peak, "outcome": outcome}))
"""


def run(kind: str, path: Path, timeout: float) -> dict[str, object]:
    """One case in a fresh interpreter; over ``timeout``, it is killed and said so."""
    try:
        done = subprocess.run(
            [sys.executable, "-c", CHILD, kind, str(path)],
            capture_output=True,
            text=True,
            cwd=path.parent,  # not the checkout: PYTHONPATH chooses which kzlearn runs
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return {"seconds": None, "peak_mb": None, "outcome": f"over {timeout:g} s: killed"}
    if done.returncode != 0:
        return {"seconds": None, "peak_mb": None, "outcome": done.stderr.strip()[-90:]}
    result: dict[str, object] = json.loads(done.stdout.splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("names", nargs="*", metavar="CASE")
    parser.add_argument("--timeout", type=float, default=60)
    parser.add_argument("--size", type=int, default=MB)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    table = cases(args.size)
    baseline: float | None = None
    with tempfile.TemporaryDirectory() as tmp:
        for name, make in table.items():
            if args.names and name not in args.names and not name.startswith("baseline"):
                continue
            kind, path = make(Path(tmp))
            result = run(kind, path, args.timeout)
            seconds = result["seconds"]
            if name.startswith("baseline") and isinstance(seconds, float):
                baseline = seconds
            shown = f"{seconds:7.2f} s" if isinstance(seconds, float) else "      - "
            ratio = (
                f"{seconds / baseline:6.1f}x"
                if isinstance(seconds, float) and baseline
                else "      "
            )
            peak = f"{result['peak_mb']:>5} MB" if result["peak_mb"] is not None else "     - "
            size = path.stat().st_size
            print(f"{name:24} {size:>10,} B {shown} {ratio} {peak}  {result['outcome']}")


if __name__ == "__main__":
    main()
