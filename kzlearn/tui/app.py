"""The kzlearn terminal app."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType

from kzlearn.models import Pack
from kzlearn.session import QuizOptions, QuizSession
from kzlearn.tui.bidi import RtlMode, is_rtl, visual_line
from kzlearn.tui.screens import ConfirmScreen, PickerScreen, QuizScreen, SummaryScreen

__all__ = ["KzlearnApp"]


class KzlearnApp(App[None]):
    """Quizzes in the terminal: pick a deck, answer, read why, see the summary."""

    TITLE = "kzlearn"
    CSS_PATH = Path(__file__).with_name("kzlearn.tcss")  # absolute: subclasses live elsewhere
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+c,ctrl+q", "request_quit", "Quit", priority=True, show=False),
    ]

    def __init__(
        self,
        packs: list[Pack],
        *,
        options: QuizOptions | None = None,
        start_quiz: bool = False,
        rtl: RtlMode = "app",
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__()
        self.clock = clock
        self.packs = packs
        self.options = options or QuizOptions()
        self.rtl: RtlMode = rtl
        self.lang = self.options.lang or (packs[0].language if packs else "en")
        self._start_quiz = start_quiz
        self.session: QuizSession | None = None

    def show(self, line: str) -> str:
        """One line of text as this terminal should receive it (for labels, never Inputs)."""
        return visual_line(line) if self.rtl == "app" and is_rtl(line) else line

    def on_mount(self) -> None:
        if self._start_quiz:
            self.start_quiz(self.packs, self.options)
        else:
            self.push_screen(PickerScreen(self.packs))

    def start_quiz(self, packs: list[Pack], options: QuizOptions) -> None:
        """Start a quiz over ``packs`` (replaces whatever screen is showing)."""
        self.session = QuizSession(packs, options, clock=self.clock)
        self.lang = options.lang or packs[0].language
        screen = QuizScreen(self.session)
        if len(self.screen_stack) > 1:
            self.switch_screen(screen)  # the setup screen; the picker stays beneath
        else:
            self.push_screen(screen)

    def new_quiz(self) -> None:
        """Back to the deck picker."""
        self.session = None
        if any(isinstance(s, PickerScreen) for s in self.screen_stack):
            while not isinstance(self.screen_stack[-1], PickerScreen):
                self.pop_screen()
        else:
            self.switch_screen(PickerScreen(self.packs))

    def show_summary(self, session: QuizSession) -> None:
        """The quiz is over."""
        self.switch_screen(SummaryScreen(session))

    @property
    def quiz_under_way(self) -> bool:
        """A quiz has started and is not finished."""
        return self.session is not None and self.session.index > 0 and not self.session.finished

    def action_request_quit(self) -> None:
        """Leave; ask first while a quiz is under way."""
        if not self.quiz_under_way:
            self.exit()
            return

        def leave(confirmed: bool | None) -> None:
            if confirmed:
                self.exit()

        if not isinstance(self.screen, ConfirmScreen):
            self.push_screen(ConfirmScreen("Leave the quiz? Your answers so far are kept."), leave)
