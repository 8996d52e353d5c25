"""An error saving an answer is told as text: a path or a server's message with brackets in
it is never read as Textual markup (which would garble it, or stop the app)."""

from __future__ import annotations

from pathlib import Path

from kzlearn.tui.screens import QuizScreen
from kzlearn.tui.served import ServedApp
from tests.tui.helpers import PACKS, answer, sign_in


async def test_an_answer_that_cannot_be_saved_is_said_as_text(tmp_path: Path) -> None:
    folder = tmp_path / "class [bold]5B [red]"
    folder.mkdir()
    app = ServedApp(PACKS, location=folder / "p.sqlite3", class_name=None)
    app.lang = "en"
    async with app.run_test(size=(100, 24), notifications=True) as pilot:
        await pilot.pause()
        await sign_in(pilot, app, "Amina", code=None)
        await pilot.press("enter", "s")
        await pilot.pause()
        assert isinstance(app.screen, QuizScreen)
        assert app.store is not None
        assert app.session is not None
        question = app.session.current
        assert question is not None
        app.store.close()  # the database goes away under the app
        await answer(pilot, question, "correct")
        await pilot.pause(0.2)
        shown = [str(toast.render()) for toast in app.screen.query("Toast")]
        assert app.crash is None
    said = [s for s in shown if s.startswith("Could not save this answer")]
    assert len(said) == 1
    assert "class [bold]5B [red]" in said[0]
