"""The web server of ``kzlearn serve``: textual-serve, which runs one app process per
browser, with what a class's server needs besides.

- It listens on the loopback address unless told otherwise, and says where, in one line.
- The command it runs is fixed here (the quiz over the served packs); the store's location
  and the class go through the environment, so a password is in no process list.
- A websocket from a page of another site is refused (a page a student opened elsewhere
  could otherwise start sessions on this machine), and so is one past MAX_SESSIONS; the
  terminal size a browser asks for is capped (a huge one would make its app draw
  billions of cells).
- The page names the websocket by the address the browser used (textual-serve would name
  the address it listens on, 0.0.0.0 included, which no browser can reach); it loads
  nothing from another site (textual-serve's page asks a web font service for its font:
  students' browsers need not tell it they are in class), and no other site may frame it.
"""

from __future__ import annotations

import contextlib
import ipaddress
import logging
import os
import re
import shlex
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from aiohttp import web
from textual_serve.server import Server

from kzlearn.serve.session import CLASS_VARIABLE, DB_VARIABLE

__all__ = [
    "MAX_SESSIONS",
    "QuizServer",
    "check_port",
    "is_loopback",
    "open_urls",
    "session_command",
]

MAX_SESSIONS = 100  # app processes at once: each student's browser tab is one
MAX_COLUMNS, MAX_ROWS = 500, 200
_FONT_LINK = re.compile(r"<link[^>]*fonts\.googleapis\.com[^>]*>\s*", re.DOTALL)
_HEADERS = {
    "X-Frame-Options": "DENY",
    "Content-Security-Policy": "frame-ancestors 'none'",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
}
_HOST = re.compile(r"^[A-Za-z0-9.\-]+(:\d+)?$|^\[[0-9A-Fa-f:.]+\](:\d+)?$")


def is_loopback(host: str) -> bool:
    """Whether ``host`` is this machine only (127.0.0.0/8, ::1, localhost)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def session_command(pack_names: Sequence[str]) -> str:
    """The shell command textual-serve runs for each browser (it runs commands through a
    shell: every part is quoted)."""
    return shlex.join([sys.executable, "-m", "kzlearn.serve.session", *pack_names])


def url_of(host: str, port: int) -> str:
    """The address to open in a browser."""
    shown = f"[{host}]" if ":" in host and not host.startswith("[") else host
    return f"http://{shown}:{port}/"


def _local_addresses(ipv6: bool) -> list[str]:
    """This machine's addresses on its networks (none of them loopback): those its name
    resolves to, and the one it would reach another network from (a UDP socket's
    ``connect`` picks the route; nothing is sent)."""
    import socket

    family = socket.AF_INET6 if ipv6 else socket.AF_INET
    found: set[str] = set()
    with contextlib.suppress(OSError):
        found |= {str(i[4][0]) for i in socket.getaddrinfo(socket.gethostname(), None, family)}
    with socket.socket(family, socket.SOCK_DGRAM) as probe, contextlib.suppress(OSError):
        probe.connect(("2001:db8::1" if ipv6 else "192.0.2.1", 9))  # documentation nets
        found.add(str(probe.getsockname()[0]))
    return sorted(a for a in found if not ipaddress.ip_address(a.split("%")[0]).is_loopback)


def open_urls(host: str, port: int) -> list[str]:
    """The addresses students open: ``host``'s, or for 0.0.0.0 (and ::), which no browser
    can open, this machine's own on its networks (its name when none is found)."""
    if host not in ("0.0.0.0", "::"):
        return [url_of(host, port)]
    import socket

    found = _local_addresses(ipv6=host == "::")
    return [url_of(a, port) for a in found] or [url_of(socket.gethostname(), port)]


def check_port(host: str, port: int) -> None:
    """Raise OSError now if ``host:port`` cannot be listened on (taken, or not an address
    of this machine): before the start line says the quiz is served there."""
    import socket

    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    family, kind, proto, _name, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as aiohttp does
        probe.bind(address)


class QuizServer(Server):
    """textual-serve's server with kzlearn's start line, origin check and session limit."""

    def __init__(
        self,
        pack_names: Sequence[str],
        *,
        host: str,
        port: int,
        location: str | Path,
        class_name: str | None,
        start_line: str,
    ) -> None:
        super().__init__(session_command(pack_names), host=host, port=port, title="kzlearn")
        self.start_line = start_line
        self.sessions = 0
        os.environ[DB_VARIABLE] = str(location)  # textual-serve passes its environment on
        if class_name:
            os.environ[CLASS_VARIABLE] = class_name
        else:
            os.environ.pop(CLASS_VARIABLE, None)

    def initialize_logging(self) -> None:
        # textual-serve logs every session; kzlearn says only what went wrong.
        logging.basicConfig(level=logging.WARNING, format="kzlearn serve: %(message)s")

    async def on_startup(self, app: web.Application) -> None:
        print(self.start_line, flush=True)

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        if _HOST.match(request.host):
            self.public_url = f"http://{request.host}"
        page: Any = await super().handle_index(request)
        assert isinstance(page, web.Response)
        page.text = _FONT_LINK.sub("", page.text or "")
        page.headers.update(_HEADERS)
        return page

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        origin = request.headers.get("Origin")
        if origin is not None and urlsplit(origin).netloc.lower() != request.host.lower():
            raise web.HTTPForbidden(text="kzlearn: this quiz opens from its own page only\n")
        if self.sessions >= MAX_SESSIONS:
            raise web.HTTPServiceUnavailable(text="kzlearn: too many students at once\n")
        size = {
            "width": str(_capped(request.query.get("width"), 80, MAX_COLUMNS)),
            "height": str(_capped(request.query.get("height"), 24, MAX_ROWS)),
        }
        self.sessions += 1
        try:
            return await super().handle_websocket(
                request.clone(rel_url=request.rel_url.with_query(size))
            )
        finally:
            self.sessions -= 1

    async def _process_messages(self, websocket: web.WebSocketResponse, app_service: Any) -> None:
        resize = app_service.set_terminal_size

        async def capped(width: int, height: int) -> None:
            await resize(_capped(width, 80, MAX_COLUMNS), _capped(height, 24, MAX_ROWS))

        app_service.set_terminal_size = capped
        await super()._process_messages(websocket, app_service)


def _capped(value: object, default: int, most: int) -> int:
    """A terminal dimension a browser sent, as a number from 1 to ``most``."""
    try:
        number = int(str(value))
    except ValueError:
        return default
    return min(max(number, 1), most)
