"""The options of ``kzlearn import csv`` and the reading of its file."""

from __future__ import annotations

import argparse
import codecs

from kzlearn.errors import KzlearnError

__all__ = ["add_csv_options", "read_csv_text"]

# A spreadsheet's plain "CSV" is in the computer's legacy code page, which the bytes do not
# tell (é in cp1252 is ة in cp1256): the user says which, kzlearn does not guess.
_NOT_UTF8_HINT = (
    ': save it as "CSV UTF-8", or name its encoding with --encoding '
    "(cp1252 for a Western European Excel, cp1256 for an Arabic one)"
)


def add_csv_options(fmt: argparse.ArgumentParser) -> None:
    """``--delimiter``, ``--row-separator``, ``--encoding``."""
    fmt.add_argument(
        "--delimiter",
        metavar="tab|comma|semicolon|pipe|space|colon|TEXT",
        help="what separates a term from its definition (default: the file's "
        "#separator: header, else guessed; a guess that could go two ways is refused)",
    )
    fmt.add_argument(
        "--row-separator",
        metavar="TEXT",
        help="what separates one card from the next, as in Quizlet's custom export "
        "(default: a line end; needs --delimiter; nothing is quoted then)",
    )
    fmt.add_argument(
        "--encoding",
        metavar="NAME",
        help="the file's encoding when it is not UTF-8, e.g. cp1252 (default: UTF-8; "
        "another file is refused, naming the first byte that is not UTF-8)",
    )


def read_csv_text(args: argparse.Namespace) -> str:
    """The text of the term list ``args.file``, in ``args.encoding`` if given, else UTF-8.

    Raises:
        KzlearnError: an encoding Python does not know.
        PackError: the file cannot be read, or is not in its encoding (one line).
    """
    from kzlearn.files import read_user_text

    if args.encoding is not None:
        try:
            codecs.lookup(args.encoding)
        except LookupError:
            raise KzlearnError(f"--encoding: no such encoding: {args.encoding}") from None
    hint = "" if args.encoding else _NOT_UTF8_HINT
    return read_user_text(args.file, "CSV file", encoding=args.encoding, hint=hint)
