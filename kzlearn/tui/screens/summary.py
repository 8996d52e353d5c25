"""The end of a quiz or a review: score, time, a breakdown per tag, what comes next."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll

from kzlearn.quiz.session import QuizSession
from kzlearn.tui.screens.base import LANGUAGE_BINDING, KeysFooter, KzScreen
from kzlearn.tui.widgets import BidiText

__all__ = ["SummaryScreen"]


class SummaryScreen(KzScreen):
    """Score, time, a breakdown per tag; retry mistakes or start again."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r,ق", "retry", "Retry my mistakes"),
        Binding("n,ى", "new", "New quiz"),
        *LANGUAGE_BINDING,
        Binding("q,ض", "app.request_quit", "Quit"),
    ]

    def __init__(self, session: QuizSession) -> None:
        super().__init__()
        self.session = session

    def lines(self) -> list[str]:
        """What the summary says, in the display language."""
        s = self.session.summary()
        minutes, seconds = divmod(round(s.seconds), 60)
        lines = [self.t("Reviewed: {n}", n=len(self.session.answers))] if self.kz.reviewing else []
        lines += [
            self.t(
                "Score: {pct}  ({c} correct, {n} nearly, {w} wrong, of {t})",
                pct=f"{s.score:.0%}",
                c=s.correct,
                n=s.nearly,
                w=s.wrong,
                t=s.total,
            ),
            self.t(
                "Time: {m}:{s}  ·  best streak {b}",
                m=minutes,
                s=f"{seconds:02d}",
                b=self.session.best_streak,
            ),
        ]
        overridden = sum(a.overridden for a in self.session.answers)
        if overridden:
            lines.append(self.t("Counted right at your word: {n}", n=overridden))
        lines += ["", self.t("By tag (nearly counts half):")]
        lines += [
            f"  {self.t(tag)}  {score:g}/{answered}"
            for tag, (score, answered) in s.per_tag.items()
        ]
        due = self.kz.outlook()
        if due is not None:
            lines += [
                "",
                self.t("Due tomorrow: {d}", d=due[0]),
                self.t("Due in the next 7 days: {w}", w=due[1]),
            ]
        return lines

    def hint(self) -> str:
        if self.kz.reviewing:
            return self.t("n: a quiz · q: quit")
        if self.session.mistakes:
            return self.t(
                "r: retry my {k} mistakes · n: new quiz · q: quit", k=len(self.session.mistakes)
            )
        return self.t("No mistakes. n: new quiz · q: quit")

    def compose(self) -> ComposeResult:
        mode = self.kz.rtl
        title = self.t("Review over") if self.kz.reviewing else self.t("Summary")
        with VerticalScroll(id="body"):
            yield BidiText(title, mode=mode, id="title")
            with Vertical(id="summary"):
                for line in self.lines():
                    yield BidiText(line or " ", mode=mode)
            yield BidiText(self.hint(), mode=mode, classes="hint")
        yield KeysFooter()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "retry":
            return bool(self.session.mistakes) and not self.kz.reviewing
        return True

    def action_retry(self) -> None:
        if self.session.mistakes and not self.kz.reviewing:
            self.kz.run_session(self.session.retry_mistakes())

    def action_new(self) -> None:
        self.kz.new_quiz()
