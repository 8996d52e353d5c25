"""Benchmark: exporting 20,000 items to .apkg, against genanki writing 20,000 basic notes.

Run by hand: ``python tests/benchmarks/bench_anki.py``. Both write to a temporary folder in
the same run; the target is a time ratio of at most 1.5. Peak memory (tracemalloc) of both.
"""

from __future__ import annotations

import statistics
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import genanki

from kzlearn.interop.anki import export_apkg
from kzlearn.models import Pack

ITEMS = 20_000


def make_pack(items: int) -> Pack:
    """Hand-written short-answer and true/false items, Arabic with English."""
    data: list[dict[str, object]] = []
    for i in range(items):
        prompt = {"ar": f"سؤال رقم {i}؟", "en": f"Question {i}?"}
        if i % 2:
            data.append(
                {
                    "id": f"i{i}",
                    "type": "short",
                    "prompt": prompt,
                    "answer": {"ar": f"جواب {i}", "en": f"answer {i}"},
                }
            )
        else:
            data.append({"id": f"i{i}", "type": "true_false", "prompt": prompt, "answer": True})
    return Pack.model_validate(
        {"id": "bench", "title": "اختبار", "language": "ar", "translations": ["en"], "items": data}
    )


def genanki_baseline(path: Path) -> None:
    model = genanki.Model(
        1607392319,
        "Basic",
        fields=[{"name": "Front"}, {"name": "Back"}],
        templates=[
            {"name": "Card 1", "qfmt": "{{Front}}", "afmt": "{{FrontSide}}<hr id=answer>{{Back}}"}
        ],
    )
    deck = genanki.Deck(2059400110, "Baseline")
    for i in range(ITEMS):
        deck.add_note(genanki.Note(model=model, fields=[f"سؤال رقم {i}؟", f"جواب {i}"]))
    genanki.Package(deck).write_to_file(str(path))


def paired_seconds(
    first: Callable[[], object], second: Callable[[], object], rounds: int = 7
) -> tuple[float, float, float]:
    """Median times of both, alternated round by round, and the median of the ratios.

    Alternating keeps a noisy machine from favouring one side.
    """
    a_times, b_times, ratios = [], [], []
    for _ in range(rounds):
        started = time.perf_counter()
        first()
        a = time.perf_counter() - started
        started = time.perf_counter()
        second()
        b = time.perf_counter() - started
        a_times.append(a)
        b_times.append(b)
        ratios.append(b / a)
    return statistics.median(a_times), statistics.median(b_times), statistics.median(ratios)


def peak_bytes(action: Callable[[], object]) -> int:
    """Peak memory allocated by ``action`` (tracemalloc)."""
    tracemalloc.start()
    action()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def main() -> None:
    pack = make_pack(ITEMS)
    with tempfile.TemporaryDirectory() as tmp:
        baseline = lambda: genanki_baseline(Path(tmp) / "baseline.apkg")  # noqa: E731
        ours = lambda: export_apkg([pack], Path(tmp) / "ours.apkg")  # noqa: E731
        base_s, ours_s, ratio = paired_seconds(baseline, ours)
        base_peak, ours_peak = peak_bytes(baseline), peak_bytes(ours)
        base_size = (Path(tmp) / "baseline.apkg").stat().st_size
        ours_size = (Path(tmp) / "ours.apkg").stat().st_size
    for name, secs, peak, size in (
        (f"genanki, {ITEMS} basic notes", base_s, base_peak, base_size),
        (f"kzlearn, {ITEMS} items      ", ours_s, ours_peak, ours_size),
    ):
        print(f"{name} : {secs:6.2f} s, peak {peak / 1e6:6.1f} MB, {size / 1e6:.1f} MB file")
    print(f"time ratio (median of pairs) : {ratio:6.2f}x (target <= 1.5x)")


if __name__ == "__main__":
    main()
