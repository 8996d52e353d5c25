"""The footer fits the terminal: at 40 columns every key it shows is whole, and "? Keys"
(the help, which lists the keys left out) is always among them."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from kzlearn.questions.generate import all_items
from kzlearn.quiz.session import QuizOptions
from kzlearn.review.srs import Reviewer
from kzlearn.store.sqlite import Store
from kzlearn.tui.app import KzlearnApp
from kzlearn.tui.screens import PickerScreen, QuizScreen, SummaryScreen
from kzlearn.tui.screens.setup import SetupScreen
from tests.tui.helpers import PACKS, answer, screen_lines

Step = Callable[[Pilot[None], KzlearnApp], Awaitable[None]]


def footer_keys(app: KzlearnApp) -> list[FooterKey]:
    return list(app.screen.query_one(Footer).query(FooterKey))


def assert_footer_fits(app: KzlearnApp, where: str) -> None:
    bottom = screen_lines(app)[-1]
    keys = footer_keys(app)
    assert any(key.action == "help" for key in keys), (where, bottom)
    for key in keys:
        label = f"{key.key_display} {key.description}"
        assert label in bottom, (where, label, bottom)


async def nothing(pilot: Pilot[None], app: KzlearnApp) -> None:
    pass


async def answer_wrong(pilot: Pilot[None], app: KzlearnApp) -> None:
    assert app.session is not None
    assert app.session.current is not None
    await answer(pilot, app.session.current, "wrong")


async def answer_then_next(pilot: Pilot[None], app: KzlearnApp) -> None:
    await answer_wrong(pilot, app)
    await pilot.pause()
    await pilot.press("enter")


QUIZ_STATES: list[tuple[str, str, Step, type]] = [
    ("mcq", "a question", nothing, QuizScreen),
    ("order", "an ordering, with its move keys", nothing, QuizScreen),
    ("short", "a wrong typed answer: 'I was right'", answer_wrong, QuizScreen),
    ("mcq", "the summary", answer_then_next, SummaryScreen),
]


@pytest.mark.parametrize("lang", ["ar", "en"])
@pytest.mark.parametrize(("item_type", "where", "step", "screen"), QUIZ_STATES)
async def test_every_footer_key_is_whole_at_40_columns(
    lang: str, item_type: str, where: str, step: Step, screen: type
) -> None:
    options = QuizOptions(seed=3, count=1, types=(item_type,), lang=lang)
    app = KzlearnApp(PACKS, options=options, start_quiz=True)
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        await step(pilot, app)
        await pilot.pause()
        assert isinstance(app.screen, screen)
        assert_footer_fits(app, where)


@pytest.mark.parametrize("lang", ["ar", "en"])
async def test_the_picker_and_the_setup_footers_fit_at_40_columns(lang: str) -> None:
    app = KzlearnApp(PACKS, options=QuizOptions(lang=lang))
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        assert_footer_fits(app, "the picker")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        assert_footer_fits(app, "the setup")


@pytest.mark.parametrize("lang", ["ar", "en"])
async def test_the_review_footer_with_undo_fits_at_40_columns(lang: str, tmp_path: Path) -> None:
    pack = PACKS[0]
    keys = {pack.id: [f"{pack.id}/{i.id}" for i in all_items(pack) if i.type == "mcq"]}
    with Store(tmp_path / "progress.sqlite3") as store:
        reviewer = Reviewer(store)
        queue = reviewer.queue(keys, new_per_day=2)
        app = KzlearnApp(
            [pack], options=QuizOptions(seed=1, lang=lang), reviewer=reviewer, review_keys=queue
        )
        async with app.run_test(size=(40, 12)) as pilot:
            await pilot.pause()
            await answer_wrong(pilot, app)
            await pilot.pause()
            assert any(key.action == "undo" for key in footer_keys(app))
            assert_footer_fits(app, "a review answer, with undo")


async def test_keys_come_back_when_the_terminal_widens() -> None:
    options = QuizOptions(seed=3, count=1, types=("order",), lang="en")
    app = KzlearnApp(PACKS, options=options, start_quiz=True)
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        narrow = {key.action for key in footer_keys(app)}
        await pilot.resize_terminal(120, 30)
        await pilot.pause()
        wide = {key.action for key in footer_keys(app)}
        assert narrow < wide
        assert {"toggle_language", "app.request_quit"} <= wide
        assert_footer_fits(app, "wide")
        await pilot.resize_terminal(40, 12)
        await pilot.pause()
        assert {key.action for key in footer_keys(app)} == narrow
        assert_footer_fits(app, "narrow again")


async def test_a_quiz_starts_with_its_keys_chosen_once_for_the_focused_question(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Showing the screen and focusing the first question change the keys together: the
    # footer is composed with keys once (Textual's own footer composes them twice), and
    # with those of the focused choices ("enter Answer") among them.
    from kzlearn.tui.screens.base import KeysFooter
    from kzlearn.tui.widgets import ChoiceList

    composed: list[int] = []
    compose = KeysFooter.compose

    def counted(self: KeysFooter):  # type: ignore[no-untyped-def]
        keys = list(compose(self))
        composed.append(len(keys))
        return iter(keys)

    monkeypatch.setattr(KeysFooter, "compose", counted)
    options = QuizOptions(seed=3, count=2, types=("mcq",), lang="en")
    app = KzlearnApp(PACKS, options=options, start_quiz=True)
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen.focused, ChoiceList)
        assert [n for n in composed if n] == [len(footer_keys(app))]
        assert "choose" in {key.action for key in footer_keys(app)}
        assert_footer_fits(app, "the first question")
