"""What the quiz screen says after an answer, and its header line."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kzlearn.models import FlashcardItem, McqItem, MultiItem, TrueFalseItem
from kzlearn.quiz.session import Feedback, Question
from kzlearn.tui.bidi import direction_rtl, is_rtl
from kzlearn.tui.i18n import reason_text
from kzlearn.tui.panels import MarkRows
from kzlearn.tui.widgets import BidiText

if TYPE_CHECKING:
    from kzlearn.tui.screens.quiz import QuizScreen

__all__ = ["feedback_parts", "rating_line", "status_variants"]

VERDICTS = {"correct": "✓ Correct", "nearly": "≈ Nearly", "wrong": "✗ Wrong"}


def status_variants(screen: QuizScreen) -> list[str]:
    """The header, longest first: the counter is the question on screen (the one just
    answered, until the next is shown)."""
    session, t = screen.session, screen.t
    s = session.summary()
    number = session.index if screen.answered is not None else session.index + 1
    number = max(1, min(number, session.total))
    counter = t("Question {n}/{total}", n=number, total=session.total)
    score = t(
        "score {score}/{answered}", score=f"{s.correct + 0.5 * s.nearly:g}", answered=session.index
    )
    streak = t("streak {n}", n=session.streak)
    return [f"{counter} · {score} · {streak}", f"{counter} · {score}", f"{number}/{session.total}"]


def rating_line(screen: QuizScreen, suggested: int) -> str:
    """Review: each rating with the interval it gives, from FSRS, then the suggestion."""
    from kzlearn.tui.reviewing import next_intervals, ratings_text

    reviewer = screen.kz.reviewer
    review_id = screen.kz.last_review_id
    intervals = next_intervals(reviewer, review_id) if reviewer and review_id else {}
    return ratings_text(screen.t, intervals, suggested)


def feedback_parts(
    screen: QuizScreen, question: Question, feedback: Feedback, response: object
) -> tuple[MarkRows | None, list[BidiText]]:
    """The marked answer (None for a typed answer) and the lines below it."""
    t, mode = screen.t, screen.kz.rtl
    verdict = feedback.verdict
    last = screen.session.answers[-1] if screen.session.answers else None
    outcome = last.outcome if last is not None else verdict.outcome
    skipped = response in ("", []) or response is None
    reason = (
        t("no answer")
        if skipped
        else reason_text(verdict.reason, screen.lang)
        if verdict.reason
        else ""
    )
    head = t(VERDICTS[outcome])
    if outcome == "wrong" and isinstance(question.item, FlashcardItem):
        head = t("✗ Not known yet")  # the student's own word, said as they would
    if outcome == "nearly" and verdict.score is not None:  # part of the credit: how much
        head += f" ({verdict.score:.0%})"
    if last is not None and last.overridden:
        head = t("✓ Counted right at your word")
    elif reason:
        head += f" — {reason}"
    from kzlearn.tui.marks import marks  # the graders: not needed before an answer

    rows = marks(question, response, (t("True"), t("False")))
    marked = (
        MarkRows(
            rows,
            mode=mode,
            right_word=t("right"),
            numbered=not isinstance(question.item, TrueFalseItem),
            rtl=is_rtl(question.prompt),
        )
        if rows
        else None
    )
    rtl = is_rtl(question.prompt)

    def line(text: str, classes: str) -> BidiText:
        # A line with no letter (dates, numbers) reads in the question's direction.
        return BidiText(text, mode=mode, rtl=direction_rtl(text, rtl), classes=classes)

    parts = [line(head, f"verdict -{outcome}")]
    if not isinstance(question.item, McqItem | MultiItem | TrueFalseItem):  # marks show them
        expected = verdict.expected
        if is_rtl(expected):  # the arrow follows the reading direction; Arabic semicolons
            expected = expected.replace(" → ", " ← ").replace("; ", "؛ ")
        if (
            not skipped
            and rows == []
            and response
            and not isinstance(question.item, FlashcardItem)
        ):
            parts.append(line(t("Your answer: {a}", a=response), "given"))
        parts.append(line(t("Answer: {a}", a=expected), "expected"))
    if screen.kz.reviewing:
        suggested = {"wrong": 1, "nearly": 2, "correct": 3}[outcome]
        hint = rating_line(screen, suggested)
    else:
        hint = t("enter: next")
        if screen.check_action("override", ()):
            hint += " · " + t("o: I was right")
    # Next to the verdict: the key to go on is never below the fold.
    parts.append(line(hint, "hint"))
    if feedback.explanation:
        parts.append(line(feedback.explanation, "explanation"))
    if feedback.evidence:
        parts.append(line(f"« {feedback.evidence} »", "evidence"))
    if feedback.evidence_original:
        parts.append(line(f"« {feedback.evidence_original} »", "evidence"))
    if feedback.source:
        parts.append(line(t("Source: {s}", s=feedback.source), "source"))
    return marked, parts
