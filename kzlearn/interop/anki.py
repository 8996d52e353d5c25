"""Export packs as Anki packages (.apkg) with genanki.

Identity is stable: a note's GUID comes from the pack id and the item id, model and deck ids
from hashes of fixed names and of the pack id, so an edited pack exported again updates the
notes already in a collection (Anki updates a note only when the incoming one is newer: each
export stamps the current time). All pack text is HTML-escaped.
"""

from __future__ import annotations

import time
import zipfile
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import genanki

from kzlearn.errors import ExportError
from kzlearn.files import atomic_path
from kzlearn.gcpause import gc_paused
from kzlearn.interop.anki_flashcards import FIELDS, FLASHCARD, flashcard_model
from kzlearn.interop.anki_notes import RTL_LANGUAGES, AnkiNote, anki_notes, esc
from kzlearn.interop.anki_notetypes import (
    CSS,
    NOTE_TYPES,
    TRANSLATIONS,
    NoteType,
    stable_id,
    templates,
)
from kzlearn.interop.anki_rows import BulkDeck, BulkPackage, Row, guid_for
from kzlearn.models import Item, Pack

__all__ = ["AnkiNote", "anki_notes", "export_apkg", "stable_id"]

Progress = Callable[[int, int], None]


def _model(note_type: NoteType, rtl: bool) -> genanki.Model:
    suffix = " (rtl)" if rtl else ""
    return genanki.Model(
        stable_id(f"kzlearn note type {note_type.name}{suffix}"),
        f"kzlearn {note_type.name}{suffix}",
        fields=[
            {"name": f, "rtl": rtl and f != "Key" and f not in TRANSLATIONS}
            for f in note_type.fields
        ],
        templates=[{"name": n, "qfmt": q, "afmt": a} for n, q, a in templates(note_type, rtl)],
        css=CSS,
        model_type=genanki.Model.CLOZE if note_type.cloze else genanki.Model.FRONT_BACK,
        sort_field_index=0,
    )


def _is_apkg(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError):
        return False
    return bool({"collection.anki2", "collection.anki21", "collection.anki21b"} & names)


def export_apkg(
    packs: Sequence[Pack],
    path: str | Path,
    *,
    parent: str = "kzlearn",
    subdecks_by_tag: bool = False,
    seed: int | None = None,
    timestamp: float | None = None,
    progress: Progress | None = None,
    items: Mapping[str, Sequence[Item]] | None = None,
) -> int:
    """Write ``packs`` to ``path`` as one Anki package; returns the number of notes.

    One deck per pack under ``parent`` (``parent::pack title``), with the pack's description;
    with ``subdecks_by_tag`` each note goes to a subdeck named after its first tag.
    ``items`` maps pack ids to their items when already generated (kzlearn.cache), so that
    they are not generated again.

    Raises:
        ExportError: ``path`` exists and is not an Anki package, or cannot be written.
    """
    path = Path(path)
    if path.exists() and (path.is_dir() or not _is_apkg(path)):
        raise ExportError(f"{path}: exists and is not an Anki package; not overwriting it")
    # Hundreds of thousands of strings and rows that all live until the package is
    # written, and no cycles: the cyclic collector would only walk them again and again.
    with gc_paused():
        return _export(
            packs,
            path,
            parent=parent,
            subdecks_by_tag=subdecks_by_tag,
            seed=seed,
            timestamp=timestamp,
            progress=progress,
            items=items,
        )


def _export(
    packs: Sequence[Pack],
    path: Path,
    *,
    parent: str,
    subdecks_by_tag: bool,
    seed: int | None,
    timestamp: float | None,
    progress: Progress | None,
    items: Mapping[str, Sequence[Item]] | None,
) -> int:
    models = {(k, rtl): _model(t, rtl) for k, t in NOTE_TYPES.items() for rtl in (False, True)}
    card_models: dict[tuple[bool, bool], genanki.Model] = {}  # by the two sides' directions
    decks: list[BulkDeck] = []
    total = 0
    given = items or {}
    batches = [(pack, anki_notes(pack, seed=seed, items=given.get(pack.id))) for pack in packs]
    grand_total = sum(len(notes) for _, notes in batches)
    for pack, notes in batches:
        title = pack.text(pack.title).replace("::", ":")
        name = f"{parent}::{title}"
        deck = BulkDeck(
            stable_id(f"kzlearn deck {pack.id}"),
            name,
            esc(pack.text(pack.description)) if pack.description else "",
        )
        subdecks: dict[str, BulkDeck] = {}
        rtl = pack.language in RTL_LANGUAGES
        other = pack.translations[0] if pack.translations else pack.language
        sides = (rtl, other in RTL_LANGUAGES)
        if sides not in card_models:
            card_models[sides] = genanki.Model(
                **flashcard_model(*sides), model_type=genanki.Model.FRONT_BACK, sort_field_index=0
            )
        card_model = card_models[sides]
        for position, note in enumerate(notes):
            flashcard = note.note_type == FLASHCARD
            names = FIELDS if flashcard else NOTE_TYPES[note.note_type].fields
            target = deck
            if subdecks_by_tag and note.subdeck:
                if note.subdeck not in subdecks:
                    subdecks[note.subdeck] = BulkDeck(
                        stable_id(f"kzlearn deck {pack.id}::{note.subdeck}"),
                        f"{name}::{note.subdeck}",
                    )
                target = subdecks[note.subdeck]
            target.add_row(
                Row(
                    card_model if flashcard else models[(note.note_type, rtl)],
                    [note.fields.get(f, "") for f in names],
                    note.tags,
                    guid_for(*note.key.split("/", 1)),
                    position,
                )
            )
            total += 1
            if progress is not None and (total % 500 == 0 or total == grand_total):
                progress(total, grand_total)
        decks.append(deck)
        decks.extend(subdecks.values())
    package = BulkPackage(decks)
    try:
        with atomic_path(path) as tmp:
            package.write_to_file(
                str(tmp), timestamp=time.time() if timestamp is None else timestamp
            )
    except OSError as error:
        raise ExportError(f"{path}: cannot write: {error.strerror or error}") from None
    return total
