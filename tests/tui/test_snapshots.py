"""Snapshots of every screen, in Arabic and in English (textual is pinned exactly).

Update deliberately: ``pytest tests/tui/test_snapshots.py --snapshot-update``, then look at
the report. The text-row tests in test_rtl_screen.py check what SVGs cannot: a browser
reorders Arabic by itself.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from textual.pilot import Pilot

from kzlearn.quiz.session import ITEM_TYPES, QuizOptions
from kzlearn.tui.app import KzlearnApp
from tests.tui.helpers import PACKS, answer, play

SnapCompare = Callable[..., bool]


class FrozenClock:
    """Every answer takes exactly 7 seconds."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        self.now += 3.5
        return self.now


def quiz_app(lang: str, types: tuple[str, ...] = ITEM_TYPES, count: int = 1) -> KzlearnApp:
    options = QuizOptions(types=types, count=count, seed=21, lang=lang)
    return KzlearnApp(PACKS, options=options, start_quiz=True, rtl="app", clock=FrozenClock())


def run(*keys: str) -> Callable[[Pilot[Any]], Awaitable[None]]:
    async def before(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        if keys:
            await pilot.press(*keys)
            await pilot.pause()

    return before


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_picker(snap_compare: SnapCompare, lang: str) -> None:
    app = KzlearnApp(PACKS, options=QuizOptions(seed=21, lang=lang), rtl="app")
    assert snap_compare(app, terminal_size=(80, 24), run_before=run())


def test_setup(snap_compare: SnapCompare) -> None:
    app = KzlearnApp(PACKS, options=QuizOptions(seed=21, lang="ar"), rtl="app")
    assert snap_compare(app, terminal_size=(80, 24), run_before=run("enter"))


@pytest.mark.parametrize("lang", ["ar", "en"])
@pytest.mark.parametrize("item_type", ITEM_TYPES)
def test_question(snap_compare: SnapCompare, item_type: str, lang: str) -> None:
    assert snap_compare(quiz_app(lang, (item_type,)), terminal_size=(80, 24), run_before=run())


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_flashcard_turned(snap_compare: SnapCompare, lang: str) -> None:
    app = quiz_app(lang, ("flashcard",))
    assert snap_compare(app, terminal_size=(80, 24), run_before=run("space"))


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_feedback(snap_compare: SnapCompare, lang: str) -> None:
    assert snap_compare(quiz_app(lang, ("mcq",)), terminal_size=(80, 30), run_before=run("2"))


def test_summary(snap_compare: SnapCompare) -> None:
    app = quiz_app("en", ("mcq", "true_false"), count=3)

    async def before(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        await play(pilot, app, ["correct", "wrong", "correct"])

    assert snap_compare(app, terminal_size=(80, 24), run_before=before)


def test_help(snap_compare: SnapCompare) -> None:
    assert snap_compare(quiz_app("en", ("mcq",)), terminal_size=(80, 24), run_before=run("f1"))


def test_small_terminal(snap_compare: SnapCompare) -> None:
    assert snap_compare(quiz_app("ar", ("mcq",)), terminal_size=(40, 12), run_before=run())


@pytest.mark.parametrize("item_type", ["order", "match", "cloze", "short"])
def test_marked_answer(snap_compare: SnapCompare, item_type: str) -> None:
    """Each position, pair and blank marked, in Arabic, at 80x24 with the question."""
    app = quiz_app("ar", (item_type,))

    async def before(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        assert app.session is not None
        question = app.session.current
        assert question is not None
        await answer(pilot, question, "wrong")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=before)


def test_summary_in_arabic(snap_compare: SnapCompare) -> None:
    app = quiz_app("ar", ("mcq", "true_false"), count=3)

    async def before(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        await play(pilot, app, ["correct", "wrong", "correct"])

    assert snap_compare(app, terminal_size=(80, 24), run_before=before)


def test_leave_dialog_at_40x12(snap_compare: SnapCompare) -> None:
    app = quiz_app("ar", ("mcq",), count=2)
    assert snap_compare(app, terminal_size=(40, 12), run_before=run("1", "q"))
