"""The widget each type of question is answered with, on the quiz screen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.containers import Vertical

from kzlearn.models import (
    ClozeItem,
    FlashcardItem,
    MatchItem,
    McqItem,
    MultiItem,
    OrderItem,
    TrueFalseItem,
)
from kzlearn.tui.bidi import direction_rtl, is_rtl
from kzlearn.tui.checks import CheckList
from kzlearn.tui.screens.flashcard import front_widget
from kzlearn.tui.widgets import LETTERS, AnswerInputs, BidiText, ChoiceList, MatchBoard, OrderList

if TYPE_CHECKING:
    from kzlearn.quiz.session import Question
    from kzlearn.tui.screens.quiz import QuizScreen

__all__ = ["AnswerWidget", "answer_widget", "blank_labels", "passage"]

AnswerWidget = ChoiceList | CheckList | OrderList | MatchBoard | AnswerInputs | Vertical


def answer_widget(screen: QuizScreen, q: Question) -> AnswerWidget:
    """The widget ``q`` is answered with (with the id the quiz screen looks for)."""
    item, mode, rtl = q.item, screen.kz.rtl, is_rtl(q.prompt)
    rows: ChoiceList | CheckList | OrderList | MatchBoard
    if isinstance(item, FlashcardItem):
        return front_widget(screen, q)
    if isinstance(item, McqItem):
        rows = ChoiceList(q.choices, mode=mode, id="choices")
    elif isinstance(item, MultiItem):
        rows = CheckList(q.choices, mode=mode, id="checks")
    elif isinstance(item, TrueFalseItem):
        rows = ChoiceList([screen.t("True"), screen.t("False")], mode=mode, id="choices")
    elif isinstance(item, OrderItem):
        rows = OrderList(q.entries, mode=mode, id="order")
    elif isinstance(item, MatchItem):
        rows = MatchBoard(q.lefts, q.rights, mode=mode, id="match")
    elif isinstance(item, ClozeItem):
        return Vertical(
            BidiText(passage(q), mode=mode, classes="passage"),
            AnswerInputs(blank_labels(screen, q), mode=mode),
            id="cloze",
        )
    else:
        return AnswerInputs([screen.t("Type your answer, then enter:")], mode=mode)
    rows.base_rtl = rtl  # a row of digits reads in the question's direction
    if not isinstance(rows, MatchBoard):
        return rows
    letters = Vertical(
        *(
            # Arabic: the letter is read first, at the right.
            BidiText(
                f"{LETTERS[i]}) {text}",
                mode=mode,
                rtl=direction_rtl(text, rtl),
                classes="right",
            )
            for i, (_, text) in enumerate(q.rights)
        ),
        id="rights",
    )
    return Vertical(rows, letters, id="matching")


def passage(q: Question) -> str:
    """A cloze's text, its blanks numbered."""
    parts = q.cloze_parts
    return "".join(
        p + (f" ({i + 1}) ____ " if i < len(parts) - 1 else "") for i, p in enumerate(parts)
    )


def blank_labels(screen: QuizScreen, q: Question) -> list[str]:
    """What each blank's box of a cloze says."""
    blanks = len(q.cloze_parts) - 1
    if blanks == 1:
        return [screen.t("Type your answer, then enter:")]
    return [screen.t("Blank {n}", n=i + 1) for i in range(blanks)]
