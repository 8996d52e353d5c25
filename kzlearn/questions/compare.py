"""Comparing one typed text with one accepted text: outcomes, reasons and normal forms.

The base every grading rule builds on (kzlearn.questions.names, kzlearn.questions.lists): a
rule rewrites the texts, then asks :func:`text_match` about what is left.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from kzlearn.language.text import STEPS, edit_distance_at_most_one, fold, normalize_basic

__all__ = ["WRONG", "Match", "Outcome", "text_match"]

Outcome = Literal["correct", "nearly", "wrong"]
_RANK: dict[Outcome, int] = {"wrong": 0, "nearly": 1, "correct": 2}


@dataclass(frozen=True, slots=True)
class Match:
    """The outcome of one comparison and its reason (None when there is nothing to say)."""

    outcome: Outcome
    reason: str | None

    def better(self, other: Match) -> Match:
        """The better of the two; the first on a tie."""
        return other if _RANK[other.outcome] > _RANK[self.outcome] else self

    def because(self, reason: str) -> Match:
        """This outcome, explained by the rule that led to it.

        A nearly keeps its own reason (the typo is what the student should hear about).
        """
        if self.outcome == "correct" or (self.outcome == "nearly" and self.reason is None):
            return Match(self.outcome, reason)
        return self

    def at_most_nearly(self, reason: str) -> Match:
        """Nearly for a correct match (a rule that only ever allows nearly)."""
        return Match("nearly", reason) if self.outcome == "correct" else self


WRONG = Match("wrong", None)


def text_match(expected: str, given: str, lang: str | None) -> Match:
    """Compare two texts on their normal forms; the first step that made them equal is why."""
    e, g = normalize_basic(expected), normalize_basic(given)
    if not g:
        return WRONG
    if e == g:
        return Match("correct", None)
    folded_e, folded_g = fold(expected), fold(given)
    if folded_e != folded_g:  # no step makes them equal: only spaces or a typo are left
        e, g = folded_e.replace(" ", ""), folded_g.replace(" ", "")
        if e == g:
            return Match("correct", "ignored spaces")
        if (
            abs(len(e) - len(g)) <= 1  # most wrong answers stop here, before counting letters
            and edit_distance_at_most_one(e, g)
            and sum(c.isalpha() for c in e) >= 6
            and not any(c.isdigit() for c in e)
        ):
            return Match("nearly", "one letter off")
        return WRONG
    for step in STEPS:  # they match: find the first step that made them equal, the reason
        e, g = step.apply(e), step.apply(g)
        if e == g:
            if step.tier == "nearly" or (step.name == "ignored accents" and lang == "fr"):
                return Match("nearly", "accents" if lang == "fr" else step.name)
            return Match("correct", step.name)
    return Match("correct", "ignored spaces")
