"""The two progress backends, for tests that run on both: a SQLite file in tmp_path, and a
schema of its own on the PostgreSQL server named by KZLEARN_TEST_PG (.ci/run starts one).

Each test names the stores it needs; a backend turns a name into a fresh location, and can
tamper with what is stored behind kzlearn's back, in its own SQL.
"""

from __future__ import annotations

import os
import sqlite3
import uuid
from abc import ABC, abstractmethod
from pathlib import Path
from typing import Any

from kzlearn.store import open_store
from kzlearn.store.base import LOCAL, Learner, ProgressStore

PG_VARIABLE = "KZLEARN_TEST_PG"


class Backend(ABC):
    """Where a test's stores live."""

    name: str

    @abstractmethod
    def location(self, name: str = "progress") -> str:
        """The location of the store ``name`` (the same for the same name in one test)."""

    def open(
        self, name: str = "progress", *, write: bool = True, learner: Learner = LOCAL
    ) -> ProgressStore:
        return open_store(self.location(name), write=write, learner=learner)

    @abstractmethod
    def execute(self, name: str, *statements: str) -> None:
        """Run SQL on the store ``name`` directly, as another program would."""

    @abstractmethod
    def set_version(self, name: str, version: int) -> None:
        """Mark the store ``name`` as written with this schema version."""

    @abstractmethod
    def snapshot(self, name: str) -> object:
        """Everything stored, to tell whether it was touched."""

    def close(self) -> None:  # noqa: B027 (most backends have nothing to drop)
        """Drop what the test made."""


class SqliteBackend(Backend):
    name = "sqlite"

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def location(self, name: str = "progress") -> str:
        return str(self.folder / f"{name}.sqlite3")

    def execute(self, name: str, *statements: str) -> None:
        db = sqlite3.connect(self.location(name))
        try:
            with db:
                for statement in statements:
                    db.execute(statement)
        finally:
            db.close()

    def set_version(self, name: str, version: int) -> None:
        self.execute(name, f"PRAGMA user_version = {version}")

    def snapshot(self, name: str) -> object:
        path = Path(self.location(name))
        return path.read_bytes(), path.stat().st_mtime_ns


class PostgresBackend(Backend):
    """Each store is a schema of its own (dropped at the end), picked by the URL's
    ``options=-csearch_path=...``."""

    name = "postgres"

    def __init__(self, url: str) -> None:
        import psycopg

        self.url = url
        self.admin = psycopg.connect(url, autocommit=True)
        self.run = uuid.uuid4().hex[:10]
        self.schemas: dict[str, str] = {}

    def _schema(self, name: str) -> str:
        if name not in self.schemas:
            schema = f"t_{self.run}_{len(self.schemas)}"
            self.admin.execute(f"CREATE SCHEMA {schema}".encode())
            self.schemas[name] = schema
        return self.schemas[name]

    def location(self, name: str = "progress") -> str:
        joiner = "&" if "?" in self.url else "?"
        return f"{self.url}{joiner}options=-csearch_path%3D{self._schema(name)}"

    def execute(self, name: str, *statements: str) -> None:
        schema = self._schema(name)
        with self.admin.transaction():
            self.admin.execute(f"SET LOCAL search_path = {schema}".encode())
            for statement in statements:
                self.admin.execute(statement.encode())

    def set_version(self, name: str, version: int) -> None:
        self.execute(name, f"UPDATE kzlearn_schema SET version = {version}")

    def snapshot(self, name: str) -> object:
        schema = self._schema(name)
        tables = [
            str(r[0])
            for r in self.admin.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = %s "
                "ORDER BY table_name",
                (schema,),
            ).fetchall()
        ]
        found: dict[str, Any] = {}
        for table in tables:
            columns = self.admin.execute(
                "SELECT column_name, data_type FROM information_schema.columns "
                "WHERE table_schema = %s AND table_name = %s ORDER BY ordinal_position",
                (schema, table),
            ).fetchall()
            rows = self.admin.execute(f"SELECT * FROM {schema}.{table}".encode()).fetchall()
            found[table] = (columns, sorted(map(repr, rows)))
        return found

    def close(self) -> None:
        for schema in self.schemas.values():
            self.admin.execute(f"DROP SCHEMA {schema} CASCADE".encode())
        self.admin.close()


def postgres_url() -> str | None:
    """The test server's URL, or None where there is none (CI must have one)."""
    return os.environ.get(PG_VARIABLE) or None
