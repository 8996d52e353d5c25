"""The progress store: one SQLite file with every card's FSRS state and every answer given.

Durable by construction: WAL journal, one short transaction per answer (committed before
the next question shows), a busy timeout so two processes can review the same file, and a
schema version with migrations. A file that is not ours, is corrupt, or was written by a
newer kzlearn is refused with a clear error and never touched.
"""

from __future__ import annotations

import functools
import json
import os
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import ParamSpec, TypeVar

from kzlearn.errors import StoreError
from kzlearn.store.checks import describe_error, integrity_problem, read_only_place, schema_problem

__all__ = ["SCHEMA_VERSION", "CardRow", "ReviewRow", "Store", "default_db_path"]

SCHEMA_VERSION = 1
_HEADER = b"SQLite format 3\x00"
_MIGRATIONS: dict[int, str] = {
    # Statements are split on ";": no semicolon inside a comment.
    1: """
    CREATE TABLE cards (
        key TEXT PRIMARY KEY,          -- pack_id/item_id
        pack_id TEXT NOT NULL,
        card TEXT NOT NULL,            -- the fsrs Card, as its JSON
        due REAL NOT NULL,             -- epoch seconds, for the due queue
        state INTEGER NOT NULL,        -- fsrs State: 1 learning, 2 review, 3 relearning
        active INTEGER NOT NULL DEFAULT 1  -- 0 once the item left its pack: kept, not due
    );
    CREATE INDEX cards_due ON cards (active, due, pack_id, key);  -- covering: the due queue
    CREATE INDEX cards_pack ON cards (pack_id, key);
    CREATE TABLE reviews (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL,
        pack_id TEXT NOT NULL,
        at REAL NOT NULL,              -- epoch seconds
        rating INTEGER,                -- 1 again .. 4 easy, NULL for a quiz answer
        outcome TEXT NOT NULL,         -- correct, nearly, wrong
        duration REAL NOT NULL,        -- seconds
        answer TEXT,                   -- the answer given, as JSON
        source TEXT NOT NULL,          -- review or quiz
        state_before INTEGER,
        card_before TEXT,
        card_after TEXT,
        params TEXT                    -- the FSRS parameter set that scheduled it
    );
    CREATE INDEX reviews_key ON reviews (key, at);
    CREATE INDEX reviews_at ON reviews (at);
    """,
}


def default_db_path() -> Path:
    """``--db``, else ``KZLEARN_DB``, else progress.sqlite3 in the user data folder."""
    chosen = os.environ.get("KZLEARN_DB")
    if chosen:
        return Path(chosen)
    import platformdirs

    return Path(platformdirs.user_data_dir("kzlearn", appauthor=False)) / "progress.sqlite3"


@dataclass(frozen=True, slots=True)
class CardRow:
    """A card's stored state."""

    key: str
    pack_id: str
    card: str
    due: float
    state: int
    active: bool


@dataclass(frozen=True, slots=True)
class ReviewRow:
    """One answer in the log."""

    id: int
    key: str
    pack_id: str
    at: float
    rating: int | None
    outcome: str
    duration: float
    answer: str | None
    source: str
    state_before: int | None
    card_before: str | None
    card_after: str | None
    params: str | None


def _card_row(row: tuple[str, str, str, float, int, int]) -> CardRow:
    key, pack_id, card, due, state, active = row
    return CardRow(key, pack_id, card, due, state, bool(active))


P = ParamSpec("P")
R = TypeVar("R")


def _reads(method: Callable[P, R]) -> Callable[P, R]:
    """A read that meets a page damaged since the store was opened fails as a StoreError."""

    @functools.wraps(method)
    def read(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return method(*args, **kwargs)
        except sqlite3.DatabaseError as error:
            store = args[0]
            assert isinstance(store, Store)
            raise StoreError(describe_error(store.path, error)) from None

    return read


class Store:
    """An open progress database.

    Raises (on opening):
        StoreError: the file is not a kzlearn database, is corrupt, was written by a newer
            kzlearn, or cannot be created or opened.
    """

    def __init__(self, path: str | Path, *, write: bool = True) -> None:
        self.path = Path(path)
        self._check_file()
        existed = self.path.exists() and self.path.stat().st_size > 0
        read_only = existed and read_only_place(self.path)
        if write and read_only:
            raise StoreError(f"{self.path}: read-only (the file or its folder cannot be written)")
        try:
            if not existed:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(
                self._read_only_uri() if read_only else self.path,
                timeout=60,
                isolation_level=None,
                uri=read_only,
            )
        except OSError as error:
            raise StoreError(f"{self.path}: cannot open the progress database: {error}") from None
        except sqlite3.Error as error:
            raise StoreError(describe_error(self.path, error)) from None
        try:
            self.db.execute("PRAGMA busy_timeout = 60000")
            # Every check reads only: a file that fails one stays exactly as it was.
            version = self._refuse_foreign()
            if existed:
                self._refuse_unsound(version)
            if write or version < SCHEMA_VERSION:
                self.db.execute("PRAGMA journal_mode = WAL")
                self.db.execute("PRAGMA synchronous = NORMAL")
                self._migrate()
        except (sqlite3.Error, StoreError) as error:
            self.db.close()
            if isinstance(error, StoreError):
                raise
            raise StoreError(describe_error(self.path, error)) from None

    def _read_only_uri(self) -> str:
        # SQLite needs to create the -shm file to read a WAL database; where it cannot, and
        # no one has left a -wal file to replay, the file is read as immutable.
        wal = self.path.with_name(self.path.name + "-wal")
        immutable = not (wal.exists() and wal.stat().st_size > 0)
        return f"{self.path.absolute().as_uri()}?mode=ro" + ("&immutable=1" if immutable else "")

    def _check_file(self) -> None:
        if not self.path.exists():
            return
        if self.path.is_dir():
            raise StoreError(f"{self.path}: is a directory, not a progress database")
        try:
            with self.path.open("rb") as handle:
                head = handle.read(len(_HEADER))
        except OSError as error:
            raise StoreError(f"{self.path}: cannot read: {error.strerror}") from None
        if head and head != _HEADER:
            raise StoreError(f"{self.path}: not a SQLite database (left untouched)")

    def _refuse_foreign(self) -> int:
        version: int = self.db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: written by a newer kzlearn (schema {version}; this one "
                f"knows {SCHEMA_VERSION}); upgrade kzlearn to open it"
            )
        if version == 0 and self.db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            raise StoreError(f"{self.path}: a SQLite database, but not kzlearn's (left untouched)")
        return version

    def _refuse_unsound(self, version: int) -> None:
        problem = integrity_problem(self.db)
        if problem is not None:
            raise StoreError(
                f"{self.path}: corrupt ({problem}); left untouched: restore it from a backup"
            )
        if version == SCHEMA_VERSION:
            problem = schema_problem(self.db, _MIGRATIONS[SCHEMA_VERSION])
            if problem is not None:
                raise StoreError(
                    f"{self.path}: a SQLite database, but not kzlearn's: {problem} "
                    "(left untouched)"
                )

    def _migrate(self) -> None:
        with self.transaction():
            version = self.db.execute("PRAGMA user_version").fetchone()[0]
            for step in range(version + 1, SCHEMA_VERSION + 1):
                for statement in _MIGRATIONS[step].split(";"):
                    if statement.strip():
                        self.db.execute(statement)
                self.db.execute(f"PRAGMA user_version = {step}")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction: taken at once (BEGIN IMMEDIATE), committed at the end."""
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as error:
            raise StoreError(describe_error(self.path, error)) from None
        try:
            yield self.db
        except sqlite3.Error as error:
            self._rollback()
            raise StoreError(describe_error(self.path, error)) from None
        except BaseException:
            self._rollback()
            raise
        try:
            self.db.execute("COMMIT")
        except sqlite3.Error as error:
            self._rollback()
            raise StoreError(describe_error(self.path, error)) from None

    def _rollback(self) -> None:
        if self.db.in_transaction:
            self.db.execute("ROLLBACK")

    def close(self) -> None:
        """Close the database."""
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- reading ---------------------------------------------------------------------------

    @_reads
    def card(self, key: str) -> CardRow | None:
        """The stored card for ``key``, if it has been reviewed."""
        row = self.db.execute(
            "SELECT key, pack_id, card, due, state, active FROM cards WHERE key = ?", (key,)
        ).fetchone()
        return _card_row(row) if row else None

    @_reads
    def cards(self, pack_ids: Sequence[str] | None = None) -> list[CardRow]:
        """Every stored card (of these packs)."""
        query = "SELECT key, pack_id, card, due, state, active FROM cards"
        args: tuple[str, ...] = ()
        if pack_ids is not None:
            query += f" WHERE pack_id IN ({','.join('?' * len(pack_ids))})"
            args = tuple(pack_ids)
        return [_card_row(r) for r in self.db.execute(query, args)]

    @_reads
    def card_keys(self, pack_ids: Sequence[str]) -> set[str]:
        """Keys of every stored card of these packs (no card data read)."""
        marks = ",".join("?" * len(pack_ids))
        rows = self.db.execute(
            f"SELECT key FROM cards WHERE pack_id IN ({marks})", tuple(pack_ids)
        )
        return {r[0] for r in rows}

    @_reads
    def due_keys(self, until: float, pack_ids: Sequence[str]) -> list[str]:
        """Active cards of these packs due by ``until`` (epoch seconds), most overdue first."""
        marks = ",".join("?" * len(pack_ids))
        rows = self.db.execute(
            f"SELECT key FROM cards WHERE active = 1 AND due <= ? AND pack_id IN ({marks}) "
            "ORDER BY due",
            (until, *pack_ids),
        )
        return [r[0] for r in rows]

    @_reads
    def reviews(
        self, pack_ids: Sequence[str] | None = None, since: float | None = None
    ) -> list[ReviewRow]:
        """The answer log, oldest first."""
        query = "SELECT * FROM reviews WHERE 1"
        args: list[object] = []
        if pack_ids is not None:
            query += f" AND pack_id IN ({','.join('?' * len(pack_ids))})"
            args += pack_ids
        if since is not None:
            query += " AND at >= ?"
            args.append(since)
        return [ReviewRow(*r) for r in self.db.execute(query + " ORDER BY at, id", args)]

    @_reads
    def review(self, review_id: int) -> ReviewRow | None:
        """One review."""
        row = self.db.execute("SELECT * FROM reviews WHERE id = ?", (review_id,)).fetchone()
        return ReviewRow(*row) if row else None

    # -- writing (callers wrap these in a transaction) -------------------------------------

    def put_card(self, db: sqlite3.Connection, row: CardRow) -> None:
        """Insert or replace a card."""
        db.execute(
            "INSERT INTO cards (key, pack_id, card, due, state, active) VALUES (?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (key) DO UPDATE SET pack_id = excluded.pack_id, card = excluded.card, "
            "due = excluded.due, state = excluded.state, active = excluded.active",
            (row.key, row.pack_id, row.card, row.due, row.state, int(row.active)),
        )

    def add_review(self, db: sqlite3.Connection, row: ReviewRow) -> int:
        """Append to the log; returns the new review's id."""
        cursor = db.execute(
            "INSERT INTO reviews (key, pack_id, at, rating, outcome, duration, answer, source, "
            "state_before, card_before, card_after, params) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                row.key,
                row.pack_id,
                row.at,
                row.rating,
                row.outcome,
                row.duration,
                row.answer,
                row.source,
                row.state_before,
                row.card_before,
                row.card_after,
                row.params,
            ),
        )
        return int(cursor.lastrowid or 0)

    def set_active(self, pack_id: str, keys: set[str]) -> None:
        """Cards of ``pack_id`` whose item is in ``keys`` are scheduled; the others are kept
        with their history but no longer come due (the item left the pack)."""
        with self.transaction() as db:
            for key, active in db.execute(
                "SELECT key, active FROM cards WHERE pack_id = ?", (pack_id,)
            ).fetchall():
                wanted = key in keys
                if bool(active) != wanted:
                    db.execute("UPDATE cards SET active = ? WHERE key = ?", (int(wanted), key))

    def dump(self) -> dict[str, object]:
        """Everything, as plain data (for ``kzlearn progress export``)."""
        return {
            "format": "kzlearn-progress",
            "schema": SCHEMA_VERSION,
            "cards": [
                {
                    "key": c.key,
                    "pack_id": c.pack_id,
                    "card": json.loads(c.card),
                    "active": c.active,
                }
                for c in self.cards()
            ],
            "reviews": [
                {name: getattr(r, name) for name in ReviewRow.__slots__ if name != "id"}
                for r in self.reviews()
            ],
        }
