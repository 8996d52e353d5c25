"""``kzlearn serve`` (issue 15 §1, §5): the quiz over HTTP and a websocket, on the loopback
address unless told otherwise, never printing a password, refusing pages of other sites."""

from __future__ import annotations

import asyncio
import errno
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import urlsplit

import aiohttp
import pytest

from kzlearn.serve.server import MAX_COLUMNS, MAX_ROWS, is_loopback, session_command, url_of
from kzlearn.store import Learner, open_store
from tests.conftest import DECKS, ROOT, run_cli
from tests.servehelp import ANSI, Served, server, wait_for_reviews
from tests.stores import Backend

__all__ = ["server"]  # the fixture this module uses

SECRET = "s3cr3t-Pa55"


def test_the_page_is_served_on_loopback_only_and_the_start_line_says_where(
    server: Served,
) -> None:
    with urllib.request.urlopen(server.url, timeout=10) as response:
        page = response.read().decode("utf-8")
        assert response.status == 200
        assert response.headers["X-Frame-Options"] == "DENY"
    assert f'data-session-websocket-url="ws://127.0.0.1:{server.port}/ws"' in page
    assert "<div>kzlearn</div>" in page
    assert "googleapis" not in page  # nothing is fetched from another site
    assert server.line.count("\n") == 1
    assert f"at {server.url} — this machine only" in server.line
    assert "to class '5B'" in server.line
    # Bound to 127.0.0.1, not to every address: another loopback address finds no one.
    with socket.socket() as other:
        other.settimeout(5)
        assert other.connect_ex(("127.0.0.2", server.port)) == errno.ECONNREFUSED


def test_a_websocket_from_a_page_of_another_site_is_refused(server: Served) -> None:
    async def connect(origin: str) -> int:
        async with aiohttp.ClientSession() as session:
            try:
                async with session.ws_connect(f"{server.url}ws", headers={"Origin": origin}) as ws:
                    await ws.close()
                    return 101
            except aiohttp.WSServerHandshakeError as error:
                return error.status

    assert asyncio.run(connect("http://quiz.example")) == 403
    assert asyncio.run(connect(f"http://127.0.0.2:{server.port}")) == 403
    assert asyncio.run(connect(server.url.rstrip("/"))) == 101


async def _keys(
    url: str,
    steps: Sequence[tuple[str, str | list[object]]],
    size: str = "width=100&height=30",
) -> bytes:
    """Open a session as a browser would and send each step's keys (or message) once its
    text shows; what the app drew after the last step."""
    shown = bytearray()
    async with (
        aiohttp.ClientSession() as session,
        session.ws_connect(f"{url}ws?{size}", headers={"Origin": url.rstrip("/")}) as ws,
    ):

        async def read() -> None:
            async for message in ws:
                if message.type == aiohttp.WSMsgType.BINARY:
                    shown.extend(message.data)

        reader = asyncio.create_task(read())
        for wait_for, keys in steps:
            deadline = time.monotonic() + 60
            while wait_for.encode() not in ANSI.sub(b"", bytes(shown)):
                assert time.monotonic() < deadline, f"never showed {wait_for!r}"
                await asyncio.sleep(0.1)
            shown.clear()
            await ws.send_json(["stdin", keys] if isinstance(keys, str) else keys)
        await asyncio.sleep(1)
        reader.cancel()
    return bytes(shown)


def test_a_student_answers_through_the_websocket_and_the_answer_is_theirs(
    server: Served, tmp_path: Path
) -> None:
    steps = [
        ("f2", "Baurzhan\r"),  # the sign-in screen's footer
        ("f2", "5b\r"),
        (".Baurzhan", "\r"),  # the decks, and the toast naming the student (right to left)
        ("f2", "s"),  # the setup screen: start
        ("1/", "t1\r\x1b"),  # question 1 of N: answered (escape: given up, where not yet)
    ]
    asyncio.run(_keys(server.url, steps))
    wait_for_reviews(tmp_path / "class.sqlite3", Learner("5B", "Baurzhan"))
    with open_store(tmp_path / "class.sqlite3") as store:
        assert store.reviews() == []  # the local student's: none


def test_a_huge_terminal_asked_for_is_capped(server: Served) -> None:
    huge = 10**6
    drawn = asyncio.run(
        _keys(
            server.url,
            [("f2", ["resize", {"width": huge, "height": huge + 1}])],
            size=f"width={huge}&height={huge}",
        )
    )
    places = [(int(r), int(c)) for r, c in re.findall(rb"\x1b\[(\d+);(\d+)H", drawn)]
    assert places
    assert max(r for r, _ in places) <= MAX_ROWS
    assert max(c for _, c in places) <= MAX_COLUMNS


def test_a_database_password_is_never_printed(postgres: Backend, tmp_path: Path) -> None:
    url = f"{postgres.location()}&password={SECRET}"
    served = Served(["--db", url, str(DECKS[0])], tmp_path)
    said = served.close()
    assert SECRET not in served.line
    assert SECRET not in said
    assert "password=***" in served.line


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--class", "5B\x1b[2J"], "--class '5B\\x1b[2J': a name cannot hold the character"),
        (["no-such-pack"], "no-such-pack: no such file, and no bundled pack"),
        (["--port", "0"], "0 is not a port number"),
    ],
)
def test_bad_arguments_are_one_line_and_nothing_is_served(
    tmp_path: Path, args: list[str], said: str
) -> None:
    result = run_cli("serve", *args, "--db", str(tmp_path / "p.sqlite3"), cwd=tmp_path)
    assert result.returncode in (1, 2)
    assert said in result.stderr
    assert result.stderr.count("\n") <= 3  # argparse adds its usage (two lines)
    assert "Traceback" not in result.stderr


def test_loopback_is_told_from_the_network() -> None:
    assert all(is_loopback(h) for h in ("127.0.0.1", "127.3.2.1", "::1", "[::1]", "localhost"))
    assert not any(is_loopback(h) for h in ("0.0.0.0", "::", "192.168.1.5", "quiz.example"))
    assert url_of("::1", 8000) == "http://[::1]:8000/"


def test_the_session_command_quotes_every_pack_and_runs_the_quiz_alone(tmp_path: Path) -> None:
    import shlex

    odd = tmp_path / "a deck; rm -rf ~ $(x).yaml"
    command = session_command([str(odd), "kz-independence"])
    parts = shlex.split(command)
    assert parts[1:4] == ["-m", "kzlearn.serve.session", str(odd)]
    assert parts[4:] == ["kz-independence"]
    assert urlsplit(url_of("127.0.0.1", 8000)).hostname == "127.0.0.1"


def test_the_session_entry_runs_only_under_the_server() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KZLEARN_SERVE")}
    result = subprocess.run(
        [sys.executable, "-m", "kzlearn.serve.session", "kz-independence"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert "run by `kzlearn serve` only" in result.stderr


def test_without_textual_serve_it_says_how_to_install_it(tmp_path: Path) -> None:
    code = (
        "import sys; sys.modules['textual_serve'] = None\n"
        "from kzlearn.cli import main; sys.exit(main(['serve']))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr == (
        "kzlearn: kzlearn serve needs textual-serve: pip install 'kzlearn[serve]'\n"
    )
