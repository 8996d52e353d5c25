"""A genanki deck that writes its notes and cards as rows in bulk.

genanki writes the package (schema, collection, decks, note types, zip); its Note objects
cost more than the rest of an export (tag checks, one INSERT per note and per card), so the
notes and cards go in with one executemany each, as genanki would write them: the same
columns, card ordinals, GUIDs and ids.
"""

from __future__ import annotations

import hashlib
import itertools
import re
import sqlite3
import tempfile
import time
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import genanki

__all__ = ["BulkDeck", "BulkPackage", "Row", "guid_for"]

_BASE91 = (
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-./:;<=>?@[]^_`{|}~"
)
_CLOZE = re.compile(r"\{\{c(\d+)::.+?\}\}", re.DOTALL)


def guid_for(*values: str) -> str:
    """genanki.guid_for, the same GUIDs (what collections already hold), done in C."""
    number = int.from_bytes(hashlib.sha256("__".join(values).encode()).digest()[:8], "big")
    digits = []
    while number:
        number, digit = divmod(number, 91)
        digits.append(_BASE91[digit])
    return "".join(reversed(digits))


@dataclass(frozen=True, slots=True)
class Row:
    model: genanki.Model
    fields: Sequence[str]
    tags: Sequence[str]
    guid: str
    due: int


class BulkDeck(genanki.Deck):  # type: ignore[misc]
    """A deck whose notes are rows (``add_row``), written in bulk."""

    def __init__(self, deck_id: int, name: str, description: str = "") -> None:
        super().__init__(deck_id, name, description)
        self.rows: list[Row] = []

    def add_row(self, row: Row) -> None:
        self.rows.append(row)
        self.add_model(row.model)

    def write_to_db(self, cursor: sqlite3.Cursor, timestamp: float, id_gen: Iterator[int]) -> None:
        super().write_to_db(cursor, timestamp, id_gen)  # the deck and its note types
        cards: list[tuple[object, ...]] = []
        # A generator: each note's joined fields live only until SQLite has them.
        notes = self._notes(int(timestamp), id_gen, cards)
        cursor.executemany("INSERT INTO notes VALUES(?,?,?,?,?,?,?,?,?,?,?)", notes)
        cursor.executemany("INSERT INTO cards VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", cards)

    def _notes(
        self, mod: int, id_gen: Iterator[int], cards: list[tuple[object, ...]]
    ) -> Iterator[tuple[object, ...]]:
        """The rows of the notes table, and (into ``cards``) the rows of their cards."""
        kinds = {m.model_id: _CardKinds(m) for m in self.models.values()}
        tag_lines: dict[int, str] = {}  # by the id of a tags tuple: few distinct, shared
        for row in self.rows:
            note_id = next(id_gen)
            fields = row.fields
            tags = tag_lines.get(id(row.tags))
            if tags is None:
                tags = tag_lines[id(row.tags)] = " " + " ".join(row.tags) + " "
            kind = kinds[row.model.model_id]
            for ordinal in kind.ordinals(fields):
                card = (next(id_gen), note_id, self.deck_id, ordinal, mod, -1, 0, 0, row.due)
                cards.append((*card, *_ZEROS))
            yield (
                note_id,
                row.guid,
                kind.model_id,
                mod,
                -1,
                tags,
                "\x1f".join(fields),
                fields[kind.sort],
                0,
                0,
                "",
            )


_ZEROS = (0, 0, 0, 0, 0, 0, 0, 0, "")  # ivl, factor, reps, lapses, left, odue, odid, flags, data


class _CardKinds:
    """The card ordinals genanki makes for a note of one model (genanki.Note.cards)."""

    def __init__(self, model: genanki.Model) -> None:
        self.model_id: int = model.model_id
        self.sort: int = model.sort_field_index
        self.cloze = model.model_type == genanki.Model.CLOZE
        names = re.findall(r"\{\{[^}]*?cloze:(?:[^}]?:)*(.+?)\}\}", model.templates[0]["qfmt"])
        self.cloze_fields = [i for i, f in enumerate(model.fields) if f["name"] in names]
        self.required = [] if self.cloze else list(model._req)
        self._by_pattern: dict[tuple[bool, ...], list[int]] = {}

    def ordinals(self, fields: Sequence[str]) -> list[int]:
        if self.cloze:
            found = {
                int(n) - 1
                for i in self.cloze_fields
                for n in _CLOZE.findall(fields[i])
                if int(n) > 0
            }
            return sorted(found) or [0]
        # Which fields are empty decides the cards: notes of one type share a few patterns.
        pattern = tuple(map(bool, fields))
        known = self._by_pattern.get(pattern)
        if known is None:
            known = self._by_pattern[pattern] = [
                ordinal
                for ordinal, kind, required in self.required
                if (any if kind == "any" else all)(pattern[i] for i in required)
            ]
        return known


class BulkPackage(genanki.Package):  # type: ignore[misc]
    """genanki's package writing, on a scratch database that is never synced to disk (it is
    zipped, then deleted: genanki's own leaves it in the temporary folder)."""

    def write_to_file(self, file: str | Path, timestamp: float | None = None) -> None:
        stamp = time.time() if timestamp is None else timestamp
        with tempfile.TemporaryDirectory(prefix="kzlearn-apkg-") as folder:
            database = Path(folder) / "collection.anki2"
            connection = sqlite3.connect(database)
            try:
                # Notes of a few kilobytes each: large pages take them with less splitting.
                connection.execute("PRAGMA page_size = 65536")
                connection.execute("PRAGMA journal_mode = OFF")
                connection.execute("PRAGMA synchronous = OFF")
                self.write_to_db(connection.cursor(), stamp, itertools.count(int(stamp * 1000)))
                connection.commit()
            finally:
                connection.close()
            with zipfile.ZipFile(file, "w") as archive:
                archive.write(database, "collection.anki2")
                archive.writestr("media", "{}")
