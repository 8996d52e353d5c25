"""The progress store on a PostgreSQL server (a class on one machine), through psycopg 3 and
a connection pool.

The same guarantees as the SQLite file: one short transaction per answer, a learner's
writers taking turns (a transaction-scoped advisory lock per learner stands for SQLite's
BEGIN IMMEDIATE; a class's students never wait for each other), a schema
version with the same migrations, and a database that is not kzlearn's, or was written by a
newer kzlearn, refused before anything is written to it. Messages name the server by its
URL with the password masked.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

import psycopg
from psycopg import errors
from psycopg_pool import ConnectionPool, PoolTimeout

from kzlearn.errors import StoreError
from kzlearn.store.base import LOCAL, SCHEMA_VERSION, Learner, StoreTransaction
from kzlearn.store.checks import Columns, expected_tables, tables_problem
from kzlearn.store.location import mask_url, scrub
from kzlearn.store.schema import POSTGRES_MIGRATIONS, VERSION_TABLE, sqlite_schema
from kzlearn.store.sql import SqlStore, SqlTransaction

__all__ = ["PostgresStore"]

T = TypeVar("T")
WRITER_LOCK = 0x6B7A6C6E  # pg_advisory_xact_lock's key for migrating the tables ("kzln")
# A learner's writers take turns (two tabs of one student), students never wait for each
# other: the lock's two-key form, this key and a hash of the learner.
LEARNER_LOCK = 0x6B7A
CONNECT_TIMEOUT = 10  # seconds to reach the server
WAIT = 30.0  # seconds to wait for a free connection, or for the server to come back
# The pool logs its reconnection attempts; kzlearn says what failed in one line of its own.
logging.getLogger("psycopg.pool").addHandler(logging.NullHandler())
_TYPES = {"text": "TEXT", "double precision": "REAL", "integer": "INTEGER", "bigint": "INTEGER"}
_TABLES = """
SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()
"""
_COLUMNS = """
SELECT c.table_name, c.column_name, c.data_type, c.is_nullable = 'NO',
    EXISTS (
        SELECT 1 FROM information_schema.table_constraints t
        JOIN information_schema.key_column_usage k
            ON k.constraint_schema = t.constraint_schema
            AND k.constraint_name = t.constraint_name
        WHERE t.constraint_type = 'PRIMARY KEY' AND t.table_schema = c.table_schema
            AND t.table_name = c.table_name AND k.column_name = c.column_name
    )
FROM information_schema.columns c
WHERE c.table_schema = current_schema() AND c.table_name <> 'kzlearn_schema'
ORDER BY c.table_name, c.ordinal_position
"""


class PostgresStore(SqlStore):
    """Progress in a PostgreSQL database, named by a ``postgresql://`` URL.

    Its tables go in the connection's current schema (``search_path``). Read-only opening
    (``write=False``) runs every transaction read-only and refuses a database with no
    kzlearn progress rather than create the tables.

    Raises (on opening):
        StoreError: the server cannot be reached, the database holds tables that are not
            kzlearn's, or was written by a newer kzlearn.
    """

    def __init__(self, url: str, *, write: bool = True, learner: Learner = LOCAL) -> None:
        self.url = url
        self.learner = learner
        self._lost: str | None = None  # why a connection was found lost, not yet told
        self.location = mask_url(url)
        self.write = write
        try:
            with psycopg.connect(url, connect_timeout=CONNECT_TIMEOUT, autocommit=True) as db:
                self._prepare(db)
        except psycopg.Error as error:
            raise StoreError(self._describe(error, "cannot open the progress database")) from None
        self.pool = ConnectionPool(
            url,
            min_size=1,
            max_size=8,
            open=False,
            timeout=WAIT,
            kwargs={"connect_timeout": CONNECT_TIMEOUT},
            configure=None if write else _read_only,
            # A connection the server dropped (a restart) is replaced, not handed out.
            check=self._check,
            name="kzlearn",
        )
        try:
            self.pool.open(wait=True, timeout=WAIT)
        except psycopg.Error as error:
            self.pool.close()
            raise StoreError(self._describe(error, "cannot open the progress database")) from None

    # -- opening: every check reads only; the tables are made under the writers' lock ---

    def _prepare(self, db: psycopg.Connection[tuple[object, ...]]) -> None:
        version = self._refuse_foreign(db)
        if version >= 1:  # an older version's tables are checked before they are migrated
            self._refuse_unsound(db, version)
        if version == SCHEMA_VERSION:
            return
        if version == 0 and not self.write:
            raise StoreError(
                f"{self.location}: no kzlearn progress in this database "
                "(nothing has been answered yet)"
            )
        if not self.write:  # a reader never changes the database, not even to upgrade it
            raise StoreError(
                f"{self.location}: written by an older kzlearn (schema {version}); the next "
                "quiz or review on it upgrades it (left untouched)"
            )
        with db.transaction():
            db.execute("SELECT pg_advisory_xact_lock(%s)", (WRITER_LOCK,))
            version = self._refuse_foreign(db)  # another kzlearn may have just made them
            for step in range(version + 1, SCHEMA_VERSION + 1):
                for statement in POSTGRES_MIGRATIONS[step].split(";"):
                    if statement.strip():
                        db.execute(statement.encode())
                db.execute(f"DELETE FROM {VERSION_TABLE}".encode())
                db.execute(f"INSERT INTO {VERSION_TABLE} (version) VALUES (%s)".encode(), (step,))
        self._refuse_unsound(db, SCHEMA_VERSION)

    def _refuse_foreign(self, db: psycopg.Connection[tuple[object, ...]]) -> int:
        tables = {str(r[0]) for r in db.execute(_TABLES).fetchall()}
        if VERSION_TABLE not in tables:
            if tables:
                raise StoreError(
                    f"{self.location}: a PostgreSQL database, but not kzlearn's: it has tables "
                    f"kzlearn does not make ({', '.join(sorted(tables)[:5])}) (left untouched)"
                )
            return 0
        rows = db.execute(f"SELECT version FROM {VERSION_TABLE}".encode()).fetchall()
        if len(rows) != 1 or not isinstance(rows[0][0], int) or rows[0][0] < 1:
            raise StoreError(
                f"{self.location}: a PostgreSQL database, but not kzlearn's: its "
                f"{VERSION_TABLE} table holds no version (left untouched)"
            )
        version: int = rows[0][0]
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.location}: written by a newer kzlearn (schema {version}; this one "
                f"knows {SCHEMA_VERSION}); upgrade kzlearn to open it"
            )
        return version

    def _refuse_unsound(self, db: psycopg.Connection[tuple[object, ...]], version: int) -> None:
        found: dict[str, list[tuple[str, str, int, int]]] = {}
        for table, column, kind, not_null, key in db.execute(_COLUMNS).fetchall():
            found.setdefault(str(table), []).append(
                (
                    str(column),
                    _TYPES.get(str(kind), str(kind)),
                    int(bool(not_null)),
                    int(bool(key)),
                )
            )
        tables: dict[str, Columns] = {name: tuple(cs) for name, cs in found.items()}
        problem = tables_problem(expected_tables(sqlite_schema(version)), tables)
        if problem is not None:
            raise StoreError(
                f"{self.location}: a PostgreSQL database, but not kzlearn's: {problem} "
                "(left untouched)"
            )

    # -- using it ------------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[SqlTransaction]:
        """A write transaction, committed at the end; the learner's writers take turns."""
        try:
            with self._writing() as tx:
                yield tx
        except psycopg.Error as error:
            raise StoreError(self._describe(error, "cannot write the progress")) from None

    @contextmanager
    def _writing(self) -> Iterator[SqlTransaction]:
        with self.pool.connection() as db, db.transaction():
            yield _LearnerTransaction(db, "%s", LOCAL).as_learner(self.learner)

    def _check(self, db: psycopg.Connection[tuple[object, ...]]) -> None:
        try:
            ConnectionPool.check_connection(db)
        except psycopg.Error as error:
            self._lost = self._describe(error, "the connection was lost")
            raise

    def run(self, work: Callable[[StoreTransaction], T]) -> T:
        """``work`` in one write transaction; where the connection was lost (the server
        restarted, or dropped it), once more on a new one. ``work`` is idempotent: if the
        first commit did reach the server, the second try finds its answer and writes
        nothing. ``on_lost`` hears of a lost connection once the work is done."""
        try:
            with self._writing() as tx:
                done = work(tx)
        except PoolTimeout as error:  # no server within WAIT: trying again would wait again
            raise StoreError(self._describe(error, "cannot write the progress")) from None
        except psycopg.OperationalError as error:
            self._lost = self._describe(error, "the connection was lost")
            self.pool.check()  # the other connections died with it: replace them now
            try:
                with self._writing() as tx:
                    done = work(tx)
            except psycopg.Error as again:
                raise StoreError(self._describe(again, "cannot write the progress")) from None
        except psycopg.Error as error:
            raise StoreError(self._describe(error, "cannot write the progress")) from None
        lost, self._lost = self._lost, None
        if lost is not None and self.on_lost is not None:
            self.on_lost(lost)
        return done

    @contextmanager
    def _reading(self) -> Iterator[SqlTransaction]:
        try:
            with self.pool.connection() as db:
                yield SqlTransaction(db, "%s", self.learner)
        except psycopg.Error as error:
            raise StoreError(self._describe(error, "cannot read the progress")) from None

    def _describe(self, error: psycopg.Error, doing: str) -> str:
        said = scrub(" ".join(str(error).split()), self.url) or type(error).__name__
        if isinstance(error, errors.ReadOnlySqlTransaction):
            return f"{self.location}: read-only (opened for reading only): {said}"
        if isinstance(error, PoolTimeout):
            return f"{self.location}: {doing}: no connection to the server within {WAIT:.0f} s"
        if isinstance(error, errors.InsufficientPrivilege):
            return f"{self.location}: {doing}: not allowed: {said}"
        if isinstance(error, psycopg.OperationalError):
            return f"{self.location}: {doing}: the PostgreSQL server: {said}"
        return f"{self.location}: {doing}: {said}"

    def close(self) -> None:
        """Close every connection."""
        self.pool.close()


class _LearnerTransaction(SqlTransaction):
    """A write transaction that holds the lock of each learner it writes for."""

    def as_learner(self, learner: Learner) -> SqlTransaction:
        self._run(
            "SELECT pg_advisory_xact_lock(?, hashtext(?))",
            (LEARNER_LOCK, f"{learner.class_name}\x1f{learner.student}"),
        )
        return _LearnerTransaction(self.db, self._mark, learner)


def _read_only(db: psycopg.Connection[tuple[object, ...]]) -> None:
    db.read_only = True
