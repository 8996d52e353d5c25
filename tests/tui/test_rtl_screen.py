"""What the terminal shows for Arabic: read the screen's text rows, not an SVG (a browser
would reorder the SVG's Arabic by itself and hide a wrong order)."""

from __future__ import annotations

import pytest

from kzlearn.quiz.session import QuizOptions
from kzlearn.tui.app import KzlearnApp
from tests.test_bidi import seen
from tests.tui.helpers import PACKS, screen_lines

KEY = "morocco-kazakhstan/relations-established.mcq"


def _app(rtl: str, lang: str = "ar") -> KzlearnApp:
    return KzlearnApp(PACKS, options=QuizOptions(seed=1, lang=lang), start_quiz=False, rtl=rtl)  # type: ignore[arg-type]


async def _start(app: KzlearnApp) -> None:
    from kzlearn.quiz.session import QuizSession
    from kzlearn.tui.screens import QuizScreen

    app.session = QuizSession(PACKS, app.options, keys=[KEY])
    await app.push_screen(QuizScreen(app.session))


@pytest.mark.parametrize("size", [(80, 24), (40, 16), (30, 20)])
async def test_with_rtl_app_the_prompt_reads_right_to_left_in_whole_lines(
    size: tuple[int, int],
) -> None:
    app = _app("app")
    async with app.run_test(size=size) as pilot:
        await _start(app)
        await pilot.pause()
        question = app.session.current if app.session else None
        assert question is not None
        words = question.prompt.split(" ")
        shown = [seen(w) for w in words]
        rows = [row for row in screen_lines(app) if any(s in row.split() for s in shown)]
        read: list[str] = []
        for row in rows:
            tokens = row.split()
            assert tokens, row
            # right-aligned: the row's text ends one cell from the screen's right edge
            assert len(row.rstrip()) >= size[0] - 3, row
            read.extend(reversed(tokens))
        assert read == shown  # every word, once, in reading order: no line cut a word
        if size[0] < 60:
            assert len(rows) > 1  # the narrow screens did wrap the prompt


async def test_choices_read_right_to_left_with_their_number_first() -> None:
    app = _app("app")
    async with app.run_test(size=(80, 24)) as pilot:
        await _start(app)
        await pilot.pause()
        question = app.session.current if app.session else None
        assert question is not None
        text = "\n".join(screen_lines(app))
        for number, choice in enumerate(question.choices, start=1):
            if any(ord(c) > 0x600 for c in choice):
                visual = " ".join(seen(w) for w in reversed(choice.split()))
                assert f"{visual} .{number}" in text, choice


async def test_with_rtl_off_the_screen_holds_logical_text() -> None:
    app = _app("off")
    async with app.run_test(size=(120, 24)) as pilot:
        await _start(app)
        await pilot.pause()
        question = app.session.current if app.session else None
        assert question is not None
        assert any(question.prompt in row for row in screen_lines(app))


async def test_the_arabic_summary_reads_right_to_left() -> None:
    from kzlearn.tui.screens import SummaryScreen
    from tests.tui.helpers import play

    app = KzlearnApp(
        PACKS,
        options=QuizOptions(types=("mcq",), count=2, seed=4, lang="ar"),
        start_quiz=True,
        rtl="app",
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await play(pilot, app, ["correct", "wrong"])
        assert isinstance(app.screen, SummaryScreen)
        rows = screen_lines(app)
        title = next(row for row in rows if seen("الملخص") in row)
        assert len(title.rstrip()) >= 77  # right-aligned
        hint = next(row for row in rows if seen("أخطائي") in row)
        assert hint.rstrip().endswith(
            f"{seen('أخطائي')} {seen('إعادة')}"
        )  # read first, at the right
