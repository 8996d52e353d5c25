"""SQLite and PostgreSQL behind one store: where ``--db`` points, the same schema in both,
progress moving between them, and database passwords never printed."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from fsrs import Scheduler

from kzlearn import load_packs
from kzlearn.errors import StoreError
from kzlearn.questions.generate import all_items
from kzlearn.review.srs import Reviewer, export_progress, import_progress
from kzlearn.store import is_url, mask_url, open_store
from kzlearn.store.checks import expected_tables
from kzlearn.store.schema import POSTGRES_MIGRATIONS, SQLITE_MIGRATIONS, sqlite_schema
from tests.conftest import DECKS, ROOT, run_cli
from tests.stores import Backend, SqliteBackend

DAY0 = datetime(2026, 5, 4, 9, tzinfo=UTC)
PACK = load_packs(DECKS)[0]
KEYS = [f"{PACK.id}/{i.id}" for i in all_items(PACK)]
SECRET = "s3cr3t-pw"
NOWHERE = f"postgresql://teacher:{SECRET}@127.0.0.1:1/kzlearn"  # port 1: refused at once


@pytest.mark.parametrize(
    ("url", "masked"),
    [
        (f"postgresql://bob:{SECRET}@db.school/kz", "postgresql://bob:***@db.school/kz"),
        (
            "postgres://bob:p%40ss@db/kz?sslmode=require",
            "postgres://bob:***@db/kz?sslmode=require",
        ),
        (
            f"postgresql:///kz?host=/run/pg&password={SECRET}",
            "postgresql:///kz?host=/run/pg&password=***",
        ),
        (f"postgresql://bob:{SECRET}@db:notaport/kz", "postgresql://bob:***@db:notaport/kz"),
        ("postgresql://db.school/kz", "postgresql://db.school/kz"),
    ],
)
def test_a_url_is_named_without_its_password(url: str, masked: str) -> None:
    assert mask_url(url) == masked


def test_a_url_is_told_from_a_path() -> None:
    assert is_url("postgresql://h/db")
    assert is_url("POSTGRES://h/db")
    assert is_url("mysql://h/db")
    assert is_url("postgresql:/h/db")  # a slash missing: still not a file name
    assert not is_url("progress.sqlite3")
    assert not is_url("/home/me/postgresql:/x")
    assert not is_url(Path("postgresql://h/db"))


@pytest.mark.parametrize(
    "command", [["stats"], ["progress", "import", "in.json"], ["progress", "export", "out.json"]]
)
@pytest.mark.parametrize("how", ["--db", "KZLEARN_DB"])
def test_a_url_is_never_taken_for_a_file_path_and_its_password_never_printed(
    tmp_path: Path, command: list[str], how: str
) -> None:
    (tmp_path / "in.json").write_text('{"format": "kzlearn-progress"}', encoding="utf-8")
    before = sorted(p.name for p in tmp_path.iterdir())
    if how == "--db":
        result = run_cli(*command, "--db", NOWHERE, cwd=tmp_path)
    else:
        result = run_cli(*command, cwd=tmp_path, env={"KZLEARN_DB": NOWHERE})
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1
    assert "postgresql://teacher:***@127.0.0.1:1/kzlearn" in result.stderr
    assert SECRET not in result.stderr + result.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # no postgresql: folder


@pytest.mark.parametrize(
    "url", [f"mysql://me:{SECRET}@localhost/kz", f"postgresql:/kz?password={SECRET}"]
)
def test_another_kind_of_url_is_refused_not_made_a_file(tmp_path: Path, url: str) -> None:
    result = run_cli("progress", "import", "in.json", "--db", url, cwd=tmp_path)
    assert result.returncode == 1
    assert "not a database kzlearn can use" in result.stderr
    assert SECRET not in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_the_sqlite_path_never_imports_the_postgres_driver(tmp_path: Path) -> None:
    code = (
        "import sys, kzlearn, kzlearn.store\n"
        "from kzlearn.cli import main\n"
        f"s = kzlearn.store.open_store({str(tmp_path / 'p.sqlite3')!r}); s.close()\n"
        "print(sorted(m for m in sys.modules if m.startswith('psycopg')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert out.stdout.strip() == "[]"


def test_both_backends_have_the_same_migrations() -> None:
    assert sorted(SQLITE_MIGRATIONS) == sorted(POSTGRES_MIGRATIONS)


def test_postgres_makes_the_tables_sqlite_makes(postgres: Backend) -> None:
    postgres.open().close()
    stored = postgres.snapshot("progress")
    assert isinstance(stored, dict)
    tables = expected_tables(sqlite_schema())
    assert sorted(stored) == sorted([*tables, "kzlearn_schema"])
    for name, columns in tables.items():
        assert [c[0] for c in stored[name][0]] == [c[0] for c in columns]


def test_a_password_is_masked_in_what_the_server_says(postgres: Backend) -> None:
    parts = urlsplit(postgres.location())
    url = f"{parts.scheme}://{parts.netloc}/no_such_kzlearn_db?{parts.query}&password={SECRET}"
    with pytest.raises(StoreError, match="no_such_kzlearn_db") as caught:
        open_store(url)
    assert SECRET not in str(caught.value)
    assert "password=***" in str(caught.value)
    result = run_cli("stats", "--db", url)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1
    assert SECRET not in result.stderr


def test_reading_an_empty_postgres_database_says_there_is_nothing_yet(postgres: Backend) -> None:
    result = run_cli("stats", "--db", postgres.location())
    assert result.returncode == 1
    assert "no kzlearn progress in this database" in result.stderr
    assert postgres.snapshot("progress") == {}  # read-only: no table made


def test_two_processes_opening_a_new_postgres_database_at_once(postgres: Backend) -> None:
    code = "import sys; from kzlearn.store import open_store; open_store(sys.argv[1]).close()"
    location = postgres.location()
    workers = [
        subprocess.Popen([sys.executable, "-c", code, location], cwd=ROOT, stderr=subprocess.PIPE)
        for _ in range(4)
    ]
    assert [w.wait(timeout=120) for w in workers] == [0] * 4
    for worker in workers:
        assert worker.stderr is not None
        worker.stderr.close()
    with postgres.open() as store:
        assert store.reviews() == []


def test_an_export_with_nul_in_text_is_refused_on_both(backend: Backend, tmp_path: Path) -> None:
    with backend.open("source") as store:
        Reviewer(store).record("p/one", "correct", now=DAY0)
        export_progress(store, str(tmp_path / "good.json"))
    data = json.loads((tmp_path / "good.json").read_text(encoding="utf-8"))
    data["reviews"][0]["params"] = "fsrs\x00"
    (tmp_path / "bad.json").write_text(json.dumps(data), encoding="utf-8")
    with backend.open("mine") as store:
        with pytest.raises(StoreError, match=r"reviews\.0\.params: contains a NUL character"):
            import_progress(store, str(tmp_path / "bad.json"))
        assert store.reviews() == []


def _history(location: str) -> None:
    with open_store(location) as store:
        reviewer = Reviewer(store, Scheduler(enable_fuzzing=False))
        for day in range(5):
            when = DAY0 + timedelta(days=day)
            for i, key in enumerate(reviewer.queue({PACK.id: KEYS}, now=when, new_per_day=6)):
                outcome = ("correct", "wrong", "nearly")[(i + day) % 3]
                reviewer.record(key, outcome, now=when, duration=2.5)  # type: ignore[arg-type]
        reviewer.record(KEYS[0], "correct", source="quiz", now=DAY0, answer={"typed": "أستانا"})


@pytest.mark.parametrize("direction", ["sqlite to postgres", "postgres to sqlite"])
def test_progress_exported_from_one_backend_imports_into_the_other_with_the_same_stats(
    tmp_path: Path, postgres: Backend, direction: str
) -> None:
    sqlite = SqliteBackend(tmp_path)
    source, target = (sqlite, postgres) if direction.startswith("sqlite") else (postgres, sqlite)
    _history(source.location("source"))
    out = tmp_path / "progress.json"
    exported = run_cli("progress", "export", str(out), "--db", source.location("source"))
    assert exported.returncode == 0, exported.stderr
    imported = run_cli("progress", "import", str(out), "--db", target.location("target"))
    assert imported.returncode == 0, imported.stderr
    stats = [
        run_cli("stats", "--json", str(DECKS[0]), "--db", b.location(n), env={"TZ": "UTC"})
        for b, n in ((source, "source"), (target, "target"))
    ]
    assert [s.returncode for s in stats] == [0, 0], stats[1].stderr
    assert stats[0].stdout == stats[1].stdout
    assert (
        json.loads(stats[0].stdout)[0]["learning"] + json.loads(stats[0].stdout)[0]["review"] > 0
    )
    again = tmp_path / "again.json"
    assert (
        run_cli("progress", "export", str(again), "--db", target.location("target")).returncode
        == 0
    )
    assert json.loads(again.read_text(encoding="utf-8")) == json.loads(
        out.read_text(encoding="utf-8")
    )
