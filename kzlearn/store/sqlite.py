"""The progress store: one SQLite file with every card's FSRS state and every answer given.

Durable by construction: WAL journal, one short transaction per answer (committed before
the next question shows), a busy timeout so two processes can review the same file, and a
schema version with migrations. A file that is not ours, is corrupt, or was written by a
newer kzlearn is refused with a clear error and never touched.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

from kzlearn.errors import StoreError
from kzlearn.store.base import LOCAL, SCHEMA_VERSION, CardRow, Learner, ReviewRow
from kzlearn.store.checks import describe_error, integrity_problem, read_only_place, schema_problem
from kzlearn.store.schema import SQLITE_MIGRATIONS as _MIGRATIONS
from kzlearn.store.schema import sqlite_schema
from kzlearn.store.sql import SqlStore, SqlTransaction

__all__ = ["SCHEMA_VERSION", "CardRow", "ReviewRow", "Store", "default_db_path"]

_HEADER = b"SQLite format 3\x00"


def default_db_path() -> Path:
    """``KZLEARN_DB`` (when it is not a URL), else progress.sqlite3 in the user data folder."""
    from kzlearn.store.location import is_url

    chosen = os.environ.get("KZLEARN_DB")
    if chosen and not is_url(chosen):
        return Path(chosen)
    import platformdirs

    return Path(platformdirs.user_data_dir("kzlearn", appauthor=False)) / "progress.sqlite3"


class Store(SqlStore):
    """An open progress file.

    Raises (on opening):
        StoreError: the file is not a kzlearn database, is corrupt, was written by a newer
            kzlearn, or cannot be created or opened.
    """

    def __init__(self, path: str | Path, *, write: bool = True, learner: Learner = LOCAL) -> None:
        self.path = Path(path)
        self.learner = learner
        self.location = str(self.path)
        self.write = write
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
            if write:
                self.db.execute("PRAGMA journal_mode = WAL")
                self.db.execute("PRAGMA synchronous = NORMAL")
                self._migrate()
            elif version < SCHEMA_VERSION:
                # A reader never changes the file, not even to upgrade it: an older file is
                # read through a copy in memory, upgraded there.
                copy = sqlite3.connect(":memory:", isolation_level=None)
                self.db.backup(copy)
                self.db.close()
                self.db = copy
                self._migrate()
            if not write:
                self.db.execute("PRAGMA query_only = 1")
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
        if version >= 1:  # an older version's tables are checked before they are migrated
            problem = schema_problem(self.db, sqlite_schema(version))
            if problem is not None:
                raise StoreError(
                    f"{self.path}: a SQLite database, but not kzlearn's: {problem} "
                    "(left untouched)"
                )

    def _migrate(self) -> None:
        with self._transaction():
            version = self.db.execute("PRAGMA user_version").fetchone()[0]
            for step in range(version + 1, SCHEMA_VERSION + 1):
                for statement in _MIGRATIONS[step].split(";"):
                    if statement.strip():
                        self.db.execute(statement)
                self.db.execute(f"PRAGMA user_version = {step}")

    def transaction(self) -> AbstractContextManager[SqlTransaction]:
        """A write transaction: taken at once (BEGIN IMMEDIATE), committed at the end."""
        if not self.write:
            raise StoreError(f"{self.path}: read-only (opened for reading only)")
        return self._transaction()

    @contextmanager
    def _transaction(self) -> Iterator[SqlTransaction]:
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as error:
            raise StoreError(describe_error(self.path, error)) from None
        try:
            yield SqlTransaction(self.db, learner=self.learner)
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

    @contextmanager
    def _reading(self) -> Iterator[SqlTransaction]:
        # A page damaged since the store was opened fails as a StoreError, not a crash.
        try:
            yield SqlTransaction(self.db, learner=self.learner)
        except sqlite3.DatabaseError as error:
            raise StoreError(describe_error(self.path, error)) from None

    def _rollback(self) -> None:
        if self.db.in_transaction:
            self.db.execute("ROLLBACK")

    def close(self) -> None:
        """Close the database."""
        self.db.close()
