"""A damaged or foreign progress file (issue 14): refused in one line before anything writes,
and left exactly as it was."""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kzlearn.errors import StoreError
from kzlearn.review.srs import Reviewer
from kzlearn.store.checks import describe_error
from kzlearn.store.sqlite import Store
from tests.conftest import run_cli
from tests.stores import Backend

DAY0 = datetime(2026, 5, 4, 9, tzinfo=UTC)


def a_store_with_history(path: Path, reviews: int = 300) -> None:
    with Store(path) as store:
        reviewer = Reviewer(store)
        for i in range(reviews):
            reviewer.record(f"p/item-{i}", "correct", now=DAY0, answer={"typed": "x" * 200})
    assert not Path(f"{path}-wal").exists()


def snapshot(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mtime_ns


def garble_a_middle_page(path: Path) -> None:
    data = bytearray(path.read_bytes())
    page = 4096
    middle = (len(data) // page // 2) * page
    data[middle + 8 : middle + 4000] = os.urandom(3992)
    path.write_bytes(bytes(data))


def test_a_file_garbled_in_its_middle_pages_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "progress.sqlite3"
    a_store_with_history(path)
    assert path.stat().st_size > 20 * 4096
    garble_a_middle_page(path)
    before = snapshot(path)
    with pytest.raises(StoreError, match="corrupt") as caught:
        Store(path)
    assert "\n" not in str(caught.value)
    assert snapshot(path) == before
    with pytest.raises(StoreError, match="corrupt"):
        Store(path, write=False)
    assert snapshot(path) == before


@pytest.mark.parametrize(
    "command",
    [["stats"], ["progress", "export", "out.json"], ["progress", "revlog", "log.csv"]],
)
def test_commands_on_a_garbled_file_say_so_in_one_line(tmp_path: Path, command: list[str]) -> None:
    path = tmp_path / "progress.sqlite3"
    a_store_with_history(path, reviews=200)
    garble_a_middle_page(path)
    before = snapshot(path)
    result = run_cli(*command, "--db", str(path), cwd=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1
    assert f"{path}: corrupt" in result.stderr
    assert snapshot(path) == before
    assert not (tmp_path / "out.json").exists()
    assert not (tmp_path / "log.csv").exists()


def test_a_foreign_database_claiming_our_schema_version_is_refused_untouched(
    tmp_path: Path,
) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as other:
        other.execute("CREATE TABLE songs (title TEXT)")
        other.execute("INSERT INTO songs VALUES ('a song')")
        other.execute("PRAGMA user_version = 1")
    other.close()
    before = snapshot(path)
    with pytest.raises(StoreError, match="not kzlearn's: it has no cards table"):
        Store(path)
    assert snapshot(path) == before
    assert before[0][18:20] == b"\x01\x01"  # still a rollback journal, never switched to WAL


def test_a_foreign_postgres_database_claiming_our_version_is_refused_untouched(
    postgres: Backend,
) -> None:
    postgres.execute(
        "other",
        "CREATE TABLE songs (title TEXT)",
        "INSERT INTO songs VALUES ('a song')",
        "CREATE TABLE kzlearn_schema (version INTEGER NOT NULL)",
        "INSERT INTO kzlearn_schema VALUES (1)",
    )
    before = postgres.snapshot("other")
    with pytest.raises(StoreError, match="not kzlearn's: it has no cards table"):
        postgres.open("other")
    assert postgres.snapshot("other") == before


def test_a_kzlearn_store_missing_a_column_is_refused(backend: Backend) -> None:
    backend.open().close()
    backend.execute("progress", "ALTER TABLE reviews DROP COLUMN params")
    before = backend.snapshot("progress")
    with pytest.raises(StoreError, match="its reviews table has no params column"):
        backend.open()
    with pytest.raises(StoreError, match="its reviews table has no params column"):
        backend.open(write=False)
    assert backend.snapshot("progress") == before


def test_a_sound_store_is_read_without_a_single_write(backend: Backend) -> None:
    with backend.open() as store:
        reviewer = Reviewer(store)
        for i in range(3):
            reviewer.record(f"p/item-{i}", "correct", now=DAY0)
    before = backend.snapshot("progress")
    with backend.open(write=False) as store:
        assert len(store.reviews()) == 3
        with pytest.raises(StoreError, match="read-only"):
            Reviewer(store).record("p/item-9", "correct", now=DAY0)
    assert backend.snapshot("progress") == before


def test_read_only_is_told_apart_from_corrupt_on_real_sqlite_errors(tmp_path: Path) -> None:
    # Root ignores permission bits, so the read-only case is a real SQLITE_READONLY raised
    # by a connection that SQLite itself opened read-only (mode=ro), as it does on a
    # read-only mount.
    path = tmp_path / "progress.sqlite3"
    a_store_with_history(path, reviews=3)
    db = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    with pytest.raises(sqlite3.OperationalError) as read_only:
        db.execute("DELETE FROM reviews")
    db.close()
    assert describe_error(path, read_only.value).startswith(f"{path}: read-only")
    garbled = tmp_path / "garbled.sqlite3"
    garbled.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    db = sqlite3.connect(garbled)
    with pytest.raises(sqlite3.DatabaseError) as corrupt:
        db.execute("SELECT * FROM sqlite_master").fetchall()
    db.close()
    message = describe_error(garbled, corrupt.value)
    assert "corrupt" in message
    assert "read-only" not in message


def test_a_page_damaged_after_opening_is_a_store_error_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "progress.sqlite3"
    a_store_with_history(path)
    with Store(path, write=False) as store:
        store.db.execute("PRAGMA cache_size = 1")  # read the damage, not a cached page
        garble_a_middle_page(path)
        with pytest.raises(StoreError, match=f"{path}: corrupt"):
            store.reviews()
