"""Flashcards in the terminal: the front, the back on space or enter, then right or wrong
(a quiz) or a rating 1-4 (a review, saved as FSRS's rating)."""

from __future__ import annotations

import re
from pathlib import Path

from kzlearn.models import FlashcardItem
from kzlearn.packs import parse_pack
from kzlearn.questions.self_graded import with_reverse_cards
from kzlearn.quiz.session import QuizOptions
from kzlearn.store.sqlite import Store
from kzlearn.tui.app import KzlearnApp
from kzlearn.tui.screens import QuizScreen, SummaryScreen
from tests.test_bidi import seen
from tests.test_flashcard_anki import PACK
from tests.tui.helpers import review_app, screen_text

CARDS = parse_pack(PACK)
PLAYED = with_reverse_cards(CARDS.items)  # capital's back-to-front card too
FRONT = {i.id: i.prompt.get("en", "ar") for i in PLAYED}
BACK = {i.id: i.back.get("en", "ar") for i in PLAYED if isinstance(i, FlashcardItem)}


def quiz_app(count: int | None = None) -> KzlearnApp:
    options = QuizOptions(seed=2, lang="en", types=("flashcard",), count=count)
    return KzlearnApp([CARDS], options=options, start_quiz=True)


def current_id(app: KzlearnApp) -> str:
    question = app.session.current if app.session else None
    assert question is not None
    return question.item.id


async def test_the_front_then_the_back_on_space_then_right_or_wrong() -> None:
    app = quiz_app(count=2)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        first = current_id(app)
        text = screen_text(app)
        assert FRONT[first] in text
        assert BACK[first] not in text
        assert "space or enter: show the answer" in text
        await pilot.press("space")
        await pilot.pause()
        text = screen_text(app)
        assert BACK[first] in text
        assert "1. I did not know it" in text
        assert "2. I knew it" in text
        await pilot.press("2")
        await pilot.pause()
        assert "✓ Correct" in screen_text(app)
        assert "Your answer" not in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        second = current_id(app)
        assert second != first
        assert BACK[second] not in screen_text(app)
        await pilot.press("enter")  # enter shows the back too
        await pilot.pause()
        assert BACK[second] in screen_text(app)
        await pilot.press("1")
        await pilot.pause()
        assert "✗ Not known yet" in screen_text(app)  # the student's word, not a verdict
        assert "✗ Wrong" not in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert app.session is not None
        assert [a.outcome for a in app.session.answers] == ["correct", "wrong"]


async def test_h_shows_the_hint_before_the_back() -> None:
    app = quiz_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        while current_id(app) != "capital":  # the card with a hint
            await pilot.press("space", "1", "enter")
            await pilot.pause()
        assert "It starts with A" not in screen_text(app)
        assert "h: hint" in screen_text(app)
        await pilot.press("h")
        await pilot.pause()
        assert "Hint: It starts with A" in screen_text(app)
        assert BACK["capital"] not in screen_text(app)
        await pilot.press("space")  # turned, the hint asked for stays, as in Anki
        await pilot.pause()
        text = screen_text(app)
        assert BACK["capital"] in text
        assert "Hint: It starts with A" in text
        assert "h: hint" not in text  # the front's keys are gone


async def test_a_hint_not_asked_for_is_not_shown_with_the_back() -> None:
    app = quiz_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        while current_id(app) != "capital":
            await pilot.press("space", "1", "enter")
            await pilot.pause()
        await pilot.press("space")
        await pilot.pause()
        assert BACK["capital"] in screen_text(app)
        assert "It starts with A" not in screen_text(app)


async def test_the_back_stays_shown_when_the_language_changes() -> None:
    app = quiz_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        card = next(i for i in CARDS.items if i.id == current_id(app))
        assert isinstance(card, FlashcardItem)
        await pilot.press("space")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuizScreen)
        await screen.action_toggle_language()
        await pilot.pause()
        await pilot.pause()
        assert app.lang == "ar"
        assert seen(card.back.get("ar", "ar")) in screen_text(app)
        assert seen("عرفتها") in screen_text(app)  # "I knew it", in the new language


async def test_a_review_rates_a_flashcard_1_to_4_with_fsrs_intervals(tmp_path: Path) -> None:
    with Store(tmp_path / "progress.sqlite3") as store:
        app = review_app(CARDS, store)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            first = current_id(app)
            assert BACK[first] not in screen_text(app)
            await pilot.press("enter")
            await pilot.pause()
            text = screen_text(app).replace("\u00a0", " ")  # ratings wrap whole
            assert BACK[first] in text
            assert re.search(r"1 again 1m · 2 hard \d+m · 3 good \d+m · 4 easy \d+d", text), text
            assert "I knew it" not in text  # a review rates; it does not ask right or wrong
            await pilot.press("4")
            await pilot.pause()
            second = current_id(app)  # rated: the next card at once
            assert second != first
            await pilot.press("space")
            await pilot.pause()
            await pilot.press("enter")  # enter keeps good
            await pilot.pause()
            assert isinstance(app.screen, SummaryScreen)
        reviews = store.reviews()
        assert [(r.key, r.rating) for r in reviews] == [
            (f"{CARDS.id}/{first}", 4),
            (f"{CARDS.id}/{second}", 3),
        ]
        assert {r.source for r in reviews} == {"review"}
