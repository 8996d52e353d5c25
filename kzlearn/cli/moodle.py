"""``kzlearn import moodle`` and ``kzlearn export moodle``: Moodle XML question banks."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from kzlearn.cli.common import (
    check_packs_have,
    import_pack_id,
    refuse_existing,
    resolve_packs,
    say_left_out,
    write_new,
)
from kzlearn.safetext import safe_line

if TYPE_CHECKING:
    from kzlearn.models import Item

__all__ = ["add_moodle_export", "add_moodle_import"]


def images_folder(output: str) -> Path:
    """Where the images of the pack written to ``output`` go: a folder beside it."""
    path = Path(output)
    return path.parent / f"{path.stem}-images"


def _cmd_import(args: argparse.Namespace) -> int:
    from kzlearn.files import read_user_text
    from kzlearn.interop.moodle_xml import read_moodle_xml
    from kzlearn.interop.moodle_xml.files import write_files
    from kzlearn.packs import dump_pack

    pack_id = import_pack_id(args.file, args.id)
    text = read_user_text(args.file, "Moodle XML file")
    result = read_moodle_xml(text, args.file, pack_id=pack_id, lang=args.lang, strict=args.strict)
    for line in [*result.skipped, *result.notes]:
        print(safe_line(line), file=sys.stderr)
    header = f"Imported by `kzlearn import moodle` from {safe_line(Path(args.file).name)}."
    if result.skipped:
        header += f"\n{len(result.skipped)} question(s) left out (listed when imported)."
    for note in result.notes:  # each note starts with the file's path: its name is enough
        header += f"\n{safe_line(Path(args.file).name + note.removeprefix(args.file))}"
    refuse_existing(args.output or None, args.force)
    written: dict[str, str] = {}
    if result.files and args.output:
        folder = images_folder(args.output)
        written = dict(write_files(result.files, folder, force=args.force))
        if written:
            header += f"\nImages written to {safe_line(folder.name)}/:"
    elif any(f.data for f in result.files):
        header += "\nImages not written (no -o):"
    elif result.files:
        header += "\nImages referred to:"
    for found in result.files:
        where = found.item or f"(left out, line {found.line})"
        name = written.get(found.name)
        state = name if name else ("not in the file" if found.data is None else "not written")
        header += f"\n  {where}: {safe_line(found.name)} -> {safe_line(state)}"
    write_new(args.output, dump_pack(result.pack, header), args.force)
    print(
        f"{len(result.pack.items)} item(s) imported, {len(result.skipped)} question(s) "
        f"skipped, {len(written)} image(s) written",
        file=sys.stderr,
    )
    return 0


def _cmd_export(args: argparse.Namespace) -> int:
    from kzlearn.interop.moodle_xml.write import to_moodle_xml

    items: dict[str, list[Item]] = {}
    packs = resolve_packs(args.packs, items=items)
    check_packs_have(args.lang, packs)
    exported = to_moodle_xml(packs, items, lang=args.lang)
    say_left_out(exported.skipped)
    write_new(args.output, exported.text, args.force)
    print(f"{exported.written} question(s) written", file=sys.stderr)
    return 0


def add_moodle_export(formats: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """``export moodle``."""
    fmt = formats.add_parser("moodle", help="a Moodle XML question bank")
    fmt.add_argument("packs", nargs="+", metavar="PACK_OR_PATH")
    fmt.add_argument("-o", "--output", help="the .xml file to write (default: print it)")
    fmt.add_argument("--lang", help="the language to write (default: each pack's)")
    fmt.add_argument("--force", action="store_true", help="replace an existing file")
    fmt.set_defaults(handler=_cmd_export)


def add_moodle_import(sources: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """``import moodle``."""
    fmt = sources.add_parser(
        "moodle",
        help="a Moodle XML question bank: multiple choice, true/false, short answer, "
        "numerical, matching, ordering, cloze, gap-select and drag-drop into text",
    )
    fmt.add_argument("file")
    fmt.add_argument(
        "-o", "--output", help="the pack to write (default: print it); images go beside it"
    )
    fmt.add_argument("--id", help="the pack id (default: from the file name)")
    fmt.add_argument("--lang", default="en", help="the language of the texts (en)")
    fmt.add_argument("--force", action="store_true", help="replace existing files")
    fmt.add_argument(
        "--strict",
        action="store_true",
        help="refuse the file if any question cannot be imported (default: list and skip it)",
    )
    fmt.set_defaults(handler=_cmd_import)
