"""The ``kzlearn`` command line: a thin layer over the library.

Each command imports what it needs when it runs, so ``kzlearn --help`` loads neither
pydantic, textual nor genanki. Library errors (:class:`kzlearn.errors.KzlearnError`) become
one line each on stderr and exit status 1; usage errors exit with 2.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from kzlearn import __version__
from kzlearn.errors import KzlearnError

__all__ = ["build_parser", "main"]

Handler = Callable[[argparse.Namespace], int]


def _cmd_validate(args: argparse.Namespace) -> int:
    from kzlearn.errors import PackError
    from kzlearn.packs import load_pack

    failed = 0
    for path in args.paths:
        try:
            pack = load_pack(path)
        except PackError as error:
            failed += 1
            for problem in error.problems:
                print(problem, file=sys.stderr)
            continue
        print(f"{path}: ok: {pack.id}: {len(pack.facts)} facts, {len(pack.items)} items")
    if len(args.paths) > 1 or failed:
        print(f"{len(args.paths) - failed} valid, {failed} invalid", file=sys.stderr)
    return 1 if failed else 0


def _cmd_packs(args: argparse.Namespace) -> int:
    from kzlearn.packs import bundled_deck_paths, load_packs

    paths = bundled_deck_paths()
    for path, pack in zip(paths, load_packs(paths), strict=True):
        title = pack.text(pack.title, args.lang)
        print(f"{pack.id}\t{title}\t{len(pack.facts)} facts\t{len(pack.items)} items\t{path}")
    return 0


def _cmd_schema(args: argparse.Namespace) -> int:
    from kzlearn.packs import schema_text

    sys.stdout.write(schema_text())
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every command."""
    parser = argparse.ArgumentParser(
        prog="kzlearn",
        description="Quizzes and flashcards from the facts of real articles.",
    )
    parser.add_argument("--version", action="version", version=f"kzlearn {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    validate = commands.add_parser(
        "validate", help="check pack files; every problem as FILE:LINE:COLUMN: field: message"
    )
    validate.add_argument("paths", nargs="+", metavar="PACK", help="pack files (.yaml, .json)")
    validate.set_defaults(handler=_cmd_validate)

    packs = commands.add_parser("packs", help="list the bundled decks")
    packs.add_argument("--lang", default=None, help="language of the titles (default: pack's)")
    packs.set_defaults(handler=_cmd_packs)

    schema = commands.add_parser("schema", help="print the JSON Schema of pack files")
    schema.set_defaults(handler=_cmd_schema)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        args = parser.parse_args(["packs"])
        handler = args.handler
    try:
        return handler(args)
    except KzlearnError as error:
        print(f"kzlearn: {error}" if "\n" not in str(error) else error, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("kzlearn: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


def path_arg(value: str) -> Path:
    """An argparse type for paths."""
    return Path(value)
