"""The quiz as ``kzlearn serve`` runs it for each browser (issue 15): a name first (and the
class code), every answer under that student, no student seeing another's progress."""

from __future__ import annotations

from pathlib import Path

import pytest

from kzlearn.store.base import LOCAL, NAME_LIMIT, Learner
from kzlearn.tui.screens import PickerScreen, SignInScreen
from kzlearn.tui.served import ServedApp
from tests.stores import Backend
from tests.tui.helpers import PACKS, answer_first, screen_text, sign_in, type_text


def served(backend: Backend, class_name: str | None = "5B") -> ServedApp:
    return ServedApp(PACKS, location=backend.location(), class_name=class_name)


async def test_the_name_is_asked_first_and_answers_are_stored_under_the_student(
    backend: Backend,
) -> None:
    app = served(backend)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SignInScreen)
        await type_text(pilot, "Amina")
        await pilot.press("enter")  # on to the class code
        assert app.store is None
        await type_text(pilot, " 5b ")
        await pilot.press("enter")
        await pilot.pause()
        assert app.student == "Amina"
        key = await answer_first(pilot, app)
    with backend.open(learner=Learner("5B", "Amina")) as store:
        assert [(r.key, r.outcome) for r in store.reviews()] == [(key, "correct")]
    with backend.open() as store:
        assert store.learner == LOCAL
        assert store.reviews() == []  # not the local student's


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("", "Type your name."),
        ("   ", "Type your name."),
        ("a" * (NAME_LIMIT + 1), f"A name has at most {NAME_LIMIT} characters."),
        ("Ami\x1b[2Jna", "A name cannot hold the character U+001B."),
        ("Ami\u202ena", "A name cannot hold the character U+202E."),
        ("Amina\nBaurzhan", "A name cannot hold the character U+000A."),
    ],
)
async def test_a_name_that_is_not_one_line_of_text_is_refused_and_nothing_opened(
    tmp_path: Path, name: str, said: str
) -> None:
    location = tmp_path / "progress.sqlite3"
    app = ServedApp(PACKS, location=location, class_name=None)
    app.lang = "en"
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await sign_in(pilot, app, name, code=None)
        assert isinstance(app.screen, SignInScreen)
        assert said in screen_text(app)
        assert app.store is None
    assert not location.exists()


async def test_a_wrong_class_code_is_refused(tmp_path: Path) -> None:
    location = tmp_path / "progress.sqlite3"
    app = ServedApp(PACKS, location=location, class_name="5B")
    app.lang = "en"
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await sign_in(pilot, app, "Amina", code="6A")
        assert isinstance(app.screen, SignInScreen)
        assert "This is not the class code" in screen_text(app)
        assert app.store is None
        await sign_in(pilot, app, "Amina", code="")  # enter on an empty code
        assert app.store is None
        await sign_in(pilot, app, "Amina", code="5B")
        assert isinstance(app.screen, PickerScreen)
        assert app.store is not None
        assert app.store.learner == Learner("5B", "Amina")


async def test_a_name_is_shown_as_text_never_as_markup(tmp_path: Path) -> None:
    name = "[bold red]Amina[/] [link=x]y[/link]"
    app = ServedApp(PACKS, location=tmp_path / "p.sqlite3", class_name=None)
    app.lang = "en"
    async with app.run_test(size=(100, 24), notifications=True) as pilot:
        await pilot.pause()
        await sign_in(pilot, app, name, code=None)
        await pilot.pause()
        assert app.student == name
        await pilot.pause(0.2)
        shown = [str(toast.render()) for toast in app.screen.query("Toast")]
        assert shown == [f"Your answers are saved as {name}."]  # the brackets as typed
        assert f"Your answers are saved as {name}." in [n.message for n in app._notifications]


async def test_an_arabic_name_is_shaped_right_to_left_like_the_rest(tmp_path: Path) -> None:
    from kzlearn.tui.bidi import visual_line

    app = ServedApp(PACKS, location=tmp_path / "p.sqlite3", class_name=None)
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        app.lang = "ar"
        await sign_in(pilot, app, "أمينة", code=None)
        await pilot.pause()
        line = app.t("Your answers are saved as {name}.", name="أمينة")
        assert visual_line(line) in [n.message for n in app._notifications]
        assert app.rtl == "app"


async def test_two_students_on_one_store_never_see_each_others_progress(
    backend: Backend,
) -> None:
    keys = {}
    for name in ("Amina", "Baurzhan"):
        app = served(backend)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await sign_in(pilot, app, name)
            assert app.reviewer is not None
            assert app.reviewer.store.reviews() == [], name  # the other's answer is not here
            keys[name] = await answer_first(pilot, app)
    for name, key in keys.items():
        with backend.open(learner=Learner("5B", name)) as store:
            assert [r.key for r in store.reviews()] == [key]
    with backend.open() as store:
        _cards, reviews = store.class_rows("5B")
    assert sorted(r.student for r in reviews) == ["Amina", "Baurzhan"]


async def test_a_store_that_cannot_be_opened_is_said_in_one_line(tmp_path: Path) -> None:
    folder = tmp_path / "a folder"
    folder.mkdir()
    app = ServedApp(PACKS, location=folder, class_name=None)
    async with app.run_test(size=(120, 24)) as pilot:
        await pilot.pause()
        await sign_in(pilot, app, "Amina", code=None)
        assert isinstance(app.screen, SignInScreen)
        assert "is a directory" in screen_text(app)
        assert app.store is None


async def test_only_the_served_decks_are_offered_and_no_palette_opens(tmp_path: Path) -> None:
    from kzlearn.tui.widgets import ChoiceList

    served_pack = PACKS[1]
    app = ServedApp([served_pack], location=tmp_path / "p.sqlite3", class_name=None)
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, SignInScreen)
        await sign_in(pilot, app, "Amina", code=None)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        rows = app.screen.query_one(ChoiceList).rows
        assert len(rows) == 2  # every served deck, then the one deck; no other
        assert served_pack.text(served_pack.title, app.lang) in rows[1]


async def test_the_arabic_sign_in_screen_reads_right_to_left_title_and_all(
    tmp_path: Path,
) -> None:
    from kzlearn.tui.widgets import BidiText

    app = ServedApp(PACKS, location=tmp_path / "p.sqlite3", class_name="6B")
    app.lang = "ar"
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SignInScreen)
        texts = [t for t in app.screen.query(BidiText).results(BidiText) if t.text]
        assert len(texts) == 3  # the title, the name's label, the class code's label
        # The title was set at the left, the labels under it at the right.
        assert [t.has_class("-rtl") for t in texts] == [True] * len(texts)


async def test_a_long_arabic_toast_is_wrapped_before_it_is_reordered(tmp_path: Path) -> None:
    from rich.cells import cell_len

    from kzlearn.tui.bidi import visual_line
    from kzlearn.tui.served import toast_width

    app = ServedApp(PACKS, location=tmp_path / "p.sqlite3", class_name=None)
    name = " ".join(["نورسلطان"] * 6)  # longer than a toast's line, under the name limit
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        app.lang = "ar"
        await sign_in(pilot, app, name, code=None)
        await pilot.pause()
        message = next(iter(app._notifications)).message
    lines = message.split("\n")
    assert len(lines) > 1
    assert all(cell_len(line) <= toast_width(100) for line in lines)
    assert len({cell_len(line) for line in lines}) == 1  # padded at the left: set at the right
    sentence = app.t("Your answers are saved as {name}.", name=name)
    assert visual_line(sentence.split()[0]) in lines[0]  # the top line: the sentence's start
