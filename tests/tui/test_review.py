"""Review mode in the app: answers are saved as given, 1-4 override the rating."""

from __future__ import annotations

import re
from pathlib import Path

from fsrs import Scheduler

from kzlearn.questions.generate import all_items
from kzlearn.quiz.session import QuizOptions
from kzlearn.review.srs import Reviewer
from kzlearn.store.sqlite import Store
from kzlearn.tui.app import KzlearnApp
from kzlearn.tui.screens import SummaryScreen
from tests.test_bidi import seen
from tests.tui.helpers import PACKS, answer, play, review_app, screen_text


async def test_review_saves_each_answer_and_takes_an_override(tmp_path: Path) -> None:
    pack = PACKS[0]
    keys = {pack.id: [f"{pack.id}/{i.id}" for i in all_items(pack) if i.type == "mcq"]}
    with Store(tmp_path / "progress.sqlite3") as store:
        reviewer = Reviewer(store, Scheduler(enable_fuzzing=False))
        queue = reviewer.queue(keys, new_per_day=3)
        app = KzlearnApp(
            [pack], options=QuizOptions(seed=1, lang="en"), reviewer=reviewer, review_keys=queue
        )
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.pause()
            session = app.session
            assert session is not None
            plans = ["correct", "wrong", "correct"]
            for number, plan in enumerate(plans):
                question = session.current
                assert question is not None
                await answer(pilot, question, plan)
                await pilot.pause()
                assert len(store.reviews()) == number + 1  # saved before the next question
                if number == 0:
                    # each rating with its next interval from FSRS, before choosing
                    assert re.search(
                        r"1 again 1m · 2 hard \d+m · 3 good \d+m · 4 easy \d+d", screen_text(app)
                    ), screen_text(app)
                    await pilot.press("4")  # easy, instead of the suggested good
                else:
                    await pilot.press("enter")
                await pilot.pause()
            assert isinstance(app.screen, SummaryScreen)
            assert "Due tomorrow:" in screen_text(app)
            assert "Reviewed: 3" in screen_text(app)
        ratings = [r.rating for r in store.reviews()]
        assert ratings == [4, 1, 3]
        assert {r.source for r in store.reviews()} == {"review"}
        assert {r.key for r in store.reviews()} == set(queue)


async def test_quiz_answers_are_logged_but_schedule_nothing(tmp_path: Path) -> None:
    with Store(tmp_path / "progress.sqlite3") as store:
        app = KzlearnApp(
            PACKS,
            options=QuizOptions(seed=3, count=2, types=("mcq",)),
            start_quiz=True,
            reviewer=Reviewer(store),
        )
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.pause()
            await play(pilot, app, ["correct", "correct"])
        assert [r.source for r in store.reviews()] == ["quiz", "quiz"]
        assert store.cards() == []


async def test_undo_takes_back_the_last_rating_and_asks_the_card_again(tmp_path: Path) -> None:
    pack = PACKS[0]
    keys = {pack.id: [f"{pack.id}/{i.id}" for i in all_items(pack) if i.type == "mcq"]}
    with Store(tmp_path / "progress.sqlite3") as store:
        reviewer = Reviewer(store, Scheduler(enable_fuzzing=False))
        queue = reviewer.queue(keys, new_per_day=2)
        app = KzlearnApp(
            [pack], options=QuizOptions(seed=1, lang="en"), reviewer=reviewer, review_keys=queue
        )
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.pause()
            session = app.session
            assert session is not None
            first = session.current
            assert first is not None
            await answer(pilot, first, "correct")
            await pilot.press("2")  # hard: rated and moved on
            await pilot.pause()
            assert session.index == 1
            assert store.card(first.key) is not None
            await pilot.press("u")
            await pilot.pause()
            assert session.index == 0
            assert session.current is not None
            assert session.current.key == first.key
            assert store.reviews() == []
            assert store.card(first.key) is None  # new again, as before its first review
            await answer(pilot, first, "wrong")
            await pilot.press("enter")
            await pilot.pause()
        assert [(r.key, r.rating) for r in store.reviews()] == [(first.key, 1)]


async def test_the_end_of_a_review_says_what_was_reviewed_and_what_comes(tmp_path: Path) -> None:
    pack = PACKS[0]
    keys = {pack.id: [f"{pack.id}/{i.id}" for i in all_items(pack) if i.type == "mcq"]}
    with Store(tmp_path / "progress.sqlite3") as store:
        reviewer = Reviewer(store, Scheduler(enable_fuzzing=False))
        queue = reviewer.queue(keys, new_per_day=2)
        app = KzlearnApp(
            [pack], options=QuizOptions(seed=1, lang="ar"), reviewer=reviewer, review_keys=queue
        )
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await play(pilot, app, ["correct", "correct"])
            assert isinstance(app.screen, SummaryScreen)
            text = screen_text(app)
            for words in ("انتهت المراجعة", "روجع: 2", "المستحق", "الأيام السبعة"):
                assert " ".join(reversed([seen(w) for w in words.split()])) in text, words


async def test_i_was_right_is_saved_as_overridden(tmp_path: Path) -> None:
    from kzlearn.tui.reviewing import OVERRIDDEN

    with Store(tmp_path / "progress.sqlite3") as store:
        options = QuizOptions(seed=3, count=2, types=("short",), lang="en")
        app = KzlearnApp(PACKS, options=options, start_quiz=True, reviewer=Reviewer(store))
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.pause()
            assert app.session is not None
            question = app.session.current
            assert question is not None
            await answer(pilot, question, "wrong")
            await pilot.pause()
            assert [r.outcome for r in store.reviews()] == ["wrong"]
            await pilot.press("o")
            await pilot.pause()
        [row] = store.reviews()
        assert (row.outcome, row.source) == ("correct", OVERRIDDEN)


async def test_leaving_a_review_asks_about_the_review(tmp_path: Path) -> None:
    from kzlearn.tui.screens import ConfirmScreen

    with Store(tmp_path / "progress.sqlite3") as store:
        app = review_app(PACKS[0], store)
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.pause()
            await pilot.press("escape")  # given up: answered
            await pilot.pause()
            await pilot.press("q")
            await pilot.pause()
            assert isinstance(app.screen, ConfirmScreen)
            assert "Leave the review? Your ratings so far are kept." in screen_text(app)
