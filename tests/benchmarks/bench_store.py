"""Benchmark: recording one review, building the due queue over 100,000 cards and 1,000,000
review rows, and the file size per million reviews.

Run by hand: ``python tests/benchmarks/bench_store.py``. The baseline measured in the same
run is a bare SQLite insert of one row with one commit (what any durable answer costs).
"""

from __future__ import annotations

import json
import random
import sqlite3
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from fsrs import Card

from kzlearn.review.srs import Reviewer, card_id_for
from kzlearn.store.sqlite import Store

CARDS = 100_000
REVIEWS = 1_000_000


def fill(store: Store) -> list[str]:
    """100,000 cards over 10 packs and 1,000,000 review rows, written in bulk."""
    rng = random.Random(1)
    now = datetime(2026, 6, 1, tzinfo=UTC)
    keys = [f"pack{i % 10}/item-{i}" for i in range(CARDS)]
    db = store.db
    with store.transaction():
        for key in keys:
            due = now + timedelta(days=rng.uniform(-5, 60))
            card = Card(card_id=card_id_for(key), due=due, last_review=now - timedelta(days=3))
            db.execute(
                "INSERT INTO cards VALUES (?, ?, ?, ?, 2, 1)",
                (key, key.split("/")[0], card.to_json(), due.timestamp()),
            )
        rows = (
            (
                keys[i % CARDS],
                keys[i % CARDS].split("/")[0],
                now.timestamp() - i,
                3,
                "correct",
                4.0,
                json.dumps("answer"),
                "review",
                2,
                None,
                None,
                "fsrs-6 default",
            )
            for i in range(REVIEWS)
        )
        db.executemany(
            "INSERT INTO reviews (key, pack_id, at, rating, outcome, duration, answer, source, "
            "state_before, card_before, card_after, params) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            rows,
        )
    return keys


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "bench.sqlite3")
        keys = fill(store)
        size = (Path(tmp) / "bench.sqlite3").stat().st_size
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        size = max(size, (Path(tmp) / "bench.sqlite3").stat().st_size)
        reviewer = Reviewer(store)
        by_pack: dict[str, list[str]] = {}
        for key in keys:
            by_pack.setdefault(key.split("/")[0], []).append(key)
        now = datetime(2026, 6, 1, tzinfo=UTC)
        queue_ms = []
        for _ in range(5):
            started = time.perf_counter()
            queue = reviewer.queue(by_pack, now=now)
            queue_ms.append((time.perf_counter() - started) * 1000)
        record_ms = []
        for i in range(200):
            started = time.perf_counter()
            reviewer.record(keys[i], "correct", now=now + timedelta(minutes=i))
            record_ms.append((time.perf_counter() - started) * 1000)
        bare = sqlite3.connect(Path(tmp) / "bare.sqlite3", isolation_level=None)
        bare.execute("PRAGMA journal_mode = WAL")
        bare.execute("PRAGMA synchronous = NORMAL")
        bare.execute("CREATE TABLE t (a TEXT, b REAL)")
        bare_ms = []
        for i in range(200):
            started = time.perf_counter()
            bare.execute("BEGIN IMMEDIATE")
            bare.execute("INSERT INTO t VALUES (?, ?)", (keys[i], i))
            bare.execute("COMMIT")
            bare_ms.append((time.perf_counter() - started) * 1000)
        store.close()
    record, base = statistics.median(record_ms), statistics.median(bare_ms)
    print(
        f"record one review        : {record:6.2f} ms median of 200 "
        f"(bare SQLite insert + commit {base:.2f} ms: {record / base:.1f}x)"
    )
    print(
        f"due queue, {CARDS:,} cards, {REVIEWS:,} reviews: {statistics.median(queue_ms):6.0f} ms "
        f"median of 5 ({len(queue):,} due)"
    )
    print(
        f"file size                : {size / 1e6:6.0f} MB for {REVIEWS:,} reviews, {CARDS:,} cards"
    )


if __name__ == "__main__":
    main()
