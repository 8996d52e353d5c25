"""Select all that apply in the terminal: ticks by key (Arabic layout too), enter answers,
feedback marks every choice; an unfinished answer survives a change of language. A partly
right choice (Moodle's %50%) is nearly, with its share."""

from __future__ import annotations

from kzlearn.interop.gift import parse_gift
from kzlearn.models import MultiItem
from kzlearn.quiz.session import QuizOptions
from kzlearn.tui.app import KzlearnApp
from kzlearn.tui.checks import CheckList
from kzlearn.tui.panels import MarkRows
from kzlearn.tui.screens import QuizScreen
from kzlearn.tui.widgets import BidiText
from tests.tui.helpers import PACKS


def _app(lang: str) -> KzlearnApp:
    options = QuizOptions(types=("multi",), count=1, seed=4, lang=lang)
    return KzlearnApp(PACKS, options=options, start_quiz=True)


def _screen(app: KzlearnApp) -> QuizScreen:
    assert isinstance(app.screen, QuizScreen)
    return app.screen


async def test_ticking_the_right_choices_is_correct_and_each_choice_is_marked() -> None:
    app = _app("en")
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        question = _screen(app).question
        assert question is not None
        assert isinstance(question.item, MultiItem)
        rows = [question.order.index(i) for i in question.item.answer_indexes]
        for row in rows:
            await pilot.press(str(row + 1))
        await pilot.press("2" if 1 not in rows else "1", "2" if 1 not in rows else "1")
        assert _screen(app).query_one(CheckList).ticked == set(rows)  # ticked twice: unticked
        await pilot.press("enter")
        await pilot.pause()
        answered = _screen(app).answered
        assert answered is not None
        assert answered.verdict.outcome == "correct"
        marks = _screen(app).query_one(MarkRows).query(".mark").results(BidiText)
        signs = [m.text[0] for m in marks]
        assert signs.count("✓") == len(rows)
        assert "✗" not in signs


async def test_a_missed_right_choice_is_shown_and_the_answer_is_nearly() -> None:
    app = _app("en")
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        question = _screen(app).question
        assert question is not None
        assert isinstance(question.item, MultiItem)
        right = [question.order.index(i) for i in question.item.answer_indexes]
        await pilot.press(str(right[0] + 1), "enter")
        await pilot.pause()
        answered = _screen(app).answered
        assert answered is not None
        assert answered.verdict.outcome == "nearly"
        marks = list(_screen(app).query_one(MarkRows).query(".mark").results(BidiText))
        missed = [m.text for m in marks if m.has_class("-missed")]
        assert len(missed) == len(right) - 1
        assert all(text.startswith("○") and text.endswith("right") for text in missed)


async def test_arabic_layout_keys_tick_and_a_language_change_keeps_the_ticks() -> None:
    app = _app("ar")
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ش", "ث")  # the a and e keys of the Arabic layout
        assert _screen(app).query_one(CheckList).ticked == {0, 4}
        await pilot.press("l")
        await pilot.pause()
        assert app.lang == "en"
        assert _screen(app).query_one(CheckList).ticked == {0, 4}
        assert _screen(app).has_unfinished_answer


async def test_a_partly_right_choice_is_nearly_with_its_share() -> None:
    pack = parse_gift(
        "::home::Jesus Christ was from {~Jerusalem ~%25%Bethlehem ~%50%Galilee =Nazareth}.",
        "h.gift",
        pack_id="home",
    )
    options = QuizOptions(types=("mcq",), count=1, seed=1, lang="en")
    app = KzlearnApp([pack], options=options, start_quiz=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        question = _screen(app).question
        assert question is not None
        await pilot.press(str(question.choices.index("Galilee") + 1))
        await pilot.pause()
        verdict = _screen(app).query_one(".verdict", BidiText).text
        assert verdict.startswith("≈ Nearly (50%)")
        marks = list(_screen(app).query_one(MarkRows).query(".mark").results(BidiText))
        assert [m.text.split(". ", 1)[1] for m in marks if m.has_class("-nearly")] == ["Galilee"]
