"""Benchmark: the time to record one answer (Reviewer.record, one transaction) on a SQLite
file and on PostgreSQL, as a ratio to SQLite measured in the same run.

Run by hand, with a server: ``KZLEARN_TEST_PG=postgresql:///db?host=/sock/dir&user=me
python tests/benchmarks/bench_store_backends.py`` (.ci/run shows how to start a throwaway
one). Each store is new; a warm-up of 20 answers comes before the 300 that are timed.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from kzlearn.review.srs import Reviewer
from kzlearn.store import open_store

ANSWERS = 300
WARM_UP = 20


def record_ms(location: str) -> list[float]:
    """Milliseconds per recorded review answer, over 100 cards answered in turn."""
    now = datetime(2026, 6, 1, tzinfo=UTC)
    times = []
    with open_store(location) as store:
        reviewer = Reviewer(store)
        for i in range(WARM_UP + ANSWERS):
            started = time.perf_counter()
            reviewer.record(f"bench/item-{i % 100}", "correct", now=now + timedelta(minutes=i))
            times.append((time.perf_counter() - started) * 1000)
    return times[WARM_UP:]


def main() -> None:
    url = os.environ.get("KZLEARN_TEST_PG")
    if not url:
        sys.exit("set KZLEARN_TEST_PG to a PostgreSQL URL (a database you can write to)")
    import psycopg

    schema = f"bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}".encode())
        try:
            with tempfile.TemporaryDirectory() as tmp:
                sqlite = record_ms(str(Path(tmp) / "bench.sqlite3"))
            joiner = "&" if "?" in url else "?"
            postgres = record_ms(f"{url}{joiner}options=-csearch_path%3D{schema}")
        finally:
            admin.execute(f"DROP SCHEMA {schema} CASCADE".encode())
    base = statistics.median(sqlite)
    for name, times in (("SQLite file", sqlite), ("PostgreSQL", postgres)):
        median = statistics.median(times)
        p95 = statistics.quantiles(times, n=20)[-1]
        print(
            f"record one answer, {name:<12}: median {median:5.2f} ms, p95 {p95:5.2f} ms "
            f"({median / base:.1f}x SQLite's median; {ANSWERS} answers)"
        )


if __name__ == "__main__":
    main()
