"""The teacher's commands: validate, packs, schema, extract, new, lint, preview, export,
import."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from kzlearn.errors import KzlearnError
from kzlearn.safetext import safe_line, strip_controls

if TYPE_CHECKING:
    from kzlearn.models import Item


from kzlearn.cli.common import (
    add_rtl,
    check_lang,
    check_packs_have,
    counted,
    for_terminal,
    import_pack_id,
    loader,
    per_file,
    refuse_existing,
    resolve_packs,
    say_left_out,
    write_new,
)
from kzlearn.cli.csv_import import add_csv_options, read_csv_text
from kzlearn.cli.moodle import add_moodle_export, add_moodle_import


def cmd_validate(args: argparse.Namespace) -> int:
    from kzlearn.packs import load_pack

    def validate(path: str) -> None:
        pack = load_pack(path)
        line = f"{path}: ok: {pack.id}: {len(pack.facts)} facts, {len(pack.items)} items"
        drafts = [
            counted(sum(entry.draft for entry in entries), f"draft {what}")
            for what, entries in (("fact", pack.facts), ("item", pack.items))
        ]
        left_out = " and ".join(d for d in drafts if d)
        print(safe_line(line + (f" ({left_out} left out until reviewed)" if left_out else "")))

    failed = per_file(args.paths, validate)
    if len(args.paths) > 1 or failed:
        print(f"{len(args.paths) - failed} valid, {failed} invalid", file=sys.stderr)
    return 1 if failed else 0


def cmd_packs(args: argparse.Namespace) -> int:
    from kzlearn.packs import bundled_deck_paths, load_packs
    from kzlearn.questions.self_graded import with_reverse_cards

    paths = bundled_deck_paths()
    items: dict[str, list[Item]] = {}
    packs = load_packs(paths, loader=loader(items))
    check_lang(args.lang, packs)
    for path, pack in zip(paths, packs, strict=True):
        title, where = safe_line(pack.text(pack.title, args.lang)), safe_line(str(path))
        # Both counts, named: the items a teacher wrote, and every question a quiz can ask
        # (written and generated from the facts), which is what the deck picker shows.
        print(
            f"{pack.id}\t{title}\t{len(pack.facts)} facts\t{len(pack.items)} written items"
            f"\t{len(with_reverse_cards(items[pack.id]))} questions in all\t{where}"
        )
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    from kzlearn.packs import schema_text

    sys.stdout.write(schema_text())
    return 0


def _cmd_export_anki(args: argparse.Namespace) -> int:
    from kzlearn.interop.anki import export_apkg

    items: dict[str, list[Item]] = {}  # generated once, then read from the cache
    packs = resolve_packs(args.packs, items=items)
    output = Path(args.output or f"{'-'.join(p.id for p in packs)}.apkg")

    def progress(done: int, total: int) -> None:
        if sys.stderr.isatty():
            print(f"\rexporting {done}/{total} notes", end="", file=sys.stderr, flush=True)

    count = export_apkg(
        packs,
        output,
        parent=args.parent,
        subdecks_by_tag=args.subdecks_by_tag,
        progress=progress,
        items=items,
    )
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(f"{safe_line(str(output))}: {count} notes from {len(packs)} pack(s)")
    return 0


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
    write_new(args.output, draft, args.force)
    return 0


def _cmd_new(args: argparse.Namespace) -> int:
    template = Path(__file__).parent.parent / "templates" / "new-pack.yaml"
    write_new(args.output, template.read_text(encoding="utf-8"), args.force)
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

    failed = per_file(args.paths, lint)
    print(f"{warned} warning(s), {noted} note(s), {failed} invalid pack(s)", file=sys.stderr)
    return 1 if warned or failed else 0


def _cmd_preview(args: argparse.Namespace) -> int:
    from kzlearn.questions.generate import all_items
    from kzlearn.questions.preview import preview_lines

    packs = resolve_packs(args.packs)
    check_packs_have(args.lang, packs)
    for pack in packs:
        if args.fact and all(f.id != args.fact for f in pack.facts) and len(packs) == 1:
            raise KzlearnError(f"{pack.id}: no fact has the id {args.fact!r}")
    lines = [
        safe_line(line)
        for pack in packs
        for line in preview_lines(pack, all_items(pack), lang=args.lang, fact=args.fact)
    ]
    for line in for_terminal(lines, args.rtl):
        print(line)
    return 0


def _cmd_export_text(args: argparse.Namespace) -> int:
    items: dict[str, list[Item]] = {}
    packs = resolve_packs(args.packs, items=items)
    if args.format == "gift":
        from kzlearn.interop.gift import to_gift

        exported = to_gift(packs, items, lang=args.lang)
        text, count = exported.text, exported.written
        reasons = zip(exported.skipped, exported.reasons, strict=True)
        say_left_out([f"{i} ({why})" for i, why in reasons])
    else:
        from kzlearn.interop.tabular import to_terms
        from kzlearn.interop.tabular.headers import DELIMITERS

        check_packs_have(args.lang, packs)
        text, count = to_terms(packs, lang=args.lang, delimiter=DELIMITERS[args.delimiter])
    write_new(args.output, text, args.force)
    print(f"{count} question(s) written", file=sys.stderr)
    return 0


def _cmd_import(args: argparse.Namespace) -> int:
    from kzlearn.files import read_user_text
    from kzlearn.packs import dump_pack

    pack_id = import_pack_id(args.file, args.id)
    header = f"Imported by `kzlearn import {args.format}` from {safe_line(Path(args.file).name)}."
    refuse_existing(args.output, args.force)  # before media are copied next to it
    if args.format == "anki":
        from kzlearn.interop.anki_convert import parse_map
        from kzlearn.interop.anki_import import read_apkg

        maps = dict(parse_map(spec) for spec in args.map or ())
        result = read_apkg(args.file, pack_id=pack_id, lang=args.lang, maps=maps)
        pack = result.pack
        for line in result.skipped:
            header += f"\nLeft out: {safe_line(line)}"
            print(f"left out: {safe_line(line)}", file=sys.stderr)
        if result.media:
            header += _copy_media(args, result.media)
    elif args.format == "gift":
        from kzlearn.interop.gift import read_gift

        text = read_user_text(args.file, "GIFT file")
        read = read_gift(text, args.file, pack_id=pack_id, lang=args.lang, strict=args.strict)
        pack = read.pack
        for line in read.skipped:
            print(safe_line(line), file=sys.stderr)
        if read.skipped:
            header += f"\n{len(read.skipped)} question(s) or parts were left out (see the import)."
    else:
        from kzlearn.interop.tabular import read_terms
        from kzlearn.interop.tabular.headers import read_delimiter

        try:
            delimiter, rows = (
                None if value is None else read_delimiter(value, option)
                for value, option in (
                    (args.delimiter, "--delimiter"),
                    (args.row_separator, "--row-separator"),
                )
            )
        except ValueError as error:
            raise KzlearnError(str(error)) from None
        terms = read_terms(
            read_csv_text(args),
            args.file,
            pack_id=pack_id,
            lang=args.lang,
            delimiter=delimiter,
            row_separator=rows,
        )
        pack = terms.pack
        if terms.cloze_lines:
            lines = ", ".join(map(str, terms.cloze_lines[:5]))
            lines += ", ..." if len(terms.cloze_lines) > 5 else ""
            header += f"\n{len(terms.cloze_lines)} cloze note(s) left out (lines {lines})."
            print(
                f"{len(terms.cloze_lines)} cloze note(s) left out (lines {lines}): "
                "import the deck's .apkg with `kzlearn import anki` to keep them",
                file=sys.stderr,
            )
    write_new(args.output, dump_pack(pack, header), args.force)
    print(f"{len(pack.facts)} fact(s), {len(pack.items)} item(s) imported", file=sys.stderr)
    return 0


def _copy_media(args: argparse.Namespace, media: list[str]) -> str:
    """The media of an Anki import copied next to the pack written; the header's line."""
    if args.output is None:
        return "\nMedia referenced (not copied): " + ", ".join(map(safe_line, media))
    from kzlearn.interop.anki_media import copy_media

    copied = copy_media(args.file, media, Path(args.output).resolve().parent)
    for problem in copied.problems:
        print(f"media not copied: {safe_line(problem)}", file=sys.stderr)
    line = ""
    if copied.copied:
        line += "\nMedia copied next to this file: " + ", ".join(map(safe_line, copied.copied))
    if copied.problems:
        line += "\nMedia not copied: " + "; ".join(map(safe_line, copied.problems))
    return line


def _add_extract(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
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


def add_teacher_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """extract, new, lint."""
    _add_extract(commands)

    new = commands.add_parser("new", help="a new pack with an example of every fact and item")
    new.add_argument("-o", "--output", help="the pack to write (default: print it)")
    new.add_argument("--force", action="store_true", help="replace an existing file")
    new.set_defaults(handler=_cmd_new)

    lint = commands.add_parser(
        "lint",
        help="quality warnings over written and generated items: answers in prompts, "
        "repeats, distractors graded right, no evidence, drafts, template wording, "
        "missing translations; notes on giveaways between facts",
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
    add_rtl(preview)
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
    add_moodle_export(formats)
    _add_import_commands(commands)


def _add_import_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    importer = commands.add_parser(
        "import", help="make a pack from GIFT, Moodle XML, CSV or Anki files"
    )
    sources = importer.add_subparsers(dest="format", metavar="FORMAT", required=True)
    for name, text in (
        ("gift", "Moodle GIFT questions"),
        ("csv", "term and definition lines"),
        ("anki", "an Anki package (.apkg): flashcards, typed answers, clozes; its media"),
    ):
        fmt = sources.add_parser(name, help=text)
        fmt.add_argument("file")
        fmt.add_argument("-o", "--output", help="the pack to write (default: print it)")
        fmt.add_argument("--id", help="the pack id (default: from the file name)")
        fmt.add_argument("--lang", default="en", help="the language of the texts (en)")
        fmt.add_argument("--force", action="store_true", help="replace an existing file")
        if name == "csv":
            add_csv_options(fmt)
        if name == "anki":
            fmt.add_argument(
                "--map",
                action="append",
                metavar="NOTETYPE:FIELD=front,FIELD=back",
                help="the fields of a note type to use (roles: front, back, hint, notes); "
                "note types kzlearn cannot read alone are listed with their fields",
            )
        if name == "gift":
            fmt.add_argument(
                "--strict",
                action="store_true",
                help="refuse the file if a question cannot be imported (default: list and skip)",
            )
        fmt.set_defaults(handler=_cmd_import)
    add_moodle_import(sources)
