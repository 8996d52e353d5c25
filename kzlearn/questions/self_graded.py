"""Flashcards are graded by the student: they saw the back and say whether they knew it."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kzlearn.models import FlashcardItem, Item
    from kzlearn.questions.grading import Verdict
    from kzlearn.questions.verdict import Outcome

__all__ = ["RATING_OUTCOMES", "REVERSE", "grade_flashcard", "with_reverse_cards"]

REVERSE = ".reverse"  # the id of a card's back-to-front twin: its own schedule and history

# A review's rating as an outcome: "hard" was recalled with effort, which FSRS's Hard means
# and which kzlearn's "nearly" maps back to (kzlearn.review.srs.RATING_FOR).
RATING_OUTCOMES: dict[int, Outcome] = {1: "wrong", 2: "nearly", 3: "correct", 4: "correct"}


def grade_flashcard(item: FlashcardItem, response: object, lang: str | None) -> Verdict:
    """True (knew it) or False; a review's rating 1-4; or a word for yes or no."""
    from kzlearn.questions.grading import Verdict, _truth_value

    expected = item.back.get(lang, lang or "")
    if isinstance(response, bool):
        return Verdict("correct" if response else "wrong", expected)
    if isinstance(response, int) and response in RATING_OUTCOMES:
        return Verdict(RATING_OUTCOMES[response], expected)
    said = _truth_value(str(response or "")[:200]) if isinstance(response, str) else None
    return Verdict("correct" if said else "wrong", expected)


def with_reverse_cards(items: Sequence[Item]) -> list[Item]:
    """``items``, then the back-to-front card of each flashcard with ``reverse: true``, as
    Anki makes a note's second card: asked in quizzes and reviews, scheduled on its own. It
    comes after every other item, so a review introduces it after its front-to-back card;
    its hint (a clue to the back) stays with the front-to-back card."""
    from kzlearn.models import FlashcardItem

    ids = {item.id for item in items}
    twins: list[Item] = [
        dataclasses.replace(
            item,
            id=item.id + REVERSE,
            prompt=item.back,
            back=item.prompt,
            hint=None,
            reverse=False,
        )
        for item in items
        if isinstance(item, FlashcardItem) and item.reverse and item.id + REVERSE not in ids
    ]
    return [*items, *twins]
