"""A class answering at once: each student a process of its own with its own store, as
``kzlearn serve`` runs one app process per browser. For the load and fault tests, and the
benchmark (tests/benchmarks/bench_serve_load.py), on loopback or a unix socket only.

``python -m tests.classload LOCATION CLASS STUDENT COUNT [PAUSE]`` records COUNT answers as
that student, PAUSE seconds apart (a student reading the feedback), and prints, as JSON, each
answer's uid, review id and seconds taken.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

__all__ = ["Answer", "answer_as", "run_class"]

ROOT = Path(__file__).resolve().parents[1]  # where ``-m tests.classload`` is found
TIMEOUT = 300  # seconds a student's process may take, at most
DAY0 = datetime(2026, 6, 1, 9, tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class Answer:
    """One answer recorded by a student's process."""

    student: str
    uid: str
    review_id: int
    seconds: float


def answer_as(
    location: str, class_name: str, student: str, count: int, pause: float = 0.0
) -> list[Answer]:
    """Record ``count`` answers as ``student``, one transaction each, as the app does.
    Once the store is open, says "ready" on stdout and waits for a line on stdin: the
    class starts answering together, whatever the processes took to start."""
    import uuid

    from kzlearn.review.srs import Reviewer
    from kzlearn.store import Learner, open_store

    done = []
    with open_store(location, learner=Learner(class_name, student)) as store:
        reviewer = Reviewer(store)
        print("ready", flush=True)
        sys.stdin.readline()
        for i in range(count):
            uid = uuid.uuid4().hex
            started = time.perf_counter()
            review_id = reviewer.record(
                f"load/item-{i}",
                ("correct", "wrong", "nearly")[i % 3],
                now=DAY0 + timedelta(minutes=i),
                duration=1.0,
                uid=uid,
            )
            done.append(Answer(student, uid, review_id, time.perf_counter() - started))
            time.sleep(pause)
    return done


def run_class(
    location: str, class_name: str, students: int, count: int, pause: float = 0.0
) -> list[Answer]:
    """``students`` processes at once, each answering ``count`` times; every answer."""
    module = [sys.executable, "-m", "tests.classload"]
    workers = [
        subprocess.Popen(
            [*module, location, class_name, f"s{n}", str(count), str(pause)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        for n in range(students)
    ]
    for worker in workers:  # each says "ready" (or ends, having failed to open its store)
        assert worker.stdout is not None
        worker.stdout.readline()
    for worker in workers:  # all at once
        assert worker.stdin is not None
        try:
            worker.stdin.write("go\n")
            worker.stdin.flush()
        except BrokenPipeError:
            pass  # it ended already: communicate reads why
    answers: list[Answer] = []
    problems = []
    for worker in workers:
        out, err = worker.communicate(timeout=TIMEOUT)
        if worker.returncode != 0:
            problems.append(err.strip().splitlines()[-1:] or [f"exit {worker.returncode}"])
            continue
        answers += [Answer(*row) for row in json.loads(out)]
    if problems:
        raise RuntimeError(f"{len(problems)} students failed: {problems[0]}")
    return answers


if __name__ == "__main__":
    location, class_name, student, count = sys.argv[1:5]
    pause = float(sys.argv[5]) if len(sys.argv) > 5 else 0.0
    rows = answer_as(location, class_name, student, int(count), pause)
    print(json.dumps([[a.student, a.uid, a.review_id, a.seconds] for a in rows]))
