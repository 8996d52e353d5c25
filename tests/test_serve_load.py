"""A class answering at once against PostgreSQL (issue 15 §4): 30 students, 20 answers
each, every one from a process of its own (as the served app runs one per browser), on the
test server's unix socket. Every answer is stored once, under its student. The time each
took is measured by tests/benchmarks/bench_serve_load.py, never asserted here."""

from __future__ import annotations

from collections import Counter

from kzlearn.store import Learner
from tests.classload import run_class
from tests.stores import Backend

STUDENTS = 30
ANSWERS = 20


def test_thirty_students_answering_at_once_are_all_stored_once(postgres: Backend) -> None:
    with postgres.open():
        pass  # the tables are made before the class starts
    answers = run_class(postgres.location(), "5B", STUDENTS, ANSWERS)
    assert len(answers) == STUDENTS * ANSWERS
    with postgres.open() as store:
        _cards, reviews = store.class_rows("5B")
    assert len(reviews) == STUDENTS * ANSWERS
    assert len({r.row.id for r in reviews}) == len(reviews)
    assert sorted(r.row.uid or "" for r in reviews) == sorted(a.uid for a in answers)
    per_student = Counter(r.student for r in reviews)
    assert per_student == Counter({f"s{n}": ANSWERS for n in range(STUDENTS)})
    with postgres.open(learner=Learner("5B", "s7")) as store:
        assert {r.key for r in store.reviews()} == {f"load/item-{i}" for i in range(ANSWERS)}
