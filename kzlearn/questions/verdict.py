"""The grade of one answer: its outcome, the right answer, why, and the share of credit."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["Outcome", "Verdict"]

# Here, not with the graders (kzlearn.questions.compare): a quiz names it before it grades.
Outcome = Literal["correct", "nearly", "wrong"]


@dataclass(frozen=True, slots=True)
class Verdict:
    """The grade of one answer.

    Attributes:
        outcome: correct, nearly or wrong.
        expected: the right answer, as shown to the student.
        reason: why an answer that was not written exactly was accepted (or nearly), or
            what was wrong with it, in a few words; None when there is nothing to say.
        score: the share of the credit earned, 0 to 1, for an answer worth part of it
            (Moodle's weights); None otherwise.
    """

    outcome: Outcome
    expected: str
    reason: str | None = None
    score: float | None = None  # the share of the credit (0..1), where part of it is earned

    @property
    def correct(self) -> bool:
        """True only for a correct answer."""
        return self.outcome == "correct"
