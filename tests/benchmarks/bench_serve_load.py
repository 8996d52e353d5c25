"""Benchmark: the time to record one answer while a class answers at once (issue 15 §4),
against one student alone on the same server, measured in the same run.

Run by hand, with a server: ``KZLEARN_TEST_PG=postgresql:///db?host=/sock/dir&user=me
python tests/benchmarks/bench_serve_load.py [STUDENTS] [ANSWERS]`` (default 30 and 20; .ci/run
shows how to start a throwaway server). Each student is a process of its own, as the served
app is; each run gets a new schema, dropped at the end.
"""

from __future__ import annotations

import statistics
import sys
import time

from kzlearn.store import open_store
from tests.classload import run_class
from tests.stores import PostgresBackend, postgres_url


def main() -> None:
    url = postgres_url()
    if not url:
        sys.exit("set KZLEARN_TEST_PG to a PostgreSQL URL (a database you can write to)")
    students = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    answers = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    backend = PostgresBackend(url)  # a new schema, dropped at the end
    try:
        location = backend.location()
        open_store(location).close()
        alone = run_class(location, "alone", 1, students * answers // 4)
        started = time.perf_counter()
        together = run_class(location, "class", students, answers)
        wall = time.perf_counter() - started
    finally:
        backend.close()
    base = statistics.quantiles([a.seconds for a in alone], n=20)[-1]
    for name, rows in (("one student alone", alone), (f"{students} students at once", together)):
        ms = [a.seconds * 1000 for a in rows]
        p95 = statistics.quantiles(ms, n=20)[-1]
        print(
            f"record one answer, {name:<20}: median {statistics.median(ms):6.2f} ms, "
            f"p95 {p95:6.2f} ms ({p95 / 1000 / base:.1f}x alone's p95; {len(ms)} answers)"
        )
    print(f"{students} students x {answers} answers: {wall:.1f} s from start to the last answer")


if __name__ == "__main__":
    main()
