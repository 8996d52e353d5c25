"""A flashcard on the quiz screen: the front; space or enter shows the back; then the
student says whether they knew it (a quiz) or rates it 1-4 as FSRS does (a review)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.containers import Vertical

from kzlearn.models import FlashcardItem
from kzlearn.tui.bidi import direction_rtl, is_rtl
from kzlearn.tui.widgets import BidiText, ChoiceList

if TYPE_CHECKING:
    from kzlearn.quiz.session import Question
    from kzlearn.tui.screens.quiz import QuizScreen

__all__ = ["front_widget", "rating_line", "reveal", "show_hint"]


def _line(screen: QuizScreen, q: Question, text: str, classes: str) -> BidiText:
    # A line with no letter (a year) reads in the card's direction.
    return BidiText(
        text, mode=screen.kz.rtl, rtl=direction_rtl(text, is_rtl(q.prompt)), classes=classes
    )


def _keys_line(screen: QuizScreen, item: FlashcardItem) -> str:
    shown = screen.t("space or enter: show the answer")
    if item.hint is not None:
        shown += " · " + screen.t("h: hint")
    return shown


def front_widget(screen: QuizScreen, q: Question) -> Vertical:
    """What shows under the front before the back is revealed: the keys."""
    assert isinstance(q.item, FlashcardItem)
    return Vertical(_line(screen, q, _keys_line(screen, q.item), "hint"), id="flashcard")


async def show_hint(screen: QuizScreen, q: Question) -> None:
    """The hint, above the keys."""
    item = q.item
    box = screen.query("#flashcard").first(Vertical)
    if not isinstance(item, FlashcardItem) or item.hint is None or box.query(".card-hint"):
        return
    hint = screen.t("Hint: {h}", h=q.text(item.hint))
    await box.mount(_line(screen, q, hint, "card-hint"), before=0)


def rating_line(screen: QuizScreen, key: str) -> str:
    """Review: each rating with the interval FSRS would give the card now."""
    from kzlearn.tui.reviewing import intervals_now, say_interval

    t = screen.t
    names = {1: t("again"), 2: t("hard"), 3: t("good"), 4: t("easy")}
    reviewer = screen.kz.reviewer
    intervals = intervals_now(reviewer, key) if reviewer is not None else {}
    ratings = " · ".join(
        f"{n} {names[n]}" + (f" {say_interval(intervals[n], t)}" if n in intervals else "")
        for n in range(1, 5)
    )
    return f"{ratings} — " + t("enter keeps {n}", n=3)


async def reveal(screen: QuizScreen, q: Question) -> None:
    """The back (and the notes) under the front; then the way to answer."""
    item = q.item
    assert isinstance(item, FlashcardItem)
    box = screen.query_one("#flashcard", Vertical)
    await box.remove_children()
    parts = [_line(screen, q, q.text(item.back), "back")]
    if item.explanation is not None:
        parts.append(_line(screen, q, q.text(item.explanation), "explanation"))
    await box.mount(*parts)
    if screen.kz.reviewing:
        await box.mount(_line(screen, q, rating_line(screen, q.key), "hint"))
        return
    choices = ChoiceList(
        [screen.t("I knew it"), screen.t("I did not know it")], mode=screen.kz.rtl, id="choices"
    )
    choices.base_rtl = is_rtl(q.prompt)
    await box.mount(choices)
    choices.focus()
