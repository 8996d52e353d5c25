"""What the commands share: finding packs, the progress store, argument types."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from kzlearn.errors import KzlearnError
from kzlearn.safetext import safe, safe_line

if TYPE_CHECKING:
    from kzlearn.models import Item, Pack
    from kzlearn.quiz.session import QuizOptions
    from kzlearn.store.base import ProgressStore


def per_file(paths: Sequence[str], work: Callable[[str], None]) -> int:
    """Run ``work`` on each path; a PackError's problems go to stderr. Returns the failures."""
    from kzlearn.errors import PackError

    failed = 0
    for path in paths:
        try:
            work(path)
        except PackError as error:
            failed += 1
            for problem in error.problems:
                print(problem, file=sys.stderr)
    return failed


def counted(n: int, what: str) -> str:
    """'1 draft fact', '2 draft facts', or '' for none."""
    return f"{n} {what}{'s' if n != 1 else ''}" if n else ""


def check_lang(lang: str | None, packs: Sequence[Pack]) -> None:
    """``--lang`` names a language of the packs or of the interface's catalogs.

    Raises:
        KzlearnError: it does not; the message lists those that do.
    """
    if lang is None:
        return
    from kzlearn.tui.i18n import LANGS

    known = set(LANGS)
    for pack in packs:
        known |= {pack.language, *pack.translations}
    if lang not in known:
        raise KzlearnError(
            f"--lang {lang!r}: not a language here; choose one of {', '.join(sorted(known))}"
        )


def check_packs_have(lang: str | None, packs: Sequence[Pack]) -> None:
    """Every pack has texts in ``lang`` (an export or a preview in it).

    Raises:
        KzlearnError: one has not; the message names the languages it has.
    """
    for pack in packs:
        if lang and lang not in (pack.language, *pack.translations):
            langs = ", ".join((pack.language, *pack.translations))
            raise KzlearnError(f"{pack.id}: no {lang} text (the pack has {langs})")


def import_pack_id(file: str, given: str | None) -> str:
    """The id of a pack imported from ``file``: ``given``, else from the file's name."""
    stem = re.sub(r"[^a-z0-9]+", "-", Path(file).stem.lower()).strip("-") or "imported"
    return given or stem[:80].strip("-") or "imported"


def refuse_existing(path: str | None, force: bool) -> None:
    """Raises KzlearnError when ``path`` exists and ``force`` is not given."""
    if path is not None and Path(path).exists() and not force:
        raise KzlearnError(f"{path}: exists; not overwriting it (use --force to replace it)")


def say_left_out(shown: Sequence[str]) -> None:
    """One line on stderr: how many items an export left out, and the first five."""
    if shown:
        print(
            f"{len(shown)} item(s) left out: {', '.join(shown[:5])}"
            + (" ..." if len(shown) > 5 else ""),
            file=sys.stderr,
        )


def resolve_packs(
    names: Sequence[str], *, items: dict[str, list[Item]] | None = None
) -> list[Pack]:
    """Packs named by bundled id or by path; all bundled decks for none.

    With ``items``, packs come through the cache (kzlearn.cache) and ``items`` receives each
    pack's generated items, by pack id.

    Raises:
        KzlearnError: a name is neither a file nor a bundled pack, or a pack is invalid.
    """
    from kzlearn.packs import bundled_deck_paths, load_packs

    load_pack = loader(items)
    if not names:
        return load_packs(bundled_deck_paths(), loader=load_pack)
    bundled: dict[str, Pack] = {}
    packs: list[Pack] = []
    for name in names:
        path = Path(name)
        if path.exists():
            packs.append(load_pack(path))
            continue
        if not bundled:
            bundled = {
                pack.id: pack for pack in load_packs(bundled_deck_paths(), loader=load_pack)
            }
        if name not in bundled:
            known = ", ".join(sorted(bundled)) or "none"
            raise KzlearnError(f"{name}: no such file, and no bundled pack has this id ({known})")
        packs.append(bundled[name])
    ids = [pack.id for pack in packs]
    twice = sorted({i for i in ids if ids.count(i) > 1})
    if twice:
        raise KzlearnError(f"pack {twice[0]!r} is given twice")
    return packs


def pack_paths(names: Sequence[str]) -> list[Path]:
    """The files :func:`resolve_packs` reads for ``names`` (without reading them)."""
    from kzlearn.packs import bundled_deck_paths

    files = [Path(name) for name in names if Path(name).exists()]
    if len(files) < len(names) or not names:
        files += bundled_deck_paths()
    return files


def loader(items: dict[str, list[Item]] | None) -> Callable[[str | Path], Pack]:
    from kzlearn.packs import load_pack

    if items is None:
        return load_pack
    from kzlearn.cache import load_pack_and_items

    def cached(path: str | Path) -> Pack:
        pack, generated = load_pack_and_items(path)
        items[pack.id] = generated
        return pack

    return cached


def quiz_options(args: argparse.Namespace) -> QuizOptions:
    from kzlearn.quiz.session import ITEM_TYPES, QuizOptions

    types = tuple(t.strip() for t in args.types.split(",")) if args.types else ITEM_TYPES
    return QuizOptions(types=types, count=args.count, seed=args.seed, lang=args.lang)


def open_store(args: argparse.Namespace, *, read_only: bool = False) -> ProgressStore:
    """The progress store (a file, or a PostgreSQL URL); ``read_only`` commands never
    create one (nor its folder) and open it without writing.

    Raises:
        KzlearnError: read only, and there is no database at the path.
    """
    from kzlearn.store import default_location, is_url, open_store

    location = args.db or default_location()
    if read_only and not is_url(location) and not Path(location).is_file():
        raise KzlearnError(
            f"{location}: no progress database here (nothing has been answered yet)"
        )
    return open_store(location, write=not read_only)


def write_new(path: str | None, text: str, force: bool) -> None:
    """Print ``text``, or write it to a new file (an existing one only with --force)."""
    from kzlearn.files import atomic_write

    if path is None:
        sys.stdout.write(safe(text))
        return
    refuse_existing(path, force)
    atomic_write(path, text)
    print(f"{safe_line(path)}: written", file=sys.stderr)


def for_terminal(lines: list[str], rtl: str | None) -> list[str]:
    """``lines`` reordered for display where the terminal does not do it (pipes: logical)."""
    if not sys.stdout.isatty():
        return lines
    import shutil

    from kzlearn.tui.bidi import RtlMode, detect_rtl_mode, display_lines

    mode: RtlMode = detect_rtl_mode() if rtl is None else rtl  # type: ignore[assignment]
    width = shutil.get_terminal_size().columns
    return [shown for line in lines for shown in (display_lines(line, width, mode) or [""])]


def add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        help="the progress database (default: KZLEARN_DB, else "
        "progress.sqlite3 in the user data folder)",
    )


def add_rtl(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--rtl",
        choices=("app", "terminal", "off"),
        help="who draws right-to-left text: app (reorders it), terminal (the "
        "terminal does), off (default: detected; KZLEARN_RTL overrides)",
    )


def positive(value: str) -> int:
    return _whole(value, 1, "a positive whole number")


def not_negative(value: str) -> int:
    return _whole(value, 0, "a whole number, 0 or more")


def _whole(value: str, least: int, what: str) -> int:
    try:
        number = int(value.strip())
    except ValueError:
        number = least - 1
    if number < least:
        raise argparse.ArgumentTypeError(f"{value!r} is not {what}")
    return number


def path_arg(value: str) -> Path:
    """An argparse type for paths."""
    return Path(value)
