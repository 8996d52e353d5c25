"""A flashcard on the quiz screen: the front; space or enter shows the back; then the
student says whether they knew it (a quiz) or rates it 1-4 as FSRS does (a review)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.containers import Vertical
from textual.widget import Widget

from kzlearn.models import FlashcardItem
from kzlearn.tui.bidi import direction_rtl, is_rtl
from kzlearn.tui.widgets import BidiText, ChoiceList

if TYPE_CHECKING:
    from kzlearn.quiz.session import Question
    from kzlearn.tui.screens.quiz import QuizScreen

__all__ = ["KNEW", "front_widget", "rating_line", "reveal", "show_hint"]

KNEW = 1  # the row of "I knew it" (key 2)


def _line(screen: QuizScreen, q: Question, text: str, classes: str) -> BidiText:
    # A line with no letter (a year) reads in the card's direction.
    return BidiText(
        text, mode=screen.kz.rtl, rtl=direction_rtl(text, is_rtl(q.prompt)), classes=classes
    )


def front_widget(screen: QuizScreen, q: Question) -> Vertical:
    """What shows under the front before the back is revealed: the keys, the hint's key on
    a line of its own (wrapped after the first, "h:" would be left without its word)."""
    assert isinstance(q.item, FlashcardItem)
    keys = [_line(screen, q, screen.t("space or enter: show the answer"), "hint")]
    if q.item.hint is not None:
        keys.append(_line(screen, q, screen.t("h: hint"), "hint key-hint"))
    return Vertical(*keys, id="flashcard")


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
    from kzlearn.tui.reviewing import intervals_now, ratings_text

    reviewer = screen.kz.reviewer
    intervals = intervals_now(reviewer, key) if reviewer is not None else {}
    return ratings_text(screen.t, intervals, 3, unbroken=True)


def _show_last(screen: QuizScreen, widget: Widget) -> None:
    """Scroll ``widget`` into view once laid out: twice after a refresh, as the body's
    scrollbar, once it appears, narrows the text and may add a line to it."""
    screen.call_after_refresh(
        lambda: screen.call_after_refresh(widget.scroll_visible, animate=False)
    )


async def reveal(screen: QuizScreen, q: Question) -> None:
    """The back (and the notes) under the front; then the way to answer."""
    item = q.item
    assert isinstance(item, FlashcardItem)
    box = screen.query_one("#flashcard", Vertical)
    # A hint the student asked for stays, above the back, as Anki keeps it on the front.
    await box.query("*").exclude(".card-hint").remove()
    parts = [_line(screen, q, q.text(item.back), "back")]
    if item.explanation is not None:
        parts.append(_line(screen, q, q.text(item.explanation), "explanation"))
    await box.mount(*parts)
    if screen.kz.reviewing:
        ratings = _line(screen, q, rating_line(screen, q.key), "hint")
        await box.mount(ratings)
        # A long back on a small terminal: the ratings (all four) are what is read next.
        _show_last(screen, ratings)
        return
    # 1 is the one key for "I did not know it", as Again in a review and in Anki; enter, as
    # there, keeps the card known.
    choices = ChoiceList(
        [screen.t("I did not know it"), screen.t("I knew it")], mode=screen.kz.rtl, id="choices"
    )
    choices.base_rtl = is_rtl(q.prompt)
    choices.highlighted = KNEW
    await box.mount(choices)
    choices.focus()
    _show_last(screen, choices)
