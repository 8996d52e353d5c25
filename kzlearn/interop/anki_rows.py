"""A genanki deck that writes its notes and cards as rows in bulk.

genanki writes the package (schema, collection, decks, note types, zip); its Note objects
cost more than the rest of an export (tag checks, one INSERT per note and per card), so the
notes and cards go in with one executemany each, as genanki would write them: the same
columns, card ordinals, GUIDs and ids.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import genanki

__all__ = ["BulkDeck", "Row", "guid_for"]

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
        notes, cards = [], []
        mod = int(timestamp)
        for row in self.rows:
            note_id = next(id_gen)
            fields = row.fields
            notes.append(
                (
                    note_id,
                    row.guid,
                    row.model.model_id,
                    mod,
                    -1,
                    " " + " ".join(row.tags) + " ",
                    "\x1f".join(fields),
                    fields[row.model.sort_field_index],
                    0,
                    0,
                    "",
                )
            )
            for ordinal in _ordinals(row.model, fields):
                card_id = next(id_gen)
                cards.append(
                    (card_id, note_id, self.deck_id, ordinal, mod, -1, 0, 0, row.due)
                    + (0,) * 8
                    + ("",)
                )
        cursor.executemany("INSERT INTO notes VALUES(?,?,?,?,?,?,?,?,?,?,?)", notes)
        cursor.executemany("INSERT INTO cards VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", cards)


def _ordinals(model: genanki.Model, fields: Sequence[str]) -> list[int]:
    """The card ordinals genanki makes for a note (genanki.Note.cards)."""
    if model.model_type == genanki.Model.CLOZE:
        names = re.findall(r"\{\{[^}]*?cloze:(?:[^}]?:)*(.+?)\}\}", model.templates[0]["qfmt"])
        texts = [fields[i] for i, f in enumerate(model.fields) if f["name"] in names]
        found = {int(n) - 1 for text in texts for n in _CLOZE.findall(text) if int(n) > 0}
        return sorted(found) or [0]
    return [
        ordinal
        for ordinal, kind, required in model._req
        if (any if kind == "any" else all)(map(fields.__getitem__, required))
    ]
