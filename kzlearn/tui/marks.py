"""What was right and what was wrong in an answer, part by part: each option, position,
pair and blank gets a mark, and a wrong one the right text beside it.

No textual here: the screens draw these rows (tests check them without a terminal).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from kzlearn.language.dates import parse_date
from kzlearn.language.numbers import parse_number
from kzlearn.models import ClozeItem, MatchItem, McqItem, MultiItem, OrderItem, TrueFalseItem
from kzlearn.questions.grading import Kind, grade, match_answer
from kzlearn.quiz.session import Question

__all__ = ["Mark", "marks"]

State = Literal["right", "nearly", "wrong", "plain", "missed"]


@dataclass(frozen=True, slots=True)
class Mark:
    """One part of an answer: its text, whether it was right, and the right text if not."""

    text: str
    state: State
    right: str | None = None

    @property
    def sign(self) -> str:
        signs = {"right": "✓", "nearly": "≈", "wrong": "✗", "plain": "\u00a0", "missed": "○"}
        return signs[self.state]


_STATES: dict[str, State] = {"correct": "right", "nearly": "nearly", "wrong": "wrong"}


def _positions(response: object) -> list[int] | None:
    if not isinstance(response, list | tuple):
        return None
    try:
        return [int(x) for x in response]
    except (TypeError, ValueError):
        return None


def _kind(answer: str) -> Kind:
    # As the grader reads a blank: a date with digits, a number, else text.
    if parse_date(answer) is not None and any(c.isdigit() for c in answer):
        return "date"
    return "number" if parse_number(answer) is not None else "text"


def marks(question: Question, response: object, true_false: tuple[str, str]) -> list[Mark]:
    """The marked parts of ``response`` to ``question`` (empty for a typed answer: the
    verdict says it all). ``true_false`` are the words for true and false."""
    item = question.item
    if isinstance(item, McqItem):
        chosen = response if isinstance(response, int) else -1
        partly = chosen >= 0 and grade(item, chosen).outcome == "nearly"  # a %50% choice
        return [
            Mark(
                text,
                "right"
                if i == item.answer_index
                else ("nearly" if partly else "wrong")
                if i == chosen
                else "plain",
            )
            for text, i in zip(question.choices, question.order, strict=True)
        ]
    if isinstance(item, MultiItem):  # ticked right ✓, ticked wrong ✗, a right one missed ○
        ticked = set(_positions(response) or [])
        wanted = set(item.answer_indexes)
        return [
            Mark(
                text,
                ("right" if i in wanted else "wrong")
                if i in ticked
                else ("missed" if i in wanted else "plain"),
            )
            for text, i in zip(question.choices, question.order, strict=True)
        ]
    if isinstance(item, TrueFalseItem):
        return [
            Mark(
                word,
                "right" if value == item.answer else "wrong" if value is response else "plain",
            )
            for word, value in zip(true_false, (True, False), strict=True)
        ]
    if isinstance(item, OrderItem):
        order = _positions(response)
        texts = [question.text(e) for e in item.sequence]
        if order is None or sorted(order) != list(range(len(item.sequence))):
            return [Mark("—", "wrong", text) for text in texts]  # no order was given
        return [
            Mark(texts[got], "right" if got == at else "wrong", None if got == at else texts[at])
            for at, got in enumerate(order)
        ]
    if isinstance(item, MatchItem):
        chosen_pairs = _positions(response) or [-1] * len(item.pairs)
        out = []
        for i, pair in enumerate(item.pairs):
            got = chosen_pairs[i] if i < len(chosen_pairs) else -1
            left, right = question.text(pair.left), question.text(pair.right)
            given = question.text(item.pairs[got].right) if 0 <= got < len(item.pairs) else "?"
            ok = got == i
            out.append(
                Mark(f"{left} — {given}", "right" if ok else "wrong", None if ok else right)
            )
        return out
    if isinstance(item, ClozeItem):
        blanks = item.blanks(question.lang, question.pack.language)
        typed = [response] if isinstance(response, str) else list(response or [])  # type: ignore[call-overload]
        typed += [""] * (len(blanks) - len(typed))
        out = []
        for answers, given in zip(blanks, typed, strict=False):
            outcome, _ = match_answer(
                answers, str(given), lang=question.lang, kind=_kind(answers[0])
            )
            state = _STATES[outcome]
            out.append(
                Mark(str(given) or "—", state, None if outcome == "correct" else answers[0])
            )
        return out
    return []
