"""Benchmark: exporting 20,000 items to .apkg, against genanki writing 20,000 basic notes.

Run by hand: ``python tests/benchmarks/bench_anki.py``. Both write to a temporary folder in
the same run; the target is a time ratio of at most 1.5. The items are realistic: the
bundled decks' facts and items replicated with new ids (every item type, Arabic with
English, evidence and sources), so generation, escaping and every note type are timed.
Peak memory of both: tracemalloc (Python allocations) and the process's ru_maxrss, each
measured in a fresh process so one side's peak does not hide the other's.
"""

from __future__ import annotations

import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import genanki

from kzlearn import load_packs
from kzlearn.interop.anki import export_apkg
from kzlearn.models import Item, Pack
from kzlearn.models.validation import dump_pack_data, validate_pack
from kzlearn.questions.generate import all_items

ITEMS = 20_000
ROOT = Path(__file__).resolve().parents[2]
DECKS = sorted((ROOT / "decks").glob("*.yaml"))


def replicate(pack: Pack, copies: int) -> Pack:
    """``pack`` with its facts and items repeated ``copies`` times under new ids."""
    data = dump_pack_data(pack)
    facts: list[dict[str, object]] = []
    items: list[dict[str, object]] = []
    for copy in range(copies):
        for fact in data.get("facts", []):
            facts.append({**fact, "id": f"{fact['id']}-r{copy}"})
        for item in data.get("items", []):
            new = {**item, "id": f"{item['id']}-r{copy}"}
            if item.get("fact"):
                new["fact"] = f"{item['fact']}-r{copy}"
            items.append(new)
    return validate_pack({**data, "facts": facts, "items": items})


def make_packs(items: int) -> tuple[list[Pack], dict[str, list[Item]]]:
    """The bundled packs, replicated until they export at least ``items`` items, and their
    items (generated once: the export is given them, as kzlearn.cache gives them)."""
    bundled = load_packs(DECKS)
    per_copy = sum(len(all_items(replicate(p, 1))) for p in bundled)
    copies = -(-items // per_copy)
    while True:
        packs = [replicate(p, copies) for p in bundled]
        generated = {p.id: all_items(p) for p in packs}
        if sum(map(len, generated.values())) >= items:
            return packs, generated
        copies += 1


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
    first: Callable[[], object],
    second: Callable[[], object],
    rounds: int = 5,
    clock: Callable[[], float] = time.perf_counter,
) -> tuple[float, float, float]:
    """Median times of both, alternated round by round, and the median of the ratios.

    Alternating keeps a noisy machine from favouring one side; ``clock`` is wall time, or
    the process's CPU time (time.process_time), which other processes disturb less.
    """
    a_times, b_times, ratios = [], [], []
    for _ in range(rounds):
        started = clock()
        first()
        a = clock() - started
        started = clock()
        second()
        b = clock() - started
        a_times.append(a)
        b_times.append(b)
        ratios.append(b / a)
    return statistics.median(a_times), statistics.median(b_times), statistics.median(ratios)


def peaks(side: str) -> tuple[int, int]:
    """Tracemalloc peak of the export and the process's ru_maxrss (bytes), in a fresh
    process."""
    out = subprocess.run(
        [sys.executable, __file__, "--peak", side],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    traced, rss = json.loads(out.stdout.strip().splitlines()[-1])
    return int(traced), int(rss)


def _peak_of(side: str) -> None:
    packs, items = make_packs(ITEMS) if side == "ours" else ([], {})
    with tempfile.TemporaryDirectory() as tmp:
        tracemalloc.start()
        if side == "ours":
            export_apkg(packs, Path(tmp) / "ours.apkg", items=items)
        else:
            genanki_baseline(Path(tmp) / "baseline.apkg")
        traced = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        # The whole process's peak (packs and items included for ours), in bytes.
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(json.dumps([traced, rss]))


def main() -> None:
    if sys.argv[1:2] == ["--peak"]:
        _peak_of(sys.argv[2])
        return
    packs, items = make_packs(ITEMS)
    count = sum(map(len, items.values()))
    with tempfile.TemporaryDirectory() as tmp:
        baseline = lambda: genanki_baseline(Path(tmp) / "baseline.apkg")  # noqa: E731
        # As `kzlearn export anki` does: the items come from kzlearn.cache.
        ours = lambda: export_apkg(packs, Path(tmp) / "ours.apkg", items=items)  # noqa: E731
        cold = lambda: export_apkg(packs, Path(tmp) / "cold.apkg")  # noqa: E731
        base_s, ours_s, ratio = paired_seconds(baseline, ours)
        base_cpu, ours_cpu, cpu_ratio = paired_seconds(baseline, ours, clock=time.process_time)
        _, cold_s, cold_ratio = paired_seconds(baseline, cold, rounds=2)
        base_size = (Path(tmp) / "baseline.apkg").stat().st_size
        ours_size = (Path(tmp) / "ours.apkg").stat().st_size
    (base_traced, base_rss), (ours_traced, ours_rss) = peaks("baseline"), peaks("ours")
    for name, secs, traced, rss, size in (
        (f"genanki, {ITEMS} basic notes", base_s, base_traced, base_rss, base_size),
        (f"kzlearn, {count} items", ours_s, ours_traced, ours_rss, ours_size),
    ):
        print(
            f"{name:28}: {secs:6.2f} s, tracemalloc peak {traced / 1e6:6.1f} MB, "
            f"ru_maxrss {rss / 1e6:6.1f} MB, {size / 1e6:.1f} MB file"
        )
    print(f"time ratio (median of pairs) : {ratio:6.2f}x (target <= 1.5x)")
    print(f"CPU time : genanki {base_cpu:.2f} s, kzlearn {ours_cpu:.2f} s, {cpu_ratio:.2f}x")
    print(f"generating the items too     : {cold_s:6.2f} s, {cold_ratio:6.2f}x (no cache)")


if __name__ == "__main__":
    main()
