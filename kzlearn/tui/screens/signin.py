"""The first screen of a quiz served to a class: who is answering (and the class code).

A name is text and nothing else: checked here (one line, no control or bidi characters,
a length limit), shown only through widgets that print text as it is (never Textual
markup), and used only as a value in the progress store, never in a path or a command.
"""

from __future__ import annotations

from typing import Protocol, cast

from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Input

from kzlearn.store.base import NAME_LIMIT, refused_char
from kzlearn.tui.screens.base import KeysFooter, KzScreen
from kzlearn.tui.widgets import BidiText

__all__ = ["SignIn", "SignInScreen"]


class SignIn(Protocol):
    """What the screen asks of the app: whether the student can start, as a problem."""

    def sign_in(self, student: str) -> str | None:
        """Start answering as ``student``; the problem, in one line, where it failed."""


class SignInScreen(KzScreen):
    """Your name (and the class code, when the quiz is served to a class), then enter."""

    def __init__(self, class_name: str | None) -> None:
        super().__init__()
        self.class_name = class_name

    def compose(self) -> ComposeResult:
        mode = self.kz.rtl
        with VerticalScroll(id="body"):
            yield BidiText(self.t("kzlearn — who is answering?"), mode=mode, id="title")
            yield BidiText(self.t("Your name, then enter:"), mode=mode)
            yield Input(id="student", max_length=NAME_LIMIT)
            if self.class_name is not None:
                yield BidiText(self.t("The class code your teacher gave:"), mode=mode)
                yield Input(id="class-code", max_length=NAME_LIMIT)
            yield BidiText("", mode=mode, id="problem")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one("#student", Input).focus()

    async def relabel(self) -> None:
        typed = {i.id: i.value for i in self.query(Input).results(Input)}
        await self.recompose()
        for field in self.query(Input).results(Input):
            field.value = typed.get(field.id, "")
        self.query_one("#student", Input).focus()

    def problem(self, name: str, code: str | None) -> str | None:
        """What is wrong with what was typed, in the display language."""
        if not name:
            return self.t("Type your name.")
        if len(name) > NAME_LIMIT:
            return self.t("A name has at most {limit} characters.", limit=NAME_LIMIT)
        char = refused_char(name)
        if char is not None:
            return self.t("A name cannot hold the character U+{code}.", code=f"{ord(char):04X}")
        if self.class_name is not None and (code or "").strip().casefold() != (
            self.class_name.casefold()
        ):
            return self.t("This is not the class code: ask your teacher.")
        return None

    @on(Input.Submitted)
    def submitted(self, event: Input.Submitted) -> None:
        name = self.query_one("#student", Input).value.strip()
        code_input = self.query("#class-code").results(Input)
        code = next((i.value for i in code_input), None)
        if event.input.id == "student" and name and code == "":
            self.query_one("#class-code", Input).focus()
            return
        said = self.problem(name, code)
        if said is None:
            said = cast(SignIn, self.app).sign_in(name)
        if said is not None:
            self.query_one("#problem", BidiText).update(said)
