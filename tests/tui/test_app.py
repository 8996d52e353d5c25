"""The terminal app, driven by Textual's Pilot: every item type, feedback, summary, keys."""

from __future__ import annotations

import pytest

from kzlearn.models import McqItem, MultiItem, OrderItem, ShortItem
from kzlearn.quiz.session import ITEM_TYPES, QuizOptions
from kzlearn.tui.app import KzlearnApp
from kzlearn.tui.screens import (
    ConfirmScreen,
    HelpScreen,
    PickerScreen,
    QuizScreen,
    SetupScreen,
    SummaryScreen,
)
from tests.tui.helpers import PACKS, answer, screen_text


def nearly_possible(item: object) -> bool:
    if isinstance(item, OrderItem):
        return len(item.sequence) >= 3
    if isinstance(item, MultiItem):
        return len(item.answer_indexes) >= 2
    return (
        isinstance(item, ShortItem)
        and item.grade_as == "date"
        and " " in item.answer.get("en", "ar")
    )


@pytest.mark.parametrize("item_type", ITEM_TYPES)
async def test_play_a_whole_quiz_of_each_type_and_retry_mistakes(item_type: str) -> None:
    options = QuizOptions(types=(item_type,), count=4, seed=5, lang="en")
    app = KzlearnApp(PACKS, options=options, start_quiz=True)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        session = app.session
        assert session is not None
        outcomes = []
        while (question := session.current) is not None:
            plan = ("correct", "wrong", "nearly")[question.number % 3]
            if plan == "nearly" and not nearly_possible(question.item):
                plan = "wrong"
            await answer(pilot, question, plan)
            await pilot.pause()
            await pilot.pause()  # the verdict is scrolled into view after the next refresh
            assert session.answers[-1].outcome == plan, (question.key, session.answers[-1])
            outcomes.append(plan)
            text = screen_text(app)
            wrong = "✗ Not known yet" if item_type == "flashcard" else "✗ Wrong"  # own word
            assert {"correct": "✓ Correct", "nearly": "≈ Nearly", "wrong": wrong}[plan] in text
            if item_type in ("mcq", "true_false"):  # the options are marked instead
                assert "✓ " in text
            elif item_type == "multi":  # ticked right ✓, or left unticked ○
                assert "✓ " in text or "○ " in text
            else:
                assert "Answer:" in text
            await pilot.press("enter")
            await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        summary = screen_text(app)
        assert f"{outcomes.count('correct')} correct" in summary
        mistakes = len(session.mistakes)
        assert mistakes > 0
        assert f"retry my mistakes ({mistakes})" in summary  # (no "1 mistakes")

        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, QuizScreen)
        retry = app.screen.session
        while (question := retry.current) is not None:
            await answer(pilot, question, "correct")
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert retry.summary().correct == mistakes
        assert "No mistakes" in screen_text(app)


async def test_pick_a_deck_set_up_and_start() -> None:
    app = KzlearnApp(PACKS, options=QuizOptions(seed=1))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        facts = len(PACKS[0].facts)
        assert f"{facts} معلومة" in screen_text(app) or f"ﺔﻣﻮﻠﻌﻣ {facts}" in screen_text(app)
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        assert app.screen.packs == [PACKS[1]]
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, QuizScreen)
        assert app.session is not None
        assert app.session.total == 10
        assert {key.split("/")[0] for key in app.session._state.keys} == {"morocco-kazakhstan"}


async def test_quitting_asks_first_during_a_quiz() -> None:
    app = KzlearnApp(PACKS, options=QuizOptions(seed=1, count=3, types=("mcq",)), start_quiz=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("q")  # nothing answered yet: leaves at once
        await pilot.pause()
    assert app.return_code == 0

    app = KzlearnApp(PACKS, options=QuizOptions(seed=1, count=3, types=("mcq",)), start_quiz=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("1", "enter")
        await pilot.pause()
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, QuizScreen)
        await pilot.press("q")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
    assert app.return_code == 0
    assert app.session is not None
    assert len(app.session.answers) == 1


async def test_typing_q_in_an_answer_does_not_quit() -> None:
    app = KzlearnApp(
        PACKS, options=QuizOptions(seed=1, count=2, types=("short",), lang="en"), start_quiz=True
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("q", "?")
        await pilot.pause()
        assert isinstance(app.screen, QuizScreen)
        assert app.screen.query_one("Input").value == "q?"  # type: ignore[attr-defined]


async def test_help_shows_the_keys() -> None:
    options = QuizOptions(seed=1, count=2, types=("mcq",), lang="en")
    app = KzlearnApp(PACKS, options=options, start_quiz=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert "shift+↑↓ or u/d move" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, QuizScreen)


async def test_the_language_key_switches_arabic_and_english() -> None:
    app = KzlearnApp(
        PACKS, options=QuizOptions(seed=1, count=2, types=("mcq",), lang="ar"), start_quiz=True
    )
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.session is not None
        question = app.session.current
        assert question is not None
        # The prompt's opening words: a long prompt wraps on screen.
        english = question.text(question.item.prompt, "en")[:40]
        assert english not in screen_text(app)
        await pilot.press("l")
        await pilot.pause()
        assert english in screen_text(app)
        assert isinstance(question.item, McqItem)
        assert question.text(question.item.choices[0], "en") in screen_text(app)


@pytest.mark.parametrize("size", [(80, 24), (40, 12)])
async def test_small_terminals_and_resizing_keep_the_quiz_usable(size: tuple[int, int]) -> None:
    app = KzlearnApp(
        PACKS, options=QuizOptions(seed=2, count=3, types=("mcq",), lang="en"), start_quiz=True
    )
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert app.session is not None
        question = app.session.current
        assert question is not None
        assert question.prompt.split()[0] in screen_text(app)
        await pilot.resize_terminal(60, 16)
        await pilot.pause()
        await pilot.resize_terminal(*size)
        await pilot.pause()
        await answer(pilot, question, "correct")
        await pilot.pause()
        assert app.session.answers[-1].outcome == "correct"
        assert "Correct" in screen_text(app)
