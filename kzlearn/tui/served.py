"""The quiz app as ``kzlearn serve`` runs it for each browser: the served packs only, a
name first, and every answer saved under that student (and class)."""

from __future__ import annotations

from pathlib import Path

from textual.screen import Screen

from kzlearn.errors import KzlearnError
from kzlearn.models import Item, Pack
from kzlearn.safetext import safe_line
from kzlearn.store.base import Learner, ProgressStore
from kzlearn.tui.app import KzlearnApp
from kzlearn.tui.bidi import is_rtl
from kzlearn.tui.screens import PickerScreen, SignInScreen

__all__ = ["ServedApp", "toast_width"]


def toast_width(screen_width: int) -> int:
    """The cells of text in a Textual toast: 60 wide, at most half the screen, less its
    padding (one each side) and its left border."""
    return max(min(60, screen_width // 2) - 3, 10)


class ServedApp(KzlearnApp):
    """The app over the served packs, for one student: who they are is asked first, then
    the store is opened for them alone.

    Args:
        packs: the served packs (the deck picker offers these and nothing else).
        location: the progress store (a SQLite path or a PostgreSQL URL).
        class_name: the class; its name is the code a student types to join it.
    """

    def __init__(
        self,
        packs: list[Pack],
        *,
        location: str | Path,
        class_name: str | None = None,
        items: dict[str, list[Item]] | None = None,
    ) -> None:
        # A browser's terminal never reorders right-to-left text: the app shapes it.
        super().__init__(packs, rtl="app", items=items)
        self.location = location
        self.class_name = class_name
        self.store: ProgressStore | None = None
        self.student: str | None = None

    def first_screen(self) -> Screen[None]:
        return SignInScreen(self.class_name)

    def sign_in(self, student: str) -> str | None:
        """Open the store for ``student`` and show the decks; the problem, if it failed."""
        from kzlearn.review.srs import Reviewer
        from kzlearn.store import open_store

        try:
            learner = Learner(self.class_name or "", student)
            store = open_store(self.location, learner=learner)
        except (ValueError, KzlearnError) as error:
            return safe_line(str(error))
        store.on_lost = self._lost
        self.store, self.student = store, student
        self._reviewer = Reviewer(store)
        self.switch_screen(PickerScreen())
        self.notify(
            self.toast_text(self.t("Your answers are saved as {name}.", name=safe_line(student))),
            markup=False,
        )
        return None

    def _lost(self, detail: str) -> None:
        line = self.t("The connection to the server was lost and made again; answer saved.")
        self.notify(self.toast_text(line), severity="warning", markup=False)

    def toast_text(self, line: str) -> str:
        """``line`` for a notification: right-to-left text is wrapped to the toast's width
        before it is reordered (reordered first, as one line, Textual's wrapping would put
        the sentence's end on the top line: a long name did), its lines set at the right."""
        if self.rtl != "app" or not is_rtl(line):
            return line
        from rich.cells import cell_len

        from kzlearn.tui.bidi import display_lines

        lines = display_lines(line, toast_width(self.size.width))
        widest = max(cell_len(shown) for shown in lines)
        # Each line set at the right, where a right-to-left paragraph's lines begin.
        return "\n".join(" " * (widest - cell_len(shown)) + shown for shown in lines)

    def on_unmount(self) -> None:
        if self.store is not None:
            self.store.close()
