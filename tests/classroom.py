"""A synthetic class for the class report's tests: six students of 5B answer a small pack
through the quiz session (their answers chosen to make known statistics), some review
with the reviewer, and a student of another class answers too."""

from __future__ import annotations

import json
import math
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fsrs import Scheduler

from kzlearn.cli import main
from kzlearn.quiz.session import AnswerRecord, QuizOptions, QuizSession
from kzlearn.review.srs import Reviewer
from kzlearn.store.base import Learner
from tests.stores import Backend

PACK = """\
id: class-test
title: Class test
language: en
version: 1
items:
  - id: easy
    type: mcq
    prompt: Which is the capital of Kazakhstan?
    choices: [Astana, Almaty, Shymkent]
    answer: Astana
  - id: trap
    type: mcq
    prompt: In which year did Kazakhstan become independent?
    choices: ["1991", "1990", "1995", "1989"]
    answer: "1991"
  - id: misleading
    type: true_false
    prompt: Kazakhstan is the largest landlocked country.
    answer: true
  - id: typed
    type: short
    prompt: Name the first president.
    answer: Nazarbayev
"""
RETIRED = """\
  - id: retired
    type: true_false
    prompt: Almaty is the capital.
    answer: false
"""
ITEMS = ("easy", "trap", "misleading", "typed", "retired")
AMINA = "أمينة"
# student -> each item's response and the score it must get; every student of 5B answers
# every item. "easy" everyone gets right; "1990" is chosen more than the answer to
# "trap"; the strong students (who do best elsewhere) get "misleading" wrong.
CLASS = {
    AMINA: (0, 0, False, "Nazarbayev", False),
    "Baurzhan": (0, 1, False, "nazarbayev", False),
    "Chloe": (0, 1, True, "Tokayev", True),
    "Dana": (0, 1, True, "Nazarbayev", False),
    "Erlan": (0, 2, True, "Tokayev", True),
    "Farid": (0, "", True, "I do not know", True),
}
SCORES = {
    AMINA: (1, 1, 0, 1, 1),
    "Baurzhan": (1, 0, 0, 1, 1),
    "Chloe": (1, 0, 1, 0, 0),
    "Dana": (1, 0, 1, 1, 1),
    "Erlan": (1, 0, 1, 0, 0),
    "Farid": (1, 0, 1, 0, 0),
}
STEP = 7.0  # seconds on each quiz answer


class Clock:
    """A clock that moves only when told."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def textbook_r(xs: list[float], ys: list[float]) -> float:
    """Pearson's r by the one-pass computational formula."""
    n = len(xs)
    sx, sy = sum(xs), sum(ys)
    sxy = sum(x * y for x, y in zip(xs, ys, strict=True))
    sxx, syy = sum(x * x for x in xs), sum(y * y for y in ys)
    return (n * sxy - sx * sy) / math.sqrt((n * sxx - sx**2) * (n * syy - sy**2))


def moodle_discrimination(item: int) -> float | None:
    """Each student's item score against the sum of their other scores (every student
    answered every item, so Moodle's sum and the report's mean agree)."""
    own = [float(s[item]) for s in SCORES.values()]
    rest = [float(sum(s) - s[item]) for s in SCORES.values()]
    if len(set(own)) < 2:
        return None
    return textbook_r(own, rest)


def answer_all(backend: Backend, pack_path: Path, learner: Learner, responses: tuple) -> None:  # type: ignore[type-arg]
    from kzlearn.packs import load_pack

    pack = load_pack(pack_path)
    clock = Clock()
    with backend.open(learner=learner) as store:
        reviewer = Reviewer(store)

        def record(a: AnswerRecord) -> None:
            reviewer.record(a.key, a.outcome, answer=a.response, duration=a.seconds, source="quiz")

        session = QuizSession(
            [pack],
            QuizOptions(seed=1),
            keys=[f"{pack.id}/{i}" for i in ITEMS],
            clock=clock,
            on_answer=record,
        )
        for response in responses:
            clock.now += STEP
            session.answer(response)


@pytest.fixture
def classroom(backend: Backend, tmp_path: Path) -> tuple[Backend, Path, float]:
    """The class of :func:`fill_class`, on each backend."""
    return fill_class(backend, tmp_path)


def fill_class(backend: Backend, tmp_path: Path) -> tuple[Backend, Path, float]:
    """The class answered (the pack then lost its item "retired"); returns the backend,
    the pack file and the time the reviews were made up to."""
    pack = tmp_path / "class-test.yaml"
    pack.write_text(PACK + RETIRED, encoding="utf-8")
    for student, responses in CLASS.items():
        answer_all(backend, pack, Learner("5B", student), responses)
    pack.write_text(PACK, encoding="utf-8")
    # Amina reviews "easy" until it is mastered; Baurzhan answers "trap" right later on;
    # a student of another class gets "easy" wrong.
    now = datetime.now(UTC)
    with backend.open(learner=Learner("5B", AMINA)) as store:
        reviewer = Reviewer(store, Scheduler(enable_fuzzing=False))
        for days in (5, 15, 40, 90):
            reviewer.record(
                "class-test/easy", "correct", answer=0, duration=3.0, now=now + timedelta(days)
            )
    with backend.open(learner=Learner("5B", "Baurzhan")) as store:
        Reviewer(store).record(
            "class-test/trap", "correct", answer=0, duration=2.0, now=now + timedelta(1)
        )
        Reviewer(store).record("class-test/typed", "wrong", answer="x", duration=1.0)
    with backend.open(learner=Learner("6A", "Zhanar")) as store:
        Reviewer(store).record("class-test/easy", "wrong", answer=1, source="quiz")
    return backend, pack, (now + timedelta(90)).timestamp()


def report_json(backend: Backend, pack: Path, *extra: str) -> dict:  # type: ignore[type-arg]
    out = pack.parent / f"report{len(extra)}.json"
    code = main(
        ["class", "report", str(pack), "--db", backend.location(), "--json", str(out), *extra]
    )
    assert code == 0
    return json.loads(out.read_text(encoding="utf-8"))  # type: ignore[no-any-return]
