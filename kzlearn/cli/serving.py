"""``kzlearn serve``: the quiz in a browser, for a class."""

from __future__ import annotations

import argparse
from pathlib import Path

from kzlearn.cli.common import add_db, resolve_packs
from kzlearn.errors import KzlearnError

__all__ = ["add_serve_command", "cmd_serve"]

DEFAULT_HOST = "127.0.0.1"


def _port(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number") from None
    if not 1 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"{value} is not a port number (1-65535)")
    return value


def add_serve_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """serve."""
    serve = commands.add_parser(
        "serve",
        help="the quiz in a browser, for a class (needs the serve extra: kzlearn[serve])",
    )
    serve.add_argument(
        "packs", nargs="*", metavar="PACK_OR_PATH", help="the decks to serve (default: all)"
    )
    serve.add_argument(
        "--host",
        default=DEFAULT_HOST,
        help="the address to listen on (default 127.0.0.1: this machine only; "
        "0.0.0.0: every network the machine is on)",
    )
    serve.add_argument("--port", type=_port, default=8000, help="the port (default 8000)")
    serve.add_argument(
        "--class",
        dest="class_name",
        metavar="NAME",
        help="the class: students type its name as the class code to join",
    )
    add_db(serve)
    serve.set_defaults(handler=cmd_serve)


def cmd_serve(args: argparse.Namespace) -> int:
    try:
        import textual_serve  # noqa: F401
    except ImportError:
        raise KzlearnError(
            "kzlearn serve needs textual-serve: pip install 'kzlearn[serve]'"
        ) from None
    from kzlearn.serve.server import QuizServer, check_port, is_loopback, open_urls, url_of
    from kzlearn.store import default_location, mask_url, open_store
    from kzlearn.store.base import name_problem

    if args.class_name is not None:
        problem = name_problem(args.class_name)
        if problem:
            raise KzlearnError(f"--class {args.class_name!r}: {problem}")
    packs = resolve_packs(args.packs)
    # The session resolves them again, from wherever it starts: files by absolute path.
    names = [str(Path(n).resolve()) if Path(n).exists() else n for n in args.packs]
    names = names or [p.id for p in packs]
    location = args.db or default_location()
    open_store(location).close()  # made or migrated now: a bad store stops here, not per student
    where = url_of(args.host, args.port)
    try:
        check_port(args.host, args.port)
    except OSError as error:
        raise KzlearnError(f"cannot listen on {where}: {error.strerror or error}") from None
    where_open = " or ".join(open_urls(args.host, args.port))
    reach = (
        "this machine only (--host 0.0.0.0 serves the network)"
        if is_loopback(args.host)
        else "open to every machine that can reach this address"
    )
    decks = f"{len(packs)} deck{'s' if len(packs) != 1 else ''}"
    joined = f" to class {args.class_name!r}" if args.class_name else ""
    start_line = (
        f"kzlearn: serving {decks}{joined} at {where_open} — {reach}; "
        f"progress in {mask_url(str(location))}; Ctrl+C stops"
    )
    server = QuizServer(
        names,
        host=args.host,
        port=args.port,
        location=location,
        class_name=args.class_name,
        start_line=start_line,
    )
    try:
        server.serve()
    except OSError as error:
        raise KzlearnError(f"cannot listen on {where}: {error.strerror or error}") from None
    return 0
