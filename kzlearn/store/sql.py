"""The SQL both backends run: SQLite and PostgreSQL read the same statements (written with
``?``; PostgreSQL's driver wants ``%s``), so a backend supplies only a connection, its
schema and what its errors mean."""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Sequence
from contextlib import AbstractContextManager
from typing import Any, Protocol

from kzlearn.store.base import (
    CardRow,
    ClassCard,
    ClassReview,
    Learner,
    ProgressStore,
    ReviewRow,
    StoreTransaction,
)

__all__ = ["CARD_COLUMNS", "REVIEW_COLUMNS", "SqlStore", "SqlTransaction"]

CARD_COLUMNS = "key, pack_id, card, due, state, active"
REVIEW_COLUMNS = (
    "id, key, pack_id, at, rating, outcome, duration, answer, source, state_before, "
    "card_before, card_after, params, uid"
)
MINE = "class_name = ? AND student = ?"  # every query's scope: the learner's rows alone


def _card_row(row: Sequence[Any]) -> CardRow:
    key, pack_id, card, due, state, active = row
    return CardRow(key, pack_id, card, float(due), state, bool(active))


def _review_row(row: Sequence[Any]) -> ReviewRow:
    values = list(row)
    values[3], values[6] = float(values[3]), float(values[6])  # at, duration
    return ReviewRow(*values)


class Cursor(Protocol):
    """What sqlite3's and psycopg's cursors share."""

    def fetchone(self) -> Any: ...
    def fetchall(self) -> list[Any]: ...


class Connection(Protocol):
    """What sqlite3's and psycopg's connections share: ``execute`` returns a cursor."""

    def execute(self, query: Any, params: Any = ..., /) -> Any: ...


class SqlTransaction(StoreTransaction):
    """A transaction over a DB-API connection, in the SQL both backends speak (written
    with ``?``; ``mark`` is the backend's placeholder), scoped to ``learner``."""

    def __init__(self, db: Connection, mark: str = "?", learner: Learner | None = None) -> None:
        self.db = db
        self._mark = mark
        self.learner = learner or Learner()
        self._me = (self.learner.class_name, self.learner.student)

    def as_learner(self, learner: Learner) -> SqlTransaction:
        return SqlTransaction(self.db, self._mark, learner)

    def _run(self, query: str, args: Sequence[object] = ()) -> Any:
        if self._mark != "?":
            query = query.replace("?", self._mark)
        return self.db.execute(query, tuple(args))

    def card(self, key: str) -> CardRow | None:
        row = self._run(
            f"SELECT {CARD_COLUMNS} FROM cards WHERE {MINE} AND key = ?", (*self._me, key)
        ).fetchone()
        return _card_row(row) if row else None

    def review(self, review_id: int) -> ReviewRow | None:
        row = self._run(
            f"SELECT {REVIEW_COLUMNS} FROM reviews WHERE {MINE} AND id = ?", (*self._me, review_id)
        ).fetchone()
        return _review_row(row) if row else None

    def review_by_uid(self, uid: str) -> ReviewRow | None:
        row = self._run(f"SELECT {REVIEW_COLUMNS} FROM reviews WHERE uid = ?", (uid,)).fetchone()
        return _review_row(row) if row else None

    def reviews(self) -> list[ReviewRow]:
        rows = self._run(
            f"SELECT {REVIEW_COLUMNS} FROM reviews WHERE {MINE} ORDER BY at, id", self._me
        ).fetchall()
        return [_review_row(r) for r in rows]

    def review_ids(self, key: str) -> list[int]:
        rows = self._run(
            f"SELECT id FROM reviews WHERE {MINE} AND key = ? AND source = 'review' ORDER BY id",
            (*self._me, key),
        ).fetchall()
        return [int(r[0]) for r in rows]

    def put_card(self, row: CardRow) -> None:
        self._run(
            f"INSERT INTO cards (class_name, student, {CARD_COLUMNS}) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (class_name, student, key) DO UPDATE SET pack_id = excluded.pack_id, "
            "card = excluded.card, due = excluded.due, state = excluded.state, "
            "active = excluded.active",
            (*self._me, row.key, row.pack_id, row.card, row.due, row.state, int(row.active)),
        )

    def add_review(self, row: ReviewRow) -> int:
        columns = REVIEW_COLUMNS.removeprefix("id, ")
        found = self._run(
            f"INSERT INTO reviews (class_name, student, {columns}) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id",
            (
                *self._me,
                row.key,
                row.pack_id,
                float(row.at),
                row.rating,
                row.outcome,
                float(row.duration),
                row.answer,
                row.source,
                row.state_before,
                row.card_before,
                row.card_after,
                row.params,
                row.uid,
            ),
        ).fetchone()
        return int(found[0])

    def set_rating(self, review_id: int, rating: int, card_after: str) -> None:
        self._run(
            f"UPDATE reviews SET rating = ?, card_after = ? WHERE {MINE} AND id = ?",
            (rating, card_after, *self._me, review_id),
        )

    def mark_quiz_correct(self, review_id: int, source: str) -> bool:
        changed = self._run(
            "UPDATE reviews SET outcome = 'correct', source = ? "
            f"WHERE {MINE} AND id = ? AND source = 'quiz'",
            (source, *self._me, review_id),
        ).rowcount
        return bool(changed)

    def delete_review(self, review_id: int) -> None:
        self._run(f"DELETE FROM reviews WHERE {MINE} AND id = ?", (*self._me, review_id))

    def delete_card(self, key: str) -> None:
        self._run(f"DELETE FROM cards WHERE {MINE} AND key = ?", (*self._me, key))

    def set_active(self, pack_id: str, keys: set[str]) -> None:
        rows = self._run(
            f"SELECT key, active FROM cards WHERE {MINE} AND pack_id = ?", (*self._me, pack_id)
        ).fetchall()
        for key, active in rows:
            wanted = key in keys
            if bool(active) != wanted:
                self._run(
                    f"UPDATE cards SET active = ? WHERE {MINE} AND key = ?",
                    (int(wanted), *self._me, key),
                )


def _marks(values: Sequence[object]) -> str:
    return ",".join("?" * len(values))


class SqlStore(ProgressStore):
    """The reads and writes of :class:`ProgressStore` in shared SQL; a backend gives
    :meth:`_reading` (a connection to read through) and :meth:`transaction`."""

    learner: Learner = Learner()

    @property
    def _me(self) -> tuple[str, str]:
        return (self.learner.class_name, self.learner.student)

    @abstractmethod
    def _reading(self) -> AbstractContextManager[SqlTransaction]:
        """A connection for one read, as a transaction object (its errors translated)."""

    def _rows(self, query: str, args: Sequence[object] = ()) -> list[Any]:
        with self._reading() as tx:
            rows: list[Any] = tx._run(query, args).fetchall()
            return rows

    def card(self, key: str) -> CardRow | None:
        with self._reading() as tx:
            return tx.card(key)

    def cards(self, pack_ids: Sequence[str] | None = None) -> list[CardRow]:
        query = f"SELECT {CARD_COLUMNS} FROM cards WHERE {MINE}"
        if pack_ids is not None:
            if not pack_ids:
                return []
            query += f" AND pack_id IN ({_marks(pack_ids)})"
        rows = self._rows(query + " ORDER BY key", (*self._me, *(pack_ids or ())))
        return [_card_row(r) for r in rows]

    def card_keys(self, pack_ids: Sequence[str]) -> set[str]:
        if not pack_ids:
            return set()
        rows = self._rows(
            f"SELECT key FROM cards WHERE {MINE} AND pack_id IN ({_marks(pack_ids)})",
            (*self._me, *pack_ids),
        )
        return {r[0] for r in rows}

    def due_keys(self, until: float, pack_ids: Sequence[str]) -> list[str]:
        if not pack_ids:
            return []
        rows = self._rows(
            f"SELECT key FROM cards WHERE {MINE} AND active = 1 AND due <= ? AND pack_id IN "
            f"({_marks(pack_ids)}) ORDER BY due, pack_id, key",
            (*self._me, until, *pack_ids),
        )
        return [r[0] for r in rows]

    def reviews(
        self, pack_ids: Sequence[str] | None = None, since: float | None = None
    ) -> list[ReviewRow]:
        query = f"SELECT {REVIEW_COLUMNS} FROM reviews WHERE {MINE}"
        args: list[object] = [*self._me]
        if pack_ids is not None:
            if not pack_ids:
                return []
            query += f" AND pack_id IN ({_marks(pack_ids)})"
            args += pack_ids
        if since is not None:
            query += " AND at >= ?"
            args.append(since)
        return [_review_row(r) for r in self._rows(query + " ORDER BY at, id", args)]

    def review(self, review_id: int) -> ReviewRow | None:
        with self._reading() as tx:
            return tx.review(review_id)

    def introduced_since(self, since: float) -> int:
        rows = self._rows(
            f"SELECT count(DISTINCT key) FROM reviews r WHERE {MINE} AND source = 'review' "
            "AND at >= ? AND NOT EXISTS (SELECT 1 FROM reviews p WHERE "
            "p.class_name = r.class_name AND p.student = r.student AND p.key = r.key AND "
            "p.source = 'review' AND p.at < ?)",
            (*self._me, since, since),
        )
        return int(rows[0][0])

    def set_active(self, pack_id: str, keys: set[str]) -> None:
        with self.transaction() as tx:
            assert isinstance(tx, SqlTransaction)
            tx.set_active(pack_id, keys)

    def class_rows(
        self, class_name: str | None = None
    ) -> tuple[list[ClassCard], list[ClassReview]]:
        where, args = (
            ("WHERE class_name = ?", (class_name,)) if class_name is not None else ("", ())
        )
        with self._reading() as tx:
            cards = tx._run(
                f"SELECT class_name, student, {CARD_COLUMNS} FROM cards {where} "
                "ORDER BY class_name, student, key",
                args,
            ).fetchall()
            reviews = tx._run(
                f"SELECT class_name, student, {REVIEW_COLUMNS} FROM reviews {where} "
                "ORDER BY class_name, student, at, id",
                args,
            ).fetchall()
        return (
            [ClassCard(r[0], r[1], _card_row(r[2:])) for r in cards],
            [ClassReview(r[0], r[1], _review_row(r[2:])) for r in reviews],
        )
