"""The ``kzlearn`` command line: a thin layer over the library.

Each command imports what it needs when it runs, so ``kzlearn --help`` loads neither
pydantic, textual nor genanki. Library errors (:class:`kzlearn.errors.KzlearnError`) become
one line each on stderr and exit status 1; usage errors exit with 2.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

from kzlearn import __version__
from kzlearn.cli.classroom import add_class_commands
from kzlearn.cli.common import add_db, not_negative, resolve_packs
from kzlearn.cli.learning import (
    add_quiz_options,
    cmd_progress,
    cmd_quiz,
    cmd_review,
    cmd_stats,
)
from kzlearn.cli.serving import add_serve_command
from kzlearn.cli.teacher import add_teacher_commands, cmd_packs, cmd_schema, cmd_validate
from kzlearn.errors import KzlearnError
from kzlearn.safetext import safe, safe_line

__all__ = ["build_parser", "main", "resolve_packs"]

Handler = Callable[[argparse.Namespace], int]
INTERNAL_ERROR = 70  # EX_SOFTWARE: kzlearn has a bug (1: bad input, 2: bad usage)


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
    validate.set_defaults(handler=cmd_validate)

    packs = commands.add_parser("packs", help="list the bundled decks")
    packs.add_argument("--lang", default=None, help="language of the titles (default: pack's)")
    packs.set_defaults(handler=cmd_packs)

    schema = commands.add_parser("schema", help="print the JSON Schema of pack files")
    schema.set_defaults(handler=cmd_schema)

    quiz = commands.add_parser(
        "quiz", help="take a quiz in the terminal (no PACK: choose among the bundled decks)"
    )
    quiz.add_argument(
        "packs", nargs="*", metavar="PACK_OR_PATH", help="bundled pack ids or pack files"
    )
    add_quiz_options(quiz)
    add_db(quiz)
    quiz.set_defaults(handler=cmd_quiz)

    review = commands.add_parser("review", help="spaced repetition: what is due, then new items")
    review.add_argument("packs", nargs="*", metavar="PACK_OR_PATH")
    review.add_argument(
        "--new-per-day", type=not_negative, default=20, help="new items a day (20)"
    )
    add_quiz_options(review)
    add_db(review)
    review.set_defaults(handler=cmd_review)

    stats = commands.add_parser("stats", help="progress per pack: counts, due, retention")
    stats.add_argument("packs", nargs="*", metavar="PACK_OR_PATH")
    stats.add_argument("--json", action="store_true", help="machine-readable output")
    add_db(stats)
    stats.set_defaults(handler=cmd_stats)

    progress = commands.add_parser("progress", help="move progress between machines")
    progress.add_argument(
        "action",
        choices=("export", "import", "revlog"),
        help="export to JSON, import (merge) JSON, or the review log as CSV",
    )
    progress.add_argument("file", help="the JSON file (revlog: the CSV to write, - for stdout)")
    progress.add_argument(
        "--force", action="store_true", help="replace an existing file of another kind"
    )
    add_db(progress)
    progress.set_defaults(handler=cmd_progress)

    add_teacher_commands(commands)
    add_class_commands(commands)
    add_serve_command(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        args = parser.parse_args(["quiz"])
        handler = args.handler
    try:
        return handler(args)
    except KzlearnError as error:
        text = str(error)
        print(f"kzlearn: {safe_line(text)}" if "\n" not in text else safe(text), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("kzlearn: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as error:  # a bug: one line, not a traceback (KZLEARN_DEBUG=1 for that)
        if os.environ.get("KZLEARN_DEBUG"):
            raise
        name = type(error).__name__
        print(
            safe_line(f"kzlearn: internal error, please report it: {name}: {error}"),
            file=sys.stderr,
        )
        return INTERNAL_ERROR
