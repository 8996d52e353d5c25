"""What every progress store offers, whatever keeps it: the rows, the reads, and a
transaction object through which all writes go (kzlearn.store.sql has the SQL both
backends run)."""

from __future__ import annotations

import json
from abc import ABC, abstractmethod
from collections.abc import Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Self

__all__ = ["SCHEMA_VERSION", "CardRow", "ProgressStore", "ReviewRow", "StoreTransaction"]

SCHEMA_VERSION = 1


@dataclass(frozen=True, slots=True)
class CardRow:
    """A card's stored state."""

    key: str
    pack_id: str
    card: str
    due: float
    state: int
    active: bool


@dataclass(frozen=True, slots=True)
class ReviewRow:
    """One answer in the log."""

    id: int
    key: str
    pack_id: str
    at: float
    rating: int | None
    outcome: str
    duration: float
    answer: str | None
    source: str
    state_before: int | None
    card_before: str | None
    card_after: str | None
    params: str | None


class StoreTransaction(ABC):
    """One write transaction: reads made through it see its own writes, and everything
    is committed together when the ``with`` block ends (or nothing, on an error)."""

    @abstractmethod
    def card(self, key: str) -> CardRow | None:
        """The stored card for ``key`` (locked against other writers until the end)."""

    @abstractmethod
    def review(self, review_id: int) -> ReviewRow | None:
        """One review."""

    @abstractmethod
    def reviews(self) -> list[ReviewRow]:
        """The whole answer log, oldest first."""

    @abstractmethod
    def review_ids(self, key: str) -> list[int]:
        """Ids of the scheduling reviews (not quiz answers) of ``key``, oldest first."""

    @abstractmethod
    def put_card(self, row: CardRow) -> None:
        """Insert or replace a card."""

    @abstractmethod
    def add_review(self, row: ReviewRow) -> int:
        """Append to the log; returns the new review's id."""

    @abstractmethod
    def set_rating(self, review_id: int, rating: int, card_after: str) -> None:
        """Replace a review's rating and the card it left."""

    @abstractmethod
    def mark_quiz_correct(self, review_id: int, source: str) -> bool:
        """A quiz answer counts as correct, ``source`` saying why; False where there is
        no such quiz answer."""

    @abstractmethod
    def delete_review(self, review_id: int) -> None:
        """Take a review out of the log."""

    @abstractmethod
    def delete_card(self, key: str) -> None:
        """Forget a card (its item is new again)."""


class ProgressStore(ABC):
    """An open progress database: SQLite (a file) or PostgreSQL (a URL).

    Raises (on opening):
        StoreError: the database is not kzlearn's, is damaged, was written by a newer
            kzlearn, or cannot be reached, created or opened.
    """

    location: str  # what messages name it by (a URL without its password)

    @abstractmethod
    def transaction(self) -> AbstractContextManager[StoreTransaction]:
        """A write transaction, taken at once: writers take turns, as in SQLite."""

    @abstractmethod
    def card(self, key: str) -> CardRow | None:
        """The stored card for ``key``, if it has been reviewed."""

    @abstractmethod
    def cards(self, pack_ids: Sequence[str] | None = None) -> list[CardRow]:
        """Every stored card (of these packs)."""

    @abstractmethod
    def card_keys(self, pack_ids: Sequence[str]) -> set[str]:
        """Keys of every stored card of these packs (no card data read)."""

    @abstractmethod
    def due_keys(self, until: float, pack_ids: Sequence[str]) -> list[str]:
        """Active cards of these packs due by ``until`` (epoch seconds), most overdue first."""

    @abstractmethod
    def reviews(
        self, pack_ids: Sequence[str] | None = None, since: float | None = None
    ) -> list[ReviewRow]:
        """The answer log, oldest first."""

    @abstractmethod
    def review(self, review_id: int) -> ReviewRow | None:
        """One review."""

    @abstractmethod
    def introduced_since(self, since: float) -> int:
        """How many cards had their first scheduling review at or after ``since``."""

    @abstractmethod
    def set_active(self, pack_id: str, keys: set[str]) -> None:
        """Cards of ``pack_id`` whose item is in ``keys`` are scheduled; the others are kept
        with their history but no longer come due (the item left the pack)."""

    @abstractmethod
    def close(self) -> None:
        """Close the database (and its connections)."""

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def dump(self) -> dict[str, object]:
        """Everything, as plain data (for ``kzlearn progress export``)."""
        return {
            "format": "kzlearn-progress",
            "schema": SCHEMA_VERSION,
            "cards": [
                {
                    "key": c.key,
                    "pack_id": c.pack_id,
                    "card": json.loads(c.card),
                    "active": c.active,
                }
                for c in self.cards()
            ],
            "reviews": [
                {name: getattr(r, name) for name in ReviewRow.__slots__ if name != "id"}
                for r in self.reviews()
            ],
        }
