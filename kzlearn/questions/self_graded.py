"""Flashcards are graded by the student: they saw the back and say whether they knew it."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kzlearn.models import FlashcardItem
    from kzlearn.questions.compare import Outcome
    from kzlearn.questions.grading import Verdict

__all__ = ["RATING_OUTCOMES", "grade_flashcard"]

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
