"""``kzlearn serve`` started for a test: on a free loopback port, stopped at the end, its
start line read; and a websocket client that speaks textual-serve's protocol."""

from __future__ import annotations

import os
import re
import select
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest

from kzlearn.store import Learner, open_store
from kzlearn.store.base import ReviewRow

__all__ = ["ANSI", "Served", "free_port", "wait_for_reviews"]

ROOT = Path(__file__).resolve().parents[1]
START = 60.0  # seconds the server may take to answer
ANSI = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07|\x1b[()][A-Z0-9]|\x1b[=>]")


def free_port() -> int:
    """A loopback port no one listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def wait_for_reviews(
    db: Path,
    learner: Learner,
    *,
    timeout: float = 60.0,
    pause: Callable[[], object] = lambda: time.sleep(0.2),
) -> list[ReviewRow]:
    """The reviews stored for ``learner`` once there are any (the served app writes them
    from another process); fails after ``timeout`` seconds. ``pause`` waits between reads
    (a browser test lets its page run meanwhile)."""
    deadline = time.monotonic() + timeout
    while True:
        with open_store(db, learner=learner) as store:
            reviews = store.reviews()
        if reviews:
            return reviews
        assert time.monotonic() < deadline, "no answer stored"
        pause()


class Served:
    """``kzlearn serve ARGS --port P`` running; ``line`` is what it printed on start."""

    def __init__(self, args: Sequence[str], cwd: Path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "kzlearn", "serve", *args, "--port", str(self.port)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=cwd,
            env=env,
            start_new_session=True,  # its app processes are stopped with it
        )
        self.line = self._first_line()
        self._wait_for_http()

    def _first_line(self) -> str:
        assert self.process.stdout is not None
        ready, _, _ = select.select([self.process.stdout], [], [], START)
        if not ready:
            self.close()
            raise TimeoutError("kzlearn serve printed nothing")
        return self.process.stdout.readline().decode("utf-8")

    def _wait_for_http(self) -> None:
        deadline = time.monotonic() + START
        while True:
            try:
                with urllib.request.urlopen(self.url, timeout=5):
                    return
            except OSError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    self.close()
                    raise
                time.sleep(0.1)

    def close(self) -> str:
        """Stop the server and its sessions; what it wrote on stderr."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=20)
        assert self.process.stderr is not None
        said = self.process.stderr.read().decode("utf-8", "replace")
        for stream in (self.process.stdout, self.process.stderr):
            if stream is not None:
                stream.close()
        return said


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Served]:
    """``kzlearn serve`` for class 5B on a SQLite file in ``tmp_path``, stopped after."""
    served = Served(["--class", "5B", "--db", str(tmp_path / "class.sqlite3")], tmp_path)
    try:
        yield served
    finally:
        served.close()
