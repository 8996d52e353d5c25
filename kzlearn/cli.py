"""The ``kzlearn`` command line: a thin layer over the library.

Each command imports what it needs when it runs, so ``kzlearn --help`` loads neither
pydantic, textual nor genanki. Library errors (:class:`kzlearn.errors.KzlearnError`) become
one line each on stderr and exit status 1; usage errors exit with 2.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from kzlearn import __version__
from kzlearn.errors import KzlearnError
from kzlearn.safetext import safe, safe_line, strip_controls

if TYPE_CHECKING:
    from kzlearn.models import Item, Pack
    from kzlearn.quiz.session import QuizOptions
    from kzlearn.review.srs import Reviewer
    from kzlearn.store.sqlite import Store

__all__ = ["build_parser", "main"]

Handler = Callable[[argparse.Namespace], int]
INTERNAL_ERROR = 70  # EX_SOFTWARE: kzlearn has a bug (1: bad input, 2: bad usage)


def _per_file(paths: Sequence[str], work: Callable[[str], None]) -> int:
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


def _cmd_validate(args: argparse.Namespace) -> int:
    from kzlearn.packs import load_pack

    def validate(path: str) -> None:
        pack = load_pack(path)
        line = f"{path}: ok: {pack.id}: {len(pack.facts)} facts, {len(pack.items)} items"
        drafts = [
            _count(sum(entry.draft for entry in entries), f"draft {what}")
            for what, entries in (("fact", pack.facts), ("item", pack.items))
        ]
        left_out = " and ".join(d for d in drafts if d)
        print(safe_line(line + (f" ({left_out} left out until reviewed)" if left_out else "")))

    failed = _per_file(args.paths, validate)
    if len(args.paths) > 1 or failed:
        print(f"{len(args.paths) - failed} valid, {failed} invalid", file=sys.stderr)
    return 1 if failed else 0


def _count(n: int, what: str) -> str:
    """'1 draft fact', '2 draft facts', or '' for none."""
    return f"{n} {what}{'s' if n != 1 else ''}" if n else ""


def _cmd_packs(args: argparse.Namespace) -> int:
    from kzlearn.packs import bundled_deck_paths, load_packs

    paths = bundled_deck_paths()
    items: dict[str, list[Item]] = {}
    packs = load_packs(paths, loader=_loader(items))
    _check_lang(args.lang, packs)
    for path, pack in zip(paths, packs, strict=True):
        title, where = safe_line(pack.text(pack.title, args.lang)), safe_line(str(path))
        # Both counts, named: the items a teacher wrote, and every question a quiz can ask
        # (written and generated from the facts), which is what the deck picker shows.
        print(
            f"{pack.id}\t{title}\t{len(pack.facts)} facts\t{len(pack.items)} written items"
            f"\t{len(items[pack.id])} questions in all\t{where}"
        )
    return 0


def _check_lang(lang: str | None, packs: Sequence[Pack]) -> None:
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


def _cmd_schema(args: argparse.Namespace) -> int:
    from kzlearn.packs import schema_text

    sys.stdout.write(schema_text())
    return 0


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

    load_pack = _loader(items)
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


def _loader(items: dict[str, list[Item]] | None) -> Callable[[str | Path], Pack]:
    from kzlearn.packs import load_pack

    if items is None:
        return load_pack
    from kzlearn.cache import load_pack_and_items

    def cached(path: str | Path) -> Pack:
        pack, generated = load_pack_and_items(path)
        items[pack.id] = generated
        return pack

    return cached


def _quiz_options(args: argparse.Namespace) -> QuizOptions:
    from kzlearn.quiz.session import ITEM_TYPES, QuizOptions

    types = tuple(t.strip() for t in args.types.split(",")) if args.types else ITEM_TYPES
    return QuizOptions(types=types, count=args.count, seed=args.seed, lang=args.lang)


def _open_store(args: argparse.Namespace, *, read_only: bool = False) -> Store:
    """The progress store; ``read_only`` commands never create one (nor its folder) and
    open it without writing.

    Raises:
        KzlearnError: read only, and there is no database at the path.
    """
    from kzlearn.store.sqlite import Store, default_db_path

    path = Path(args.db or default_db_path())
    if read_only and not path.is_file():
        raise KzlearnError(f"{path}: no progress database here (nothing has been answered yet)")
    return Store(path, write=not read_only)


def _keys_by_pack(packs: Sequence[Pack], items: dict[str, list[Item]]) -> dict[str, list[str]]:
    """``pack_id/item_id`` of every item, by pack (``items`` as resolve_packs filled it)."""
    return {pack.id: [f"{pack.id}/{item.id}" for item in items[pack.id]] for pack in packs}


def _cmd_quiz(args: argparse.Namespace) -> int:
    return _run_app(args, review=False)


def _cmd_review(args: argparse.Namespace) -> int:
    return _run_app(args, review=True)


def _run_app(args: argparse.Namespace, *, review: bool) -> int:
    """The terminal app, recording into the progress store; in review mode, what is due."""
    from kzlearn.tui.app import KzlearnApp
    from kzlearn.tui.bidi import detect_rtl_mode

    items: dict[str, list[Item]] = {}
    packs = resolve_packs(args.packs, items=items)
    _check_lang(args.lang, packs)
    with _open_store(args) as store:

        def make_reviewer() -> Reviewer:
            from kzlearn.review.srs import Reviewer

            return Reviewer(store)

        reviewer: Reviewer | Callable[[], Reviewer] = make_reviewer
        queue = None
        if review:
            reviewer = make_reviewer()
            keys = _keys_by_pack(packs, items)
            reviewer.sync(packs, keys)
            queue = reviewer.queue(keys, new_per_day=args.new_per_day)
            if not queue:
                print("Nothing is due now. `kzlearn stats` shows what comes next.")
                return 0
        app = KzlearnApp(
            packs,
            options=_quiz_options(args),
            start_quiz=bool(args.packs) and not review,
            rtl=args.rtl or detect_rtl_mode(),
            reviewer=reviewer,
            review_keys=queue,
            items=items,
        )
        app.run()
        if app.crash is not None:
            raise app.crash
    return 0


def _cmd_stats(args: argparse.Namespace) -> int:
    import json

    from kzlearn.review.srs import pack_stats

    items: dict[str, list[Item]] = {}
    packs = resolve_packs(args.packs, items=items)
    keys = _keys_by_pack(packs, items)
    with _open_store(args, read_only=True) as store:
        stats = [pack_stats(store, pack, keys[pack.id]) for pack in packs]
    if args.json:
        from dataclasses import asdict

        print(json.dumps([asdict(s) for s in stats], indent=2))
        return 0
    print(
        f"{'pack':<22}{'new':>6}{'learn':>7}{'review':>8}{'today':>7}{'tmrw':>6}{'week':>6}"
        f"{'retention 30d':>15}{'streak':>8}"
    )
    for s in stats:
        retention = (
            f"{s.retention_30d:.0%} of {s.reviews_30d}" if s.retention_30d is not None else "-"
        )
        print(
            f"{s.pack_id:<22}{s.new:>6}{s.learning:>7}{s.review:>8}{s.due_today:>7}"
            f"{s.due_tomorrow:>6}{s.due_week:>6}{retention:>15}{s.streak_days:>7}d"
        )
    totals = [sum(day) for day in zip(*(s.due_by_day for s in stats), strict=True)]
    print("\ndue in the coming days:")
    print(_chart(totals))
    return 0


def _chart(counts: list[int]) -> str:
    """A small bar chart of due counts, one column a day."""
    bars = " ▁▂▃▄▅▆▇█"
    top = max(counts) or 1
    line = "".join(bars[round(c / top * 8)] if c else "·" for c in counts)
    return f"  {line}  (today → +{len(counts) - 1} days, highest {max(counts)})"


def _cmd_progress(args: argparse.Namespace) -> int:
    from kzlearn.review.srs import export_progress, import_progress, revlog_csv, write_revlog

    with _open_store(args, read_only=args.action != "import") as store:
        if args.action == "export":
            count = export_progress(store, args.file, force=args.force)
            print(f"{safe_line(args.file)}: {count} reviews written", file=sys.stderr)
        elif args.action == "import":
            added, updated = import_progress(store, args.file)
            print(f"{safe_line(args.file)}: {added} reviews added, {updated} cards updated")
        elif args.file == "-":
            sys.stdout.write(safe(revlog_csv(store)))
        else:
            count = write_revlog(store, args.file, force=args.force)
            print(f"{safe_line(args.file)}: {count} reviews", file=sys.stderr)
    return 0


def _cmd_export_anki(args: argparse.Namespace) -> int:
    from kzlearn.interop.anki import export_apkg

    packs = resolve_packs(args.packs)
    output = Path(args.output or f"{'-'.join(p.id for p in packs)}.apkg")

    def progress(done: int, total: int) -> None:
        if sys.stderr.isatty():
            print(f"\rexporting {done}/{total} notes", end="", file=sys.stderr, flush=True)

    count = export_apkg(
        packs, output, parent=args.parent, subdecks_by_tag=args.subdecks_by_tag, progress=progress
    )
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(f"{safe_line(str(output))}: {count} notes from {len(packs)} pack(s)")
    return 0


def _write_new(path: str | None, text: str, force: bool) -> None:
    """Print ``text``, or write it to a new file (an existing one only with --force)."""
    from kzlearn.files import atomic_write

    if path is None:
        sys.stdout.write(safe(text))
        return
    if Path(path).exists() and not force:
        raise KzlearnError(f"{path}: exists; not overwriting it (use --force to replace it)")
    atomic_write(path, text)
    print(f"{safe_line(path)}: written", file=sys.stderr)


def _cmd_extract(args: argparse.Namespace) -> int:
    from kzlearn.facts.extract import draft_pack
    from kzlearn.files import read_user_text
    from kzlearn.language.dates import PartialDate
    from kzlearn.packs import parse_pack

    text = strip_controls(read_user_text(args.article, "text file"))  # a draft holds none
    if not text.strip():
        raise KzlearnError(f"{args.article}: the article is empty")
    try:
        published = PartialDate.from_iso(args.published) if args.published else None
    except ValueError as error:
        raise KzlearnError(f"--published: {error}") from None
    stem = re.sub(r"[^a-z0-9]+", "-", Path(args.article).stem.lower()).strip("-") or "article"
    draft = draft_pack(
        text,
        pack_id=f"draft-{stem}"[:80].rstrip("-"),
        title=f"Draft: {stem}",
        lang=args.lang,
        published=published,
        source=safe_line(Path(args.article).name),
    )
    parse_pack(draft, args.output or "<draft>")  # a draft is always a valid pack
    _write_new(args.output, draft, args.force)
    return 0


def _cmd_new(args: argparse.Namespace) -> int:
    template = Path(__file__).with_name("templates") / "new-pack.yaml"
    _write_new(args.output, template.read_text(encoding="utf-8"), args.force)
    return 0


def _cmd_lint(args: argparse.Namespace) -> int:
    from kzlearn.questions.lint import NOTE, lint_file

    warned = noted = 0

    def lint(path: str) -> None:
        nonlocal warned, noted
        problems = lint_file(path)
        notes = sum(p.message.startswith(NOTE) for p in problems)
        noted += notes
        warned += len(problems) - notes
        for problem in problems:
            print(problem)

    failed = _per_file(args.paths, lint)
    print(f"{warned} warning(s), {noted} note(s), {failed} invalid pack(s)", file=sys.stderr)
    return 1 if warned or failed else 0


def _cmd_preview(args: argparse.Namespace) -> int:
    from kzlearn.questions.generate import all_items
    from kzlearn.questions.preview import preview_lines

    packs = resolve_packs(args.packs)
    for pack in packs:
        if args.lang and args.lang != pack.language and args.lang not in pack.translations:
            langs = ", ".join((pack.language, *pack.translations))
            raise KzlearnError(f"{pack.id}: no {args.lang} text (the pack has {langs})")
        if args.fact and all(f.id != args.fact for f in pack.facts) and len(packs) == 1:
            raise KzlearnError(f"{pack.id}: no fact has the id {args.fact!r}")
    lines = [
        safe_line(line)
        for pack in packs
        for line in preview_lines(pack, all_items(pack), lang=args.lang, fact=args.fact)
    ]
    for line in _for_terminal(lines, args.rtl):
        print(line)
    return 0


def _for_terminal(lines: list[str], rtl: str | None) -> list[str]:
    """``lines`` reordered for display where the terminal does not do it (pipes: logical)."""
    if not sys.stdout.isatty():
        return lines
    import shutil

    from kzlearn.tui.bidi import RtlMode, detect_rtl_mode, display_lines

    mode: RtlMode = detect_rtl_mode() if rtl is None else rtl  # type: ignore[assignment]
    width = shutil.get_terminal_size().columns
    return [shown for line in lines for shown in (display_lines(line, width, mode) or [""])]


def _add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        help="the progress database (default: KZLEARN_DB, else "
        "progress.sqlite3 in the user data folder)",
    )


def _cmd_export_text(args: argparse.Namespace) -> int:
    items: dict[str, list[Item]] = {}
    packs = resolve_packs(args.packs, items=items)
    if args.format == "gift":
        from kzlearn.interop.gift import to_gift

        exported = to_gift(packs, items, lang=args.lang)
        text, count = exported.text, exported.written
        if exported.skipped:
            print(
                f"{len(exported.skipped)} item(s) have no GIFT form (ordering, cloze with "
                f"several blanks), left out: {', '.join(exported.skipped[:5])}"
                + (" ..." if len(exported.skipped) > 5 else ""),
                file=sys.stderr,
            )
    else:
        from kzlearn.interop.tabular import to_terms

        delimiter = {"tab": "\t", "comma": ",", "semicolon": ";"}[args.delimiter]
        text, count = to_terms(packs, items, lang=args.lang, delimiter=delimiter)
    _write_new(args.output, text, args.force)
    print(f"{count} question(s) written", file=sys.stderr)
    return 0


def _cmd_import(args: argparse.Namespace) -> int:
    from kzlearn.files import read_user_text
    from kzlearn.packs import dump_pack

    stem = re.sub(r"[^a-z0-9]+", "-", Path(args.file).stem.lower()).strip("-") or "imported"
    pack_id = args.id or stem[:80].strip("-") or "imported"
    header = f"Imported by `kzlearn import {args.format}` from {safe_line(Path(args.file).name)}."
    if args.format == "anki":
        from kzlearn.interop.anki_import import read_apkg

        result = read_apkg(args.file, pack_id=pack_id, lang=args.lang)
        pack = result.pack
        if result.media:
            header += "\nMedia referenced (not copied): " + ", ".join(map(safe_line, result.media))
        if result.skipped:
            header += f"\n{result.skipped} note(s) of other note types were left out."
    elif args.format == "gift":
        from kzlearn.interop.gift import parse_gift

        pack = parse_gift(
            read_user_text(args.file, "GIFT file"), args.file, pack_id=pack_id, lang=args.lang
        )
    else:
        from kzlearn.interop.tabular import parse_terms

        pack = parse_terms(
            read_user_text(args.file, "CSV file"), args.file, pack_id=pack_id, lang=args.lang
        )
    _write_new(args.output, dump_pack(pack, header), args.force)
    print(f"{len(pack.facts)} fact(s), {len(pack.items)} item(s) imported", file=sys.stderr)
    return 0


def _add_quiz_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--types",
        help="item types, comma separated: mcq,true_false,short,cloze,order,match (default: all)",
    )
    parser.add_argument("--count", type=_positive, help="how many questions (default: all)")
    parser.add_argument("--seed", type=int, help="the same seed gives the same quiz")
    parser.add_argument(
        "--lang", help="display language: ar, en, fr or a pack's (default: the pack's)"
    )
    _add_rtl(parser)


def _add_rtl(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--rtl",
        choices=("app", "terminal", "off"),
        help="who draws right-to-left text: app (reorders it), terminal (the "
        "terminal does), off (default: detected; KZLEARN_RTL overrides)",
    )


def _positive(value: str) -> int:
    return _whole(value, 1, "a positive whole number")


def _not_negative(value: str) -> int:
    return _whole(value, 0, "a whole number, 0 or more")


def _whole(value: str, least: int, what: str) -> int:
    try:
        number = int(value.strip())
    except ValueError:
        number = least - 1
    if number < least:
        raise argparse.ArgumentTypeError(f"{value!r} is not {what}")
    return number


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

    quiz = commands.add_parser(
        "quiz", help="take a quiz in the terminal (no PACK: choose among the bundled decks)"
    )
    quiz.add_argument(
        "packs", nargs="*", metavar="PACK_OR_PATH", help="bundled pack ids or pack files"
    )
    _add_quiz_options(quiz)
    _add_db(quiz)
    quiz.set_defaults(handler=_cmd_quiz)

    review = commands.add_parser("review", help="spaced repetition: what is due, then new items")
    review.add_argument("packs", nargs="*", metavar="PACK_OR_PATH")
    review.add_argument(
        "--new-per-day", type=_not_negative, default=20, help="new items a day (20)"
    )
    _add_quiz_options(review)
    _add_db(review)
    review.set_defaults(handler=_cmd_review)

    stats = commands.add_parser("stats", help="progress per pack: counts, due, retention")
    stats.add_argument("packs", nargs="*", metavar="PACK_OR_PATH")
    stats.add_argument("--json", action="store_true", help="machine-readable output")
    _add_db(stats)
    stats.set_defaults(handler=_cmd_stats)

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
    _add_db(progress)
    progress.set_defaults(handler=_cmd_progress)

    _add_teacher_commands(commands)
    return parser


def _add_teacher_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """extract, new, lint."""
    extract = commands.add_parser(
        "extract",
        help="draft a pack from an article: its dates, numbers, people, places and "
        "organisations, each with the clause it comes from",
    )
    extract.add_argument("article", help="the article, a UTF-8 text file")
    extract.add_argument(
        "--lang", default="ar", choices=("ar", "en", "fr"), help="the article's language (ar)"
    )
    extract.add_argument(
        "--published", help="publication date, YYYY-MM-DD: resolves الجاري / المقبل / الماضي"
    )
    extract.add_argument("-o", "--output", help="the draft pack to write (default: print it)")
    extract.add_argument("--force", action="store_true", help="replace an existing output file")
    extract.set_defaults(handler=_cmd_extract)

    new = commands.add_parser("new", help="a new pack with an example of every fact and item")
    new.add_argument("-o", "--output", help="the pack to write (default: print it)")
    new.add_argument("--force", action="store_true", help="replace an existing file")
    new.set_defaults(handler=_cmd_new)

    lint = commands.add_parser(
        "lint",
        help="quality warnings: answers in prompts, repeats, "
        "distractors graded right, no evidence, missing translations",
    )
    lint.add_argument("paths", nargs="+", metavar="PACK")
    lint.set_defaults(handler=_cmd_lint)

    preview = commands.add_parser(
        "preview",
        help="every item students can get (generated ones included), as they see it, "
        "with its answer, distractors and evidence",
    )
    preview.add_argument("packs", nargs="+", metavar="PACK_OR_PATH")
    preview.add_argument("--lang", help="the language to show (default: each pack's)")
    preview.add_argument("--fact", metavar="ID", help="only the items of this fact")
    _add_rtl(preview)
    preview.set_defaults(handler=_cmd_preview)

    export = commands.add_parser("export", help="write packs in another format")
    formats = export.add_subparsers(dest="format", metavar="FORMAT", required=True)
    anki = formats.add_parser("anki", help="an Anki package (.apkg) that updates in place")
    anki.add_argument("packs", nargs="+", metavar="PACK_OR_PATH")
    anki.add_argument("-o", "--output", help="the .apkg to write (default: from the pack ids)")
    anki.add_argument("--parent", default="kzlearn", help="parent deck (default: kzlearn)")
    anki.add_argument(
        "--subdecks-by-tag",
        action="store_true",
        help="a subdeck per tag (each note under its first tag)",
    )
    anki.set_defaults(handler=_cmd_export_anki)
    for name, text in (("gift", "Moodle GIFT questions"), ("csv", "Quizlet-style term lists")):
        fmt = formats.add_parser(name, help=text)
        fmt.add_argument("packs", nargs="+", metavar="PACK_OR_PATH")
        fmt.add_argument("-o", "--output", help="the file to write (default: print it)")
        fmt.add_argument("--lang", help="the language to write (default: each pack's)")
        fmt.add_argument("--force", action="store_true", help="replace an existing file")
        if name == "csv":
            fmt.add_argument("--delimiter", choices=("tab", "comma", "semicolon"), default="tab")
        fmt.set_defaults(handler=_cmd_export_text)

    importer = commands.add_parser("import", help="make a pack from GIFT, CSV or Anki files")
    sources = importer.add_subparsers(dest="format", metavar="FORMAT", required=True)
    for name, text in (
        ("gift", "Moodle GIFT questions"),
        ("csv", "term and definition lines"),
        ("anki", "an Anki package (.apkg): basic and cloze notes"),
    ):
        fmt = sources.add_parser(name, help=text)
        fmt.add_argument("file")
        fmt.add_argument("-o", "--output", help="the pack to write (default: print it)")
        fmt.add_argument("--id", help="the pack id (default: from the file name)")
        fmt.add_argument("--lang", default="en", help="the language of the texts (en)")
        fmt.add_argument("--force", action="store_true", help="replace an existing file")
        fmt.set_defaults(handler=_cmd_import)


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


def path_arg(value: str) -> Path:
    """An argparse type for paths."""
    return Path(value)
