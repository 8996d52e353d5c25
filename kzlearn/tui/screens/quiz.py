"""One question at a time; feedback after each answer; review ratings."""

from __future__ import annotations

from dataclasses import replace
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import Input

from kzlearn.models import (
    ClozeItem,
    FlashcardItem,
    ShortItem,
    TrueFalseItem,
)
from kzlearn.quiz.session import Feedback, Question, QuizSession
from kzlearn.tui.bidi import is_rtl
from kzlearn.tui.checks import CheckList
from kzlearn.tui.i18n import TYPE_NAMES
from kzlearn.tui.panels import ProgressLine, StatusLine
from kzlearn.tui.screens.answers import answer_widget, passage
from kzlearn.tui.screens.base import LANGUAGE_BINDING, KeysFooter, KzScreen
from kzlearn.tui.screens.feedback import feedback_parts, status_variants
from kzlearn.tui.screens.flashcard import KNEW, reveal, show_hint
from kzlearn.tui.widgets import AnswerInputs, BidiText, ChoiceList, MatchBoard, OrderList

__all__ = ["QuizScreen"]

_FOCUSABLE = "ChoiceList, CheckList, OrderList, MatchBoard, Input"
_ROWS = "#answer ChoiceList, #answer CheckList, #answer OrderList, #answer MatchBoard"
TYPED = (ShortItem, ClozeItem)


class QuizScreen(KzScreen):
    """One question at a time; feedback after each answer."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("t,ف", "true_false(True)", "True", show=False),
        Binding("f,ب", "true_false(False)", "False", show=False),
        Binding("enter,space,n,ى", "next", "Next", show=False),
        Binding("o,خ", "override", "I was right"),
        Binding("u,ع,ctrl+z", "undo", "Undo rating"),
        *LANGUAGE_BINDING,
        Binding("q,ض", "app.request_quit", "Quit"),
        Binding("escape", "skip", "Skip", show=False),
        Binding("h,ا", "hint", "Hint", show=False),
        *(Binding(str(n), f"rate({n})", show=False) for n in range(1, 5)),
    ]

    def __init__(self, session: QuizSession) -> None:
        super().__init__()
        self.session = session
        self.question: Question | None = None
        self.answered: Feedback | None = None
        self.response: object = None
        self.revealed = False  # a flashcard's back is showing

    def compose(self) -> ComposeResult:
        # The first question is composed with the screen (one layout, one styling, the
        # footer's keys chosen once); the next ones replace it (show_question).
        self.question = q = self.session.current
        mode = self.kz.rtl
        with Horizontal(id="status"):
            yield StatusLine(mode=mode, id="score")
            yield ProgressLine(self.session.total, id="progress")
        with VerticalScroll(id="body"):
            yield BidiText(self._kind(q), mode=mode, id="kind", classes="heading")
            yield BidiText(q.prompt if q else "", mode=mode, id="prompt")
            with Vertical(id="answer"):
                if q is not None:
                    yield answer_widget(self, q)
            yield Vertical(id="feedback")
        yield KeysFooter()

    def on_mount(self) -> None:
        if self.question is None:
            self.kz.show_summary(self.session)
            return
        focus = self._answer_focus()
        if focus is not None:
            self.set_focus(focus)  # now: no other widget is focused first, then this one
        self._status()

    def _kind(self, q: Question | None) -> str:
        return self.t(TYPE_NAMES[q.item.type]) if q is not None else ""

    def _heading(self, q: Question) -> None:
        """Show ``q``'s kind and prompt (composed with the screen, then replaced)."""
        self.query_one("#kind", BidiText).update(self._kind(q))
        self.query_one("#prompt", BidiText).update(q.prompt)

    def _answer_focus(self) -> Widget | None:
        """The answer's first box or list, which the keys go to."""
        return next(iter(self.query_one("#answer", Vertical).query(_FOCUSABLE)), None)

    @property
    def lang(self) -> str:
        return self.kz.lang

    def _status(self) -> None:
        variants = status_variants(self)
        self.query_one("#score", StatusLine).update(*variants)
        # Right to left: the counter at the right, the bar filling from the right.
        rtl = self.kz.rtl == "app" and is_rtl(variants[0])
        self.query_one("#status", Horizontal).set_class(rtl, "-rtl")
        self.query_one("#progress", ProgressLine).rtl = rtl
        self.query_one("#progress", ProgressLine).update(self.session.index)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "override":  # "I was right": a typed answer of a quiz, not yet right
            last = self.session.answers[-1] if self.session.answers else None
            return (
                self.answered is not None
                and not self.kz.reviewing
                and self.question is not None
                and isinstance(self.question.item, TYPED)
                and last is not None
                and last.outcome != "correct"
            )
        if action == "undo":
            return self.kz.reviewing and self.kz.last_review_id is not None
        return True

    # -- showing a question ----------------------------------------------------------------

    async def show_question(self, keep: dict[str, Any] | None = None) -> None:
        """Show the current question; ``keep`` is an unfinished answer to put back."""
        self.answered = None
        self.response = None
        self.revealed = False
        self.question = self.session.current
        await self.query_one("#feedback", Vertical).remove_children()
        answer = self.query_one("#answer", Vertical)
        await answer.remove_children()
        answer.display = True
        if self.question is None:
            self.kz.show_summary(self.session)
            return
        q = self.question
        self._heading(q)
        await answer.mount(answer_widget(self, q))
        if keep and keep.get("revealed"):
            await self._reveal()
        if keep:
            self._restore(keep)
        focus = self._answer_focus()
        if keep and keep.get("focus") is not None:
            focus = answer.query_one(f"#answer-{keep['focus']}", Input)
        if focus is not None:
            focus.focus()
        self._status()
        self.refresh_bindings()
        self.query_one("#body", VerticalScroll).scroll_home(animate=False)

    # -- an unfinished answer survives a change of language -------------------------------

    def unfinished(self) -> dict[str, Any]:
        """The answer being built: highlighted row, order, pairs, typed texts."""
        state: dict[str, Any] = {"revealed": self.revealed}
        for rows in self.query(_ROWS):
            state["highlighted"] = rows.highlighted  # type: ignore[attr-defined]
            if isinstance(rows, CheckList):
                state["ticked"] = sorted(rows.ticked)
            if isinstance(rows, OrderList):
                state["order"] = list(rows.keys)
            if isinstance(rows, MatchBoard):
                state["assigned"] = list(rows.assigned)
        inputs = list(self.query("#answer Input").results(Input))
        if inputs:
            state["typed"] = [i.value for i in inputs]
            focused = [n for n, i in enumerate(inputs) if i.has_focus]
            state["focus"] = focused[0] if focused else None
        return state

    @property
    def has_unfinished_answer(self) -> bool:
        """Something was typed, moved or paired and not yet answered."""
        if self.answered is not None or self.question is None:
            return False
        state = self.unfinished()
        shown = [i for i, _ in self.question.entries]
        return bool(
            any(state.get("typed", []))
            or bool(state.get("ticked"))
            or any(a is not None for a in state.get("assigned", []))
            or ("order" in state and state["order"] != shown)
        )

    def _restore(self, keep: dict[str, Any]) -> None:
        for rows in self.query(_ROWS):
            if isinstance(rows, CheckList) and "ticked" in keep:
                rows.ticked = set(keep["ticked"])
            if isinstance(rows, OrderList) and "order" in keep:
                texts = dict(self.question.entries) if self.question else {}
                rows.keys = list(keep["order"])
                rows.rows = [texts[k] for k in rows.keys]
            if isinstance(rows, MatchBoard) and "assigned" in keep:
                rows.assigned = list(keep["assigned"])
            rows.highlighted = keep.get("highlighted", 0)  # type: ignore[attr-defined]
            rows.relabel()  # type: ignore[attr-defined]
            rows.call_after_refresh(rows._paint)  # type: ignore[attr-defined]
        for value, box in zip(
            keep.get("typed", []), self.query("#answer Input").results(Input), strict=False
        ):
            box.value = value
            box.cursor_position = len(value)

    async def relabel(self) -> None:
        if self.answered is None:
            await self.show_question(keep=self.unfinished())
            return
        # The answered question, its feedback and keys in the new language: the right
        # answer as that language writes it, the outcome as it was graded.
        from kzlearn.questions.grading import grade

        assert self.question is not None
        q = self.question = self.session.shown_now(self.question)
        expected = grade(q.item, self.response, lang=q.lang).expected
        verdict = replace(self.answered.verdict, expected=expected)
        self.answered = self.session.feedback(q, verdict)
        self._heading(q)
        await self._show_feedback(self.answered)
        self._status()
        self.refresh_bindings()

    async def action_toggle_language(self) -> None:
        if self.question is None:
            return
        new = self.kz.switch_language(self.languages())
        self.session.set_lang(new)
        await self.relabel()

    def packs_shown(self) -> list[Any]:
        return [self.question.pack] if self.question else list(self.session.packs.values())

    # -- answers from the widgets ----------------------------------------------------------

    async def submit(self, response: object) -> None:
        if self.answered is not None or self.question is None:
            return
        self.response = response
        self.answered = self.session.answer(response)
        await self._show_feedback(self.answered)
        self._status()
        self.set_focus(None)
        self.refresh_bindings()

    @on(ChoiceList.Chosen, "#choices")
    async def chose(self, event: ChoiceList.Chosen) -> None:
        if self.question is None:
            return
        if isinstance(self.question.item, FlashcardItem):
            await self.submit(event.index == KNEW)
        elif isinstance(self.question.item, TrueFalseItem):
            await self.submit(event.index == 0)  # true
        else:  # the row shown -> the item's own choice
            await self.submit(self.question.order[event.index])

    @on(CheckList.Checked)
    async def checked(self, event: CheckList.Checked) -> None:
        if self.question is not None:  # the rows shown -> the item's own choices
            await self.submit([self.question.order[i] for i in event.rows])

    @on(OrderList.Ordered)
    async def ordered(self, event: OrderList.Ordered) -> None:
        await self.submit(event.order)

    @on(MatchBoard.Matched)
    async def matched(self, event: MatchBoard.Matched) -> None:
        await self.submit(event.chosen)

    @on(MatchBoard.Incomplete)
    def incomplete(self) -> None:
        self.notify(
            self.t("Give every entry on the left a letter from the right."), severity="warning"
        )

    @on(AnswerInputs.Submitted)
    async def typed(self, event: AnswerInputs.Submitted) -> None:
        item = self.question.item if self.question else None
        await self.submit(event.answers if isinstance(item, ClozeItem) else event.answers[0])

    async def _show_feedback(self, feedback: Feedback) -> None:
        """The answer, marked part by part, in place of the answer widget; then the verdict."""
        assert self.question is not None
        answer = self.query_one("#answer", Vertical)
        await answer.remove_children()
        panel = self.query_one("#feedback", Vertical)
        await panel.remove_children()
        marks, parts = feedback_parts(self, self.question, feedback, self.response)
        if isinstance(self.question.item, ClozeItem):
            await answer.mount(
                BidiText(passage(self.question), mode=self.kz.rtl, classes="passage")
            )
        if marks is not None:
            await answer.mount(marks)
        answer.display = bool(answer.children)  # no empty rows above the verdict
        await panel.mount(*parts)
        # Question, answer and verdict are read together: from the top, scrolled only as
        # far as a small terminal needs to show the verdict.
        self.query_one("#body", VerticalScroll).scroll_home(animate=False)
        self.call_after_refresh(parts[0].scroll_visible, animate=False)

    # -- keys ------------------------------------------------------------------------------

    async def action_true_false(self, value: bool) -> None:
        if self.question is not None and isinstance(self.question.item, TrueFalseItem):
            await self.submit(value)

    @property
    def card_waiting(self) -> bool:
        """A flashcard is on screen, not yet answered."""
        q = self.question
        return q is not None and isinstance(q.item, FlashcardItem) and self.answered is None

    async def _reveal(self) -> None:
        if self.question is not None and not self.revealed:
            self.revealed = True
            await reveal(self, self.question)
            self.refresh_bindings()

    async def action_next(self) -> None:
        if self.card_waiting:  # space or enter turns the card; in a review, enter keeps good
            if not self.revealed:
                await self._reveal()
            elif self.kz.reviewing:
                await self.action_rate(3)
            else:  # as enter does (and Anki's space): the highlighted answer
                for choices in self.query("#choices").results(ChoiceList):
                    await self.submit(choices.highlighted == KNEW)
            return
        if self.answered is not None:
            await self.show_question()

    async def action_hint(self) -> None:
        if self.card_waiting and not self.revealed and self.question is not None:
            await show_hint(self, self.question)

    async def action_rate(self, rating: int) -> None:
        """Review mode: 1 again, 2 hard, 3 good, 4 easy, instead of the suggested rating; a
        flashcard's rating is its answer."""
        if self.card_waiting and self.revealed and self.kz.reviewing:
            self.session.answer(rating)
            if rating == 4:  # recorded as good (the outcome "correct"): easy replaces it
                self.kz.rate(rating)
            await self.show_question()
            return
        if self.card_waiting and self.revealed and rating > 2:  # a quiz: Anki's good, easy
            await self.submit(True)
            return
        if self.answered is not None and self.kz.rate(rating):
            await self.show_question()

    async def action_override(self) -> None:
        """I was right: the typed answer counts as correct, recorded as overridden."""
        if self.check_action("override", ()) and self.kz.override() and self.answered:
            await self._show_feedback(self.answered)
            self._status()
            self.refresh_bindings()

    async def action_undo(self) -> None:
        """Review mode: take back the last rating and answer that card again."""
        if self.kz.reviewing and self.kz.undo_rating():
            await self.show_question()

    async def action_skip(self) -> None:
        if self.answered is None and self.question is not None:
            await self.submit("")
