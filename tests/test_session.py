"""QuizSession: full quizzes of each item type, score, streaks, mistakes, resume."""

from __future__ import annotations

import pytest

from kzlearn import KzlearnError, load_packs
from kzlearn.models import (
    ClozeItem,
    FlashcardItem,
    MatchItem,
    McqItem,
    MultiItem,
    OrderItem,
    ShortItem,
    TrueFalseItem,
)
from kzlearn.questions.grading import correct_response
from kzlearn.quiz.session import ITEM_TYPES, AnswerRecord, Question, QuizOptions, QuizSession
from tests.conftest import DECKS

PACKS = load_packs(DECKS)


class Clock:
    """A clock that moves only when told."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def wrong_response(q: Question) -> object:
    item = q.item
    if isinstance(item, McqItem):
        return (item.answer_index + 1) % len(item.choices)
    if isinstance(item, TrueFalseItem):
        return not item.answer
    if isinstance(item, ShortItem | ClozeItem):
        return "لا أعرف"
    if isinstance(item, FlashcardItem):
        return False  # "I did not know it"
    if isinstance(item, OrderItem):
        return list(reversed(range(len(item.sequence))))
    if isinstance(item, MultiItem):  # only the wrong choices
        return [i for i in range(len(item.choices)) if i not in item.answer_indexes]
    assert isinstance(item, MatchItem)
    n = len(item.pairs)
    return [(i + 1) % n for i in range(n)]


def nearly_response(q: Question) -> object | None:
    item = q.item
    if isinstance(item, OrderItem) and len(item.sequence) >= 3:
        order = list(range(len(item.sequence)))
        order[0], order[1] = order[1], order[0]
        return order
    if isinstance(item, MultiItem) and len(item.answer_indexes) > 1:
        return list(item.answer_indexes[:1])  # one right choice of several
    if isinstance(item, ShortItem) and item.grade_as == "date":
        words = item.answer.get("en", "ar").split()
        return words[-1] if len(words) > 1 else None  # the year alone, for a finer date
    return None


@pytest.mark.parametrize("item_type", ITEM_TYPES)
def test_a_whole_quiz_of_one_type(item_type: str) -> None:
    clock = Clock()
    recorded: list[AnswerRecord] = []
    session = QuizSession(
        PACKS,
        QuizOptions(types=(item_type,), seed=3, lang="en"),
        clock=clock,
        on_answer=recorded.append,
    )
    assert session.total >= 2
    expected = {"correct": 0, "nearly": 0, "wrong": 0}
    while (question := session.current) is not None:
        assert question.item.type == item_type
        assert question.prompt
        clock.now += 2.5
        plan = question.number % 3
        nearly = nearly_response(question)
        if plan == 0:
            response, outcome = correct_response(question.item, "en"), "correct"
        elif plan == 1 and nearly is not None:
            response, outcome = nearly, "nearly"
        else:
            response, outcome = wrong_response(question), "wrong"
        feedback = session.answer(response)
        assert feedback.verdict.outcome == outcome, (question.key, response, feedback.verdict)
        assert feedback.verdict.expected
        expected[outcome] += 1
    summary = session.summary()
    assert (summary.correct, summary.nearly, summary.wrong) == tuple(expected.values())
    assert summary.seconds == pytest.approx(2.5 * session.total)
    assert len(recorded) == session.total
    assert summary.mistakes == [r.key for r in recorded if r.outcome != "correct"]

    retry = session.retry_mistakes()
    assert retry.total == len(summary.mistakes)
    while (question := retry.current) is not None:
        retry.answer(correct_response(question.item, "en"))
    assert retry.summary().correct == retry.total
    assert retry.mistakes == []


def test_feedback_quotes_the_source_in_both_languages() -> None:
    session = QuizSession(
        PACKS, QuizOptions(seed=1, lang="en"), keys=["kz-independence/independence-day.short"]
    )
    feedback = session.answer("16 December 1991")
    assert feedback.verdict.correct
    assert feedback.evidence == "when Kazakhstan gained independence on 16 December 1991"
    assert feedback.evidence_original == "عندما حصلت كازاخستان على الاستقلال في 16 ديسمبر 1991"
    assert feedback.source is not None
    assert "فؤاد الغزيزر" in feedback.source
    assert "December 2021" in feedback.source
    assert feedback.explanation is not None
    assert "16 ديسمبر 1991" in feedback.explanation


def test_score_streaks_and_the_breakdown_per_tag() -> None:
    keys = [
        "kz-independence/independence-day.short",
        "kz-independence/anniversary.short",
        "kz-independence/phase-3-start.short",
        "morocco-kazakhstan/almaty.short",
    ]
    session = QuizSession(PACKS, QuizOptions(seed=1), keys=keys)
    for response in ("16 دجنبر 1991", "ثلاثين", "1996", "ألماتي"):
        session.answer(response)
    summary = session.summary()
    assert (summary.correct, summary.wrong) == (3, 1)
    assert summary.score == pytest.approx(0.75)
    assert session.streak == 1
    assert session.best_streak == 2
    assert summary.per_tag["independence"] == (2, 2)
    assert summary.per_tag["phases"] == (0, 1)


def test_count_and_one_item_per_fact_before_repeats() -> None:
    session = QuizSession(PACKS, QuizOptions(seed=9, count=30))
    assert session.total == 30
    facts = [session._items[k][1].fact or k for k in session._state.keys]
    assert len(set(facts)) == 30


def test_same_seed_same_quiz() -> None:
    a = QuizSession(PACKS, QuizOptions(seed=4, count=10))
    b = QuizSession(PACKS, QuizOptions(seed=4, count=10))
    assert a._state.keys == b._state.keys
    assert a.current == b.current


def test_ordering_is_never_shown_already_solved() -> None:
    session = QuizSession(PACKS, QuizOptions(types=("order", "match"), seed=2))
    while (question := session.current) is not None:
        assert list(question.order) != sorted(question.order)
        session.skip()


def test_a_saved_quiz_resumes_where_it_stopped() -> None:
    session = QuizSession(PACKS, QuizOptions(seed=5, count=8, lang="en"))
    for _ in range(3):
        question = session.current
        assert question is not None
        session.answer(correct_response(question.item, "en"))
    saved = session.to_json()
    resumed = QuizSession.from_json(PACKS, saved)
    assert resumed.index == 3
    assert resumed.current == session.current
    assert resumed.answers == session.answers
    assert resumed.options == session.options


def test_a_resumed_quiz_drops_items_its_packs_no_longer_have() -> None:
    session = QuizSession(PACKS, QuizOptions(seed=5, count=8))
    session.skip()
    resumed = QuizSession.from_json(PACKS[:1], session.to_json())
    assert all(key.startswith("kz-independence/") for key in resumed._state.keys)


@pytest.mark.parametrize("text", ["", "{}", "[1, 2]", '{"format": 99}', "not json"])
def test_a_broken_save_is_a_clear_error(text: str) -> None:
    with pytest.raises(KzlearnError, match="saved quiz"):
        QuizSession.from_json(PACKS, text)


def test_bad_options_are_clear_errors() -> None:
    with pytest.raises(KzlearnError, match="unknown item type 'essay'"):
        QuizOptions(types=("essay",))
    with pytest.raises(KzlearnError, match="no item matches"):
        QuizSession(PACKS, QuizOptions(tags=("no-such-tag",)))
    session = QuizSession(PACKS, QuizOptions(count=1))
    session.skip()
    with pytest.raises(KzlearnError, match="finished"):
        session.answer("x")
    perfect = QuizSession(PACKS, QuizOptions(seed=1), keys=["kz-independence/anniversary.short"])
    perfect.answer("30")
    with pytest.raises(KzlearnError, match="no mistakes"):
        perfect.retry_mistakes()
