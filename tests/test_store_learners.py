"""Schema 2: every card and answer belongs to a learner (a student of a class), a store
opened for one learner reads and writes theirs alone, a teacher reads a class's, an export
carries whose each row is, and a version-1 database keeps its data when migrated."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fsrs import Scheduler

from kzlearn.errors import StoreError
from kzlearn.review.srs import Reviewer, export_progress, import_progress
from kzlearn.store.base import LOCAL, NAME_LIMIT, SCHEMA_VERSION, Learner, name_problem
from kzlearn.store.schema import POSTGRES_MIGRATIONS, SQLITE_MIGRATIONS
from tests.stores import Backend, SqliteBackend

DAY0 = datetime(2026, 5, 4, 9, tzinfo=UTC)
AMINA = Learner("5B", "أمينة")
BAURZHAN = Learner("5B", "Baurzhan")
OTHER_CLASS = Learner("6A", "Amina")


def _answer(backend: Backend, learner: Learner, key: str, outcome: str = "correct") -> int:
    with backend.open(learner=learner) as store:
        return Reviewer(store, Scheduler(enable_fuzzing=False)).record(
            key,
            outcome,  # type: ignore[arg-type]
            now=DAY0,
        )


def test_two_students_on_one_store_never_see_each_others_progress(backend: Backend) -> None:
    amina_review = _answer(backend, AMINA, "p/a", "wrong")
    _answer(backend, BAURZHAN, "p/b")
    with backend.open(learner=BAURZHAN) as store:
        assert [c.key for c in store.cards()] == ["p/b"]
        assert [r.key for r in store.reviews()] == ["p/b"]
        assert store.card("p/a") is None
        assert store.review(amina_review) is None
        assert store.card_keys(["p"]) == {"p/b"}
        assert store.due_keys((DAY0 + timedelta(days=400)).timestamp(), ["p"]) == ["p/b"]
        assert store.introduced_since(DAY0.timestamp() - 1) == 1
        with store.transaction() as tx:  # writes through another's ids change nothing
            tx.delete_review(amina_review)
            tx.delete_card("p/a")
            tx.set_rating(amina_review, 4, "{}")
            assert not tx.mark_quiz_correct(amina_review, "quiz-overridden")
    with backend.open(learner=AMINA) as store:
        assert [r.key for r in store.reviews()] == ["p/a"]
        assert store.review(amina_review).rating == 1  # type: ignore[union-attr]
        assert store.card("p/a") is not None
    with backend.open() as store:  # the local student is a learner too
        assert store.learner == LOCAL
        assert store.cards() == []
        assert store.reviews() == []


def test_one_key_is_a_card_of_each_student(backend: Backend) -> None:
    _answer(backend, AMINA, "p/a", "wrong")
    _answer(backend, BAURZHAN, "p/a", "correct")
    with backend.open(learner=AMINA) as store:
        assert [r.outcome for r in store.reviews()] == ["wrong"]
        assert store.card("p/a").state == 1  # type: ignore[union-attr]


def test_a_teacher_reads_a_class_with_whose_each_row_is(backend: Backend) -> None:
    for learner in (BAURZHAN, OTHER_CLASS, AMINA):
        _answer(backend, learner, "p/a")
    with backend.open() as store:
        cards, reviews = store.class_rows("5B")
        everyone, _ = store.class_rows(None)
    assert [(c.class_name, c.student) for c in cards] == sorted(
        [("5B", AMINA.student), ("5B", BAURZHAN.student)]
    )
    assert [(r.student, r.row.key) for r in reviews] == [(c.student, "p/a") for c in cards]
    assert {(c.class_name, c.student) for c in everyone} == {
        (x.class_name, x.student) for x in (AMINA, BAURZHAN, OTHER_CLASS)
    }


def test_an_answer_recorded_twice_with_one_uid_is_stored_once(backend: Backend) -> None:
    with backend.open(learner=AMINA) as store:
        reviewer = Reviewer(store, Scheduler(enable_fuzzing=False))
        first = reviewer.record("p/a", "correct", now=DAY0, uid="answer-1")
        card = store.card("p/a")
        again = reviewer.record("p/a", "correct", now=DAY0 + timedelta(days=3), uid="answer-1")
        assert again == first
        assert len(store.reviews()) == 1
        assert store.card("p/a") == card  # not rescheduled a second time
        with pytest.raises(StoreError), store.transaction() as tx:
            tx.add_review(store.reviews()[0])  # the database itself refuses a second copy


def test_an_export_carries_every_students_rows_and_imports_them_under_the_same(
    backend: Backend, tmp_path: Path
) -> None:
    for learner in (AMINA, BAURZHAN, LOCAL):
        _answer(backend, learner, "p/a")
    out = tmp_path / "class.json"
    with backend.open() as store:
        export_progress(store, str(out))
        expected = store.class_rows(None)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["schema"] == SCHEMA_VERSION
    assert {(r["class_name"], r["student"]) for r in data["reviews"]} == {
        (x.class_name, x.student) for x in (AMINA, BAURZHAN, LOCAL)
    }
    with backend.open("copy") as store:
        assert import_progress(store, str(out)) == (3, 3)
        assert import_progress(store, str(out)) == (0, 0)  # nothing twice
        copied = store.class_rows(None)
    assert [(c.student, c.row) for c in copied[0]] == [(c.student, c.row) for c in expected[0]]
    strip = [(r.student, r.row.uid, r.row.at) for r in expected[1]]
    assert [(r.student, r.row.uid, r.row.at) for r in copied[1]] == strip


def test_an_export_with_a_student_name_holding_a_control_character_is_refused(
    backend: Backend, tmp_path: Path
) -> None:
    _answer(backend, AMINA, "p/a")
    out = tmp_path / "class.json"
    with backend.open() as store:
        export_progress(store, str(out))
    data = json.loads(out.read_text(encoding="utf-8"))
    data["reviews"][0]["student"] = "Amina\x1b[31m"
    out.write_text(json.dumps(data), encoding="utf-8")
    with backend.open("copy") as store:
        with pytest.raises(StoreError, match=r"reviews\.0\.student: a name cannot hold"):
            import_progress(store, str(out))
        assert store.class_rows(None) == ([], [])


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("", "blank"),
        ("   ", "blank"),
        (" Amina", "start or end"),
        ("a" * (NAME_LIMIT + 1), "at most"),
        ("Amina\n", "start or end"),
        ("Ami\x00na", "U+0000"),
        ("Ami\u202ena", "U+202E"),  # a bidi override would reorder what others see
        ("[bold]x[/]\x07", "U+0007"),
    ],
)
def test_a_name_is_one_line_of_plain_text(name: str, problem: str) -> None:
    assert problem in (name_problem(name) or "")
    if name.strip():
        with pytest.raises(ValueError, match="name"):
            Learner("5B", name)


@pytest.mark.parametrize("name", ["أمينة", "Baurzhan Əli", "[bold]x[/]", "a" * NAME_LIMIT])
def test_names_in_any_script_and_with_brackets_are_names(name: str) -> None:
    assert name_problem(name) is None


def _version_1(backend: Backend) -> None:
    """A database as kzlearn 1's schema left it, with a card and two answers."""
    if isinstance(backend, SqliteBackend):
        steps = [s for s in SQLITE_MIGRATIONS[1].split(";") if s.strip()]
        backend.execute("progress", *steps, "PRAGMA user_version = 1")
    else:
        steps = [s for s in POSTGRES_MIGRATIONS[1].split(";") if s.strip()]
        backend.execute("progress", *steps, "INSERT INTO kzlearn_schema VALUES (1)")
    backend.execute(
        "progress",
        "INSERT INTO cards VALUES ('p/a', 'p', '{}', 1800000000.5, 2, 1)",
        "INSERT INTO reviews (key, pack_id, at, rating, outcome, duration, answer, source) "
        "VALUES ('p/a', 'p', 1700000000.25, 3, 'correct', 2.5, '\"x\"', 'review')",
        "INSERT INTO reviews (key, pack_id, at, rating, outcome, duration, answer, source) "
        "VALUES ('p/b', 'p', 1700000001.25, NULL, 'wrong', 1.0, '\"y\"', 'quiz')",
    )


def test_a_reader_never_upgrades_a_version_1_database(backend: Backend) -> None:
    _version_1(backend)
    before = backend.snapshot("progress")
    if isinstance(backend, SqliteBackend):  # read through an upgraded copy in memory
        with backend.open(write=False) as store:
            assert [r.key for r in store.reviews()] == ["p/a", "p/b"]
            assert {(c.class_name, c.student) for c in store.class_rows(None)[0]} == {("", "")}
    else:
        with pytest.raises(StoreError, match=r"older kzlearn \(schema 1\).*left untouched"):
            backend.open(write=False)
    assert backend.snapshot("progress") == before


def test_a_version_1_database_migrates_with_its_data_kept_as_the_local_students(
    backend: Backend,
) -> None:
    _version_1(backend)
    with backend.open() as store:
        cards = store.cards()
        reviews = store.reviews()
        everyone = store.class_rows(None)
    assert [(c.key, c.due, c.state, c.active) for c in cards] == [("p/a", 1800000000.5, 2, True)]
    assert [(r.key, r.at, r.rating, r.source, r.uid) for r in reviews] == [
        ("p/a", 1700000000.25, 3, "review", None),
        ("p/b", 1700000001.25, None, "quiz", None),
    ]
    assert {(c.class_name, c.student) for c in everyone[0]} == {("", "")}
    # migrated, the database takes a class's answers beside the local student's
    _answer(backend, AMINA, "p/a")
    with backend.open(learner=AMINA) as store:
        assert len(store.reviews()) == 1
    with backend.open() as store:
        assert len(store.reviews()) == 2


def _waiting_on_a_lock(admin: object) -> bool:
    """Whether a connection to this database waits for an advisory lock."""
    import psycopg

    assert isinstance(admin, psycopg.Connection)
    row = admin.execute(
        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
        "AND wait_event_type = 'Lock' AND wait_event = 'advisory'"
    ).fetchone()
    return row is not None and row[0] > 0


def test_one_students_writers_take_turns_and_students_never_wait_for_each_other(
    postgres: Backend,
) -> None:
    import threading
    import time

    import psycopg

    from tests.stores import PostgresBackend

    assert isinstance(postgres, PostgresBackend)
    with postgres.open():
        pass
    amina, amina_again, baurzhan = (postgres.open(learner=x) for x in (AMINA, AMINA, BAURZHAN))
    done: list[str] = []

    def write(store: object, who: str) -> None:
        from kzlearn.store.base import ProgressStore

        assert isinstance(store, ProgressStore)
        with store.transaction() as tx:
            tx.delete_card("p/none")
        done.append(who)

    try:
        with amina.transaction() as held, psycopg.connect(postgres.url, autocommit=True) as admin:
            held.delete_card("p/none")  # Amina's lock is held until this block ends
            other = threading.Thread(target=write, args=(baurzhan, "Baurzhan"))
            other.start()
            other.join(timeout=60)
            assert done == ["Baurzhan"]  # not kept waiting by another student
            same = threading.Thread(target=write, args=(amina_again, "Amina"))
            same.start()
            deadline = time.monotonic() + 60
            while not _waiting_on_a_lock(admin):
                assert time.monotonic() < deadline, "Amina's second writer never waited"
                time.sleep(0.05)
            assert done == ["Baurzhan"]
        same.join(timeout=60)
        assert done == ["Baurzhan", "Amina"]
    finally:
        for store in (amina, amina_again, baurzhan):
            store.close()
