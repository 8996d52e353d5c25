"""What the screens need from the app, as a protocol: the screens never import the app
(the app imports them), so there is no import cycle."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from kzlearn.models import Item, Pack
    from kzlearn.quiz.session import QuizOptions, QuizSession
    from kzlearn.review.srs import Reviewer
    from kzlearn.tui.bidi import RtlMode

__all__ = ["Host"]


class Host(Protocol):
    """The running app, as its screens see it."""

    packs: list[Pack]
    options: QuizOptions
    rtl: RtlMode
    lang: str
    session: QuizSession | None
    last_review_id: int | None

    @property
    def reviewing(self) -> bool: ...

    @property
    def reviewer(self) -> Reviewer | None: ...

    def t(self, message: str, **fields: object) -> str: ...

    def show(self, line: str) -> str: ...

    def items_of(self, pack: Pack) -> list[Item]: ...

    def start_quiz(self, packs: list[Pack], options: QuizOptions) -> None: ...

    def run_session(self, session: QuizSession) -> None: ...

    def new_quiz(self) -> None: ...

    def show_summary(self, session: QuizSession) -> None: ...

    def outlook(self) -> tuple[int, int] | None: ...

    def rate(self, rating: int) -> bool: ...

    def undo_rating(self) -> bool: ...

    def override(self) -> bool: ...

    def switch_language(self, langs: list[str]) -> str: ...
