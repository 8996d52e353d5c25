"""The progress store under faults: corrupt files, read-only folders, newer schemas, two
processes at once, a clock going backwards, and a process killed mid-review."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from kzlearn.errors import StoreError
from kzlearn.review.srs import Reviewer
from kzlearn.store.sqlite import SCHEMA_VERSION, Store
from tests.conftest import ROOT
from tests.stores import Backend


def test_a_new_store_has_the_schema_and_wal(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "er" / "progress.sqlite3"
    with Store(path) as store:
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    with Store(path) as again:  # reopening migrates nothing and keeps the data
        assert again.cards() == []


@pytest.mark.parametrize(
    "content", [b"\x00\x01garbage" * 100, b"SQLite format 3\x00" + b"\xff" * 2000]
)
def test_a_corrupt_file_is_refused_and_never_touched(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "progress.sqlite3"
    path.write_bytes(content)
    with pytest.raises(StoreError, match=str(path)):
        Store(path)
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["progress.sqlite3"]


def test_someone_elses_database_is_refused(backend: Backend) -> None:
    backend.execute("other", "CREATE TABLE songs (title TEXT)")
    before = backend.snapshot("other")
    with pytest.raises(StoreError, match="not kzlearn's"):
        backend.open("other")
    with pytest.raises(StoreError, match="not kzlearn's"):
        backend.open("other", write=False)
    assert backend.snapshot("other") == before


def test_a_newer_schema_is_refused(backend: Backend) -> None:
    backend.open().close()
    backend.set_version("progress", SCHEMA_VERSION + 1)
    with pytest.raises(StoreError, match="written by a newer kzlearn"):
        backend.open()


def test_a_read_only_folder_is_a_clear_error(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        # root ignores permission bits; a read-only file system still stops it (/proc)
        with pytest.raises(StoreError, match="cannot"):
            Store(Path("/proc/kzlearn-progress.sqlite3"))
        return
    tmp_path.chmod(0o500)
    try:
        with pytest.raises(StoreError, match="cannot"):
            Store(tmp_path / "progress.sqlite3")
    finally:
        tmp_path.chmod(0o700)


def test_the_cli_reports_a_bad_database_in_one_line(tmp_path: Path) -> None:
    from tests.conftest import run_cli

    path = tmp_path / "progress.sqlite3"
    path.write_bytes(b"not a database at all")
    result = run_cli("stats", "--db", str(path))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().count("\n") == 0
    assert str(path) in result.stderr
    assert path.read_bytes() == b"not a database at all"


def test_a_clock_going_backwards_does_not_crash(backend: Backend) -> None:
    with backend.open() as store:
        reviewer = Reviewer(store)
        now = datetime(2026, 3, 1, 12, tzinfo=UTC)
        reviewer.record("p/a", "correct", now=now)
        reviewer.record("p/a", "wrong", now=now - timedelta(days=3))
        reviews = store.reviews()
        assert len(reviews) == 2
        assert reviews[1].at >= reviews[0].at


WORKER = """
import sys
from kzlearn.review.srs import Reviewer
from kzlearn.store import open_store
path, name, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
with open_store(path) as store:
    reviewer = Reviewer(store)
    for i in range(count):
        reviewer.record(f"p/{name}-{i % 50}", "correct" if i % 3 else "wrong", duration=1.0)
        print(i + 1, flush=True)
"""


def test_two_processes_reviewing_at_once_lose_nothing(backend: Backend) -> None:
    path = backend.location("shared")
    backend.open("shared").close()
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, path, name, "1000"],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
        )
        for name in ("a", "b")
    ]
    assert [w.wait(timeout=300) for w in workers] == [0, 0]
    with backend.open("shared") as store:
        reviews = store.reviews()
        assert len(reviews) == 2000
        assert {r.key.split("-")[0] for r in reviews} == {"p/a", "p/b"}
        assert len(store.cards()) == 100


def test_a_process_killed_mid_review_keeps_every_answer_given(backend: Backend) -> None:
    path = backend.location("killed")
    worker = subprocess.Popen(
        [sys.executable, "-c", WORKER, path, "k", "100000"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert worker.stdout is not None
    answered = 0
    deadline = time.monotonic() + 120
    while answered < 300 and time.monotonic() < deadline:
        answered = int(worker.stdout.readline())
    worker.send_signal(signal.SIGKILL)
    worker.wait(timeout=30)
    worker.stdout.close()
    assert answered >= 300
    with backend.open("killed") as store:
        assert len(store.reviews()) >= answered  # every printed answer was committed first
