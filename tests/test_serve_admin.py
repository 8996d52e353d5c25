"""``kzlearn serve`` as a school's administrator starts it: with ``--host 0.0.0.0`` the
start line gives an address a student's browser can open (0.0.0.0 is none), and a port
already taken is one line, with nothing said to be served."""

from __future__ import annotations

import ipaddress
import re
import socket
from pathlib import Path
from urllib.parse import urlsplit

from kzlearn.serve.server import open_urls
from tests.conftest import run_cli
from tests.servehelp import Served, free_port


def openable(url: str) -> bool:
    """Whether ``url`` names this machine by one of its own non-loopback addresses (one a
    socket can bind to), or by its name where it has none."""
    host = urlsplit(url).hostname or ""
    if host == socket.gethostname():
        return True
    if ipaddress.ip_address(host).is_loopback or ipaddress.ip_address(host).is_unspecified:
        return False
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        probe.bind((host, 0))
    return True


def test_every_network_is_told_as_addresses_a_browser_can_open(tmp_path: Path) -> None:
    urls = open_urls("0.0.0.0", 8000)
    assert urls
    assert all(openable(u) and u.endswith(":8000/") for u in urls)
    assert open_urls("127.0.0.1", 8000) == ["http://127.0.0.1:8000/"]
    served = Served(["--host", "0.0.0.0", "--db", str(tmp_path / "p.sqlite3")], tmp_path)
    try:
        line = served.line
    finally:
        served.close()
    assert "0.0.0.0" not in line
    shown = re.findall(r"http://\S+/", line)
    assert shown
    assert all(openable(u) for u in shown)
    assert "open to every machine" in line


def test_a_port_in_use_is_one_line_and_nothing_is_said_served(tmp_path: Path) -> None:
    port = free_port()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", port))
        taken.listen()
        result = run_cli(
            "serve", "--port", str(port), "--db", str(tmp_path / "p.sqlite3"), cwd=tmp_path
        )
    assert result.returncode == 1
    assert "serving" not in result.stdout
    assert result.stderr.startswith(f"kzlearn: cannot listen on http://127.0.0.1:{port}/: ")
    assert result.stderr.count("\n") == 1
