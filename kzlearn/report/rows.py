"""What a class report is computed from: answers and cards as plain rows, each naming its
student, read from the progress store (never written)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

    from kzlearn.store.base import CardRow, ClassCard, ClassReview, ProgressStore, ReviewRow

__all__ = ["Attempt", "CardState", "card_state", "read_class", "report_rows"]


@dataclass(frozen=True, slots=True)
class Attempt:
    """One answer: who gave it, to which item, how it was graded and what was given."""

    student: str
    class_name: str
    key: str  # pack_id/item_id
    pack_id: str
    outcome: str  # correct, nearly, wrong
    answer: str | None  # the response as the store keeps it: JSON text
    duration: float  # seconds
    at: float  # epoch seconds
    id: int = 0  # the review's id: orders answers given in the same second


@dataclass(frozen=True, slots=True)
class CardState:
    """A student's scheduled card for one item."""

    student: str
    class_name: str
    key: str
    pack_id: str
    due: float  # epoch seconds
    state: int  # fsrs State: 1 learning, 2 review, 3 relearning
    stability: float | None  # days
    active: bool


def _stability(card_json: str) -> float | None:
    try:
        value = json.loads(card_json).get("stability")
    except (ValueError, AttributeError):
        return None
    return float(value) if isinstance(value, int | float) else None


def card_state(row: CardRow, student: str = "", class_name: str = "") -> CardState:
    """A stored card as a report row."""
    return CardState(
        student,
        class_name,
        row.key,
        row.pack_id,
        row.due,
        row.state,
        _stability(row.card),
        row.active,
    )


def attempt(row: ReviewRow, student: str = "", class_name: str = "") -> Attempt:
    """A logged answer as a report row."""
    return Attempt(
        student,
        class_name,
        row.key,
        row.pack_id,
        row.outcome,
        row.answer,
        row.duration,
        row.at,
        row.id,
    )


def read_class(
    store: ProgressStore, class_name: str | None = None
) -> tuple[list[Attempt], list[CardState]]:
    """Every student's answers and cards, of one class (None: of every class, and the
    local student's own progress too), read only."""
    return report_rows(*store.class_rows(class_name))


def report_rows(
    cards: Sequence[ClassCard], reviews: Sequence[ClassReview]
) -> tuple[list[Attempt], list[CardState]]:
    """Stored rows, as :meth:`ProgressStore.class_rows` gives them, as report rows."""
    return (
        [attempt(r.row, r.student, r.class_name) for r in reviews],
        [card_state(c.row, c.student, c.class_name) for c in cards],
    )
