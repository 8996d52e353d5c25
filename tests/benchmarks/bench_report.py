"""Benchmark: ``kzlearn class report`` on a class of 30 students who each answered 300
multiple-choice items three times (27,000 answers), against reading those rows alone.

Run by hand: ``python tests/benchmarks/bench_report.py``. Both are timed in the same run
on one SQLite file; the target is a report (statistics and the HTML page) taking at most
twice the time of the read it needs.
"""

from __future__ import annotations

import json
import random
import tempfile
from pathlib import Path

from kzlearn.models import McqItem, Pack
from kzlearn.models.validation import validate_pack
from kzlearn.report import build_report, read_class
from kzlearn.report.html import report_html
from kzlearn.store import open_store
from kzlearn.store.base import Learner, ReviewRow
from tests.benchmarks.timing import median_seconds

STUDENTS, ITEMS, TRIES = 30, 300, 3


def make_pack() -> Pack:
    items = [
        {
            "id": f"q{i}",
            "type": "mcq",
            "prompt": f"سؤال {i}؟",
            "choices": [f"جواب {i}", f"خطأ {i}", f"خطأ آخر {i}", f"بعيد {i}"],
            "answer": f"جواب {i}",
        }
        for i in range(ITEMS)
    ]
    return validate_pack({"id": "bench", "title": "t", "language": "ar", "items": items})


def fill(path: Path) -> None:
    rng = random.Random(5)
    with open_store(path) as store, store.transaction() as tx:
        for s in range(STUDENTS):
            mine = tx.as_learner(Learner("5B", f"student {s}"))
            skill = rng.random()
            for i in range(ITEMS):
                for t in range(TRIES):
                    right = rng.random() < skill
                    mine.add_review(
                        ReviewRow(
                            0, f"bench/q{i}", "bench", 1e9 + t * 1e5 + i, None,
                            "correct" if right else "wrong", 4.0,
                            json.dumps(0 if right else rng.randrange(1, 4)), "quiz",
                            None, None, None, None, None,
                        )
                    )  # fmt: skip


def main() -> None:
    pack = make_pack()
    items = {f"bench/{i.id}": (pack, i) for i in pack.items if isinstance(i, McqItem)}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "class.sqlite3"
        fill(path)
        with open_store(path, write=False) as store:
            read = median_seconds(lambda: store.class_rows("5B"))
            rows = read_class(store, "5B")
            built = median_seconds(lambda: build_report(*rows, items, ["bench"]))
            report = build_report(*rows, items, ["bench"])
            page = median_seconds(lambda: report_html(report))
    answers = STUDENTS * ITEMS * TRIES
    print(f"{answers} answers: read {read:.3f}s, statistics {built:.3f}s, HTML {page:.3f}s")
    print(f"report / read = {(built + page) / read:.2f} (target <= 2)")


if __name__ == "__main__":
    main()
