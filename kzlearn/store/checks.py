"""Checks that a progress file is sound and kzlearn's, made before anything writes to it,
and what a SQLite error means for the person who named the file."""

from __future__ import annotations

import functools
import os
import sqlite3
from pathlib import Path

__all__ = [
    "Columns",
    "describe_error",
    "expected_tables",
    "integrity_problem",
    "read_only_place",
    "schema_problem",
    "tables_problem",
]

# https://www.sqlite.org/rescode.html (primary codes: the low byte of an extended one)
_READONLY, _PERM, _CANTOPEN, _IOERR, _FULL = 8, 3, 14, 10, 13
_BUSY, _LOCKED, _CORRUPT, _NOTADB = 5, 6, 11, 26

Columns = tuple[tuple[str, str, int, int], ...]  # name, type, not null, primary key


@functools.cache
def _expected(migrations: str) -> dict[str, Columns]:
    db = sqlite3.connect(":memory:")
    try:
        for statement in migrations.split(";"):
            if statement.strip():
                db.execute(statement)
        return _tables(db)
    finally:
        db.close()


def _tables(db: sqlite3.Connection) -> dict[str, Columns]:
    names = [
        r[0]
        for r in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {
        name: tuple(
            (str(c[1]), str(c[2]).upper(), int(c[3]), int(c[5]))
            for c in db.execute("SELECT * FROM pragma_table_info(?)", (name,))
        )
        for name in names
    }


def schema_problem(db: sqlite3.Connection, migrations: str) -> str | None:
    """What differs between the file's tables and those ``migrations`` create, if anything."""
    return tables_problem(expected_tables(migrations), _tables(db))


def expected_tables(migrations: str) -> dict[str, Columns]:
    """The tables SQLite's ``migrations`` make, with their columns."""
    return _expected(migrations)


def _normal(tables: dict[str, Columns]) -> dict[str, Columns]:
    # A primary key's column counts as not null: PostgreSQL says so, SQLite does not.
    return {
        name: tuple((c[0], c[1], 1 if c[3] else c[2], 1 if c[3] else 0) for c in columns)
        for name, columns in tables.items()
    }


def tables_problem(expected: dict[str, Columns], found: dict[str, Columns]) -> str | None:
    """What differs between the tables found and those expected, if anything."""
    expected, found = _normal(expected), _normal(found)
    for name, columns in expected.items():
        if name not in found:
            return f"it has no {name} table"
        if found[name] != columns:
            have = {c[0] for c in found[name]}
            missing = [c[0] for c in columns if c[0] not in have]
            if missing:
                return f"its {name} table has no {', '.join(missing)} column"
            return f"its {name} table's columns are not kzlearn's"
    extra = sorted(set(found) - set(expected))
    if extra:
        return f"it has tables kzlearn does not make ({', '.join(extra)})"
    return None


def integrity_problem(db: sqlite3.Connection) -> str | None:
    """SQLite's first complaint from ``PRAGMA quick_check``, or None for a sound file."""
    rows = db.execute("PRAGMA quick_check(1)").fetchall()
    if rows and rows[0][0] == "ok":
        return None
    return " ".join(str(rows[0][0]).split()) if rows else "quick_check gave no answer"


def describe_error(path: Path, error: sqlite3.Error) -> str:
    """One line for a SQLite error: read-only, locked, full and unreadable files are told
    apart from corrupt ones, since only the last are the file's fault."""
    code = (getattr(error, "sqlite_errorcode", None) or 0) & 0xFF
    if code == _READONLY or (code in (_CANTOPEN, _PERM) and read_only_place(path)):
        return f"{path}: read-only (the file or its folder cannot be written): {error}"
    if code in (_CANTOPEN, _PERM):
        return f"{path}: cannot open the progress database: {error}"
    if code == _FULL:
        return f"{path}: the disk is full: {error}"
    if code in (_BUSY, _LOCKED):
        return f"{path}: locked by another kzlearn or program; try again: {error}"
    if code == _IOERR:
        return f"{path}: cannot read or write the file: {error}"
    if code in (_CORRUPT, _NOTADB):
        return f"{path}: corrupt ({error}); left untouched: restore it from a backup"
    return f"{path}: not a kzlearn progress database, or corrupt: {error}"


def read_only_place(path: Path) -> bool:
    """Whether ``path`` (or its folder, where SQLite keeps its journal) cannot be written:
    a read-only file system stops root too, permission bits only others."""
    folder = path.parent if not path.is_dir() else path
    try:
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return True
    except OSError:
        return False
    return not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK))
