"""The class commands: ``kzlearn class report``, what a class did, for its teacher.

The report reads the progress database (it needs its credentials, so it is not for
students) and never writes it, nor creates one.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kzlearn.cli.common import add_db, add_rtl, check_lang, for_terminal, open_store, resolve_packs
from kzlearn.errors import KzlearnError
from kzlearn.safetext import safe_line

if TYPE_CHECKING:
    from kzlearn.models import Item, Pack
    from kzlearn.report import ClassReport

__all__ = ["add_class_commands", "add_report_command", "cmd_class_report"]


def add_class_commands(commands: Any) -> None:
    """``kzlearn class ...`` (``commands``: the top-level subparsers)."""
    group = commands.add_parser("class", help="a class's progress, for its teacher")
    add_report_command(
        group.add_subparsers(dest="class_command", metavar="COMMAND", required=True)
    )


def add_report_command(commands: Any) -> None:
    """``report`` under the ``class`` command."""
    report = commands.add_parser(
        "report",
        help="per student and per item (facility, discrimination, distractors); "
        "reads the progress database, never writes it",
    )
    report.add_argument(
        "packs", nargs="*", metavar="PACK_OR_PATH", help="bundled pack ids or pack files (all)"
    )
    report.add_argument("--class", dest="class_name", metavar="NAME", help="one class (all)")
    report.add_argument("--lang", help="language of the prompts and choices (the pack's)")
    out = report.add_mutually_exclusive_group()
    out.add_argument("--json", metavar="FILE", help="write JSON (- for stdout)")
    out.add_argument(
        "--csv",
        metavar="FILE",
        help="write two CSV tables: FILE-students.csv and FILE-items.csv (FILE's .csv dropped)",
    )
    out.add_argument("--html", metavar="FILE", help="write one self-contained HTML page")
    report.add_argument("--force", action="store_true", help="replace files of another kind")
    add_db(report)
    add_rtl(report)
    report.set_defaults(handler=cmd_class_report)


def cmd_class_report(args: argparse.Namespace) -> int:
    from kzlearn.questions.self_graded import with_reverse_cards
    from kzlearn.report import build_report, read_class

    items: dict[str, list[Item]] = {}
    packs = resolve_packs(args.packs, items=items)
    check_lang(args.lang, packs)
    pack_ids = [p.id for p in packs]
    by_key: dict[str, tuple[Pack, Item]] = {
        f"{pack.id}/{item.id}": (pack, item)
        for pack in packs
        for item in with_reverse_cards(items[pack.id])
    }
    with open_store(args, read_only=True) as store:
        attempts, cards = read_class(store, args.class_name)
        if args.class_name is not None and not attempts and not cards:
            args.class_name, attempts, cards = _other_case(store, args.class_name)
    report = build_report(
        attempts, cards, by_key, pack_ids, class_name=args.class_name, lang=args.lang
    )
    if args.json is not None:
        _write_json(report, args.json, args.force)
    elif args.csv is not None:
        _write_csv(report, args.csv, args.force)
    elif args.html is not None:
        from kzlearn.report.html import MARKER, report_html

        _write(
            args.html, report_html(report), MARKER.encode(), "a kzlearn class report", args.force
        )
    else:
        from kzlearn.report.text import report_lines

        for line in for_terminal(report_lines(report), args.rtl):
            print(line)
    return 0


def _other_case(store: Any, class_name: str) -> tuple[str, list[Any], list[Any]]:
    """The class as stored, when ``class_name`` has no answers: students join with its
    code in any case, so ``6b`` is the class ``6B``; otherwise one line on stderr names
    the classes that have answers (an empty report alone reads as a class that did
    nothing, not as a mistyped name)."""
    from kzlearn.report.rows import report_rows

    cards, reviews = store.class_rows(None)
    names = sorted({r.class_name for r in [*cards, *reviews] if r.class_name})
    same = [n for n in names if n.casefold() == class_name.casefold()]
    if len(same) == 1:  # (the rows of every class are read already: those of this one)
        mine = [c for c in cards if c.class_name == same[0]]
        return (same[0], *report_rows(mine, [r for r in reviews if r.class_name == same[0]]))
    known = ", ".join(names) if names else "none"
    print(
        safe_line(f"kzlearn: no answers from class {class_name!r}; classes with answers: {known}"),
        file=sys.stderr,
    )
    return class_name, [], []


def _write(path: str, text: str, head: bytes | re.Pattern[bytes], kind: str, force: bool) -> None:
    """Write ``text`` to ``path``, replacing only a file that starts with ``head``."""
    from kzlearn.files import atomic_write, starts_with

    atomic_write(path, text, same_kind=starts_with(head), kind=kind, force=force)
    print(f"{safe_line(path)}: written", file=sys.stderr)


def _write_json(report: ClassReport, path: str, force: bool) -> None:
    from kzlearn.report.export import FORMAT, report_json

    text = report_json(report)
    if path == "-":
        sys.stdout.write(text)
        return
    head = re.compile(rb'\s*\{\s*"format"\s*:\s*"' + FORMAT.encode() + rb'"')
    _write(path, text, head, "a kzlearn class report", force)


def csv_paths(path: str) -> tuple[Path, Path]:
    """Where ``--csv FILE`` writes its two tables."""
    base = Path(path)
    stem = base.name.removesuffix(".csv") or "report"
    return base.with_name(f"{stem}-students.csv"), base.with_name(f"{stem}-items.csv")


def _write_csv(report: ClassReport, path: str, force: bool) -> None:
    from kzlearn.files import starts_with
    from kzlearn.report.export import ITEM_COLUMNS, STUDENT_COLUMNS, items_csv, students_csv

    students, items = csv_paths(path)
    tables = [
        (where, text, ",".join(columns).encode() + b"\n")
        for where, text, columns in (
            (students, students_csv(report), STUDENT_COLUMNS),
            (items, items_csv(report), ITEM_COLUMNS),
        )
    ]
    kind = "a kzlearn class report table"
    for where, _text, head in tables:
        # Both refused before either is written: never half a report.
        if not force and where.is_file() and where.stat().st_size and not starts_with(head)(where):
            raise KzlearnError(
                f"{where}: exists and is not {kind}; not overwriting it "
                "(use --force to replace it)"
            )
    for where, text, head in tables:
        _write(str(where), text, head, kind, force)
