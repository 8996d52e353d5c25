"""What a student meets (issue 13): nothing lost, feedback that teaches, one language."""

from __future__ import annotations

import re

import pytest
from textual.pilot import Pilot
from textual.widgets import Footer

from kzlearn.models import ClozeItem, MatchItem, McqItem, OrderItem, ShortItem
from kzlearn.quiz.session import QuizOptions, QuizSession
from kzlearn.tui.app import KzlearnApp
from kzlearn.tui.bidi import display_lines
from kzlearn.tui.panels import MarkRows, ProgressLine
from kzlearn.tui.screens import ConfirmScreen, PickerScreen, QuizScreen, SummaryScreen
from kzlearn.tui.widgets import BidiText, ChoiceList, MatchBoard, OrderList
from tests.tui.helpers import PACKS, answer, arrange, play, screen_text, type_text


def quiz(item_type: str, lang: str = "ar", count: int = 3, seed: int = 5) -> KzlearnApp:
    options = QuizOptions(types=(item_type,), count=count, seed=seed, lang=lang)
    return KzlearnApp(PACKS, options=options, start_quiz=True)


def current(app: KzlearnApp) -> QuizScreen:
    assert isinstance(app.screen, QuizScreen)
    return app.screen


# -- 1. nothing lost ------------------------------------------------------------------------


async def test_switching_language_keeps_typed_text_and_cloze_blanks() -> None:
    for kind in ("short", "cloze"):
        app = quiz(kind)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await type_text(pilot, "Astana")
            await pilot.press("f2")  # l would be typed: F2 switches from an input
            await pilot.pause()
            assert app.lang == "en"
            screen = current(app)
            assert screen.unfinished()["typed"][0] == "Astana", kind
            assert screen.question is not None
            assert screen.question.lang == "en"
            await type_text(pilot, "!")  # the focus stayed in the same blank
            assert screen.unfinished()["typed"][0] == "Astana!"


async def test_switching_language_keeps_a_half_done_ordering_pairs_and_the_highlight() -> None:
    app = quiz("order")
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("down", "shift+up")  # the second entry moved to the top
        before = current(app).query_one(OrderList).keys
        await pilot.press("l")
        await pilot.pause()
        assert app.lang == "en"
        assert current(app).query_one(OrderList).keys == before
        assert current(app).query_one(OrderList).highlighted == 0

    app = quiz("match")
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("b", "a")
        await pilot.press("l")
        await pilot.pause()
        board = current(app).query_one(MatchBoard)
        assert board.assigned[:2] == [1, 0]
        assert board.highlighted == 2
        assert "→ b" in screen_text(app)  # the pairs are shown, in English now

    app = quiz("mcq")
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("down", "down", "l")
        await pilot.pause()
        assert current(app).query_one(ChoiceList).highlighted == 2


async def test_leaving_a_retry_run_asks_first() -> None:
    app = quiz("mcq", lang="en", count=2)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await play(pilot, app, ["wrong", "wrong"])
        assert isinstance(app.screen, SummaryScreen)
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, QuizScreen)
        await pilot.press("q")  # nothing answered in this run yet: it still asks
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)


async def _leave_while_typing(pilot: Pilot[None], app: KzlearnApp) -> None:
    await pilot.pause()
    await type_text(pilot, "Alm")
    await pilot.press("ctrl+c")
    await pilot.pause()
    assert isinstance(app.screen, ConfirmScreen)


async def test_leaving_with_an_answer_being_typed_asks_first() -> None:
    app = quiz("short", lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await _leave_while_typing(pilot, app)


@pytest.mark.parametrize(("lang", "yes_on_the_right"), [("ar", True), ("en", False)])
async def test_the_leave_dialog_reads_in_the_display_direction(
    lang: str, yes_on_the_right: bool
) -> None:
    from textual.widgets import Button

    app = quiz("short", lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await _leave_while_typing(pilot, app)
        yes, no = (app.screen.query_one(f"#{name}", Button).region for name in ("yes", "no"))
        assert (yes.x > no.x) is yes_on_the_right
        right_edge = app.screen.query_one("#buttons").content_region.right
        assert (yes.right == right_edge) is yes_on_the_right  # aligned to its side


# -- 2. feedback that teaches ---------------------------------------------------------------


def marks_of(app: KzlearnApp) -> list[tuple[str, str]]:
    rows = current(app).query_one(MarkRows).query(".mark").results(BidiText)
    return [
        (next(c for c in ("-right", "-nearly", "-wrong", "-plain") if row.has_class(c)), row.text)
        for row in rows
    ]


async def test_multiple_choice_marks_the_right_option_and_the_wrong_pick() -> None:
    app = quiz("mcq", lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        question = app.session.current if app.session else None
        assert question is not None
        assert isinstance(question.item, McqItem)
        await answer(pilot, question, "wrong")
        await pilot.pause()
        marks = marks_of(app)
        right = question.order.index(question.item.answer_index)
        wrong = question.order.index((question.item.answer_index + 1) % len(question.order))
        assert marks[right][0] == "-right"
        assert marks[right][1].startswith("✓")
        assert marks[wrong][0] == "-wrong"
        assert marks[wrong][1].startswith("✗")
        assert [m[0] for m in marks].count("-plain") == len(marks) - 2


async def test_ordering_matching_and_cloze_are_marked_part_by_part() -> None:
    app = quiz("order", lang="en")
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        question = app.session.current if app.session else None
        assert question is not None
        assert isinstance(question.item, OrderItem)
        n = len(question.item.sequence)
        await arrange(pilot, [i for i, _ in question.entries], [1, 0, *range(2, n)])
        await pilot.press("enter")
        await pilot.pause()
        states = [state for state, _ in marks_of(app)]
        assert states == ["-wrong", "-wrong", *["-right"] * (n - 2)]
        first = question.text(question.item.sequence[0])
        assert marks_of(app)[0][1].endswith(f"right: {first}")  # the right one beside it

    app = quiz("match", lang="en")
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        question = app.session.current if app.session else None
        assert question is not None
        assert isinstance(question.item, MatchItem)
        rights = [pair for pair, _ in question.rights]
        wanted = [1, 0, *range(2, len(rights))]
        for pair in wanted:
            await pilot.press(str(rights.index(pair) + 1))  # digits answer too
        await pilot.press("enter")
        await pilot.pause()
        states = [state for state, _ in marks_of(app)]
        assert states == ["-wrong", "-wrong", *["-right"] * (len(rights) - 2)]

    app = quiz("cloze", lang="en", seed=3)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        question = app.session.current if app.session else None
        assert question is not None
        assert isinstance(question.item, ClozeItem)
        blanks = question.item.blanks("en", "ar")
        for i, accepted in enumerate(blanks):
            await type_text(pilot, accepted[0] if i else "Atlantis")
            await pilot.press("enter")
        await pilot.pause()
        states = [state for state, _ in marks_of(app)]
        assert states == ["-wrong", *["-right"] * (len(blanks) - 1)]


@pytest.mark.parametrize("item_type", ["mcq", "true_false", "short", "cloze", "order", "match"])
@pytest.mark.parametrize("lang", ["ar", "en"])
async def test_question_answer_and_feedback_fit_together_at_80x24(
    item_type: str, lang: str
) -> None:
    app = quiz(item_type, lang=lang, count=2)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        question = app.session.current if app.session else None
        assert question is not None
        await answer(pilot, question, "wrong")
        await pilot.pause()
        await pilot.pause()
        screen = current(app)
        body = screen.query_one("#body")
        given = ".expected" if isinstance(question.item, ShortItem) else "#marks"
        for widget in ("#prompt", given, ".verdict", ".hint"):
            region = screen.query_one(widget).region
            assert region.height > 0, widget
            assert body.region.contains_region(region), widget


async def test_i_was_right_counts_a_typed_answer_correct_and_records_it() -> None:
    app = quiz("short", lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        question = app.session.current if app.session else None
        assert question is not None
        await answer(pilot, question, "wrong")
        await pilot.pause()
        assert "o I was right" in screen_text(app)  # in the footer
        await pilot.press("o")
        await pilot.pause()
        record = app.session.answers[-1] if app.session else None
        assert record is not None
        assert record.outcome == "correct"
        assert record.overridden
        assert "Counted right at your word" in screen_text(app)
        assert "I was right" not in screen_text(app)  # once only


async def test_the_counter_changes_with_the_next_question_and_the_bar_matches_it() -> None:
    app = quiz("mcq", lang="en", count=3)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Question 1/3" in screen_text(app)
        await pilot.press("1")
        await pilot.pause()
        assert "Question 1/3" in screen_text(app)  # still the question answered
        bar = current(app).query_one(ProgressLine)
        assert bar.done == 1
        await pilot.press("enter")
        await pilot.pause()
        assert "Question 2/3" in screen_text(app)
    bar = ProgressLine(10)
    for width in (6, 20, 33, 57):
        for done in range(11):
            bar.update(done)
            cells = bar.cells(width)
            assert len(cells) == width
            assert cells.count("█") == round(width * done / 10)


def test_a_retry_reshuffles_choices() -> None:
    session = QuizSession(PACKS, QuizOptions(types=("mcq", "order"), count=8, seed=2))
    while session.current is not None:
        session.answer("")
    retry = session.retry_mistakes()
    orders = {q.key: q.order for q in _questions(session)}
    again = {q.key: q.order for q in _questions(retry)}
    assert any(orders[k] != again[k] for k in again)


def _questions(session: QuizSession) -> list:  # type: ignore[type-arg]
    fresh = QuizSession(list(session.packs.values()), session.options, keys=session._state.keys)
    out = []
    while (q := fresh.current) is not None:
        out.append(q)
        fresh.answer("")
    return out


# -- 3. one language ------------------------------------------------------------------------


async def test_the_picker_switches_language_and_shows_titles_in_it() -> None:
    app = KzlearnApp(PACKS, options=QuizOptions(seed=1))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        await pilot.press("l")
        await pilot.pause()
        text = screen_text(app)
        assert "choose a deck" in text
        assert PACKS[0].text(PACKS[0].title, "en") in text
        assert "facts" in text
        assert "questions" in text
        await pilot.press("f1")
        await pilot.pause()
        assert "Keys" in screen_text(app)


async def test_an_arabic_quiz_and_its_summary_have_no_english_word() -> None:
    app = quiz("mcq", lang="ar", count=2)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await play(pilot, app, ["wrong", "correct"])
        assert isinstance(app.screen, SummaryScreen)
        words = {w for w in screen_text(app).split() if w.isascii() and w.isalpha()}
        assert words <= {"r", "n", "q", "f2", "f1"}, words


async def test_an_answered_question_and_the_summary_switch_language_with_their_keys() -> None:
    from textual.widgets._footer import FooterKey

    def keys() -> set[str]:
        return {str(k.description) for k in app.screen.query(FooterKey)}

    app = quiz("mcq", lang="en", count=1)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.session is not None
        question = app.session.current
        assert question is not None
        assert isinstance(question.item, McqItem)
        await answer(pilot, question, "wrong")  # the feedback is shown
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuizScreen)
        assert "Language" in keys()
        prompt = screen_text(app).split("\n")[2]
        await pilot.press("l")
        await pilot.pause()
        await pilot.pause()
        assert "Language" not in keys()  # the footer's words too, not only the feedback's
        assert app.show(app.t("Language")) in keys()
        assert prompt not in screen_text(app)  # the question itself, in the new language
        assert screen.answered is not None
        verdict = screen.answered.verdict  # the right answer too; the outcome as graded
        assert (
            verdict.expected
            == question.item.answer.get("ar", "ar")
            != question.item.answer.get("en", "ar")
        )
        assert verdict.outcome == "wrong"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        await pilot.press("l")
        await pilot.pause()
        await pilot.pause()
        assert "Language" in keys()  # composed again, with its keys
        await pilot.resize_terminal(40, 12)
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        await pilot.pause()
        assert app.screen.query_one(Footer).compact  # and as narrow as the screen


async def test_the_summary_counts_nearly_the_same_in_score_and_tags() -> None:
    app = quiz("short", lang="en", count=3, seed=1)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        session = app.session
        assert session is not None
        await type_text(pilot, "x")
        await pilot.press("enter")
        await pilot.pause()
        session.override_last()  # the same rule whatever the outcome came from
        per_tag = session.summary().per_tag
        assert all(score in (0, 0.5, 1) or score % 0.5 == 0 for score, _ in per_tag.values())


# -- 4. right to left -----------------------------------------------------------------------


async def test_dialogs_fit_at_40x12() -> None:
    app = quiz("mcq", lang="en", count=2)
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        await pilot.press("1", "q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        words = re.findall(r"[A-Za-z]+", screen_text(app))
        assert " ".join(words[:9]) == "Leave the quiz Your answers so far are kept"


async def test_matching_takes_the_arabic_layouts_letters() -> None:
    app = quiz("match", lang="ar")
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ؤ", "ش", "2")  # the c and a keys of an Arabic keyboard, a digit
        board = current(app).query_one(MatchBoard)
        assert board.assigned[:3] == [2, 0, 1]


async def test_a_feedback_line_of_digits_reads_as_its_arabic_question() -> None:
    app = KzlearnApp(
        PACKS, options=QuizOptions(types=("order",), count=1, seed=21, lang="ar"), start_quiz=True
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        question = app.session.current if app.session else None
        assert question is not None
        await answer(pilot, question, "wrong")
        await pilot.pause()
        explanation = current(app).query_one(".explanation", BidiText)
        assert not any(c.isalpha() and c.isascii() for c in explanation.text)
        assert explanation.has_class("-rtl")
        # At some width a wrapped line holds no letter (only dates); it still reads right to
        # left, as its paragraph does, where a line of its own would read left to right.
        found = False
        for width in range(12, 60):
            shown = explanation.lines(width)
            assert shown == display_lines(explanation.text, width, "app", rtl=True)
            plain = display_lines(explanation.text, width, "app", rtl=False)
            found = found or any(
                not any(c.isalpha() for c in a) and a != b
                for a, b in zip(shown, plain, strict=True)
            )
        assert found


async def test_a_skipped_ordering_marks_no_position_right() -> None:
    app = quiz("order", lang="en")
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert {state for state, _ in marks_of(app)} == {"-wrong"}
        assert "Wrong — no answer" in screen_text(app)


async def test_the_picker_footer_says_choose() -> None:
    app = KzlearnApp(PACKS, options=QuizOptions(seed=1, lang="en"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        footer = screen_text(app).splitlines()[-1]
        assert "Choose" in footer
        assert "Answer" not in footer


async def test_the_setup_screen_switches_language_and_keeps_the_choices() -> None:
    from textual.widgets import RadioButton, RadioSet

    from kzlearn.tui.screens import SetupScreen

    app = KzlearnApp(PACKS, options=QuizOptions(seed=1, lang="ar"))
    async with app.run_test(size=(80, 30)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        app.screen.query_one("#count", RadioSet).query(RadioButton).last().value = True
        await pilot.press("l")
        await pilot.pause()
        assert "Question types" in screen_text(app)
        assert app.screen.query_one("#count", RadioSet).pressed_index == 3  # "all" kept
        await pilot.press("s")
        await pilot.pause()
        assert app.session is not None
        assert app.session.options.lang == "en"
        assert app.session.options.count is None


async def test_an_arabic_keyboard_layout_works_the_keys() -> None:
    app = quiz("true_false", lang="ar", count=2)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ف")  # t: true
        await pilot.pause()
        assert app.session is not None
        assert len(app.session.answers) == 1
        await pilot.press("م")  # l: the language
        await pilot.pause()
        assert app.lang == "en"
        await pilot.press("ى")  # n: next
        await pilot.pause()
        assert "Question 2/2" in screen_text(app)
        await pilot.press("ض")  # q: leave, asks first
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("غ")  # y
        await pilot.pause()
    assert app.return_code == 0


def _seed_of_a_first_question_in_digits() -> int:
    """A seed whose first multiple-choice question offers only numbers or years."""
    for seed in range(500):
        session = QuizSession(PACKS, QuizOptions(types=("mcq",), count=1, seed=seed, lang="ar"))
        question = session.current
        if question is not None and not any(c.isalpha() for x in question.choices for c in x):
            return seed
    raise AssertionError("no multiple-choice question of numbers in the decks")


async def test_choices_of_digits_read_as_their_arabic_question() -> None:
    app = quiz("mcq", lang="ar", count=1, seed=_seed_of_a_first_question_in_digits())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        question = app.session.current if app.session else None
        assert question is not None
        assert not any(c.isalpha() for choice in question.choices for c in choice)
        rows = list(current(app).query_one(ChoiceList).query(".row").results(BidiText))
        assert all(row.has_class("-rtl") for row in rows)
        assert rows[0].lines(40)[0] == f"{question.choices[0]} .1"  # the number at the right
