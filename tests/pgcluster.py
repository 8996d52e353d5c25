"""A throwaway PostgreSQL server of a test's own (to restart it under a running app), made
with Debian's initdb and pg_ctl as .ci/run makes its own: a cluster in a temporary folder,
listening on a unix socket there only, stopped and removed at the end. As root, the
cluster belongs to the postgres user (initdb refuses root)."""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import subprocess
import tempfile
from pathlib import Path

__all__ = ["Cluster", "pg_bin"]


def pg_bin() -> Path | None:
    """The folder of Debian's newest PostgreSQL binaries, or of those on PATH."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: p.parent)
    if found:
        return found[-1].parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


class Cluster:
    """A PostgreSQL server in a temporary folder: ``url`` names its database ``kzlearn``."""

    def __init__(self) -> None:
        binaries = pg_bin()
        if binaries is None:
            raise RuntimeError("no PostgreSQL binaries (initdb, pg_ctl) on this machine")
        self.bin = binaries
        # Not under pytest's tmp_path: its folders are private to the user running the tests.
        self.folder = Path(tempfile.mkdtemp(prefix="kzlearn-pg-"))
        self.as_root = os.geteuid() == 0
        if self.as_root:
            try:
                pwd.getpwnam("postgres")
            except KeyError:
                subprocess.run(["useradd", "--system", "--no-create-home", "postgres"], check=True)
            shutil.chown(self.folder, "postgres")
        self.data = self.folder / "data"
        self._run("initdb", "-D", str(self.data), "-U", "kzlearn", "-A", "trust", "-E", "UTF8")
        self.start()
        self._run("createdb", "-h", str(self.folder), "-U", "kzlearn", "kzlearn")
        self.url = f"postgresql:///kzlearn?host={self.folder}&user=kzlearn"

    def _run(self, program: str, *args: str) -> None:
        command = [str(self.bin / program), *args]
        if self.as_root:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True, cwd="/")

    def start(self) -> None:
        options = f"-c listen_addresses='' -k {self.folder} -c fsync=off"
        log = str(self.folder / "server.log")
        self._run(
            "pg_ctl", "-D", str(self.data), "-l", log, "-w", "-t", "60", "-o", options, "start"
        )

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def restart(self) -> None:
        """Stop the server (every connection is dropped) and start it again."""
        self.stop()
        self.start()

    def close(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):  # already stopped
            self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)
