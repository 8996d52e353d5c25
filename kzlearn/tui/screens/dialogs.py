"""The dialogs: the keys, and a yes-or-no question. Their text wraps (40x12 fits)."""

from __future__ import annotations

from typing import ClassVar, cast

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button

from kzlearn.tui.bidi import is_rtl
from kzlearn.tui.host import Host
from kzlearn.tui.widgets import BidiText

__all__ = ["ConfirmScreen", "HelpScreen"]

HELP_ROWS = (
    ("Multiple choice", "1-9 or a-j choose · ↑↓ and enter"),
    ("Select all that apply", "1-9 or a-j tick · space ticks the highlighted · enter answers"),
    ("True / false", "t or f · ↑↓ and enter"),
    ("Typed, cloze", "type, then enter (enter moves to the next blank)"),
    ("Put in order", "↑↓ pick · shift+↑↓ or u/d move · enter answers"),
    ("Match pairs", "↑↓ pick a left entry · its right letter or number · enter"),
    ("Flashcard", "space/enter: the back · h: hint · 1 knew it, 2 not · review: 1-4"),
    ("After an answer", "enter, space or n: next question · o: I was right (typed answers)"),
    ("Choosing a quiz", "enter: choose · s or ctrl+s: start · escape: back"),
    ("After a quiz", "r: retry my mistakes · n: new quiz"),
    ("Review", "1 again · 2 hard · 3 good · 4 easy · u: undo the last rating"),
    ("Anywhere", "l or F2: language · escape: skip · ? or F1: keys"),
    ("Leaving", "q or ctrl+c (asks first during a quiz)"),
    ("Arabic keyboard", "the letters on the same keys work too"),
)


class HelpScreen(ModalScreen[None]):
    """The keys, in the display language."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,q,ض,f1", "app.pop_screen", "Close")
    ]

    def compose(self) -> ComposeResult:
        kz = cast(Host, self.app)
        with VerticalScroll(id="dialog"):  # 40x12: the keys scroll
            yield BidiText(kz.t("Keys"), mode=kz.rtl, id="dialog-title")
            for what, keys in HELP_ROWS:
                yield BidiText(f"{kz.t(what)}: {kz.t(keys)}", mode=kz.rtl, classes="help-row")
            yield BidiText(kz.t("escape: close"), mode=kz.rtl, classes="hint")


class ConfirmScreen(ModalScreen[bool]):
    """Yes or no."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y,غ", "answer(True)", "Yes"),
        Binding("n,ى,escape", "answer(False)", "No"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        kz = cast(Host, self.app)
        rtl = kz.rtl == "app" and is_rtl(self.question)
        with Vertical(id="dialog"):
            yield BidiText(self.question, mode=kz.rtl)
            # Right to left, the buttons read from the right too: yes first, at the right.
            with Horizontal(id="buttons", classes="-rtl" if rtl else ""):
                buttons = [
                    Button(kz.show(kz.t("Yes (y)")), id="yes", variant="error"),
                    Button(kz.show(kz.t("No (n)")), id="no", variant="primary"),
                ]
                yield from reversed(buttons) if rtl else buttons

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    @on(Button.Pressed, "#yes")
    def yes(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#no")
    def no(self) -> None:
        self.dismiss(False)

    def action_answer(self, value: bool) -> None:
        self.dismiss(value)
