"""The kzlearn terminal app."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import Screen

from kzlearn.errors import KzlearnError
from kzlearn.models import Item, Pack
from kzlearn.quiz.session import AnswerRecord, QuizOptions, QuizSession
from kzlearn.safetext import safe_line
from kzlearn.tui.bidi import RtlMode, is_rtl, visual_line
from kzlearn.tui.i18n import LANGS, tr
from kzlearn.tui.screens.quiz import QuizScreen

if TYPE_CHECKING:
    from kzlearn.review.srs import Reviewer

__all__ = ["KzlearnApp", "load_ahead"]


def load_ahead() -> None:
    """Load what drawing the first question may need: the Arabic shaper and the bidi
    algorithm, the terminal's table of cell widths, the interface's catalogs. Each loads on
    first use anyway; this is for a start that would otherwise sit idle (waiting for the
    child that fills the pack cache), so that the first frame comes sooner."""
    from rich.cells import cell_len

    from kzlearn.tui.i18n import catalog

    cell_len(visual_line("السلام عليكم", rtl=True))
    for lang in LANGS:
        catalog(lang)


class KzlearnApp(App[None]):
    """Quizzes in the terminal: pick a deck, answer, read why, see the summary."""

    TITLE = "kzlearn"
    ENABLE_COMMAND_PALETTE = False  # its words are English only; every key is in the help
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
        reviewer: Reviewer | Callable[[], Reviewer] | None = None,
        review_keys: list[str] | None = None,
        items: dict[str, list[Item]] | None = None,
    ) -> None:
        super().__init__()
        self.items = items
        self.clock = clock
        self._reviewer = reviewer
        self.review_keys = review_keys
        self.last_review_id: int | None = None
        self.packs = packs
        self.options = options or QuizOptions()
        self.rtl: RtlMode = rtl
        self.lang = self.options.lang or (packs[0].language if packs else "en")
        self._start_quiz = start_quiz
        self.session: QuizSession | None = None
        self.retrying = False  # the session is a "retry my mistakes" run
        self.crash: Exception | None = None

    def t(self, message: str, **fields: object) -> str:
        """``message`` from the catalog of the display language."""
        return tr(self.lang, message, **fields)

    def switch_language(self, langs: list[str]) -> str:
        """The next of ``langs`` (those with a catalog) becomes the display language."""
        langs = [lang for lang in langs if lang in LANGS] or list(LANGS)
        current = langs.index(self.lang) if self.lang in langs else -1
        self.lang = langs[(current + 1) % len(langs)]
        self.options = replace(self.options, lang=self.lang)
        return self.lang

    def _handle_exception(self, error: Exception) -> None:
        # Textual prints a traceback as the app closes and exits 0; keep the error instead:
        # the command line reports it in one line and exits non-zero (KZLEARN_DEBUG=1 shows
        # the traceback as well). The first error is the one: what fails as the app closes
        # after it only follows from it.
        if self.crash is None:
            self.crash = error
        super()._handle_exception(error)

    def _print_error_renderables(self) -> None:
        if self.crash is None or os.environ.get("KZLEARN_DEBUG"):
            super()._print_error_renderables()
        else:
            self._exit_renderables.clear()

    def show(self, line: str) -> str:
        """One line of text as this terminal should receive it (for labels, never Inputs)."""
        return visual_line(line) if self.rtl == "app" and is_rtl(line) else line

    @property
    def reviewer(self) -> Reviewer | None:
        """Where answers are saved. Given as a factory, it is made on the first answer, after
        the first question is on screen (fsrs and the store need not slow the start)."""
        if callable(self._reviewer):
            self._reviewer = self._reviewer()
        return self._reviewer

    @property
    def reviewing(self) -> bool:
        """True in review mode: answers schedule cards, 1-4 override the rating."""
        return self.review_keys is not None

    def on_mount(self) -> None:
        if self.review_keys is not None:
            self.session = QuizSession(
                self.packs,
                self.options,
                keys=self.review_keys,
                clock=self.clock,
                on_answer=self.record,
                items=self.items,
            )
            self.push_screen(QuizScreen(self.session))
        elif self._start_quiz:
            self.start_quiz(self.packs, self.options)
        else:
            self.push_screen(self.first_screen())

    def first_screen(self) -> Screen[None]:
        """What the app opens on with no quiz to start: the deck picker."""
        from kzlearn.tui.screens.picker import PickerScreen

        return PickerScreen()

    def start_quiz(self, packs: list[Pack], options: QuizOptions) -> None:
        """Start a quiz over ``packs`` (replaces whatever screen is showing)."""
        self.session = QuizSession(
            packs, options, clock=self.clock, on_answer=self.record, items=self.items
        )
        self.lang = options.lang or packs[0].language
        self.retrying = False
        screen = QuizScreen(self.session)
        if len(self.screen_stack) > 1:
            self.switch_screen(screen)  # the setup screen; the picker stays beneath
        else:
            self.push_screen(screen)

    def run_session(self, session: QuizSession) -> None:
        """Play ``session`` (a retry of mistakes) in place of the summary."""
        self.session = session
        self.retrying = True
        self.switch_screen(QuizScreen(session))

    def new_quiz(self) -> None:
        """Back to the deck picker (a review, once over, leaves review mode)."""
        self.session = None
        self.review_keys = None
        from kzlearn.tui.screens.picker import PickerScreen

        if any(isinstance(s, PickerScreen) for s in self.screen_stack):
            while not isinstance(self.screen_stack[-1], PickerScreen):
                self.pop_screen()
        else:
            self.switch_screen(PickerScreen())

    def record(self, answer: AnswerRecord) -> None:
        """Save an answer as it is given (review answers also reschedule the card)."""
        if self.reviewer is None:
            return
        try:
            scheduled = self.reviewing and answer.key in (self.review_keys or ())
            self.last_review_id = self.reviewer.record(
                answer.key,
                answer.outcome,
                answer=answer.response,
                duration=answer.seconds,
                source="review" if scheduled else "quiz",
            )
        except KzlearnError as error:
            # A path or a server's message is text: never read as markup.
            self.notify(
                safe_line(self.t("Could not save this answer: {e}", e=error)),
                severity="error",
                timeout=10,
                markup=False,
            )

    def rate(self, rating: int) -> bool:
        """Replace the rating of the answer just given (review mode); True when done."""
        if self.reviewer is None or self.last_review_id is None or not self.reviewing:
            return False
        from fsrs import Rating

        try:
            self.reviewer.amend(self.last_review_id, Rating(rating))
        except KzlearnError as error:
            self.notify(safe_line(str(error)), severity="error", markup=False)
            return False
        return True

    def undo_rating(self) -> bool:
        """Review mode: take back the last review; its card is asked again."""
        if not self.reviewing or self.session is None or self.reviewer is None:
            return False
        if self.last_review_id is None or not self.session.answers:
            return False
        from kzlearn.tui.reviewing import undo_review

        try:
            if not undo_review(self.reviewer, self.last_review_id):
                return False
        except KzlearnError as error:
            self.notify(safe_line(str(error)), severity="error", markup=False)
            return False
        self.session.undo_last()
        self.last_review_id = None
        return True

    def override(self) -> bool:
        """ "I was right": the last answer of the quiz counts as correct, marked overridden
        in the session and in the progress store."""
        if self.session is None:
            return False
        try:
            self.session.override_last()
            if self.reviewer is not None and self.last_review_id is not None:
                from kzlearn.tui.reviewing import mark_overridden

                mark_overridden(self.reviewer, self.last_review_id)
        except KzlearnError as error:
            self.notify(safe_line(str(error)), severity="error", markup=False)
            return False
        return True

    def items_of(self, pack: Pack) -> list[Item]:
        """A pack's items as played: those the cache gave, else generated once and kept;
        then flashcards' back-to-front cards."""
        if self.items is None:
            self.items = {}
        if pack.id not in self.items:
            from kzlearn.questions.generate import all_items

            self.items[pack.id] = all_items(pack)
        from kzlearn.questions.self_graded import with_reverse_cards

        return with_reverse_cards(self.items[pack.id])

    def outlook(self) -> tuple[int, int] | None:
        """How many items come due tomorrow and in the coming week (with a progress store)."""
        if self.reviewer is None:
            return None
        from kzlearn.review.srs import pack_stats

        tomorrow = week = 0
        for pack in self.packs:
            keys = [f"{pack.id}/{i.id}" for i in self.items_of(pack)]
            stats = pack_stats(self.reviewer.store, pack, keys)
            tomorrow += stats.due_tomorrow
            week += stats.due_week
        return tomorrow, week

    def show_summary(self, session: QuizSession) -> None:
        """The quiz is over."""
        from kzlearn.tui.screens.summary import SummaryScreen

        self.switch_screen(SummaryScreen(session))

    @property
    def quiz_under_way(self) -> bool:
        """Answers of the current run are unfinished: a retry run, or a run with an answer
        given or one being built, not yet at its end."""
        session = self.session
        if session is None or session.finished:
            return False
        screen = next((s for s in self.screen_stack if isinstance(s, QuizScreen)), None)
        building = screen is not None and screen.has_unfinished_answer
        return session.index > 0 or self.retrying or building

    def action_request_quit(self) -> None:
        """Leave; ask first while a quiz is under way."""
        if not self.quiz_under_way:
            self.exit()
            return

        def leave(confirmed: bool | None) -> None:
            if confirmed:
                self.exit()

        from kzlearn.tui.screens.dialogs import ConfirmScreen

        if not isinstance(self.screen, ConfirmScreen):
            question = (
                self.t("Leave the review? Your ratings so far are kept.")
                if self.reviewing
                else self.t("Leave the quiz? Your answers so far are kept.")
            )
            self.push_screen(ConfirmScreen(question), leave)
