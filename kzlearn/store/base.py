"""What every progress store offers, whatever keeps it: the rows, the reads, and a
transaction object through which all writes go (kzlearn.store.sql has the SQL both
backends run)."""

from __future__ import annotations

import json
import unicodedata
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Self, TypeVar

__all__ = [
    "LOCAL",
    "NAME_LIMIT",
    "SCHEMA_VERSION",
    "CardRow",
    "ClassCard",
    "ClassReview",
    "Learner",
    "ProgressStore",
    "ReviewRow",
    "StoreTransaction",
    "check_name",
    "name_problem",
    "refused_char",
]

SCHEMA_VERSION = 2
NAME_LIMIT = 60  # characters of a student's or a class's name
# Control, format (bidi overrides among them), surrogate, private and unassigned characters,
# and line or paragraph separators: a name is plain text on one line.
_REFUSED_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}
T = TypeVar("T")


def name_problem(name: str) -> str | None:
    """Why ``name`` cannot be a student's or class's name (None where it can): one line of
    plain text, not blank, at most NAME_LIMIT characters, no spaces around it."""
    if not name.strip():
        return "a name cannot be blank"
    if name != name.strip():
        return "a name cannot start or end with a space"
    if len(name) > NAME_LIMIT:
        return f"a name has at most {NAME_LIMIT} characters"
    char = refused_char(name)
    if char is not None:
        return f"a name cannot hold the character U+{ord(char):04X}"
    return None


def check_name(name: str) -> str:
    """``name`` when it can be a student's or class's name (or is empty: the local
    student's).

    Raises:
        ValueError: it cannot; the message is :func:`name_problem`'s.
    """
    problem = name and name_problem(name)
    if problem:
        raise ValueError(problem)
    return name


def refused_char(name: str) -> str | None:
    """The first character of ``name`` that a name cannot hold (a control, a bidi
    override, a line break...), if any."""
    return next((c for c in name if unicodedata.category(c) in _REFUSED_CATEGORIES), None)


@dataclass(frozen=True, slots=True)
class Learner:
    """Whose progress a store reads and writes: a student of a class. The empty names are
    the one local student of a personal progress file."""

    class_name: str = ""
    student: str = ""

    def __post_init__(self) -> None:
        check_name(self.class_name)
        check_name(self.student)


LOCAL = Learner()


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
    uid: str | None = None  # made by the client: an answer retried is not stored twice


@dataclass(frozen=True, slots=True)
class ClassCard:
    """A card's stored state, with the student it belongs to (for a teacher's report)."""

    class_name: str
    student: str
    row: CardRow


@dataclass(frozen=True, slots=True)
class ClassReview:
    """One answer of the log, with the student who gave it (for a teacher's report)."""

    class_name: str
    student: str
    row: ReviewRow


class StoreTransaction(ABC):
    """One write transaction: reads made through it see its own writes, and everything
    is committed together when the ``with`` block ends (or nothing, on an error).

    Every read and write is the store's learner's only."""

    @abstractmethod
    def as_learner(self, learner: Learner) -> StoreTransaction:
        """The same transaction, reading and writing ``learner``'s progress (an import
        of a class's export writes each student's)."""

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
    def review_by_uid(self, uid: str) -> ReviewRow | None:
        """The answer stored with this client-made id, whoever gave it."""

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
    """An open progress database: SQLite (a file) or PostgreSQL (a URL), opened for one
    learner, whose progress alone every read and write sees (``class_rows`` excepted).

    Raises (on opening):
        StoreError: the database is not kzlearn's, is damaged, was written by a newer
            kzlearn, or cannot be reached, created or opened.
    """

    location: str  # what messages name it by (a URL without its password)
    learner: Learner
    # Told (one line saying why) when ``run`` found the connection to a server lost and
    # did its work on a new one: the app says so, and carries on.
    on_lost: Callable[[str], None] | None = None

    @abstractmethod
    def transaction(self) -> AbstractContextManager[StoreTransaction]:
        """A write transaction, taken at once: writers take turns, as in SQLite."""

    def run(self, work: Callable[[StoreTransaction], T]) -> T:
        """``work`` in one write transaction. A backend whose connection can be lost (a
        server restarted) runs it once more on a new connection: ``work`` must then be
        idempotent (an answer carries its ``uid``)."""
        with self.transaction() as tx:
            return work(tx)

    @abstractmethod
    def class_rows(
        self, class_name: str | None = None
    ) -> tuple[list[ClassCard], list[ClassReview]]:
        """Every student's cards and answers, of one class (None: of every class), for a
        teacher: ordered by class, student, then key (cards) or time (answers)."""

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
        """Everything, every student's, as plain data (for ``kzlearn progress export``)."""
        cards, reviews = self.class_rows(None)
        return {
            "format": "kzlearn-progress",
            "schema": SCHEMA_VERSION,
            "cards": [
                {
                    "class_name": c.class_name,
                    "student": c.student,
                    "key": c.row.key,
                    "pack_id": c.row.pack_id,
                    "card": json.loads(c.row.card),
                    "active": c.row.active,
                }
                for c in cards
            ],
            "reviews": [
                {"class_name": r.class_name, "student": r.student}
                | {name: getattr(r.row, name) for name in ReviewRow.__slots__ if name != "id"}
                for r in reviews
            ],
        }
