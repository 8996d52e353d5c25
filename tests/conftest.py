"""Shared fixtures: the repository's own decks and a helper to write pack files."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.stores import PG_VARIABLE, Backend, PostgresBackend, SqliteBackend, postgres_url

ROOT = Path(__file__).resolve().parent.parent
DECKS = sorted((ROOT / "decks").glob("*.yaml"))
ARTICLE = ROOT / "decks" / "sources" / "kazakhstan-30-years-ar.txt"
Write = Callable[[str, str | bytes], Path]  # the type of the write fixture


@pytest.fixture
def write(tmp_path: Path) -> Write:
    """Write a file under tmp_path and return its path."""

    def _write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return _write


def run_cli(
    *args: str,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    input_text: str | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m kzlearn ARGS`` in a subprocess, as a user would."""
    return subprocess.run(
        [sys.executable, "-m", "kzlearn", *args],
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        env={**os.environ, "PYTHONIOENCODING": "utf-8", **(env or {})},
        input=input_text,
        timeout=120,
        check=False,
    )


@pytest.fixture(params=["sqlite", "postgres"])
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Backend]:
    """Each store test runs on a SQLite file and on the PostgreSQL server of
    KZLEARN_TEST_PG; on CI (CI=true) a missing server fails the test instead of skipping."""
    if request.param == "sqlite":
        yield SqliteBackend(tmp_path)
        return
    yield from _postgres_backend()


@pytest.fixture
def postgres() -> Iterator[Backend]:
    """The PostgreSQL backend alone (for tests that need both at once)."""
    yield from _postgres_backend()


def _postgres_backend() -> Iterator[Backend]:
    url = postgres_url()
    if url is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{PG_VARIABLE} is not set: CI runs the store tests on PostgreSQL too")
        pytest.skip(f"{PG_VARIABLE} is not set: no PostgreSQL server to test against")
    chosen = PostgresBackend(url)
    try:
        yield chosen
    finally:
        chosen.close()
