"""Faults of the PostgreSQL server under a class (issue 15 §4): a connection dropped in the
middle of an answer, and the server restarted while students answer. Answers given before
are kept, the app says in one line that the connection was lost and made again, and no
answer is written twice (each carries a client-made uid, unique in the database)."""

from __future__ import annotations

from collections.abc import Iterator

import psycopg
import pytest

from kzlearn.store import Learner, open_store
from kzlearn.store.base import ReviewRow, StoreTransaction
from kzlearn.tui.served import ServedApp
from tests.classload import run_class
from tests.pgcluster import Cluster
from tests.stores import Backend, PostgresBackend
from tests.tui.helpers import PACKS, answer_first, answer_shown, sign_in

AMINA = Learner("5B", "Amina")
STUDENTS = 4


def _row(uid: str) -> ReviewRow:
    return ReviewRow(
        0, "p/a", "p", 1.8e9, None, "wrong", 1.0, '""', "quiz", 1, None, None, None, uid
    )


def test_an_answer_whose_connection_drops_before_its_commit_is_written_once_on_a_new_one(
    postgres: Backend,
) -> None:
    assert isinstance(postgres, PostgresBackend)
    told: list[str] = []
    tries: list[int] = []
    with (
        psycopg.connect(postgres.url, autocommit=True) as admin,
        postgres.open(learner=AMINA) as store,
    ):
        store.on_lost = told.append

        def work(tx: StoreTransaction) -> int:
            tries.append(1)
            done = tx.review_by_uid("answer-1")
            if done is not None:
                return done.id
            review_id = tx.add_review(_row("answer-1"))
            if len(tries) == 1:  # the server drops this connection before the commit
                pid = tx.db.info.backend_pid  # type: ignore[attr-defined]
                admin.execute("SELECT pg_terminate_backend(%s, 10000)", (pid,))
            return review_id

        review_id = store.run(work)
        assert len(tries) == 2
        assert [r.uid for r in store.reviews()] == ["answer-1"]
        assert store.reviews()[0].id == review_id
        assert len(told) == 1
        assert "the connection was lost" in told[0]
        assert "\n" not in told[0]


@pytest.fixture
def cluster() -> Iterator[Cluster]:
    server = Cluster()
    try:
        yield server
    finally:
        server.close()


async def test_the_app_carries_on_after_the_server_restarts_and_says_so(
    cluster: Cluster,
) -> None:
    app = ServedApp(PACKS, location=cluster.url, class_name="5B")
    app.lang = "en"
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await sign_in(pilot, app, "Amina")
        first = await answer_first(pilot, app)
        cluster.restart()  # every connection of the pool is dropped
        await pilot.press("enter")  # the next question
        await pilot.pause()
        second = await answer_shown(pilot, app, "wrong")
        said = [n.message for n in app._notifications]
    assert said[-1] == "The connection to the server was lost and made again; answer saved."
    assert not [n for n in said if "Could not save" in n]
    with open_store(cluster.url, learner=Learner("5B", "Amina")) as store:
        reviews = store.reviews()
    assert [r.key for r in reviews] == [first, second]
    assert len({r.uid for r in reviews}) == 2


def test_students_answering_through_a_restart_lose_nothing_and_write_nothing_twice(
    cluster: Cluster,
) -> None:
    import threading
    import time

    open_store(cluster.url).close()
    restarted = threading.Event()

    def restart_soon() -> None:
        # Once every student has answered (their stores are open), the server goes down
        # and comes back while they answer on.
        query = "SELECT count(DISTINCT student) FROM reviews"
        deadline = time.monotonic() + 120
        with psycopg.connect(cluster.url, autocommit=True) as watch:
            while watch.execute(query).fetchall() != [(STUDENTS,)]:
                if time.monotonic() > deadline:
                    return  # the students failed: run_class says why
                restarted.wait(0.05)
        cluster.restart()
        restarted.set()

    restarter = threading.Thread(target=restart_soon)
    restarter.start()
    answers = run_class(cluster.url, "5B", STUDENTS, 40, pause=0.1)
    restarter.join(timeout=120)
    assert restarted.is_set()
    with open_store(cluster.url) as store:
        _cards, reviews = store.class_rows("5B")
    assert len(answers) == STUDENTS * 40
    assert sorted(r.row.uid or "" for r in reviews) == sorted(a.uid for a in answers)
    assert len({(r.student, r.row.key) for r in reviews}) == len(reviews)
