"""Helpers for driving the app with Pilot and reading its screen as text."""

from __future__ import annotations

from fsrs import Scheduler
from textual.pilot import Pilot
from textual.widgets import Input

from kzlearn import load_packs
from kzlearn.models import (
    ClozeItem,
    FlashcardItem,
    MatchItem,
    McqItem,
    MultiItem,
    OrderItem,
    Pack,
    ShortItem,
    TrueFalseItem,
)
from kzlearn.quiz.session import Question, QuizOptions
from kzlearn.review.srs import Reviewer
from kzlearn.store.base import ProgressStore
from kzlearn.tui.app import KzlearnApp
from kzlearn.tui.screens import PickerScreen, QuizScreen, SetupScreen
from kzlearn.tui.served import ServedApp
from tests.conftest import DECKS

PACKS = load_packs(DECKS)


def screen_lines(app: KzlearnApp) -> list[str]:
    """What the terminal shows, one string per row."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


def screen_text(app: KzlearnApp) -> str:
    """The screen rows joined, trailing spaces removed."""
    return "\n".join(line.rstrip() for line in screen_lines(app))


async def type_text(pilot: Pilot[None], text: str) -> None:
    """Type ``text`` key by key, as a person would."""
    for char in text:
        await pilot.press("space" if char == " " else char)


async def answer(pilot: Pilot[None], question: Question, plan: str) -> None:
    """Answer ``question`` with the keyboard: right, wrong, or nearly right."""
    item = question.item
    if isinstance(item, McqItem):
        index = (
            item.answer_index if plan == "correct" else (item.answer_index + 1) % len(item.choices)
        )
        await pilot.press(str(question.order.index(index) + 1))  # its row on screen
    elif isinstance(item, MultiItem):
        right = list(item.answer_indexes)
        ticks = {"correct": right, "nearly": right[:1]}.get(plan, [])
        if not ticks:  # wrong: only the wrong choices
            ticks = [i for i in range(len(item.choices)) if i not in right]
        for index in ticks:
            await pilot.press(str(question.order.index(index) + 1))  # tick its row
        await pilot.press("enter")
    elif isinstance(item, TrueFalseItem):
        await pilot.press("t" if item.answer == (plan == "correct") else "f")
    elif isinstance(item, FlashcardItem):
        await pilot.press("space")  # the back, then "I knew it" or not
        await pilot.press("2" if plan == "correct" else "1")
    elif isinstance(item, ShortItem):
        text = item.answer.get("en", "ar") if plan == "correct" else "Atlantis"
        if plan == "nearly":
            text = text.split()[-1]  # a date given by its year alone
        await type_text(pilot, text)
        await pilot.press("enter")
    elif isinstance(item, ClozeItem):
        for blank in item.blanks(None, ""):
            await type_text(pilot, blank[0] if plan == "correct" else "Atlantis")
            await pilot.press("enter")
    elif isinstance(item, OrderItem):
        target = list(range(len(item.sequence)))
        if plan == "nearly":
            target[0], target[1] = target[1], target[0]
        elif plan == "wrong":
            target.reverse()
        await arrange(pilot, [i for i, _ in question.entries], target)
        await pilot.press("enter")
    else:
        assert isinstance(item, MatchItem)
        rights = [pair for pair, _ in question.rights]
        n = len(item.pairs)
        for left in range(n):
            wanted = left if plan == "correct" else (left + 1) % n
            await pilot.press("abcdefghij"[rights.index(wanted)])
        await pilot.press("enter")


async def arrange(pilot: Pilot[None], shown: list[int], target: list[int]) -> None:
    """Move entries with the keys until ``shown`` reads as ``target`` (selection sort)."""
    cursor = 0
    for position, wanted in enumerate(target):
        at = shown.index(wanted)
        for _ in range(abs(at - cursor)):
            await pilot.press("down" if at > cursor else "up")
        cursor = at
        while cursor > position:
            await pilot.press("shift+up")
            shown[cursor - 1], shown[cursor] = shown[cursor], shown[cursor - 1]
            cursor -= 1


async def play(pilot: Pilot[None], app: KzlearnApp, plans: list[str]) -> None:
    """Answer the next questions as planned (correct, wrong, nearly), each then enter."""
    for plan in plans:
        question = app.session.current if app.session else None
        assert question is not None
        await answer(pilot, question, plan)
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()


def review_app(pack: Pack, store: ProgressStore) -> KzlearnApp:
    """A review of every item of ``pack`` (in English, no fuzzing of the intervals)."""
    reviewer = Reviewer(store, Scheduler(enable_fuzzing=False))
    keys = [f"{pack.id}/{i.id}" for i in pack.items]
    options = QuizOptions(seed=1, lang="en")
    return KzlearnApp([pack], options=options, reviewer=reviewer, review_keys=keys)


async def sign_in(pilot: object, app: ServedApp, name: str, code: str | None = "5b") -> None:
    """Type the name (and the class code) and press enter on each."""
    from textual.pilot import Pilot

    assert isinstance(pilot, Pilot)
    app.screen.query_one("#student", Input).value = name
    await pilot.press("enter")
    if code is not None:
        app.screen.query_one("#class-code", Input).value = code
        await pilot.press("enter")
    await pilot.pause()


async def answer_first(pilot: object, app: ServedApp) -> str:
    """Choose every deck, start, answer the first question rightly; its key."""
    from textual.pilot import Pilot

    assert isinstance(pilot, Pilot)
    assert isinstance(app.screen, PickerScreen)
    await pilot.press("enter")  # all decks
    await pilot.pause()
    assert isinstance(app.screen, SetupScreen)
    await pilot.press("s")
    await pilot.pause()
    return await answer_shown(pilot, app, "correct")


async def answer_shown(pilot: Pilot[None], app: KzlearnApp, outcome: str) -> str:
    """Answer the question on the quiz screen with ``outcome``; its key."""
    assert isinstance(app.screen, QuizScreen)
    assert app.session is not None
    question = app.session.current
    assert question is not None
    await answer(pilot, question, outcome)
    await pilot.pause()
    return question.key
