"""Writing files (issue 14): never over a file of another kind, through a terminal or FIFO
rather than replacing it, through a symlink rather than over it, keeping permissions."""

from __future__ import annotations

import json
import os
import socket
import stat
import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kzlearn.errors import KzlearnError
from kzlearn.files import atomic_write, starts_with
from kzlearn.review.srs import Reviewer, export_progress, write_revlog
from kzlearn.store.sqlite import Store
from tests.conftest import DECKS, run_cli

DAY0 = datetime(2026, 5, 4, 9, tzinfo=UTC)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = Store(tmp_path / "progress.sqlite3")
    Reviewer(store).record("p/one", "correct", now=DAY0)
    return store


def test_progress_export_and_revlog_refuse_to_overwrite_a_pack(
    tmp_path: Path, store: Store
) -> None:
    pack = tmp_path / "deck.yaml"
    pack.write_bytes(DECKS[0].read_bytes())
    before = pack.read_bytes()
    with pytest.raises(KzlearnError, match="exists and is not a kzlearn progress export"):
        export_progress(store, str(pack))
    with pytest.raises(KzlearnError, match="exists and is not a review log CSV"):
        write_revlog(store, str(pack))
    assert pack.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []
    export_progress(store, str(pack), force=True)
    assert json.loads(pack.read_text(encoding="utf-8"))["format"] == "kzlearn-progress"


def test_an_export_replaces_an_earlier_export_of_the_same_kind(
    tmp_path: Path, store: Store
) -> None:
    out, log = tmp_path / "progress.json", tmp_path / "log.csv"
    export_progress(store, str(out))
    write_revlog(store, str(log))
    Reviewer(store).record("p/two", "correct", now=DAY0)
    assert export_progress(store, str(out)) == 2
    assert write_revlog(store, str(log)) == 2


def test_the_cli_refuses_and_force_replaces(tmp_path: Path, store: Store) -> None:
    store.close()
    pack = tmp_path / "deck.yaml"
    pack.write_bytes(DECKS[0].read_bytes())
    db = str(tmp_path / "progress.sqlite3")
    for action in ("export", "revlog"):
        refused = run_cli("progress", action, str(pack), "--db", db)
        assert refused.returncode == 1
        assert refused.stderr.count("\n") == 1
        assert "use --force" in refused.stderr
        assert pack.read_bytes() == DECKS[0].read_bytes()
    forced = run_cli("progress", "revlog", str(pack), "--db", db, "--force")
    assert forced.returncode == 0, forced.stderr
    assert pack.read_text(encoding="utf-8").startswith("id,cid,usn,ease")


def test_an_existing_file_keeps_its_permissions_and_a_new_one_follows_the_umask(
    tmp_path: Path, store: Store
) -> None:
    out = tmp_path / "progress.json"
    export_progress(store, str(out))
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~umask
    out.chmod(0o640)
    export_progress(store, str(out))
    assert stat.S_IMODE(out.stat().st_mode) == 0o640


def test_a_symlink_is_written_through_and_kept(tmp_path: Path, store: Store) -> None:
    real = tmp_path / "real.json"
    export_progress(store, str(real))
    link = tmp_path / "link.json"
    link.symlink_to(real)
    Reviewer(store).record("p/two", "correct", now=DAY0)
    export_progress(store, str(link))
    assert link.is_symlink()
    assert len(json.loads(real.read_text(encoding="utf-8"))["reviews"]) == 2
    pack = tmp_path / "deck.yaml"
    pack.write_bytes(DECKS[0].read_bytes())
    to_pack = tmp_path / "to-pack.json"
    to_pack.symlink_to(pack)
    with pytest.raises(KzlearnError, match="is not a kzlearn progress export"):
        export_progress(store, str(to_pack))
    assert pack.read_bytes() == DECKS[0].read_bytes()


def test_a_fifo_is_written_through_not_replaced(tmp_path: Path, store: Store) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    export_progress(store, str(fifo))
    reader.join(timeout=30)
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert json.loads(received[0])["format"] == "kzlearn-progress"


def test_a_character_device_is_written_through_not_replaced(tmp_path: Path) -> None:
    atomic_write("/dev/null", "nothing to keep", same_kind=starts_with(b"x"))
    assert stat.S_ISCHR(Path("/dev/null").stat().st_mode)
    assert not list(tmp_path.iterdir())


def test_progress_export_to_dev_stdout_prints_the_export(tmp_path: Path, store: Store) -> None:
    store.close()
    result = run_cli(
        "progress", "export", "/dev/stdout", "--db", str(tmp_path / "progress.sqlite3")
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["format"] == "kzlearn-progress"


def test_a_directory_and_a_socket_are_refused(tmp_path: Path) -> None:
    with pytest.raises(KzlearnError, match="is a directory"):
        atomic_write(tmp_path, "x")
    path = tmp_path / "s"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        with pytest.raises(KzlearnError, match="is a special file"):
            atomic_write(path, "x")
        assert stat.S_ISSOCK(path.stat().st_mode)
