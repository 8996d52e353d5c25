"""Review: what each rating would do to the card just answered, before the student picks;
and taking back the last review (undo)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kzlearn.review.srs import Reviewer

__all__ = [
    "NBSP",
    "OVERRIDDEN",
    "intervals_now",
    "mark_overridden",
    "next_intervals",
    "ratings_text",
    "say_interval",
    "undo_review",
]


def next_intervals(reviewer: Reviewer, review_id: int) -> dict[int, timedelta]:
    """Rating (1-4) -> the time until the card is due again, as FSRS schedules it from the
    card as it was before this review (what :meth:`Reviewer.amend` would do)."""
    from fsrs import Card, Rating

    review = reviewer.store.review(review_id)
    if review is None or review.card_before is None:
        return {}
    at = datetime.fromtimestamp(review.at, UTC)
    out: dict[int, timedelta] = {}
    for rating in Rating:
        card = reviewer.schedule(
            Card.from_json(review.card_before), rating, at, int(review.duration * 1000)
        )
        out[int(rating)] = card.due - at
    return out


def intervals_now(reviewer: Reviewer, key: str) -> dict[int, timedelta]:
    """Rating (1-4) -> the time until the card of ``key`` is due again if it were rated so
    now: a flashcard is rated before anything is recorded."""
    from fsrs import Card, Rating

    from kzlearn.review.srs import card_id_for

    now = datetime.now(UTC)
    row = reviewer.store.card(key)
    card = Card.from_json(row.card) if row else Card(card_id=card_id_for(key), due=now)
    return {int(rating): reviewer.schedule(card, rating, now).due - now for rating in Rating}


def say_interval(delta: timedelta, t: Callable[..., str]) -> str:
    """An interval as Anki shows one: 10m, 5h, 3d, 2mo, 1y (in the display language)."""
    minutes = max(1, round(delta.total_seconds() / 60))
    if minutes < 60:
        return t("{n}m", n=minutes)
    if minutes < 24 * 60:
        return t("{n}h", n=round(minutes / 60))
    days = round(minutes / (24 * 60))
    if days < 31:
        return t("{n}d", n=days)
    if days < 365:
        return t("{n}mo", n=round(days / 30))
    return t("{n}y", n=round(days / 365, 1))


OVERRIDDEN = "quiz-overridden"  # the source of a quiz answer the student said was right


def mark_overridden(reviewer: Reviewer, review_id: int) -> bool:
    """ "I was right": a quiz answer's log line counts as correct, its source saying that the
    student overrode the grader (review answers change their rating instead)."""
    with reviewer.store.transaction() as tx:
        return tx.mark_quiz_correct(review_id, OVERRIDDEN)


def undo_review(reviewer: Reviewer, review_id: int) -> bool:
    """Take back a review: its log line goes and the card is as it was before it (a card
    seen for the first time is new again). Only a card's latest review can be taken back.
    Returns whether it was."""
    from fsrs import Card

    from kzlearn.store.base import CardRow

    store = reviewer.store
    review = store.review(review_id)
    if review is None or review.card_before is None:
        return False
    with store.transaction() as tx:
        ids = tx.review_ids(review.key)
        if max(ids) != review.id:
            return False
        tx.delete_review(review.id)
        if len(ids) == 1:  # its first review: the card is new again
            tx.delete_card(review.key)
            return True
        card = Card.from_json(review.card_before)
        row = CardRow(
            review.key,
            review.pack_id,
            review.card_before,
            card.due.timestamp(),
            int(card.state),
            True,
        )
        tx.put_card(row)
    return True


NBSP = "\u00a0"


def ratings_text(
    t: Callable[..., str],
    intervals: Mapping[int, timedelta],
    suggested: int,
    *,
    unbroken: bool = False,
) -> str:
    """Each rating 1-4 with the interval it gives (where known), then the one enter keeps.
    ``unbroken``: a narrow terminal wraps between ratings, never inside one."""
    names = {1: t("again"), 2: t("hard"), 3: t("good"), 4: t("easy")}
    groups = [
        f"{n} {names[n]}" + (f" {say_interval(intervals[n], t)}" if n in intervals else "")
        for n in range(1, 5)
    ]
    keeps = t("enter keeps {n}", n=suggested)
    if unbroken:
        return (
            f"{NBSP}· ".join(g.replace(" ", NBSP) for g in groups)
            + " — "
            + keeps.replace(" ", NBSP)
        )
    return " · ".join(groups) + " — " + keeps
